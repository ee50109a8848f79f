"""Cash close-out on one laptop: expected vs counted by receipt, a difference only with a
reason, the ledger's cash in hand always the live cash receipts no deposit covers, and the
signed slip the branch checks and confirms once. Every test here failed before close-outs
existed (no close-out, no slip; a partial deposit silently cleared the cash in hand)."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_app.domain.deposit_payload import parse_slip, short_code
from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import PaymentMethod, User
from outreach_app.services.cash_closeout import (
    CashCloseOut,
    CloseOutRefused,
    is_receipt_deposited,
)
from outreach_app.services.deposit_slips import DepositSlips, SlipRefused
from outreach_app.services.payments import PaymentService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.storage.errors import ReceiptLocked
from outreach_app.storage.store import Store


@pytest.fixture
def payments(demo_store: Store, schedule) -> PaymentService:
    return PaymentService(demo_store, schedule)


@pytest.fixture
def closeout(demo_store: Store) -> CashCloseOut:
    return CashCloseOut(demo_store, ReceiptSigner(demo_store))


@pytest.fixture
def agent(demo_store: Store) -> User:
    return demo_store.users.by_username("agen.saumlaki")


def live_cash_not_deposited(store: Store, agent: User) -> int:
    """Counted here from the rows, apart from the code under test: a receipt is deposited
    when a close-out lists it, or a deposit from before close-outs came after it."""
    deposits = [d for d in store.deposits.all() if d.agent_id == agent.stamp.id]
    listed = {r for d in deposits if d.receipt_ids for r in d.receipt_ids.split()}
    legacy = max((d.deposited_at for d in deposits if not d.receipt_ids), default=None)
    return sum(
        p.total
        for p in store.payments.live_cash_of(agent.stamp.id)
        if p.stamp.id not in listed and (legacy is None or p.paid_at > legacy)
    )


_PERSON: dict[str, str] = {}


def take(store: Store, payments: PaymentService, agent: User, method=PaymentMethod.CASH):
    key = str(store.path)
    if key not in _PERSON:
        _PERSON[key] = next(
            p.stamp.id for p in store.participants.all()
            if p.agent_id == agent.stamp.id and p.registered_on
        )  # fmt: skip
    return payments.record(_PERSON[key], 1, agent, method=method)


def test_close_out_covers_exactly_the_receipts_shown(
    demo_store: Store, payments: PaymentService, closeout: CashCloseOut, agent: User
) -> None:
    shown = closeout.preview(agent)
    assert shown.lines and shown.expected == payments.ledger(agent).in_hand > 0
    assert shown.expected == live_cash_not_deposited(demo_store, agent)
    deposit = closeout.close(agent, shown=shown)
    assert deposit.amount == deposit.expected == shown.expected and deposit.difference == 0
    assert deposit.receipts == set(shown.receipt_ids)
    assert all(is_receipt_deposited(demo_store, line.payment) for line in shown.lines)
    assert payments.ledger(agent).in_hand == 0
    assert closeout.preview(agent).lines == ()
    with pytest.raises(CloseOutRefused, match="Tidak ada kuitansi tunai"):
        closeout.close(agent)
    # a receipt taken after the close-out is the next close-out's, never this one's
    later = take(demo_store, payments, agent)
    assert not is_receipt_deposited(demo_store, later)
    assert payments.ledger(agent).in_hand == later.total
    transfer = take(demo_store, payments, agent, PaymentMethod.TRANSFER)
    assert not is_receipt_deposited(demo_store, transfer)
    assert payments.ledger(agent).in_hand == later.total  # a transfer is no cash in hand


def test_a_difference_needs_a_reason_and_is_kept(
    demo_store: Store, payments: PaymentService, closeout: CashCloseOut, agent: User
) -> None:
    shown = closeout.preview(agent)
    short = shown.expected - 5_000
    with pytest.raises(CloseOutRefused, match=r"selisih -Rp5\.000.*tulis alasannya"):
        closeout.close(agent, short, "   ", shown=shown)
    with pytest.raises(CloseOutRefused, match="alasannya"):
        closeout.close(agent, short, "ok", shown=shown)
    assert payments.ledger(agent).in_hand == shown.expected  # nothing saved
    before = payments.ledger(agent)
    deposit = closeout.close(agent, short, "Uang kembalian  kurang", shown=shown)
    assert deposit.difference == -5_000 and deposit.difference_reason == "Uang kembalian kurang"
    after = payments.ledger(agent)
    assert after.in_hand == 0  # the receipts are handed over: expected is now nothing
    assert after.deposited == before.deposited + short  # the cash is what was counted
    with pytest.raises(CloseOutRefused, match="tidak masuk akal"):
        take(demo_store, payments, agent)
        closeout.close(agent, 10**20, "salah ketik banyak nol")
    with pytest.raises(CloseOutRefused, match="lebih dari nol"):
        take(demo_store, payments, agent)
        closeout.close(agent, 0, "uang hilang dicuri")


def test_a_list_that_changed_since_shown_is_refused(
    demo_store: Store, payments: PaymentService, closeout: CashCloseOut, agent: User
) -> None:
    shown = closeout.preview(agent)
    take(demo_store, payments, agent)
    with pytest.raises(CloseOutRefused, match="berubah"):
        closeout.close(agent, shown=shown)
    voided = shown.lines[0].payment
    fresh = closeout.preview(agent)
    demo_store.payments.void(voided.receipt_no, "Salah orang, uang dikembalikan")
    with pytest.raises(CloseOutRefused, match="berubah"):
        closeout.close(agent, shown=fresh)
    deposit = closeout.close(agent, shown=closeout.preview(agent))
    assert voided.stamp.id not in deposit.receipts
    assert deposit.expected == fresh.expected - voided.total


def test_deposits_from_before_close_outs_cover_what_was_paid_before_them(
    demo_store: Store, agent: User
) -> None:
    legacy = [d for d in demo_store.deposits.all() if d.agent_id == agent.stamp.id]
    assert legacy and not any(d.is_closeout for d in legacy)
    last = max(d.deposited_at for d in legacy)
    for payment in demo_store.payments.live_cash_of(agent.stamp.id):
        assert is_receipt_deposited(demo_store, payment) == (payment.paid_at <= last)


def test_a_close_out_is_never_edited_or_deleted(
    demo_store: Store, closeout: CashCloseOut, agent: User
) -> None:
    deposit = closeout.close(agent)
    with pytest.raises(ReceiptLocked):
        demo_store.deposits.update(deposit.stamp.id, amount=1)
    with pytest.raises(ReceiptLocked):
        demo_store.deposits.delete(deposit.stamp.id)


def test_the_slip_is_checked_and_confirmed_once_by_staff(
    demo_store: Store, closeout: CashCloseOut, agent: User
) -> None:
    deposit = closeout.close(agent, closeout.preview(agent).expected + 2_000, "lebih dari peserta")
    slips = DepositSlips(demo_store)
    claim, _ = parse_slip(deposit.slip_payload)
    assert (claim.slip_no, claim.counted, claim.expected) == (
        deposit.reference, deposit.amount, deposit.expected)  # fmt: skip
    checked = slips.verify(deposit.slip_payload.lower())  # a scanner may lower-case it
    assert checked.deposit == deposit and not checked.confirmed
    tampered = deposit.slip_payload.replace(f":{deposit.amount}:", f":{deposit.amount + 1}:")
    with pytest.raises(SlipRefused, match="Tanda tangan slip tidak cocok"):
        slips.verify(tampered)
    with pytest.raises(DomainError, match="bukan kode slip"):
        slips.verify("PO1:" + deposit.slip_payload[4:])
    with pytest.raises(SlipRefused, match="Kode pendek tidak cocok"):
        slips.confirm(staff(demo_store), f"{deposit.reference} AAAAAAAA")
    with pytest.raises(SlipRefused, match="Hanya staf"):
        slips.confirm(agent, deposit.slip_payload)
    at = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)
    code = short_code(deposit.slip_payload)
    done = slips.confirm(staff(demo_store), f"{deposit.reference.lower()} {code[:4]}-{code[4:]}",
                         at=at)  # fmt: skip
    assert done.received_by == staff(demo_store).stamp.id and done.received_at == at
    with pytest.raises(SlipRefused, match="sudah dikonfirmasi diterima"):
        slips.confirm(staff(demo_store), deposit.slip_payload)


def test_a_genuine_slip_that_differs_from_the_recorded_close_out_is_refused(
    demo_store: Store, closeout: CashCloseOut, agent: User
) -> None:
    """Signed by this laptop's key, but not the close-out recorded under that number."""
    deposit = closeout.close(agent)
    claim, _ = parse_slip(deposit.slip_payload)
    forged_claim = type(claim)(claim.slip_no, claim.agent_id, claim.counted + 100_000,
                               claim.expected + 100_000, claim.receipts, claim.closed_at,
                               claim.device_id)  # fmt: skip
    signature, _ = ReceiptSigner(demo_store).sign(forged_claim.message().encode("ascii"))
    with pytest.raises(SlipRefused, match="tidak sama dengan slip"):
        DepositSlips(demo_store).confirm(staff(demo_store), forged_claim.payload(signature))


def staff(store: Store) -> User:
    return store.users.by_username("staf.maluku")


# --- the invariant, over random days ------------------------------------------------------

STEPS = st.lists(
    st.tuples(st.sampled_from(["cash", "transfer", "void", "close", "close_short"]),
              st.integers(0, 50)),
    min_size=1, max_size=8,
)  # fmt: skip


@settings(
    max_examples=int(os.environ.get("OUTREACH_HYPOTHESIS_EXAMPLES", "4")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=STEPS)
def test_cash_expected_is_always_the_live_cash_receipts_not_deposited(
    demo_store: Store, payments: PaymentService, closeout: CashCloseOut, agent: User, steps
) -> None:
    """Whatever the order of payments, voids and close-outs (short, with a reason): cash in
    hand is the live cash receipts no close-out covers, no receipt is in two close-outs, and
    the cash handed over is the sum of what was counted."""
    for action, number in steps:
        if action in ("cash", "transfer"):
            take(demo_store, payments, agent, PaymentMethod(action))
        elif action == "void":
            mine = demo_store.payments.live_cash_of(agent.stamp.id)
            demo_store.payments.void(
                mine[number % len(mine)].receipt_no, "Salah catat, uang kembali"
            )
        else:
            shown = closeout.preview(agent)
            if shown.lines:
                short = number if action == "close_short" else 0
                closeout.close(agent, max(shown.expected - short, 1), "hitungan kurang", shown)
        ledger = payments.ledger(agent)
        assert ledger.in_hand == live_cash_not_deposited(demo_store, agent)
        assert ledger.in_hand == closeout.preview(agent).expected
        deposits = [d for d in demo_store.deposits.all() if d.agent_id == agent.stamp.id]
        listed = [r for d in deposits for r in d.receipts]
        assert len(listed) == len(set(listed))
        assert ledger.deposited == sum(d.amount for d in deposits)

"""The void rule at its boundaries (domain/voids.py) and the service that applies it: own
receipt, today, not deposited is a void; anything else a request staff decide once."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from outreach_app.domain.errors import ReceiptRefused
from outreach_app.domain.models import Payment, PaymentMethod, User
from outreach_app.domain.voids import (
    WHY_DEPOSITED,
    WHY_NOT_OWN,
    WHY_NOT_TODAY,
    VoidOutcome,
    VoidRequestStatus,
    cash_deposited,
    decision_problem,
    reason_problem,
    void_outcome,
)
from outreach_app.services.payments import PaymentService
from outreach_app.services.voids import VoidService
from outreach_app.storage.store import Store
from outreach_app.storage.void_requests import receipt_deposited

WIT = dt.timezone(dt.timedelta(hours=9))  # Saumlaki
PAID = dt.datetime(2026, 11, 21, 7, 30, tzinfo=WIT)
REASON = "Salah jumlah bulan: peserta minta tiga bulan, bukan satu"


def outcome(**changes: object) -> tuple[VoidOutcome, tuple[str, ...]]:
    args: dict[str, object] = {
        "collected_by": "agent-1",
        "paid_at": PAID,
        "deposited": False,
        "actor_id": "agent-1",
        "now": PAID + dt.timedelta(hours=3),
    }
    args.update(changes)
    verdict = void_outcome(**args)  # type: ignore[arg-type]
    return verdict.outcome, verdict.why


def test_own_receipt_today_not_deposited_is_voided_at_once() -> None:
    assert outcome() == (VoidOutcome.VOID, ())


def test_the_local_day_decides_not_utc() -> None:
    # 23:59 local time the same day is still today; one minute later it is yesterday's
    late = dt.datetime(2026, 11, 21, 23, 59, tzinfo=WIT)
    assert outcome(now=late) == (VoidOutcome.VOID, ())
    assert outcome(now=late + dt.timedelta(minutes=1)) == (VoidOutcome.REQUEST, (WHY_NOT_TODAY,))
    # the same instant read on a UTC clock (14:59 UTC) is still the receipt's day in Saumlaki
    assert outcome(now=late.astimezone(dt.UTC)) == (VoidOutcome.VOID, ())


def test_yesterdays_own_receipt_is_a_request() -> None:
    assert outcome(now=PAID + dt.timedelta(days=1)) == (VoidOutcome.REQUEST, (WHY_NOT_TODAY,))


def test_another_agents_receipt_is_a_request_even_today() -> None:
    assert outcome(actor_id="agent-2") == (VoidOutcome.REQUEST, (WHY_NOT_OWN,))


def test_a_deposited_receipt_is_a_request() -> None:
    assert outcome(deposited=True) == (VoidOutcome.REQUEST, (WHY_DEPOSITED,))


def test_every_reason_is_given() -> None:
    found = outcome(actor_id="x", deposited=True, now=PAID + dt.timedelta(days=540))
    assert found == (VoidOutcome.REQUEST, (WHY_NOT_OWN, WHY_NOT_TODAY, WHY_DEPOSITED))


def test_deposited_means_a_close_out_lists_it_or_an_older_deposit_came_after() -> None:
    none: frozenset[str] = frozenset()
    assert not cash_deposited("p1", PAID, True, [(PAID - dt.timedelta(minutes=1), none)])
    assert cash_deposited("p1", PAID, True, [(PAID + dt.timedelta(minutes=1), none)])
    assert not cash_deposited("p1", PAID, True, [])
    assert cash_deposited("p1", PAID, False, [])  # a transfer: settled at once
    later = PAID + dt.timedelta(hours=1)
    assert cash_deposited("p1", PAID, True, [(later, frozenset({"p0", "p1"}))])
    # a close-out after the receipt that does not list it has not carried its money
    assert not cash_deposited("p1", PAID, True, [(later, frozenset({"p0"}))])


@pytest.mark.parametrize(
    "reason", ["", "salah", "Salah input", "a b c", "     batal      batal      "]
)
def test_a_reason_must_be_a_sentence(reason: str) -> None:
    assert reason_problem(reason) is not None


def test_a_real_sentence_passes() -> None:
    assert reason_problem(REASON) is None


def test_decisions_are_staffs_once_and_never_their_own_request() -> None:
    assert decision_problem("pending", "agent-1", "staff-1", True) is None
    assert decision_problem("pending", "agent-1", "agent-2", False) is not None
    assert decision_problem("approved", "agent-1", "staff-1", True) is not None
    assert decision_problem("refused", "agent-1", "staff-1", True) is not None
    assert decision_problem("pending", "staff-1", "staff-1", True) is not None


# --- the service on a demo database with a clock we set -----------------------------------


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def world(tmp_path: Path, demo_db_template: Path) -> Iterator[tuple[Store, Clock]]:
    shutil.copy(demo_db_template, tmp_path / "demo.db")
    clock = Clock(PAID)
    with Store(tmp_path / "demo.db", now=clock) as store:
        yield store, clock


def take(store: Store, schedule, agent: User, method=PaymentMethod.CASH) -> Payment:
    person = next(
        p for p in store.participants.all() if p.registered_on and p.agent_id == agent.stamp.id
    )
    return PaymentService(store, schedule).record(person.stamp.id, 1, agent, method=method)


def test_service_voids_own_receipt_of_today(world, schedule) -> None:
    store, _clock = world
    agent = store.users.by_username("agen.saumlaki")
    payment = take(store, schedule, agent)
    result = VoidService(store).void_or_request(payment.receipt_no, REASON, agent)
    assert result.outcome is VoidOutcome.VOID
    assert store.payments.by_receipt(payment.receipt_no).voided
    assert store.void_requests.all() == []


def test_service_files_a_request_for_yesterdays_receipt(world, schedule) -> None:
    store, clock = world
    agent = store.users.by_username("agen.saumlaki")
    payment = take(store, schedule, agent)
    clock.at = PAID + dt.timedelta(days=1)
    result = VoidService(store).void_or_request(payment.receipt_no, REASON, agent)
    assert result.outcome is VoidOutcome.REQUEST
    assert not store.payments.by_receipt(payment.receipt_no).voided
    assert result.request is not None and result.request.status is VoidRequestStatus.PENDING
    with pytest.raises(ReceiptRefused, match="sudah diajukan"):
        VoidService(store).void_or_request(payment.receipt_no, REASON, agent)


def test_service_files_a_request_for_another_agents_receipt(world, schedule) -> None:
    store, _clock = world
    payment = take(store, schedule, store.users.by_username("agen.saumlaki"))
    other = store.users.by_username("agen.ambon")
    result = VoidService(store).void_or_request(payment.receipt_no, REASON, other)
    assert result.outcome is VoidOutcome.REQUEST


def test_service_files_a_request_once_deposited(world, schedule) -> None:
    store, clock = world
    agent = store.users.by_username("agen.saumlaki")
    payment = take(store, schedule, agent)
    assert not receipt_deposited(store.db, payment)
    clock.at = PAID + dt.timedelta(hours=1)
    PaymentService(store, schedule).cash_closeout().close(agent)
    assert receipt_deposited(store.db, payment)
    result = VoidService(store).void_or_request(payment.receipt_no, REASON, agent)
    assert result.outcome is VoidOutcome.REQUEST


def test_a_transfer_is_settled_at_once(world, schedule) -> None:
    store, _clock = world
    agent = store.users.by_username("agen.saumlaki")
    payment = take(store, schedule, agent, PaymentMethod.TRANSFER)
    assert receipt_deposited(store.db, payment)


def test_staff_approve_once_and_the_server_voids_the_receipt(world, schedule) -> None:
    """The approval is a decision with its audit entry; the receipt is voided by the branch
    server when it accepts the first decision (tests/integration), never by this laptop."""
    store, clock = world
    agent = store.users.by_username("agen.saumlaki")
    staff = store.users.by_username("staf.maluku")
    payment = take(store, schedule, agent)
    clock.at = PAID + dt.timedelta(days=2)
    service = VoidService(store)
    request = service.void_or_request(payment.receipt_no, REASON, agent).request
    assert request is not None
    assert [line.request.stamp.id for line in service.pending()] == [request.stamp.id]
    with pytest.raises(ReceiptRefused, match="staf"):
        service.decide(request.stamp.id, True, "Disetujui, sudah dicek ke peserta", agent)
    decided = service.decide(request.stamp.id, True, "Disetujui, sudah dicek ke peserta", staff)
    assert decided.status is VoidRequestStatus.APPROVED and decided.decided_by == staff.stamp.id
    assert not store.payments.by_receipt(payment.receipt_no).voided  # until the server says
    with pytest.raises(ReceiptRefused, match="sudah diputuskan"):
        service.decide(request.stamp.id, False, "Berubah pikiran setelah disetujui", staff)
    entries = store.db.execute(
        "SELECT actor, action FROM audit_log WHERE entity_id = ? ORDER BY at",
        [request.stamp.id],
    ).fetchall()
    assert entries == [("agen.saumlaki", "void_request"), ("staf.maluku", "void_approved")]
    assert service.pending() == []


def test_staff_refuse_and_the_receipt_stands(world, schedule) -> None:
    store, clock = world
    agent = store.users.by_username("agen.saumlaki")
    staff = store.users.by_username("staf.maluku")
    payment = take(store, schedule, agent)
    clock.at = PAID + dt.timedelta(days=2)
    service = VoidService(store)
    request = service.void_or_request(payment.receipt_no, REASON, agent).request
    assert request is not None
    decided = service.decide(request.stamp.id, False, "Uang sudah disetor ke bank", staff)
    assert decided.status is VoidRequestStatus.REFUSED
    assert not store.payments.by_receipt(payment.receipt_no).voided


def test_a_short_reason_is_refused(world, schedule) -> None:
    store, _clock = world
    agent = store.users.by_username("agen.saumlaki")
    payment = take(store, schedule, agent)
    with pytest.raises(ReceiptRefused, match="kalimat"):
        VoidService(store).void_or_request(payment.receipt_no, "salah", agent)

"""Two laptops take the same month offline; they meet at sync. Neither receipt is dropped: the
later one is a double payment both agents and the staff see, until staff settle it as a credit
(the next payment uses it) or a refund (a printed note). Real server app, both stores."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from outreach_app.domain.double_payments import SettlementKind
from outreach_app.domain.models import PaymentMethod
from outreach_app.services.double_payments import credit_used, refund_note
from outreach_app.services.participants import ParticipantDirectory
from tests.integration.money_world import MoneyWorld, money_world, server_rows

STORES = ["sqlite", "postgresql"]


@pytest.fixture(scope="module", params=STORES)
def world(request, tmp_path_factory: pytest.TempPathFactory, schedule):
    """One branch per store for the module (each test uses its own people): a world costs
    about 3 s to sign in and sync."""
    made = money_world(tmp_path_factory.mktemp(request.param), request.param, schedule)
    yield made
    made.close()


def both_take_the_same_month(world: MoneyWorld, serial: int) -> tuple[str, str, str]:
    """agen.saumlaki enrols a person and everyone syncs; then, offline, agen.saumlaki takes
    3 months and agen.ambon 1 month from the same first unpaid month. Returns (person, first
    receipt, second receipt)."""
    sml, amb = world.agents
    person = world.enrol(sml, serial)
    world.sync_all(1)
    first = world.payments(sml).record(person, 3, world.user_of(sml))
    later = first.paid_at + dt.timedelta(minutes=5)  # the later one is the double one
    second = world.payments(amb).record(person, 1, world.user_of(amb), paid_at=later)
    assert second.period_start == first.period_start  # offline, neither knew
    world.sync_all()
    return person, first.receipt_no, second.receipt_no


def test_a_month_taken_on_two_laptops_becomes_a_double_payment_seen_everywhere(world) -> None:
    person, first, second = both_take_the_same_month(world, 11)
    on_server = {d["receipt_no"] for d in server_rows(world, "payments").values()}
    assert {first, second} <= on_server  # never silently dropped
    for machine in world.laptops:
        receipts = {p.receipt_no for p in machine.store.payments.of_participant(person)}
        assert {first, second} <= receipts
        doubles = world.doubles(machine).of_participant(person)
        assert [(d.payment.receipt_no, d.first.receipt_no) for d in doubles] == [(second, first)]
        day = doubles[0].months[0]
        detail = ParticipantDirectory(machine.store, lambda day=day: day).detail(person)
        assert detail.double_payments == tuple(doubles)  # on the participant's detail
    listed = world.doubles(world.staff).open_doubles()
    assert [line.double.payment.receipt_no for line in listed] == [second]
    # and on one laptop the rule refuses the month now that both receipts are there
    sml = world.agents[0]
    with pytest.raises(Exception, match="Sudah dibayar"):
        world.payments(sml).record(
            person, 1, world.user_of(sml), first_month=listed[0].double.months[0]
        )


def test_staff_credit_the_double_payment_and_the_next_payment_uses_it(world) -> None:
    person, _first, second = both_take_the_same_month(world, 12)
    sml, amb = world.agents
    amb_user = world.user_of(amb)
    double_total = amb.store.payments.by_receipt(second).total
    in_hand_before = world.payments(amb).ledger(amb_user).in_hand
    with pytest.raises(Exception, match="staf"):
        world.doubles(amb).settle(second, SettlementKind.CREDIT, amb_user)  # agents cannot
    settled = world.doubles(world.staff).settle(
        second, SettlementKind.CREDIT, world.staff.user("staf.maluku")
    )
    assert settled is not None and settled.amount == double_total
    world.sync_all()
    rows = server_rows(world, "payment_settlements").values()
    assert [s["kind"] for s in rows if s["participant_id"] == person] == ["credit"]
    for machine in world.laptops:
        assert machine.store.payments.by_receipt(second).voided
        assert world.doubles(machine).of_participant(person) == []
        assert world.doubles(machine).credit_of(person) == double_total
    # agen.ambon still holds the cash of the voided receipt: it stays in its cash expected
    assert world.payments(amb).ledger(amb_user).in_hand == in_hand_before
    # the next payment (agen.saumlaki's) uses the credit: less cash is taken
    sml_user = world.user_of(sml)
    before = world.payments(sml).ledger(sml_user).in_hand
    nxt = world.payments(sml).record(person, 1, sml_user)
    used = credit_used(sml.store, nxt.stamp.id)
    assert used == min(double_total, nxt.total) > 0
    assert world.payments(sml).ledger(sml_user).in_hand == before + nxt.total - used
    world.sync_all()
    for machine in world.laptops:
        assert world.doubles(machine).credit_of(person) == double_total - used


def test_staff_refund_a_double_payment_with_a_printed_note(world, tmp_path: Path) -> None:
    person, _first, second = both_take_the_same_month(world, 13)
    amb = world.agents[1]
    amb_user = world.user_of(amb)
    double = amb.store.payments.by_receipt(second)
    in_hand = world.payments(amb).ledger(amb_user).in_hand
    staff = world.staff
    settled = world.doubles(staff).settle(
        second, SettlementKind.REFUND, staff.user("staf.maluku"), note="Diserahkan di balai desa"
    )
    assert settled is not None
    pdf = refund_note(staff.store, settled)
    path = tmp_path / "refund.pdf"
    path.write_bytes(pdf)
    world.sync_all()
    # the money went back: it leaves agen.ambon's cash expected, and no credit is left
    assert world.payments(amb).ledger(amb_user).in_hand == in_hand - double.total
    for machine in world.laptops:
        assert world.doubles(machine).of_participant(person) == []
        assert world.doubles(machine).credit_of(person) == 0
    from pypdf import PdfReader

    text = " ".join((page.extract_text() or "") for page in PdfReader(path).pages)
    assert "BUKTI PENGEMBALIAN IURAN GANDA" in text
    assert second in text and "Diserahkan di balai desa" in text
    assert "Maria Latuheru" in text
    render = subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "refund")], check=False
    )
    assert render.returncode == 0


def test_an_agent_cannot_write_itself_a_credit(world) -> None:
    """The server refuses a credit or refund from an agent (it would let a later payment take
    less cash); the agent's own credit use on someone else's receipt is refused too."""
    from outreach_app.domain.double_payments import PaymentSettlement
    from outreach_app.domain.models import SyncStamp

    sml, amb = world.agents
    person = world.enrol(sml, 14)
    world.sync_all(1)
    paid = world.payments(sml).record(person, 1, world.user_of(sml), method=PaymentMethod.TRANSFER)
    world.sync_all(1)
    forged = [
        PaymentSettlement(SyncStamp.new(), person, paid.stamp.id, SettlementKind.CREDIT,
                          500_000, world.user_of(sml).stamp.id, dt.datetime.now().astimezone()),
    ]  # fmt: skip
    for row in forged:
        sml.store.settlements.add(row)
    now = dt.datetime.now().astimezone()
    use = PaymentSettlement(SyncStamp.new(), person, paid.stamp.id, SettlementKind.USE,
                            1_000, world.user_of(amb).stamp.id, now)  # fmt: skip
    amb.store.settlements.add(use)
    world.sync_all()
    rows = server_rows(world, "payment_settlements").values()
    assert [row for row in rows if row["participant_id"] == person] == []
    assert world.doubles(world.staff).credit_of(person) == 0
    parked = [change.reason for change in sml.sync.state.parked()]
    assert any("staf cabang" in reason for reason in parked), parked
    parked = [change.reason for change in amb.sync.state.parked()]
    assert any("kuitansinya sendiri" in reason for reason in parked), parked

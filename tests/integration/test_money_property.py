"""Random sequences of payments (any start month, any period, cash or transfer), voids and
syncs on three laptops (staff and two agents who share a village) with the real server app,
and now and then the branch settling a double payment. After everyone syncs:

- every laptop and the server hold the same receipts and settlements;
- no month is covered twice by live receipts unless the later receipt is a double payment
  (found alike everywhere), and no laptop ever issued a receipt repeating a month it knew
  was paid;
- every receipt taken is in exactly one place: live, voided by its agent (money handed back),
  or settled by the branch (credit or refund), and a settled one is voided;
- each agent's cash expected (PaymentService.ledger in_hand) equals, computed here from the
  model, the cash it took on receipts still live or turned into credit.

OUTREACH_PROPERTY_EXAMPLES raises the example count (CI keeps it small)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_app.domain.double_payments import SettlementKind
from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Payment, PaymentMethod
from outreach_app.domain.months import add_months, month_start
from outreach_app.domain.payable_months import PAYMENT_PERIODS
from outreach_app.services.double_payments import credit_used
from tests.integration.money_world import MoneyWorld, money_world, server_rows

EXAMPLES = int(os.environ.get("OUTREACH_PROPERTY_EXAMPLES", "6"))


@dataclass
class Ledger:
    """What the test knows happened, apart from the app's own bookkeeping."""

    cash_taken: dict[str, int] = field(default_factory=dict)  # receipt id -> cash taken
    collector: dict[str, str] = field(default_factory=dict)  # receipt id -> agent user id
    voided_by_agent: set[str] = field(default_factory=set)
    # double receipts a credit had paid whole: the branch voided them, no money to move
    voided_empty: set[str] = field(default_factory=set)
    serial: int = 100


WORLDS: dict[str, tuple[MoneyWorld, Ledger]] = {}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared(request, tmp_path_factory: pytest.TempPathFactory, schedule):
    """One branch per store for all examples (each example pays for new people), so an
    example costs its steps, not a 3 s sign-in of three laptops."""
    world = money_world(tmp_path_factory.mktemp(f"money-{request.param}"), request.param, schedule)
    yield world, Ledger()
    world.close()


step = st.one_of(
    st.tuples(
        st.just("pay"),
        st.integers(0, 1),  # which agent
        st.integers(0, 1),  # which person
        st.one_of(st.none(), st.integers(-4, 6)),  # start: default, or months from now
        st.sampled_from(PAYMENT_PERIODS),
        st.sampled_from(list(PaymentMethod)),
    ),
    st.tuples(st.just("void"), st.integers(0, 1), st.integers(0, 10)),
    st.tuples(st.just("sync"), st.integers(0, 2)),
    st.tuples(st.just("settle"), st.sampled_from(list(SettlementKind)[:2])),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=3, max_size=14))
def test_random_payments_voids_and_syncs_keep_every_month_and_rupiah_once(
    shared: tuple[MoneyWorld, Ledger], steps: list[tuple]
) -> None:
    world, model = shared
    people = []
    for _ in range(2):
        model.serial += 1
        people.append(world.enrol(world.agents[0], model.serial))
    world.sync_all(1)  # both agents hold both people
    this_month = month_start(dt.date.today())
    issued: set[str] = set()
    for action, *args in steps:
        if action == "pay":
            who, person, offset, months, method = args
            machine = world.agents[who]
            start = None if offset is None else add_months(this_month, offset)
            before = {
                d.payment.stamp.id for d in world.doubles(machine).of_participant(people[person])
            }
            try:
                paid = world.payments(machine).record(
                    people[person], months, world.user_of(machine), start, method
                )
            except DomainError:
                continue
            now = {
                d.payment.stamp.id for d in world.doubles(machine).of_participant(people[person])
            }
            assert now == before, "a laptop issued a receipt for a month it knew was paid"
            model.collector[paid.stamp.id] = world.user_of(machine).stamp.id
            issued.add(paid.stamp.id)
            cash = paid.total - credit_used(machine.store, paid.stamp.id)
            model.cash_taken[paid.stamp.id] = cash if method is PaymentMethod.CASH else 0
        elif action == "void":
            who, pick = args
            machine = world.agents[who]
            mine = [p for p in _receipts(machine, people) if not p.voided
                    and p.collected_by == world.user_of(machine).stamp.id]  # fmt: skip
            if not mine:
                continue
            target = mine[pick % len(mine)]
            try:
                world.payments(machine).void(
                    target.receipt_no, "Salah catat bulan", world.user_of(machine)
                )
            except DomainError:
                continue
            model.voided_by_agent.add(target.stamp.id)
        elif action == "sync":
            world.laptops[args[0]].sync.sync()
        else:  # the branch settles, after everyone has synced (never against a void in flight)
            world.sync_all()
            staff = world.staff
            for person in people:
                for double in world.doubles(staff).of_participant(person)[:1]:
                    settled = world.doubles(staff).settle(
                        double.payment.receipt_no, args[0], staff.user("staf.maluku")
                    )
                    if settled is None:
                        model.voided_empty.add(double.payment.stamp.id)
            world.sync_all()
    world.sync_all()
    check(world, model, people, issued)


def _receipts(machine, people: list[str]) -> list[Payment]:
    return [p for person in people for p in machine.store.payments.of_participant(person)]


def check(world: MoneyWorld, model: Ledger, people: list[str], issued: set[str]) -> None:
    staff = world.staff
    receipts = {p.stamp.id: p for p in _receipts(staff, people)}
    settlements = [s for person in people for s in staff.store.settlements.of_participant(person)]
    # everyone holds the same receipts and settlements, and so does the server
    for machine in world.laptops:
        assert {p.stamp.id: p.voided for p in _receipts(machine, people)} == {
            k: p.voided for k, p in receipts.items()
        }
        mine = {
            s.stamp.id
            for person in people
            for s in machine.store.settlements.of_participant(person)
        }
        assert mine == {s.stamp.id for s in settlements}
    on_server = server_rows(world, "payments")
    assert all(
        k in on_server and bool(on_server[k]["voided"]) == p.voided for k, p in receipts.items()
    )
    assert issued <= set(receipts)  # no receipt a laptop issued was lost
    # months: covered once by live receipts, except by a double payment found alike everywhere
    for person in people:
        doubles = {d.payment.stamp.id for d in world.doubles(staff).of_participant(person)}
        for machine in world.agents:
            assert {
                d.payment.stamp.id for d in world.doubles(machine).of_participant(person)
            } == doubles
        seen: set[dt.date] = set()
        for payment in sorted(
            (p for p in receipts.values() if p.participant_id == person and not p.voided
             and p.stamp.id not in doubles),
            key=lambda p: p.period_start,
        ):  # fmt: skip
            months = {add_months(payment.period_start, i) for i in range(payment.months)}
            assert not months & seen, f"{payment.receipt_no} repeats a paid month"
            seen |= months
    # every receipt is in exactly one place
    settled = {s.payment_id: s for s in settlements if s.kind is not SettlementKind.USE}
    for receipt_id, payment in receipts.items():
        places = [
            not payment.voided,
            receipt_id in model.voided_by_agent,
            receipt_id in settled or receipt_id in model.voided_empty,
        ]
        assert places.count(True) == 1, (payment.receipt_no, places)
    # each agent's cash expected
    for machine in world.agents:
        agent = world.user_of(machine)
        expected = sum(
            cash
            for receipt_id, cash in model.cash_taken.items()
            if model.collector[receipt_id] == agent.stamp.id
            and receipt_id not in model.voided_by_agent
            and _kept_cash(receipt_id, machine)
        )
        assert world.payments(machine).ledger(agent).in_hand == expected


def _kept_cash(receipt_id: str, machine) -> bool:
    """The agent still holds a receipt's cash unless the branch refunded it."""
    return not any(
        s.kind is SettlementKind.REFUND for s in machine.store.settlements.of_payment(receipt_id)
    )

"""Relief credits (PP 50/2025): months paid in advance at the full rate that a later rate
update puts in a relief are credited, once, and the next payment uses the credit."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from outreach_app.domain.double_payments import CreditSource, SettlementKind
from outreach_app.domain.errors import ReceiptRefused
from outreach_app.domain.models import ParticipantStatus, Role, Sector
from outreach_app.domain.months import add_months, month_start
from outreach_app.domain.rates import RateSchedule
from outreach_app.services.double_payments import DoublePaymentService, credit_used
from outreach_app.services.payments import PaymentService
from outreach_app.services.relief_credits import ReliefCredits
from outreach_app.services.setup import current_user
from outreach_app.storage.store import Store
from tests.factories import make_participant


def schedules(schedule: RateSchedule, first: dt.date) -> tuple[RateSchedule, RateSchedule]:
    """(before the update: no relief at all; after: a relief from `first` on, everyone)."""
    relief = dataclasses.replace(
        schedule.discounts[0],
        sectors=frozenset(Sector),
        effective_from=first,
        effective_to=add_months(first, 24),
        excluded_payers=frozenset(),
    )
    return (dataclasses.replace(schedule, discounts=()),
            dataclasses.replace(schedule, discounts=(relief,)))  # fmt: skip


def test_prepaid_months_in_a_later_relief_are_credited_once_and_used(
    demo_store: Store, schedule: RateSchedule
) -> None:
    this_month = month_start(dt.date.today())
    before, after = schedules(schedule, add_months(this_month, 1))
    village = demo_store.villages.by_code("8103012002")
    person = make_participant(village.stamp.id, nik="8103011508950077",
                              status=ParticipantStatus.REGISTERED,
                              registered_on=dt.date.today())  # fmt: skip
    demo_store.participants.add(person)
    agent = current_user(demo_store)
    assert agent is not None
    paid = PaymentService(demo_store, before).record(person.stamp.id, 3, agent)
    full = paid.total
    # the rate table is updated: the 2nd and 3rd months are now in a relief
    relief = ReliefCredits(demo_store, after)
    now = PaymentService(demo_store, after).quote(person, 3, paid.period_start).total
    owed = [c for c in relief.due() if c.payment.stamp.id == paid.stamp.id]
    assert [c.amount for c in owed] == [full - now] and full - now > 0
    with pytest.raises(ReceiptRefused, match="staf"):
        relief.apply(agent)
    staff = dataclasses.replace(agent, role=Role.STAFF)
    made = [row for row in relief.apply(staff) if row.payment_id == paid.stamp.id]
    assert [(r.kind, r.source, r.amount) for r in made] == [
        (SettlementKind.CREDIT, CreditSource.RELIEF, full - now)
    ]
    assert not [c for c in relief.due() if c.payment.stamp.id == paid.stamp.id]  # once
    assert DoublePaymentService(demo_store).credit_of(person.stamp.id) == full - now
    # the agent's cash expected does not grow: the money is on the receipt already
    ledger = PaymentService(demo_store, after).ledger(agent).in_hand
    nxt = PaymentService(demo_store, after).record(person.stamp.id, 1, agent)
    used = credit_used(demo_store, nxt.stamp.id)
    assert used == min(full - now, nxt.total)
    assert PaymentService(demo_store, after).ledger(agent).in_hand == ledger + nxt.total - used
    assert DoublePaymentService(demo_store).credit_of(person.stamp.id) == full - now - used


def test_arrears_from_before_the_relief_are_owed_in_full(
    demo_store: Store, schedule: RateSchedule
) -> None:
    """A relief that starts after the months paid credits nothing."""
    this_month = month_start(dt.date.today())
    before, after = schedules(schedule, add_months(this_month, 6))
    village = demo_store.villages.by_code("8103012002")
    person = make_participant(village.stamp.id, nik="8103011508950078",
                              status=ParticipantStatus.REGISTERED,
                              registered_on=dt.date.today())  # fmt: skip
    demo_store.participants.add(person)
    agent = current_user(demo_store)
    assert agent is not None
    paid = PaymentService(demo_store, before).record(person.stamp.id, 3, agent)
    assert not [c for c in ReliefCredits(demo_store, after).due() if c.payment == paid]

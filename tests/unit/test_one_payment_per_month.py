"""Issue 14's case through the payment service, on one laptop: a participant paid through
February 2027 cannot be charged again for November 2026 - January 2027, nor for a month
before registration, nor around a gap; a collective payment skips members whose months the
rule refuses instead of charging them twice."""

from __future__ import annotations

import datetime as dt

import pytest

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import ParticipantStatus
from outreach_app.services.payments import PaymentService
from outreach_app.services.setup import current_user
from outreach_app.storage.store import Store
from tests.factories import make_participant

REGISTERED = dt.date(2026, 9, 3)
PAID_ON = dt.datetime(2026, 12, 8, 10, 0).astimezone()


def paid_through_february(demo_store: Store, schedule) -> tuple[PaymentService, str]:
    village = demo_store.villages.by_code("8103012002")
    person = make_participant(village.stamp.id, nik="8103011508950088",
                              status=ParticipantStatus.REGISTERED,
                              registered_on=REGISTERED)  # fmt: skip
    demo_store.participants.add(person)
    service = PaymentService(demo_store, schedule)
    agent = current_user(demo_store)
    assert agent is not None
    service.record(person.stamp.id, 6, agent, dt.date(2026, 9, 1), paid_at=PAID_ON)
    return service, person.stamp.id


@pytest.mark.parametrize(
    ("start", "months", "says"),
    [
        (dt.date(2026, 11, 1), 3, "November 2026, Desember 2026, Januari 2027"),
        (dt.date(2027, 2, 1), 1, "Februari 2027"),
        (dt.date(2026, 8, 1), 1, "sebelum pendaftaran"),
        (dt.date(2027, 4, 1), 1, "Maret 2027"),  # would leave March unpaid
    ],
)
def test_a_month_is_paid_once_and_never_before_registration(
    demo_store: Store, schedule, start: dt.date, months: int, says: str
) -> None:
    service, person = paid_through_february(demo_store, schedule)
    agent = current_user(demo_store)
    assert agent is not None
    before = len(demo_store.payments.of_participant(person))
    with pytest.raises(DomainError, match=says):
        service.record(person, months, agent, start, paid_at=PAID_ON)
    assert len(demo_store.payments.of_participant(person)) == before
    taken = service.record(person, 1, agent, paid_at=PAID_ON)  # the first unpaid month
    assert taken.period_start == dt.date(2027, 3, 1)

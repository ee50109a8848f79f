"""The premium's due date: the 15th, moved to the next working day when the 15th is a weekend
day or an Indonesian holiday (domain/due_dates.py, the rule; reference/holidays.py, lokal-id's
SKB 3 Menteri lists), and the statuses that follow from it."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.coverage import coverage_of_run, status_bands, unpaid_due_months
from outreach_app.domain.due_dates import WEEKENDS, DaysOff, due_date, next_due_date
from outreach_app.domain.models import ParticipantStatus
from outreach_app.domain.months import month_end
from outreach_app.reference import holidays

EXAMPLES = int(os.environ.get("OUTREACH_HYPOTHESIS_EXAMPLES", "60"))
ACTIVE, GRACE, LAPSED = ParticipantStatus.ACTIVE, ParticipantStatus.GRACE, ParticipantStatus.LAPSED


def test_the_pure_rule_skips_weekends_and_listed_holidays() -> None:
    assert due_date(dt.date(2026, 12, 1)) == dt.date(2026, 12, 15)  # a Tuesday
    assert due_date(dt.date(2026, 11, 30)) == dt.date(2026, 11, 16)  # Sunday 15th -> Monday
    assert due_date(dt.date(2026, 8, 1)) == dt.date(2026, 8, 17)  # Saturday 15th -> Monday
    off = DaysOff(holidays=frozenset({dt.date(2026, 12, 15), dt.date(2026, 12, 16)}))
    assert due_date(dt.date(2026, 12, 1), off) == dt.date(2026, 12, 17)
    everything = DaysOff(weekend=frozenset(range(7)))
    with pytest.raises(ValueError):
        due_date(dt.date(2026, 12, 1), everything)


@pytest.mark.parametrize(
    ("month", "due"),
    [
        ((2026, 1), dt.date(2026, 1, 15)),  # a Thursday, no holiday
        ((2026, 5), dt.date(2026, 5, 18)),  # Fri 15 cuti bersama (Kenaikan), then the weekend
        ((2026, 11), dt.date(2026, 11, 16)),  # Sunday
        ((2027, 3), dt.date(2027, 3, 16)),  # Mon 15 cuti bersama (Idulfitri)
        ((2027, 8), dt.date(2027, 8, 16)),  # Sun 15 Maulid Nabi; Monday the 16th works
        ((2031, 2), dt.date(2031, 2, 17)),  # a year not decreed yet: weekends only
    ],
)
def test_indonesian_holidays_move_the_due_date(month: tuple[int, int], due: dt.date) -> None:
    assert holidays.due_date(dt.date(*month, 1)) == due


def test_the_next_due_date_shown_on_a_day() -> None:
    assert holidays.next_due_date(dt.date(2026, 5, 15)) == dt.date(2026, 5, 18)
    assert holidays.next_due_date(dt.date(2026, 5, 18)) == dt.date(2026, 5, 18)
    assert holidays.next_due_date(dt.date(2026, 5, 19)) == dt.date(2026, 6, 15)
    assert holidays.next_due_date(dt.date(2026, 12, 20)) == dt.date(2027, 1, 15)
    # without the holiday list, Friday 15 May 2026 would be the day
    assert next_due_date(dt.date(2026, 5, 1)) == dt.date(2026, 5, 15)


def test_a_month_due_after_a_holiday_is_not_arrears_before_its_due_date() -> None:
    """Paid through April 2026; May is due on Monday 18 May (15th cuti bersama): on Saturday
    the 16th the participant is still active, not in grace."""
    run = (dt.date(2025, 1, 1), dt.date(2026, 4, 30))
    saturday = dt.date(2026, 5, 16)
    off = holidays.days_off(saturday)
    assert coverage_of_run(ACTIVE, run, saturday, off).status is ACTIVE
    assert unpaid_due_months(run[1], saturday, off) == 0
    assert coverage_of_run(ACTIVE, run, saturday, WEEKENDS).status is GRACE  # what it was
    tuesday = dt.date(2026, 5, 19)
    assert coverage_of_run(ACTIVE, run, tuesday, holidays.days_off(tuesday)).status is GRACE


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    paid_until=st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2027, 12, 1)).map(
        month_end
    ),
    today=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 12, 31)),
)
def test_status_bands_agree_with_coverage_on_indonesian_days_off(
    paid_until: dt.date, today: dt.date
) -> None:
    """What the lists filter in SQL is what a participant's own page says, holidays included."""
    off = holidays.days_off(today)
    status = coverage_of_run(ACTIVE, (dt.date(2025, 1, 1), paid_until), today, off).status
    bands = status_bands(today, off)
    if paid_until >= bands.active_from:
        assert status is ACTIVE
    elif paid_until >= bands.grace_from:
        assert status is GRACE
    else:
        assert status is LAPSED

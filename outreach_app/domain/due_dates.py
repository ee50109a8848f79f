"""When a month's premium is due: by the 15th of that month, moved to the next working day
when the 15th is a day off (a Saturday, a Sunday, a public holiday or a cuti bersama day).
There is no late fine; a month becomes unpaid arrears only once its due date has passed.

Pure: the holidays come in as data (`DaysOff`), built by reference/holidays.py from lokal-id's
SKB 3 Menteri lists, so the rule stays testable and the domain stays standard-library only.
`WEEKENDS` (Saturday and Sunday only) is the fallback where no holiday list is at hand, or for
a year the list does not cover yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DUE_DAY = 15
SATURDAY, SUNDAY = 5, 6


@dataclass(frozen=True, slots=True)
class DaysOff:
    """The days nobody can be asked to pay by: weekend days and the listed holidays."""

    holidays: frozenset[dt.date] = frozenset()
    weekend: frozenset[int] = frozenset({SATURDAY, SUNDAY})  # date.weekday() numbers

    def is_off(self, day: dt.date) -> bool:
        return day.weekday() in self.weekend or day in self.holidays


WEEKENDS = DaysOff()


def due_date(month: dt.date, days_off: DaysOff = WEEKENDS) -> dt.date:
    """The day the premium for `month` (any day of it) must be paid by: the 15th, or the next
    working day after it. Never more than a few weeks later, even with a long holiday."""
    day = month.replace(day=DUE_DAY)
    for _ in range(62):  # Lebaran and cuti bersama together are under two weeks
        if not days_off.is_off(day):
            return day
        day += dt.timedelta(days=1)
    raise ValueError(f"no working day within two months after {month:%Y-%m}-{DUE_DAY}")


def next_due_date(today: dt.date, days_off: DaysOff = WEEKENDS) -> dt.date:
    """The next due date on or after `today`: this month's, or next month's once it passed."""
    this_month = due_date(today, days_off)
    if today <= this_month:
        return this_month
    year, month = divmod(today.month, 12)
    return due_date(dt.date(today.year + year, month + 1, 1), days_off)


def is_past_due(month: dt.date, today: dt.date, days_off: DaysOff = WEEKENDS) -> bool:
    """Whether the premium for `month` is overdue on `today` (its due date has passed)."""
    return today > due_date(month, days_off)

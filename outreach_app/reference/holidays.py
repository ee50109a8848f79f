"""Indonesia's days off for the premium's due date, from lokal-id's SKB 3 Menteri lists.

lokal-id lists the libur nasional and cuti bersama of the years decreed so far (it raises for
a year without a decree rather than guessing). Both count as days off here: government
offices and the agency's branches close on cuti bersama too. For a year not yet decreed the
due date falls back to weekends only (domain/due_dates.py's WEEKENDS), and says nothing
wrong about a holiday it cannot know.

`days_off()` is what the services hand to the domain's pure rule; `next_due_date()` and
`due_date()` are the one place a due date shown to a person is computed.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from outreach_app.domain import due_dates
from outreach_app.domain.due_dates import DaysOff


@cache
def _holidays(year: int) -> frozenset[dt.date]:
    from lokal import holidays  # imported on first use: lokal's package import is not free

    try:
        decreed = holidays.get_holidays(year)
    except ValueError:  # not decreed yet (or too old for the list): weekends only
        return frozenset()
    return frozenset(dt.date.fromisoformat(h.date) for h in decreed.holidays)


def days_off(around: dt.date) -> DaysOff:
    """Weekends and the holidays of `around`'s year and the next (a due date in December
    may look at January's), enough for any due date shown on `around`."""
    return DaysOff(holidays=_holidays(around.year) | _holidays(around.year + 1))


def due_date(month: dt.date) -> dt.date:
    """The day the premium for `month` is due: the 15th or the next working day."""
    return due_dates.due_date(month, days_off(month))


def next_due_date(today: dt.date) -> dt.date:
    """The next due date on or after `today`."""
    return due_dates.next_due_date(today, days_off(today))

"""Calendar-month arithmetic: premiums are paid per month, so periods are whole months."""

from __future__ import annotations

import datetime as dt


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(first_of_month: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after the month of `first_of_month`."""
    year, month = divmod(first_of_month.month - 1 + months, 12)
    return dt.date(first_of_month.year + year, month + 1, 1)


def month_end(day: dt.date) -> dt.date:
    return add_months(month_start(day), 1) - dt.timedelta(days=1)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from the month of `earlier` to the month of `later` (may be < 0)."""
    return (later.year - earlier.year) * 12 + (later.month - earlier.month)

"""Coverage: until when a participant is protected, and what that makes their status.

The premium for a month is due by the 15th of that month, moved to the next working day when
the 15th is a day off (domain/due_dates.py), and there is no late fine. Arrears may be paid up
to three months after protection ends; after more than three consecutive unpaid months the
membership lapses. Voided receipts cover nothing.

Every function that depends on the due date takes `days_off`: the services pass Indonesia's
holidays (reference/holidays.py); the default, weekends only, is what code without the
holiday list can know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from outreach_app.domain.due_dates import DUE_DAY, WEEKENDS, DaysOff, is_past_due
from outreach_app.domain.due_dates import next_due_date as next_due_date
from outreach_app.domain.errors import RegistrationRefused
from outreach_app.domain.models import ParticipantStatus, Payment
from outreach_app.domain.months import add_months, month_end, month_start, months_between

__all__ = ["DUE_DAY", "next_due_date"]  # re-exported: the due date's rule lives in due_dates

GRACE_MONTHS = 3
MAX_AGE_AT_REGISTRATION = 65


@dataclass(frozen=True, slots=True)
class Coverage:
    paid_through: dt.date | None  # last day protected; None when nothing was ever paid
    status: ParticipantStatus
    unpaid_months: int  # months past their due date and not paid


def current_run(payments: Iterable[Payment]) -> tuple[dt.date, dt.date] | None:
    """First and last day of the membership's current run of contiguous paid months.

    A gap of up to GRACE_MONTHS is arrears still owed: coverage stops before it, and a later
    payment does not jump it (the months in between are what the agent must collect first). A
    gap longer than that means the membership lapsed, so a payment after it starts a new run.
    """
    periods = sorted((p.period_start, p.months) for p in payments if not p.voided)
    if not periods:
        return None
    run_start = periods[0][0]
    covered_until = add_months(run_start, periods[0][1])  # first day not covered
    for start, months in periods[1:]:
        if start > covered_until:
            if months_between(covered_until, start) <= GRACE_MONTHS:
                break
            run_start = start
            covered_until = add_months(start, months)
        else:
            covered_until = max(covered_until, add_months(start, months))
    return run_start, covered_until - dt.timedelta(days=1)


def paid_through(payments: Iterable[Payment]) -> dt.date | None:
    """Last day the participant is protected; None when nothing was ever paid."""
    run = current_run(payments)
    return None if run is None else run[1]


def unpaid_due_months(paid_until: dt.date, today: dt.date, days_off: DaysOff = WEEKENDS) -> int:
    """Months after `paid_until` whose due date (the 15th, or the working day after) has
    passed by `today`."""
    first_unpaid = add_months(month_start(paid_until), 1)
    if today < first_unpaid:
        return 0
    months = months_between(first_unpaid, today) + 1
    return months if is_past_due(today, today, days_off) else months - 1


def coverage_on(
    recorded: ParticipantStatus,
    payments: Iterable[Payment],
    today: dt.date,
    days_off: DaysOff = WEEKENDS,
) -> Coverage:
    """Status on `today`. Drafts stay drafts; nobody is active before their first paid month."""
    return coverage_of_run(recorded, current_run(payments), today, days_off)


def coverage_of_run(
    recorded: ParticipantStatus,
    run: tuple[dt.date, dt.date] | None,
    today: dt.date,
    days_off: DaysOff = WEEKENDS,
) -> Coverage:
    """The same status from a run kept in storage, so a list of 200k people needs no payments."""
    until = None if run is None else run[1]
    if recorded is ParticipantStatus.DRAFT:
        return Coverage(paid_through=until, status=recorded, unpaid_months=0)
    if run is None or today < run[0]:  # nothing paid, or protection has not started yet
        return Coverage(paid_through=until, status=ParticipantStatus.REGISTERED, unpaid_months=0)
    until = run[1]
    unpaid = unpaid_due_months(until, today, days_off)
    if today <= until or unpaid == 0:
        status = ParticipantStatus.ACTIVE
    elif unpaid <= GRACE_MONTHS:
        status = ParticipantStatus.GRACE
    else:
        status = ParticipantStatus.LAPSED
    return Coverage(paid_through=until, status=status, unpaid_months=unpaid)


@dataclass(frozen=True, slots=True)
class StatusBands:
    """On one day, which paid-through dates mean which status (for filtering in SQL):
    active when paid through `active_from` or later, grace from `grace_from`, lapsed before."""

    active_from: dt.date
    grace_from: dt.date


def status_bands(today: dt.date, days_off: DaysOff = WEEKENDS) -> StatusBands:
    # Paid through the end of last month is still active until this month's due date.
    this_or_last = 0 if is_past_due(today, today, days_off) else -1
    active_month = add_months(month_start(today), this_or_last)
    return StatusBands(
        active_from=month_end(active_month),
        grace_from=month_end(add_months(active_month, -GRACE_MONTHS)),
    )


def age_on(birth_date: dt.date, day: dt.date) -> int:
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


def check_registration_age(birth_date: dt.date, registration_date: dt.date) -> None:
    """Only people under 65 on the day of registration may join as BPU."""
    if birth_date > registration_date:
        raise RegistrationRefused("Tanggal lahir tidak boleh setelah tanggal pendaftaran.")
    age = age_on(birth_date, registration_date)
    if age >= MAX_AGE_AT_REGISTRATION:
        raise RegistrationRefused(
            f"Umur peserta {age} tahun: pendaftaran BPU hanya untuk yang belum berumur "
            f"{MAX_AGE_AT_REGISTRATION} tahun."
        )

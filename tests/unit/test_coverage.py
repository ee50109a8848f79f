"""Coverage and month arithmetic: outreach_app/domain/coverage.py and domain/months.py.

Expected values follow the rules in the docstrings: a month's premium is due by the 15th of
that month (paying on the 15th is on time); arrears may be paid up to three months after
protection ends; more than three consecutive unpaid months lapse the membership; voided
receipts cover nothing; only people under 65 on the day of registration may join.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from outreach_app.domain.coverage import (
    DUE_DAY,
    GRACE_MONTHS,
    MAX_AGE_AT_REGISTRATION,
    Coverage,
    StatusBands,
    age_on,
    check_registration_age,
    coverage_of_run,
    coverage_on,
    next_due_date,
    paid_through,
    status_bands,
    unpaid_due_months,
)
from outreach_app.domain.errors import DomainError, RegistrationRefused
from outreach_app.domain.models import ParticipantStatus, Payment, SyncStamp
from outreach_app.domain.months import add_months, month_end, month_start, months_between

_receipts = itertools.count(1)

ACTIVE = ParticipantStatus.ACTIVE
GRACE = ParticipantStatus.GRACE
LAPSED = ParticipantStatus.LAPSED
REGISTERED = ParticipantStatus.REGISTERED
DRAFT = ParticipantStatus.DRAFT


def pay(year: int, month: int, months: int, *, voided: bool = False) -> Payment:
    number = next(_receipts)
    return Payment(
        stamp=SyncStamp(id=f"pay-{number}", updated_hlc="0000000000001-0000", device_id="dev"),
        receipt_no=f"R-{number:05d}",
        participant_id="participant-1",
        payer_id=None,
        period_start=dt.date(year, month, 1),
        months=months,
        jkk=10_000 * months,
        jkm=6_800 * months,
        jht=0,
        discount=0,
        total=16_800 * months,
        paid_at=dt.datetime(year, month, 1, 9, 0),
        collected_by="agent-1",
        voided=voided,
        void_reason="salah ketik" if voided else "",
    )


def test_constants_match_the_scheme() -> None:
    assert DUE_DAY == 15
    assert GRACE_MONTHS == 3
    assert MAX_AGE_AT_REGISTRATION == 65


# --- months.py -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1)),
        (dt.date(2026, 1, 31), dt.date(2026, 1, 1)),
        (dt.date(2024, 2, 29), dt.date(2024, 2, 1)),
        (dt.date(2026, 12, 15), dt.date(2026, 12, 1)),
    ],
)
def test_month_start(day: dt.date, expected: dt.date) -> None:
    assert month_start(day) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2026, 1, 1), 0, dt.date(2026, 1, 1)),
        (dt.date(2026, 1, 1), 1, dt.date(2026, 2, 1)),
        (dt.date(2026, 1, 1), 11, dt.date(2026, 12, 1)),
        (dt.date(2026, 1, 1), 12, dt.date(2027, 1, 1)),
        (dt.date(2026, 12, 1), 1, dt.date(2027, 1, 1)),
        (dt.date(2026, 11, 1), 3, dt.date(2027, 2, 1)),
        (dt.date(2026, 1, 1), -1, dt.date(2025, 12, 1)),
        (dt.date(2026, 3, 1), -15, dt.date(2024, 12, 1)),
        (dt.date(2026, 1, 1), 25, dt.date(2028, 2, 1)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 1)),  # any day: the first of the month
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 1)),
    ],
)
def test_add_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        (dt.date(2026, 2, 10), dt.date(2026, 2, 28)),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (dt.date(2100, 2, 1), dt.date(2100, 2, 28)),
        (dt.date(2000, 2, 1), dt.date(2000, 2, 29)),
        (dt.date(2026, 4, 30), dt.date(2026, 4, 30)),
        (dt.date(2026, 12, 31), dt.date(2026, 12, 31)),
    ],
)
def test_month_end(day: dt.date, expected: dt.date) -> None:
    assert month_end(day) == expected


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 31), 0),
        (dt.date(2026, 1, 31), dt.date(2026, 2, 1), 1),
        (dt.date(2026, 12, 1), dt.date(2027, 1, 1), 1),
        (dt.date(2025, 3, 15), dt.date(2026, 3, 14), 12),
        (dt.date(2026, 3, 1), dt.date(2026, 1, 1), -2),
        (dt.date(2027, 1, 1), dt.date(2026, 12, 31), -1),
    ],
)
def test_months_between(earlier: dt.date, later: dt.date, expected: int) -> None:
    assert months_between(earlier, later) == expected


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    months=st.integers(min_value=-600, max_value=600),
)
def test_month_arithmetic_properties(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert moved.day == 1
    assert months_between(day, moved) == months
    assert add_months(moved, -months) == month_start(day)
    end = month_end(day)
    assert end.month == day.month
    assert end.year == day.year
    assert end + dt.timedelta(days=1) == add_months(day, 1)
    assert month_start(day) <= day <= end


# --- paid_through --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payments", "expected"),
    [
        ([], None),
        ([pay(2026, 1, 1)], dt.date(2026, 1, 31)),
        ([pay(2026, 1, 3)], dt.date(2026, 3, 31)),
        ([pay(2024, 2, 1)], dt.date(2024, 2, 29)),
        ([pay(2026, 11, 12)], dt.date(2027, 10, 31)),
        # contiguous receipts join up
        ([pay(2026, 1, 3), pay(2026, 4, 3)], dt.date(2026, 6, 30)),
        ([pay(2026, 1, 1), pay(2026, 2, 1), pay(2026, 3, 6)], dt.date(2026, 8, 31)),
        # the order the receipts come in does not matter
        ([pay(2026, 4, 3), pay(2026, 1, 3)], dt.date(2026, 6, 30)),
        # a gap stops coverage at the end of the first run
        ([pay(2026, 1, 3), pay(2026, 5, 3)], dt.date(2026, 3, 31)),
        ([pay(2026, 1, 1), pay(2026, 3, 12)], dt.date(2026, 1, 31)),
        ([pay(2026, 5, 3), pay(2026, 1, 3)], dt.date(2026, 3, 31)),
        # the gap filled later joins everything up
        ([pay(2026, 1, 3), pay(2026, 6, 3), pay(2026, 4, 2)], dt.date(2026, 8, 31)),
        # overlapping receipts
        ([pay(2026, 1, 6), pay(2026, 3, 1)], dt.date(2026, 6, 30)),
        ([pay(2026, 1, 3), pay(2026, 2, 6)], dt.date(2026, 7, 31)),
        ([pay(2026, 1, 3), pay(2026, 1, 1)], dt.date(2026, 3, 31)),
        ([pay(2026, 1, 1), pay(2026, 1, 12)], dt.date(2026, 12, 31)),
    ],
)
def test_paid_through(payments: list[Payment], expected: dt.date | None) -> None:
    assert paid_through(payments) == expected


@pytest.mark.parametrize(
    ("payments", "expected"),
    [
        ([pay(2026, 1, 3, voided=True)], None),
        ([pay(2026, 1, 3, voided=True), pay(2026, 1, 1)], dt.date(2026, 1, 31)),
        # a voided receipt in the middle leaves a gap
        (
            [pay(2026, 1, 3), pay(2026, 4, 3, voided=True), pay(2026, 7, 3)],
            dt.date(2026, 3, 31),
        ),
        # a voided first receipt: coverage starts at the first valid one
        ([pay(2026, 1, 1, voided=True), pay(2026, 2, 3)], dt.date(2026, 4, 30)),
        # a voided long receipt does not extend coverage
        ([pay(2026, 1, 3), pay(2026, 1, 12, voided=True)], dt.date(2026, 3, 31)),
        # voided and reissued
        ([pay(2026, 1, 3), pay(2026, 4, 6, voided=True), pay(2026, 4, 6)], dt.date(2026, 9, 30)),
    ],
)
def test_paid_through_ignores_voided_receipts(
    payments: list[Payment], expected: dt.date | None
) -> None:
    assert paid_through(payments) == expected


def test_paid_through_accepts_any_iterable() -> None:
    assert paid_through(p for p in [pay(2026, 1, 3), pay(2026, 4, 1)]) == dt.date(2026, 4, 30)


def test_payment_period_end() -> None:
    assert pay(2026, 11, 3).period_end == dt.date(2027, 1, 31)
    assert pay(2024, 2, 1).period_end == dt.date(2024, 2, 29)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=dt.date(2015, 7, 1), max_value=dt.date(2035, 1, 1)),
    periods=st.lists(st.sampled_from([1, 3, 6, 12]), min_size=1, max_size=8),
)
def test_back_to_back_receipts_cover_every_month(start: dt.date, periods: list[int]) -> None:
    first = month_start(start)
    payments = []
    month = first
    for months in periods:
        payments.append(pay(month.year, month.month, months))
        month = add_months(month, months)
    expected = add_months(first, sum(periods)) - dt.timedelta(days=1)
    assert paid_through(payments) == expected
    assert paid_through(reversed(payments)) == expected
    voided_copies = [pay(p.period_start.year, 1, 12, voided=True) for p in payments]
    assert paid_through(payments + voided_copies) == expected


# --- unpaid_due_months ---------------------------------------------------------------------

PAID_UNTIL = dt.date(2026, 3, 31)  # January to March 2026 paid


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 1, 10), 0),
        (dt.date(2026, 3, 31), 0),
        (dt.date(2026, 4, 1), 0),
        (dt.date(2026, 4, 15), 0),  # April is due by the 15th: not yet late
        (dt.date(2026, 4, 16), 1),
        (dt.date(2026, 5, 15), 1),
        (dt.date(2026, 5, 16), 2),
        (dt.date(2026, 6, 16), 3),
        (dt.date(2026, 7, 15), 3),
        (dt.date(2026, 7, 16), 4),
        (dt.date(2026, 12, 31), 9),
        (dt.date(2027, 1, 1), 9),
        (dt.date(2027, 1, 16), 10),
    ],
)
def test_unpaid_due_months(today: dt.date, expected: int) -> None:
    assert unpaid_due_months(PAID_UNTIL, today) == expected


# --- coverage_on ---------------------------------------------------------------------------

JAN_TO_MAR = (pay(2026, 1, 3),)


@pytest.mark.parametrize(
    ("today", "status", "unpaid"),
    [
        (dt.date(2026, 1, 1), ACTIVE, 0),
        (dt.date(2026, 2, 20), ACTIVE, 0),
        (dt.date(2026, 3, 31), ACTIVE, 0),
        # April's premium is due by 15 April: until then nothing is late
        (dt.date(2026, 4, 1), ACTIVE, 0),
        (dt.date(2026, 4, 15), ACTIVE, 0),
        # one, two, three unpaid months: arrears may still be paid
        (dt.date(2026, 4, 16), GRACE, 1),
        (dt.date(2026, 5, 15), GRACE, 1),
        (dt.date(2026, 5, 16), GRACE, 2),
        (dt.date(2026, 6, 15), GRACE, 2),
        (dt.date(2026, 6, 16), GRACE, 3),
        (dt.date(2026, 7, 15), GRACE, 3),
        # a fourth unpaid month: more than three, the membership lapses
        (dt.date(2026, 7, 16), LAPSED, 4),
        (dt.date(2026, 8, 1), LAPSED, 4),
        (dt.date(2027, 1, 1), LAPSED, 9),
    ],
)
def test_status_around_due_day_and_grace(
    today: dt.date, status: ParticipantStatus, unpaid: int
) -> None:
    assert coverage_on(REGISTERED, JAN_TO_MAR, today) == Coverage(
        paid_through=dt.date(2026, 3, 31), status=status, unpaid_months=unpaid
    )


@pytest.mark.parametrize("recorded", [REGISTERED, ACTIVE, GRACE, LAPSED])
def test_status_is_computed_from_payments_whatever_was_recorded(
    recorded: ParticipantStatus,
) -> None:
    assert coverage_on(recorded, JAN_TO_MAR, dt.date(2026, 2, 1)).status is ACTIVE
    assert coverage_on(recorded, JAN_TO_MAR, dt.date(2026, 5, 1)).status is GRACE
    assert coverage_on(recorded, JAN_TO_MAR, dt.date(2026, 9, 1)).status is LAPSED


def test_december_payment_over_new_year() -> None:
    payments = [pay(2026, 12, 1)]
    assert coverage_on(REGISTERED, payments, dt.date(2027, 1, 15)) == Coverage(
        dt.date(2026, 12, 31), ACTIVE, 0
    )
    assert coverage_on(REGISTERED, payments, dt.date(2027, 1, 16)) == Coverage(
        dt.date(2026, 12, 31), GRACE, 1
    )
    assert coverage_on(REGISTERED, payments, dt.date(2027, 4, 15)) == Coverage(
        dt.date(2026, 12, 31), GRACE, 3
    )
    assert coverage_on(REGISTERED, payments, dt.date(2027, 4, 16)) == Coverage(
        dt.date(2026, 12, 31), LAPSED, 4
    )


def test_gap_makes_status_follow_the_first_run() -> None:
    # January paid, February to April owed, May onwards paid: the gap is what is owed
    payments = [pay(2026, 1, 1), pay(2026, 5, 3)]
    assert coverage_on(REGISTERED, payments, dt.date(2026, 3, 20)) == Coverage(
        dt.date(2026, 1, 31), GRACE, 2
    )
    filled = [*payments, pay(2026, 2, 3)]
    assert coverage_on(REGISTERED, filled, dt.date(2026, 3, 20)) == Coverage(
        dt.date(2026, 7, 31), ACTIVE, 0
    )


def test_payment_after_a_lapse_starts_a_new_membership() -> None:
    # January 2025 paid, then nothing for four months (lapsed), then June-August paid
    payments = [pay(2025, 1, 1), pay(2025, 6, 3)]
    assert paid_through(payments) == dt.date(2025, 8, 31)
    assert coverage_on(REGISTERED, payments, dt.date(2025, 7, 1)) == Coverage(
        dt.date(2025, 8, 31), ACTIVE, 0
    )
    # three unpaid months are still arrears: the later payment does not jump them
    owed = [pay(2025, 1, 1), pay(2025, 5, 3)]
    assert paid_through(owed) == dt.date(2025, 1, 31)


def test_nobody_is_active_before_their_first_paid_month() -> None:
    payments = [pay(2026, 3, 3)]
    assert coverage_on(REGISTERED, payments, dt.date(2026, 2, 20)) == Coverage(
        dt.date(2026, 5, 31), REGISTERED, 0
    )
    assert coverage_on(REGISTERED, payments, dt.date(2026, 3, 1)).status is ACTIVE


def test_voided_receipt_does_not_keep_anyone_active() -> None:
    payments = [pay(2026, 1, 1), pay(2026, 2, 12, voided=True)]
    assert coverage_on(REGISTERED, payments, dt.date(2026, 6, 1)) == Coverage(
        dt.date(2026, 1, 31), LAPSED, 4
    )


def test_paying_arrears_in_grace_makes_active_again() -> None:
    payments = [pay(2026, 1, 3)]
    assert coverage_on(REGISTERED, payments, dt.date(2026, 6, 20)).status is GRACE
    payments.append(pay(2026, 4, 3))
    assert coverage_on(REGISTERED, payments, dt.date(2026, 6, 20)) == Coverage(
        dt.date(2026, 6, 30), ACTIVE, 0
    )


def test_draft_stays_draft() -> None:
    assert coverage_on(DRAFT, [], dt.date(2026, 1, 1)) == Coverage(None, DRAFT, 0)
    assert coverage_on(DRAFT, JAN_TO_MAR, dt.date(2026, 12, 1)) == Coverage(
        dt.date(2026, 3, 31), DRAFT, 0
    )


@pytest.mark.parametrize("recorded", [REGISTERED, ACTIVE, GRACE, LAPSED])
def test_nothing_paid_stays_registered(recorded: ParticipantStatus) -> None:
    assert coverage_on(recorded, [], dt.date(2026, 1, 1)) == Coverage(None, REGISTERED, 0)
    only_voided = [pay(2026, 1, 3, voided=True)]
    assert coverage_on(recorded, only_voided, dt.date(2026, 9, 1)) == Coverage(None, REGISTERED, 0)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2030, 12, 1)),
    months=st.sampled_from([1, 3, 6, 12]),
    days_after=st.integers(min_value=-400, max_value=800),
)
def test_status_matches_unpaid_months(start: dt.date, months: int, days_after: int) -> None:
    payment = pay(start.year, start.month, months)
    until = payment.period_end
    today = until + dt.timedelta(days=days_after)
    coverage = coverage_on(REGISTERED, [payment], today)
    assert coverage.paid_through == until
    assert coverage.unpaid_months >= 0
    if today < payment.period_start:  # paid in advance: not protected yet
        assert (coverage.status, coverage.unpaid_months) == (REGISTERED, 0)
        return
    if today <= until:
        assert coverage.unpaid_months == 0
        assert coverage.status is ACTIVE
    expected = {0: ACTIVE, 1: GRACE, 2: GRACE, 3: GRACE}.get(coverage.unpaid_months, LAPSED)
    assert coverage.status is expected
    # the status never improves as time passes without payment
    later = coverage_on(REGISTERED, [payment], today + dt.timedelta(days=31))
    assert later.unpaid_months >= coverage.unpaid_months


# --- age at registration -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (dt.date(1990, 5, 12), dt.date(2025, 5, 11), 34),
        (dt.date(1990, 5, 12), dt.date(2025, 5, 12), 35),
        (dt.date(1990, 5, 12), dt.date(2025, 12, 31), 35),
        (dt.date(1990, 12, 31), dt.date(2025, 1, 1), 34),
        (dt.date(2000, 2, 29), dt.date(2001, 2, 28), 0),
        (dt.date(2000, 2, 29), dt.date(2001, 3, 1), 1),
        (dt.date(2000, 2, 29), dt.date(2004, 2, 29), 4),
        (dt.date(2025, 1, 1), dt.date(2025, 1, 1), 0),
    ],
)
def test_age_on(birth: dt.date, day: dt.date, age: int) -> None:
    assert age_on(birth, day) == age


@pytest.mark.parametrize(
    ("birth", "registration"),
    [
        (dt.date(1961, 5, 13), dt.date(2026, 5, 12)),  # 65 tomorrow: still 64
        (dt.date(1961, 12, 31), dt.date(2026, 12, 30)),
        (dt.date(1990, 5, 12), dt.date(2026, 5, 12)),
        (dt.date(2008, 1, 1), dt.date(2026, 1, 1)),
    ],
)
def test_under_65_may_register(birth: dt.date, registration: dt.date) -> None:
    assert check_registration_age(birth, registration) is None


@pytest.mark.parametrize(
    ("birth", "registration", "age"),
    [
        (dt.date(1961, 5, 12), dt.date(2026, 5, 12), 65),  # 65th birthday on the day counts
        (dt.date(1961, 5, 11), dt.date(2026, 5, 12), 65),
        (dt.date(1961, 1, 1), dt.date(2026, 12, 31), 65),
        (dt.date(1950, 6, 1), dt.date(2026, 5, 12), 75),
    ],
)
def test_65_or_older_is_refused(birth: dt.date, registration: dt.date, age: int) -> None:
    with pytest.raises(RegistrationRefused) as raised:
        check_registration_age(birth, registration)
    assert str(raised.value) == (
        f"Umur peserta {age} tahun: pendaftaran BPU hanya untuk yang belum berumur 65 tahun."
    )
    assert isinstance(raised.value, DomainError)


def test_birth_after_registration_is_refused() -> None:
    with pytest.raises(RegistrationRefused) as raised:
        check_registration_age(dt.date(2026, 5, 13), dt.date(2026, 5, 12))
    assert str(raised.value) == "Tanggal lahir tidak boleh setelah tanggal pendaftaran."


@settings(max_examples=200, deadline=None)
@given(
    birth=st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2030, 12, 31)),
    day=st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_age_on_properties(birth: dt.date, day: dt.date) -> None:
    assume(day >= birth)
    age = age_on(birth, day)
    assert age >= 0
    # age N means the N-th birthday has passed and the (N+1)-th has not
    assert (day.year - birth.year - 1) <= age <= (day.year - birth.year)
    if age >= 65:
        with pytest.raises(RegistrationRefused):
            check_registration_age(birth, day)
    else:
        check_registration_age(birth, day)


@settings(max_examples=200, deadline=None)
@given(
    paid_until=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 1)).map(
        month_end
    ),
    today=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2031, 12, 31)),
)
def test_status_bands_agree_with_coverage(paid_until: dt.date, today: dt.date) -> None:
    """What SQL filters with (paid-through ranges) is what the rules say, day by day."""
    run = (dt.date(2019, 1, 1), paid_until)
    status = coverage_of_run(REGISTERED, run, today).status
    bands = status_bands(today)
    if paid_until >= bands.active_from:
        assert status is ACTIVE
    elif paid_until >= bands.grace_from:
        assert status is GRACE
    else:
        assert status is LAPSED


def test_status_bands_around_the_due_day() -> None:
    # December 2026: the 15th is a Tuesday
    assert status_bands(dt.date(2026, 12, 15)) == StatusBands(
        active_from=dt.date(2026, 11, 30), grace_from=dt.date(2026, 8, 31)
    )
    assert status_bands(dt.date(2026, 12, 16)) == StatusBands(
        active_from=dt.date(2026, 12, 31), grace_from=dt.date(2026, 9, 30)
    )


def test_status_bands_wait_for_the_working_day_after_a_sunday_15th() -> None:
    # November 2026: the 15th is a Sunday, so November is due on Monday the 16th
    assert status_bands(dt.date(2026, 11, 16)) == StatusBands(
        active_from=dt.date(2026, 10, 31), grace_from=dt.date(2026, 7, 31)
    )
    assert status_bands(dt.date(2026, 11, 17)) == StatusBands(
        active_from=dt.date(2026, 11, 30), grace_from=dt.date(2026, 8, 31)
    )


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (dt.date(2026, 11, 1), dt.date(2026, 11, 16)),  # the 15th is a Sunday
        (dt.date(2026, 11, 15), dt.date(2026, 11, 16)),
        (dt.date(2026, 11, 16), dt.date(2026, 11, 16)),
        (dt.date(2026, 11, 17), dt.date(2026, 12, 15)),
        (dt.date(2026, 12, 31), dt.date(2027, 1, 15)),
    ],
)
def test_next_due_date(today: dt.date, due: dt.date) -> None:
    assert next_due_date(today) == due

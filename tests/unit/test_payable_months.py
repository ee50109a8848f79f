"""The one-payment-per-month rule: outreach_app/domain/payable_months.py.

Expected values follow the scheme (../shared/domain.md): a month is paid once, never before
registration; arrears may be paid up to three months after protection ends; after more than
three consecutive unpaid months the membership ends and a payment starts a new run.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import ParticipantStatus
from outreach_app.domain.months import add_months, month_start
from outreach_app.domain.payable_months import (
    PAYMENT_PERIODS,
    MonthsRefused,
    PaidPeriod,
    RefusalReason,
    check_payable,
    standing,
)

ACTIVE = ParticipantStatus.ACTIVE
EXAMPLES = int(os.environ.get("OUTREACH_PROPERTY_EXAMPLES", "60"))
D = dt.date
REGISTERED = D(2025, 1, 10)


def pay(
    paid: list[PaidPeriod],
    today: dt.date,
    start: dt.date | None,
    months: int,
    registered: dt.date = REGISTERED,
) -> dt.date:
    first = check_payable(ACTIVE, registered, paid, today, start, months)
    paid.append(PaidPeriod(first, months))
    return first


def test_default_start_is_the_first_unpaid_month() -> None:
    paid = [PaidPeriod(D(2026, 11, 1), 3)]  # Nov 2026 - Jan 2027
    assert pay(paid, D(2026, 12, 8), None, 1) == D(2027, 2, 1)


def test_months_already_paid_are_named() -> None:
    """The issue's case: paid through February 2027, charged again for Nov 2026 - Jan 2027."""
    paid = [PaidPeriod(D(2026, 9, 1), 6)]
    with pytest.raises(MonthsRefused) as refused:
        check_payable(ACTIVE, D(2026, 9, 1), paid, D(2026, 12, 8), D(2026, 11, 1), 3)
    assert refused.value.reason is RefusalReason.ALREADY_PAID
    assert refused.value.months == (D(2026, 11, 1), D(2026, 12, 1), D(2027, 1, 1))
    assert "November 2026, Desember 2026, Januari 2027" in str(refused.value)
    assert "Maret 2027" in str(refused.value)  # the first month still unpaid
    assert isinstance(refused.value, DomainError)


def test_months_before_registration_are_refused() -> None:
    with pytest.raises(MonthsRefused) as refused:
        check_payable(ACTIVE, D(2026, 10, 20), [], D(2026, 12, 8), D(2026, 9, 1), 3)
    assert refused.value.reason is RefusalReason.BEFORE_REGISTRATION
    assert "September 2026" in str(refused.value)
    assert "Oktober 2026" not in refused.value.args[0].split(":")[-1]


def test_arrears_within_three_months_are_paid_first() -> None:
    paid = [PaidPeriod(D(2026, 6, 1), 3)]  # June - August; Sep, Oct, Nov due and unpaid
    today = D(2026, 12, 8)
    assert standing(D(2026, 6, 1), paid, today).lapsed is False
    with pytest.raises(MonthsRefused) as refused:
        check_payable(ACTIVE, D(2026, 6, 1), paid, today, D(2026, 12, 1), 1)
    assert refused.value.reason is RefusalReason.LEAVES_A_GAP
    assert "September 2026, Oktober 2026, November 2026" in str(refused.value)
    assert check_payable(ACTIVE, D(2026, 6, 1), paid, today, None, 3) == D(2026, 9, 1)


def test_after_more_than_three_unpaid_months_a_new_run_starts() -> None:
    paid = [PaidPeriod(D(2026, 6, 1), 3)]  # June - August; Sep-Dec due by Dec 20
    today = D(2026, 12, 20)
    with pytest.raises(MonthsRefused) as refused:
        check_payable(ACTIVE, D(2026, 6, 1), paid, today, D(2026, 9, 1), 3)
    assert refused.value.reason is RefusalReason.MEMBERSHIP_ENDED
    assert "Kepesertaan sudah berakhir" in str(refused.value)
    # a new run from January: a run from December would leave only a three-month gap,
    # which coverage reads as arrears
    assert "kepesertaan baru mulai Januari 2027" in str(refused.value)
    assert check_payable(ACTIVE, D(2026, 6, 1), paid, today, None, 1) == D(2027, 1, 1)
    with pytest.raises(MonthsRefused):
        check_payable(ACTIVE, D(2026, 6, 1), paid, today, D(2026, 12, 1), 1)
    later = D(2027, 1, 20)  # Sep-Jan due: the new run may start this month
    assert check_payable(ACTIVE, D(2026, 6, 1), paid, later, None, 1) == D(2027, 1, 1)


def test_a_gap_in_prepaid_months_is_refused() -> None:
    paid = [PaidPeriod(D(2026, 12, 1), 3)]  # Dec - Feb
    with pytest.raises(MonthsRefused) as refused:
        check_payable(ACTIVE, D(2026, 12, 1), paid, D(2026, 12, 8), D(2027, 5, 1), 1)
    assert refused.value.reason is RefusalReason.LEAVES_A_GAP
    assert refused.value.allowed_start == D(2027, 3, 1)


def test_a_first_payment_far_ahead_or_far_back_is_refused() -> None:
    with pytest.raises(MonthsRefused) as ahead:
        check_payable(ACTIVE, D(2024, 1, 1), [], D(2026, 12, 8), D(2099, 1, 1), 1)
    assert ahead.value.reason is RefusalReason.TOO_FAR_AHEAD
    with pytest.raises(MonthsRefused) as back:
        check_payable(ACTIVE, D(2024, 1, 1), [], D(2026, 12, 8), D(2025, 1, 1), 1)
    assert back.value.reason is RefusalReason.ARREARS_TOO_OLD


@pytest.mark.parametrize("months", [0, 2, 5, 13, -1])
def test_only_1_3_6_or_12_months(months: int) -> None:
    with pytest.raises(MonthsRefused) as refused:
        check_payable(ACTIVE, D(2026, 1, 1), [], D(2026, 12, 8), None, months)
    assert refused.value.reason is RefusalReason.BAD_PERIOD


def test_a_draft_pays_nothing() -> None:
    with pytest.raises(MonthsRefused) as refused:
        check_payable(ParticipantStatus.DRAFT, None, [], D(2026, 12, 8), None, 1)
    assert refused.value.reason is RefusalReason.NOT_REGISTERED


months_st = st.dates(min_value=D(2025, 1, 1), max_value=D(2028, 12, 1)).map(month_start)
steps_st = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=150),  # days after the previous step
        st.one_of(st.none(), months_st),  # requested start (None: the default)
        st.sampled_from(PAYMENT_PERIODS),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    registered=st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 31)),
    steps=steps_st,
)
def test_random_payments_never_pay_a_month_twice_nor_before_registration(
    registered: dt.date, steps: list[tuple[int, dt.date | None, int]]
) -> None:
    """Whatever the agent asks for, on whatever day: every accepted payment covers only months
    no other accepted payment covers, none before registration, and continues the current run
    (or starts a new one after a lapse) so no paid month is wasted behind a gap."""
    paid: list[PaidPeriod] = []
    today = registered
    for days, start, months in steps:
        today += dt.timedelta(days=days)
        before = standing(registered, paid, today)
        try:
            first = pay(paid, today, start, months, registered)
        except MonthsRefused as refused:
            assert str(refused)
            if refused.reason is RefusalReason.ALREADY_PAID:
                assert set(refused.months) <= before.paid_months
                assert refused.months
            # the default start is always accepted
            first = pay(paid, today, None, months, registered)
            assert first == before.default_start
        assert first >= month_start(registered)
        if before.run_end is not None and not before.lapsed:
            assert first == before.run_end  # continues the run
        elif before.run_end is not None:  # lapsed: a new run, counted by coverage
            assert first >= month_start(today)
            assert first >= add_months(before.run_end, 4)
        else:
            assert first >= add_months(month_start(today), -3)
        after = standing(registered, paid, today)
        assert after.run_end == add_months(first, months)  # the run now ends after it
    every_month = [m for period in paid for m in period.month_list]
    assert len(every_month) == len(set(every_month))

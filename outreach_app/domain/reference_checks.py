"""What a new rate or incentive table may change: only what has not happened yet.

Rates are dated data. A branch's update adds rules for months to come (or ends the open rule
to make room for them); it may not change how a month already begun is priced, or how an
agent's past month is estimated. Receipts store their amounts and never change, but a premium
for an arrear month is priced by that month's rule, and it must come out the same as the
premiums already taken for it. So the old and the new table are compared month by month, on
the first of every month up to the current one, and on today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.incentives import IncentiveRule, IncentiveSchedule
from outreach_app.domain.rates import ContributionRule, RateSchedule


def _days(start: dt.date, today: dt.date) -> Iterator[dt.date]:
    month = start.replace(day=1)
    while month <= today:
        yield month
        month = (month + dt.timedelta(days=32)).replace(day=1)
    yield today


def _contribution(schedule: RateSchedule, day: dt.date) -> tuple[object, ...] | None:
    try:
        rule: ContributionRule = schedule.contribution_for(day)
    except RateTableError:
        return None
    return (
        rule.jkk_rate, rule.jht_rate, rule.jkm_flat, rule.minimum_base_income, rule.periods,
        rule.brackets, rule.maximum_base_income,
    )  # fmt: skip


def _discounts(schedule: RateSchedule, day: dt.date) -> frozenset[tuple[object, ...]]:
    return frozenset(
        (rule.percent, rule.programs, rule.sectors, rule.excluded_payers)
        for rule in schedule.discounts
        if rule.effective_from <= day <= rule.effective_to
    )


def rates_change_the_past(
    current: RateSchedule, new: RateSchedule, today: dt.date
) -> dt.date | None:
    """The first day up to today that the new table prices differently, or None."""
    starts = [rule.effective_from for rule in (*current.contributions, *new.contributions)]
    starts += [rule.effective_from for rule in (*current.discounts, *new.discounts)]
    for day in _days(min(starts, default=today), today):
        if _contribution(current, day) != _contribution(new, day) or _discounts(
            current, day
        ) != _discounts(new, day):
            return day
    return None


def _incentive(schedule: IncentiveSchedule, day: dt.date) -> tuple[object, ...] | None:
    try:
        rule: IncentiveRule = schedule.rule_for(day)
    except RateTableError:
        return None
    return (rule.minimum_new_niks, rule.fee_three_programmes, rule.fee_two_programmes, rule.bands)


def incentives_change_the_past(
    current: IncentiveSchedule, new: IncentiveSchedule, today: dt.date
) -> dt.date | None:
    starts = [rule.effective_from for rule in (*current.rules, *new.rules)]
    for day in _days(min(starts, default=today), today):
        if _incentive(current, day) != _incentive(new, day):
            return day
    return None

"""The dashboard's figures, from counts storage makes per village and payer: coverage rolled up
to district, regency or branch against the villages' targets, payers' shares, and new
participants per week.

Storage counts once per (village, payer) in one pass; everything the page shows at any level
is summed here, so changing the level on screen costs no query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from outreach_app.domain.models import PayerType, Village


class Level(StrEnum):
    """Where coverage is summed: each village, or its district, regency or branch office."""

    VILLAGE = "village"
    DISTRICT = "district"
    REGENCY = "regency"
    BRANCH = "branch"


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """Live, registered (not draft) participants of one village and one payer, by status on
    the day counted. `due` are active ones whose next month is not paid yet (a subset of
    `active`); registered people whose protection has not started are in none of the others."""

    village_id: str | None
    payer_id: str | None
    registered: int
    active: int
    due: int
    grace: int
    lapsed: int


@dataclass(frozen=True, slots=True)
class AreaCoverage:
    """One row of the coverage view at a level: its villages' figures summed."""

    key: str
    name: str
    context: str  # what the name belongs to: the regency of a district, ...
    villages: int
    informal_workers: int  # the population the target is taken from
    target: int
    registered: int
    active: int
    due: int
    grace: int
    lapsed: int

    @property
    def percent_of_target(self) -> float:
        """Active participants against the target, in percent (0 with no target)."""
        return 0.0 if self.target == 0 else 100 * self.active / self.target

    @property
    def percent_of_workers(self) -> float:
        """Active participants against the informal workers: the coverage figure."""
        return 0.0 if self.informal_workers == 0 else 100 * self.active / self.informal_workers


@dataclass(frozen=True, slots=True)
class PayerShare:
    payer_type: PayerType
    registered: int
    active: int


def village_totals(counts: Iterable[StatusCounts]) -> dict[str | None, StatusCounts]:
    """The counts of each village, over all its payers."""
    totals: dict[str | None, list[int]] = {}
    for row in counts:
        sums = totals.setdefault(row.village_id, [0, 0, 0, 0, 0])
        for index, value in enumerate((row.registered, row.active, row.due, row.grace,
                                       row.lapsed)):  # fmt: skip
            sums[index] += value
    return {village: StatusCounts(village, None, *sums) for village, sums in totals.items()}


def roll_up(
    villages: Iterable[Village],
    counts: Iterable[StatusCounts],
    level: Level,
    branch_names: Mapping[str, str],
) -> list[AreaCoverage]:
    """Coverage per area at `level`, every village counted (an area with nobody registered
    yet still shows its target), largest target first. Participants with no village, or of
    a village not on this laptop, are not in any area."""
    by_village = village_totals(counts)
    empty = StatusCounts(None, None, 0, 0, 0, 0, 0)
    areas: dict[str, tuple[str, str, list[int]]] = {}
    for village in villages:
        key, name, context = _area(village, level, branch_names)
        figures = by_village.get(village.stamp.id, empty)
        _, _, sums = areas.setdefault(key, (name, context, [0] * 8))
        for index, value in enumerate((1, village.informal_workers, village.target_participants,
                                       figures.registered, figures.active, figures.due,
                                       figures.grace, figures.lapsed)):  # fmt: skip
            sums[index] += value
    rows = [AreaCoverage(key, name, context, *sums) for key, (name, context, sums) in areas.items()]
    return sorted(rows, key=lambda row: (-row.target, row.name))


def _area(village: Village, level: Level, branch_names: Mapping[str, str]) -> tuple[str, str, str]:
    """(key, name, context): district names repeat across regencies, so keys carry both."""
    if level is Level.VILLAGE:
        return village.stamp.id, village.name, village.district
    if level is Level.DISTRICT:
        return f"{village.regency}/{village.district}", village.district, village.regency
    if level is Level.REGENCY:
        return f"{village.province}/{village.regency}", village.regency, village.province
    name = branch_names.get(village.branch_id, village.branch_id)
    return village.branch_id, name, ""


def payer_shares(
    counts: Iterable[StatusCounts], payer_types: Mapping[str, PayerType]
) -> list[PayerShare]:
    """Participants by who pays for them, in PayerType order; no payer means self. APBN is
    listed only when someone has it (no branch in the demo data does)."""
    registered = dict.fromkeys(PayerType, 0)
    active = dict.fromkeys(PayerType, 0)
    for row in counts:
        kind = PayerType.SELF if row.payer_id is None else payer_types.get(row.payer_id)
        kind = kind or PayerType.SELF  # a payer not on this laptop: counted as self
        registered[kind] += row.registered
        active[kind] += row.active
    return [
        PayerShare(kind, registered[kind], active[kind])
        for kind in PayerType
        if kind is not PayerType.APBN or registered[kind]
    ]


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


def weekly_counts(
    by_day: Iterable[tuple[dt.date, int]], today: dt.date, weeks: int
) -> list[tuple[dt.date, int]]:
    """(Monday, count) for the last `weeks` weeks up to this one, weeks with none included;
    days outside them are left out."""
    first = week_start(today) - dt.timedelta(weeks=weeks - 1)
    totals = {first + dt.timedelta(weeks=n): 0 for n in range(weeks)}
    for day, count in by_day:
        monday = week_start(day)
        if monday in totals:
            totals[monday] += count
    return sorted(totals.items())

"""The dashboard's aggregates: a few grouped queries, each one pass, sized for 200k people.

- status counts per (village, payer): one pass over the live participants with their
  coverage run, statuses decided by the domain's bands for the day (as the participant list
  filters them), so coverage, renewals and payers' shares all come from it;
- registrations per day since a date (weeks are made in the domain);
- per agent and month: new NIKs by programmes, and the premiums collected grouped by the
  participant's registration month and the months paid (the incentive bands are applied in
  the domain, on a few hundred groups rather than on every receipt), read from the groups
  kept by triggers in collection_totals.

Every query runs on the caller's connection: the service calls them through a worker
thread's read-only view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from outreach_app.domain.coverage import status_bands
from outreach_app.domain.dashboard import StatusCounts
from outreach_app.domain.due_dates import WEEKENDS, DaysOff
from outreach_app.domain.models import ParticipantStatus
from outreach_app.storage.participant_list import (
    ParticipantFilter,
    ParticipantList,
    ParticipantListing,
)

# Registered participants per village and payer: one pass over participants_village_payer.
_REGISTERED = """
SELECT village_id, payer_id, count(*) FROM participants
WHERE deleted = 0 AND status != 'draft' GROUP BY village_id, payer_id
"""

# Their statuses on a day, from the runs (which carry village, payer and `live`, migration
# 0011): one pass over participant_coverage_area, no join. The bands are the participant
# list's: protection started (run_start <= day) and paid through a band's first day.
_STATUSES = """
SELECT village_id, payer_id,
  count(CASE WHEN run_start <= :day AND paid_through >= :active_from THEN 1 END),
  count(CASE WHEN run_start <= :day AND paid_through >= :active_from
             AND paid_through < :due_before THEN 1 END),
  count(CASE WHEN run_start <= :day AND paid_through >= :grace_from
             AND paid_through < :active_from THEN 1 END),
  count(CASE WHEN run_start <= :day AND paid_through < :grace_from THEN 1 END)
FROM participant_coverage WHERE live = 1
GROUP BY village_id, payer_id
"""

# Receipts of the month by each collector, grouped by the participant's registration month
# and the months paid: kept grouped in collection_totals (migration 0012), so a month is a
# range of its key, a few hundred rows, however many receipts it had. Months are the
# laptop's local ones, as paid_at is written. The retired record of a merged participant
# keeps its receipts and its registration date.
_COLLECTIONS = """
SELECT collected_by, registered_month, period_start, months, amount, receipts
FROM collection_totals WHERE paid_month = :month
"""

_NEW_NIKS = """
SELECT agent_id, include_jht, count(DISTINCT nik)
FROM participants
WHERE registered_on >= :start AND registered_on < :end AND deleted = 0 AND status != 'draft'
  AND nik IS NOT NULL AND agent_id IS NOT NULL
GROUP BY agent_id, include_jht
"""


@dataclass(frozen=True, slots=True)
class NewParticipants:
    """New NIKs an agent registered in a month, by whether they took JHT too."""

    agent_id: str
    three_programmes: int
    two_programmes: int


@dataclass(frozen=True, slots=True)
class CollectionGroup:
    """Receipts an agent wrote in a month for participants registered in the same month,
    paying the same months (`months` from `period_start`)."""

    agent_id: str
    registered_month: dt.date | None  # first day of the month; None if not known
    period_start: dt.date
    months: int
    amount: int
    receipts: int


class DashboardQueries:
    def __init__(self, db: Database) -> None:
        self._db = db

    def status_counts(
        self, day: dt.date, due_before: dt.date, days_off: DaysOff = WEEKENDS
    ) -> list[StatusCounts]:
        """Per (village, payer) on `day`; `due` are the active paid through before
        `due_before` (the end of the month whose premium falls due next)."""
        bands = status_bands(day, days_off)
        statuses = {
            (village, payer): counts
            for village, payer, *counts in self._db.execute(
                _STATUSES,
                {
                    "day": day.isoformat(),
                    "active_from": bands.active_from.isoformat(),
                    "grace_from": bands.grace_from.isoformat(),
                    "due_before": due_before.isoformat(),
                },
            ).fetchall()
        }
        return [
            StatusCounts(village, payer, registered, *statuses.get((village, payer), (0,) * 4))
            for village, payer, registered in self._db.execute(_REGISTERED).fetchall()
        ]

    def registrations_by_day(self, since: dt.date) -> list[tuple[dt.date, int]]:
        """Live, registered participants per registration day from `since` on."""
        cursor = self._db.execute(
            "SELECT registered_on, count(*) FROM participants WHERE registered_on >= ? "
            "AND deleted = 0 AND status != 'draft' GROUP BY registered_on",
            [since.isoformat()],
        )
        return [(dt.date.fromisoformat(day), int(count)) for day, count in cursor.fetchall()]

    def new_participants(self, start: dt.date, end: dt.date) -> list[NewParticipants]:
        """New NIKs per agent registered in [start, end)."""
        counts: dict[str, list[int]] = {}
        cursor = self._db.execute(_NEW_NIKS, {"start": start.isoformat(), "end": end.isoformat()})
        for agent_id, include_jht, count in cursor.fetchall():
            counts.setdefault(agent_id, [0, 0])[0 if include_jht else 1] += int(count)
        return [NewParticipants(agent, three, two) for agent, (three, two) in counts.items()]

    def collections(self, month: dt.date) -> list[CollectionGroup]:
        """Standing receipts written in the month of `month` (the laptop's local days),
        grouped."""
        cursor = self._db.execute(_COLLECTIONS, {"month": month.isoformat()[:7]})
        return [
            CollectionGroup(
                agent_id=agent,
                registered_month=dt.date.fromisoformat(registered + "-01") if registered else None,
                period_start=dt.date.fromisoformat(period_start),
                months=int(months),
                amount=int(amount),
                receipts=int(receipts),
            )
            for agent, registered, period_start, months, amount, receipts in cursor.fetchall()
        ]

    def renewal_list(
        self,
        village_id: str,
        day: dt.date,
        due_before: dt.date,
        limit: int,
        days_off: DaysOff = WEEKENDS,
    ) -> dict[ParticipantStatus, list[ParticipantListing]]:
        """The village's people to see on the next visit, in name order: active ones whose
        next month is due (under ACTIVE), those in grace, and the lapsed."""
        people = ParticipantList(self._db)
        wanted = {
            ParticipantStatus.ACTIVE: ParticipantFilter(
                village_id=village_id, status=ParticipantStatus.ACTIVE, paid_before=due_before
            ),
            ParticipantStatus.GRACE: ParticipantFilter(
                village_id=village_id, status=ParticipantStatus.GRACE
            ),
            ParticipantStatus.LAPSED: ParticipantFilter(
                village_id=village_id, status=ParticipantStatus.LAPSED
            ),
        }
        return {
            status: people.page(filters, day, limit, days_off=days_off)
            for status, filters in wanted.items()
        }

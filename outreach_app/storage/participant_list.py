"""The participant list: filtered, in name order, a page at a time, with each person's status.

Pages are found by keyset (after the last name, or NIK, and id shown), not by OFFSET, so
scrolling to row 190.000 costs the same as row 500. Status comes from the local
participant_coverage table and the domain's status bands for the day, so filtering by "grace"
is one indexed query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from outreach_app.domain.coverage import Coverage, coverage_of_run, status_bands
from outreach_app.domain.due_dates import WEEKENDS, DaysOff
from outreach_app.domain.models import Participant, ParticipantStatus
from outreach_app.storage.rows import from_row

NAME_ORDER = "p.full_name COLLATE NOCASE, p.id"
MAX_VILLAGES_LISTED = 500  # more villages than this are counted with all the others
NIK_ORDER = "p.nik, p.id"


@dataclass(frozen=True, slots=True)
class ParticipantFilter:
    """What the participant list can be narrowed by; empty fields do not filter."""

    text: str = ""  # a NIK prefix (digits) or part of a name
    village_id: str | None = None
    status: ParticipantStatus | None = None
    payer_id: str | None = None
    agent_id: str | None = None
    paid_before: dt.date | None = None  # coverage ends before this day (premium falls due)

    @property
    def needs_coverage(self) -> bool:
        """Only participants with a run of paid months can match (active, grace, lapsed or
        falling due)."""
        return self.paid_before is not None or self.status in (
            ParticipantStatus.ACTIVE,
            ParticipantStatus.GRACE,
            ParticipantStatus.LAPSED,
        )

    def sql(self, today: dt.date, days_off: DaysOff = WEEKENDS) -> tuple[str, list[Any]]:
        clauses, params = ["p.deleted = 0"], []
        text = self.text.strip()
        if text.isdigit():
            clauses.append("p.nik >= ? AND p.nik < ?")
            params += [text, text + ":"]  # ':' sorts right after '9': a prefix range on the index
        elif text:
            clauses.append("p.full_name LIKE ? ESCAPE '\\'")
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
        for column, value in (
            ("p.village_id", self.village_id),
            ("p.payer_id", self.payer_id),
            ("p.agent_id", self.agent_id),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.village_id is not None and self.needs_coverage:
            # the same village, as the run carries it: lets SQLite start from the village's
            # runs (participant_coverage_area) rather than every run in the status's band
            clauses.append("c.live = 1 AND c.village_id = ?")
            params.append(self.village_id)
        if self.paid_before is not None:
            clauses.append("c.paid_through < ?")
            params.append(self.paid_before.isoformat())
        if self.status is not None:
            clause, status_params = _status_clause(self.status, today, days_off)
            clauses.append(clause)
            params += status_params
        return " AND ".join(clauses), params


def _status_clause(
    status: ParticipantStatus, today: dt.date, days_off: DaysOff
) -> tuple[str, list[Any]]:
    if status is ParticipantStatus.DRAFT:
        return "p.status = 'draft'", []
    day = today.isoformat()
    if status is ParticipantStatus.REGISTERED:
        return (
            "p.status != 'draft' AND (c.paid_through IS NULL OR c.run_start > ?)",
            [day],
        )
    bands = status_bands(today, days_off)
    started = "p.status != 'draft' AND c.run_start <= ?"
    if status is ParticipantStatus.ACTIVE:
        return f"{started} AND c.paid_through >= ?", [day, bands.active_from.isoformat()]
    if status is ParticipantStatus.GRACE:
        return (
            f"{started} AND c.paid_through >= ? AND c.paid_through < ?",
            [day, bands.grace_from.isoformat(), bands.active_from.isoformat()],
        )
    return f"{started} AND c.paid_through < ?", [day, bands.grace_from.isoformat()]


@dataclass(frozen=True, slots=True)
class ParticipantListing:
    """One row of the list: the participant and their coverage on the day asked for."""

    participant: Participant
    coverage: Coverage


_LEFT_JOIN = "FROM participants p LEFT JOIN participant_coverage c ON c.participant_id = p.id"
# When the filter needs coverage (active, grace, lapsed, falling due), an inner join lets SQLite
# start from the coverage table's paid_through index instead of every participant.
# CROSS JOIN is SQLite's way to fix the join order: without it the planner walks all 200k
# participants in name order (to skip a sort) to find a few dozen in grace.
_INNER_JOIN = "FROM participant_coverage c CROSS JOIN participants p ON p.id = c.participant_id"
# Within one village, from the village's runs (one range of participant_coverage_area, which
# also holds their dates): by its statistics SQLite preferred the band of paid_through dates
# across every village, and the busiest village's people in grace took 84 ms instead of 12 ms
# on 200k participants (benchmarks/bench_dashboard.py).
_VILLAGE_JOIN = (
    "FROM participant_coverage c INDEXED BY participant_coverage_area "
    "CROSS JOIN participants p ON p.id = c.participant_id"
)


_NO_JOIN = "FROM participants p"


def _source(filters: ParticipantFilter, for_count: bool = False) -> str:
    if filters.needs_coverage:
        return _INNER_JOIN if filters.village_id is None else _VILLAGE_JOIN
    if for_count and filters.status is not ParticipantStatus.REGISTERED:
        return _NO_JOIN  # a count by text, village or payer needs no coverage at all
    return _LEFT_JOIN


class ParticipantList:
    def __init__(self, db: Database) -> None:
        self._db = db

    def count(
        self,
        filters: ParticipantFilter,
        today: dt.date,
        cap: int | None = None,
        days_off: DaysOff = WEEKENDS,
    ) -> int:
        """Matching participants; with `cap`, counting stops at cap + 1 ("more than cap"),
        which spares a full scan for a one-letter search over 200k names. `days_off`: the
        holidays that move a due date (reference/holidays.py)."""
        where, params = filters.sql(today, days_off)
        source = _source(filters, for_count=True)
        if cap is None:
            sql, args = f"SELECT count(*) {source} WHERE {where}", params
        else:
            sql = f"SELECT count(*) FROM (SELECT 1 {source} WHERE {where} LIMIT ?)"
            args = [*params, cap + 1]
        return int(self._db.execute(sql, args).fetchone()[0])

    def page(
        self,
        filters: ParticipantFilter,
        today: dt.date,
        limit: int,
        after: ParticipantListing | None = None,
        days_off: DaysOff = WEEKENDS,
    ) -> list[ParticipantListing]:
        """Up to `limit` rows after `after` (the last row already shown).

        In name order, except while a NIK is being typed: then in NIK order, which the index
        gives ready-sorted (sorting 100k prefix matches by name took 0.2 s a keystroke)."""
        where, params = filters.sql(today, days_off)
        by_nik = filters.text.strip().isdigit()
        if after is not None:
            person = after.participant
            if by_nik:
                where += " AND (p.nik > ? OR (p.nik = ? AND p.id > ?))"
                params += [person.nik, person.nik, person.stamp.id]
            else:
                where += (
                    " AND (p.full_name > ? COLLATE NOCASE"
                    " OR (p.full_name = ? COLLATE NOCASE AND p.id > ?))"
                )
                params += [person.full_name, person.full_name, person.stamp.id]
        cursor = self._db.execute(
            "SELECT p.*, c.run_start AS _run_start, c.paid_through AS _paid_through "
            f"{_source(filters)} "
            f"WHERE {where} ORDER BY {NIK_ORDER if by_nik else NAME_ORDER} LIMIT ?",
            [*params, limit],
        )
        names = [d[0] for d in cursor.description]
        listings = []
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            participant = from_row(Participant, row)
            run = (
                None
                if row["_run_start"] is None
                else (
                    dt.date.fromisoformat(row["_run_start"]),
                    dt.date.fromisoformat(row["_paid_through"]),
                )
            )
            listings.append(
                ParticipantListing(
                    participant, coverage_of_run(participant.status, run, today, days_off)
                )
            )
        return listings

    def registered_by_village(self, villages: Collection[str] | None = None) -> dict[str, int]:
        """Registered (not draft) participants per village, for coverage against targets: in
        every village, or only in `villages` (an agent's few: the Today page's first query
        counts their rows, not all 200k, ~7 ms instead of ~21 ms)."""
        if villages is not None and len(villages) <= MAX_VILLAGES_LISTED:
            marks = ", ".join("?" * len(villages))
            cursor = self._db.execute(
                "SELECT village_id, count(*) FROM participants WHERE deleted = 0 "
                f"AND status != 'draft' AND village_id IN ({marks}) GROUP BY village_id",
                list(villages),
            )
        else:  # everywhere (a long list would only cost its parsing: count them all)
            cursor = self._db.execute(
                "SELECT village_id, count(*) FROM participants WHERE deleted = 0 "
                "AND status != 'draft' AND village_id IS NOT NULL GROUP BY village_id"
            )
        counts = {village_id: int(n) for village_id, n in cursor.fetchall()}
        if villages is None:
            return counts
        return {v: counts[v] for v in villages if v in counts}

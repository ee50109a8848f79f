"""The participant_coverage table: each participant's current run of paid months.

Derived from payments by the domain's `current_run`, kept in the same transaction as every
payment or void, and never synced (each device derives it from the payments it has), so a
list of 200k participants can show and filter by status without reading their payments.

A person the branch found registered twice has one kept record; the retired one names it in
`merged_into` and keeps its receipts (receipts are never edited), so a run is computed for the
kept record over the receipts of every record merged into it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import groupby

from sqlite_utils import Database

from outreach_app.domain.coverage import current_run
from outreach_app.domain.models import Payment
from outreach_app.storage.rows import from_row

_UPSERT = (
    "INSERT INTO participant_coverage (participant_id, run_start, paid_through) VALUES (?, ?, ?) "
    "ON CONFLICT (participant_id) DO UPDATE SET run_start = excluded.run_start, "
    "paid_through = excluded.paid_through"
)
# Since migration 0011 a run also carries its participant's village, payer and whether it
# counts (live and not a draft), so the dashboard counts statuses per village without a join;
# a trigger on participants keeps them when those columns change.
_UPSERT_WITH_AREA = (
    "INSERT INTO participant_coverage (participant_id, run_start, paid_through, village_id, "
    "payer_id, live) SELECT id, ?, ?, village_id, payer_id, deleted = 0 AND status != 'draft' "
    "FROM participants WHERE id = ? "
    "ON CONFLICT (participant_id) DO UPDATE SET run_start = excluded.run_start, "
    "paid_through = excluded.paid_through, village_id = excluded.village_id, "
    "payer_id = excluded.payer_id, live = excluded.live"
)


# The ids whose receipts count for the participant given: itself and every record merged into
# it, through chains (a record merged into one that was itself merged later).
MEMBERS_OF = (
    "WITH RECURSIVE members(id) AS (SELECT ? UNION SELECT p.id FROM participants p "
    "JOIN members m ON p.merged_into = m.id) SELECT id FROM members"
)
_LONGEST_CHAIN = 20


def holder(db: Database, participant_id: str) -> str:
    """The record a participant's receipts count for: itself, or the record it was merged into
    (followed to the end of a chain). The chain stops at the last record this laptop has (the
    kept one may be outside an agent's scope) and where it would loop (no review makes one)."""
    seen = {participant_id}
    current = participant_id
    for _ in range(_LONGEST_CHAIN):
        row = db.execute(
            "SELECT kept.id FROM participants retired JOIN participants kept "
            "ON kept.id = retired.merged_into WHERE retired.id = ?",
            [current],
        ).fetchone()
        if row is None or row[0] in seen:
            return current
        current = row[0]
        seen.add(current)
    return current


def _payments(db: Database, where: str, params: list[str]) -> Iterable[Payment]:
    cursor = db.execute(
        f"SELECT * FROM payments WHERE deleted = 0 AND {where} ORDER BY participant_id", params
    )
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield from_row(Payment, dict(zip(names, row, strict=True)))


def _store(
    db: Database, participant_id: str, run: tuple[dt.date, dt.date] | None, area: bool = True
) -> None:
    if run is None:
        db.execute("DELETE FROM participant_coverage WHERE participant_id = ?", [participant_id])
    elif area:
        db.execute(_UPSERT_WITH_AREA, [run[0].isoformat(), run[1].isoformat(), participant_id])
    else:  # a database migrating through 0002, before the area columns exist
        db.execute(_UPSERT, [participant_id, run[0].isoformat(), run[1].isoformat()])


def refresh_coverage(db: Database, participant_id: str) -> tuple[dt.date, dt.date] | None:
    """Recomputes the run a participant's receipts count for (its own, or that of the record
    it was merged into); call inside the transaction that changed payments or merged records.
    Returns that run."""
    kept = holder(db, participant_id)
    run = current_run(_payments(db, f"participant_id IN ({MEMBERS_OF})", [kept]))
    _store(db, kept, run)
    if kept != participant_id:
        _store(db, participant_id, None)  # a retired record has no run of its own
    return run


def rebuild_coverage(db: Database, area: bool = True) -> int:
    """Recomputes every participant's run (after a migration, an import or a sync); `area`
    False only for a database migrating through 0002 (see _UPSERT_WITH_AREA)."""
    db.execute("DELETE FROM participant_coverage")
    merging = "merged_into" in db["participants"].columns_dict  # not before migration 0010
    retired = (
        {row[0] for row in db.execute("SELECT id FROM participants WHERE merged_into IS NOT NULL")}
        if merging
        else set()
    )
    kept = {holder(db, participant_id) for participant_id in retired}
    count = 0
    for participant_id, payments in groupby(
        _payments(db, "1", []), key=lambda payment: payment.participant_id
    ):
        if participant_id in retired or participant_id in kept:
            continue  # done below, with the receipts of the records merged into them
        _store(db, participant_id, current_run(payments), area)
        count += 1
    for participant_id in kept:
        count += refresh_coverage(db, participant_id) is not None
    return count


def coverage_run(db: Database, participant_id: str) -> tuple[dt.date, dt.date] | None:
    row = db.execute(
        "SELECT run_start, paid_through FROM participant_coverage WHERE participant_id = ?",
        [participant_id],
    ).fetchone()
    return None if row is None else (dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1]))

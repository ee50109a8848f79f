"""The participant_coverage table: each participant's current run of paid months.

Derived from payments by the domain's `current_run`, kept in the same transaction as every
payment or void, and never synced (each device derives it from the payments it has), so a
list of 200k participants can show and filter by status without reading their payments.
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


def _payments(db: Database, where: str, params: list[str]) -> Iterable[Payment]:
    cursor = db.execute(
        f"SELECT * FROM payments WHERE deleted = 0 AND {where} ORDER BY participant_id", params
    )
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield from_row(Payment, dict(zip(names, row, strict=True)))


def _store(db: Database, participant_id: str, run: tuple[dt.date, dt.date] | None) -> None:
    if run is None:
        db.execute("DELETE FROM participant_coverage WHERE participant_id = ?", [participant_id])
    else:
        db.execute(_UPSERT, [participant_id, run[0].isoformat(), run[1].isoformat()])


def refresh_coverage(db: Database, participant_id: str) -> tuple[dt.date, dt.date] | None:
    """Recomputes one participant's run; call inside the transaction that changed payments."""
    run = current_run(_payments(db, "participant_id = ?", [participant_id]))
    _store(db, participant_id, run)
    return run


def rebuild_coverage(db: Database) -> int:
    """Recomputes every participant's run (after a migration, an import or a sync)."""
    db.execute("DELETE FROM participant_coverage")
    count = 0
    for participant_id, payments in groupby(
        _payments(db, "1", []), key=lambda payment: payment.participant_id
    ):
        _store(db, participant_id, current_run(payments))
        count += 1
    return count


def coverage_run(db: Database, participant_id: str) -> tuple[dt.date, dt.date] | None:
    row = db.execute(
        "SELECT run_start, paid_through FROM participant_coverage WHERE participant_id = ?",
        [participant_id],
    ).fetchone()
    return None if row is None else (dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1]))

"""The duplicate-review queue's rows on the server, and the sequence of the server's own changes.

A review pairs two live participants with the same NIK. Resolving one retires a record into
the other; every open review naming the retired record closes with it (with three records of
one NIK, the remaining pair has its own review already).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, or_, select, update

from outreach_app.server.store.tables import changes, duplicate_reviews


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    branch_id: str
    nik: str
    first_row_id: str
    second_row_id: str
    status: str  # "open" | "resolved"
    kept_row_id: str | None
    created_at: str
    resolved_at: str | None


def _review(row: Any) -> ReviewRow:
    values = row._mapping
    return ReviewRow(
        id=int(values["id"]), branch_id=values["branch_id"], nik=values["nik"],
        first_row_id=values["first_row_id"], second_row_id=values["second_row_id"],
        status=values["status"], kept_row_id=values["kept_row_id"],
        created_at=values["created_at"], resolved_at=values["resolved_at"],
    )  # fmt: skip


def review(conn: Connection, review_id: int) -> ReviewRow | None:
    query = select(duplicate_reviews).where(duplicate_reviews.c.id == review_id)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()  # two staff members resolving the same pair
    row = conn.execute(query).first()
    return None if row is None else _review(row)


def branch_reviews(conn: Connection, branch_id: str, open_only: bool = True) -> list[ReviewRow]:
    query = select(duplicate_reviews).where(duplicate_reviews.c.branch_id == branch_id)
    if open_only:
        query = query.where(duplicate_reviews.c.status == "open")
    return [_review(row) for row in conn.execute(query.order_by(duplicate_reviews.c.id))]


def close_reviews(conn: Connection, retired_row_id: str, kept_row_id: str) -> int:
    """Closes every open review that names the retired record."""
    names_it = or_(
        duplicate_reviews.c.first_row_id == retired_row_id,
        duplicate_reviews.c.second_row_id == retired_row_id,
    )
    resolved_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    result = conn.execute(
        update(duplicate_reviews)
        .where(names_it, duplicate_reviews.c.status == "open")
        .values(status="resolved", kept_row_id=kept_row_id, resolved_at=resolved_at)
    )
    return int(result.rowcount)


def server_device(branch_code: str) -> str:
    """The device id the server's own changes for a branch carry (merges, snapshots)."""
    return f"server-{branch_code}"


def next_seq(conn: Connection, device_id: str) -> int:
    """The next sequence number for changes the server itself makes under `device_id` (call
    inside the branch's locked transaction, so two processes never take the same one)."""
    query = select(func.coalesce(func.max(changes.c.seq), 0)).where(
        changes.c.device_id == device_id
    )
    return int(conn.execute(query).scalar_one()) + 1

"""The shared shape of a repository over one syncable table: records in, records out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from sqlite_utils import Database

from outreach_app.storage.changes import ChangeWriter
from outreach_app.storage.errors import NotFound
from outreach_app.storage.rows import data_columns, from_row, to_column

R = TypeVar("R")


class SyncedRepository(Generic[R]):
    """Reads skip tombstones; writes go through the ChangeWriter so they reach the outbox."""

    table: str
    record_type: type[R]
    label: str  # what the user calls it, for "not found" messages

    def __init__(self, db: Database, writer: ChangeWriter | None) -> None:
        """`writer` is None for repositories on a read-only connection (worker threads)."""
        self._db = db
        self._writer_or_none = writer

    @property
    def _writer(self) -> ChangeWriter:
        if self._writer_or_none is None:
            raise RuntimeError(f"{self.table}: this repository is read-only (a reader view)")
        return self._writer_or_none

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _record(self, row: dict[str, Any]) -> R:
        return from_row(self.record_type, row)

    def _where(
        self,
        where: str,
        params: Sequence[Any] = (),
        order_by: str = "rowid",
        limit: int | None = None,
    ) -> list[R]:
        sql = f"SELECT * FROM {self.table} WHERE deleted = 0 AND ({where}) ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._record(row) for row in self._rows(sql, params)]

    def get(self, record_id: str) -> R:
        found = self._where("id = ?", [record_id])
        if not found:
            raise NotFound(self.label, record_id)
        return found[0]

    def find(self, record_id: str) -> R | None:
        found = self._where("id = ?", [record_id])
        return found[0] if found else None

    def all(self) -> list[R]:
        return self._where("1")

    def count(self) -> int:
        return int(
            self._db.execute(f"SELECT count(*) FROM {self.table} WHERE deleted = 0").fetchone()[0]
        )

    def add(self, record: R) -> str:
        """Stores a new record; its stamp's id is kept if set, the clock and device are ours."""
        return self._writer.insert(self.table, self._insert_row(record))

    def add_many(self, records: Iterable[R]) -> list[str]:
        with self._db.atomic():
            return self._writer.insert_many(
                self.table, (self._insert_row(record) for record in records)
            )

    def _insert_row(self, record: R) -> dict[str, Any]:
        row = data_columns(record)
        stamp = getattr(record, "stamp", None)
        if stamp is not None and stamp.id:
            row["id"] = stamp.id
        return row

    def update(self, record_id: str, **changes: object) -> bool:
        return self._writer.update(
            self.table, record_id, {k: to_column(v) for k, v in changes.items()}
        )

    def delete(self, record_id: str) -> None:
        self._writer.delete(self.table, record_id)

"""Every local write goes through here: the row and its outbox record, in one transaction.

Nothing is ever "dirty" without a change record, so the sync can never miss an edit and a crash
can never leave a change recorded without its row (or the reverse). The outbox keeps the
changed fields with their values, the hybrid-logical-clock timestamp and the device, numbered
by a per-device sequence (`seq`) that the server will keep unique to make pushes idempotent.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from outreach_app.domain.hlc import HybridClock
from outreach_app.domain.ids import uuid7
from outreach_app.domain.versions import version
from outreach_app.storage.migrations import SYNCABLE_TABLES
from outreach_app.storage.rows import STAMP_COLUMNS

_OUTBOX_COLUMNS = ("device_id", "table_name", "row_id", "op", "fields", "hlc", "created_at")
_OUTBOX_INSERT = (
    f"INSERT INTO outbox ({', '.join(_OUTBOX_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _OUTBOX_COLUMNS)})"
)


def _check_table(table: str) -> str:
    if table not in SYNCABLE_TABLES:  # table names are interpolated: only known ones pass
        raise ValueError(f"not a syncable table: {table!r}")
    return table


def _dumps(fields: Mapping[str, Any]) -> str:
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def record_field_versions(
    db: Database, table: str, row_id: str, fields: Iterable[str], stamp: str
) -> None:
    """Field versions for the merge, written just before a row is updated (by this device or
    by a pulled change): the row as first written keeps its version under "*" (taken from the
    row as it still is), the fields being written get `stamp`."""
    db.execute(
        "INSERT OR IGNORE INTO field_versions (table_name, row_id, field, version) "
        f"SELECT ?, id, '*', updated_hlc || '@' || device_id FROM {_check_table(table)} "
        "WHERE id = ?",
        [table, row_id],
    )
    db.conn.executemany(
        "INSERT INTO field_versions (table_name, row_id, field, version) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (table_name, row_id, field) DO UPDATE SET version = excluded.version",
        [(table, row_id, field, stamp) for field in fields],
    )


class ChangeWriter:
    """Writes syncable rows for one device. Callers group writes with `Database.atomic()`."""

    def __init__(
        self,
        db: Database,
        device_id: str,
        clock: HybridClock,
        now: Callable[[], dt.datetime],
    ) -> None:
        self._db = db
        self._device_id = device_id
        self._clock = clock
        self._now = now

    @property
    def device_id(self) -> str:
        return self._device_id

    def become(self, device_id: str) -> None:
        """Writes from now on as another device (this laptop became a new device: restored
        from a backup or copied, see storage/device_fork.py)."""
        self._device_id = device_id

    def _stamp(self) -> tuple[str, str]:
        return self._clock.tick().encode(), self._now().isoformat(timespec="seconds")

    def insert(self, table: str, data: Mapping[str, Any]) -> str:
        """Inserts a new row (its `id` made here unless given) and returns the id."""
        return self.insert_many(table, [data])[0]

    def insert_many(self, table: str, rows: Iterable[Mapping[str, Any]]) -> list[str]:
        """Bulk insert with one outbox record per row, all in one transaction."""
        _check_table(table)
        ids: list[str] = []
        data_rows: list[tuple[Any, ...]] = []
        outbox_rows: list[tuple[Any, ...]] = []
        columns: tuple[str, ...] | None = None
        created_at = self._now().isoformat(timespec="seconds")
        for data in rows:
            fields = {k: v for k, v in data.items() if k not in STAMP_COLUMNS}
            if columns is None:
                columns = (*STAMP_COLUMNS, *fields)
            elif len(fields) + len(STAMP_COLUMNS) != len(columns):
                raise ValueError("insert_many needs rows with the same columns")
            row_id = str(data.get("id") or uuid7())
            hlc = self._clock.tick().encode()
            ids.append(row_id)
            data_rows.append((row_id, hlc, self._device_id, 0, *(fields[c] for c in columns[4:])))
            outbox_rows.append(
                (self._device_id, table, row_id, "insert", _dumps(fields), hlc, created_at)
            )
        if columns is None:
            return ids
        insert = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        )
        with self._db.atomic():
            self._db.conn.executemany(insert, data_rows)
            self._db.conn.executemany(_OUTBOX_INSERT, outbox_rows)
        return ids

    def update(self, table: str, row_id: str, changes: Mapping[str, Any]) -> bool:
        """Writes the fields that really change; returns False when nothing did."""
        _check_table(table)
        if any(key in STAMP_COLUMNS for key in changes):
            raise ValueError("sync columns are set by the writer, not by callers")
        with self._db.atomic():
            cursor = self._db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
            current = cursor.fetchone()
            if current is None:
                raise KeyError(f"{table} {row_id} does not exist")
            before = dict(zip([d[0] for d in cursor.description], current, strict=True))
            changed = {k: v for k, v in changes.items() if before.get(k) != v}
            if not changed:
                return False
            self._write(table, row_id, "update", changed)
        return True

    def delete(self, table: str, row_id: str) -> None:
        """A tombstone, not a DELETE: the deletion must travel to the other devices."""
        _check_table(table)
        with self._db.atomic():
            self._write(table, row_id, "delete", {"deleted": 1})

    def _write(self, table: str, row_id: str, op: str, changed: Mapping[str, Any]) -> None:
        hlc, created_at = self._stamp()
        record_field_versions(self._db, table, row_id, changed, version(hlc, self._device_id))
        assignments = ", ".join(f"{column} = ?" for column in changed)
        cursor = self._db.execute(
            f"UPDATE {table} SET {assignments}, updated_hlc = ?, device_id = ? WHERE id = ?",
            [*changed.values(), hlc, self._device_id, row_id],
        )
        if cursor.rowcount != 1:
            raise KeyError(f"{table} {row_id} does not exist")
        self._db.execute(
            _OUTBOX_INSERT,
            [self._device_id, table, row_id, op, _dumps(changed), hlc, created_at],
        )

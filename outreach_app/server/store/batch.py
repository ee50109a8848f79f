"""One push batch's view of the server's rows: read in a few statements, judged in memory,
written in a few statements at the end.

The server's rules (server/sync_server.py) judge the changes of a batch one after the
other, and they depend on each other: a participant and then its payment, the same row
updated twice. So the batch's own writes must be what the next change reads. `RowBatch`
keeps them in memory, where the next change finds them, and `flush` writes them all at the
end of the batch with one statement per table (upserts, chosen by dialect). A change the rules
refuse has written nothing yet, so it needs no savepoint to undo. A read the batch cannot
answer from memory goes to the database once and is remembered; `prefetch` reads a whole
batch's rows in one statement per table before the rules start.

Writing at the end keeps the guarantees of a change-by-change write: the log of changes is
inserted in the order the changes were accepted (so `server_seq` follows it), inside the
transaction that holds the branch's lock, and a (device, seq) that another process took in
the meantime still fails the whole transaction with IntegrityError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Insert, bindparam, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from outreach_app.domain.change_shape import DeviceChange
from outreach_app.server.store.grants import GrantBatch
from outreach_app.server.store.json_text import dumps
from outreach_app.server.store.store import ServerStore, StoredRecord, _now, _stored
from outreach_app.server.store.tables import changes, field_versions, records

Key = tuple[str, str]  # (table, row id)
_CHUNK = 500  # ids in one IN (...)

_RECORDS_BY_ID = select(records).where(
    records.c.table_name == bindparam("table_name"),
    records.c.row_id.in_(bindparam("ids", expanding=True)),
)
_RECORDS_BY_ID_LOCKED = _RECORDS_BY_ID.with_for_update()  # PostgreSQL: rows about to change
_RECORDS_BY_KEY = select(records).where(
    records.c.table_name == bindparam("table_name"),
    records.c.natural_key.in_(bindparam("keys", expanding=True)),
)
_RECORDS_OWNED = select(records).where(
    records.c.table_name == bindparam("table_name"), records.c.owner_id == bindparam("owner")
)
_VERSIONS_OF = select(
    field_versions.c.row_id, field_versions.c.field, field_versions.c.version
).where(
    field_versions.c.table_name == bindparam("table_name"),
    field_versions.c.row_id.in_(bindparam("ids", expanding=True)),
)
_LOG = insert(changes)


@dataclass(slots=True)
class _Pending:
    """A row the batch has written: its latest state and every field version it set."""

    record: StoredRecord
    natural_key: str | None
    versions: dict[str, str]
    # a new row's data is exactly the fields of the change that made it: their JSON, made
    # once for the log, is the row's too (until another change of the batch alters the row)
    made_by_last_change: bool = False
    data_json: str | None = None


def _upserts(dialect: str) -> tuple[Insert, Insert]:
    """(records, field_versions) upserts in the dialect's own ON CONFLICT syntax."""
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    row = make(records)
    row = row.on_conflict_do_update(
        index_elements=[records.c.table_name, records.c.row_id],
        set_={name: row.excluded[name]
              for name in ("data", "branch_id", "village_id", "owner_id", "natural_key")},
    )  # fmt: skip
    version = make(field_versions)
    version = version.on_conflict_do_update(
        index_elements=[field_versions.c.table_name, field_versions.c.row_id,
                        field_versions.c.field],
        set_={"version": version.excluded.version},
    )  # fmt: skip
    return row, version


_UPSERTS = {name: _upserts(name) for name in ("sqlite", "postgresql")}


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


class RowBatch:
    """The rows of one transaction, as the batch has left them so far."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._dialect = conn.dialect.name
        self._records: dict[Key, StoredRecord | None] = {}
        self._natural: dict[Key, str | None] = {}
        self._with_key: dict[Key, dict[str, None]] = {}  # (table, natural key) -> row ids
        self._keys_read: set[Key] = set()
        self._versions: dict[Key, dict[str, str]] = {}
        self._owned: dict[tuple[str, str], list[StoredRecord]] = {}
        self._pending: dict[Key, _Pending] = {}
        self._log: list[dict[str, Any]] = []
        self._reviews: dict[tuple[str, str], tuple[str, str]] = {}
        self._afterwards: list[Callable[[Connection], None]] = []
        self.grants = GrantBatch(conn)  # the villages staff granted each agent

    # --- reading ---------------------------------------------------------------------------

    def prefetch(self, keys: Iterable[Key], versions: bool = False) -> None:
        """Reads the rows not known yet, one statement per table (and their field versions,
        for rows about to change)."""
        wanted: dict[str, dict[str, None]] = {}
        for table, row_id in keys:
            if (table, row_id) not in self._records:
                wanted.setdefault(table, {})[row_id] = None
        for table, ids in wanted.items():
            query = _RECORDS_BY_ID_LOCKED if self._dialect == "postgresql" else _RECORDS_BY_ID
            for chunk in _chunks(list(ids)):
                for row in self.conn.execute(query, {"table_name": table, "ids": chunk}):
                    self._remember(row)
            for row_id in ids:
                self._records.setdefault((table, row_id), None)
            if versions:
                self._read_versions(table, [r for r in ids if self._records[(table, r)]])

    def prefetch_keys(self, table: str, keys: Iterable[str]) -> None:
        """Reads the rows whose natural key (NIK, code, username) is one of `keys`."""
        wanted = [key for key in dict.fromkeys(keys) if (table, key) not in self._keys_read]
        for chunk in _chunks(wanted):
            for row in self.conn.execute(_RECORDS_BY_KEY, {"table_name": table, "keys": chunk}):
                self._remember(row)
        self._keys_read.update((table, key) for key in wanted)

    def record(self, table: str, row_id: str) -> StoredRecord | None:
        if (table, row_id) not in self._records:
            self.prefetch([(table, row_id)])
        return self._records[(table, row_id)]

    def versions(self, table: str, row_id: str) -> dict[str, str]:
        """The field versions (hlc@device) the server holds for a row, "*" for the row as
        first written."""
        if (table, row_id) not in self._versions:
            self._read_versions(table, [row_id])
        return dict(self._versions[(table, row_id)])

    def by_key(self, table: str, key: str) -> list[StoredRecord]:
        """Rows of `table` whose natural key is `key` now (the batch's writes included)."""
        if (table, key) not in self._keys_read:
            self.prefetch_keys(table, [key])
        found = []
        for row_id in self._with_key.get((table, key), {}):
            record = self._records.get((table, row_id))
            if record is not None and self._natural.get((table, row_id)) == key:
                found.append(record)
        return found

    def owned(self, table: str, owner_id: str) -> list[StoredRecord]:
        """Rows of `table` owned by `owner_id` now (the batch's writes included)."""
        cached = self._owned.get((table, owner_id))
        if cached is not None:
            return cached
        candidates: dict[str, None] = {}
        for row in self.conn.execute(_RECORDS_OWNED, {"table_name": table, "owner": owner_id}):
            self._remember(row)
            candidates[row.row_id] = None
        candidates.update(dict.fromkeys(r for t, r in self._pending if t == table))
        found = [
            record
            for row_id in candidates
            if (record := self._records.get((table, row_id))) is not None
            and record.owner_id == owner_id
        ]
        self._owned[(table, owner_id)] = found
        return found

    def _remember(self, row: Any) -> None:
        """A row read from the database, unless the batch already knows it (its own state
        is newer than the database's)."""
        key = (row.table_name, row.row_id)
        if key in self._records:
            return
        self._records[key] = _stored(row)
        self._set_natural(key, row.natural_key)

    def _set_natural(self, key: Key, natural_key: str | None) -> None:
        self._natural[key] = natural_key
        if natural_key is not None:
            self._with_key.setdefault((key[0], natural_key), {})[key[1]] = None

    def _read_versions(self, table: str, row_ids: Sequence[str]) -> None:
        missing = [r for r in row_ids if (table, r) not in self._versions]
        for row_id in missing:
            self._versions[(table, row_id)] = {}
        for chunk in _chunks(missing):
            for row in self.conn.execute(_VERSIONS_OF, {"table_name": table, "ids": chunk}):
                self._versions[(table, row.row_id)][row.field] = row.version

    # --- writing (in memory until flush) ----------------------------------------------------

    def save(
        self, record: StoredRecord, new_versions: dict[str, str], natural_key: str | None,
        is_new: bool = False,
    ) -> None:  # fmt: skip
        """`is_new`: the row is not on the server yet (it has no field versions there)."""
        key = (record.table, record.row_id)
        if is_new:
            self._versions.setdefault(key, {})
        elif key not in self._versions:
            self._read_versions(record.table, [record.row_id])
        self._versions[key].update(new_versions)
        pending = self._pending.get(key)
        if pending is None:
            self._pending[key] = _Pending(record, natural_key, dict(new_versions), is_new)
        else:
            pending.record, pending.natural_key = record, natural_key
            pending.versions.update(new_versions)
            pending.made_by_last_change, pending.data_json = False, None
        self._records[key] = record
        self._set_natural(key, natural_key)
        for cached in [k for k in self._owned if k[0] == record.table]:
            del self._owned[cached]

    def log(self, change: DeviceChange, account_id: int, scope: StoredRecord) -> None:
        """An accepted change (just saved), numbered in the order this is called."""
        fields = _json(change.fields)
        pending = self._pending.get((change.table, change.row_id))
        if pending is not None and pending.made_by_last_change:
            pending.data_json = fields
        self._log.append({
            "device_id": change.device_id, "seq": change.seq, "table_name": change.table,
            "row_id": change.row_id, "op": change.op, "fields": fields,
            "hlc": change.hlc, "account_id": account_id, "branch_id": scope.branch_id,
            "village_id": scope.village_id, "owner_id": scope.owner_id,
        })  # fmt: skip

    def open_review(self, branch_id: str, nik: str, first: str, second: str) -> None:
        self._reviews.setdefault((first, second), (branch_id, nik))

    def after_flush(self, work: Callable[[Connection], None]) -> None:
        """Work that reads the database as the batch leaves it (a village's rows for an
        agent just assigned it), done in the same transaction once the batch is written."""
        self._afterwards.append(work)

    def flush(self) -> None:
        """Writes everything the batch accepted, in a statement per table."""
        conn, (upsert_record, upsert_version) = self.conn, _UPSERTS[self._dialect]
        if self._pending:
            _many(conn, upsert_record, [
                {"table_name": table, "row_id": row_id,
                 "data": p.data_json or _json(p.record.data), "branch_id": p.record.branch_id,
                 "village_id": p.record.village_id, "owner_id": p.record.owner_id,
                 "natural_key": p.natural_key}
                for (table, row_id), p in self._pending.items()
            ])  # fmt: skip
            versions = [
                {"table_name": table, "row_id": row_id, "field": field, "version": version}
                for (table, row_id), p in self._pending.items()
                for field, version in p.versions.items()
            ]
            if versions:
                _many(conn, upsert_version, versions)
        if self._log:
            accepted_at = _now()
            _many(conn, _LOG, [{**row, "accepted_at": accepted_at} for row in self._log])
        for (first, second), (branch_id, nik) in self._reviews.items():
            ServerStore.open_review(conn, branch_id, nik, first, second)
        self.grants.flush()
        afterwards = self._afterwards
        self._pending, self._log, self._reviews, self._afterwards = {}, [], {}, []
        for work in afterwards:
            work(conn)


_COMPILED: dict[tuple[int, str, tuple[str, ...]], Any] = {}


def _many(conn: Connection, statement: Insert, rows: list[dict[str, Any]]) -> None:
    """executemany of an INSERT compiled once (per dialect and set of columns), the rows
    handed to the driver as they are. SQLAlchemy's own executemany prepares every row's
    parameters again: a tenth of a push's time on the server, for columns (text and
    integers) that need no conversion."""
    key = (id(statement), conn.dialect.name, tuple(rows[0]))
    compiled = _COMPILED.get(key)
    if compiled is None:
        compiled = statement.compile(dialect=conn.dialect, column_keys=list(key[2]))
        _COMPILED[key] = compiled
    if compiled.positional:  # SQLite: ?, in the compiled order
        order = compiled.positiontup or ()
        conn.exec_driver_sql(compiled.string, [tuple(row[name] for name in order) for row in rows])
    else:  # psycopg: %(name)s
        conn.exec_driver_sql(compiled.string, rows)


def _json(data: dict[str, Any]) -> str:
    return dumps(data)

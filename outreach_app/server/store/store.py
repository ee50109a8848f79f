"""The server's store: accounts and tokens, the merged rows, and the log of accepted changes.

One code path for SQLite and PostgreSQL (SQLAlchemy Core). Two things keep the pull cursor
honest when several server processes write at once: every push batch is accepted in one
transaction (its reads and writes go through batch.RowBatch), and on PostgreSQL that
transaction first takes an advisory lock for the branch, so changes of one branch get their
numbers in commit order and a laptop that pulled up to N never misses a change numbered below
N committed later. (SQLite allows one writer at a time anyway; its transactions start
IMMEDIATE for the same reason.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError

from outreach_app.server.store import auth_tables  # noqa: F401  (its tables in `metadata`)
from outreach_app.server.store.audit import AuditLog, FailureCounts
from outreach_app.server.store.grants import grant_existing_visits
from outreach_app.server.store.json_text import dumps, loads
from outreach_app.server.store.receipt_prefixes import backfill_receipt_numbers
from outreach_app.server.store.sessions import TOKEN_LIFETIME, SessionStore
from outreach_app.server.store.tables import (
    accounts,
    changes,
    device_keys,
    duplicate_reviews,
    field_versions,
    metadata,
    records,
    schema_info,
    server_keys,
)
from outreach_app.storage.errors import StorageUnavailable

SCHEMA_VERSION = 5
# Each step brings a store from the version before it. Schema 2: changes.versions (snapshots
# for a laptop whose scope grew), an index to find a village's rows, the server's signing key.
# Schema 3: tokens expire; devices are bound to the account that first used them (taken from
# the tokens and changes already there: the first account wins, any other account's live
# token on that device is revoked, and so is a token under the server's own device ids);
# wrong-password counters and the audit log (new tables).
# Schema 4: village_grants (an agent's villages, granted by staff only).
# Schema 5: receipt_prefixes (one device per prefix, server-wide) and receipt_numbers (the
# receipts' numbers, to flag one that another device already used), new tables; the numbers
# of the receipts already held are filled in from the log.
_UPGRADES: dict[int, list[str]] = {
    2: [
        "ALTER TABLE changes ADD COLUMN versions TEXT",
        "CREATE INDEX records_village ON records (branch_id, village_id)",
    ],
    3: [
        "ALTER TABLE tokens ADD COLUMN expires_at VARCHAR(40)",
        "CREATE TABLE devices (device_id VARCHAR(64) NOT NULL PRIMARY KEY, "
        "account_id BIGINT NOT NULL REFERENCES accounts (id), "
        "device_name VARCHAR(128) NOT NULL, first_seen VARCHAR(40) NOT NULL, "
        "last_seen VARCHAR(40) NOT NULL, revoked_at VARCHAR(40), revoked_by VARCHAR(64))",
        "CREATE INDEX devices_account ON devices (account_id)",
        "INSERT INTO devices (device_id, account_id, device_name, first_seen, last_seen) "
        "SELECT t.device_id, t.account_id, t.device_name, t.created_at, "
        "(SELECT MAX(t3.created_at) FROM tokens t3 WHERE t3.device_id = t.device_id) "
        "FROM tokens t WHERE lower(t.device_id) NOT LIKE 'server-%' AND t.token_hash = "
        "(SELECT t2.token_hash FROM tokens t2 WHERE t2.device_id = t.device_id "
        "ORDER BY t2.created_at, t2.token_hash LIMIT 1)",
        "INSERT INTO devices (device_id, account_id, device_name, first_seen, last_seen) "
        "SELECT c.device_id, c.account_id, '', c.accepted_at, c.accepted_at FROM changes c "
        "JOIN (SELECT device_id, MIN(server_seq) AS first_seq FROM changes GROUP BY device_id)"
        " f ON c.server_seq = f.first_seq WHERE lower(c.device_id) NOT LIKE 'server-%' "
        "AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.device_id = c.device_id)",
        "UPDATE tokens SET revoked_at = CAST(CURRENT_TIMESTAMP AS VARCHAR(40)) "
        "WHERE revoked_at IS NULL AND EXISTS (SELECT 1 FROM devices d "
        "WHERE d.device_id = tokens.device_id AND d.account_id <> tokens.account_id)",
        "UPDATE tokens SET revoked_at = CAST(CURRENT_TIMESTAMP AS VARCHAR(40)) "
        "WHERE revoked_at IS NULL AND lower(device_id) LIKE 'server-%'",
    ],
    4: [],
    5: [],
}
# Data a step fills in once its new tables exist.
_BACKFILLS: dict[int, Callable[[Connection], None]] = {
    4: grant_existing_visits,
    5: backfill_receipt_numbers,
}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    username: str
    password_hash: str
    role: str  # "agent" | "staff"
    branch_code: str
    active: bool


@dataclass(frozen=True, slots=True)
class Session:
    """Who a token belongs to, on which device."""

    account: Account
    device_id: str
    device_name: str


@dataclass(frozen=True, slots=True)
class StoredRecord:
    table: str
    row_id: str
    data: dict[str, Any]
    branch_id: str
    village_id: str | None
    owner_id: str | None


@dataclass(frozen=True, slots=True)
class LoggedChange:
    server_seq: int
    device_id: str
    seq: int
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]
    hlc: str
    versions: dict[str, str] | None = None
    # where the change is filed: who may pull it (server/scope.py)
    branch_id: str = ""
    village_id: str | None = None
    owner_id: str | None = None


_SEEN = select(changes.c.seq, changes.c.table_name, changes.c.row_id, changes.c.hlc).where(
    changes.c.device_id == bindparam("device_id"),
    changes.c.seq.in_(bindparam("seqs", expanding=True)),
)


def _new_id(key: Any) -> int:
    if key is None:
        raise RuntimeError("the database gave no id for the new row")
    return int(key[0])


def _account(values: Any) -> Account:
    return Account(
        id=int(values["id"]), username=values["username"],
        password_hash=values["password_hash"], role=values["role"],
        branch_code=values["branch_code"], active=bool(values["active"]),
    )  # fmt: skip


def _stored(row: Any) -> StoredRecord:
    return StoredRecord(
        row.table_name, row.row_id, loads(row.data), row.branch_id, row.village_id,
        row.owner_id,
    )  # fmt: skip


def _logged(row: Any) -> LoggedChange:
    return LoggedChange(
        row.server_seq, row.device_id, row.seq, row.table_name, row.row_id, row.op,
        loads(row.fields), row.hlc, loads(row.versions) if row.versions else None,
        row.branch_id, row.village_id, row.owner_id,
    )  # fmt: skip


def open_engine(url: str) -> Engine:
    """An engine for `sqlite:///path` or `postgresql+psycopg://...`."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves, below
            # WAL: pulls read while a push writes, and a commit is one flush of the log
            # (FULL: an answered push is on disk, whatever happens to the server next)
            dbapi_connection.execute("PRAGMA journal_mode = WAL").fetchone()
            dbapi_connection.execute("PRAGMA synchronous = FULL")

        @event.listens_for(engine, "begin")
        def _begin_immediate(connection: Connection) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


class ServerStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"
        self.audit = AuditLog(engine)
        self.sign_in_failures = FailureCounts(engine)
        self.sessions = SessionStore(engine, self.audit)

    # --- schema ------------------------------------------------------------------------

    def migrate(self) -> None:
        """Creates the schema on an empty database; refuses one made by a newer server."""
        with self.engine.begin() as conn:
            metadata.create_all(conn, tables=[schema_info])
            found = conn.execute(select(schema_info.c.version)).scalar()
            if found is None:
                metadata.create_all(conn)
                conn.execute(insert(schema_info).values(version=SCHEMA_VERSION))
            elif found < SCHEMA_VERSION:
                for step in range(found + 1, SCHEMA_VERSION + 1):
                    for statement in _UPGRADES[step]:
                        conn.execute(text(statement))
                metadata.create_all(conn)  # tables new since `found`
                for step in range(found + 1, SCHEMA_VERSION + 1):
                    if step in _BACKFILLS:
                        _BACKFILLS[step](conn)
                conn.execute(update(schema_info).values(version=SCHEMA_VERSION))
            elif found > SCHEMA_VERSION:
                raise StorageUnavailable(
                    f"Basis data server ini dibuat oleh versi yang lebih baru (skema {found}); "
                    "perbarui server. Basis data tidak diubah."
                )

    @contextlib.contextmanager
    def transaction(self, branch_lock: str | None = None) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            if branch_lock and self.postgres:
                key = zlib.crc32(branch_lock.encode("utf-8"))
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
            yield conn

    # --- accounts and tokens ------------------------------------------------------------

    def add_account(self, username: str, password_hash: str, role: str, branch_code: str) -> int:
        with self.transaction() as conn:
            try:
                result = conn.execute(
                    insert(accounts).values(
                        username=username, password_hash=password_hash, role=role,
                        branch_code=branch_code, active=True, created_at=_now(),
                    )
                )  # fmt: skip
            except IntegrityError as exc:
                raise ValueError(f"akun {username} sudah ada") from exc
            return _new_id(result.inserted_primary_key)

    def account(self, username: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(accounts).where(accounts.c.username == username)).first()
        return None if row is None else _account(row._mapping)

    def issue_token(self, account: Account, device_id: str, device_name: str) -> str:
        """The one way a token is made (see SessionStore.issue): binds the device to the
        account at its first use, or raises sessions.DeviceRefused (audited); the pair's
        older tokens stop working. A restored laptop given a new device id by the server
        gets its token here too."""
        return self.sessions.issue(
            account, device_id, device_name, dt.datetime.now(dt.UTC), TOKEN_LIFETIME
        ).token

    def session(self, token: str) -> Session | None:
        """The live (neither revoked nor expired) token's account and device."""
        found = self.sessions.token(token, dt.datetime.now(dt.UTC), TOKEN_LIFETIME)
        if found.state != "ok":
            return None
        return Session(_account(found.account), found.device_id, found.device_name)

    def revoke_tokens(self, username: str, device_id: str | None = None) -> int:
        account = self.account(username)
        if account is None:
            return 0
        return self.sessions.revoke_tokens(account.id, device_id, dt.datetime.now(dt.UTC))

    # --- rows and changes (inside a transaction) ----------------------------------------

    @staticmethod
    def seen_seqs(
        conn: Connection, device_id: str, seqs: Sequence[int]
    ) -> dict[int, tuple[str, str, str]]:
        """Which of these sequence numbers of the device the server already accepted, each
        with the change it was: (table, row id, hlc). A different change under a seq held
        means the device went back in time (a restored backup, a copied database)."""
        if not seqs:
            return {}
        found = conn.execute(_SEEN, {"device_id": device_id, "seqs": list(seqs)})
        return {int(seq): (table, row_id, hlc) for seq, table, row_id, hlc in found}

    def device_seq(self, device_id: str, conn: Connection | None = None) -> int:
        """The highest seq of this device the server holds (0: none). A laptop whose own
        outbox never went that far was restored from a backup or copied."""
        query = select(func.coalesce(func.max(changes.c.seq), 0)).where(
            changes.c.device_id == device_id
        )
        if conn is not None:
            return int(conn.execute(query).scalar_one())
        with self.engine.connect() as own:
            return int(own.execute(query).scalar_one())

    @staticmethod
    def already_had(conn: Connection, device_id: str, seq: int) -> bool:
        query = select(changes.c.server_seq).where(
            changes.c.device_id == device_id, changes.c.seq == seq
        )
        return conn.execute(query).first() is not None

    @staticmethod
    def record(conn: Connection, table: str, row_id: str) -> StoredRecord | None:
        query = select(records).where(records.c.table_name == table, records.c.row_id == row_id)
        if conn.dialect.name == "postgresql":
            query = query.with_for_update()
        row = conn.execute(query).first()
        if row is None:
            return None
        return _stored(row)

    @staticmethod
    def records_by_key(conn: Connection, table: str, key: str) -> list[StoredRecord]:
        """Rows of `table` whose natural key (NIK, code, username) is `key`."""
        query = select(records).where(records.c.table_name == table, records.c.natural_key == key)
        return [_stored(row) for row in conn.execute(query)]

    @staticmethod
    def records_owned(conn: Connection, table: str, owner_id: str) -> list[StoredRecord]:
        query = select(records).where(records.c.table_name == table, records.c.owner_id == owner_id)
        return [_stored(row) for row in conn.execute(query)]

    @staticmethod
    def village_records(conn: Connection, branch_id: str, village_id: str) -> list[StoredRecord]:
        """Every row of a village (its participants, their heirs and receipts, its visits),
        tombstones included, parents first."""
        query = select(records).where(
            records.c.branch_id == branch_id, records.c.village_id == village_id
        )
        found = [_stored(row) for row in conn.execute(query)]
        order = {"participants": 0, "heirs": 1, "payments": 2}
        return sorted(found, key=lambda record: (order.get(record.table, 3), record.row_id))

    @staticmethod
    def versions_of(
        conn: Connection, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, str]]:
        """Field versions of many rows at once, by (table, row id)."""
        found: dict[tuple[str, str], dict[str, str]] = {key: {} for key in keys}
        by_table: dict[str, list[str]] = {}
        for table, row_id in keys:
            by_table.setdefault(table, []).append(row_id)
        for table, row_ids in by_table.items():
            for start in range(0, len(row_ids), 500):
                query = select(field_versions).where(
                    field_versions.c.table_name == table,
                    field_versions.c.row_id.in_(row_ids[start : start + 500]),
                )
                for row in conn.execute(query):
                    found[(table, row.row_id)][row.field] = row.version
        return found

    @staticmethod
    def versions(conn: Connection, table: str, row_id: str) -> dict[str, str]:
        query = select(field_versions.c.field, field_versions.c.version).where(
            field_versions.c.table_name == table, field_versions.c.row_id == row_id
        )
        return {row.field: row.version for row in conn.execute(query)}

    @staticmethod
    def save_record(
        conn: Connection,
        record: StoredRecord,
        new_versions: dict[str, str],
        natural_key: str | None,
        is_new: bool = False,
    ) -> None:
        """`is_new`: the caller knows the row is not there yet, so it is inserted straight
        away (a push of new records is mostly that)."""
        values = {
            "data": dumps(record.data),
            "branch_id": record.branch_id,
            "village_id": record.village_id,
            "owner_id": record.owner_id,
            "natural_key": natural_key,
        }
        if is_new:
            conn.execute(
                insert(records).values(table_name=record.table, row_id=record.row_id, **values)
            )
            conn.execute(insert(field_versions), [
                {"table_name": record.table, "row_id": record.row_id, "field": field,
                 "version": version}
                for field, version in new_versions.items()
            ])  # fmt: skip
            return
        where = (records.c.table_name == record.table) & (records.c.row_id == record.row_id)
        if conn.execute(update(records).where(where).values(**values)).rowcount == 0:
            conn.execute(
                insert(records).values(table_name=record.table, row_id=record.row_id, **values)
            )
        for field, version in new_versions.items():
            where_field = (
                (field_versions.c.table_name == record.table)
                & (field_versions.c.row_id == record.row_id)
                & (field_versions.c.field == field)
            )
            updated = conn.execute(
                update(field_versions).where(where_field).values(version=version)
            ).rowcount
            if updated == 0:
                conn.execute(
                    insert(field_versions).values(
                        table_name=record.table, row_id=record.row_id, field=field,
                        version=version,
                    )
                )  # fmt: skip

    @staticmethod
    def log_change(
        conn: Connection,
        change: dict[str, Any],
        account_id: int,
        scope: StoredRecord,
    ) -> int:
        result = conn.execute(
            insert(changes).values(
                device_id=change["device_id"], seq=change["seq"], table_name=change["table"],
                row_id=change["row_id"], op=change["op"],
                fields=dumps(change["fields"]),
                hlc=change["hlc"], account_id=account_id, branch_id=scope.branch_id,
                village_id=scope.village_id, owner_id=scope.owner_id, accepted_at=_now(),
                versions=dumps(change["versions"]) if change.get("versions") else None,
            )
        )  # fmt: skip
        return _new_id(result.inserted_primary_key)

    # --- pulling ------------------------------------------------------------------------

    def changes_after(
        self,
        branch_id: str,
        cursor: int,
        limit: int,
        shared_tables: Sequence[str],
        owner_id: str | None = None,
        villages: Sequence[str] = (),
        exclude_device: str | None = None,
        conn: Connection | None = None,
    ) -> tuple[list[LoggedChange], int]:
        """Changes of a branch after `cursor`; with `owner_id`, only the shared tables, the
        owner's own rows and the rows of `villages` (an agent's scope). Also returns the
        cursor to give next: past the last change returned when the page is full, else past
        every change of the branch committed when this was read, so a laptop whose newest
        changes are all its own (or out of its scope) does not read through them again on
        every pull. Safe because a branch's changes get their numbers in commit order (one
        writer on SQLite, the branch's lock on PostgreSQL): nothing numbered below that is
        still to come."""
        newest = select(func.coalesce(func.max(changes.c.server_seq), 0)).where(
            changes.c.branch_id == branch_id
        )
        query = select(changes).where(
            changes.c.branch_id == branch_id,
            changes.c.server_seq > cursor,
            changes.c.server_seq <= bindparam("newest"),
        )
        if exclude_device is not None:  # a laptop has its own changes already
            query = query.where(changes.c.device_id != exclude_device)
        if owner_id is None:  # staff: snapshots are for agents whose scope grew
            query = query.where(changes.c.op != "snapshot")
        else:
            scope = changes.c.table_name.in_(shared_tables) | (changes.c.owner_id == owner_id)
            if villages:
                scope |= changes.c.village_id.in_(villages)
            query = query.where(scope)
        query = query.order_by(changes.c.server_seq).limit(limit)
        if conn is None:
            with self.engine.connect() as own:
                return self._page(own, newest, query, cursor, limit)
        return self._page(conn, newest, query, cursor, limit)

    @staticmethod
    def _page(
        conn: Connection, newest: Select[Any], query: Select[Any], cursor: int, limit: int
    ) -> tuple[list[LoggedChange], int]:
        upto = max(int(conn.execute(newest).scalar_one()), cursor)
        found = [_logged(row) for row in conn.execute(query, {"newest": upto})]
        return found, found[-1].server_seq if len(found) == limit else upto

    def latest_seq(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(select(func.coalesce(func.max(changes.c.server_seq), 0))).scalar_one()
            )

    # --- keys ---------------------------------------------------------------------------

    def signing_key(self, make: Callable[[], tuple[str, str]]) -> tuple[str, str]:
        """(private, public) base64 of the server's answer-signing key; `make` makes one on
        first use."""
        with self.transaction() as conn:
            row = conn.execute(select(server_keys).where(server_keys.c.id == 1)).first()
            if row is None:
                private, public = make()
                conn.execute(
                    insert(server_keys).values(
                        id=1, private_key=private, public_key=public, created_at=_now()
                    )
                )
                return private, public
            return str(row.private_key), str(row.public_key)

    # --- devices' bundle keys ----------------------------------------------------------

    def device_key(self, device_id: str, public_key: str) -> bool:
        """Records a device's key the first time one of its bundles arrives; afterwards only
        bundles signed with that same key are its own."""
        with self.transaction() as conn:
            row = conn.execute(
                select(device_keys.c.public_key).where(device_keys.c.device_id == device_id)
            ).first()
            if row is None:
                conn.execute(
                    insert(device_keys).values(
                        device_id=device_id, public_key=public_key, first_seen=_now()
                    )
                )
                return True
            return bool(row.public_key == public_key)

    # --- duplicate reviews --------------------------------------------------------------

    @staticmethod
    def open_review(conn: Connection, branch_id: str, nik: str, first: str, second: str) -> None:
        exists = select(duplicate_reviews.c.id).where(
            duplicate_reviews.c.first_row_id == first, duplicate_reviews.c.second_row_id == second
        )
        if conn.execute(exists).first() is None:
            conn.execute(
                insert(duplicate_reviews).values(
                    branch_id=branch_id, nik=nik, first_row_id=first, second_row_id=second,
                    status="open", created_at=_now(),
                )
            )  # fmt: skip

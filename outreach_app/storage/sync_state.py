"""The laptop's side of sync: what to send, what the server answered, and merging what it sends.

Merging a pulled change is last-writer-wins per field: a field takes the server's value only
when that write's version (hlc@device) is newer than the one this laptop holds for the field,
and never while this laptop has an edit of that field it has not had acknowledged (the server
decides those, and its answer to the push brings the winner back). Pulled changes bypass the
outbox: they came from the server and must not go back to it.

A change that cannot be applied yet is held, in order, instead of dropped: the same NIK as a
live participant here (it waits for the branch's duplicate review), or a row whose parent has
not arrived. Held changes are tried again after every page. Later changes of a held row wait
behind it, except a snapshot: it is the whole row with every field's version (an agent just
assigned the village), so it may land first and the edits held before it then merge by
version; otherwise an edit made before the assignment, waiting for the row, would block the
very snapshot that brings the row.

A page is applied with as few statements as it allows: which of its rows exist here and which
wait is read once for the page, and consecutive new rows of one table are inserted together
(one savepoint; if one of them cannot land, they are tried one by one so only that one is
held). Changes to rows that exist go one by one, as their merge needs the row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from outreach_app.domain.hlc import Timestamp
from outreach_app.domain.versions import version, wins
from outreach_app.storage.changes import record_field_versions
from outreach_app.storage.coverage_cache import refresh_coverage
from outreach_app.storage.errors import INTEGRITY_ERRORS
from outreach_app.storage.migrations import SYNCABLE_TABLES
from outreach_app.storage.receipt_counter import (
    DUPLICATE_RECEIPT,
    is_duplicate_receipt,
    move_past_pulled,
)
from outreach_app.storage.store import Store

CURSOR_KEY = "sync_cursor"
SERVER_KEY = "sync_server"
TOKEN_KEY = "sync_token"
USERNAME_KEY = "sync_username"
LAST_SYNC_KEY = "last_sync"
SERVER_SIGNING_KEY = "sync_server_key"  # the public key the server's answer bundles carry

DUPLICATE_NIK = "NIK yang sama sudah ada di laptop ini: menunggu pemeriksaan duplikat di cabang."
WAITING_FOR_PARENT = "Menunggu data terkait (desa, peserta atau pengguna) dari server."
WAITING_FOR_EARLIER = "Menunggu perubahan sebelumnya untuk data yang sama."
CHUNK = 500  # values in one IN (...)
Key = tuple[str, str]  # (table, row id)


@dataclass(frozen=True, slots=True)
class OutgoingChange:
    seq: int
    device_id: str
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]
    hlc: str


@dataclass(frozen=True, slots=True)
class ParkedChange:
    """A change the server refused, with its reason: the agent fixes the record or discards."""

    seq: int
    table: str
    row_id: str
    fields: dict[str, Any]
    reason: str
    created_at: str


@dataclass
class ApplyReport:
    applied: int = 0
    skipped_older: int = 0
    held: int = 0
    released: int = 0
    reasons: list[str] = field(default_factory=list)


class SyncState:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._db = store.db
        self._columns: dict[str, set[str]] = {}
        self._coverage_due: set[str] = set()  # participants whose paid run a page changed

    @contextmanager
    def replayable_writes(self) -> Iterator[None]:
        """The sync's own commits without a disk flush each (WAL, synchronous=NORMAL).

        Everything a sync writes can be had again: an acknowledgement lost to a power cut
        sends the batch again (the server answers "already had"), a pulled page lost with its
        cursor is pulled again. SQLite's WAL loses only the newest commits, in order, never one
        from the middle, and the next full commit (the agent's next receipt) makes all of them
        durable. The agent's own work keeps synchronous=FULL: this is one connection's setting,
        put back when the sync ends."""
        self._db.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self._db.execute("PRAGMA synchronous = FULL")

    # --- settings ------------------------------------------------------------------------

    def cursor(self) -> int:
        return int(self._store.local_setting(CURSOR_KEY) or 0)

    def setting(self, key: str) -> str | None:
        return self._store.local_setting(key)

    def set_setting(self, key: str, value: str) -> None:
        self._store.set_local_setting(key, value)

    # --- push side -----------------------------------------------------------------------

    def outgoing(self, limit: int, after: int = 0) -> list[OutgoingChange]:
        """The oldest unsent changes (numbered past `after`), not counting the ones the
        server refused."""
        rows = self._db.execute(
            "SELECT seq, device_id, table_name, row_id, op, fields, hlc FROM outbox "
            "WHERE acked_at IS NULL AND rejected_reason IS NULL AND seq > ? ORDER BY seq LIMIT ?",
            [after, limit],
        ).fetchall()
        return [
            OutgoingChange(seq, device, table, row, op, json.loads(fields), hlc)
            for seq, device, table, row, op, fields, hlc in rows
        ]

    def outgoing_count(self) -> int:
        """Unsent and not refused: the device's running count less the refused ones (counting
        200k outbox rows each time would take a tenth of a second)."""
        return self._store.pending_changes() - self.parked_count()

    def parked_count(self) -> int:
        return int(
            self._db.execute(
                "SELECT count(*) FROM outbox WHERE acked_at IS NULL AND rejected_reason IS NOT NULL"
            ).fetchone()[0]
        )

    def acknowledge(self, seqs: Iterable[int]) -> None:
        now = _now()
        with self._store.transaction():
            for chunk in _chunks(list(seqs)):
                self._db.execute(
                    "UPDATE outbox SET acked_at = ? WHERE acked_at IS NULL "
                    f"AND seq IN ({', '.join('?' for _ in chunk)})",
                    [now, *chunk],
                )

    def park(self, seq: int, reason: str) -> None:
        with self._store.transaction():
            self._db.execute(
                "UPDATE outbox SET rejected_reason = ? WHERE seq = ? AND acked_at IS NULL",
                [reason, seq],
            )

    def parked(self) -> list[ParkedChange]:
        rows = self._db.execute(
            "SELECT seq, table_name, row_id, fields, rejected_reason, created_at FROM outbox "
            "WHERE acked_at IS NULL AND rejected_reason IS NOT NULL ORDER BY seq"
        ).fetchall()
        return [ParkedChange(s, t, r, json.loads(f), why, at) for s, t, r, f, why, at in rows]

    def discard(self, seq: int) -> None:
        """The agent gives up a refused change: it leaves the queue, its reason stays."""
        self.acknowledge([seq])

    def retry_parked(self) -> int:
        """After the record was fixed (or the server's rules changed): send them again."""
        with self._store.transaction():
            cursor = self._db.execute(
                "UPDATE outbox SET rejected_reason = NULL "
                "WHERE acked_at IS NULL AND rejected_reason IS NOT NULL"
            )
        return int(cursor.rowcount)

    # --- pull side -----------------------------------------------------------------------

    def apply_pulled(self, changes: Sequence[Mapping[str, Any]], cursor: int) -> ApplyReport:
        """Applies one page and moves the cursor, in one transaction: a crash leaves either
        the whole page applied and the cursor past it, or neither."""
        report = ApplyReport()
        with self._store.transaction():
            if changes:
                self._observe(max(str(change["hlc"]) for change in changes))
            held = {(table, row_id) for table, row_id, _reason in self.held()}
            here = self._existing(changes)
            run: list[Mapping[str, Any]] = []  # new rows of one table, inserted together
            in_run: set[Key] = set()
            for change in changes:
                key = (str(change["table"]), str(change["row_id"]))
                if run and key not in in_run and _joins(run[0], change, key, held, here):
                    run.append(change)
                    in_run.add(key)
                    continue
                self._insert_run(run, held, here, report)
                run, in_run = [], set()
                if key in held and change["op"] != "snapshot":  # a snapshot never waits
                    self._hold(change, WAITING_FOR_EARLIER, report)
                elif key not in here and change["op"] == "insert":
                    run, in_run = [change], {key}
                else:
                    self._apply_one(change, key, held, here, report)
            self._insert_run(run, held, here, report)
            self._release_held(report)
            self._refresh_coverage()
            move_past_pulled(self._db)  # this laptop's own receipts may come back (a restore)
            self._db.execute(
                "INSERT INTO local_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [CURSOR_KEY, str(cursor)],
            )
        return report

    def apply_newer(self, table: str, row_id: str, writes: Mapping[str, tuple[Any, str]]) -> None:
        """The server's answer to a push: for these fields it holds writes newer than the
        change sent; each is taken unless this laptop holds a newer one still (a later edit
        of the same field, sent after or not yet: the server keeps that one too)."""
        with self._store.transaction():
            for name, (value, stamp) in writes.items():
                row = self._row(table, row_id)
                if row is None:
                    return
                if wins(stamp, self._field_versions(table, row_id, row, [name])[name]):
                    self._set_fields(table, row_id, {name: value}, stamp, row)
                    self._note_coverage(table, row_id, {**row, name: value})
            self._refresh_coverage()

    def merged_count(self) -> int:
        """Participants here the branch's duplicate review retired into another record."""
        row = self._db.execute(
            "SELECT count(*) FROM participants WHERE merged_into IS NOT NULL"
        ).fetchone()
        return int(row[0])

    def held(self) -> list[tuple[str, str, str]]:
        """(table, row id, reason) of what waits here."""
        return [
            (table, row, reason)
            for table, row, reason in self._db.execute(
                "SELECT table_name, row_id, reason FROM held_changes ORDER BY server_seq"
            ).fetchall()
        ]

    def _apply_one(
        self, change: Mapping[str, Any], key: Key, held: set[Key], here: set[Key],
        report: ApplyReport,
    ) -> None:  # fmt: skip
        reason = self._apply(change, report)
        if reason is None:
            here.add(key)
        else:
            self._hold(change, reason, report)
            held.add(key)

    def _insert_run(
        self, run: Sequence[Mapping[str, Any]], held: set[Key], here: set[Key],
        report: ApplyReport,
    ) -> None:  # fmt: skip
        """New rows of one table with the same fields, in one statement. If one of them
        cannot land (its NIK is here already, its parent has not arrived), the savepoint
        undoes them all and they go one by one, so only that one is held."""
        if not run:
            return
        table = _table(run[0]["table"])
        names = list(self._known_fields(table, run[0]["fields"]))
        columns = ["id", "updated_hlc", "device_id", *names]
        tombstone = [] if "deleted" in names else [0]
        if tombstone:
            columns.append("deleted")
        rows = [
            [change["row_id"], change["hlc"], change["device_id"],
             *(change["fields"][name] for name in names), *tombstone]
            for change in run
        ]  # fmt: skip
        try:
            with self._db.atomic():
                self._db.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})",
                    rows,
                )
        except INTEGRITY_ERRORS:
            for change in run:
                self._apply_one(change, (table, str(change["row_id"])), held, here, report)
            return
        for change in run:
            here.add((table, str(change["row_id"])))
            self._note_coverage(table, str(change["row_id"]), change["fields"])
        report.applied += len(run)

    def _existing(self, changes: Sequence[Mapping[str, Any]]) -> set[Key]:
        """Which of the page's rows this laptop has, one statement per table."""
        wanted: dict[str, dict[str, None]] = {}
        for change in changes:
            wanted.setdefault(_table(change["table"]), {})[str(change["row_id"])] = None
        found: set[Key] = set()
        for table, ids in wanted.items():
            for chunk in _chunks(list(ids)):
                found.update(
                    (table, row_id)
                    for (row_id,) in self._db.execute(
                        f"SELECT id FROM {table} WHERE id IN ({', '.join('?' for _ in chunk)})",
                        chunk,
                    ).fetchall()
                )
        return found

    def _apply(self, change: Mapping[str, Any], report: ApplyReport) -> str | None:
        """Applies one change; returns why it must be held instead, or None."""
        if change["op"] == "snapshot":
            return self._apply_snapshot(change, report)
        table, row_id = _table(change["table"]), str(change["row_id"])
        fields = self._known_fields(table, change["fields"])
        hlc, device = str(change["hlc"]), str(change["device_id"])
        stamp = version(hlc, device)
        row = self._row(table, row_id)
        if row is None:
            if change["op"] != "insert":
                return WAITING_FOR_PARENT
            columns = ["id", "updated_hlc", "device_id", *fields]
            if "deleted" not in fields:
                columns.append("deleted")
            values = [row_id, hlc, device, *fields.values()]
            if "deleted" not in fields:
                values.append(0)
            try:
                with self._db.atomic():  # a savepoint: a refused insert leaves nothing
                    self._db.execute(
                        f"INSERT INTO {table} ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' for _ in columns)})",
                        values,
                    )
            except INTEGRITY_ERRORS as exc:
                if is_duplicate_receipt(exc):
                    return DUPLICATE_RECEIPT
                return DUPLICATE_NIK if "nik" in str(exc).lower() else WAITING_FOR_PARENT
            self._note_coverage(table, row_id, fields)
            report.applied += 1
            return None
        unsent = self._unsent_fields(table, row_id)
        current = self._field_versions(table, row_id, row, fields)
        winning = {
            name: value
            for name, value in fields.items()
            if name not in unsent and wins(stamp, current[name])
        }
        if not winning:
            report.skipped_older += 1
            return None
        try:
            self._set_fields(table, row_id, winning, stamp, row)
        except INTEGRITY_ERRORS as exc:
            if "nik" in str(exc).lower():
                return DUPLICATE_NIK
            if "receipt locked" in str(exc):  # voided here already: nothing more to take
                report.skipped_older += 1
                return None
            return WAITING_FOR_PARENT
        self._note_coverage(table, row_id, {**row, **winning})
        report.applied += 1
        return None

    def _apply_snapshot(self, change: Mapping[str, Any], report: ApplyReport) -> str | None:
        """A whole row sent because this laptop's scope grew, with each field's version:
        applied as the writes it sums up (an insert of every field at the oldest version,
        then each newer version's fields), so per-field merging holds and nothing newer or
        unsent here is overwritten. All or nothing."""
        fields: Mapping[str, Any] = change["fields"]
        versions: Mapping[str, str] = change.get("versions") or {}
        fallback = version(str(change["hlc"]), str(change["device_id"]))
        groups: dict[str, dict[str, Any]] = {}
        for name, value in fields.items():
            groups.setdefault(versions.get(name) or fallback, {})[name] = value
        ordered = sorted(groups)
        steps = [(ordered[0], "insert", dict(fields))]
        steps += [(stamp, "update", groups[stamp]) for stamp in ordered[1:]]
        try:
            with self._db.atomic():
                for stamp, op, values in steps:
                    hlc, _, device = stamp.partition("@")
                    step = {**change, "op": op, "fields": values, "hlc": hlc, "device_id": device}
                    reason = self._apply(step, ApplyReport())
                    if reason is not None:
                        raise _StillHeld(reason)
        except _StillHeld as held:
            return str(held)
        report.applied += 1
        return None

    def _note_coverage(self, table: str, row_id: str, values: Mapping[str, Any]) -> None:
        """Remembers whose coverage a pulled change moves: a receipt's participant, or a
        participant the branch merged into another (its receipts now count there)."""
        if table == "payments" and values.get("participant_id"):
            self._coverage_due.add(str(values["participant_id"]))
        elif table == "participants" and values.get("merged_into"):
            self._coverage_due.add(row_id)

    def _refresh_coverage(self) -> None:
        """Brings the participants' paid runs up to date with the receipts just applied (the
        same transaction as the page: the list never shows a status the receipts contradict)."""
        for participant_id in sorted(self._coverage_due):
            refresh_coverage(self._db, participant_id)
        self._coverage_due.clear()

    def _set_fields(
        self, table: str, row_id: str, values: Mapping[str, Any], stamp: str, row: Mapping[str, Any]
    ) -> None:
        newest = max(version(row["updated_hlc"], row["device_id"]), stamp)
        new_hlc, _, new_device = newest.partition("@")
        assignments = ", ".join(f"{name} = ?" for name in values)
        with self._db.atomic():  # a savepoint inside the page's transaction
            record_field_versions(self._db, table, row_id, values, stamp)
            self._db.execute(
                f"UPDATE {table} SET {assignments}, updated_hlc = ?, device_id = ? WHERE id = ?",
                [*values.values(), new_hlc, new_device, row_id],
            )

    def _hold(self, change: Mapping[str, Any], reason: str, report: ApplyReport) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO held_changes (server_seq, table_name, row_id, change, "
            "reason, held_at) VALUES (?, ?, ?, ?, ?, ?)",
            [change["server_seq"], change["table"], change["row_id"],
             json.dumps(dict(change), ensure_ascii=False), reason, _now()],
        )  # fmt: skip
        report.held += 1
        if reason not in report.reasons:
            report.reasons.append(reason)

    def _release_held(self, report: ApplyReport) -> None:
        """Tries the held changes again, oldest first, until a pass releases nothing."""
        while True:
            released = 0
            held = self._db.execute(
                "SELECT server_seq, table_name, row_id, change FROM held_changes "
                "ORDER BY server_seq"
            ).fetchall()
            blocked: set[tuple[str, str]] = set()
            for server_seq, table, row_id, text in held:
                change = json.loads(text)
                if (table, row_id) in blocked and change["op"] != "snapshot":
                    continue
                reason = self._apply(change, ApplyReport())
                done = [server_seq]
                if reason == DUPLICATE_NIK and change["op"] == "insert":
                    later = [(seq, json.loads(t)) for seq, tb, rid, t in held
                             if (tb, rid) == (table, row_id) and seq > server_seq]  # fmt: skip
                    if self._apply_folded(change, [c for _, c in later]):
                        reason, done = None, [server_seq, *(seq for seq, _ in later)]
                if reason is None:
                    self._db.conn.executemany(
                        "DELETE FROM held_changes WHERE server_seq = ?", [[seq] for seq in done]
                    )
                    released += len(done)
                else:
                    blocked.add((table, row_id))
            report.released += released
            if not released:
                return

    def _apply_folded(self, insert: Mapping[str, Any], later: list[dict[str, Any]]) -> bool:
        """A held row whose insert clashes on NIK, with later changes that may settle it (the
        branch's review retires the record: deleted, merged into the kept one): inserts the
        row as those changes leave it, then applies each of them, so every field keeps its own
        version. False, changing nothing, if the row still cannot be stored."""
        if not later:
            return False
        folded_fields = dict(insert["fields"])
        for change in later:
            folded_fields.update(change["fields"])
        folded = {**insert, "fields": folded_fields}
        try:
            with self._db.atomic():
                if self._apply(folded, ApplyReport()) is not None:
                    raise _StillHeld
                for change in later:
                    if self._apply(change, ApplyReport()) is not None:
                        raise _StillHeld
        except _StillHeld:
            return False
        return True

    # --- reading helpers -----------------------------------------------------------------

    def _row(self, table: str, row_id: str) -> dict[str, Any] | None:
        cursor = self._db.execute(f"SELECT * FROM {_table(table)} WHERE id = ?", [row_id])
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def _versions(self, table: str, row_id: str) -> dict[str, str]:
        return dict(
            self._db.execute(
                "SELECT field, version FROM field_versions WHERE table_name = ? AND row_id = ?",
                [table, row_id],
            ).fetchall()
        )

    def _field_versions(
        self, table: str, row_id: str, row: Mapping[str, Any], names: Iterable[str]
    ) -> dict[str, str]:
        """Each named field's version here: its own, else the row's as first written ("*",
        recorded at the first update; before that, the row's own stamp)."""
        versions = self._versions(table, row_id)
        base = versions.get("*") or version(row["updated_hlc"], row["device_id"])
        return {name: versions.get(name, base) for name in names}

    def _unsent_fields(self, table: str, row_id: str) -> set[str]:
        names: set[str] = set()
        for (fields,) in self._db.execute(
            "SELECT fields FROM outbox WHERE table_name = ? AND row_id = ? AND acked_at IS NULL",
            [table, row_id],
        ):
            names.update(json.loads(fields))
        return names

    def _known_fields(self, table: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Only this table's columns (never the sync columns): names come from the network."""
        if table not in self._columns:
            self._columns[table] = {
                row[1] for row in self._db.execute(f"PRAGMA table_info({table})").fetchall()
            } - {"id", "updated_hlc", "device_id"}
        unknown = set(fields) - self._columns[table]
        if unknown:
            raise ValueError(f"{table}: unknown columns from the server: {sorted(unknown)}")
        return dict(fields)

    def _observe(self, hlc: str) -> None:
        """Later local edits must sort after everything seen from other devices."""
        seen = self._store.clock.observe(Timestamp.decode(hlc)).encode()
        self._db.execute("UPDATE device SET hlc_seen = ? WHERE hlc_seen < ?", [seen, seen])


class _StillHeld(Exception):
    """Rolls back a folded attempt that could not be stored after all."""


def _joins(
    first: Mapping[str, Any], change: Mapping[str, Any], key: Key, held: set[Key],
    here: set[Key],
) -> bool:  # fmt: skip
    """Whether a change (not in the run yet) is one more new row for the run that `first`
    began: the same table and fields, a row neither here nor waiting."""
    return (
        change["op"] == "insert"
        and change["table"] == first["table"]
        and key not in here
        and key not in held
        and change["fields"].keys() == first["fields"].keys()
    )


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _table(name: object) -> str:
    if name not in SYNCABLE_TABLES:  # interpolated into SQL: only known names pass
        raise ValueError(f"not a syncable table: {name!r}")
    return str(name)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")

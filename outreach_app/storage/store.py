"""The store: one open database, its device identity, its clock and its repositories.

Built once by the composition root and passed down. `transaction()` groups several repository
writes (a participant, its heirs, its audit record) so they land together or not at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from outreach_app.domain.hlc import HybridClock, Timestamp
from outreach_app.domain.ids import uuid7
from outreach_app.domain.receipt_prefix import derived_prefix
from outreach_app.settings import DEMO_MARK_KEY
from outreach_app.storage.activity import AuditLog, VisitRepository
from outreach_app.storage.backup import copy_open_database
from outreach_app.storage.changes import ChangeWriter
from outreach_app.storage.database import DatabaseKey, open_database, open_reader, translate
from outreach_app.storage.errors import DB_ERRORS, OPERATIONAL_ERRORS, StorageUnavailable
from outreach_app.storage.migration_backup import MigrationOutcome, migrate_with_backup
from outreach_app.storage.organisation import (
    BranchRepository,
    PayerRepository,
    UserRepository,
    VillageRepository,
)
from outreach_app.storage.participant_list import ParticipantList
from outreach_app.storage.participants import HeirRepository, ParticipantRepository
from outreach_app.storage.payments import CashDepositRepository, PaymentRepository
from outreach_app.storage.settlements import SettlementRepository
from outreach_app.storage.signing_keys import SigningKeyRepository
from outreach_app.storage.void_requests import VoidRequestRepository

if TYPE_CHECKING:  # the Dasbor page's queries load with the page
    from outreach_app.storage.dashboard import DashboardQueries


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    id: str
    name: str
    receipt_prefix: str


def _local_now() -> dt.datetime:
    """Aware local time: a receipt written at 07:00 in Saumlaki (UTC+9) belongs to that
    local day, and its text (with the offset) sorts and filters by that day."""
    return dt.datetime.now().astimezone()


def default_receipt_prefix(device_id: str) -> str:
    """The prefix a device numbers receipts with until the server reserves one: made from
    its id so that it cannot collide (domain/receipt_prefix.py says how unlikely)."""
    return derived_prefix(device_id)


def legacy_receipt_prefix(device_id: str) -> str:
    """What the default was before issue 14: "PRS" and 20 bits of the id, which collide
    among a few thousand laptops; a laptop still on it moves to its derived prefix."""
    return "PRS" + device_id.replace("-", "")[-5:].upper()


def _is_demo(db: Database) -> bool:
    row = db.execute("SELECT value FROM local_settings WHERE key = ?", [DEMO_MARK_KEY]).fetchone()
    return row is not None and str(row[0]) == "1"


class ReadView:
    """The read side of the store on one connection: for worker threads."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.participant_list = ParticipantList(db)
        self.branches = BranchRepository(db, None)
        self.villages = VillageRepository(db, None)
        self.users = UserRepository(db, None)
        self.payers = PayerRepository(db, None)
        self.visits = VisitRepository(db, None)
        self.payments = PaymentRepository(db, None)
        self.deposits = CashDepositRepository(db, None)
        self.void_requests = VoidRequestRepository(db, None)
        self.settlements = SettlementRepository(db, None)
        self.participants = ParticipantRepository(db, None, HeirRepository(db, None))
        self._dashboard: DashboardQueries | None = None

    @property
    def dashboard(self) -> DashboardQueries:
        """Made at the Dasbor page's first read: its module and the domain's sums behind it
        (~5 ms) are not needed to show the first page."""
        if self._dashboard is None:
            from outreach_app.storage.dashboard import DashboardQueries

            self._dashboard = DashboardQueries(self.db)
        return self._dashboard

    def is_demo(self) -> bool:
        return _is_demo(self.db)

    def pending_changes(self) -> int:
        """Changes not yet acknowledged by the server (kept by triggers on the outbox)."""
        return int(self.db.execute("SELECT pending_changes FROM device").fetchone()[0])


class Store:
    """Opens and migrates the database at `path`; use as a context manager or call close().

    `key` is the database's SQLCipher key when it is protected by a password (None for a plain
    file); work on another thread opens its own Store or reader with the same `key`."""

    def __init__(
        self,
        path: Path | str,
        now: Callable[[], dt.datetime] = _local_now,
        key: DatabaseKey | None = None,
    ) -> None:
        self.path = path
        self.key = key
        self._now = now
        self._readers = threading.local()
        self._reader_lock = threading.Lock()
        self._all_readers: list[Database] = []
        self.db: Database = open_database(path, key)
        try:
            # a copy of an older database first, then its migrations, all or none
            self.schema: MigrationOutcome = migrate_with_backup(
                self.db, path, copy=lambda db, target: copy_open_database(db, target, key)
            )
            self.device = self._ensure_device()
            clock = HybridClock(
                wall_ms=lambda: int(self._now().timestamp() * 1000), last=self._last_hlc()
            )
        except DB_ERRORS as exc:
            self.db.close()
            raise translate(exc, path, keyed=key is not None) from exc
        except StorageUnavailable:
            self.db.close()
            raise
        self.clock = clock
        self.writer = ChangeWriter(self.db, self.device.id, clock, now)
        self.branches = BranchRepository(self.db, self.writer)
        self.users = UserRepository(self.db, self.writer)
        self.villages = VillageRepository(self.db, self.writer)
        self.payers = PayerRepository(self.db, self.writer)
        self.heirs = HeirRepository(self.db, self.writer)
        self.participants = ParticipantRepository(self.db, self.writer, self.heirs)
        self.payments = PaymentRepository(self.db, self.writer)
        self.deposits = CashDepositRepository(self.db, self.writer)
        self.void_requests = VoidRequestRepository(self.db, self.writer)
        self.settlements = SettlementRepository(self.db, self.writer)
        self.visits = VisitRepository(self.db, self.writer)
        self.audit = AuditLog(self.writer)
        self.participant_list = ParticipantList(self.db)
        self.signing_keys = SigningKeyRepository(self.db)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._reader_lock:
            for reader in self._all_readers:
                reader.close()
            self._all_readers.clear()
        with contextlib.suppress(*DB_ERRORS):  # keeps the planner's statistics fresh
            self.db.execute("PRAGMA optimize")
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside land together; a disk or lock error becomes StorageUnavailable."""
        try:
            with self.db.atomic():
                yield
        except OPERATIONAL_ERRORS as exc:
            raise translate(exc, self.path) from exc

    def _ensure_device(self) -> DeviceIdentity:
        row = self.db.execute("SELECT id, name, receipt_prefix FROM device").fetchone()
        if row is None:  # a new database: named after the computer
            import socket  # only here, once per laptop (~2 ms at every start otherwise)

            device_id = uuid7()
            with self.db.atomic():
                self.db.execute(
                    "INSERT INTO device (id, name, receipt_prefix) VALUES (?, ?, ?)",
                    [
                        device_id,
                        socket.gethostname() or "laptop",
                        default_receipt_prefix(device_id),
                    ],
                )
            row = (device_id, socket.gethostname() or "laptop", default_receipt_prefix(device_id))
        elif row[2] == legacy_receipt_prefix(row[0]):  # receipts issued keep their numbers
            row = (row[0], row[1], default_receipt_prefix(row[0]))
            with self.db.atomic():
                self.db.execute("UPDATE device SET receipt_prefix = ?", [row[2]])
        return DeviceIdentity(id=row[0], name=row[1], receipt_prefix=row[2])

    def _last_hlc(self) -> Timestamp:
        """The clock resumes after every timestamp this device issued or has seen."""
        issued = self.db.execute("SELECT max(hlc) FROM outbox").fetchone()[0]
        seen = self.db.execute("SELECT hlc_seen FROM device").fetchone()[0]
        return Timestamp.decode(max(issued or seen, seen))

    def refresh_device(self) -> DeviceIdentity:
        """After another connection made this laptop a new device (a sync that found it was
        restored or copied): this connection writes as the new one from now on."""
        found = self.db.execute("SELECT id, name, receipt_prefix FROM device").fetchone()
        self.device = DeviceIdentity(id=found[0], name=found[1], receipt_prefix=found[2])
        self.writer.become(self.device.id)
        return self.device

    def refresh_clock(self) -> None:
        """After another connection (a sync) saw newer timestamps: later local edits must
        still sort after them."""
        self.clock.observe(self._last_hlc())

    def switch_receipt_prefix(self, prefix: str) -> DeviceIdentity:
        """Numbers the next receipts with `prefix` (one the server reserved for this device;
        receipts already issued keep their numbers, the counter goes on)."""
        with self.transaction():
            self.db.execute("UPDATE device SET receipt_prefix = ?", [prefix])
        self.device = DeviceIdentity(self.device.id, self.device.name, prefix)
        return self.device

    def set_device(self, name: str, receipt_prefix: str | None = None) -> DeviceIdentity:
        """The device's name, and a receipt prefix set by hand (the demo, tests; the app
        leaves it None: the derived one, or one the server reserved, services/receipt_prefix)."""
        prefix = self.device.receipt_prefix if receipt_prefix is None else receipt_prefix
        prefix = prefix.strip().upper()
        if not (2 <= len(prefix) <= 12 and prefix.isalnum() and prefix.isascii()):
            raise ValueError("Awalan kuitansi harus 2-12 huruf atau angka.")
        with self.transaction():
            self.db.execute("UPDATE device SET name = ?, receipt_prefix = ?", [name, prefix])
        self.device = DeviceIdentity(self.device.id, name, prefix)
        return self.device

    def next_receipt_no(self) -> str:
        """Made offline from the device prefix and a local sequence; call inside a transaction
        with the payment insert, so a number is never used twice nor skipped by a crash."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("receipt numbers are taken inside the payment's transaction")
        # the prefix as stored, not as this connection remembers it: a sync on another
        # connection may have switched to one the server reserved
        number, prefix = self.db.execute(
            "UPDATE device SET next_receipt = next_receipt + 1 "
            "RETURNING next_receipt - 1, receipt_prefix"
        ).fetchone()
        return f"{prefix}-{number:06d}"

    def reader(self) -> ReadView:
        """Read-only repositories for the calling thread (made on first use, kept per thread).

        Background searches and counts read through it while the GUI thread writes through
        `db`; WAL lets them run side by side, and no connection is shared across threads."""
        view = getattr(self._readers, "view", None)
        if view is None:
            if str(self.path) == ":memory:":
                view = ReadView(self.db)
            else:
                view = ReadView(open_reader(self.path, self.key))
                with self._reader_lock:
                    self._all_readers.append(view.db)
            self._readers.view = view
        return view

    def local_setting(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM local_settings WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def is_demo(self) -> bool:
        """Filled by the demo seed, whatever the file is called (`init --demo --db any.db`):
        its window title, printed pages and exported files say demo."""
        return _is_demo(self.db)

    def set_local_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO local_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def pending_changes(self) -> int:
        return ReadView(self.db).pending_changes()

    def now(self) -> dt.datetime:
        return self._now()

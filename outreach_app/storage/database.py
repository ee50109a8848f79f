"""Opening the SQLite file: WAL for readers beside a writer, foreign keys, durable commits.

`synchronous=FULL` because an agent's laptop loses power on a boat: a receipt the app said it
saved must be on disk. Low-level failures are translated to `StorageUnavailable` with advice.

Every connection to a laptop's database is made by `connect()` here: the GUI thread's, each
worker thread's (sync, bundles, imports, searches), backups and restores. A database protected
by a password is a SQLCipher file opened with its raw 256-bit key (`DatabaseKey`); the key is
derived from the password once, at sign-in, by `services/protection.py`, and handed to whoever
opens a connection (constructors, never a global). A raw key skips SQLCipher's own PBKDF2, so
a worker's connection opens as fast as a plain one. A plain file (the demo, tests) goes
through the standard library's `sqlite3`, exactly as before encryption existed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeAlias, cast

import sqlcipher3
from sqlite_utils import Database

from outreach_app.storage.errors import DB_ERRORS, OPEN_ERRORS, StorageUnavailable

BUSY_TIMEOUT_MS = 5000
CACHE_SIZE = -32768  # KiB when negative: 32 MiB (see open_database and open_reader)
KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every plain SQLite file

Connection: TypeAlias = sqlite3.Connection | sqlcipher3.Connection


@dataclass(frozen=True, slots=True)
class DatabaseKey:
    """The raw SQLCipher key of one database: random, made once, never the password itself.

    Not printed by repr, so a traceback or a log line showing the object shows no key."""

    raw: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES:
            raise ValueError(f"a database key is {KEY_BYTES} bytes")

    def pragma(self) -> str:
        return f"PRAGMA key = \"x'{self.raw.hex()}'\""


class FileKind(StrEnum):
    MISSING = "missing"  # no file (or an empty one): SQLite creates it on first open
    PLAIN = "plain"
    ENCRYPTED = "encrypted"  # not a plain SQLite header: SQLCipher (or not a database at all)


def file_kind(path: Path | str) -> FileKind:
    """What is on disk, from the file's first 16 bytes (no connection, no key needed)."""
    if str(path) == ":memory:":
        return FileKind.MISSING
    try:
        with open(path, "rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return FileKind.MISSING
    except OSError as exc:
        raise StorageUnavailable(f"Berkas basis data tidak dapat dibaca: {path}: {exc}") from exc
    if not head:
        return FileKind.MISSING
    return FileKind.PLAIN if head == SQLITE_HEADER else FileKind.ENCRYPTED


def translate(exc: Exception, path: Path | str, keyed: bool = False) -> StorageUnavailable:
    """A message a field agent can act on, for the database errors that are not bugs."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        advice = "Basis data sedang dipakai program lain. Tutup program itu lalu coba lagi."
    elif "full" in text:
        advice = "Disk penuh. Kosongkan ruang disk lalu coba lagi; data yang tersimpan aman."
    elif keyed and "not a database" in text:
        advice = (
            "Kunci tidak cocok dengan basis data ini (berkas kunci dari basis data lain?) "
            "atau berkas rusak. Pulihkan dari cadangan bersama berkas kuncinya."
        )
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        advice = "Berkas ini bukan basis data Perisai Outreach atau rusak. Pulihkan dari cadangan."
    elif "unable to open" in text or "readonly" in text or "read-only" in text:
        advice = "Berkas basis data tidak dapat dibuka untuk ditulis. Periksa folder dan izinnya."
    else:
        advice = "Basis data tidak dapat dipakai saat ini."
    return StorageUnavailable(f"{advice} ({path}: {exc})")


def connect(
    path: Path | str, key: DatabaseKey | None = None, *, read_only: bool = False
) -> Connection:
    """A bare connection to a laptop database: SQLCipher with `key`, plain SQLite without.

    The key is set before anything is read, as SQLCipher requires; SQLCipher's own log (it
    writes decryption failures to stderr by default) is silenced: a wrong key is reported by
    the caller in words."""
    target = Path(path).resolve().as_uri() + "?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only, check_same_thread=False)
    conn = sqlcipher3.connect(target, uri=read_only, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key.pragma())
    except BaseException:
        conn.close()
        raise
    return conn


def as_database(conn: Connection) -> Database:
    """sqlite-utils over either driver's connection (it only calls DB-API methods on it).

    execute_plugins=False: sqlite-utils would scan every installed package for plugins we do
    not use (0.16 s of each start-up)."""
    return Database(cast(sqlite3.Connection, conn), execute_plugins=False)


def open_database(path: Path | str, key: DatabaseKey | None = None) -> Database:
    """Opens (creating if needed) the database at `path` with the pragmas the app relies on."""
    target = Path(path)
    try:
        if str(path) != ":memory:":
            target.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path, key)
    except OPEN_ERRORS as exc:
        raise StorageUnavailable(
            f"Basis data tidak dapat dibuat atau dibuka di {path}: {exc}"
        ) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # 32 MiB page cache (default 2 MiB): the NIK and name indexes take writes in random
        # order, and a bulk import of 200k participants ran ~10% faster with it.
        conn.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DB_ERRORS as exc:
        conn.close()
        raise translate(exc, path, keyed=key is not None) from exc
    return as_database(conn)


def open_reader(path: Path | str, key: DatabaseKey | None = None) -> Database:
    """A read-only connection for a worker thread (WAL lets it read beside the writer).

    An encrypted one gets the writer's 32 MiB page cache: SQLCipher decrypts a page each time
    it enters the cache, and with SQLite's default 2 MiB a name search over 200k people
    decrypted its whole index again at every keystroke (p95 80 ms instead of 29 ms). A plain
    file reads its pages back from the OS cache for the price of a copy, and keeps the
    default."""
    conn = connect(path, key, read_only=True)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if key is not None:
        conn.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
    return as_database(conn)


def encrypt_copy(plain: Path, target: Path, key: DatabaseKey) -> None:
    """Writes an encrypted copy of the plain database `plain` to `target` with SQLCipher's
    `sqlcipher_export` (schema, rows, sqlite_sequence, then indexes and triggers), leaving
    `plain` as it was. `target` must not exist."""
    conn = sqlcipher3.connect(str(plain), check_same_thread=False)  # no key: reads plain SQLite
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", [str(target), f"x'{key.raw.hex()}'"])
        conn.execute("SELECT sqlcipher_export('encrypted')").fetchone()
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()

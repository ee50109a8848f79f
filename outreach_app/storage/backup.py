"""Backup and restore of the local database while the app runs.

Both use SQLite's online backup API, page by page: the copy is consistent even while the app
keeps writing (WAL), progress can be shown, and a cancelled or failed copy never touches the
source. A restore first checks the file (integrity, our schema, not from a newer version),
then keeps a safety copy of the current database, then copies the backup in.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.migrations import MIGRATION_SET, known_migration_names

PAGES_PER_STEP = 256
Progress = Callable[[int, int], None]  # pages copied, total pages; may raise to cancel


def _copy(
    source: sqlite3.Connection, target: sqlite3.Connection, progress: Progress | None
) -> None:
    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    source.backup(target, pages=PAGES_PER_STEP, progress=report)


def backup_database(
    source_path: Path | str, target: Path, progress: Progress | None = None
) -> None:
    """Writes a consistent copy of the database to `target` (a new file, replaced if there)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"{Path(source_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            _copy(source, copy, progress)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
        partial.replace(target)  # only a finished copy takes the name
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()


def copy_open_database(db: Database, target: Path) -> None:
    """A consistent copy of an open database, read through its own connection (so whatever
    opened it, a key included, needs no second opening), written under a temporary name and
    renamed only when complete."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            _copy(db.conn, copy, None)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def check_backup(path: Path) -> str:
    """Why `path` cannot be restored, or "" when it can."""
    if not path.is_file():
        return f"Berkas cadangan tidak ditemukan: {path}"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                return "Berkas cadangan rusak (pemeriksaan integritas gagal)."
            names = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "Berkas ini bukan cadangan basis data Perisai Outreach."
    if "0001_initial" not in names:
        return "Berkas ini bukan cadangan basis data Perisai Outreach."
    if names - known_migration_names():
        return "Cadangan ini dibuat oleh versi aplikasi yang lebih baru: perbarui aplikasi dulu."
    return ""


def restore_database(
    db: Database, db_path: Path | str, backup: Path, progress: Progress | None = None
) -> Path:
    """Replaces the open database's content with `backup`; returns the safety copy's path.

    The caller must re-open its views afterwards (and run migrations, for an older backup)."""
    problem = check_backup(backup)
    if problem:
        raise StorageUnavailable(problem)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = Path(db_path).with_name(f"{Path(db_path).stem}.sebelum-pulih-{stamp}.db")
    backup_database(db_path, safety)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _copy(source, db.conn, progress)
    finally:
        source.close()
    return safety

"""Backup and restore of the local database while the app runs.

Both use SQLite's online backup API, page by page: the copy is consistent even while the app
keeps writing (WAL), progress can be shown, and a cancelled or failed copy never touches the
source. A restore first checks the file (integrity, our schema, not from a newer version),
then keeps a safety copy of the current database, then copies the backup in.

An encrypted database is backed up encrypted with its own key (the copy's pages are written
through a connection keyed the same way), so a backup on a USB stick reveals nothing either;
the caller keeps the database's key file beside it (services/protection.py). A backup made
before the database was protected is plain: restoring it into an encrypted database goes
through an encrypted temporary copy, because SQLCipher's backup API does not copy between a
plain and an encrypted file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from outreach_app.storage.database import (
    Connection,
    DatabaseKey,
    FileKind,
    connect,
    encrypt_copy,
    file_kind,
)
from outreach_app.storage.errors import DATABASE_ERRORS, StorageUnavailable
from outreach_app.storage.migrations import MIGRATION_SET, known_migration_names

PAGES_PER_STEP = 256
Progress = Callable[[int, int], None]  # pages copied, total pages; may raise to cancel


def _copy(source: Connection, target: Connection, progress: Progress | None) -> None:
    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    source.backup(target, pages=PAGES_PER_STEP, progress=report)  # type: ignore[arg-type]


def backup_database(
    source_path: Path | str,
    target: Path,
    progress: Progress | None = None,
    key: DatabaseKey | None = None,
) -> None:
    """Writes a consistent copy of the database to `target` (a new file, replaced if there);
    with `key`, the source is encrypted and so is the copy, with the same key."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = connect(source_path, key, read_only=True)
    try:
        copy = connect(partial, key)
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


def copy_open_database(db: Database, target: Path, key: DatabaseKey | None = None) -> None:
    """A consistent copy of an open database, read through its own connection (so whatever
    opened it, a key included, needs no second opening), written under a temporary name and
    renamed only when complete; encrypted with the same `key` when the database is (the key
    never changes, so the key file beside the database opens the copy too)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        copy = connect(partial, key)
        try:
            _copy(db.conn, copy, None)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _backup_key(path: Path, key: DatabaseKey | None) -> DatabaseKey | None:
    """The key that opens the backup at `path`: none for a plain file, else this database's
    own (a backup of it, even one made under an older password: the key never changes)."""
    return None if file_kind(path) is FileKind.PLAIN else key


def check_backup(path: Path, key: DatabaseKey | None = None) -> str:
    """Why `path` cannot be restored (into the database whose key is `key`), or "" when it
    can."""
    if not path.is_file():
        return f"Berkas cadangan tidak ditemukan: {path}"
    if file_kind(path) is FileKind.ENCRYPTED and key is None:
        return (
            "Berkas ini bukan cadangan basis data Perisai Outreach, atau cadangan terenkripsi "
            "dari basis data yang dilindungi kata sandi (tidak dapat dipulihkan ke basis data "
            "tanpa kata sandi ini)."
        )
    try:
        conn = connect(path, _backup_key(path, key), read_only=True)
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
    except DATABASE_ERRORS:
        if file_kind(path) is FileKind.ENCRYPTED:
            return (
                "Berkas ini bukan cadangan basis data ini: bukan basis data, rusak, atau "
                "terenkripsi dengan kunci lain (dari laptop atau basis data lain)."
            )
        return "Berkas ini bukan cadangan basis data Perisai Outreach."
    if "0001_initial" not in names:
        return "Berkas ini bukan cadangan basis data Perisai Outreach."
    if names - known_migration_names():
        return "Cadangan ini dibuat oleh versi aplikasi yang lebih baru: perbarui aplikasi dulu."
    return ""


def restore_database(
    db: Database,
    db_path: Path | str,
    backup: Path,
    progress: Progress | None = None,
    key: DatabaseKey | None = None,
) -> Path:
    """Replaces the open database's content with `backup`; returns the safety copy's path.

    `key` is the open database's key (None when it is plain). The caller must re-open its
    views afterwards (and run migrations, for an older backup)."""
    problem = check_backup(backup, key)
    if problem:
        raise StorageUnavailable(problem)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = Path(db_path).with_name(f"{Path(db_path).stem}.sebelum-pulih-{stamp}.db")
    backup_database(db_path, safety, key=key)
    converted = None
    if key is not None and file_kind(backup) is FileKind.PLAIN:
        # an old plain backup into an encrypted database: encrypt a temporary copy first
        converted = Path(db_path).with_name(f"{Path(db_path).stem}.pulih-{stamp}.partial")
        converted.unlink(missing_ok=True)
        encrypt_copy(backup, converted, key)
    source = connect(converted or backup, key if converted else _backup_key(backup, key),
                     read_only=True)  # fmt: skip
    try:
        _copy(source, db.conn, progress)
    finally:
        source.close()
        if converted is not None:
            converted.unlink(missing_ok=True)
    return safety

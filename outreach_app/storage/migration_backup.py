"""Schema changes on start, with a safety copy made first.

A new version of the app may change the schema of a database full of a branch's enrolments
and receipts. Before the first pending migration touches such a file, a consistent copy of it
is written beside it (`outreach.sebelum-0012_name.db`, SQLite's backup API through the open
connection); the migrations then run all or none in one transaction, so a failure leaves the
file as it was and the message says where the copy is. Only the last few copies are kept.
A database from a newer version is refused before anything is read into it or copied.

Kept apart from `Store` so that whatever opens the database (a key, another driver) calls the
same function with its open connection and, if it must, its own way of copying.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from outreach_app.storage.backup import copy_open_database
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.migrations import migrate, migrations, pending_names, refuse_newer

KEEP_COPIES = 3
COPY_INFIX = ".sebelum-"  # outreach.sebelum-0012_reference_files.db
CopyFunction = Callable[[Database, Path], None]


class MigrationFailed(StorageUnavailable):
    """A schema change failed and was rolled back; `backup` is the copy made before it."""

    def __init__(self, message: str, backup: Path | None) -> None:
        super().__init__(message)
        self.backup = backup


@dataclass(frozen=True, slots=True)
class MigrationOutcome:
    applied: tuple[str, ...]
    backup: Path | None  # the copy made before applying them (None: nothing to protect)


def safety_copy_path(db_path: Path, first_pending: str) -> Path:
    return db_path.with_name(f"{db_path.stem}{COPY_INFIX}{first_pending}.db")


def safety_copies(db_path: Path) -> list[Path]:
    """The copies made before schema changes, newest first (restore copies are not among
    them: `.sebelum-pulih-...` does not start with a migration number)."""
    found = [
        path
        for path in db_path.parent.glob(f"{db_path.stem}{COPY_INFIX}[0-9][0-9][0-9][0-9]_*.db")
        if path.is_file()
    ]
    return sorted(found, key=lambda path: (path.stat().st_mtime, path.name), reverse=True)


def migrate_with_backup(
    db: Database,
    path: Path | str,
    *,
    keep: int = KEEP_COPIES,
    copy: CopyFunction = copy_open_database,
    steps: Migrations = migrations,
) -> MigrationOutcome:
    """Applies the pending migrations of the open database at `path`, copying it first when it
    already holds data. Raises StorageUnavailable for a newer database (nothing touched, no
    copy), MigrationFailed when a migration fails (rolled back; the copy is kept)."""
    refuse_newer(db, steps)
    pending = pending_names(db, steps)
    if not pending:
        return MigrationOutcome((), None)
    backup = None
    has_data = str(path) != ":memory:" and bool(steps.applied(db))
    if has_data:
        backup = safety_copy_path(Path(path), pending[0])
        try:
            copy(db, backup)
        except Exception as exc:
            raise StorageUnavailable(
                "Basis data perlu diperbarui ke versi aplikasi ini, tetapi salinan pengamannya "
                f"tidak dapat dibuat di {backup} ({exc}). Basis data tidak diubah; kosongkan "
                "ruang disk atau periksa izin folder, lalu buka lagi."
            ) from exc
    try:
        migrate(db, steps)
    except Exception as exc:
        where = (
            f"Salinan dari sebelum pembaruan ada di {backup}."
            if backup is not None
            else "Basis data ini baru, belum berisi data."
        )
        raise MigrationFailed(
            f"Pembaruan skema basis data gagal ({exc}); semua perubahan dibatalkan dan basis "
            f"data tetap seperti sebelumnya. {where} Hubungi kantor cabang.",
            backup,
        ) from exc
    if backup is not None:
        prune_safety_copies(Path(path), keep)
    return MigrationOutcome(tuple(pending), backup)


def prune_safety_copies(db_path: Path, keep: int = KEEP_COPIES) -> list[Path]:
    """Deletes all but the newest `keep` copies; returns what was deleted."""
    removed = []
    for old in safety_copies(db_path)[keep:]:
        with contextlib.suppress(OSError):  # a copy someone has open: kept for next time
            os.remove(old)
            removed.append(old)
    return removed

"""One sync at a time per database file, across processes.

The desktop app's background sync and an `outreach sync` typed at the same moment (or two
windows on one file) would both read the same unsent outbox and the same cursor: both push
it, both apply the same pages, and a rewound laptop could even become two new devices. A lock
on a small file beside the database (`outreach.db.sync-lock`) lets one through and tells the
other at once that a sync is already running. The operating system drops the lock when its
process ends, however it ends, so a crash never leaves the laptop locked out; the file holds
nothing and may stay. `flock` on POSIX also excludes a second handle in the same process;
Windows locks the file's first byte.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from outreach_app.domain.errors import DomainError

SUFFIX = ".sync-lock"


class SyncBusy(DomainError):
    """Another sync (or bundle answer) of this database is running right now."""

    def __init__(self) -> None:
        super().__init__(
            "Sinkronisasi lain sedang berjalan untuk basis data ini; tunggu sampai selesai, "
            "lalu coba lagi."
        )


def lock_path(database: Path | str) -> Path:
    return Path(f"{database}{SUFFIX}")


@contextlib.contextmanager
def sync_lock(database: Path | str) -> Iterator[None]:
    """Holds the database's sync lock for the block, or raises SyncBusy at once."""
    if str(database) == ":memory:":  # one connection, one process: nothing to share
        yield
        return
    handle = lock_path(database).open("a+b")
    try:
        try:
            _lock(handle)
        except OSError as exc:
            raise SyncBusy() from exc
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

"""Storage errors come in two kinds (qutebrowser's Known/Bug split).

`StorageUnavailable` is the database the user cannot use right now (disk full, file locked by
another program, not a database, from a newer version): shown with what to do. `DuplicateNik`
and `ReceiptLocked` are rules the database itself enforces. Anything else is a bug and is left
to fail loudly.

Two drivers open local databases: the standard library's `sqlite3` for plain files (the demo,
tests) and `sqlcipher3` for encrypted ones. Their exception classes are unrelated (a
`sqlcipher3.IntegrityError` is not a `sqlite3.IntegrityError`), so every `except` in the app
names the tuples below, never one driver's class.
"""

from __future__ import annotations

import sqlite3

import sqlcipher3

#: Any error from either driver.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)
#: A file that is not a database, or not one this key opens, or damaged.
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
#: A rule of the schema refused a write (unique NIK, receipts only voided, foreign keys).
INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, sqlcipher3.IntegrityError)
#: Opening a file: either driver's errors, or the file system's.
OPEN_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error, OSError)
#: Locked, busy, disk full, read-only: the database cannot be used right now.
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    sqlcipher3.OperationalError,
)


class StorageUnavailable(Exception):
    """The database cannot be opened or written; the message says what the user can do."""


class DuplicateNik(Exception):
    def __init__(self, nik: str, existing_id: str) -> None:
        super().__init__(f"NIK {nik} sudah terdaftar.")
        self.nik = nik
        self.existing_id = existing_id


class ReceiptLocked(Exception):
    """An attempt to edit or delete an issued receipt: receipts are only ever voided."""


class NotFound(LookupError):
    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"{what} tidak ditemukan: {key}")
        self.what = what
        self.key = key

"""Storage errors come in two kinds (qutebrowser's Known/Bug split).

`StorageUnavailable` is the database the user cannot use right now (disk full, file locked by
another program, not a database, from a newer version): shown with what to do. `DuplicateNik`
and `ReceiptLocked` are rules the database itself enforces. Anything else is a bug and is left
to fail loudly.
"""

from __future__ import annotations


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

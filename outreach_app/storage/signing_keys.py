"""The public keys that receipts are checked against, one per signing installation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from outreach_app.storage.errors import NotFound


@dataclass(frozen=True, slots=True)
class PublicKeyRecord:
    device_id: str
    device_name: str
    public_key: str  # 32 raw bytes, base64
    created_at: dt.datetime


class SigningKeyRepository:
    """Keys are added, never changed: a receipt signed under a key must stay checkable."""

    label = "Kunci tanda tangan perangkat"

    def __init__(self, db: Database) -> None:
        self._db = db

    def find(self, device_id: str) -> PublicKeyRecord | None:
        row = self._db.execute(
            "SELECT device_id, device_name, public_key, created_at FROM signing_keys "
            "WHERE device_id = ?",
            [device_id],
        ).fetchone()
        if row is None:
            return None
        return PublicKeyRecord(row[0], row[1], row[2], dt.datetime.fromisoformat(row[3]))

    def get(self, device_id: str) -> PublicKeyRecord:
        found = self.find(device_id)
        if found is None:
            raise NotFound(self.label, device_id)
        return found

    def add(self, record: PublicKeyRecord) -> None:
        """Adds a key; the same key again changes nothing, a different one for a device that
        already has one is refused (it would orphan every receipt signed before)."""
        existing = self.find(record.device_id)
        if existing is not None:
            if existing.public_key != record.public_key:
                raise ValueError(f"perangkat {record.device_id} sudah punya kunci lain")
            return
        self._db.execute(
            "INSERT INTO signing_keys (device_id, device_name, public_key, created_at) "
            "VALUES (?, ?, ?, ?)",
            [record.device_id, record.device_name, record.public_key,
             record.created_at.isoformat()],
        )  # fmt: skip

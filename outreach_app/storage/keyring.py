"""The key file beside a protected database (`outreach.db.kunci`): what is needed to open it.

The database is encrypted with a random key that never changes. The key file holds that key
wrapped twice: by the user's password (argon2id, then AES-GCM) and, when the branch gave its
recovery public key, sealed to the branch (X25519). It also counts wrong passwords, so that a
restart does not reset them. It holds no personal data and no key in the clear; without the
password or the branch's private key it opens nothing. The cryptography is in
services/protection.py; this module only reads and writes the file, atomically.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from outreach_app.storage.errors import StorageUnavailable

FORMAT = "perisai-outreach-keyring"
VERSION = 1
SUFFIX = ".kunci"


def keyring_path(db_path: Path | str) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + SUFFIX)


@dataclass(frozen=True, slots=True)
class PasswordWrap:
    """The database key encrypted with a key derived from the password (argon2id)."""

    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    time_cost: int
    memory_kib: int
    parallelism: int
    kdf: str = "argon2id"


@dataclass(frozen=True, slots=True)
class BranchWrap:
    """The database key sealed to the branch's recovery public key (X25519, HKDF, AES-GCM)."""

    public_key: bytes  # the branch's, 32 bytes
    ephemeral_key: bytes  # made for this seal, 32 bytes
    nonce: bytes
    wrapped_key: bytes
    label: str  # what the branch called its key (its branch code), shown to the user


@dataclass(frozen=True, slots=True)
class Keyring:
    database_id: str
    password: PasswordWrap
    branch: BranchWrap | None = None
    must_change_password: bool = False
    failed_attempts: int = 0
    last_failure: float | None = None

    def with_failure(self, now: float) -> Keyring:
        return replace(self, failed_attempts=self.failed_attempts + 1, last_failure=now)

    def with_success(self) -> Keyring:
        return replace(self, failed_attempts=0, last_failure=None)


class KeyringDamaged(StorageUnavailable):
    """The key file is missing a part or is not one of ours."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _bytes(data: dict[str, Any], name: str) -> bytes:
    value = data.get(name)
    if not isinstance(value, str):
        raise KeyError(name)
    return base64.b64decode(value, validate=True)


def to_json(keyring: Keyring) -> dict[str, Any]:
    p = keyring.password
    b = keyring.branch
    return {
        "format": FORMAT,
        "version": VERSION,
        "database_id": keyring.database_id,
        "password": {
            "kdf": p.kdf, "time_cost": p.time_cost, "memory_kib": p.memory_kib,
            "parallelism": p.parallelism, "salt": _b64(p.salt), "nonce": _b64(p.nonce),
            "wrapped_key": _b64(p.wrapped_key),
        },
        "branch": None if b is None else {
            "label": b.label, "public_key": _b64(b.public_key),
            "ephemeral_key": _b64(b.ephemeral_key), "nonce": _b64(b.nonce),
            "wrapped_key": _b64(b.wrapped_key),
        },
        "must_change_password": keyring.must_change_password,
        "failed_attempts": keyring.failed_attempts,
        "last_failure": keyring.last_failure,
    }  # fmt: skip


def from_json(data: Any) -> Keyring:
    """Raises KeyringDamaged for anything that is not a complete key file of ours."""
    try:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a key file")
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')}")
        p = data["password"]
        password = PasswordWrap(
            salt=_bytes(p, "salt"),
            nonce=_bytes(p, "nonce"),
            wrapped_key=_bytes(p, "wrapped_key"),
            time_cost=int(p["time_cost"]),
            memory_kib=int(p["memory_kib"]),
            parallelism=int(p["parallelism"]),
            kdf=str(p["kdf"]),
        )
        b = data.get("branch")
        branch = None
        if b is not None:
            branch = BranchWrap(
                public_key=_bytes(b, "public_key"),
                ephemeral_key=_bytes(b, "ephemeral_key"),
                nonce=_bytes(b, "nonce"),
                wrapped_key=_bytes(b, "wrapped_key"),
                label=str(b.get("label") or ""),
            )
        last = data.get("last_failure")
        return Keyring(
            database_id=str(data["database_id"]),
            password=password,
            branch=branch,
            must_change_password=bool(data.get("must_change_password", False)),
            failed_attempts=int(data.get("failed_attempts", 0)),
            last_failure=float(last) if last is not None else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyringDamaged(
            f"Berkas kunci basis data rusak atau bukan berkas kunci Perisai Outreach ({exc})."
        ) from exc


def read_keyring(path: Path) -> Keyring:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KeyringDamaged(f"Berkas kunci basis data tidak ditemukan: {path}") from exc
    except OSError as exc:
        raise StorageUnavailable(f"Berkas kunci {path} tidak dapat dibaca: {exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise KeyringDamaged(f"Berkas kunci basis data rusak: {path}") from exc
    return from_json(data)


def write_keyring(path: Path, keyring: Keyring) -> None:
    """Atomically (temporary file, flushed, then renamed): a crash leaves the old file or the
    new one, never half of one (which would lock the user out of their data)."""
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "w", encoding="utf-8") as file:
            json.dump(to_json(keyring), file, indent=2)
            file.flush()
            os.fsync(file.fileno())
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(f"Berkas kunci {path} tidak dapat ditulis: {exc}") from exc

"""The cryptography of a protected laptop: deriving a key from the password, wrapping the
database key with it, and sealing the database key to the branch's recovery key.

- Password: argon2id (RFC 9106's second recommended setting: 3 passes over 64 MiB, 4 lanes;
  about 0.3 s here), a random 16-byte salt per wrap. argon2id rather than hashlib.scrypt:
  memory-hard in both its passes and OWASP's first choice, and argon2-cffi is already what
  the branch server hashes passwords with; its wheels exist for Windows and Linux. The
  derived key encrypts the database key with AES-256-GCM: a wrong password fails the
  authentication tag, so nothing else about the password is stored.
- Branch: X25519 with a fresh ephemeral key per seal, HKDF-SHA256, AES-256-GCM. The laptop
  holds only the branch's public key; the branch's private key stays at the branch,
  encrypted with its own passphrase (PKCS#8).
Both wraps bind the database's id as associated data, so a wrapped key cannot be moved to
another key file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from outreach_app.domain.errors import DomainError
from outreach_app.storage.database import KEY_BYTES, DatabaseKey
from outreach_app.storage.keyring import BranchWrap, PasswordWrap

PUBLIC_KEY_FORMAT = "perisai-outreach-recovery-public-key"
HKDF_INFO = b"perisai-outreach/branch-recovery/v1"


@dataclass(frozen=True, slots=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_KDF = KdfParams()


class WrongKey(Exception):
    """The password (or the branch key) does not open this wrapped key."""


class BranchKeyRefused(DomainError):
    """A file that is not a branch recovery key, or a passphrase that does not open it."""


def new_database_key() -> DatabaseKey:
    return DatabaseKey(os.urandom(KEY_BYTES))


def _password_bytes(password: str) -> bytes:
    # NFC: the same password typed on two keyboards (composed or not) gives the same bytes
    return unicodedata.normalize("NFC", password).encode("utf-8")


def _password_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        _password_bytes(password), salt, params.time_cost, params.memory_kib,
        params.parallelism, 32, Type.ID,
    )  # fmt: skip


def _aad(purpose: str, database_id: str) -> bytes:
    return f"perisai-outreach/{purpose}/{database_id}".encode()


def wrap_with_password(
    key: DatabaseKey, password: str, database_id: str, params: KdfParams = DEFAULT_KDF
) -> PasswordWrap:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_password_key(password, salt, params)).encrypt(
        nonce, key.raw, _aad("password", database_id)
    )
    return PasswordWrap(salt, nonce, sealed, params.time_cost, params.memory_kib,
                        params.parallelism)  # fmt: skip


def unwrap_with_password(wrap: PasswordWrap, password: str, database_id: str) -> DatabaseKey:
    if wrap.kdf != "argon2id":
        raise WrongKey(f"unknown key derivation {wrap.kdf}")
    params = KdfParams(wrap.time_cost, wrap.memory_kib, wrap.parallelism)
    try:
        raw = AESGCM(_password_key(password, wrap.salt, params)).decrypt(
            wrap.nonce, wrap.wrapped_key, _aad("password", database_id)
        )
    except InvalidTag as exc:
        raise WrongKey("wrong password") from exc
    return DatabaseKey(raw)


def _branch_wrapping_key(shared: bytes, ephemeral: bytes, branch: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, ephemeral + branch, HKDF_INFO).derive(shared)


def seal_to_branch(key: DatabaseKey, branch: BranchPublicKey, database_id: str) -> BranchWrap:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(branch.raw))
    nonce = os.urandom(12)
    sealed = AESGCM(_branch_wrapping_key(shared, ephemeral_public, branch.raw)).encrypt(
        nonce, key.raw, _aad("branch", database_id)
    )
    return BranchWrap(branch.raw, ephemeral_public, nonce, sealed, branch.label)


def open_at_branch(wrap: BranchWrap, private: X25519PrivateKey, database_id: str) -> DatabaseKey:
    if private.public_key().public_bytes_raw() != wrap.public_key:
        raise WrongKey("sealed to another branch key")
    shared = private.exchange(X25519PublicKey.from_public_bytes(wrap.ephemeral_key))
    try:
        raw = AESGCM(_branch_wrapping_key(shared, wrap.ephemeral_key, wrap.public_key)).decrypt(
            wrap.nonce, wrap.wrapped_key, _aad("branch", database_id)
        )
    except InvalidTag as exc:
        raise WrongKey("damaged seal") from exc
    return DatabaseKey(raw)


def fingerprint(public_key: bytes) -> str:
    """Short enough to read over the phone: the branch and the laptop compare it."""
    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True, slots=True)
class BranchPublicKey:
    raw: bytes
    label: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    def to_file_text(self) -> str:
        return json.dumps(
            {"format": PUBLIC_KEY_FORMAT, "version": 1, "label": self.label,
             "fingerprint": self.fingerprint, "public_key": base64.b64encode(self.raw).decode()},
            indent=2,
        ) + "\n"  # fmt: skip

    @staticmethod
    def from_file_text(text: str) -> BranchPublicKey:
        try:
            data = json.loads(text)
            if data.get("format") != PUBLIC_KEY_FORMAT:
                raise ValueError("format")
            raw = base64.b64decode(data["public_key"], validate=True)
            X25519PublicKey.from_public_bytes(raw)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BranchKeyRefused(
                "Berkas ini bukan kunci pemulihan (publik) dari kantor cabang."
            ) from exc
        return BranchPublicKey(raw, str(data.get("label") or ""))


def new_branch_key(label: str, passphrase: str) -> tuple[bytes, BranchPublicKey]:
    """(the private key as passphrase-protected PKCS#8 PEM, the public key for laptops)."""
    private = X25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(_password_bytes(passphrase)),
    )
    return pem, BranchPublicKey(private.public_key().public_bytes_raw(), label)


def load_branch_private_key(pem: bytes, passphrase: str) -> X25519PrivateKey:
    try:
        private = serialization.load_pem_private_key(pem, _password_bytes(passphrase))
    except (ValueError, TypeError) as exc:
        raise BranchKeyRefused(
            "Kunci pemulihan cabang tidak dapat dibuka: frasa sandinya salah atau berkasnya "
            "bukan kunci privat pemulihan."
        ) from exc
    if not isinstance(private, X25519PrivateKey):
        raise BranchKeyRefused("Berkas ini bukan kunci privat pemulihan Perisai Outreach.")
    return private

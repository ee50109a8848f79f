"""Protecting a laptop's database with the user's password: sign-in, the idle lock's check,
protecting a new or an existing database, changing the password, and the branch's recovery.

The database is encrypted (SQLCipher) with a random key made once; the key file beside it
(storage/keyring.py) holds that key wrapped by the password and, if the branch gave its
recovery public key, sealed to the branch (services/keys.py). Signing in unwraps the key;
nothing else ever opens the database. Wrong passwords are counted in the key file (a restart
does not reset them) and wait by the rules of domain/sign_in.py.

Recovery: the user who forgot the password saves a copy of the key file (USB stick, message)
for the branch; staff run `outreach recovery reset` with the branch's private key, which
unseals the database key and wraps it under a temporary password; the user loads the answer
and must choose a new password at once. The database itself never leaves the laptop.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_app.domain.errors import DomainError
from outreach_app.domain.sign_in import (
    attempts_before_wait,
    format_wait,
    new_password_problem,
    seconds_to_wait,
    wait_after,
)
from outreach_app.storage.database import DatabaseKey, FileKind, file_kind
from outreach_app.storage.encryption import encrypt_in_place, finish_interrupted
from outreach_app.storage.keyring import (
    Keyring,
    KeyringDamaged,
    keyring_path,
    read_keyring,
    write_keyring,
)

if TYPE_CHECKING:  # the cryptography (argon2, cffi) loads on the first sign-in, not at start-up
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from outreach_app.services.keys import BranchPublicKey, KdfParams


log = logging.getLogger(__name__)


class ProtectionStatus(StrEnum):
    NEW = "new"  # no database yet
    PLAIN = "plain"  # a database without a password (the demo, or from before protection)
    PROTECTED = "protected"
    KEY_FILE_MISSING = "key_file_missing"  # an encrypted database whose key file is gone


class PasswordRefused(DomainError):
    """A new password that does not follow the rules, or an empty one."""


class WrongPassword(DomainError):
    def __init__(self, attempts_left: int, wait: int) -> None:
        if wait:
            text = (f"Kata sandi salah. Terlalu banyak percobaan: coba lagi dalam "
                    f"{format_wait(wait)}.")  # fmt: skip
        else:
            text = f"Kata sandi salah. Sisa {attempts_left} percobaan sebelum harus menunggu."
        super().__init__(text)
        self.attempts_left = attempts_left
        self.wait = wait


class SignInBlocked(DomainError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"Terlalu banyak kata sandi salah. Coba lagi dalam {format_wait(seconds)}."
        )
        self.seconds = seconds


class RecoveryRefused(DomainError):
    """A recovery file that does not belong to this database, or cannot be used."""


@dataclass(frozen=True, slots=True)
class SignInState:
    failed_attempts: int
    wait_seconds: int
    attempts_left: int
    must_change_password: bool
    branch_label: str | None  # None: no recovery through the branch is possible
    branch_fingerprint: str | None


@dataclass(frozen=True, slots=True)
class Protected:
    key: DatabaseKey
    backup: Path | None  # the encrypted copy kept when an existing database was protected


class Protection:
    """Everything about the password of the database at `db_path`, for the app and the CLI."""

    def __init__(
        self,
        db_path: Path,
        clock: Callable[[], float] = time.time,
        kdf: KdfParams | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.keyring_path = keyring_path(self.db_path)
        self._clock = clock
        self._kdf = kdf

    def _kdf_params(self) -> KdfParams:
        from outreach_app.services import keys

        return self._kdf or keys.DEFAULT_KDF

    # --- what is on disk --------------------------------------------------------------------

    def status(self) -> ProtectionStatus:
        finish_interrupted(self.db_path)
        kind = file_kind(self.db_path)
        has_keys = self.keyring_path.exists()
        if kind is FileKind.PLAIN:
            if has_keys:  # written by a protection that stopped before the swap: unused
                self.keyring_path.unlink()
            return ProtectionStatus.PLAIN
        if kind is FileKind.ENCRYPTED:
            return ProtectionStatus.PROTECTED if has_keys else ProtectionStatus.KEY_FILE_MISSING
        return ProtectionStatus.PROTECTED if has_keys else ProtectionStatus.NEW

    def missing_key_file_advice(self) -> str:
        """An unreadable header and no key file: damaged or foreign, or encrypted and parted
        from its key file. The user is told both."""
        return (
            f"Berkas {self.db_path} bukan basis data biasa: bukan basis data Perisai Outreach "
            f"(atau rusak), atau basis data terenkripsi yang berkas kuncinya "
            f"({self.keyring_path.name}) tidak ada di sebelahnya. Kembalikan berkas kunci itu "
            "(dari cadangan, atau dari kantor cabang) ke folder yang sama, atau pulihkan dari "
            "cadangan."
        )

    def _keyring(self) -> Keyring:
        return read_keyring(self.keyring_path)

    def sign_in_state(self) -> SignInState:
        from outreach_app.services import keys

        keyring = self._keyring()
        branch = keyring.branch
        return SignInState(
            failed_attempts=keyring.failed_attempts,
            wait_seconds=seconds_to_wait(
                keyring.failed_attempts, keyring.last_failure, self._clock()
            ),
            attempts_left=attempts_before_wait(keyring.failed_attempts),
            must_change_password=keyring.must_change_password,
            branch_label=None if branch is None else branch.label,
            branch_fingerprint=None if branch is None else keys.fingerprint(branch.public_key),
        )

    # --- signing in -------------------------------------------------------------------------

    def unlock(self, password: str) -> DatabaseKey:
        """The database key, if `password` is right and no wait is running.

        Takes ~0.3 s on purpose (argon2id). An empty password is refused without counting."""
        from outreach_app.services import keys

        if not password:
            raise PasswordRefused("Isi kata sandi.")
        keyring = self._keyring()
        wait = seconds_to_wait(keyring.failed_attempts, keyring.last_failure, self._clock())
        if wait:
            log.warning("Masuk ditolak: masih harus menunggu %d detik", wait)
            raise SignInBlocked(wait)
        try:
            key = keys.unwrap_with_password(keyring.password, password, keyring.database_id)
        except keys.WrongKey:
            failed = self._keyring().with_failure(self._clock())  # re-read: another window
            write_keyring(self.keyring_path, failed)
            log.warning("Kata sandi salah (%d kali berturut-turut)", failed.failed_attempts)
            raise WrongPassword(
                attempts_before_wait(failed.failed_attempts), wait_after(failed.failed_attempts)
            ) from None
        if keyring.failed_attempts:
            write_keyring(self.keyring_path, self._keyring().with_success())
        return key

    def verify(self, password: str, key: DatabaseKey) -> None:
        """The idle lock's check: the same rules and the same count as signing in."""
        if not hmac.compare_digest(self.unlock(password).raw, key.raw):
            raise RecoveryRefused("Kata sandi ini untuk basis data lain.")

    # --- protecting -------------------------------------------------------------------------

    def _new_keyring(
        self, key: DatabaseKey, password: str, branch: BranchPublicKey | None
    ) -> Keyring:
        from outreach_app.services import keys

        database_id = uuid.uuid4().hex
        return Keyring(
            database_id=database_id,
            password=keys.wrap_with_password(key, password, database_id, self._kdf_params()),
            branch=None if branch is None else keys.seal_to_branch(key, branch, database_id),
        )

    @staticmethod
    def check_new_password(password: str, repeat: str) -> None:
        problem = new_password_problem(password, repeat)
        if problem:
            raise PasswordRefused(problem)

    def protect_new(
        self, password: str, repeat: str, branch: BranchPublicKey | None = None
    ) -> DatabaseKey:
        """For a database not made yet: its key, to create it encrypted from the first page."""
        from outreach_app.services import keys

        self.check_new_password(password, repeat)
        if self.status() is not ProtectionStatus.NEW:
            raise PasswordRefused(f"Basis data {self.db_path} sudah ada.")
        key = keys.new_database_key()
        write_keyring(self.keyring_path, self._new_keyring(key, password, branch))
        return key

    def protect_existing(
        self, password: str, repeat: str, branch: BranchPublicKey | None = None
    ) -> Protected:
        """Encrypts an existing plain database in place (see storage/encryption.py), keeping
        an encrypted backup of it beside it with its own key file. Nothing is lost: the plain
        file is replaced only by a copy checked against it."""
        from outreach_app.services import keys

        self.check_new_password(password, repeat)
        if self.status() is not ProtectionStatus.PLAIN:
            raise PasswordRefused(f"Basis data {self.db_path} tidak dapat dilindungi lagi.")
        key = keys.new_database_key()
        keyring = self._new_keyring(key, password, branch)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.db_path.with_name(f"{self.db_path.stem}.cadangan-enkripsi-{stamp}.db")

        def before_swap(copy: Path) -> None:
            shutil.copyfile(copy, backup)
            write_keyring(keyring_path(backup), keyring)
            write_keyring(self.keyring_path, keyring)

        encrypt_in_place(self.db_path, key, before_swap)
        log.info("Basis data yang ada dienkripsi; cadangan terenkripsi dibuat")
        return Protected(key, backup)

    def change_password(self, key: DatabaseKey, password: str, repeat: str) -> None:
        """A new password for the signed-in user (the database key stays the same, so no
        page of the database is rewritten)."""
        from outreach_app.services import keys

        self.check_new_password(password, repeat)
        keyring = self._keyring()
        wrap = keys.wrap_with_password(key, password, keyring.database_id, self._kdf_params())
        write_keyring(
            self.keyring_path,
            replace(keyring, password=wrap, must_change_password=False).with_success(),
        )

    def set_branch_key(self, key: DatabaseKey, branch: BranchPublicKey) -> None:
        """Seals the database key to the branch's recovery key (replacing an older one)."""
        from outreach_app.services import keys

        keyring = self._keyring()
        write_keyring(
            self.keyring_path,
            replace(keyring, branch=keys.seal_to_branch(key, branch, keyring.database_id)),
        )

    def branch_key(self) -> tuple[str, str] | None:
        """(label, fingerprint) of the branch key this database can be recovered with."""
        from outreach_app.services import keys

        branch = self._keyring().branch
        return None if branch is None else (branch.label, keys.fingerprint(branch.public_key))

    # --- copies of the key file: backups and recovery -------------------------------------

    def copy_key_file(self, database_copy: Path) -> Path:
        """Writes the key file beside a copy of the database (a backup), without the count
        of wrong passwords; the copy opens with the same password or the branch's key."""
        target = keyring_path(database_copy)
        write_keyring(target, self._keyring().with_success())
        return target

    def recovery_request(self, target: Path) -> Path:
        """The file to give the branch when the password is forgotten."""
        keyring = self._keyring()
        if keyring.branch is None:
            raise RecoveryRefused(
                "Laptop ini belum memasang kunci pemulihan kantor cabang, jadi kata sandi tidak "
                "dapat dipulihkan. Data yang sudah disinkronkan tetap ada di server cabang."
            )
        write_keyring(target, keyring.with_success())
        return target

    def take_recovery_answer(self, source: Path) -> None:
        """Replaces the key file by the branch's answer (a temporary password the user must
        change at sign-in); refuses a file made for another database."""
        try:
            answer = read_keyring(source)
        except KeyringDamaged as exc:
            raise RecoveryRefused(str(exc)) from exc
        current = self._keyring()
        if answer.database_id != current.database_id:
            raise RecoveryRefused("Berkas dari kantor cabang ini untuk basis data lain.")
        if not answer.must_change_password:
            raise RecoveryRefused("Berkas ini bukan jawaban pemulihan dari kantor cabang.")
        keep = self.keyring_path.with_name(self.keyring_path.name + ".lama")
        shutil.copyfile(self.keyring_path, keep)
        write_keyring(self.keyring_path, replace(answer, branch=current.branch).with_success())
        log.warning("Jawaban pemulihan dari kantor cabang dipasang (kata sandi sementara)")


def reset_password_at_branch(
    key_file: Path,
    private_key: X25519PrivateKey,
    password: str,
    repeat: str,
    kdf: KdfParams | None = None,
) -> Keyring:
    """The branch's side of a recovery: unseals the database key in the laptop's key file with
    the branch's private key and wraps it under a temporary password the user must change."""
    from outreach_app.services import keys

    Protection.check_new_password(password, repeat)
    try:
        keyring = read_keyring(key_file)
    except KeyringDamaged as exc:
        raise RecoveryRefused(str(exc)) from exc
    if keyring.branch is None:
        raise RecoveryRefused("Berkas kunci ini tidak memuat kunci untuk kantor cabang.")
    try:
        key = keys.open_at_branch(keyring.branch, private_key, keyring.database_id)
    except keys.WrongKey as exc:
        raise RecoveryRefused(
            "Berkas kunci ini disegel untuk kunci pemulihan cabang lain "
            f"(sidik jari {keys.fingerprint(keyring.branch.public_key)})."
        ) from exc
    answer = replace(
        keyring,
        password=keys.wrap_with_password(
            key, password, keyring.database_id, kdf or keys.DEFAULT_KDF
        ),
        must_change_password=True,
    ).with_success()
    write_keyring(key_file, answer)
    return answer

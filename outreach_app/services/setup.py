"""Settings of this laptop and its first start: device name and receipt prefix, who uses it,
language and database (kept in the config file), backups and restores.

Identity and language take effect at the next start, when the window is built for them; the
database content is the only thing a restore changes under the running app, so the app closes
after one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Branch, Role, SyncStamp, User
from outreach_app.services.protection import Protection
from outreach_app.services.receipt_prefix import PrefixStatus, prefix_status
from outreach_app.settings import (
    CURRENT_USER_KEY,
    DEMO_DB_NAME,
    AppConfig,
    load_config,
    save_config,
)
from outreach_app.storage.backup import backup_database, check_backup, restore_database
from outreach_app.storage.errors import NotFound
from outreach_app.storage.store import DeviceIdentity, Store
from outreach_app.storage.sync_state import SERVER_KEY

if TYPE_CHECKING:
    from outreach_app.services.keys import BranchPublicKey

if TYPE_CHECKING:
    from outreach_app.services.reference_updates import ReferenceUpdates

Progress = Callable[[int, int], None]


class SetupRefused(DomainError):
    """A setting that cannot be saved as given (the message says why)."""


@dataclass(frozen=True, slots=True)
class FirstRunAnswers:
    """What the first start asks. The identity (name, username, branch) is empty when the
    user chose to connect to the branch later: the branch's records then say who they are."""

    role: Role
    device_name: str
    receipt_prefix: str | None = None  # None: derived from the device id, then reserved
    server: str = ""  # the branch server's address, when known
    full_name: str = ""
    username: str = ""
    branch_code: str = ""
    branch_name: str = ""

    @property
    def with_identity(self) -> bool:
        return bool(self.full_name or self.username or self.branch_code)


@dataclass(frozen=True, slots=True)
class FirstRunOutcome:
    """The first-run dialog's result: the demo (no password), or a real start with its
    answers and the password that will protect the new database."""

    demo: bool
    answers: FirstRunAnswers | None = None
    password: str = field(default="", repr=False)
    branch_key: BranchPublicKey | None = None  # the branch's recovery key, when given


def server_address(text: str) -> str:
    """The branch server's address as typed, checked: http(s)://host[:port], no path; https
    when no scheme is typed, and plain http only to this machine (sync/tls.py says why)."""
    from outreach_app.sync.errors import PlainHttpRefused
    from outreach_app.sync.tls import check_address

    address = text.strip().rstrip("/")
    if not address:
        return ""
    if "://" not in address:
        address = "https://" + address
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise SetupRefused("Alamat server tidak dikenali; contoh: https://10.0.0.5:8750")
    try:
        parts.port  # noqa: B018  (a port that is not a number raises here)
    except ValueError as exc:
        raise SetupRefused("Nomor port alamat server tidak valid.") from exc
    try:
        check_address(address)
    except PlainHttpRefused as exc:
        raise SetupRefused(str(exc)) from exc
    return address


DOCUMENT_FOLDER_KEY = "document_folder"
IDLE_LOCK_KEY = "idle_lock_minutes"
DEVICE_ROLE_KEY = "device_role"
DEFAULT_IDLE_LOCK_MINUTES = 10
MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES = 1, 120


class SetupService:
    """`reference`: the reference tables in force and their updates (None: not offered)."""

    def __init__(
        self,
        store: Store,
        config_path: Path,
        default_documents: Path | None = None,
        *,
        reference: ReferenceUpdates | None = None,
        protection: Protection | None = None,
    ) -> None:
        self._store = store
        self._config_path = config_path
        self._default_documents = default_documents or Path.home() / "Documents"
        self.reference = reference
        self._protection = protection

    # --- config file (read before the database opens) -----------------------------------

    def config(self) -> AppConfig:
        return load_config(self._config_path) or AppConfig()

    def set_language(self, language: str) -> None:
        save_config(self._config_path, replace(self.config(), language=language))

    def set_database(self, path: Path) -> None:
        if path.suffix.lower() not in (".db", ".sqlite", ".sqlite3"):
            raise SetupRefused("Pilih berkas basis data berakhiran .db.")
        save_config(self._config_path, replace(self.config(), database=str(path)))

    def database_path(self) -> Path:
        return Path(self._store.path)

    # --- where printed documents are saved ------------------------------------------------

    def document_folder(self) -> Path:
        """Chosen in Settings, per laptop; by default "Perisai Outreach" in the user's
        documents folder."""
        chosen = self._store.local_setting(DOCUMENT_FOLDER_KEY)
        return Path(chosen) if chosen else self._default_documents / "Perisai Outreach"

    def set_document_folder(self, folder: Path) -> Path:
        """Refuses a folder that cannot be made or written to, so the first print of the day
        does not fail in a village."""
        folder = folder.expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SetupRefused(f"Folder {folder} tidak bisa dibuat: {exc.strerror}.") from exc
        if not os.access(folder, os.W_OK):
            raise SetupRefused(f"Folder {folder} tidak bisa ditulisi; pilih folder lain.")
        self._store.set_local_setting(DOCUMENT_FOLDER_KEY, str(folder))
        return folder

    # --- this device and its user --------------------------------------------------------

    def device(self) -> DeviceIdentity:
        return self._store.device

    def receipt_prefix(self) -> PrefixStatus:
        """The prefix the next receipt is numbered with, and whether the branch server
        confirmed it reserved for this laptop."""
        return prefix_status(self._store)

    def set_device(self, name: str, receipt_prefix: str | None = None) -> DeviceIdentity:
        if not name.strip():
            raise SetupRefused("Nama perangkat wajib diisi.")
        try:
            return self._store.set_device(name.strip(), receipt_prefix)
        except ValueError as exc:
            raise SetupRefused(str(exc)) from exc

    def users(self) -> list[User]:
        return sorted(self._store.users.all(), key=lambda u: (u.role.value, u.full_name))

    def current_user(self) -> User | None:
        return current_user(self._store)

    def set_current_user(self, username: str) -> User:
        try:
            user = self._store.users.by_username(username)
        except NotFound as exc:
            raise SetupRefused(str(exc)) from exc
        self._store.set_local_setting(CURRENT_USER_KEY, username)
        return user

    def device_role(self) -> Role:
        """The role of whoever uses this laptop: the signed-in user's, else the one chosen at
        the first start (connect to the branch later), else agent."""
        user = self.current_user()
        if user is not None:
            return user.role
        chosen = self._store.local_setting(DEVICE_ROLE_KEY)
        return Role(chosen) if chosen in {r.value for r in Role} else Role.AGENT

    def first_run(self, answers: FirstRunAnswers) -> User | None:
        """An empty laptop gets its device name, receipt prefix, role and branch server; with
        an identity, also its branch and its user (returned)."""
        fields = (answers.full_name, answers.username, answers.branch_code, answers.device_name)
        if answers.with_identity and not all(value.strip() for value in fields):
            raise SetupRefused("Isi nama, nama pengguna, kode cabang dan nama perangkat.")
        server = server_address(answers.server)
        store = self._store
        self.set_device(answers.device_name, answers.receipt_prefix)
        store.set_local_setting(DEVICE_ROLE_KEY, answers.role.value)
        if server:
            store.set_local_setting(SERVER_KEY, server)
        if not answers.with_identity:
            return None
        with store.transaction():
            code = answers.branch_code.strip().upper()
            branches = [b for b in store.branches.all() if b.code == code]
            branch = branches[0] if branches else None
            if branch is None:
                branch = Branch(SyncStamp.new(), code, answers.branch_name.strip() or code, "")
                store.branches.add(branch)
            user = User(
                SyncStamp.new(),
                answers.username.strip().lower(),
                answers.full_name.strip(),
                answers.role,
                branch.stamp.id,
            )
            store.users.add(user)
            store.set_local_setting(CURRENT_USER_KEY, user.username)
        return store.users.by_username(user.username)

    # --- backups -------------------------------------------------------------------------

    def backup(self, target: Path, progress: Progress | None = None) -> Path:
        """A protected database's backup is encrypted with its key, and its key file goes
        beside it: the pair opens with the password (or the branch's key) on any laptop."""
        backup_database(self._store.path, target, progress, key=self._store.key)
        if self._store.key is not None and self._protection is not None:
            self._protection.copy_key_file(target)
        return target

    def check_backup(self, path: Path) -> str:
        return check_backup(path, self._store.key)

    def restore(self, backup: Path, progress: Progress | None = None) -> Path:
        """Returns the safety copy made of the database as it was before the restore."""
        safety = restore_database(
            self._store.db, self._store.path, backup, progress, key=self._store.key
        )
        if self._store.key is not None and self._protection is not None:
            self._protection.copy_key_file(safety)
        return safety

    # --- the password and the idle lock --------------------------------------------------

    def is_demo(self) -> bool:
        return is_demo_database(self._store) or Path(self._store.path).name == DEMO_DB_NAME

    @property
    def protection(self) -> Protection | None:
        """None for a database without a password (the demo, or one not protected yet)."""
        return self._protection if self._store.key is not None else None

    def idle_lock_minutes(self) -> int:
        chosen = self._store.local_setting(IDLE_LOCK_KEY)
        try:
            minutes = int(chosen) if chosen else DEFAULT_IDLE_LOCK_MINUTES
        except ValueError:
            minutes = DEFAULT_IDLE_LOCK_MINUTES
        return min(max(minutes, MIN_IDLE_LOCK_MINUTES), MAX_IDLE_LOCK_MINUTES)

    def set_idle_lock_minutes(self, minutes: int) -> int:
        if not MIN_IDLE_LOCK_MINUTES <= minutes <= MAX_IDLE_LOCK_MINUTES:
            raise SetupRefused(
                f"Kunci otomatis: antara {MIN_IDLE_LOCK_MINUTES} dan {MAX_IDLE_LOCK_MINUTES} menit."
            )
        self._store.set_local_setting(IDLE_LOCK_KEY, str(minutes))
        return minutes

    def install_branch_key(self, key_file: Path) -> BranchPublicKey:
        protection = self._require_protection()
        assert self._store.key is not None
        try:
            text = key_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SetupRefused(f"Berkas {key_file.name} tidak dapat dibaca.") from exc
        from outreach_app.services.keys import BranchPublicKey

        branch = BranchPublicKey.from_file_text(text)
        protection.set_branch_key(self._store.key, branch)
        return branch

    def _require_protection(self) -> Protection:
        if self.protection is None:
            raise SetupRefused("Basis data ini tidak dilindungi kata sandi.")
        return self.protection


def current_user(store: Store) -> User | None:
    username = store.local_setting(CURRENT_USER_KEY)
    if not username:
        return None
    try:
        return store.users.by_username(username)
    except NotFound:
        return None


def is_demo_database(store: Store) -> bool:
    """Filled by seed_demo, whatever the file is called (`init --demo --db any.db`): its
    window title and every printed page say demo."""
    return store.is_demo()

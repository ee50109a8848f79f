"""Settings of this laptop and its first start: device name and receipt prefix, who uses it,
language and database (kept in the config file), backups and restores.

Identity and language take effect at the next start, when the window is built for them; the
database content is the only thing a restore changes under the running app, so the app closes
after one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Branch, Role, SyncStamp, User
from outreach_app.settings import (
    CURRENT_USER_KEY,
    DEMO_MARK_KEY,
    AppConfig,
    load_config,
    save_config,
)
from outreach_app.storage.backup import backup_database, check_backup, restore_database
from outreach_app.storage.errors import NotFound
from outreach_app.storage.store import DeviceIdentity, Store

if TYPE_CHECKING:
    from outreach_app.services.reference_updates import ReferenceUpdates

Progress = Callable[[int, int], None]


class SetupRefused(DomainError):
    """A setting that cannot be saved as given (the message says why)."""


@dataclass(frozen=True, slots=True)
class FirstRunAnswers:
    full_name: str
    username: str
    role: Role
    branch_code: str
    branch_name: str
    device_name: str
    receipt_prefix: str


DOCUMENT_FOLDER_KEY = "document_folder"


class SetupService:
    """`reference`: the reference tables in force and their updates (None: not offered)."""

    def __init__(
        self,
        store: Store,
        config_path: Path,
        default_documents: Path | None = None,
        reference: ReferenceUpdates | None = None,
    ) -> None:
        self._store = store
        self._config_path = config_path
        self._default_documents = default_documents or Path.home() / "Documents"
        self.reference = reference

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

    def set_device(self, name: str, receipt_prefix: str) -> DeviceIdentity:
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

    def first_run(self, answers: FirstRunAnswers) -> User:
        """An empty laptop gets its branch, its user and its receipt prefix."""
        fields = (answers.full_name, answers.username, answers.branch_code, answers.device_name)
        if not all(value.strip() for value in fields):
            raise SetupRefused("Isi nama, nama pengguna, kode cabang dan nama perangkat.")
        store = self._store
        self.set_device(answers.device_name, answers.receipt_prefix)
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
        backup_database(self._store.path, target, progress)
        return target

    def check_backup(self, path: Path) -> str:
        return check_backup(path)

    def restore(self, backup: Path, progress: Progress | None = None) -> Path:
        """Returns the safety copy made of the database as it was before the restore."""
        return restore_database(self._store.db, self._store.path, backup, progress)


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
    return store.local_setting(DEMO_MARK_KEY) == "1"

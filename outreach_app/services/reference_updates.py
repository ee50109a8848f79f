"""New reference tables for this laptop, from a file a branch hands out or from the branch
server, for the command line and the Settings page.

From the server they come signed with the server's own key, the one the laptop learned when it
signed in (and checks answer bundles with): only a signed-in user gets them, and a table an
attacker made or altered on the way is refused. Each table is then checked and taken exactly
as a file would be (reference/library.py). A table older than the one this laptop has (say,
a newer one was taken from a file) is not a problem; it is simply not taken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_app.domain.errors import DomainError, RateTableError
from outreach_app.reference.library import (
    Origin,
    ReferenceLibrary,
    Source,
    Table,
    TableKind,
    read_table,
)
from outreach_app.storage.sync_state import SERVER_SIGNING_KEY

if TYPE_CHECKING:
    from outreach_app.services.sync import SyncService
    from outreach_app.sync.client import SyncClient


class ReferenceRefused(DomainError):
    """A reference download that cannot be trusted or read (the message says why)."""


@dataclass(frozen=True, slots=True)
class Taken:
    table: Table
    changed: bool  # False: this laptop had exactly this table already


@dataclass
class ServerUpdate:
    taken: list[Taken] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # a table the server has that was bad

    @property
    def changed(self) -> list[Table]:
        return [item.table for item in self.taken if item.changed]


class ReferenceUpdates:
    def __init__(self, library: ReferenceLibrary, sync: SyncService | None = None) -> None:
        self._library = library
        self._sync = sync

    @property
    def library(self) -> ReferenceLibrary:
        return self._library

    def tables(self) -> list[Table]:
        return self._library.tables()

    def import_file(self, path: Path) -> Taken:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise RateTableError(f"Berkas {path} tidak dapat dibaca: {exc.strerror}.") from exc
        table, changed = self._library.take(raw, str(path), Source.FILE)
        return Taken(table, changed)

    def can_ask_server(self) -> bool:
        return self._sync is not None and self._sync.signed_in()

    def server_job(self) -> Callable[[], ServerUpdate]:
        """Reads the server, token and key here (the database's thread) and returns the
        download, which may run on any thread: it touches files, not the database."""
        if self._sync is None:
            raise ReferenceRefused("Laptop ini tidak tersambung ke server cabang.")
        client = self._sync.connect()  # NotSignedIn when there is no token
        known_key = self._sync.state.setting(SERVER_SIGNING_KEY)
        library = self._library

        def download() -> ServerUpdate:
            with client:
                return fetch_from_server(client, known_key, library)

        return download

    def from_server(self) -> ServerUpdate:
        return self.server_job()()


def fetch_from_server(
    client: SyncClient, known_key: str | None, library: ReferenceLibrary
) -> ServerUpdate:
    """Downloads, checks the signature, then takes each table the server publishes."""
    from outreach_app.sync.bundle import BundleError, unpack

    try:
        body, key = unpack(client.reference(), "reference")
    except BundleError as exc:
        raise ReferenceRefused(f"Data referensi dari server tidak dapat dipakai: {exc}") from exc
    if not known_key or key != known_key:
        raise ReferenceRefused(
            "Data referensi ini tidak ditandatangani server cabang yang dikenal laptop ini; "
            "tidak diambil. Masuk lagi ke server cabang, atau tanyakan ke kantor cabang."
        )
    files = body.get("files")
    if not isinstance(files, dict):
        raise ReferenceRefused("Data referensi dari server rusak (tanpa daftar berkas).")
    where = client.base_url
    update = ServerUpdate()
    for kind in TableKind:
        text = files.get(kind.value)
        if not isinstance(text, str):
            continue
        raw = text.encode("utf-8")
        try:
            if _older_than_in_force(library, raw, where):
                continue
            table, changed = library.take(raw, where, Source.SERVER)
        except RateTableError as exc:
            update.refused.append(str(exc))
            continue
        update.taken.append(Taken(table, changed))
    return update


def _older_than_in_force(library: ReferenceLibrary, raw: bytes, where: str) -> bool:
    new = read_table(raw, where, Origin(Source.SERVER, where, None))
    current = library.table(new.kind)
    return bool(current.published and new.published and new.published < current.published)

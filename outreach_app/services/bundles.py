"""Sync bundles from the desktop: the agent's export and answer import, and the branch staff's
relay of an agent's bundle to the server, each runnable on a worker thread.

Like `SyncJobs`, the laptop's work opens its own connection to the database file, so the GUI
thread's connection stays with the GUI thread. Exporting marks nothing: a change is
acknowledged only when the answer to it comes back (`import_answer`), so a bundle lost on the
way costs nothing, exporting twice gives the same changes twice (the server keeps (device,
seq) unique), and importing the same answer twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_app.services.print_output import write_atomically
from outreach_app.services.server_trust import stored_trust
from outreach_app.services.setup import current_user
from outreach_app.services.sync import (
    ClientFactory,
    NotSignedIn,
    SyncReport,
    SyncService,
    export_bundle,
    http_client,
    import_answer,
)
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.store import Store
from outreach_app.storage.sync_state import SERVER_KEY, TOKEN_KEY

if TYPE_CHECKING:
    from outreach_app.sync.client import SyncClient

SUFFIX = ".bundle"  # as the command line's examples and tests name them


def bundle_file_name(kind: str, device_name: str, day: dt.date) -> str:
    """Whose it is and when, safe on any disk: "bundel-laptop-sml-2026-11-21.bundle"."""
    slug = re.sub(r"[^a-z0-9]+", "-", device_name.lower()).strip("-") or "laptop"
    return f"{kind}-{slug}-{day:%Y-%m-%d}{SUFFIX}"


def with_suffix(path: Path) -> Path:
    """The file as chosen, with the bundle extension added when the name has none of it."""
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def exporting_user(service: SyncService) -> str | None:
    """Whose bundle it is: the account this laptop signed in with, else its chosen user."""
    user = current_user(service.store)
    return service.username() or (user.username if user else None)


@dataclass(frozen=True, slots=True)
class ExportedBundle:
    path: Path
    changes: int
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class RelayedBundle:
    """The server's answer to an agent's bundle, for staff to read and hand back."""

    answer: bytes
    device_name: str
    username: str
    accepted: int
    already_had: int
    rejected: int
    pulled: int  # changes the answer carries back to the laptop
    reasons: tuple[str, ...]  # why changes were refused, each once

    @property
    def sent(self) -> int:
        return self.accepted + self.already_had + self.rejected


def relay_bundle(client: SyncClient, data: bytes) -> RelayedBundle:
    """Uploads an agent's bundle and reads the answer. The bundle is checked here first
    (kind, signature), so a damaged file is refused before anything leaves the laptop."""
    from outreach_app.sync.bundle import BundleError, unpack
    from outreach_app.sync.client import SyncUnavailable

    body, _key = unpack(data, "changes")
    answer = client.bundle(data)
    try:
        reply = check_answer(answer)
    except BundleError as exc:  # the server's reply, not the user's file, is at fault
        raise SyncUnavailable(f"Jawaban server tidak bisa dibaca: {exc}") from exc
    results = [r for r in reply.get("results", []) if isinstance(r, dict)]
    statuses = [str(r.get("status")) for r in results]
    reasons = [str(r.get("reason") or "ditolak server") for r in results
               if r.get("status") == "rejected"]  # fmt: skip
    return RelayedBundle(
        answer=answer,
        device_name=str(body.get("device_name") or body.get("device_id") or ""),
        username=str(body.get("username") or ""),
        accepted=statuses.count("accepted"),
        already_had=statuses.count("already_had"),
        rejected=statuses.count("rejected"),
        pulled=len(reply.get("changes", [])),
        reasons=tuple(dict.fromkeys(reasons)),
    )


def check_answer(data: bytes) -> dict[str, Any]:
    """The body of an answer bundle, every part of it checked before any of it is applied:
    a damaged or hand-made answer changes nothing rather than half of what it says."""
    from pydantic import ValidationError

    from outreach_app.sync.bundle import BundleError, unpack
    from outreach_app.sync.protocol import ChangeResults, PulledChanges

    body, _key = unpack(data, "answer")
    try:
        ChangeResults.model_validate(body.get("results", []))
        PulledChanges.model_validate(body.get("changes", []))
        int(body.get("cursor", 0))
    except (ValidationError, TypeError, ValueError) as exc:
        raise BundleError("Isi bundel jawaban rusak; minta kantor cabang membuatnya lagi.") from exc
    return body


class BundleJobs:
    """Bundle work for a worker thread: each job opens its own connection to `path` (with the
    database's `key` when it is protected)."""

    def __init__(
        self, path: Path, client: ClientFactory = http_client, key: DatabaseKey | None = None
    ) -> None:
        self._path = path
        self._client = client
        self._key = key

    @classmethod
    def of(cls, service: SyncService) -> BundleJobs:
        return cls(Path(service.store.path), service.client_factory, service.store.key)

    def export_to(self, target: Path, username: str) -> ExportedBundle:
        """Writes every unsent change, signed, to `target` (atomically: a full USB stick
        leaves no half file). Nothing in the database changes."""
        from outreach_app.services.receipts import ReceiptSigner  # cryptography: on first use

        with Store(self._path, key=self._key) as store:
            data, count = export_bundle(SyncService(store, self._client), ReceiptSigner(store),
                                        username)  # fmt: skip
        written = write_atomically(data, target)
        return ExportedBundle(written, count, len(data))

    def import_answer(self, source: Path) -> SyncReport:
        """Takes in the branch's answer exactly as a sync would; the same file twice is
        harmless."""
        data = source.read_bytes()
        check_answer(data)
        with Store(self._path, key=self._key) as store:
            return import_answer(SyncService(store, self._client), data)

    def relay(self, source: Path) -> RelayedBundle:
        """Staff: sends an agent's bundle to the branch server this laptop signed in to,
        with its token (the server checks that it is staff of the agent's branch)."""
        data = source.read_bytes()
        with Store(self._path, key=self._key) as store:
            server, token = store.local_setting(SERVER_KEY), store.local_setting(TOKEN_KEY)
            trust = stored_trust(store.local_setting, server or "")
        if not server or not token:
            raise NotSignedIn("Laptop ini belum masuk ke server cabang; masuk dulu.")
        with self._client(server, token, trust) as client:
            return relay_bundle(client, data)

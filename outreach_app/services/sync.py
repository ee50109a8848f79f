"""A sync run: push every unsent change, then pull what the server has for this laptop.

Push first, so the laptop's own edits reach the server before anything comes back over them.
Each batch is acknowledged only after the server answered it, in one transaction; a batch cut
off by a lost signal or a cancel is simply sent again, and the server, which keeps (device,
seq) unique, changes nothing the second time. Refused changes are parked with their reason
and the queue goes on. Each pulled page is applied, and the cursor moved past it, in one
transaction. Cancelling is safe between any two steps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_app.domain.errors import DomainError
from outreach_app.storage.store import Store
from outreach_app.storage.sync_state import (
    LAST_SYNC_KEY,
    SERVER_KEY,
    TOKEN_KEY,
    USERNAME_KEY,
    SyncState,
)

if TYPE_CHECKING:  # loaded on the first sync: httpx and pydantic are not start-up material
    from outreach_app.sync.client import SyncClient

Progress = Callable[[str, int, int], None]  # (stage, done, total)
ClientFactory = Callable[[str, str | None], "SyncClient"]


def http_client(server: str, token: str | None) -> SyncClient:
    from outreach_app.sync.client import SyncClient

    return SyncClient(server, token)


class NotSignedIn(DomainError):
    """No server or no token yet: sign in first."""


@dataclass
class SyncReport:
    pushed: int = 0
    already_had: int = 0
    rejected: int = 0
    pulled: int = 0
    applied: int = 0
    held: int = 0
    cancelled: bool = False
    rejections: list[str] = field(default_factory=list)
    held_reasons: list[str] = field(default_factory=list)


class SyncService:
    def __init__(self, store: Store, client: ClientFactory = http_client) -> None:
        self._store = store
        self._state = SyncState(store)
        self._client = client

    @property
    def state(self) -> SyncState:
        return self._state

    def jobs(self) -> SyncJobs:
        """The same sync, for a worker thread (its own connection to this database)."""
        return SyncJobs(Path(self._store.path), self._client)

    def status(self) -> SyncStatus:
        return status_of(self)

    def after_sync(self) -> None:
        """On the app's own connection once a worker's sync is done: its clock moves past
        every timestamp the sync saw."""
        self._store.refresh_clock()

    def discard(self, seq: int) -> None:
        self._state.discard(seq)

    def retry_parked(self) -> int:
        return self._state.retry_parked()

    def server(self) -> str | None:
        return self._state.setting(SERVER_KEY)

    def username(self) -> str | None:
        return self._state.setting(USERNAME_KEY)

    def signed_in(self) -> bool:
        return bool(self._state.setting(SERVER_KEY) and self._state.setting(TOKEN_KEY))

    def last_sync(self) -> str | None:
        return self._state.setting(LAST_SYNC_KEY)

    def sign_in(self, server: str, username: str, password: str) -> str:
        """Signs this device in once; the token is kept, the password never is."""
        from outreach_app.sync.protocol import SignInRequest

        with self._client(server, None) as client:
            answer = client.sign_in(
                SignInRequest(
                    username=username.strip(), password=password,
                    device_id=self._store.device.id, device_name=self._store.device.name,
                )
            )  # fmt: skip
        for key, value in ((SERVER_KEY, server.rstrip("/")), (TOKEN_KEY, answer.token),
                           (USERNAME_KEY, answer.username)):  # fmt: skip
            self._state.set_setting(key, value)
        return answer.role

    def sync(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> SyncReport:
        server, token = self._state.setting(SERVER_KEY), self._state.setting(TOKEN_KEY)
        if not server or not token:
            raise NotSignedIn("Laptop ini belum masuk ke server cabang; masuk dulu.")
        report = SyncReport()
        with self._client(server, token) as client:
            self._push(client, report, progress, cancelled)
            if not report.cancelled:
                self._pull(client, report, progress, cancelled)
        if not report.cancelled:
            self._state.set_setting(LAST_SYNC_KEY, dt.datetime.now().astimezone().isoformat(
                timespec="seconds"))  # fmt: skip
        report.held_reasons = sorted({reason for _t, _r, reason in self._state.held()})
        return report

    def _push(
        self,
        client: SyncClient,
        report: SyncReport,
        progress: Progress | None,
        cancelled: Callable[[], bool],
    ) -> None:
        from outreach_app.sync.protocol import MAX_PUSH_BATCH, Change, PushRequest

        state = self._state
        total = state.outgoing_count()
        done = 0
        while not (stop := cancelled()):
            batch = state.outgoing(MAX_PUSH_BATCH)
            if not batch:
                break
            answer = client.push(
                PushRequest(
                    device_id=self._store.device.id,
                    changes=[
                        Change(device_id=c.device_id, seq=c.seq, table=c.table, row_id=c.row_id,
                               op=c.op, fields=c.fields, hlc=c.hlc)  # type: ignore[arg-type]
                        for c in batch
                    ],
                )
            )  # fmt: skip
            by_seq = {c.seq: c for c in batch}
            acknowledged = []
            for result in answer.results:
                if result.status == "rejected":
                    state.park(result.seq, result.reason or "ditolak server")
                    report.rejected += 1
                    report.rejections.append(result.reason or "ditolak server")
                    continue
                acknowledged.append(result.seq)
                if result.status == "already_had":
                    report.already_had += 1
                else:
                    report.pushed += 1
                sent = by_seq.get(result.seq)
                if result.newer and sent is not None:
                    state.apply_newer(sent.table, sent.row_id, {
                        name: (write.value, write.version) for name, write in result.newer.items()
                    })  # fmt: skip
            state.acknowledge(acknowledged)
            done += len(batch)
            if progress:
                progress("push", done, max(total, done))
        report.cancelled = stop

    def _pull(
        self,
        client: SyncClient,
        report: SyncReport,
        progress: Progress | None,
        cancelled: Callable[[], bool],
    ) -> None:
        state = self._state
        cursor = state.cursor()
        while not (stop := cancelled()):
            page = client.pull(cursor)
            changes = [change.model_dump() for change in page.changes]
            applied = state.apply_pulled(changes, page.cursor)
            report.pulled += len(changes)
            report.applied += applied.applied
            report.held += applied.held
            cursor = page.cursor
            if progress:
                progress("pull", report.pulled, report.pulled + (1 if page.more else 0))
            if not page.more:
                break
        report.cancelled = stop


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the sync dialog show, read in a moment."""

    server: str | None
    username: str | None
    last_sync: str | None
    waiting: int  # changes not yet sent
    parked: int  # changes the server refused, waiting for the agent
    held: int  # changes from the server waiting here (duplicate NIK review)

    @property
    def signed_in(self) -> bool:
        return bool(self.server and self.username)


def status_of(service: SyncService) -> SyncStatus:
    state = service.state
    return SyncStatus(
        server=service.server(),
        username=service.username(),
        last_sync=service.last_sync(),
        waiting=state.outgoing_count(),
        parked=state.parked_count(),
        held=len(state.held()),
    )


class SyncJobs:
    """Sync runs on a worker thread, on a connection of its own to the same file: the app's
    connection stays with the GUI thread, and SQLite's WAL lets both work side by side."""

    def __init__(self, path: Path, client: ClientFactory = http_client) -> None:
        self._path = path
        self._client = client

    def sign_in(self, server: str, username: str, password: str) -> str:
        with Store(self._path) as store:
            return SyncService(store, self._client).sign_in(server, username, password)

    def sync(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
    ) -> SyncReport:
        with Store(self._path) as store:
            return SyncService(store, self._client).sync(progress, cancelled)

"""A sync run: push every unsent change, then pull what the server has for this laptop.

Push first, so the laptop's own edits reach the server before anything comes back over them.
Each batch is acknowledged only after the server answered it, in one transaction; a batch cut
off by a lost signal or a cancel is simply sent again, and the server, which keeps (device,
seq) unique, changes nothing the second time. Refused changes are parked with their reason
and the queue goes on. Each pulled page is applied, and the cursor moved past it, in one
transaction. Cancelling is safe between any two steps.

The network waits on a thread of its own, so the laptop's work overlaps the link's and the
server's: the next batch is read and encoded while the server judges this one, and leaves as
soon as this one's answer is in, before that answer is taken in (batches still reach the
server one after the other: a later one may need an earlier one's rows); the next page is on
its way while this one is applied. The database is only touched from the sync's own thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_app.domain.errors import DomainError
from outreach_app.services.receipt_prefix import settle_prefix
from outreach_app.services.rewind import (
    Rewound,
    fork_offline,
    fork_online,
    known_after,
    known_seq,
    went_back,
)
from outreach_app.services.server_trust import (
    PLAIN_HTTP_KEY,
    pinned_fingerprint,
    remember,
    stored_trust,
    trust_for_sign_in,
)
from outreach_app.services.sync_session import remember_expiry, renew_if_due, utc_now
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.store import Store
from outreach_app.storage.sync_lock import sync_lock
from outreach_app.storage.sync_state import (
    LAST_SYNC_KEY,
    SERVER_KEY,
    SERVER_SIGNING_KEY,
    TOKEN_KEY,
    USERNAME_KEY,
    OutgoingChange,
    SyncState,
)

if TYPE_CHECKING:  # loaded on the first sync: httpx and pydantic are not start-up material
    from outreach_app.reference.library import ReferenceLibrary
    from outreach_app.services.receipts import ReceiptSigner
    from outreach_app.sync.client import SyncClient
    from outreach_app.sync.protocol import ChangeResult, PullResponse, PushResponse
    from outreach_app.sync.tls import ServerTrust

PAGE = 500  # pulled changes applied per transaction
Progress = Callable[[str, int, int], None]  # (stage, done, total)
# (server, token, what the laptop trusts for it): every client to the server is made by one
ClientFactory = Callable[[str, "str | None", "ServerTrust"], "SyncClient"]


def http_client(server: str, token: str | None, trust: ServerTrust) -> SyncClient:
    from outreach_app.sync.client import SyncClient

    return SyncClient(server, token, trust=trust)


class NotSignedIn(DomainError):
    """No server or no token yet: sign in first."""


@dataclass
class SyncReport:
    pushed: int = 0
    already_had: int = 0
    rejected: int = 0
    pulled: int = 0
    applied: int = 0
    held: int = 0  # changes from the server still waiting here when the sync ended
    merged: int = 0  # records here the branch's duplicate review retired, received this time
    cancelled: bool = False
    reused: int = 0  # changes the server held another change under the same seq for
    new_device: bool = False  # this laptop was restored or copied: it now syncs as a new device
    rejections: list[str] = field(default_factory=list)
    held_reasons: list[str] = field(default_factory=list)
    reference: list[str] = field(default_factory=list)  # names of reference tables taken
    reference_problems: list[str] = field(default_factory=list)


class SyncService:
    """`reference`: where new reference tables from the server go after each sync (None: the
    sync leaves them alone). `clock`: the current UTC time, for renewing the token."""

    def __init__(
        self,
        store: Store,
        client: ClientFactory = http_client,
        reference: ReferenceLibrary | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._store = store
        self._state = SyncState(store)
        self._client = client
        self._reference = reference
        self._clock = clock
        self._known = 0  # during a sync: the highest seq the server holds from this database

    @property
    def state(self) -> SyncState:
        return self._state

    @property
    def store(self) -> Store:
        return self._store

    @property
    def client_factory(self) -> ClientFactory:
        """For other work that talks to the same server the same way (bundles)."""
        return self._client

    def jobs(self) -> SyncJobs:
        """The same sync, for a worker thread (its own connection to this database)."""
        return SyncJobs(Path(self._store.path), self._client, self._reference, self._store.key)

    def status(self) -> SyncStatus:
        return status_of(self)

    def after_sync(self) -> None:
        """On the app's own connection once a worker's sync is done: its clock moves past
        every timestamp the sync saw, and it writes as the device the sync left it (a new one,
        if the sync found this laptop restored or copied)."""
        self._store.refresh_clock()
        self._store.refresh_device()

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

    def plain_http_allowed(self) -> str:
        """The one address plain http:// was allowed for (testing, from the command line)."""
        return self._state.setting(PLAIN_HTTP_KEY) or ""

    def certificate_fingerprint(self) -> str | None:
        """The SHA-256 fingerprint of the branch certificate pinned here, if any."""
        return pinned_fingerprint(self._state.setting)

    def connect(self) -> SyncClient:
        """A client for the server this laptop signed in to (close it after use)."""
        server, token = self._state.setting(SERVER_KEY), self._state.setting(TOKEN_KEY)
        if not server or not token:
            raise NotSignedIn("Laptop ini belum masuk ke server cabang; masuk dulu.")
        return self._client(server, token, stored_trust(self._state.setting, server))

    def sign_in(
        self,
        server: str,
        username: str,
        password: str,
        fingerprint: str | None = None,
        allow_plain_http: bool | None = None,
    ) -> str:
        """Signs this device in once; the token is kept, the password never is. The server's
        certificate is checked (and pinned) first: services/server_trust.py. A server that
        holds more of this device than this database remembers makes it a new device at once."""
        from outreach_app.sync.protocol import SignInRequest

        server = server.strip().rstrip("/")
        trust, _first_use = trust_for_sign_in(
            self._state.setting, server, fingerprint, allow_plain_http
        )
        with sync_lock(self._store.path), self._client(server, None, trust) as client:
            answer = client.sign_in(
                SignInRequest(
                    username=username.strip(), password=password,
                    device_id=self._store.device.id, device_name=self._store.device.name,
                )
            )  # fmt: skip
            for key, value in ((SERVER_KEY, server), (TOKEN_KEY, answer.token),
                               (USERNAME_KEY, answer.username),
                               (SERVER_SIGNING_KEY, answer.server_key)):  # fmt: skip
                self._state.set_setting(key, value)
            remember(self._state.set_setting, server, trust)
            remember_expiry(self._state, answer.expires_at)
            if went_back((), answer.device_seq, known_seq(self._store)):
                fork_online(self._store, client)
            settle_prefix(self._store, client)  # reserved by the server, or one assigned
        return answer.role

    def sync(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> SyncReport:
        """One sync at a time per database file (storage/sync_lock.py: a second one, in this
        process or another, raises SyncBusy at once)."""
        with sync_lock(self._store.path):
            return self._sync(progress, cancelled)

    def _sync(self, progress: Progress | None, cancelled: Callable[[], bool]) -> SyncReport:
        report = SyncReport()
        merged_before = self._state.merged_count()
        for attempt in (1, 2):  # a laptop found restored or copied starts over as a new device
            client = self.connect()
            try:  # a token near its expiry traded first, its write flushed to disk at once
                if not cancelled():
                    renew_if_due(self._state, client, self._clock)
            except BaseException:
                client.close()
                raise
            self._known = known_seq(self._store)
            network = ThreadPoolExecutor(1, thread_name_prefix="sync-network")
            try:
                with client, self._state.replayable_writes():
                    self._push(client, network, report, progress, cancelled)
                    if not report.cancelled:
                        self._pull(client, network, report, progress, cancelled)
                    if not report.cancelled and self._reference is not None:
                        self._take_reference(client, self._reference, report)
                    if not report.cancelled:  # after a fork too: the new device's own
                        settle_prefix(self._store, client)
                break
            except Rewound:
                if attempt == 2:  # a new device cannot be behind the server: a server bug
                    raise
                with self.connect() as forking:
                    fork_online(self._store, forking)
                report.new_device = True
            finally:  # a page fetched ahead and no longer wanted is left to finish on its own
                network.shutdown(wait=False, cancel_futures=True)
        if not report.cancelled:
            self._state.set_setting(LAST_SYNC_KEY, _now_text())
        self.note_held(report)
        report.merged = self._state.merged_count() - merged_before
        return report

    def _take_reference(
        self, client: SyncClient, library: ReferenceLibrary, report: SyncReport
    ) -> None:
        """New reference tables the branch publishes, after the data: a failure here is told
        but never fails the sync (the data went through)."""
        from outreach_app.services.reference_updates import ReferenceRefused, fetch_from_server
        from outreach_app.sync.client import SyncDenied, SyncUnavailable

        try:
            update = fetch_from_server(client, self._state.setting(SERVER_SIGNING_KEY), library)
        except SyncDenied as exc:
            if exc.status != 404:  # 404: a server older than reference updates
                report.reference_problems.append(str(exc))
            return
        except (SyncUnavailable, ReferenceRefused) as exc:
            report.reference_problems.append(str(exc))
            return
        report.reference = [table.name for table in update.changed]
        report.reference_problems += update.refused

    def note_held(self, report: SyncReport) -> None:
        """What still waits here once a sync is done: a change held on one page may have been
        released by a later one (the branch's duplicate review settling it)."""
        held = self._state.held()
        report.held = len(held)
        report.held_reasons = sorted({reason for _t, _r, reason in held})

    def _push(
        self,
        client: SyncClient,
        network: ThreadPoolExecutor,
        report: SyncReport,
        progress: Progress | None,
        cancelled: Callable[[], bool],
    ) -> None:
        from outreach_app.sync.protocol import MAX_PUSH_BATCH, PushRequest

        state, device = self._state, self._store.device.id
        total = state.outgoing_count()
        done, stop = 0, False

        def encoded(changes: list[OutgoingChange]) -> PushRequest | None:
            # parked here what the server would refuse for its form (sync/sendable.py); a
            # batch left empty still goes (an empty push) so the ones behind it follow
            refused = self._park_unsendable(changes, report)
            sendable = [c for c in changes if c.seq not in refused] if refused else changes
            return PushRequest.of(device, sendable) if changes else None

        def send(request: PushRequest | None) -> Future[PushResponse] | None:
            nonlocal stop
            if request is None or (stop := cancelled()):
                return None
            return network.submit(client.push, request)

        batch = state.outgoing(MAX_PUSH_BATCH)
        sending = send(encoded(batch))
        while sending is not None:
            upcoming = state.outgoing(MAX_PUSH_BATCH, after=batch[-1].seq)  # while this batch
            request = encoded(upcoming)  # travels and is judged
            answer = sending.result()
            results = answer.results_for(c.seq for c in batch)
            self._known = known_after(self._known, results)
            if went_back(results, answer.device_seq, self._known):
                self.record_answers(batch, results, report)  # what was taken stays taken
                raise Rewound
            sending = send(request)  # on its way while this answer is taken in
            self.record_answers(batch, results, report)
            done += len(batch)
            if progress:
                progress("push", done, max(total, done))
            batch = upcoming
        report.cancelled = stop

    def _park_unsendable(self, changes: list[OutgoingChange], report: SyncReport) -> set[int]:
        from outreach_app.sync.sendable import unsendable

        refused = unsendable(changes)
        for seq, reason in refused.items():
            self._state.park(seq, reason)
            report.rejected += 1
            report.rejections.append(reason)
        return set(refused)

    def record_answers(
        self, sent: list[OutgoingChange], results: list[ChangeResult], report: SyncReport
    ) -> None:
        """The server's answer to each change sent: acknowledged, parked with its reason, and
        the newer writes it holds taken in."""
        state = self._state
        by_seq = {change.seq: change for change in sent}
        acknowledged = []
        for result in results:
            if result.status == "rejected":
                state.park(result.seq, result.reason or "ditolak server")
                report.rejected += 1
                report.rejections.append(result.reason or "ditolak server")
                continue
            if result.status == "seq_reused":  # not sent: it goes again under a new device id
                report.reused += 1
                continue
            acknowledged.append(result.seq)
            if result.status == "already_had":
                report.already_had += 1
            else:
                report.pushed += 1
            change = by_seq.get(result.seq)
            if result.newer and change is not None:
                state.apply_newer(change.table, change.row_id, {
                    name: (write.value, write.version) for name, write in result.newer.items()
                })  # fmt: skip
        state.acknowledge(acknowledged)

    def apply_pages(self, changes: list[dict[str, Any]], cursor: int, report: SyncReport) -> None:
        """Pulled changes (from the server or an answer bundle), a page per transaction."""
        for start in range(0, max(len(changes), 1), PAGE):
            page = changes[start : start + PAGE]
            last = cursor if start + PAGE >= len(changes) else int(page[-1]["server_seq"])
            applied = self._state.apply_pulled(page, last)
            report.pulled += len(page)
            report.applied += applied.applied
            report.held += applied.held

    def _pull(
        self,
        client: SyncClient,
        network: ThreadPoolExecutor,
        report: SyncReport,
        progress: Progress | None,
        cancelled: Callable[[], bool],
    ) -> None:
        state = self._state
        cursor = state.cursor()
        ahead: Future[PullResponse] | None = None
        while not (stop := cancelled()):
            page = (ahead or network.submit(client.pull, cursor)).result()
            if went_back((), page.device_seq, self._known):  # before the cursor moves past it
                raise Rewound
            ahead = network.submit(client.pull, page.cursor) if page.more else None
            changes = page.decoded()
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
    connection stays with the GUI thread, and SQLite's WAL lets both work side by side. `key`
    is the database's key when it is protected (the GUI's store hands its own)."""

    def __init__(
        self,
        path: Path,
        client: ClientFactory = http_client,
        reference: ReferenceLibrary | None = None,
        key: DatabaseKey | None = None,
    ) -> None:
        self._path = path
        self._client = client
        self._reference = reference
        self._key = key

    def sign_in(
        self, server: str, username: str, password: str, fingerprint: str | None = None
    ) -> str:
        with Store(self._path, key=self._key) as store:
            return SyncService(store, self._client).sign_in(server, username, password,
                                                            fingerprint)  # fmt: skip

    def sync(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
    ) -> SyncReport:
        with Store(self._path, key=self._key) as store:
            return SyncService(store, self._client, self._reference).sync(progress, cancelled)


def export_bundle(service: SyncService, signer: ReceiptSigner, username: str) -> tuple[bytes, int]:
    """(file bytes, changes in it): every unsent change of this laptop, signed with its
    device key. Exporting twice gives the same changes twice; importing both is harmless.
    Every unsent change goes as the current device, as a push sends them (a connection that
    had not yet heard that this laptop became a new device may have written the old id)."""
    from outreach_app.sync.bundle import pack, signed_bytes
    from outreach_app.sync.sendable import unsendable

    state = service.state
    store = service.store
    outgoing = state.outgoing(1_000_000)
    refused = unsendable(outgoing)  # the server would refuse the whole bundle for one of them
    changes = [
        {"device_id": store.device.id, "seq": c.seq, "table": c.table, "row_id": c.row_id,
         "op": c.op, "fields": c.fields, "hlc": c.hlc}
        for c in outgoing
        if c.seq not in refused
    ]  # fmt: skip
    body = {
        "kind": "changes",
        "device_id": store.device.id,
        "device_name": store.device.name,
        "username": username,
        "cursor": state.cursor(),
        "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "changes": changes,
    }
    signature, public_key = signer.sign(signed_bytes(body))
    return pack(body, signature, public_key), len(changes)


def _now_text() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def import_answer(service: SyncService, data: bytes) -> SyncReport:
    """Takes in the branch's answer to this laptop's bundle: the answer to each change sent,
    then the changes for this laptop, exactly as a sync would (and never beside one)."""
    with sync_lock(service.store.path):
        return _import_answer(service, data)


def _import_answer(service: SyncService, data: bytes) -> SyncReport:
    from outreach_app.sync.bundle import BundleError, unpack
    from outreach_app.sync.protocol import ChangeResult

    body, key = unpack(data, "answer")
    if body.get("device_id") != service.store.device.id:
        raise BundleError("Bundel jawaban ini untuk laptop lain.")
    known = service.state.setting(SERVER_SIGNING_KEY)
    if known is not None and key != known:
        raise BundleError(
            "Bundel jawaban ini tidak ditandatangani server cabang yang dikenal laptop ini; "
            "jangan dipakai, tanyakan ke kantor cabang."
        )
    sent = {c.seq: c for c in service.state.outgoing(1_000_000)}
    results = [ChangeResult.model_validate(r) for r in body.get("results", [])]
    held_there = known_after(known_seq(service.store), results)
    report = SyncReport()
    merged_before = service.state.merged_count()
    service.record_answers([sent[r.seq] for r in results if r.seq in sent],
                           [r for r in results if r.seq in sent], report)  # fmt: skip
    changes = list(body.get("changes", []))
    if went_back(results, int(body.get("device_seq", 0)), held_there):
        # restored or copied: a new device from now on, and the pulled changes left for the
        # next answer, which (to the new id) also brings the old id's changes this one left out
        fork_offline(service.store)
        report.new_device = True
    elif int(body.get("cursor", 0)) > service.state.cursor():
        service.apply_pages(changes, int(body["cursor"]), report)
    if known is None:  # never signed in: the first answer's key is the branch's from now on
        service.state.set_setting(SERVER_SIGNING_KEY, str(key))
    service.state.set_setting(LAST_SYNC_KEY, _now_text())  # a sync by file is a sync
    service.note_held(report)
    report.merged = service.state.merged_count() - merged_before
    service.after_sync()
    return report

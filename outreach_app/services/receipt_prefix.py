"""The laptop's side of receipt prefixes: number with one the server reserved for this device.

A new laptop numbers receipts with the prefix derived from its device id (domain/
receipt_prefix.py), which cannot collide in practice even if it never has signal. At sign-in
and after every sync it asks the server to reserve the prefix it numbers with; if another
device holds it (two copies of one laptop, a prefix typed by hand before prefixes were
reserved), the server assigns one and the laptop numbers its NEXT receipts with it: receipts
already issued keep their numbers (the counter goes on, never back). Once the server
confirmed a prefix, it is this device's for good: later syncs ask nothing more.

Staff who want readable numbers (SML01-000123) ask for a prefix from Settings
(`request_prefix`, signal needed): the server refuses one in use, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from outreach_app.domain.errors import DomainError
from outreach_app.domain.receipt_prefix import normalize_requested
from outreach_app.storage.device_fork import PREFIX_CONFIRMED_KEY
from outreach_app.storage.store import Store

if TYPE_CHECKING:
    from outreach_app.services.sync import SyncService
    from outreach_app.sync.client import SyncClient
    from outreach_app.sync.prefix_protocol import PrefixAnswer


class PrefixRefused(DomainError):
    """The server (or the rule) refused the prefix asked for; the message says why."""


@dataclass(frozen=True, slots=True)
class PrefixStatus:
    prefix: str  # what the next receipt is numbered with
    confirmed: bool  # the branch server reserved it for this device


def current_prefix(store: Store) -> str:
    """As stored (a sync on another connection may have switched it)."""
    return str(store.db.execute("SELECT receipt_prefix FROM device").fetchone()[0])


def prefix_status(store: Store) -> PrefixStatus:
    prefix = current_prefix(store)
    return PrefixStatus(prefix, store.local_setting(PREFIX_CONFIRMED_KEY) == prefix)


def settle_prefix(store: Store, client: SyncClient) -> PrefixStatus:
    """At sign-in and after a sync: the prefix in use reserved, or another one assigned and
    taken for the next receipts. Never fails the sync: a server without prefixes (404), one
    that refuses (a limit reached) or no signal leave the laptop on its own prefix, shown as
    not confirmed in Settings; the next sync asks again."""
    from outreach_app.sync.client import SyncDenied, SyncUnavailable
    from outreach_app.sync.prefix_protocol import PrefixRequest

    status = prefix_status(store)
    if status.confirmed:
        return status
    try:
        try:
            answer = client.reserve_prefix(PrefixRequest(prefix=status.prefix, intent="keep"))
        except SyncDenied as exc:
            if exc.status not in (409, 422):  # 409: another device's; 422: not a prefix now
                raise
            answer = client.reserve_prefix(PrefixRequest(prefix=None))
    except (SyncDenied, SyncUnavailable):
        return status
    return take(store, answer)


def request_prefix(service: SyncService, text: str) -> PrefixStatus:
    """A readable prefix staff asked for, reserved by the server for this device and used
    for the next receipts; PrefixRefused with the reason (the rule, another device's, no
    signal). All on the calling thread; the app splits it (`ask_server`, then `take`)."""
    return take(service.store, ask_server(service, text)())


def ask_server(service: SyncService, text: str) -> Callable[[], PrefixAnswer]:
    """Checks the prefix and makes the client here (it reads this laptop's settings); the
    returned call only talks to the server, so it may run on a worker thread. Both raise
    PrefixRefused with the reason."""
    from outreach_app.sync.client import SyncDenied, SyncUnavailable
    from outreach_app.sync.prefix_protocol import PrefixRequest

    try:
        prefix = normalize_requested(text)
    except ValueError as exc:
        raise PrefixRefused(str(exc)) from exc
    client = service.connect()

    def call() -> PrefixAnswer:
        try:
            with client:
                return client.reserve_prefix(PrefixRequest(prefix=prefix, intent="request"))
        except (SyncDenied, SyncUnavailable) as exc:
            raise PrefixRefused(str(exc)) from exc

    return call


def take(store: Store, answer: PrefixAnswer) -> PrefixStatus:
    """The server's answer, on the thread that owns `store`: number the next receipts with
    the prefix it reserved."""
    if current_prefix(store) != answer.prefix:
        store.switch_receipt_prefix(answer.prefix)
    store.set_local_setting(PREFIX_CONFIRMED_KEY, answer.prefix)
    return PrefixStatus(answer.prefix, True)

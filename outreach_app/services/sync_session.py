"""The laptop's side of token expiry: remember when the server's token stops working, and
trade it for a new one while it still works.

The server's tokens live 30 days. The laptop renews at the start of any sync in the last
RENEW_WHEN_LEFT of that time, so an agent who syncs at least every two weeks or so never types
the password again, and one back from a longer trip signs in once more (the server answers
401, and the app asks for the password as it does for a revoked token). Renewal retires the
old token at once: if the answer is lost on the way, the next request is refused and the agent
signs in again; nothing on the laptop is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from outreach_app.storage.sync_state import TOKEN_KEY, SyncState

if TYPE_CHECKING:
    from outreach_app.sync.client import SyncClient

TOKEN_EXPIRES_KEY = "sync_token_expires"
RENEW_WHEN_LEFT = dt.timedelta(days=15)
NOT_KNOWN = "-"  # signed in to a server that gives no expiry: renewal is tried once


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def remember_expiry(state: SyncState, expires_at: str | None) -> None:
    state.set_setting(TOKEN_EXPIRES_KEY, expires_at or NOT_KNOWN)


def renewal_due(expires_at: str | None, now: dt.datetime) -> bool:
    """Whether to renew now: in the last RENEW_WHEN_LEFT, or the expiry was never asked
    (signed in before the laptop knew of expiry: the renewal's answer will tell)."""
    if expires_at == NOT_KNOWN:
        return False
    if not expires_at:
        return True
    try:
        expires = dt.datetime.fromisoformat(expires_at)
    except ValueError:
        return True
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=dt.UTC)
    return expires - now < RENEW_WHEN_LEFT


def renew_if_due(
    state: SyncState,
    client: SyncClient,
    clock: Callable[[], dt.datetime] = utc_now,
) -> bool:
    """Renews the token when due (the client goes on with the new one). A server without
    renewal (404) is left alone; any other refusal is raised for the sync to report (401:
    sign in again)."""
    from outreach_app.sync.client import SyncDenied

    known = state.setting(TOKEN_EXPIRES_KEY)
    if not renewal_due(known, clock()):
        return False
    try:
        answer = client.renew_token()
    except SyncDenied as exc:
        if exc.status == 404:  # an older server: its tokens do not expire
            remember_expiry(state, None)
            return False
        raise
    state.set_setting(TOKEN_KEY, answer.token)
    remember_expiry(state, answer.expires_at)
    return True

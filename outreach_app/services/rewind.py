"""A laptop that went back in time loses nothing: it finds out, and becomes a new device.

The signals, from the server: a pushed change answered `seq_reused` (the server holds another
change under that seq of this device), or the server holding a seq of this device higher than
this outbox ever issued (`device_seq` in push, pull, sign-in and bundle answers). Either means
this database is older than its device id's history: a restored backup, a copy on a second
laptop, a virtual machine rolled back. It then gets a new device id (from the server, bound to
the same account, when online; made here for bundles, the server binds it to the signing key
on first sight) and its unsent changes move to it (storage/device_fork.py), so:

- nothing made here is counted as sent before the server took it under the new id;
- everything the old id sent after this database's moment (from before the restore, or from
  the other copy) is no longer "this laptop's own" and comes back by the ordinary pull from
  the cursor this database had, which always lies before it: a pull page is checked before it
  is applied, so the cursor never moves past a change of this device that the laptop lacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from outreach_app.domain.ids import uuid7
from outreach_app.storage.device_fork import (
    acknowledged_high_water,
    become_device,
    clear_rewind_notice,
    rewind_notice,
)
from outreach_app.storage.store import Store
from outreach_app.storage.sync_state import TOKEN_KEY

if TYPE_CHECKING:
    from outreach_app.sync.client import SyncClient
    from outreach_app.sync.protocol import ChangeResult

REWOUND_STATUS = "seq_reused"


class Rewound(Exception):
    """Raised inside a sync that found the laptop went back in time: it stops what it was
    doing (after taking in the answer in hand), becomes a new device and starts over."""


def known_seq(store: Store) -> int:
    """Where a sync starts from: the highest seq the server acknowledged to this database."""
    return acknowledged_high_water(store)


def known_after(known: int, results: Iterable[ChangeResult]) -> int:
    """The bound after a push answer: the server now holds the changes it took."""
    taken = [r.seq for r in results if r.status in ("accepted", "already_had")]
    return max([known, *taken])


def went_back(results: Iterable[ChangeResult], device_seq: int, known: int) -> bool:
    """Whether the server's answer shows that this database is older than its device id:
    another change under one of its seqs, or a seq of its device beyond any the server ever
    acknowledged to it (`known`)."""
    return any(result.status == REWOUND_STATUS for result in results) or device_seq > known


def fork_online(store: Store, client: SyncClient) -> str:
    """Asks the server (with the current token) for a new device id of the same account and
    becomes it. Returns the new id. A crash between the two leaves an unused id on the server
    and this laptop as it was: the next sync finds the same and asks again."""
    from outreach_app.sync.devices import DEVICE_NAME_LENGTH, ForkRequest

    answer = client.fork_device(ForkRequest(device_name=store.device.name[:DEVICE_NAME_LENGTH]))
    become_device(store, answer.device_id, answer.token, TOKEN_KEY)
    return answer.device_id


def fork_offline(store: Store) -> str:
    """For bundles (no signal at all): the new id is made here; the server binds it to this
    laptop's signing key when its first bundle arrives. The old token belonged to the old id,
    so it is dropped: signing in again later binds the new id to the account."""
    device_id = uuid7()
    become_device(store, device_id, None, TOKEN_KEY)
    return device_id


NEW_DEVICE_NOTICE = (
    "Laptop ini dipulihkan dari cadangan atau disalin: kini tersinkron sebagai perangkat baru; "
    "tidak ada data yang hilang."
)


def notice_pending(store: Store) -> bool:
    """Whether the agent has yet to be told that this laptop became a new device (the sync
    that found it may have been the command line's or a background one)."""
    return rewind_notice(store) is not None


def notice_told(store: Store) -> None:
    """The agent has read it: told once."""
    clear_rewind_notice(store)

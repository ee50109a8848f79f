"""A laptop becoming a new device (storage/device_fork.py) and the sync lock: the re-keying is
one transaction that moves only unsent work, and the bound the rewind check uses counts only
what the server acknowledged."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_app.domain.models import Branch, SyncStamp
from outreach_app.storage.device_fork import (
    PREFIX_CONFIRMED_KEY,
    acknowledged_high_water,
    become_device,
    clear_rewind_notice,
    rewind_notice,
)
from outreach_app.storage.store import Store, default_receipt_prefix
from outreach_app.storage.sync_lock import SyncBusy, lock_path, sync_lock
from outreach_app.storage.sync_state import TOKEN_KEY, SyncState


def outbox(store: Store) -> list[tuple[int, str, str | None, str | None]]:
    return store.db.execute(
        "SELECT seq, device_id, acked_at, rejected_reason FROM outbox ORDER BY seq"
    ).fetchall()


def add_branches(store: Store, count: int) -> None:
    for _ in range(count):
        code = f"B{store.db.execute('SELECT count(*) FROM branches').fetchone()[0]}"
        store.branches.add(Branch(SyncStamp.new(), code, f"Cabang {code}", "8171"))


def test_only_unsent_work_moves_to_the_new_device(store: Store) -> None:
    add_branches(store, 4)
    state = SyncState(store)
    state.acknowledge([1, 2])
    state.park(3, "ditolak")
    old = store.device.id
    store.set_local_setting(TOKEN_KEY, "token-lama")
    assert store.device.receipt_prefix == default_receipt_prefix(old)

    moved = become_device(store, "perangkat-baru", "token-baru", TOKEN_KEY)
    assert moved == 2
    assert [(seq, device, reason) for seq, device, _at, reason in outbox(store)] == [
        (1, old, None), (2, old, None), (3, "perangkat-baru", None), (4, "perangkat-baru", None),
    ]  # fmt: skip
    assert store.device.id == "perangkat-baru"
    assert store.local_setting(TOKEN_KEY) == "token-baru"
    assert store.pending_changes() == 2  # nothing counted as sent
    assert store.device.receipt_prefix == default_receipt_prefix("perangkat-baru")
    add_branches(store, 1)  # the store's own writer writes as the new device at once
    assert outbox(store)[-1][1] == "perangkat-baru"
    assert rewind_notice(store) == old
    clear_rewind_notice(store)
    assert rewind_notice(store) is None


def test_a_chosen_prefix_stays_the_old_device_s_and_no_token_means_sign_in_again(
    store: Store,
) -> None:
    """The other copy keeps numbering under the chosen prefix: the new device gets its own
    derived one (not confirmed by the server yet), so the two never number alike."""
    store.set_device("laptop-sml", "SML")
    store.set_local_setting(TOKEN_KEY, "token-lama")
    store.set_local_setting(PREFIX_CONFIRMED_KEY, "SML")
    become_device(store, "perangkat-baru", None, TOKEN_KEY)
    assert store.device.receipt_prefix == default_receipt_prefix("perangkat-baru") != "SML"
    assert store.local_setting(PREFIX_CONFIRMED_KEY) is None
    assert store.local_setting(TOKEN_KEY) is None


def test_another_connection_learns_the_new_device(store: Store, tmp_path: Path) -> None:
    with Store(store.path) as other:  # the sync's own connection makes the fork
        become_device(other, "perangkat-baru", None, TOKEN_KEY)
    assert store.device.id != "perangkat-baru"
    store.refresh_device()  # as the app does after a sync
    add_branches(store, 1)
    assert outbox(store)[-1][1] == "perangkat-baru"


def test_the_bound_counts_only_what_the_server_acknowledged(store: Store) -> None:
    add_branches(store, 5)
    state = SyncState(store)
    assert acknowledged_high_water(store) == 0
    state.acknowledge([1, 2])
    state.park(4, "ditolak")
    state.discard(4)  # acknowledged here, never taken by the server
    assert acknowledged_high_water(store) == 2


def test_one_sync_lock_at_a_time(tmp_path: Path) -> None:
    database = tmp_path / "outreach.db"
    with (
        sync_lock(database),
        pytest.raises(SyncBusy, match="sedang berjalan"),
        sync_lock(database),
    ):
        pass
    with sync_lock(database):  # released, whatever happened inside
        pass
    assert lock_path(database).exists()

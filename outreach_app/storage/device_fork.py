"""A laptop that went back in time becomes a new device, keeping all of its work.

Restoring a backup, copying the database to a second laptop or rolling a virtual machine back
leaves a laptop whose outbox numbers new work with sequence numbers its device id already
used, and whose own later changes (made before the restore, or by the other copy) the server
never sends back: a pull leaves out the puller's own changes. The sync detects it (the server
holds a different change under one of its seqs, or a seq higher than any it acknowledged
to this database) and calls `become_device`: one transaction gives the laptop the new id (and the
receipt prefix made from it, when the prefix was the one made from the old id: two copies
would otherwise number receipts alike; a prefix the agent chose stays), re-keys every
unsent change to it (its seqs were never used by the new id, so they stay; what the server
had refused is sent again: it may have been refused only because an earlier change of the
same batch was a reused seq), keeps the receipt-signing public key under the new id, and
leaves a notice for the agent. Everything the old id sent, from either copy, then reaches
this laptop by the ordinary pull, and re-applying what it already holds changes nothing.
"""

from __future__ import annotations

from outreach_app.storage.store import Store, default_receipt_prefix

REWIND_NOTICE_KEY = "rewind_notice"  # the old device id, until the agent has been told
# the receipt prefix the server last confirmed reserved for this device (services/receipt_prefix)
PREFIX_CONFIRMED_KEY = "receipt_prefix_confirmed"


def acknowledged_high_water(store: Store) -> int:
    """The highest seq the server acknowledged to this database (not counting refused
    changes the agent discarded). Seqs come from one AUTOINCREMENT that never goes back, so
    the server can hold a higher seq of this laptop's device only if it got it from another
    copy of the database, or from this one before it was restored: the laptop went back in
    time. (The highest seq issued is no bound: the agent may write while a sync runs, and
    those seqs, not yet sent, could hide another copy's changes under the same numbers.)
    One pass over the unsent rows at the top of the outbox, once a sync."""
    row = store.db.execute(
        "SELECT max(seq) FROM outbox WHERE acked_at IS NOT NULL AND rejected_reason IS NULL"
    ).fetchone()
    return int(row[0] or 0)


def become_device(store: Store, device_id: str, token: str | None, token_key: str) -> int:
    """Makes this laptop the device `device_id`, all in one transaction; `token`: the new
    device's token (None: the old one is dropped, as it belongs to the old id; the laptop
    signs in again). Returns how many unsent changes now travel under the new id."""
    db, old = store.db, store.device.id
    prefix = default_receipt_prefix(device_id)  # the old one stays the other copy's
    with store.transaction():
        db.execute("UPDATE device SET id = ?, receipt_prefix = ?", [device_id, prefix])
        db.execute("DELETE FROM local_settings WHERE key = ?", [PREFIX_CONFIRMED_KEY])
        moved = db.execute(
            "UPDATE outbox SET device_id = ?, rejected_reason = NULL WHERE acked_at IS NULL",
            [device_id],
        ).rowcount
        db.execute(
            "INSERT OR IGNORE INTO signing_keys (device_id, device_name, public_key, created_at) "
            "SELECT ?, device_name, public_key, created_at FROM signing_keys WHERE device_id = ?",
            [device_id, old],
        )
        if token is None:
            db.execute("DELETE FROM local_settings WHERE key = ?", [token_key])
        else:
            _set(store, token_key, token)
        _set(store, REWIND_NOTICE_KEY, old)
    store.refresh_device()
    return int(moved)


def rewind_notice(store: Store) -> str | None:
    """The device id this laptop had before it became a new one, until the agent was told."""
    return store.local_setting(REWIND_NOTICE_KEY)


def clear_rewind_notice(store: Store) -> None:
    with store.transaction():
        store.db.execute("DELETE FROM local_settings WHERE key = ?", [REWIND_NOTICE_KEY])


def _set(store: Store, key: str, value: str) -> None:
    store.db.execute(
        "INSERT INTO local_settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )

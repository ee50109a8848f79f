"""Flags a receipt number another device already used (two copies of a laptop, or two
laptops given the same prefix by hand before prefixes were reserved by the server).

The receipt is accepted all the same: the money was taken and the participant holds the
paper, so refusing it would only hide it from the branch. What the branch needs is to know,
so the clash goes to the server's audit log (`outreach server audit`: events
`receipt_reused`, `receipt_foreign_prefix`) in the transaction that accepts the receipt, and
the laptops' pulls already hold the second one with its own reason (storage/receipt_counter).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection

from outreach_app.server.store.batch import RowBatch
from outreach_app.server.store.receipt_prefixes import note_receipt
from outreach_app.server.store.sessions import stamp
from outreach_app.server.store.store import Session, StoredRecord


def watch_new_receipt(
    rows: RowBatch, session: Session, record: StoredRecord, now: Callable[[], dt.datetime]
) -> None:
    """Call for a payment row a change creates; its number is checked once the batch is
    written (after_flush: same transaction, so a refused batch notes nothing)."""
    number = record.data.get("receipt_no")
    if not isinstance(number, str):
        return
    device, account = session.device_id, session.account.username

    def note(conn: Connection) -> None:
        note_receipt(conn, number, record.row_id, device, record.branch_id, account,
                     stamp(now()))  # fmt: skip

    rows.after_flush(note)

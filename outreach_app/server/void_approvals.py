"""An approved void request voids its receipt on the server, as the server's own change.

Staff approve on a laptop that may be offline, and two staff members may decide the same
request apart. So the approving laptop writes only the decision; the receipt is voided here,
once, when the server accepts the first decision (server/void_rules.py refuses any later
one), and every laptop that holds the receipt (the approver's too) pulls the void. A late
approval therefore never voids anything anywhere, and a refusal never leaves a voided receipt
on the laptop of whoever approved too late.

The change is written like the duplicate reviews' merges (server/duplicate_reviews.py): under
the branch's server device, numbered and logged like a laptop's, stamped later than every
version of the receipt.
"""

from __future__ import annotations

import time

from sqlalchemy import Connection

from outreach_app.domain.hlc import HybridClock, Timestamp
from outreach_app.domain.synced_tables import natural_key
from outreach_app.domain.versions import hlc_of, version
from outreach_app.server.store import reviews as queue
from outreach_app.server.store.store import ServerStore, Session, StoredRecord


def void_approved(
    store: ServerStore, conn: Connection, session: Session, request: StoredRecord
) -> None:
    """Voids the receipt of an approved request (inside the push's transaction, after the
    batch is written); nothing when the receipt is already void."""
    payment = store.record(conn, "payments", str(request.data.get("payment_id")))
    if payment is None or payment.data.get("voided"):
        return
    decided = str(request.data.get("decision_reason") or "")
    fields = {"voided": 1, "void_reason": f"{request.data.get('reason')} (disetujui: {decided})"}
    clock = HybridClock(lambda: int(time.time() * 1000))
    for seen in store.versions(conn, "payments", payment.row_id).values():
        clock.observe(Timestamp.decode(hlc_of(seen)))
    hlc = clock.tick().encode()
    device = queue.server_device(session.account.branch_code)
    stamp = version(hlc, device)
    data = {**payment.data, **fields}
    updated = StoredRecord("payments", payment.row_id, data, payment.branch_id,
                           payment.village_id, payment.owner_id)  # fmt: skip
    store.save_record(conn, updated, dict.fromkeys(fields, stamp), natural_key("payments", data))
    change = {
        "device_id": device, "seq": queue.next_seq(conn, device), "table": "payments",
        "row_id": payment.row_id, "op": "update", "fields": fields, "hlc": hlc,
    }  # fmt: skip
    store.log_change(conn, change, session.account.id, updated)

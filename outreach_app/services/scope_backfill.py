"""An agent newly assigned a village receives what that village already holds.

Pulls go by cursor: a laptop gets every change after its cursor within its scope. When staff
assign a village to an agent, the village's older records sit below that agent's cursor and
would never arrive. So the transaction that accepts the assignment also logs a snapshot of
each of the village's rows addressed to that agent alone (owner = the agent, no village:
other agents and staff do not receive it), carrying each field's version, so the laptop
merges it field by field exactly like the writes it sums up and never overwrites a newer or
unsent edit of its own.
"""

from __future__ import annotations

from sqlalchemy import Connection

from outreach_app.domain.versions import hlc_of
from outreach_app.storage.server import reviews as server_changes
from outreach_app.storage.server.store import ServerStore, StoredRecord


def snapshot_village(
    store: ServerStore,
    conn: Connection,
    branch_code: str,
    account_id: int,
    village: StoredRecord,
    agent_id: str,
) -> int:
    """Logs the snapshot of `village`'s rows for `agent_id`; returns how many rows."""
    device = server_changes.server_device(branch_code)
    seq = server_changes.next_seq(conn, device)
    rows = store.village_records(conn, village.branch_id, village.row_id)
    versions = store.versions_of(conn, [(row.table, row.row_id) for row in rows])
    for row in rows:
        known = versions[(row.table, row.row_id)]
        base = known.get("*") or max(known.values(), default=None)
        if base is None:  # no version at all: not a row any laptop wrote
            continue
        per_field = {name: known.get(name, base) for name in row.data}
        change = {
            "device_id": device, "seq": seq, "table": row.table, "row_id": row.row_id,
            "op": "snapshot", "fields": row.data, "versions": per_field,
            "hlc": hlc_of(max(per_field.values(), default=base)),
        }  # fmt: skip
        addressed = StoredRecord(row.table, row.row_id, {}, row.branch_id, None, agent_id)
        store.log_change(conn, change, account_id, addressed)
        seq += 1
    return len(rows)

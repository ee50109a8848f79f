"""An agent newly assigned a village receives what that village already holds.

Pulls go by cursor: a laptop gets every change after its cursor within its scope. When staff
assign a village to an agent, the village's older records sit below that agent's cursor and
would never arrive. So the transaction that accepts the assignment also logs a snapshot of
each of the village's rows addressed to that agent alone (owner = the agent, no village:
other agents and staff do not receive it), carrying each field's version, so the laptop
merges it field by field exactly like the writes it sums up and never overwrites a newer or
unsent edit of its own.

The same holds when a participant moves to another village (his address corrected): his
heirs and receipts are filed under the new village with him, and the new village's agents
who never held him receive him and them the same way.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection

from outreach_app.domain.synced_tables import natural_key
from outreach_app.domain.versions import hlc_of
from outreach_app.server.store import reviews as server_changes
from outreach_app.server.store.store import ServerStore, StoredRecord


def snapshot_village(
    store: ServerStore,
    conn: Connection,
    branch_code: str,
    account_id: int,
    village: StoredRecord,
    agent_id: str,
) -> int:
    """Logs the snapshot of `village`'s rows for `agent_id`; returns how many rows."""
    rows = store.village_records(conn, village.branch_id, village.row_id)
    return _log_snapshots(store, conn, branch_code, account_id, rows, agent_id)


def refile_moved_participant(
    store: ServerStore,
    conn: Connection,
    branch_code: str,
    account_id: int,
    person: StoredRecord,
    old_village: str | None,
) -> int:
    """A participant moved to another village (a correction of his address): his heirs and
    receipts are filed under the new village too, so what changes there reaches the new
    village's agents; and those agents, who had no reason to hold him before (neither his
    agent nor assigned his old village), receive him whole. Returns the snapshots logged."""
    children = []
    for table in ("heirs", "payments", "payment_settlements"):
        for child in store.records_by_key(conn, table, person.row_id):
            if child.village_id != person.village_id:
                child = replace(child, village_id=person.village_id)
                store.save_record(conn, child, {}, natural_key(child.table, child.data))
            children.append(child)
    if person.village_id is None:
        return 0
    new_agents = _agents_of(store, conn, person.branch_id, person.village_id)
    old_agents = _agents_of(store, conn, person.branch_id, old_village) if old_village else set()
    rows = [person, *children]
    logged = 0
    for agent_id in sorted(new_agents - old_agents - {person.owner_id}):
        logged += _log_snapshots(store, conn, branch_code, account_id, rows, agent_id)
    return logged


def _agents_of(store: ServerStore, conn: Connection, branch_id: str, village_id: str) -> set[str]:
    """The agents with a live visit in the village (its scope for them)."""
    return {
        str(row.owner_id)
        for row in store.village_records(conn, branch_id, village_id)
        if row.table == "visit_plans" and row.owner_id and not row.data.get("deleted")
    }


def _log_snapshots(
    store: ServerStore,
    conn: Connection,
    branch_code: str,
    account_id: int,
    rows: list[StoredRecord],
    agent_id: str,
) -> int:
    """Each row as the server holds it, with every field's version, addressed to `agent_id`
    alone (owner = the agent, no village: no one else pulls it)."""
    device = server_changes.server_device(branch_code)
    seq = server_changes.next_seq(conn, device)
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

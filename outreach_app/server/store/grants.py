"""The villages staff granted each agent (`village_grants`), read and written for one batch.

A batch's own grants must be what its next change reads (a visit assigned, then a receipt in
that village), so `GrantBatch` keeps them in memory like `RowBatch` keeps rows, and writes
them when the batch is flushed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select

from outreach_app.server.store.json_text import loads
from outreach_app.server.store.tables import records, village_grants


def _grants_of(conn: Connection, agent_id: str) -> dict[str, str]:
    """visit id -> village, for the visits granting this agent a village."""
    query = select(village_grants.c.visit_id, village_grants.c.village_id).where(
        village_grants.c.agent_id == agent_id
    )
    return {str(visit): str(village) for visit, village in conn.execute(query)}


def granted_villages(conn: Connection, agent_id: str) -> set[str]:
    return set(_grants_of(conn, agent_id).values())


class GrantBatch:
    """Grants as the batch has left them: (visit id) -> (branch, agent, village) or None."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._read: dict[str, dict[str, str]] = {}
        self._pending: dict[str, tuple[str, str, str] | None] = {}

    def villages(self, agent_id: str) -> set[str]:
        if agent_id not in self._read:
            self._read[agent_id] = _grants_of(self._conn, agent_id)
        by_visit = dict(self._read[agent_id])
        for visit, grant in self._pending.items():
            if grant is not None and grant[1] == agent_id:
                by_visit[visit] = grant[2]
            else:
                by_visit.pop(visit, None)
        return set(by_visit.values())

    def set(self, visit_id: str, grant: tuple[str, str, str] | None) -> None:
        """(branch, agent, village) for a visit staff assigned; None when it grants nothing."""
        self._pending[visit_id] = grant

    def flush(self) -> None:
        if not self._pending:
            return
        ids = list(self._pending)
        for start in range(0, len(ids), 500):
            self._conn.execute(
                delete(village_grants).where(
                    village_grants.c.visit_id.in_(ids[start : start + 500])
                )
            )
        rows = [
            {"visit_id": visit, "branch_id": g[0], "agent_id": g[1], "village_id": g[2]}
            for visit, g in self._pending.items()
            if g is not None
        ]
        if rows:
            self._conn.execute(insert(village_grants), rows)
        self._pending = {}
        self._read = {}


def grant_existing_visits(conn: Connection) -> None:
    """Schema 4's first grants: every live visit held before it counts as assigned (the
    server could not tell before who planned it)."""
    query = select(records.c.row_id, records.c.branch_id, records.c.owner_id,
                   records.c.village_id, records.c.data).where(
        records.c.table_name == "visit_plans", records.c.owner_id.is_not(None),
        records.c.village_id.is_not(None),
    )  # fmt: skip
    rows: list[dict[str, Any]] = [
        {"visit_id": row.row_id, "branch_id": row.branch_id, "agent_id": row.owner_id,
         "village_id": row.village_id}
        for row in conn.execute(query)
        if not loads(row.data).get("deleted")
    ]  # fmt: skip
    if rows:
        conn.execute(insert(village_grants), rows)

"""Visit plans and the audit log: what agents planned and did, and who changed what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from outreach_app.domain.models import VisitPlan, VisitStatus
from outreach_app.storage.changes import ChangeWriter
from outreach_app.storage.repository import SyncedRepository


class VisitRepository(SyncedRepository[VisitPlan]):
    table, record_type, label = "visit_plans", VisitPlan, "Rencana kunjungan"

    def for_agent(self, agent_id: str, start: dt.date, end: dt.date) -> list[VisitPlan]:
        return self._where(
            "agent_id = ? AND visit_date BETWEEN ? AND ?",
            [agent_id, start.isoformat(), end.isoformat()],
            order_by="visit_date",
        )

    def between(self, start: dt.date, end: dt.date) -> list[VisitPlan]:
        return self._where(
            "visit_date BETWEEN ? AND ?",
            [start.isoformat(), end.isoformat()],
            order_by="visit_date",
        )

    def villages_of_agent(self, agent_id: str) -> set[str]:
        cursor = self._db.execute(
            "SELECT DISTINCT village_id FROM visit_plans WHERE deleted = 0 AND agent_id = ?",
            [agent_id],
        )
        return {row[0] for row in cursor}

    def matching(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        *,
        agent_id: str | None = None,
        village_id: str | None = None,
        status: VisitStatus | None = None,
        branch_id: str | None = None,
    ) -> list[VisitPlan]:
        """Visits meeting every criterion given (None: any), by date: the Visits page's list.

        A visit belongs to the branch of its village, so staff see visits in their villages
        whichever agent made them."""
        clauses: list[str] = ["1"]
        params: list[object] = []
        if start is not None:
            clauses.append("visit_date >= ?")
            params.append(start.isoformat())
        if end is not None:
            clauses.append("visit_date <= ?")
            params.append(end.isoformat())
        for column, value in (("agent_id", agent_id), ("village_id", village_id)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if status is not None:
            clauses.append("status = ?")
            params.append(status.value)
        if branch_id is not None:
            clauses.append("village_id IN (SELECT id FROM villages WHERE branch_id = ?)")
            params.append(branch_id)
        return self._where(" AND ".join(clauses), params, order_by="visit_date, rowid")


class AuditLog:
    """Append-only (triggers refuse updates and deletes); synced like any other record."""

    def __init__(self, writer: ChangeWriter) -> None:
        self._writer = writer

    def record(
        self,
        at: dt.datetime,
        actor: str,
        action: str,
        entity: str,
        entity_id: str,
        detail: str = "",
    ) -> None:
        self._writer.insert(
            "audit_log",
            {
                "at": at.isoformat(timespec="seconds"),
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": detail,
            },
        )

    def record_many(
        self,
        at: dt.datetime,
        actor: str,
        action: str,
        entity: str,
        entity_ids: Iterable[str],
        detail: str = "",
    ) -> None:
        """One entry per record for a bulk change (an import), in the caller's transaction."""
        stamp = at.isoformat(timespec="seconds")
        self._writer.insert_many(
            "audit_log",
            (
                {"at": stamp, "actor": actor, "action": action, "entity": entity,
                 "entity_id": entity_id, "detail": detail}
                for entity_id in entity_ids
            ),
        )  # fmt: skip

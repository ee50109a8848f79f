"""Visit plans and the audit log: what agents planned and did, and who changed what."""

from __future__ import annotations

import datetime as dt

from outreach_app.domain.models import VisitPlan
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

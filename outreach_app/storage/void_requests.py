"""Void requests (domain/voids.py) and the one question the void rule asks of the cash:
whether a receipt's money is already deposited."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from outreach_app.domain.models import Payment, PaymentMethod, VoidRequest
from outreach_app.domain.voids import VoidRequestStatus, cash_deposited
from outreach_app.storage.repository import SyncedRepository


class VoidRequestRepository(SyncedRepository[VoidRequest]):
    table, record_type, label = "void_requests", VoidRequest, "Permintaan pembatalan"

    def pending(self) -> list[VoidRequest]:
        """Requests waiting for staff, oldest first."""
        return self._where("status = ?", [VoidRequestStatus.PENDING.value], order_by="requested_at")

    def of_payment(self, payment_id: str) -> list[VoidRequest]:
        return self._where("payment_id = ?", [payment_id], order_by="requested_at")

    def open_for(self, payment_id: str) -> VoidRequest | None:
        """The request still waiting for this receipt, if any (one is enough)."""
        found = self._where(
            "payment_id = ? AND status = ?", [payment_id, VoidRequestStatus.PENDING.value]
        )
        return found[0] if found else None

    def decide(
        self, request_id: str, status: VoidRequestStatus, decided_by: str, at: dt.datetime,
        reason: str,
    ) -> None:  # fmt: skip
        self.update(
            request_id,
            status=status,
            decided_by=decided_by,
            decided_at=at,
            decision_reason=reason,
        )


def receipt_deposited(db: Database, payment: Payment) -> bool:
    """Whether the money of this receipt has reached the branch, so the agent no longer holds
    it and a void needs staff: a transfer at once, a cash receipt once a close-out lists it
    (or a deposit from before close-outs came after it; domain/voids.py `cash_deposited`)."""
    rows = db.execute(
        "SELECT deposited_at, receipt_ids FROM cash_deposits WHERE deleted = 0 AND agent_id = ?",
        [payment.collected_by],
    ).fetchall()
    marks = [(_aware(dt.datetime.fromisoformat(at)), frozenset(ids.split())) for at, ids in rows]
    cash = payment.method is PaymentMethod.CASH
    return cash_deposited(payment.stamp.id, _aware(payment.paid_at), cash, marks)


def _aware(moment: dt.datetime) -> dt.datetime:
    """Rows typed in by hand may lack an offset: read them as this machine's local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()

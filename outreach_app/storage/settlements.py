"""Settlements of double payments and credits: insert-only rows, like receipts never edited."""

from __future__ import annotations

from outreach_app.domain.double_payments import PaymentSettlement
from outreach_app.storage.coverage_cache import MEMBERS_OF
from outreach_app.storage.errors import ReceiptLocked
from outreach_app.storage.repository import SyncedRepository


class SettlementRepository(SyncedRepository[PaymentSettlement]):
    table, record_type, label = "payment_settlements", PaymentSettlement, "Penyelesaian"

    def of_participant(self, participant_id: str) -> list[PaymentSettlement]:
        """Its settlements, with those of any record the branch merged into it."""
        return self._where(
            f"participant_id IN ({MEMBERS_OF})", [participant_id], order_by="decided_at, id"
        )

    def credits_used(self, payment_ids: list[str]) -> dict[str, int]:
        """What credits paid of each of these receipts (absent: nothing): the cash a receipt
        took is its total less this."""
        used: dict[str, int] = {}
        for start in range(0, len(payment_ids), 500):
            chunk = payment_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT payment_id, sum(amount) FROM payment_settlements WHERE deleted = 0 "
                f"AND kind = 'use' AND payment_id IN ({marks}) GROUP BY payment_id",
                chunk,
            ).fetchall()
            used.update({str(row[0]): int(row[1]) for row in rows})
        return used

    def of_payment(self, payment_id: str) -> list[PaymentSettlement]:
        return self._where("payment_id = ?", [payment_id], order_by="decided_at, id")

    def update(self, record_id: str, **changes: object) -> bool:
        raise ReceiptLocked("Penyelesaian pembayaran tidak dapat diubah.")

    def delete(self, record_id: str) -> None:
        raise ReceiptLocked("Penyelesaian pembayaran tidak dapat dihapus.")

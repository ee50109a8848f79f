"""Receipts and cash deposits. A receipt is never edited: triggers refuse anything but a void."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from outreach_app.domain.models import CashDeposit, Payment, PaymentMethod
from outreach_app.domain.payable_months import PaidPeriod
from outreach_app.domain.voids import cash_deposited
from outreach_app.storage.coverage_cache import MEMBERS_OF, coverage_run, refresh_coverage
from outreach_app.storage.errors import INTEGRITY_ERRORS, NotFound, ReceiptLocked
from outreach_app.storage.repository import SyncedRepository

_CASH_COLLECTED = """
SELECT (SELECT coalesce(sum(total), 0) FROM payments WHERE deleted = 0 AND voided = 0
          AND method = 'cash' AND collected_by = ?)
     - (SELECT coalesce(sum(s.amount), 0) FROM payment_settlements s
          JOIN payments p ON p.id = s.payment_id
          WHERE s.deleted = 0 AND s.kind = 'use' AND p.deleted = 0 AND p.voided = 0
          AND p.method = 'cash' AND p.collected_by = ?)
     + (SELECT coalesce(sum(s.amount), 0) FROM payment_settlements s
          JOIN payments p ON p.id = s.payment_id
          WHERE s.deleted = 0 AND s.kind = 'credit' AND s.source = 'double_payment'
          AND p.deleted = 0 AND p.voided = 1 AND p.method = 'cash' AND p.collected_by = ?)
"""

_OVERLAPPING = """
SELECT DISTINCT a.participant_id FROM payments a JOIN payments b
  ON b.participant_id = a.participant_id AND b.id > a.id
WHERE a.deleted = 0 AND a.voided = 0 AND b.deleted = 0 AND b.voided = 0
  AND a.period_start < date(b.period_start, '+' || b.months || ' months')
  AND b.period_start < date(a.period_start, '+' || a.months || ' months')
"""


class PaymentRepository(SyncedRepository[Payment]):
    table, record_type, label = "payments", Payment, "Kuitansi"

    def by_receipt(self, receipt_no: str) -> Payment:
        found = self.find_by_receipt(receipt_no)
        if found is None:
            raise NotFound(self.label, receipt_no)
        return found

    def find_by_receipt(self, receipt_no: str) -> Payment | None:
        found = self._where("receipt_no = ?", [receipt_no])
        return found[0] if found else None

    def of_participant(self, participant_id: str) -> list[Payment]:
        """Its receipts, with those of any record the branch merged into it."""
        return self._where(
            f"participant_id IN ({MEMBERS_OF})", [participant_id], order_by="period_start"
        )

    def collected_on(self, agent_id: str, day: dt.date) -> list[Payment]:
        return self._where(
            "collected_by = ? AND paid_at >= ? AND paid_at < ?",
            [agent_id, day.isoformat(), (day + dt.timedelta(days=1)).isoformat()],
            order_by="paid_at",
        )

    def matching(
        self,
        village_id: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        collected_by: str | None = None,
    ) -> list[Payment]:
        """Receipts (voided ones too) by day paid and receipt number: for exports. `village_id`
        is the participant's village; `start`/`end` are days paid, both included."""
        clauses: list[str] = ["1"]
        params: list[object] = []
        if village_id is not None:
            clauses.append("participant_id IN (SELECT id FROM participants WHERE village_id = ?)")
            params.append(village_id)
        if start is not None:
            clauses.append("paid_at >= ?")
            params.append(start.isoformat())
        if end is not None:
            clauses.append("paid_at < ?")
            params.append((end + dt.timedelta(days=1)).isoformat())
        if collected_by is not None:
            clauses.append("collected_by = ?")
            params.append(collected_by)
        return self._where(" AND ".join(clauses), params, order_by="paid_at, receipt_no")

    def covers(self, participant_id: str, month: dt.date) -> bool:
        """Whether a standing receipt already pays for the month starting `month`."""
        row = self._db.execute(
            "SELECT 1 FROM payments WHERE deleted = 0 AND voided = 0 "
            f"AND participant_id IN ({MEMBERS_OF}) AND period_start <= ? "
            "AND date(period_start, '+' || months || ' months') > ? "
            "LIMIT 1",
            [participant_id, month.isoformat(), month.isoformat()],
        ).fetchone()
        return row is not None

    def live_periods(self, participant_id: str) -> list[PaidPeriod]:
        """The months the participant's live (not voided) receipts cover, its merged records'
        included: what the one-payment-per-month rule checks a new payment against."""
        rows = self._db.execute(
            "SELECT period_start, months FROM payments WHERE deleted = 0 AND voided = 0 "
            f"AND participant_id IN ({MEMBERS_OF}) ORDER BY period_start",
            [participant_id],
        ).fetchall()
        return [PaidPeriod(dt.date.fromisoformat(str(row[0])[:10]), int(row[1])) for row in rows]

    def with_overlaps(self) -> list[str]:
        """Participants with two live receipts covering the same month: where double payments
        are (domain/double_payments.py says which receipt is the double one)."""
        return [str(row[0]) for row in self._db.execute(_OVERLAPPING).fetchall()]

    def cash_before(self, agent_id: str, before: str) -> list[Payment]:
        """Standing cash receipts of an agent paid before an ISO date (for deposits)."""
        return self._where(
            "collected_by = ? AND method = 'cash' AND voided = 0 AND paid_at < ?",
            [agent_id, before],
            order_by="paid_at",
        )

    def live_cash_of(self, agent_id: str) -> list[Payment]:
        """Every standing cash receipt an agent took, oldest first."""
        return self._where(
            "collected_by = ? AND method = 'cash' AND voided = 0", [agent_id], order_by="paid_at"
        )

    def cash_to_deposit(self, agent_id: str) -> list[Payment]:
        """The cash receipts whose money the agent hands to the branch, oldest first: the
        standing ones, and the double payments staff voided into credit (the participant's
        money stays with the scheme, so the agent still hands it over)."""
        return self._where(
            "collected_by = ? AND method = 'cash' AND (voided = 0 OR id IN (SELECT payment_id "
            "FROM payment_settlements WHERE deleted = 0 AND kind = 'credit' "
            "AND source = 'double_payment'))",
            [agent_id],
            order_by="paid_at",
        )

    def cash_collected(self, agent_id: str) -> int:
        """Cash taken by an agent on receipts that still stand (voided ones returned nothing),
        less the part of them a credit paid (the participant paid that earlier, see
        domain/double_payments.py), plus the cash of its double receipts the branch turned
        into credit (voided, but the agent still holds the money)."""
        row = self._db.execute(_CASH_COLLECTED, [agent_id, agent_id, agent_id]).fetchone()
        return int(row[0])

    def add(self, record: Payment) -> str:
        """Stores the receipt and brings the participant's coverage up to date with it."""
        with self._db.atomic():
            payment_id = super().add(record)
            refresh_coverage(self._db, record.participant_id)
        return payment_id

    def add_many(self, records: Iterable[Payment]) -> list[str]:
        with self._db.atomic():
            kept = list(records)
            ids = super().add_many(kept)
            for participant_id in {record.participant_id for record in kept}:
                refresh_coverage(self._db, participant_id)
        return ids

    def void(self, receipt_no: str, reason: str) -> Payment:
        payment = self.by_receipt(receipt_no)
        try:
            with self._db.atomic():
                self._writer.update(
                    self.table, payment.stamp.id, {"voided": 1, "void_reason": reason}
                )
                refresh_coverage(self._db, payment.participant_id)
        except INTEGRITY_ERRORS as exc:
            raise ReceiptLocked(str(exc)) from exc
        return self.by_receipt(receipt_no)

    def coverage_run(self, participant_id: str) -> tuple[dt.date, dt.date] | None:
        return coverage_run(self._db, participant_id)

    def update(self, record_id: str, **changes: object) -> bool:
        raise ReceiptLocked(
            "Kuitansi yang sudah terbit tidak dapat diubah; batalkan dengan alasan."
        )

    def delete(self, record_id: str) -> None:
        raise ReceiptLocked("Kuitansi tidak dapat dihapus; batalkan dengan alasan.")


class CashDepositRepository(SyncedRepository[CashDeposit]):
    table, record_type, label = "cash_deposits", CashDeposit, "Setoran"

    def of_agent(self, agent_id: str, limit: int = 50) -> list[CashDeposit]:
        return self._where(
            "agent_id = ?", [agent_id], order_by=f"deposited_at DESC LIMIT {int(limit)}"
        )

    def of_agent_all(self, agent_id: str) -> list[CashDeposit]:
        return self._where("agent_id = ?", [agent_id], order_by="deposited_at")

    def by_slip(self, slip_no: str) -> CashDeposit | None:
        """A close-out by its slip number (printed on the slip, typed at the branch)."""
        found = self._where("reference = ? AND receipt_ids <> ''", [slip_no])
        return found[0] if found else None

    def undeposited_cash(
        self, payments: PaymentRepository, agent_id: str
    ) -> tuple[list[Payment], list[Payment]]:
        """(not yet deposited, deposited): the agent's cash receipts to deposit (standing,
        or voided into credit), split by `covers`. Read in Python rather than SQL: a
        close-out lists its receipts as text, and an agent holds a few thousand at most."""
        deposits = self.of_agent_all(agent_id)
        receipts = payments.cash_to_deposit(agent_id)
        waiting: list[Payment] = []
        deposited: list[Payment] = []
        for payment in receipts:
            (deposited if covers(deposits, payment) else waiting).append(payment)
        return waiting, deposited

    def is_deposited(self, payment: Payment) -> bool:
        return covers(self.of_agent_all(payment.collected_by), payment)

    def deposited(self, agent_id: str) -> int:
        row = self._db.execute(
            "SELECT coalesce(sum(amount), 0) FROM cash_deposits WHERE deleted = 0 AND agent_id = ?",
            [agent_id],
        ).fetchone()
        return int(row[0])

    def confirm(self, deposit_id: str, received_by: str, received_at: dt.datetime) -> bool:
        """The branch's confirmation: the only change a close-out takes after it is made."""
        return super().update(deposit_id, received_by=received_by, received_at=received_at)

    def update(self, record_id: str, **changes: object) -> bool:
        found = self.find(record_id)
        if found is not None and found.is_closeout:
            raise ReceiptLocked("Tutup kas yang sudah dicatat tidak dapat diubah.")
        return super().update(record_id, **changes)

    def delete(self, record_id: str) -> None:
        found = self.find(record_id)
        if found is not None and found.is_closeout:
            raise ReceiptLocked("Tutup kas yang sudah dicatat tidak dapat dihapus.")
        super().delete(record_id)


def covers(deposits: Iterable[CashDeposit], payment: Payment) -> bool:
    """Whether one of the agent's deposits covers this cash receipt (domain/voids.py
    `cash_deposited`); a transfer is never in the cash ledger."""
    if payment.method is not PaymentMethod.CASH:
        return False
    marks = ((_aware(d.deposited_at), d.receipts) for d in deposits)
    return cash_deposited(payment.stamp.id, _aware(payment.paid_at), True, marks)


def _aware(moment: dt.datetime) -> dt.datetime:
    """Rows typed in by hand may lack an offset: read them as this machine's local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()

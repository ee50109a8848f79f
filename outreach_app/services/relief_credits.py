"""Relief credits (PP 50/2025): months paid in advance that a later rate-table update puts in
a relief were paid at the full rate; the difference is credited to the participant's later
months, as the regulation says of prepaid overpayments (arrears from before the relief are
owed in full: they are not in the relief's months, so the rates give them no discount).

After a rate-table update the branch staff look for receipts whose months the current rules
price lower than the receipt did and record a credit for each (a `payment_settlements` row,
source "relief", naming the receipt); the next payment uses it like any credit. The receipt
stays as issued (its money is still on it), and a credit already given for a receipt is
subtracted, so running this again, or after a second update, credits only what is new.
"""

from __future__ import annotations

from dataclasses import dataclass

from outreach_app.domain.double_payments import CreditSource, PaymentSettlement, SettlementKind
from outreach_app.domain.errors import DomainError, ReceiptRefused
from outreach_app.domain.models import Participant, PayerType, Payment, Role, SyncStamp, User
from outreach_app.domain.premiums import PremiumRequest, calculate_premium
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.money_text import format_rupiah
from outreach_app.storage.store import Store


@dataclass(frozen=True, slots=True)
class ReliefCredit:
    """A receipt the current rules price lower than it was charged, and by how much."""

    participant: Participant
    payment: Payment
    amount: int


class ReliefCredits:
    def __init__(self, store: Store, schedule: RateSchedule) -> None:
        self._store = store
        self._schedule = schedule

    def due(self) -> list[ReliefCredit]:
        """Credits owed: live receipts whose months now cost less than they were charged.

        A receipt is repriced with the participant's data as it stands; when that gives a
        different gross amount (the income or programs changed since), the receipt is left
        alone: the difference would not be the relief's."""
        store = self._store
        found = []
        for payment in store.payments.matching():
            if payment.voided:
                continue
            person = store.participants.find(payment.participant_id)
            if person is None:
                continue
            now = self._reprice(person, payment)
            if now is None:
                continue
            given = sum(
                row.amount
                for row in store.settlements.of_payment(payment.stamp.id)
                if row.kind is SettlementKind.CREDIT and row.source is CreditSource.RELIEF
            )
            owed = payment.total - now - given
            if owed > 0:
                found.append(ReliefCredit(person, payment, owed))
        return found

    def _reprice(self, person: Participant, payment: Payment) -> int | None:
        payer = self._store.payers.find(payment.payer_id) if payment.payer_id else None
        try:
            breakdown = calculate_premium(
                self._schedule,
                PremiumRequest(
                    declared_income=person.declared_income,
                    months=payment.months,
                    first_month=payment.period_start,
                    include_jht=payment.jht > 0,
                    payer=payer.payer_type if payer else PayerType.SELF,
                    sector=person.sector,
                ),
            )
        except DomainError:
            return None
        gross = breakdown.total_jkk + breakdown.total_jkm + breakdown.total_jht
        if gross != payment.jkk + payment.jkm + payment.jht:
            return None
        return breakdown.total

    def apply(self, staff: User) -> list[PaymentSettlement]:
        """Records every credit owed (staff only: the server accepts credits from staff)."""
        if staff.role is not Role.STAFF:
            raise ReceiptRefused("Kredit keringanan iuran hanya dicatat oleh staf cabang.")
        store = self._store
        made = []
        with store.transaction():
            now = store.now()
            for credit in self.due():
                row = PaymentSettlement(
                    stamp=SyncStamp.new(),
                    participant_id=credit.payment.participant_id,
                    payment_id=credit.payment.stamp.id,
                    kind=SettlementKind.CREDIT,
                    amount=credit.amount,
                    decided_by=staff.stamp.id,
                    decided_at=now,
                    source=CreditSource.RELIEF,
                    note=f"Keringanan iuran: {credit.payment.receipt_no} dibayar penuh",
                )
                store.settlements.add(row)
                store.audit.record(
                    now,
                    staff.username,
                    "relief_credit",
                    "payments",
                    credit.payment.stamp.id,
                    f"{credit.payment.receipt_no}: {format_rupiah(credit.amount)}",
                )
                made.append(row)
        return made

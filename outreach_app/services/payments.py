"""Taking a premium payment, voiding a receipt, and the agent's cash ledger.

The amount always comes from the rate rules for the months being paid, never from what was
typed, and the receipt number is taken in the same transaction as the payment, so a crash can
neither reuse a number nor leave a number without its payment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from outreach_app.domain.coverage import Coverage, coverage_on
from outreach_app.domain.errors import ReceiptRefused
from outreach_app.domain.models import (
    CashDeposit,
    Participant,
    Payer,
    PayerType,
    Payment,
    PaymentMethod,
    SyncStamp,
    User,
)
from outreach_app.domain.months import month_start
from outreach_app.domain.payable_months import (
    MonthsRefused,
    PaymentStanding,
    RefusalReason,
    check_payable,
    standing,
)
from outreach_app.domain.premiums import PremiumBreakdown, PremiumRequest, calculate_premium
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.holidays import days_off
from outreach_app.services.double_payments import DoublePaymentService, use_credit
from outreach_app.storage.store import ReadView, Store

if TYPE_CHECKING:  # loaded when the Payments page first closes out or confirms
    from outreach_app.services.cash_closeout import CashCloseOut
    from outreach_app.services.deposit_slips import DepositSlips


@dataclass(frozen=True, slots=True)
class CashLedger:
    """`collected`: live cash receipts; `deposited`: cash handed over (counted, so a close-out
    with a difference differs from its receipts); `in_hand`: cash expected now, the live cash
    receipts no deposit covers yet (storage/payments.py `covers`)."""

    collected: int
    deposited: int
    in_hand: int


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    payment: Payment
    participant_name: str


@dataclass(frozen=True, slots=True)
class DaySheet:
    """The Payments page: the agent's cash ledger and the receipts of one day."""

    day: dt.date
    ledger: CashLedger
    receipts: tuple[ReceiptLine, ...]
    deposits: tuple[CashDeposit, ...]

    @property
    def day_total(self) -> int:
        return sum(line.payment.total for line in self.receipts if not line.payment.voided)


@dataclass(frozen=True, slots=True)
class GroupQuote:
    """What a collective payer (APBD, APBDes, sponsor) owes for its members' months."""

    payer: Payer
    lines: tuple[tuple[Participant, PremiumBreakdown], ...]
    already_paid: int = 0  # members whose first month is paid already: not billed again
    # members whose months the one-payment-per-month rule refuses (arrears first, lapsed,
    # partly paid...), with the reason: not billed, shown to the agent
    refused: tuple[tuple[Participant, str], ...] = ()

    @property
    def total(self) -> int:
        return sum(breakdown.total for _, breakdown in self.lines)


class PaymentService:
    def __init__(self, store: Store, schedule: RateSchedule) -> None:
        self._store = store
        self._schedule = schedule

    @property
    def store(self) -> Store:
        """The store it works on: the voids' service (services/voids.py) shares it."""
        return self._store

    def payer_type(self, participant: Participant) -> PayerType:
        if participant.payer_id is None:
            return PayerType.SELF
        return self._store.payers.get(participant.payer_id).payer_type

    def standing(self, participant: Participant, today: dt.date) -> PaymentStanding:
        """The months already paid by live receipts and where the current run ends."""
        return standing(
            participant.registered_on,
            self._store.payments.live_periods(participant.stamp.id),
            today,
        )

    def next_unpaid_month(self, participant: Participant, today: dt.date) -> dt.date:
        """The month a new payment starts at: the first unpaid month of the current run, or
        this month (not before registration) when there is none or it has ended."""
        return self.standing(participant, today).default_start

    def credit_of(self, participant: Participant) -> int:
        """Credit the next payment uses (a settled double payment, a relief): the agent takes
        that much less cash."""
        return DoublePaymentService(self._store).credit_of(participant.stamp.id)

    def check_months(
        self, participant: Participant, months: int, first_month: dt.date | None, today: dt.date
    ) -> dt.date:
        """The first month a payment of `months` months may cover, or MonthsRefused with the
        reason (domain/payable_months.py): for the dialog to show before saving."""
        return check_payable(
            participant.status,
            participant.registered_on,
            self._store.payments.live_periods(participant.stamp.id),
            today,
            first_month,
            months,
        )

    def quote(
        self, participant: Participant, months: int, first_month: dt.date
    ) -> PremiumBreakdown:
        return calculate_premium(
            self._schedule,
            PremiumRequest(
                declared_income=participant.declared_income,
                months=months,
                first_month=first_month,
                include_jht=participant.include_jht,
                payer=self.payer_type(participant),
                sector=participant.sector,
            ),
        )

    def record(
        self,
        participant_id: str,
        months: int,
        collector: User,
        first_month: dt.date | None = None,
        method: PaymentMethod = PaymentMethod.CASH,
        paid_at: dt.datetime | None = None,
    ) -> Payment:
        """Issues a receipt. `paid_at` is for re-keying a paper receipt; it defaults to now."""
        store = self._store
        paid_at = paid_at or store.now()
        with store.transaction():  # checked under the write lock: no sync lands in between
            participant = store.participants.get(participant_id)
            start = self.check_months(participant, months, first_month, paid_at.date())
            breakdown = self.quote(participant, months, start)
            payment = Payment(
                stamp=SyncStamp.new(),
                receipt_no=store.next_receipt_no(),
                participant_id=participant_id,
                payer_id=participant.payer_id,
                period_start=start,
                months=months,
                jkk=breakdown.total_jkk,
                jkm=breakdown.total_jkm,
                jht=breakdown.total_jht,
                discount=breakdown.total_discount,
                total=breakdown.total,
                paid_at=paid_at,
                collected_by=collector.stamp.id,
                method=method,
                rules="; ".join(breakdown.legal_bases),
            )
            store.payments.add(payment)
            use_credit(store, payment, collector)  # a settled double payment's credit, if any
            store.audit.record(
                paid_at,
                collector.username,
                "payment",
                "payments",
                payment.stamp.id,
                payment.receipt_no,
            )
        return store.payments.by_receipt(payment.receipt_no)

    def collective_payers(self) -> list[Payer]:
        return sorted(self._store.payers.all(), key=lambda payer: payer.name)

    def quote_group(self, payer_id: str, months: int, first_month: dt.date) -> GroupQuote:
        payer = self._store.payers.get(payer_id)
        start = month_start(first_month)
        today = self._store.now().date()
        owing, refused, paid = [], [], 0
        for person in self._store.participants.of_payer(payer_id):
            try:
                self.check_months(person, months, start, today)
            except MonthsRefused as exc:
                if exc.reason is RefusalReason.ALREADY_PAID and start in exc.months:
                    paid += 1
                else:
                    refused.append((person, str(exc)))
                continue
            owing.append((person, self.quote(person, months, start)))
        return GroupQuote(payer, tuple(owing), already_paid=paid, refused=tuple(refused))

    def record_group(
        self,
        payer_id: str,
        months: int,
        first_month: dt.date,
        collector: User,
        method: PaymentMethod = PaymentMethod.TRANSFER,
    ) -> list[Payment]:
        """One receipt per member, all in one transaction: the payer's list is paid whole or
        not at all."""
        with self._store.transaction():
            quote = self.quote_group(payer_id, months, first_month)
            if not quote.lines:
                raise ReceiptRefused(
                    f"{quote.payer.name}: tidak ada peserta yang dapat dibayar untuk bulan itu."
                )
            return [
                self.record(person.stamp.id, months, collector, first_month, method)
                for person, _ in quote.lines
            ]

    def void(self, receipt_no: str, reason: str, actor: User) -> Payment:
        """A direct void, only where the void rules allow one (services/voids.py: the agent's
        own receipt of today, not deposited); anything else is refused here, since staff
        decide it (VoidService files the request). No path voids around the rules locally
        for the server to refuse later."""
        from outreach_app.domain.voids import VoidOutcome
        from outreach_app.services.voids import VoidService

        service = VoidService(self._store)
        verdict = service.verdict(self._store.payments.by_receipt(receipt_no), actor)
        if not verdict.direct:
            raise ReceiptRefused(
                f"Kuitansi {receipt_no} tidak boleh dibatalkan langsung ({verdict.explain()}); "
                "ajukan permintaan pembatalan kepada staf cabang."
            )
        result = service.void_or_request(receipt_no, reason, actor)
        if result.outcome is not VoidOutcome.VOID:  # the receipt changed in between
            raise ReceiptRefused(f"Kuitansi {receipt_no} diajukan untuk dibatalkan staf.")
        return result.payment

    def coverage(self, participant: Participant, today: dt.date) -> Coverage:
        return coverage_on(
            participant.status,
            self._store.payments.of_participant(participant.stamp.id),
            today,
            days_off(today),  # a due date on a holiday moves to the next working day
        )

    def day_sheet(self, agent: User, day: dt.date) -> DaySheet:
        """Reads through the calling thread's read-only view: safe on a worker thread."""
        view = self._store.reader()
        agent_id = agent.stamp.id
        receipts = []
        names: dict[str, str] = {}
        for payment in view.payments.collected_on(agent_id, day):
            if payment.participant_id not in names:
                person = view.participants.find(payment.participant_id)
                names[payment.participant_id] = person.full_name if person else "?"
            receipts.append(ReceiptLine(payment, names[payment.participant_id]))
        return DaySheet(
            day=day,
            ledger=_ledger(view, agent_id),
            receipts=tuple(receipts),
            deposits=tuple(view.deposits.of_agent(agent_id)),
        )

    def cash_closeout(self) -> CashCloseOut:
        """Close-outs of this database, signed with this installation's receipt key."""
        from outreach_app.services.cash_closeout import CashCloseOut
        from outreach_app.services.receipts import ReceiptSigner

        return CashCloseOut(self._store, ReceiptSigner(self._store))

    def deposit_slips(self) -> DepositSlips:
        from outreach_app.services.deposit_slips import DepositSlips

        return DepositSlips(self._store)

    def ledger(self, agent: User) -> CashLedger:
        return _ledger(self._store, agent.stamp.id)


def _ledger(store: Store | ReadView, agent_id: str) -> CashLedger:
    waiting, _ = store.deposits.undeposited_cash(store.payments, agent_id)
    used = store.settlements.credits_used([payment.stamp.id for payment in waiting])
    return CashLedger(
        collected=store.payments.cash_collected(agent_id),
        deposited=store.deposits.deposited(agent_id),
        # the cash each receipt not yet deposited took: its total less a credit it used
        in_hand=sum(payment.total - used.get(payment.stamp.id, 0) for payment in waiting),
    )

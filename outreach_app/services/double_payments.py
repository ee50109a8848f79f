"""Double payments found after sync, their settlement by staff, and credits the next payment
uses (domain/double_payments.py says why they are found rather than stored).

Both agents see a double payment on the participant's detail; staff see every one in the
branch (`open_doubles`) and settle each: *credit* (the receipt is voided, its money becomes a
credit the participant's next payment uses) or *refund* (the receipt is voided and the money
goes back with a printed note). Either way the receipt leaves coverage and the money stays
accounted for: on the settlement row, and in the collecting agent's cash ledger.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from outreach_app.domain.double_payments import (
    CreditSource,
    DoublePayment,
    PaymentSettlement,
    SettlementKind,
    credit_balance,
    find_double_payments,
)
from outreach_app.domain.errors import ReceiptRefused
from outreach_app.domain.models import Participant, Payment, Role, SyncStamp, User
from outreach_app.domain.months import add_months
from outreach_app.domain.payable_months import months_label
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.print_output import PrintJob
from outreach_app.storage.store import Store

if TYPE_CHECKING:  # reportlab loads with the note, not with this service
    from outreach_app.documents.refund_note import RefundNote

VOID_REASONS = {
    SettlementKind.CREDIT: "Pembayaran ganda {months}: dijadikan kredit bulan berikutnya",
    SettlementKind.REFUND: "Pembayaran ganda {months}: uang dikembalikan kepada peserta",
}


@dataclass(frozen=True, slots=True)
class DoublePaymentLine:
    """One open double payment with the person it belongs to, for the staff list."""

    participant: Participant
    double: DoublePayment


@dataclass(frozen=True, slots=True)
class SettledLine:
    participant: Participant | None
    settlement: PaymentSettlement
    payment: Payment | None


class DoublePaymentService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def of_participant(self, participant_id: str) -> list[DoublePayment]:
        """The participant's open double payments (settled ones are voided: no longer found)."""
        return find_double_payments(self._store.payments.of_participant(participant_id))

    def open_doubles(self) -> list[DoublePaymentLine]:
        """Every open double payment this database holds, oldest first: the staff's list."""
        lines: list[DoublePaymentLine] = []
        for participant_id in self._store.payments.with_overlaps():
            person = self._store.participants.find(participant_id)
            if person is None:
                continue
            lines.extend(DoublePaymentLine(person, d) for d in self.of_participant(person.stamp.id))
        return sorted(lines, key=lambda line: line.double.payment.paid_at)

    def settled(self) -> list[SettledLine]:
        """Double payments already settled (credits and refunds), oldest first."""
        lines = []
        for row in self._store.settlements.all():
            if row.kind is SettlementKind.USE:
                continue
            payment = self._store.payments.find(row.payment_id)
            lines.append(
                SettledLine(self._store.participants.find(row.participant_id), row, payment)
            )
        return sorted(lines, key=lambda line: line.settlement.decided_at)

    def credit_of(self, participant_id: str) -> int:
        """The participant's credit not yet used by a payment."""
        live = {
            p.stamp.id for p in self._store.payments.of_participant(participant_id) if not p.voided
        }
        return credit_balance(self._store.settlements.of_participant(participant_id), live)

    def settle(
        self, receipt_no: str, kind: SettlementKind, staff: User, note: str = ""
    ) -> PaymentSettlement | None:
        """Staff's decision on a double receipt: voids it and records where its money went
        (None when a credit had paid all of it: voiding gives that credit back, no cash moved)."""
        if staff.role is not Role.STAFF:
            raise ReceiptRefused("Pembayaran ganda hanya diselesaikan oleh staf cabang.")
        if kind not in VOID_REASONS:
            raise ReceiptRefused("Pilih kredit atau pengembalian uang.")
        store = self._store
        with store.transaction():
            payment = store.payments.by_receipt(receipt_no)
            double = next(
                (d for d in self.of_participant(payment.participant_id)
                 if d.payment.stamp.id == payment.stamp.id),
                None,
            )  # fmt: skip
            if double is None:
                raise ReceiptRefused(
                    f"Kuitansi {receipt_no} bukan pembayaran ganda yang belum diselesaikan."
                )
            now = store.now()
            # the cash the receipt took: a credit it used comes back by itself once it is void
            amount = double.amount - credit_used(store, payment.stamp.id)
            reason = VOID_REASONS[kind].format(months=months_label(double.months))
            store.payments.void(receipt_no, reason)
            if amount <= 0:
                return None
            settlement = PaymentSettlement(
                stamp=SyncStamp.new(),
                participant_id=payment.participant_id,
                payment_id=payment.stamp.id,
                kind=kind,
                amount=amount,
                decided_by=staff.stamp.id,
                decided_at=now,
                source=CreditSource.DOUBLE_PAYMENT,
                note=note.strip(),
            )
            store.settlements.add(settlement)
            store.audit.record(
                now,
                staff.username,
                f"double_payment_{kind.value}",
                "payments",
                payment.stamp.id,
                f"{receipt_no}: {format_rupiah(amount)}",
            )
        return store.settlements.get(settlement.stamp.id)


def refund_note(store: Store, settlement: PaymentSettlement, demo: bool = False) -> bytes:
    """The note the participant signs for a refunded double payment (a PDF). reportlab is
    imported here, not with the payment service the app loads at start."""
    from outreach_app.documents.refund_note import refund_note_pdf

    return refund_note_pdf(refund_note_content(store, settlement), demo=demo)


def refund_note_job(store: Store, settlement: PaymentSettlement, demo: bool = False) -> PrintJob:
    """The refund note as the app shows every document (ui/documents.py): the records read
    now, on the thread that owns the store; the drawing later, on the worker."""
    from outreach_app.documents.refund_note import refund_note_pdf

    content = refund_note_content(store, settlement)
    return PrintJob(
        f"Bukti pengembalian {content.receipt_no}",
        f"pengembalian-{content.receipt_no}.pdf",
        lambda: refund_note_pdf(content, demo=demo),
    )


def refund_note_content(store: Store, settlement: PaymentSettlement) -> RefundNote:
    """What the refund note prints: the person, the double receipt and the one it repeats."""
    from outreach_app.documents.refund_note import RefundNote

    if settlement.kind is not SettlementKind.REFUND:
        raise ReceiptRefused("Bukti pengembalian hanya untuk pembayaran ganda yang dikembalikan.")
    payment = store.payments.get(settlement.payment_id)
    person = store.participants.find(payment.participant_id)
    others = [
        p for p in store.payments.of_participant(payment.participant_id)
        if not p.voided and p.stamp.id != payment.stamp.id
    ]  # fmt: skip
    months = [add_months(payment.period_start, i) for i in range(payment.months)]
    first = next((p for p in others if set(months) & set(_months_of(p))), None)
    doubled = tuple(m for m in months if first is None or m in _months_of(first)) or tuple(months)
    staff = store.users.find(settlement.decided_by)
    branch = store.branches.find(staff.branch_id) if staff else None
    return RefundNote(
        participant_name=person.full_name if person else "?",
        nik=person.nik if person else None,
        receipt_no=payment.receipt_no,
        first_receipt_no=first.receipt_no if first else "—",
        months=doubled,
        amount=settlement.amount,
        refunded_on=settlement.decided_at.date(),
        staff_name=staff.full_name if staff else "",
        branch_name=branch.name if branch else "Kantor Cabang",
        note=settlement.note,
    )


def _months_of(payment: Payment) -> list[dt.date]:
    return [add_months(payment.period_start, i) for i in range(payment.months)]


def use_credit(store: Store, payment: Payment, actor: User) -> int:
    """Applies the participant's open credit to a receipt just issued (inside its
    transaction): records a `use` and returns the rupiah the credit paid, so the agent takes
    only the rest in cash. Called by PaymentService.record."""
    balance = DoublePaymentService(store).credit_of(payment.participant_id)
    used = min(balance, payment.total)
    if used <= 0:
        return 0
    store.settlements.add(
        PaymentSettlement(
            stamp=SyncStamp.new(),
            participant_id=payment.participant_id,
            payment_id=payment.stamp.id,
            kind=SettlementKind.USE,
            amount=used,
            decided_by=actor.stamp.id,
            decided_at=payment.paid_at,
        )
    )
    return used


def credit_used(store: Store, payment_id: str) -> int:
    """What credits paid of a receipt (0 for most): the cash taken is its total less this."""
    return sum(
        row.amount
        for row in store.settlements.of_payment(payment_id)
        if row.kind is SettlementKind.USE
    )

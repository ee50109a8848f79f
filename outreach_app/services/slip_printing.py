"""A close-out's deposit slip as a print job: the records read now, the drawing later (on a
worker thread in the app), like every other document (services/printing.py)."""

from __future__ import annotations

from outreach_app.documents.deposit_slip import DepositSlipContent, SlipReceipt, render_deposit_slip
from outreach_app.domain.deposit_payload import short_code
from outreach_app.domain.models import CashDeposit
from outreach_app.services.print_output import NothingToPrint, PrintJob
from outreach_app.storage.store import Store


def slip_content(store: Store, deposit: CashDeposit) -> DepositSlipContent:
    if not deposit.is_closeout:
        raise NothingToPrint(f"Setoran {deposit.reference} bukan tutup kas: tidak ada slipnya.")
    agent = store.users.find(deposit.agent_id)
    names: dict[str, str] = {}
    receipts = []
    used = store.settlements.credits_used(deposit.receipt_ids.split())
    for payment_id in deposit.receipt_ids.split():
        payment = store.payments.find(payment_id)
        if payment is None:
            continue
        if payment.participant_id not in names:
            person = store.participants.find(payment.participant_id)
            names[payment.participant_id] = person.full_name if person else "?"
        receipts.append(SlipReceipt(
            receipt_no=payment.receipt_no, paid_at=payment.paid_at,
            participant_name=names[payment.participant_id], first_month=payment.period_start,
            last_month=payment.period_end, months=payment.months,
            amount=payment.total - used.get(payment.stamp.id, 0),
        ))  # fmt: skip
    receipts.sort(key=lambda r: (r.paid_at, r.receipt_no))
    received = ""
    if deposit.received_at is not None:
        staff = store.users.find(deposit.received_by or "")
        who = staff.full_name if staff else (deposit.received_by or "")
        received = f"{who}, {deposit.received_at:%d-%m-%Y %H:%M}"
    return DepositSlipContent(
        slip_no=deposit.reference,
        agent_name=agent.full_name if agent else deposit.agent_id,
        closed_at=deposit.deposited_at,
        device_name=store.device.name,
        expected=deposit.expected,
        counted=deposit.amount,
        reason=deposit.difference_reason,
        payload=deposit.slip_payload,
        short_code=short_code(deposit.slip_payload),
        receipts=tuple(receipts),
        received=received,
    )


def slip_job(store: Store, deposit: CashDeposit, demo: bool = False) -> PrintJob:
    content = slip_content(store, deposit)
    return PrintJob(
        f"Slip setoran {content.slip_no}",
        f"slip-setoran-{content.slip_no}.pdf",
        lambda: render_deposit_slip(content, demo=demo),
    )

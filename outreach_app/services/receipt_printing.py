"""Receipts to print: each payment with its participant, payer and agent, and its QR text
signed by this installation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from outreach_app.documents.day_recap import RecapHeading
from outreach_app.documents.receipt import ReceiptContent, render_receipts
from outreach_app.domain.models import Payer, PayerType, Payment, Sector
from outreach_app.domain.months import add_months
from outreach_app.domain.rates import RateSchedule
from outreach_app.services.double_payments import credit_used
from outreach_app.services.print_output import NothingToPrint
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.storage.errors import NotFound
from outreach_app.storage.store import Store


class ReceiptPrinter:
    """Receipts as PDF bytes, from this database. `demo` marks every page."""

    def __init__(
        self, store: Store, schedule: RateSchedule, signer: ReceiptSigner, demo: bool = False
    ) -> None:
        self._store = store
        self._schedule = schedule
        self._signer = signer
        self._demo = demo

    def payment(self, receipt_no: str) -> Payment:
        try:
            return self._store.payments.by_receipt(receipt_no.strip().upper())
        except NotFound as exc:
            raise NothingToPrint(f"Kuitansi {receipt_no} tidak ada di basis data ini.") from exc

    def payments_of_day(self, agent_id: str, day: dt.date) -> list[Payment]:
        """Every receipt an agent wrote on a day (voided ones too: they print marked)."""
        payments = self._store.payments.collected_on(agent_id, day)
        if not payments:
            raise NothingToPrint(f"Tidak ada kuitansi pada {day:%d-%m-%Y}.")
        return payments

    def contents(self, payments: Iterable[Payment]) -> list[ReceiptContent]:
        """Read and signed now (on the thread that owns the store); drawn later, anywhere."""
        contents = [self.receipt_content(p) for p in payments]
        if not contents:
            raise NothingToPrint("Tidak ada kuitansi untuk dicetak.")
        return contents

    def render(self, contents: list[ReceiptContent], recap: RecapHeading | None = None) -> bytes:
        return render_receipts(contents, demo=self._demo, recap=recap)

    def recap_heading(self, agent_id: str, day: dt.date) -> RecapHeading:
        agent = self._store.users.find(agent_id)
        name = agent.full_name if agent else agent_id
        return RecapHeading(agent_name=name, day=day, device_name=self._store.device.name)

    def receipt_content(self, payment: Payment) -> ReceiptContent:
        store = self._store
        person = store.participants.get(payment.participant_id)
        village = store.villages.find(person.village_id) if person.village_id else None
        payer = store.payers.find(payment.payer_id) if payment.payer_id else None
        agent = store.users.find(payment.collected_by)
        return ReceiptContent(
            payment=payment,
            participant_name=person.full_name,
            nik=person.nik,
            kpj=person.kpj,
            village=village.name if village else "",
            payer=payer.name if payer else "Mandiri (peserta sendiri)",
            agent_name=agent.full_name if agent else payment.collected_by,
            device_name=store.device.name,
            qr_payload=self._signer.payload(payment, person.nik or ""),
            discount_basis=self._discount_basis(payment, person.sector, payer),
            payer_type=(payer.payer_type if payer else PayerType.SELF).value,
            credit_used=credit_used(store, payment.stamp.id),
        )

    def _discount_basis(self, payment: Payment, sector: Sector, payer: Payer | None) -> str:
        """The legal basis of any relief in the months paid, as the receipt names it."""
        if not payment.discount:
            return ""
        payer_type = payer.payer_type if payer else PayerType.SELF
        bases: list[str] = []
        for offset in range(payment.months):
            month = add_months(payment.period_start, offset)
            for rule in self._schedule.discounts_for(month, sector, payer_type):
                if rule.legal_basis not in bases:
                    bases.append(rule.legal_basis)
        return "; ".join(bases)

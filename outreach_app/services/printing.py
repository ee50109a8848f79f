"""Printing: one place the app and the command line ask for documents.

Each method reads the records (and signs receipts' QR codes) at once, on the caller's thread,
and returns a `PrintJob` whose drawing can run on a worker thread: the GUI thread owns the
database connection, the drawing owns nothing. `NothingToPrint` says why there is no document
(an unknown receipt number, payer, visit or NIK) before any file is opened.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from pypdf import PdfReader, PdfWriter

from outreach_app.documents.payer_list import render_payer_list
from outreach_app.documents.receipt import ReceiptContent
from outreach_app.documents.registration_form import (
    RegistrationFormContent,
    render_blank_form,
    render_registration_form,
)
from outreach_app.documents.reminder_list import render_reminder_list
from outreach_app.documents.visit_report import render_visit_report
from outreach_app.domain.double_payments import PaymentSettlement
from outreach_app.domain.models import CashDeposit, Participant, Payment
from outreach_app.domain.months import month_start
from outreach_app.domain.rates import RateSchedule
from outreach_app.services.list_printing import PayerListPrinter, VisitReportPrinter
from outreach_app.services.print_output import NothingToPrint, PrintJob, write_pdf
from outreach_app.services.receipt_printing import ReceiptPrinter
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.services.registration_printing import RegistrationFormPrinter
from outreach_app.services.reminder_printing import ReminderListPrinter
from outreach_app.storage.store import Store

__all__ = ["NothingToPrint", "PrintJob", "PrintService", "write_pdf"]


class PrintService:
    """Every document the app prints, from this database; `demo` marks every page."""

    def __init__(
        self,
        store: Store,
        schedule: RateSchedule,
        signer: ReceiptSigner,
        demo: bool = False,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._store = store
        self.demo = demo
        self.receipts = ReceiptPrinter(store, schedule, signer, demo)
        self.forms = RegistrationFormPrinter(store, schedule, today, demo)
        self.payer_lists = PayerListPrinter(store, schedule, today, demo)
        self.visit_reports = VisitReportPrinter(store, today, demo)
        self.reminder_lists = ReminderListPrinter(store, schedule, today)

    # --- jobs: read now, draw later -----------------------------------------------------

    def receipt_job(self, receipt_no: str) -> PrintJob:
        payment = self.receipts.payment(receipt_no)
        contents = self.receipts.contents([payment])
        return PrintJob(
            f"Kuitansi {payment.receipt_no}",
            f"kuitansi-{payment.receipt_no}.pdf",
            lambda: self.receipts.render(contents),
        )

    def day_receipts_job(self, agent_id: str, day: dt.date) -> PrintJob:
        """The day's recap page, then each receipt (two copies a page: participant, archive)."""
        contents = self.receipts.contents(self.receipts.payments_of_day(agent_id, day))
        recap = self.receipts.recap_heading(agent_id, day)
        return PrintJob(
            f"Kuitansi {day:%d-%m-%Y} ({len(contents)})",
            f"kuitansi-{day:%Y-%m-%d}.pdf",
            lambda: self.receipts.render(contents, recap),
        )

    def slip_job(self, deposit: CashDeposit) -> PrintJob:
        """A close-out's deposit slip (services/slip_printing.py)."""
        from outreach_app.services.slip_printing import slip_job

        return slip_job(self._store, deposit, self.demo)

    def refund_note_job(self, settlement: PaymentSettlement) -> PrintJob:
        """A refunded double payment's note (services/double_payments.py)."""
        from outreach_app.services.double_payments import refund_note_job

        return refund_note_job(self._store, settlement, self.demo)

    def form_job(self, participant_id: str) -> PrintJob:
        return self._form_job(self.forms.participant(participant_id))

    def form_for_nik_job(self, nik: str) -> PrintJob:
        return self._form_job(self.forms.participant_by_nik(nik))

    def _form_job(self, person: Participant) -> PrintJob:
        content = self.forms.content(person)
        return PrintJob(
            f"Formulir pendaftaran {person.full_name}",
            f"formulir-{person.nik or person.stamp.id}.pdf",
            lambda: render_registration_form(content, demo=self.demo),
        )

    def blank_form_job(self) -> PrintJob:
        return PrintJob(
            "Formulir pendaftaran kosong",
            "formulir-kosong.pdf",
            lambda: render_blank_form(demo=self.demo),
        )

    def visit_forms_job(self, visit_id: str) -> PrintJob:
        """The registration forms of everyone the visit enrolled, in one PDF."""
        people = self.visit_reports.enrolled(visit_id)
        if not people:
            raise NothingToPrint("Belum ada peserta yang terdaftar pada kunjungan ini.")
        contents = [self.forms.content(person) for person in people]
        return PrintJob(
            f"Formulir pendaftaran kunjungan ({len(contents)})",
            f"formulir-kunjungan-{visit_id[:8]}.pdf",
            lambda: render_registration_forms(contents, self.demo),
        )

    def payer_list_job(self, payer_id: str, month: dt.date) -> PrintJob:
        content = self.payer_lists.content(payer_id, month)
        first = month_start(month)
        return PrintJob(
            f"Daftar tagihan {content.payer_name} {first:%m-%Y}",
            f"tagihan-{first:%Y-%m}-{payer_id[:8]}.pdf",
            lambda: render_payer_list(content, demo=self.demo),
        )

    def visit_report_job(self, visit_id: str) -> PrintJob:
        content = self.visit_reports.content(visit_id)
        return PrintJob(
            f"Laporan kunjungan {content.village.name}",
            f"laporan-kunjungan-{visit_id[:8]}.pdf",
            lambda: render_visit_report(content, demo=self.demo),
        )

    def reminder_list_job(self, village_id: str) -> PrintJob:
        content = self.reminder_lists.content(village_id)
        return PrintJob(
            f"Pengingat iuran {content.village.name}",
            f"pengingat-iuran-{content.village.code}-{content.printed_on:%Y-%m-%d}.pdf",
            lambda: render_reminder_list(content, demo=self.demo),
        )

    # --- at once (command line, tests) --------------------------------------------------

    def receipt(self, receipt_no: str) -> bytes:
        return self.receipt_job(receipt_no).render()

    def receipts_of_day(self, agent_id: str, day: dt.date) -> bytes:
        return self.day_receipts_job(agent_id, day).render()

    def receipt_content(self, payment: Payment) -> ReceiptContent:
        return self.receipts.receipt_content(payment)


def render_registration_forms(contents: list[RegistrationFormContent], demo: bool) -> bytes:
    """Several forms in one PDF, each drawn as printed alone (its own page numbers and
    footer), then joined."""
    joined = PdfWriter()
    for content in contents:
        joined.append(PdfReader(io.BytesIO(render_registration_form(content, demo=demo))))
    out = io.BytesIO()
    joined.write(out)
    return out.getvalue()

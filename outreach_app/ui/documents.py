"""Opening documents from any page: read the records, draw off the GUI thread, preview.

The print service reads the records (and signs receipts' QR codes) when the job is made, on
the GUI thread that owns the database connection; the drawing, which for a day's receipts can
take a second, runs on the worker thread behind a busy indicator. A refusal (nothing to print)
is told in the service's own words, without a modal box that would stop the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from outreach_app.domain.errors import DomainError
from outreach_app.services.setup import SetupService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.workers import TaskContext, Worker

if TYPE_CHECKING:
    from outreach_app.domain.double_payments import PaymentSettlement
    from outreach_app.domain.models import CashDeposit
    from outreach_app.services.printing import PrintJob, PrintService


class DocumentActions(QObject):
    opened = Signal(object)  # the DocumentPreviewDialog shown
    refused = Signal(str)  # why nothing was printed

    def __init__(
        self,
        printing: Callable[[], PrintService],
        setup: SetupService,
        worker: Worker,
        parent: QObject | None,
    ) -> None:
        super().__init__(parent)
        self._make_printing = printing
        self._service: PrintService | None = None
        self._setup = setup
        self._worker = worker

    @property
    def _printing(self) -> PrintService:
        """Made on the first print: reportlab, the QR encoder and the signing key load then,
        not at start-up."""
        if self._service is None:
            self._service = self._make_printing()
        return self._service

    # --- the documents -------------------------------------------------------------------

    def receipt(self, parent: QWidget, receipt_no: str) -> None:
        self.show(parent, lambda: self._printing.receipt_job(receipt_no))

    def day_receipts(self, parent: QWidget, agent_id: str, day: dt.date) -> None:
        self.show(parent, lambda: self._printing.day_receipts_job(agent_id, day))

    def deposit_slip(self, parent: QWidget, deposit: CashDeposit) -> None:
        self.show(parent, lambda: self._printing.slip_job(deposit))

    def refund_note(self, parent: QWidget, settlement: PaymentSettlement) -> None:
        self.show(parent, lambda: self._printing.refund_note_job(settlement))

    def form(self, parent: QWidget, participant_id: str) -> None:
        self.show(parent, lambda: self._printing.form_job(participant_id))

    def blank_form(self, parent: QWidget) -> None:
        self.show(parent, self._printing.blank_form_job)

    def payer_list(self, parent: QWidget, payer_id: str, month: dt.date) -> None:
        self.show(parent, lambda: self._printing.payer_list_job(payer_id, month))

    def visit_report(self, parent: QWidget, visit_id: str) -> None:
        self.show(parent, lambda: self._printing.visit_report_job(visit_id))

    def visit_forms(self, parent: QWidget, visit_id: str) -> None:
        self.show(parent, lambda: self._printing.visit_forms_job(visit_id))

    def reminder_list(self, parent: QWidget, village_id: str) -> None:
        self.show(parent, lambda: self._printing.reminder_list_job(village_id))

    # --- how any of them opens -----------------------------------------------------------

    def show(self, parent: QWidget, make_job: Callable[[], PrintJob]) -> None:
        from PySide6.QtCore import Qt  # the Qt namespace takes ~15 ms to load: not at start-up

        try:
            job = make_job()
        except (DomainError, StorageUnavailable) as exc:
            self._tell(parent, self.tr("Tidak ada yang dicetak"), str(exc))
            return
        busy = QProgressDialog(
            self.tr("Menyiapkan {title}…").format(title=job.title), "", 0, 0, parent
        )
        busy.setCancelButton(None)  # drawing is short and leaves nothing behind: no cancel
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)

        def draw(_context: TaskContext) -> bytes:
            return job.render()

        def drawn(pdf: bytes) -> None:
            from outreach_app.ui.dialogs.document_preview import DocumentPreviewDialog

            busy.close()
            dialog = DocumentPreviewDialog(
                job.title, pdf, job.file_name, self._setup.document_folder(), parent
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.opened.emit(dialog)

        def failed(error: Exception) -> None:
            busy.close()
            self._tell(
                parent,
                self.tr("Dokumen gagal dibuat"),
                self.tr("{title} tidak bisa dibuat: {error}").format(title=job.title, error=error),
            )

        self._worker.run(draw, drawn, failed)

    def _tell(self, parent: QWidget, title: str, text: str) -> None:
        from PySide6.QtCore import Qt  # the Qt namespace takes ~15 ms to load: not at start-up

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window goes on
        self.refused.emit(text)

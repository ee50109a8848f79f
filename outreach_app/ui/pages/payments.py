"""Payments and cash: money the agent collected, deposits made, the balance still in hand, and
the receipts of a day (voidable with a reason, never editable)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import CashDeposit, Role, User, Village
from outreach_app.reference.dates_text import month_span
from outreach_app.reference.money_text import format_count, format_rupiah
from outreach_app.services.payments import DaySheet, PaymentService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.documents import DocumentActions
from outreach_app.ui.export_actions import ExportActions
from outreach_app.ui.translations import date_locale
from outreach_app.ui.widgets.cards import StatCard, title
from outreach_app.ui.widgets.print_button import print_menu_button
from outreach_app.ui.workers import Worker

if TYPE_CHECKING:  # the dialogs and the export's module load when first used (~6 ms)
    from outreach_app.ui.dialogs.cash_closeout import CloseOutDialog, ConfirmDepositDialog
    from outreach_app.ui.dialogs.double_payments import DoublePaymentsDialog
    from outreach_app.ui.dialogs.group_payment import GroupPaymentDialog
    from outreach_app.ui.dialogs.payer_list import PayerListDialog


class PaymentsPage(QWidget):
    loaded = Signal()
    changed = Signal()

    def __init__(
        self,
        service: PaymentService,
        worker: Worker,
        agent: User | None,
        today: dt.date,
        documents: DocumentActions | None = None,
        exports: ExportActions | None = None,
    ) -> None:
        super().__init__()
        self._exports = exports
        self._service = service
        self._documents = documents
        self._worker = worker
        self._agent = agent
        self.sheet: DaySheet | None = None
        self.collected_card = StatCard(self.tr("Tunai diterima (semua kuitansi)"))
        self.deposited_card = StatCard(self.tr("Sudah disetor"))
        self.in_hand_card = StatCard(self.tr("Masih di tangan agen"))
        self.day_card = StatCard(self.tr("Diterima pada hari terpilih"))
        cards = QHBoxLayout()
        for card in (self.collected_card, self.deposited_card, self.in_hand_card, self.day_card):
            cards.addWidget(card)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.void_button = QPushButton(self.tr("Batalkan kuitansi terpilih"))
        self.deposit_button = QPushButton(self.tr("Tutup kas…"))
        self.confirm_button = QPushButton(self.tr("Konfirmasi setoran…"))
        self.confirm_button.setVisible(agent is not None and agent.role is Role.STAFF)
        self.group_button = QPushButton(self.tr("Bayar kolektif…"))
        self.requests_button = QPushButton(self.tr("Permintaan pembatalan…"))  # staff only
        self.doubles_button = QPushButton(self.tr("Pembayaran ganda…"))  # staff only
        for button in (self.void_button, self.deposit_button, self.group_button):
            button.setEnabled(agent is not None)
        self.print_button, printed = print_menu_button(
            self.tr("Cetak"),
            [self.tr("Kuitansi terpilih"), self.tr("Semua kuitansi hari terpilih"),
             self.tr("Daftar tagihan pembayar kolektif…")],
            documents is not None,
        )  # fmt: skip
        self.print_selected_action, self.print_day_action, self.print_payer_action = printed
        self.export_button, exported = print_menu_button(
            self.tr("Ekspor"),
            [self.tr("Semua kuitansi ke Excel/CSV…"), self.tr("Kuitansi satu desa…")],
            exports is not None,
        )
        self.export_all_action, self.export_village_action = exported
        self.export_all_action.triggered.connect(lambda: self.export_receipts(None))
        self.export_village_action.triggered.connect(self.export_village)
        self.print_selected_action.setEnabled(agent is not None)
        self.print_day_action.setEnabled(agent is not None)
        self.receipts = QTableWidget(0, 6)
        self.receipts.setHorizontalHeaderLabels(
            [self.tr("Kuitansi"), self.tr("Jam"), self.tr("Peserta"), self.tr("Periode"),
             self.tr("Jumlah"), self.tr("Keterangan")]
        )  # fmt: skip
        self.deposits = QTableWidget(0, 4)
        self.deposits.setHorizontalHeaderLabels(
            [self.tr("Tanggal"), self.tr("Jumlah"), self.tr("Bukti"), self.tr("Catatan")]
        )
        for table in (self.receipts, self.deposits):
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.deposits.setMaximumHeight(180)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Kuitansi tanggal")))
        bar.addWidget(self.day)
        bar.addStretch(1)
        bar.addWidget(self.group_button)
        bar.addWidget(self.void_button)
        bar.addWidget(self.deposit_button)
        bar.addWidget(self.confirm_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title(self.tr("Pembayaran dan kas")))
        if agent is None:
            layout.addWidget(QLabel(self.tr("Pilih identitas agen di Pengaturan.")))
        layout.addLayout(cards)
        layout.addLayout(bar)
        if agent is not None and agent.role is Role.STAFF:  # a row of its own: 1366 px wide
            staff_bar = QHBoxLayout()
            staff_bar.addStretch(1)
            staff_bar.addWidget(self.requests_button)
            staff_bar.addWidget(self.doubles_button)
            layout.addLayout(staff_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.receipts, 1)
        layout.addWidget(title(self.tr("Setoran"), "sectionTitle"))
        layout.addWidget(self.deposits)
        self.void_button.clicked.connect(self._void_selected)
        self.requests_button.clicked.connect(self.open_void_requests)
        self.doubles_button.clicked.connect(self.open_double_payments)
        self.deposit_button.clicked.connect(self.open_closeout)
        self.confirm_button.clicked.connect(self.open_confirm)
        self.deposits.cellDoubleClicked.connect(self.print_slip)
        self.deposits.setToolTip(self.tr("Klik dua kali tutup kas untuk mencetak slipnya lagi"))
        self.group_button.clicked.connect(self.open_group_payment)
        self.print_selected_action.triggered.connect(self.print_selected)
        self.print_day_action.triggered.connect(self.print_day)
        self.print_payer_action.triggered.connect(self.open_payer_list)
        self.day.dateChanged.connect(self.load)

    def load(self, *_changed: object) -> None:
        """Reads the ledger and the chosen day's receipts in the background."""
        agent = self._agent
        if agent is None:
            self.loaded.emit()
            return
        wanted: dt.date = self.day.date().toPython()
        service = self._service
        self._worker.run(lambda _context: service.day_sheet(agent, wanted), self._show)

    def _show(self, sheet: DaySheet) -> None:
        self.sheet = sheet
        ledger = sheet.ledger
        self.collected_card.value.setText(format_rupiah(ledger.collected))
        self.deposited_card.value.setText(format_rupiah(ledger.deposited))
        self.in_hand_card.value.setText(format_rupiah(ledger.in_hand))
        self.day_card.value.setText(format_rupiah(sheet.day_total))
        self.day_card.caption.setText(
            self.tr("{n} kuitansi pada hari terpilih").format(n=format_count(len(sheet.receipts)))
        )
        self.receipts.setRowCount(len(sheet.receipts))
        for row, line in enumerate(sheet.receipts):
            p = line.payment
            remark = self.tr("BATAL: {reason}").format(reason=p.void_reason) if p.voided else ""
            values = (
                p.receipt_no, p.paid_at.strftime("%H:%M"), line.participant_name,
                month_span(p.period_start, p.period_end, date_locale()),
                format_rupiah(p.total), remark,
            )  # fmt: skip
            for column, value in enumerate(values):
                self.receipts.setItem(row, column, cell(value, amount=column == 4))
        self.deposits.setRowCount(len(sheet.deposits))
        for row, deposit in enumerate(sheet.deposits):
            values = (
                deposit.deposited_at.strftime("%d-%m-%Y %H:%M"), format_rupiah(deposit.amount),
                deposit.reference, self._deposit_note(deposit),
            )  # fmt: skip
            for column, value in enumerate(values):
                self.deposits.setItem(row, column, cell(value, amount=column == 1))
        self.loaded.emit()

    def _void_selected(self) -> None:
        row = self.receipts.currentRow()
        if self.sheet is None or row < 0:
            return
        self.void_receipt(self.sheet.receipts[row].payment.receipt_no)

    def void_receipt(self, receipt_no: str, reason: str | None = None) -> bool:
        """With a reason (scripts, tests): the rule applied at once; without one, the
        confirmation dialog (person, months, amount; a request when the rule says so)."""
        from outreach_app.ui.void_actions import open_void_dialog, void_service

        if self._agent is None:
            return False
        agent = self._agent
        if reason is None:
            self.void_dialog = open_void_dialog(
                self, self._service, receipt_no, agent, lambda _n: self._act(lambda: None)
            )
            return False
        voids = void_service(self._service)
        return self._act(lambda: voids.void_or_request(receipt_no, reason, agent))

    def open_void_requests(self) -> None:
        from outreach_app.ui.void_actions import open_void_requests

        if self._agent is not None:
            self.requests_dialog = open_void_requests(
                self, self._service, self._agent, lambda _id: self._act(lambda: None)
            )

    def open_double_payments(self) -> DoublePaymentsDialog | None:
        """Staff settle double payments (ui/dialogs/double_payments.py); each reloads the page."""
        from outreach_app.ui.dialogs.double_payments import DoublePaymentsDialog

        if self._agent is None:
            return None
        dialog = DoublePaymentsDialog(self._service.store, self._agent, self._documents, self)
        dialog.settled.connect(lambda _n: self._act(lambda: None))
        dialog.open()
        return dialog

    def open_group_payment(self) -> GroupPaymentDialog | None:
        from outreach_app.ui.dialogs.group_payment import GroupPaymentDialog

        if self._agent is None:
            return None
        dialog = GroupPaymentDialog(
            self._service, self._service.collective_payers(), self._agent,
            self.day.date().toPython(), self,
        )  # fmt: skip
        dialog.group_paid.connect(lambda _n: (self.changed.emit(), self.load()))
        dialog.open()
        return dialog

    def print_selected(self) -> None:
        row = self.receipts.currentRow()
        if self._documents is None or self.sheet is None or row < 0:
            self.message.setText(self.tr("Pilih kuitansi di tabel dulu."))
            return
        self._documents.receipt(self, self.sheet.receipts[row].payment.receipt_no)

    def print_day(self) -> None:
        if self._documents is not None and self._agent is not None:
            self._documents.day_receipts(self, self._agent.stamp.id, self.day.date().toPython())

    def open_payer_list(self) -> PayerListDialog | None:
        from outreach_app.ui.dialogs.payer_list import PayerListDialog

        if self._documents is None:
            return None
        dialog = PayerListDialog(
            self._service.collective_payers(), self.day.date().toPython(), self
        )
        dialog.accepted.connect(lambda: self.print_payer_list(dialog.chosen()))
        dialog.open()
        return dialog

    def print_payer_list(self, chosen: tuple[str, dt.date] | None) -> None:
        if self._documents is not None and chosen is not None:
            self._documents.payer_list(self, *chosen)

    def _deposit_note(self, deposit: CashDeposit) -> str:
        if not deposit.is_closeout:
            return deposit.note
        parts = [self.tr("Tutup kas, {n} kuitansi").format(n=format_count(len(deposit.receipts)))]
        if deposit.difference:
            difference = self.tr("selisih {amount}: {reason}")
            parts.append(difference.format(amount=format_rupiah(deposit.difference),
                                           reason=deposit.difference_reason))  # fmt: skip
        if deposit.received_at is not None:
            parts.append(self.tr("diterima cabang {at}").format(
                at=deposit.received_at.strftime("%d-%m-%Y %H:%M")))  # fmt: skip
        else:
            parts.append(self.tr("belum dikonfirmasi cabang"))
        return " · ".join(parts)

    def open_closeout(self) -> CloseOutDialog | None:
        """The close-out dialog (ui/dialogs/cash_closeout.py); saved, the slip opens."""
        from outreach_app.ui.dialogs.cash_closeout import CloseOutDialog

        if self._agent is None:
            return None
        dialog = CloseOutDialog(self._service.cash_closeout(), self._agent, self)
        dialog.closed_out.connect(self._closed_out)
        dialog.open()
        return dialog

    def _closed_out(self, deposit: CashDeposit) -> None:
        self.changed.emit()
        self.load()
        if self._documents is not None:
            self._documents.deposit_slip(self, deposit)

    def print_slip(self, row: int, _column: int = 0) -> None:
        """A close-out's slip again (double-click its row)."""
        if self._documents is None or self.sheet is None or not 0 <= row < len(self.sheet.deposits):
            return
        deposit = self.sheet.deposits[row]
        if deposit.is_closeout:
            self._documents.deposit_slip(self, deposit)

    def open_confirm(self) -> ConfirmDepositDialog | None:
        from outreach_app.ui.dialogs.cash_closeout import ConfirmDepositDialog

        if self._agent is None or self._agent.role is not Role.STAFF:
            return None
        dialog = ConfirmDepositDialog(self._service.deposit_slips(), self._agent, self)
        dialog.confirmed.connect(lambda _deposit: (self.changed.emit(), self.load()))
        dialog.open()
        return dialog

    def _act(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except (DomainError, StorageUnavailable) as exc:
            self.message.setText(self.tr("Tidak tersimpan: {error}").format(error=exc))
            return False
        self.message.setText("")
        self.changed.emit()
        self.load()
        return True

    # --- export ---------------------------------------------------------------------------

    def export_receipts(self, village: Village | None) -> None:
        """Every receipt on this laptop (voided ones marked), or those of one village."""
        from outreach_app.services.exporting import ExportKind

        if self._exports is None:
            return
        day = self.day.date().toPython()
        where = f"-{village.code}" if village is not None else ""
        village_id = village.stamp.id if village is not None else None
        self._exports.ask(self, f"kuitansi{where}-{day:%Y-%m-%d}.xlsx", lambda jobs, target: (
            jobs.export(ExportKind.PAYMENTS, target, village_id=village_id)))  # fmt: skip

    def export_village(self) -> None:
        if self._exports is None:
            return
        villages = self._exports.jobs.villages()
        names = [f"{v.name} ({v.district}) {v.code}" for v in villages]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Kuitansi satu desa"), self.tr("Desa"), names, 0, False
        )
        if ok and chosen in names:
            self.export_receipts(villages[names.index(chosen)])


def cell(text: str, amount: bool = False) -> QTableWidgetItem:
    """A read-only table cell; amounts right-aligned so their digits line up."""
    item = QTableWidgetItem(text)
    if amount:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item

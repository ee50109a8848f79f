"""Closing out the cash (agent) and confirming a deposit received (branch staff).

The close-out dialog lists every cash receipt not yet deposited with its person, months and
amount; the agent types the cash counted and sees the difference at once; a difference needs
its reason before saving. Saving records the close-out (services/cash_closeout.py) and
hands back the deposit, whose slip the page then prints.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import CashDeposit, User
from outreach_app.reference.dates_text import month_span
from outreach_app.reference.money_text import format_count, format_rupiah, parse_rupiah
from outreach_app.services.cash_closeout import CashCloseOut, CloseOutPreview
from outreach_app.services.deposit_slips import DepositSlips
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.dialogs.buttons import save_cancel_buttons
from outreach_app.ui.translations import date_locale

ERROR_STYLE = "color: #b91c1c;"


def _cell(text: str, amount: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if amount:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class CloseOutDialog(QDialog):
    closed_out = Signal(object)  # the CashDeposit saved

    def __init__(self, service: CashCloseOut, agent: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._agent = agent
        self.preview: CloseOutPreview = service.preview(agent)
        self.deposit: CashDeposit | None = None
        self.setWindowTitle(self.tr("Tutup kas"))
        self.setMinimumSize(760, 520)
        expected = self.preview.expected
        self.expected = QLabel(format_rupiah(expected))
        self.counted = QLineEdit(format_rupiah(expected).removeprefix("Rp"))
        self.counted.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counted.setMaximumWidth(220)
        self.expected.setStyleSheet("font-weight: bold;")
        self.difference = QLabel()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("wajib bila ada selisih, mis. uang kembalian kurang")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Uang seharusnya"), self.expected)
        form.addRow(self.tr("Uang dihitung"), self.counted)
        form.addRow(self.tr("Selisih"), self.difference)
        form.addRow(self.tr("Alasan selisih"), self.reason)
        self.receipts = QTableWidget(len(self.preview.lines), 5)
        self.receipts.setHorizontalHeaderLabels(
            [self.tr("Kuitansi"), self.tr("Dibayar"), self.tr("Peserta"), self.tr("Periode"),
             self.tr("Jumlah")]
        )  # fmt: skip
        self.receipts.verticalHeader().setVisible(False)
        self.receipts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.receipts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        locale = date_locale()
        for row, line in enumerate(self.preview.lines):
            p = line.payment
            period = month_span(p.period_start, p.period_end, locale)
            values = (p.receipt_no, p.paid_at.strftime("%d-%m-%Y %H:%M"), line.participant_name,
                      period, format_rupiah(line.cash))  # fmt: skip
            for column, value in enumerate(values):
                self.receipts.setItem(row, column, _cell(value, amount=column == 4))
        count = QLabel(
            self.tr("{n} kuitansi tunai belum disetor").format(
                n=format_count(len(self.preview.lines))
            )
        )
        buttons, self.save_button = save_cancel_buttons(self, self.tr("Simpan dan cetak slip"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(count)
        layout.addWidget(self.receipts, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.counted.textChanged.connect(self._update)
        self.reason.textChanged.connect(lambda _text: self.message.setText(""))
        self._update()
        if not self.preview.lines:
            self.save_button.setEnabled(False)
            self.message.setText(self.tr("Tidak ada kuitansi tunai yang belum disetor."))

    def counted_value(self) -> int | None:
        try:
            return parse_rupiah(self.counted.text())
        except ValueError:
            return None

    def _update(self) -> None:
        counted = self.counted_value()
        if counted is None:
            self.difference.setText(self.tr("jumlah tidak terbaca"))
            self.difference.setStyleSheet(ERROR_STYLE)
            return
        difference = counted - self.preview.expected
        text = format_rupiah(difference)
        self.difference.setText(("+" + text) if difference > 0 else text)
        self.difference.setStyleSheet(ERROR_STYLE if difference else "")
        self.reason.setEnabled(difference != 0)

    def save(self) -> None:
        counted = self.counted_value()
        if counted is None:
            self.message.setText(self.tr("Isi uang yang dihitung dalam rupiah, mis. 150.000."))
            return
        try:
            self.deposit = self._service.close(
                self._agent, counted, self.reason.text(), shown=self.preview
            )
        except (DomainError, StorageUnavailable) as exc:
            self.message.setText(str(exc))
            return
        self.closed_out.emit(self.deposit)
        self.accept()


class ConfirmDepositDialog(QDialog):
    """Staff: the slip's QR text (a scanner types it into the field), or its number and the
    short code printed under the code; checked first, then recorded as received."""

    confirmed = Signal(object)  # the CashDeposit, now received

    def __init__(self, slips: DepositSlips, staff: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slips = slips
        self._staff = staff
        self.deposit: CashDeposit | None = None
        self.setWindowTitle(self.tr("Konfirmasi setoran diterima"))
        self.setMinimumWidth(620)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("pindai kode QR slip, atau tempel teksnya di sini"))
        self.slip_no = QLineEdit()
        self.slip_no.setPlaceholderText("ST20261208-A1B2C3")
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("kode pendek di bawah QR"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Kode QR slip"), self.scan)
        form.addRow(QLabel(self.tr("atau ketik:")))
        form.addRow(self.tr("Nomor slip"), self.slip_no)
        form.addRow(self.tr("Kode pendek"), self.code)
        buttons, self.confirm_button = save_cancel_buttons(self, self.tr("Konfirmasi diterima"))
        buttons.accepted.connect(self.confirm)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        for field in (self.scan, self.slip_no, self.code):
            field.textChanged.connect(self.check)

    def _text(self) -> str:
        scanned = self.scan.text().strip()
        if scanned:
            return scanned
        return f"{self.slip_no.text().strip()} {self.code.text().strip()}".strip()

    def check(self) -> bool:
        """Shows what the slip says, or why it is refused; nothing is recorded."""
        text = self._text()
        if not text or (not self.scan.text().strip() and not self.code.text().strip()):
            self.result.setText("")
            return False
        try:
            deposit = self._slips.resolve(text)
        except (DomainError, StorageUnavailable) as exc:
            self._show(str(exc), error=True)
            return False
        summary = self.tr("Slip {slip}: {counted} disetor (seharusnya {expected}), {n} kuitansi.")
        line = summary.format(
            slip=deposit.reference, counted=format_rupiah(deposit.amount),
            expected=format_rupiah(deposit.expected), n=format_count(len(deposit.receipts)),
        )  # fmt: skip
        if deposit.difference_reason:
            line += " " + self.tr("Alasan selisih: {reason}").format(
                reason=deposit.difference_reason
            )
        if deposit.received_at is not None:
            self._show(line + " " + self.tr("Sudah dikonfirmasi diterima."), error=True)
            return False
        self._show(line, error=False)
        return True

    def _show(self, text: str, error: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(ERROR_STYLE if error else "color: #166534;")

    def confirm(self) -> None:
        try:
            self.deposit = self._slips.confirm(self._staff, self._text())
        except (DomainError, StorageUnavailable) as exc:
            self._show(str(exc), error=True)
            return
        self.confirmed.emit(self.deposit)
        self.accept()

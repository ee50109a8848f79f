"""Staff settle double payments (two laptops took the same months offline): each open one
with the person (masked NIK), the months covered twice, the double receipt and the receipt it
repeats; staff credit it to the next months or refund it with a note the participant signs.
Settled ones stay listed on their own tab, where a refund's note prints again.

The lists are read on the GUI thread, which owns the database connection, like the void
requests review; the refund note is drawn on the worker by DocumentActions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.double_payments import PaymentSettlement, SettlementKind
from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import User
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import month_span, short_date
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.double_payments import (
    DoublePaymentLine,
    DoublePaymentService,
    SettledLine,
)
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.store import Store
from outreach_app.ui.documents import DocumentActions
from outreach_app.ui.translations import date_locale


def table(headers: Sequence[str], stretch: int) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(list(headers))
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setWordWrap(False)  # one line a row; the whole text is in each cell's tooltip
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    widget.verticalHeader().setVisible(False)
    return widget


def fill(widget: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    widget.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            widget.setItem(row, column, item)


def when(moment: dt.datetime) -> str:
    return f"{short_date(moment.date())} {moment:%H:%M}"


class RefundPrompt(QDialog):
    """Asks the note a refund carries (who took the money back, how) before it is final."""

    def __init__(self, line: DoublePaymentLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kembalikan uang"))
        pay = line.double.payment
        text = QLabel(
            self.tr(
                "Kuitansi {receipt} ({amount}) atas nama {name} dibatalkan dan uangnya "
                "dikembalikan. Bukti pengembalian dicetak untuk ditandatangani peserta."
            ).format(
                receipt=pay.receipt_no,
                amount=format_rupiah(pay.total),
                name=line.participant.full_name,
            )
        )
        text.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Misalnya: diterima tunai oleh istri peserta"))
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(
            self.tr("Kembalikan dan cetak bukti"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("Catatan")))
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


class DoublePaymentsDialog(QDialog):
    """`settled(receipt_no)` after each credit or refund."""

    settled = Signal(str)

    def __init__(
        self,
        store: Store,
        actor: User,
        documents: DocumentActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._actor, self._documents = store, actor, documents
        self._service = DoublePaymentService(store)
        self.lines: list[DoublePaymentLine] = []
        self.done_lines: list[SettledLine] = []
        self.prompt: RefundPrompt | None = None
        self.setWindowTitle(self.tr("Pembayaran ganda"))
        self.resize(1200, 560)
        self.table = table(
            [self.tr("Peserta"), self.tr("NIK"), self.tr("Bulan ganda"), self.tr("Kuitansi ganda"),
             self.tr("Agen"), self.tr("Dibayar"), self.tr("Jumlah"), self.tr("Mengulang kuitansi")],
            7,
        )  # fmt: skip
        self.done_table = table(
            [self.tr("Diputuskan"), self.tr("Peserta"), self.tr("NIK"), self.tr("Kuitansi"),
             self.tr("Keputusan"), self.tr("Jumlah"), self.tr("Catatan")],
            6,
        )  # fmt: skip
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.credit = QPushButton(self.tr("Kreditkan ke bulan berikutnya"))
        self.refund = QPushButton(self.tr("Kembalikan uang…"))
        self.reprint = QPushButton(self.tr("Cetak bukti pengembalian"))
        self.credit.clicked.connect(self.credit_selected)
        self.refund.clicked.connect(self.ask_refund)
        self.reprint.clicked.connect(self.print_selected_note)
        self.reprint.setVisible(documents is not None)
        hint = QLabel(
            self.tr(
                "Kuitansi ganda dibatalkan. Dikreditkan: uangnya dipakai pembayaran peserta "
                "berikutnya. Dikembalikan: uangnya diserahkan kembali dengan bukti yang "
                "ditandatangani peserta. Kedua agen melihat keputusan ini setelah sinkron."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4b5563;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.credit)
        actions.addWidget(self.refund)
        open_tab = QWidget()
        open_layout = QVBoxLayout(open_tab)
        open_layout.addWidget(self.summary)
        open_layout.addWidget(self.table, 1)
        open_layout.addLayout(actions)
        open_layout.addWidget(hint)
        done_tab = QWidget()
        done_layout = QVBoxLayout(done_tab)
        self.done_summary = QLabel()
        done_layout.addWidget(self.done_summary)
        done_layout.addWidget(self.done_table, 1)
        reprint_row = QHBoxLayout()
        reprint_row.addStretch(1)
        reprint_row.addWidget(self.reprint)
        done_layout.addLayout(reprint_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(open_tab, self.tr("Belum diselesaikan"))
        self.tabs.addTab(done_tab, self.tr("Sudah diselesaikan"))
        close = QDialogButtonBox()
        close.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.done_table.itemSelectionChanged.connect(self._selection_changed)
        self.load()

    # --- the lists ----------------------------------------------------------------------

    def load(self) -> None:
        self.lines = self._service.open_doubles()
        self.done_lines = list(reversed(self._service.settled()))  # newest decision first
        locale = date_locale()
        fill(self.table, [self._open_row(line, locale) for line in self.lines])
        fill(self.done_table, [self._done_row(line) for line in self.done_lines])
        self.summary.setText(
            self.tr("{count} pembayaran ganda menunggu keputusan staf.").format(
                count=len(self.lines)
            )
            if self.lines
            else self.tr("Tidak ada pembayaran ganda yang perlu diselesaikan.")
        )
        self.done_summary.setText(
            self.tr("{count} pembayaran ganda sudah diselesaikan.").format(
                count=len(self.done_lines)
            )
            if self.done_lines
            else self.tr("Belum ada pembayaran ganda yang diselesaikan.")
        )
        if self.lines:
            self.table.selectRow(0)
        self._selection_changed()

    def _open_row(self, line: DoublePaymentLine, locale: str) -> list[str]:
        double, person = line.double, line.participant
        pay, first = double.payment, double.first
        months = month_span(double.months[0], double.months[-1], locale)
        return [
            person.full_name, masked_nik(person.nik),
            self.tr("{span} ({count} bln)").format(span=months, count=len(double.months)),
            pay.receipt_no, self._user_name(pay.collected_by), when(pay.paid_at),
            format_rupiah(pay.total),
            self.tr("{receipt} · {agent} · {paid}").format(
                receipt=first.receipt_no, agent=self._user_name(first.collected_by),
                paid=when(first.paid_at),
            ),
        ]  # fmt: skip

    def _done_row(self, line: SettledLine) -> list[str]:
        row = line.settlement
        person = line.participant
        kind = (
            self.tr("Dikreditkan") if row.kind is SettlementKind.CREDIT else self.tr("Dikembalikan")
        )
        return [
            when(row.decided_at), person.full_name if person else "?",
            masked_nik(person.nik if person else None),
            line.payment.receipt_no if line.payment else "—",
            self.tr("{kind} oleh {staff}").format(kind=kind, staff=self._user_name(row.decided_by)),
            format_rupiah(row.amount), row.note,
        ]  # fmt: skip

    def _user_name(self, user_id: str) -> str:
        user = self._store.users.find(user_id)
        return user.full_name if user else user_id

    def _selection_changed(self) -> None:
        chosen = self._chosen() is not None
        self.credit.setEnabled(chosen)
        self.refund.setEnabled(chosen)
        self.reprint.setEnabled(self._chosen_refund() is not None)

    def _chosen(self) -> DoublePaymentLine | None:
        row = self.table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def _chosen_refund(self) -> PaymentSettlement | None:
        row = self.done_table.currentRow()
        if not 0 <= row < len(self.done_lines):
            return None
        settlement = self.done_lines[row].settlement
        return settlement if settlement.kind is SettlementKind.REFUND else None

    # --- the decisions ------------------------------------------------------------------

    def credit_selected(self) -> None:
        line = self._chosen()
        if line is not None:
            self._settle(line, SettlementKind.CREDIT, "")

    def ask_refund(self) -> RefundPrompt | None:
        """The note first (window-modal): the refund is final once confirmed."""
        line = self._chosen()
        if line is None:
            return None
        self.prompt = RefundPrompt(line, self)
        self.prompt.accepted.connect(lambda: self._refund(line))
        self.prompt.open()
        return self.prompt

    def _refund(self, line: DoublePaymentLine) -> None:
        note = self.prompt.note.text() if self.prompt is not None else ""
        settlement = self._settle(line, SettlementKind.REFUND, note)
        if settlement is not None and self._documents is not None:
            self._documents.refund_note(self, settlement)

    def _settle(
        self, line: DoublePaymentLine, kind: SettlementKind, note: str
    ) -> PaymentSettlement | None:
        receipt_no = line.double.payment.receipt_no
        try:
            settlement = self._service.settle(receipt_no, kind, self._actor, note)
        except (DomainError, StorageUnavailable) as exc:
            self.message.setText(self.tr("Belum tersimpan: {error}").format(error=exc))
            return None
        self.message.setText(
            ""
            if settlement is not None
            else self.tr("Kuitansi {receipt} dibatalkan: kredit yang dipakainya kembali.").format(
                receipt=receipt_no
            )
        )
        self.settled.emit(receipt_no)
        self.load()
        return settlement

    def print_selected_note(self) -> None:
        settlement = self._chosen_refund()
        if settlement is not None and self._documents is not None:
            self._documents.refund_note(self, settlement)

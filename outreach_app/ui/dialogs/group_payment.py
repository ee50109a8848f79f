"""A collective payer's bill paid at once (e.g. a village fund for its apparatus): pick the
payer, the months and the first month; see every member's amount; one receipt each."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Payer, PaymentMethod, User
from outreach_app.domain.months import add_months, month_start
from outreach_app.reference.money_text import amount_in_words, format_count, format_rupiah
from outreach_app.services.payments import GroupQuote, PaymentService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.widgets.combo import require_enum


class GroupPaymentDialog(QDialog):
    group_paid = Signal(int)  # receipts issued

    def __init__(
        self,
        service: PaymentService,
        payers: list[Payer],
        collector: User,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._collector = collector
        self.quote: GroupQuote | None = None
        self.setWindowTitle(self.tr("Pembayaran kolektif"))
        self.setMinimumSize(640, 480)
        self.payer = QComboBox()
        for payer in payers:
            self.payer.addItem(payer.name, payer.stamp.id)
        self.months = QComboBox()
        for months in (1, 3, 6, 12):
            self.months.addItem(self.tr("{n} bulan").format(n=months), months)
        first = add_months(month_start(today), 1)
        self.first_month = QDateEdit(QDate(first.year, first.month, 1))
        self.first_month.setDisplayFormat("MM-yyyy")
        self.method = QComboBox()
        self.method.addItem(self.tr("Transfer"), PaymentMethod.TRANSFER)
        self.method.addItem(self.tr("Tunai"), PaymentMethod.CASH)
        self.members = QTableWidget(0, 2)
        self.members.setHorizontalHeaderLabels([self.tr("Peserta"), self.tr("Jumlah")])
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.members.verticalHeader().setVisible(False)
        self.members.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b91c1c;")
        form = QFormLayout()
        form.addRow(self.tr("Pembayar"), self.payer)
        form.addRow(self.tr("Jumlah bulan"), self.months)
        form.addRow(self.tr("Mulai bulan"), self.first_month)
        form.addRow(self.tr("Cara bayar"), self.method)
        buttons = QDialogButtonBox()
        self.pay_button = buttons.addButton(
            self.tr("Terbitkan kuitansi"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.pay_button.setDefault(True)
        for signal in (self.payer.currentIndexChanged, self.months.currentIndexChanged):
            signal.connect(self._update)
        self.first_month.dateChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        payer_id = self.payer.currentData()
        if payer_id is None:
            return
        try:
            quote = self._service.quote_group(
                payer_id, self.months.currentData(), self.first_month.date().toPython()
            )
        except DomainError as exc:
            self.message.setText(str(exc))
            self.pay_button.setEnabled(False)
            return
        self.quote = quote
        self.members.setRowCount(len(quote.lines))
        for row, (person, breakdown) in enumerate(quote.lines):
            self.members.setItem(row, 0, QTableWidgetItem(person.full_name))
            self.members.setItem(row, 1, QTableWidgetItem(format_rupiah(breakdown.total)))
        self.total.setText(
            self.tr("{n} peserta · total {total} ({words})").format(
                n=format_count(len(quote.lines)),
                total=format_rupiah(quote.total),
                words=amount_in_words(quote.total),
            )
            + (
                self.tr(" · {n} peserta sudah lunas untuk bulan itu, tidak ditagih lagi").format(
                    n=format_count(quote.already_paid)
                )
                if quote.already_paid
                else ""
            )
        )
        self.message.setText("")
        self.pay_button.setEnabled(bool(quote.lines))

    def record(self) -> None:
        try:
            receipts = self._service.record_group(
                self.payer.currentData(),
                self.months.currentData(),
                self.first_month.date().toPython(),
                self._collector,
                require_enum(self.method, PaymentMethod),
            )
        except (DomainError, StorageUnavailable) as exc:
            self.message.setText(self.tr("Belum tersimpan: {error}").format(error=exc))
            return
        self.group_paid.emit(len(receipts))
        self.accept()

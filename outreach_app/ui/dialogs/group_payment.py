"""A collective payer's bill paid at once (e.g. a village fund for its apparatus): pick the
payer, the months and the first month; see every member's amount; one receipt each."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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
from outreach_app.ui.dialogs.buttons import save_cancel_buttons
from outreach_app.ui.dialogs.period_fields import PaymentPeriodFields


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
        self.period = PaymentPeriodFields(
            add_months(month_start(today), 1), 1, PaymentMethod.TRANSFER
        )
        self.months, self.first_month, self.method = (
            self.period.months, self.period.first_month, self.period.method,
        )  # fmt: skip
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
        self.period.add_rows(form)
        buttons, self.pay_button = save_cancel_buttons(self, self.tr("Terbitkan kuitansi"))
        buttons.accepted.connect(self.record)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.payer.currentIndexChanged.connect(self._update)
        self.period.on_change(self._update)
        self._update()

    def _update(self) -> None:
        payer_id = self.payer.currentData()
        if payer_id is None:
            return
        try:
            quote = self._service.quote_group(
                payer_id, self.period.month_count(), self.period.first()
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
                self.period.month_count(),
                self.period.first(),
                self._collector,
                self.period.payment_method(),
            )
        except (DomainError, StorageUnavailable) as exc:
            self.message.setText(self.tr("Belum tersimpan: {error}").format(error=exc))
            return
        self.group_paid.emit(len(receipts))
        self.accept()

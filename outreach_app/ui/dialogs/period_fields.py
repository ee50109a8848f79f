"""The fields every payment form asks for: how many months, from which month, paid how."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout

from outreach_app.domain.models import PaymentMethod
from outreach_app.domain.months import month_start
from outreach_app.ui.widgets.combo import require_enum

PERIODS = (1, 3, 6, 12)


class PaymentPeriodFields:
    def __init__(self, first: dt.date, months: int, method: PaymentMethod) -> None:
        self.months = QComboBox()
        for count in PERIODS:
            label = QCoreApplication.translate("PaymentPeriodFields", "{n} bulan")
            self.months.addItem(label.format(n=count), count)
        self.months.setCurrentIndex(max(0, self.months.findData(months)))
        self.first_month = QDateEdit(QDate(first.year, first.month, 1))
        self.first_month.setDisplayFormat("MM-yyyy")
        self.method = QComboBox()
        self.method.addItem(QCoreApplication.translate("PaymentPeriodFields", "Tunai"),
                            PaymentMethod.CASH)  # fmt: skip
        self.method.addItem(QCoreApplication.translate("PaymentPeriodFields", "Transfer"),
                            PaymentMethod.TRANSFER)  # fmt: skip
        self.method.setCurrentIndex(max(0, self.method.findData(method)))

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(QCoreApplication.translate("PaymentPeriodFields", "Jumlah bulan"), self.months)
        form.addRow(
            QCoreApplication.translate("PaymentPeriodFields", "Mulai bulan"), self.first_month
        )
        form.addRow(QCoreApplication.translate("PaymentPeriodFields", "Cara bayar"), self.method)

    def on_change(self, slot: Callable[..., object]) -> None:
        self.months.currentIndexChanged.connect(slot)
        self.first_month.dateChanged.connect(slot)

    def month_count(self) -> int:
        return int(self.months.currentData())

    def first(self) -> dt.date:
        return month_start(self.first_month.date().toPython())

    def payment_method(self) -> PaymentMethod:
        return require_enum(self.method, PaymentMethod)

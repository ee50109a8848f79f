"""Choosing the payer and the month of a collective list and bill to print."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.models import Payer
from outreach_app.ui.dialogs.buttons import save_cancel_buttons


class PayerListDialog(QDialog):
    """Payer and month; the month defaults to the next one, which a list is usually for."""

    def __init__(self, payers: list[Payer], today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Daftar tagihan pembayar"))
        self.payer = QComboBox()
        for payer in payers:
            self.payer.addItem(payer.name, payer.stamp.id)
        self.month = QDateEdit()
        self.month.setDisplayFormat("MMMM yyyy")
        self.month.setCalendarPopup(True)
        following = QDate(today.year, today.month, 1).addMonths(1)
        self.month.setDate(following)
        form = QFormLayout()
        form.addRow(self.tr("Pembayar"), self.payer)
        form.addRow(self.tr("Bulan iuran"), self.month)
        buttons, show = save_cancel_buttons(self, self.tr("Tampilkan"))
        show.setEnabled(bool(payers))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, dt.date] | None:
        payer_id = self.payer.currentData()
        if payer_id is None:
            return None
        month: dt.date = self.month.date().toPython()
        return str(payer_id), month.replace(day=1)

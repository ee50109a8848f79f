"""Taking a premium payment: the amount comes from the rate rules for the months paid (never
typed), and saving issues the receipt number. Voiding asks for a reason and never edits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Participant, PaymentMethod, User
from outreach_app.reference.dates_text import month_span, short_date
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.payments import PaymentService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.dialogs.buttons import save_cancel_buttons
from outreach_app.ui.dialogs.period_fields import PaymentPeriodFields
from outreach_app.ui.translations import date_locale
from outreach_app.ui.widgets.premium_months import PremiumMonthsView

ERROR_STYLE = "color: #b91c1c;"


class PaymentDialog(QDialog):
    payment_recorded = Signal(str)  # receipt number

    def __init__(
        self,
        service: PaymentService,
        participant: Participant,
        collector: User,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._participant = participant
        self._collector = collector
        self._today = today
        self._credit = service.credit_of(participant)
        self.receipt_no: str | None = None
        self.setWindowTitle(self.tr("Terima iuran"))
        self.setMinimumWidth(560)
        coverage = service.coverage(participant, today)
        until = coverage.paid_through
        who = QLabel(
            f"<b>{participant.full_name}</b><br>NIK {participant.nik or '—'}<br>"
            + self.tr("Terlindungi s.d. {until}").format(until=short_date(until) if until else "—")
        )
        self.period = PaymentPeriodFields(
            service.next_unpaid_month(participant, today),
            participant.payment_months,
            PaymentMethod.CASH,
        )
        self.months, self.first_month, self.method = (
            self.period.months, self.period.first_month, self.period.method,
        )  # fmt: skip
        self.breakdown = QLabel()
        self.breakdown.setWordWrap(True)
        self.months_view = PremiumMonthsView()  # month by month, adding up to the total
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)

        # why the months asked for cannot be paid (paid already, arrears, lapse): by the fields
        self.months_refused = QLabel()
        self.months_refused.setWordWrap(True)
        self.months_refused.setStyleSheet(ERROR_STYLE)
        self.months_refused.hide()
        form = QFormLayout()
        self.period.add_rows(form)
        form.insertRow(2, "", self.months_refused)  # under "Mulai bulan"
        buttons, self.save_button = save_cancel_buttons(
            self, self.tr("Terima dan terbitkan kuitansi")
        )
        buttons.accepted.connect(self.record)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.months_view)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.period.on_change(self._update)
        self._update()

    def _update(self) -> None:
        try:
            self._service.check_months(
                self._participant, self.period.month_count(), self.period.first(), self._today
            )
        except DomainError as exc:
            self.months_refused.setText(str(exc))
            self.months_refused.show()
            self.breakdown.setText("")
            self.months_view.clear()
            self.save_button.setEnabled(False)
            return
        self.months_refused.hide()
        try:
            b = self._service.quote(
                self._participant, self.period.month_count(), self.period.first()
            )
        except DomainError as exc:
            self.breakdown.setText("")
            self.months_view.clear()
            self.message.setText(str(exc))
            self.save_button.setEnabled(False)
            return
        self.message.setText("")
        self.save_button.setEnabled(True)
        lines = [
            self.tr("Periode: {months}").format(
                months=month_span(b.per_month[0].month, b.per_month[-1].month, date_locale())
            )
        ]
        credit = min(self._credit, b.total)
        if credit:  # a settled double payment or a relief pays part of it
            lines.append(
                self.tr("Kredit dipakai -{credit}; diterima {cash}").format(
                    credit=format_rupiah(credit), cash=format_rupiah(b.total - credit)
                )
            )
        self.breakdown.setText("<br>".join(lines))
        self.months_view.show_breakdown(b)

    def record(self) -> None:
        try:
            payment = self._service.record(
                self._participant.stamp.id,
                self.period.month_count(),
                self._collector,
                first_month=self.period.first(),
                method=self.period.payment_method(),
            )
        except (DomainError, StorageUnavailable) as exc:
            self.message.setText(self.tr("Belum tersimpan: {error}").format(error=exc))
            return
        self.receipt_no = payment.receipt_no
        self.payment_recorded.emit(payment.receipt_no)
        self.accept()

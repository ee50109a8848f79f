"""The confirmation before a receipt is voided: whose receipt it is (person, masked NIK),
which months, how much, its number, and a reason that is a real sentence. When the rule of
domain/voids.py leaves the void to staff, the dialog says so before anything is written and
its button files a void request instead."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import User
from outreach_app.domain.nik import masked_nik
from outreach_app.domain.voids import (
    COMMON_REASONS,
    WHY_DEPOSITED,
    WHY_NOT_OWN,
    WHY_NOT_TODAY,
    VoidOutcome,
)
from outreach_app.reference.dates_text import month_span, short_date
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.voids import VoidPreview, VoidService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.dialogs.buttons import save_cancel_buttons
from outreach_app.ui.translations import date_locale


class VoidReceiptDialog(QDialog):
    """`voided(receipt_no)` when the receipt was voided, `request_filed(receipt_no)` when a
    void request went to staff instead."""

    voided = Signal(str)
    request_filed = Signal(str)

    def __init__(
        self, service: VoidService, receipt_no: str, actor: User, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._actor = service, actor
        self.preview: VoidPreview = service.preview(receipt_no, actor)
        payment = self.preview.payment
        self.setWindowTitle(self.tr("Batalkan kuitansi {receipt}").format(receipt=receipt_no))
        self.setMinimumWidth(520)
        facts = QFormLayout()
        facts.addRow(self.tr("Nomor kuitansi"), QLabel(f"<b>{receipt_no}</b>"))
        facts.addRow(self.tr("Peserta"), QLabel(self.preview.person_name))
        facts.addRow(self.tr("NIK"), QLabel(masked_nik(self.preview.nik)))
        months = month_span(payment.period_start, payment.period_end, date_locale())
        facts.addRow(
            self.tr("Bulan"),
            QLabel(self.tr("{span} ({count} bulan)").format(span=months, count=payment.months)),
        )
        facts.addRow(self.tr("Jumlah"), QLabel(f"<b>{format_rupiah(payment.total)}</b>"))
        facts.addRow(
            self.tr("Dibayar"),
            QLabel(f"{short_date(payment.paid_at.date())} {payment.paid_at:%H:%M}"),
        )
        self.category = QComboBox()
        self.category.addItems([self._reason_label(r) for r in COMMON_REASONS])
        self.category.addItem(self.tr("Lainnya"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr(
                "Tulis dalam satu kalimat apa yang salah, misalnya: peserta minta tiga bulan, "
                "bukan satu; kuitansi baru akan dibuat."
            )
        )
        self.text.setFixedHeight(72)
        self.text.setTabChangesFocus(True)
        facts.addRow(self.tr("Alasan"), self.category)
        facts.addRow(self.tr("Keterangan"), self.text)
        notice = self._notice_text()
        refused = self.preview.refused
        if refused is not None and not payment.voided:  # the agent reads why, before asking again
            notice += "<br>" + self.tr("Permintaan sebelumnya ditolak oleh {who}: {reason}").format(
                who=escape(self.preview.refused_by or "?"), reason=escape(refused.decision_reason)
            )
        self.notice = QLabel(notice)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setStyleSheet(  # a request is news the agent must not miss
            "padding: 8px; border-radius: 4px; "
            + (
                "background: #fee2e2; color: #7f1d1d;"
                if self.preview.verdict.direct
                else "background: #fef3c7; color: #78350f;"
            )
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        direct = self.preview.verdict.direct
        buttons, self.confirm = save_cancel_buttons(
            self,
            self.tr("Batalkan kuitansi") if direct else self.tr("Ajukan permintaan pembatalan"),
        )
        buttons.accepted.connect(self._confirm)
        if self.preview.open_request is not None or payment.voided:
            self.confirm.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(facts)
        layout.addStretch(1)  # a taller window keeps the facts together
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.text.setFocus()

    def _reason_label(self, reason: str) -> str:
        labels = {
            "Salah peserta": self.tr("Salah peserta"),
            "Salah jumlah bulan": self.tr("Salah jumlah bulan"),
            "Salah cara bayar": self.tr("Salah cara bayar"),
            "Pembayaran ganda": self.tr("Pembayaran ganda"),
            "Peserta membatalkan pembayaran": self.tr("Peserta membatalkan pembayaran"),
        }
        return labels.get(reason, reason)

    def _notice_text(self) -> str:
        payment, verdict = self.preview.payment, self.preview.verdict
        if payment.voided:
            return self.tr("Kuitansi ini sudah dibatalkan.")
        if self.preview.open_request is not None:
            return self.tr(
                "Kuitansi ini sudah diajukan untuk dibatalkan dan menunggu keputusan staf cabang."
            )
        if verdict.direct:
            return self.tr(
                "Kuitansi akan <b>dibatalkan sekarang</b>. Kuitansi yang dibatalkan tidak dapat "
                "dihidupkan lagi; terbitkan kuitansi baru bila perlu."
            )
        why = {
            WHY_NOT_OWN: self.tr("kuitansi ini diterbitkan petugas lain"),
            WHY_NOT_TODAY: self.tr("kuitansi ini bukan dari hari ini"),
            WHY_DEPOSITED: self.tr("uangnya sudah disetor"),
        }
        reasons = "; ".join(why[code] for code in verdict.why)
        return self.tr(
            "Anda tidak dapat membatalkan kuitansi ini langsung ({reasons}). Yang dikirim adalah "
            "<b>permintaan pembatalan</b> kepada staf cabang; kuitansi tetap berlaku sampai "
            "permintaan disetujui."
        ).format(reasons=reasons)

    def reason(self) -> str:
        """The reason as stored: the chosen common reason, then the sentence written."""
        written = " ".join(self.text.toPlainText().split())
        index = self.category.currentIndex()
        if index < len(COMMON_REASONS):
            return f"{COMMON_REASONS[index]}: {written}"
        return written

    def _confirm(self) -> None:
        written = " ".join(self.text.toPlainText().split())
        if len(written) < 10 or len(written.split()) < 2:
            self.message.setText(
                self.tr(
                    "Tulis keterangannya sebagai kalimat: apa yang salah dan apa yang akan "
                    "dibuat (paling sedikit beberapa kata)."
                )
            )
            return
        receipt_no = self.preview.payment.receipt_no
        try:
            result = self._service.void_or_request(receipt_no, self.reason(), self._actor)
        except (DomainError, StorageUnavailable) as exc:
            self.message.setText(self.tr("Belum tersimpan: {error}").format(error=exc))
            return
        if result.outcome is VoidOutcome.VOID:
            self.voided.emit(receipt_no)
        else:
            self.request_filed.emit(receipt_no)
        self.accept()

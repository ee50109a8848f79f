"""Staff's review of void requests: each waiting request with its receipt (person, masked
NIK, months, amount), who asked and why; staff approve (the receipt is voided) or refuse,
always with a reason of their own. A decision is final (domain/voids.py)."""

from __future__ import annotations

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
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import User
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import month_span, short_date
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.voids import RequestLine, VoidService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.translations import date_locale


class VoidRequestsDialog(QDialog):
    """`decided(request_id)` after each approval or refusal."""

    decided = Signal(str)

    def __init__(self, service: VoidService, actor: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._actor = service, actor
        self.lines: list[RequestLine] = []
        self.setWindowTitle(self.tr("Permintaan pembatalan kuitansi"))
        self.resize(1100, 520)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Diajukan"), self.tr("Oleh"), self.tr("Kuitansi"), self.tr("Peserta"),
            self.tr("NIK"), self.tr("Bulan"), self.tr("Jumlah"), self.tr("Alasan"),
        ])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.summary = QLabel()
        self.decision = QLineEdit()
        self.decision.setPlaceholderText(
            self.tr("Alasan keputusan, misalnya: sudah dicek ke peserta lewat telepon")
        )
        self.approve = QPushButton(self.tr("Setujui (batalkan kuitansi)"))
        self.refuse = QPushButton(self.tr("Tolak"))
        self.approve.clicked.connect(lambda: self._decide(True))
        self.refuse.clicked.connect(lambda: self._decide(False))
        hint = QLabel(
            self.tr(
                "Keputusan pertama yang sampai ke server cabang yang berlaku. Kuitansi yang "
                "disetujui dibatalkan oleh server cabang saat keputusan ini tersinkron."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4b5563;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Alasan keputusan")))
        row.addWidget(self.decision, 1)
        row.addWidget(self.approve)
        row.addWidget(self.refuse)
        close = QDialogButtonBox()
        close.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.load()

    def load(self) -> None:
        self.lines = self._service.pending()
        self.table.setRowCount(len(self.lines))
        locale = date_locale()
        for row, line in enumerate(self.lines):
            pay, asked = line.payment, line.request.requested_at
            values = [
                f"{short_date(asked.date())} {asked:%H:%M}", line.requested_by, pay.receipt_no,
                line.person_name, masked_nik(line.nik),
                month_span(pay.period_start, pay.period_end, locale),
                format_rupiah(pay.total), line.request.reason,
            ]  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self.summary.setText(
            self.tr("{count} permintaan menunggu keputusan.").format(count=len(self.lines))
            if self.lines
            else self.tr("Tidak ada permintaan pembatalan yang menunggu.")
        )
        if self.lines:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.table.currentRow() >= 0 and bool(self.lines)
        for button in (self.approve, self.refuse):
            button.setEnabled(chosen)

    def _decide(self, approve: bool) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.lines):
            return
        request = self.lines[row].request
        try:
            self._service.decide(request.stamp.id, approve, self.decision.text(), self._actor)
        except (DomainError, StorageUnavailable) as exc:
            self.message.setText(self.tr("Belum tersimpan: {error}").format(error=exc))
            return
        self.message.setText("")
        self.decision.clear()
        self.decided.emit(request.stamp.id)
        self.load()

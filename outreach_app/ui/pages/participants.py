"""Participants: search as you type (NIK prefix or part of a name), filters by village, status
and payer, the lazy list, and the detail panel of the selected person."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.models import ParticipantStatus
from outreach_app.reference.money_text import format_count
from outreach_app.services.participants import ParticipantDirectory, ParticipantFilter
from outreach_app.ui.models.participants import ObjectRole, ParticipantTableModel
from outreach_app.ui.widgets.cards import title
from outreach_app.ui.widgets.participant_detail import ParticipantDetailView
from outreach_app.ui.workers import Worker

SEARCH_DEBOUNCE_MS = 200


class ParticipantsPage(QWidget):
    loaded = Signal()

    def __init__(self, directory: ParticipantDirectory, worker: Worker) -> None:
        super().__init__()
        self._directory = directory
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari NIK (awalan) atau nama peserta…"))
        self.search.setClearButtonEnabled(True)
        self.village_filter = QComboBox()
        self.status_filter = QComboBox()
        self.payer_filter = QComboBox()
        self.result_count = QLabel()
        self.model = ParticipantTableModel(directory, worker, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((140, 185, 36, 90, 100, 115, 110)):
            self.table.setColumnWidth(column, width)
        self.detail = ParticipantDetailView()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for label, combo in (
            (self.tr("Desa"), self.village_filter),
            (self.tr("Status"), self.status_filter),
            (self.tr("Pembayar"), self.payer_filter),
        ):
            filters.addWidget(QLabel(label))
            combo.setMinimumContentsLength(14)
            filters.addWidget(combo, 1)
        filters.addWidget(self.result_count)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([900, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(title(self.tr("Peserta")))
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.model.loaded.connect(self._loaded)
        self.table.selectionModel().selectionChanged.connect(self._selected)

    def load(self) -> None:
        self._fill_filters()
        for combo in (self.village_filter, self.status_filter, self.payer_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.apply_filters()

    def _fill_filters(self) -> None:
        self.village_filter.addItem(self.tr("Semua desa"), None)
        for village in self._directory.villages():
            self.village_filter.addItem(f"{village.name} ({village.district})", village.stamp.id)
        self.status_filter.addItem(self.tr("Semua status"), None)
        for status, label in (
            (ParticipantStatus.ACTIVE, self.tr("Aktif")),
            (ParticipantStatus.GRACE, self.tr("Masa tenggang")),
            (ParticipantStatus.LAPSED, self.tr("Berhenti")),
            (ParticipantStatus.REGISTERED, self.tr("Terdaftar, belum bayar")),
            (ParticipantStatus.DRAFT, self.tr("Draf")),
        ):
            self.status_filter.addItem(label, status)
        self.payer_filter.addItem(self.tr("Semua pembayar"), None)
        for payer in self._directory.payers():
            self.payer_filter.addItem(payer.name, payer.stamp.id)

    def current_filters(self) -> ParticipantFilter:
        return ParticipantFilter(
            text=self.search.text(),
            village_id=self.village_filter.currentData(),
            status=self.status_filter.currentData(),
            payer_id=self.payer_filter.currentData(),
        )

    def apply_filters(self) -> None:
        self.result_count.setText(self.tr("mencari…"))
        self.model.reload(self.current_filters())

    def _loaded(self, total: int) -> None:
        self.result_count.setText(self.tr("{n} peserta").format(n=format_count(total)))
        if total:
            self.table.selectRow(0)  # the detail panel shows the first person found
        else:
            self.detail.clear_detail()
        self.loaded.emit()

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        listing = self.model.data(indexes[0], ObjectRole)
        self.detail.show_detail(self._directory.detail(listing.participant.stamp.id))

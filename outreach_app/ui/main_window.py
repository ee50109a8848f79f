"""The main window: totals, coverage of each village against its target, and the participant
list with search as you type. Widgets lay out and connect; the numbers come from services."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.reference.money_text import format_count
from outreach_app.services.overview import Overview
from outreach_app.storage.participants import ParticipantFilter
from outreach_app.ui.models.participants import ParticipantTableModel

SEARCH_DEBOUNCE_MS = 250


class StatCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        layout = QVBoxLayout(self)
        self.value = QLabel("0")
        self.value.setObjectName("statValue")
        caption = QLabel(title)
        caption.setObjectName("statCaption")
        layout.addWidget(self.value)
        layout.addWidget(caption)


class MainWindow(QMainWindow):
    def __init__(self, overview: Overview, device_name: str, demo: bool) -> None:
        super().__init__()
        self._overview = overview
        title = self.tr("Perisai Outreach")
        self.setWindowTitle(f"{title} — {self.tr('DEMO')}" if demo else title)
        self.resize(1200, 760)

        header = QLabel(
            self.tr("Perangkat: {device}").format(device=device_name)
            + (
                "   ·   " + self.tr("Mode demo: data contoh, bukan data peserta asli")
                if demo
                else ""
            )
        )
        header.setObjectName("header")

        self.participants_card = StatCard(self.tr("Peserta"))
        self.villages_card = StatCard(self.tr("Desa binaan"))
        self.receipts_card = StatCard(self.tr("Kuitansi"))
        self.pending_card = StatCard(self.tr("Perubahan menunggu sinkron"))
        cards = QHBoxLayout()
        for card in (
            self.participants_card,
            self.villages_card,
            self.receipts_card,
            self.pending_card,
        ):
            cards.addWidget(card)

        self.coverage_table = QTableWidget(0, 4)
        self.coverage_table.setHorizontalHeaderLabels(
            [self.tr("Desa"), self.tr("Kecamatan"), self.tr("Target"), self.tr("Terdaftar")]
        )
        self.coverage_table.verticalHeader().setVisible(False)
        self.coverage_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.coverage_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari NIK (awalan) atau nama peserta…"))
        self.search.setClearButtonEnabled(True)
        self.result_count = QLabel()
        self.model = ParticipantTableModel(overview, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 150), (1, 210), (2, 40), (3, 100), (4, 110), (5, 130)):
            self.table.setColumnWidth(column, width)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.result_count)
        right_layout.addLayout(search_row)
        right_layout.addWidget(self.table)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Cakupan desa terhadap target")))
        left_layout.addWidget(self.coverage_table)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([430, 770])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(header)
        layout.addLayout(cards)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.sync_status = QLabel()
        self.statusBar().addPermanentWidget(self.sync_status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.setStyleSheet(
            "#header { color: #5b6470; }"
            "#statCard { background: #f2f6fb; border: 1px solid #d5dfeb; border-radius: 6px; }"
            "#statValue { font-size: 20pt; font-weight: bold; color: #0b5394; }"
            "#statCaption { color: #44505c; }"
        )

    def load(self) -> None:
        """Reads everything the window shows; fast enough on the GUI thread for the first issue."""
        totals = self._overview.totals()
        self.participants_card.value.setText(format_count(totals.participants))
        self.villages_card.value.setText(str(totals.villages))
        self.receipts_card.value.setText(format_count(totals.receipts))
        self.pending_card.value.setText(format_count(totals.pending_changes))
        rows = self._overview.coverage_by_village()
        self.coverage_table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            values = (
                item.village.name,
                item.village.district,
                str(item.village.target_participants),
                f"{item.registered} ({item.percent_of_target}%)",
            )
            for column, value in enumerate(values):
                self.coverage_table.setItem(row, column, QTableWidgetItem(value))
        self.sync_status.setText(
            self.tr("Luring · belum pernah sinkron · {n} perubahan menunggu").format(
                n=totals.pending_changes
            )
        )
        self._apply_search()

    def _apply_search(self) -> None:
        self.model.reload(ParticipantFilter(text=self.search.text()))
        self.result_count.setText(self.tr("{n} peserta").format(n=format_count(self.model.total)))

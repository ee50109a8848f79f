"""Dasbor: coverage against the villages' targets (by village, district, regency or branch),
new participants per week, payers' shares, renewals per village with the people to visit, and
each agent's month against the incentive rules (an estimate).

Everything is read on the worker thread in one go; changing the level only sums again. Every
chart has its numbers as a table beside it and saves as PNG or XLSX. The module (and Qt
Charts with it) loads only when the page is first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.dashboard import Level
from outreach_app.reference.dates_text import month_year
from outreach_app.reference.money_text import format_count
from outreach_app.services.dashboard import DashboardData, DashboardService, RenewalList
from outreach_app.storage.participant_list import ParticipantListing
from outreach_app.ui.actions import ParticipantActions
from outreach_app.ui.dialogs.payment import PaymentDialog
from outreach_app.ui.documents import DocumentActions
from outreach_app.ui.models.data_table import DataTableModel, ObjectRole, TableData
from outreach_app.ui.pages.dashboard_tables import (
    agents_table,
    coverage_table,
    level_labels,
    payer_labels,
    payer_table,
    people_table,
    renewals_table,
    trend_table,
)
from outreach_app.ui.widgets.cards import title
from outreach_app.ui.widgets.chart_panel import ChartPanel
from outreach_app.ui.widgets.combo import current_enum
from outreach_app.ui.widgets.dashboard_charts import AMBER, BLUE, GREEN, RED, bar_chart, pie_chart
from outreach_app.ui.workers import Worker

PEOPLE_SIZED_ROWS = 100


class DashboardPage(QWidget):
    loaded = Signal()
    people_loaded = Signal()
    participant_changed = Signal(str)  # a payment taken from the renewals list

    def __init__(
        self,
        service: DashboardService,
        worker: Worker,
        actions: ParticipantActions,
        documents: DocumentActions | None,
        folder: Callable[[], Path],
    ) -> None:
        super().__init__()
        self._service = service
        self._worker = worker
        self._actions = actions
        self._documents = documents
        self.data: DashboardData | None = None
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")

        def panel() -> ChartPanel:
            return ChartPanel(service.export_xlsx, folder)

        self.coverage, self.trend, self.payers = panel(), panel(), panel()
        self.renewals, self.agents = panel(), panel()
        self.level = QComboBox()
        for level, label in level_labels().items():
            self.level.addItem(label, level)
        self.level.currentIndexChanged.connect(self._show_coverage)

        self.village = QComboBox()
        self.village.setMinimumContentsLength(24)
        self.village.currentIndexChanged.connect(self.load_people)
        self.people_model = DataTableModel(self)
        self.people = QTableView()
        self.people.setModel(self.people_model)
        self.people.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.people.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.people.verticalHeader().setVisible(False)
        self.people.setAlternatingRowColors(True)
        # Columns sized from a sample of rows: Qt's default measures 1.000 of a busy village's
        # 2.400 rows, which held the GUI thread 150 ms at each choice of village; 100 rows take
        # 15 ms and gave the same widths on the benchmark database but for a name column 5 px
        # narrower (a longer name further down is elided, and the column can be widened).
        self.people.horizontalHeader().setResizeContentsPrecision(PEOPLE_SIZED_ROWS)
        self.pay_button = QPushButton(self.tr("Terima iuran"))
        self.pay_button.setEnabled(False)
        if actions.actor is None:
            self.pay_button.setToolTip(self.tr("Pilih identitas agen di Pengaturan dahulu."))
        self.remind_button = QPushButton(self.tr("Cetak daftar pengingat…"))
        self.remind_button.setVisible(documents is not None)
        self.remind_button.setEnabled(False)
        self.pay_button.clicked.connect(self.open_payment)
        self.remind_button.clicked.connect(self.print_reminders)
        self.people.selectionModel().selectionChanged.connect(self._selection_changed)
        self.people_note = QLabel()
        self.people_note.setObjectName("muted")
        self.agents_note = QLabel()
        self.agents_note.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._with_bar(self.coverage, QLabel(self.tr("Tingkat:")), self.level),
                         self.tr("Cakupan"))  # fmt: skip
        self.tabs.addTab(self.trend, self.tr("Peserta baru"))
        self.tabs.addTab(self.payers, self.tr("Pembayar"))
        self.tabs.addTab(self._renewals_tab(), self.tr("Perpanjangan"))
        agents_tab = QWidget()
        agents_layout = QVBoxLayout(agents_tab)
        agents_layout.addWidget(self.agents_note)
        agents_layout.addWidget(self.agents, 1)
        self.tabs.addTab(agents_tab, self.tr("Kinerja agen"))
        layout = QVBoxLayout(self)
        layout.addWidget(title(self.tr("Dasbor")))
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _with_bar(panel: ChartPanel, *widgets: QWidget) -> QWidget:
        page = QWidget()
        bar = QHBoxLayout()
        for widget in widgets:
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(panel, 1)
        return page

    def _renewals_tab(self) -> QWidget:
        page = QWidget()
        people_bar = QHBoxLayout()
        people_bar.addWidget(QLabel(self.tr("Desa:")))
        people_bar.addWidget(self.village)
        people_bar.addWidget(self.people_note, 1)
        people_bar.addWidget(self.pay_button)
        people_bar.addWidget(self.remind_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.renewals, 3)
        layout.addLayout(people_bar)
        layout.addWidget(self.people, 2)
        return page

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        service, viewer = self._service, self._actions.actor
        self._worker.run(lambda _context: service.overview(viewer), self._show)

    def _show(self, data: DashboardData) -> None:
        self.data = data
        people = sum(c.registered for c in data.counts)
        self.subtitle.setText(
            self.tr("{villages} desa · {people} peserta terdaftar · data per hari ini").format(
                villages=format_count(len(data.villages)), people=format_count(people)
            )
        )
        self._show_coverage()
        self._show_trend(data)
        self._show_payers(data)
        self._show_renewals(data)
        self._show_agents(data)
        self.loaded.emit()

    def current_level(self) -> Level:
        return current_enum(self.level, Level) or Level.VILLAGE

    def _show_coverage(self) -> None:
        if self.data is None:
            return
        level = self.current_level()
        rows = self.data.coverage(level)
        table = coverage_table(self.data, level, rows)
        chart = bar_chart(
            table.title,
            [r.name for r in rows],
            [(self.tr("Peserta aktif"), BLUE, [r.active for r in rows])],
            line=(self.tr("Target"), AMBER, [r.target for r in rows]),
        )
        self.coverage.set_content(chart, table)

    def _show_trend(self, data: DashboardData) -> None:
        table = trend_table(data)
        labels = [f"{monday:%d-%m}" for monday, _ in data.weeks]
        counts = [count for _, count in data.weeks]
        chart = bar_chart(table.title, labels, [(self.tr("Peserta baru"), GREEN, counts)])
        chart.axes()[0].setLabelsAngle(-60)  # 26 weeks: every label fits turned
        self.trend.set_content(chart, table)

    def _show_payers(self, data: DashboardData) -> None:
        shares = data.payer_shares()
        table = payer_table(data, shares)
        labels = payer_labels()
        chart = pie_chart(table.title, [(labels[s.payer_type], s.registered) for s in shares])
        self.payers.set_content(chart, table)

    def _show_renewals(self, data: DashboardData) -> None:
        table = renewals_table(data)
        chart = bar_chart(
            table.title,
            [str(row[0]) for row in table.rows],
            [
                (self.tr("Jatuh tempo"), BLUE, [int(row[2] or 0) for row in table.rows]),
                (self.tr("Masa tenggang"), AMBER, [int(row[3] or 0) for row in table.rows]),
                (self.tr("Berhenti"), RED, [int(row[4] or 0) for row in table.rows]),
            ],
            stacked=True,
        )
        self.renewals.set_content(chart, table)
        chosen = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        for renewal in sorted(table.objects, key=lambda r: r.village.name):
            count = renewal.due + renewal.grace + renewal.lapsed
            self.village.addItem(f"{renewal.village.name} ({count})", renewal.village.stamp.id)
        self.village.setCurrentIndex(max(0, self.village.findData(chosen)))
        self.village.blockSignals(False)
        self.load_people()

    def _show_agents(self, data: DashboardData) -> None:
        table = agents_table(data)
        minimum = data.agents[0].estimate.minimum_new_niks if data.agents else 0
        chart = bar_chart(
            table.title,
            [r.agent.full_name for r in data.agents],
            [(self.tr("NIK baru bulan ini"), BLUE, [r.estimate.new_niks for r in data.agents])],
            line=(
                self.tr("Syarat insentif pendaftaran ({n} NIK)").format(n=minimum),
                AMBER,
                [minimum] * len(data.agents),
            ),
        )
        self.agents.set_content(chart, table)
        self.agents_note.setText(
            self.tr(
                "{month}: insentif di sini adalah <b>perkiraan</b> menurut {basis} (angka perlu "
                "dicek cabang); jumlah resmi dihitung oleh BPJS Ketenagakerjaan."
            ).format(month=month_year(data.month), basis=data.incentive_basis)
        )

    # --- renewals: the people of a village ---------------------------------------------

    def load_people(self) -> None:
        village_id = self.village.currentData()
        self.pay_button.setEnabled(False)
        self.remind_button.setEnabled(village_id is not None)
        if village_id is None:
            self.people_model.set_table(TableData("", (), ()))
            self.people_loaded.emit()
            return
        service = self._service

        def shown(found: RenewalList) -> None:
            if self.village.currentData() != found.village.stamp.id:
                return  # the user chose another village meanwhile
            table = people_table(found)
            self.people_model.set_table(table)
            self.people.resizeColumnsToContents()
            self.people_note.setText(
                self.tr("{n} peserta perlu dikunjungi").format(n=format_count(len(table.rows)))
            )
            self.people_loaded.emit()

        self._worker.run(lambda _context: service.renewal_list(village_id), shown)

    def selected_listing(self) -> ParticipantListing | None:
        rows = self.people.selectionModel().selectedRows()
        if not rows:
            return None
        listing = self.people_model.data(rows[0], ObjectRole)
        return listing if isinstance(listing, ParticipantListing) else None

    def _selection_changed(self) -> None:
        self.pay_button.setEnabled(
            self._actions.actor is not None and self.selected_listing() is not None
        )

    def open_payment(self) -> PaymentDialog | None:
        """The Participants page's payment dialog, for the person chosen in the list."""
        actor, listing = self._actions.actor, self.selected_listing()
        if actor is None or listing is None:
            return None
        person = self._service.participant(listing.participant.stamp.id)
        dialog = PaymentDialog(self._actions.payments, person, actor, self._service.today(),
                               self)  # fmt: skip
        dialog.payment_recorded.connect(lambda _receipt: self._paid(person.stamp.id))
        if self._documents is not None:
            documents = self._documents
            dialog.payment_recorded.connect(lambda receipt: documents.receipt(self, receipt))
        dialog.open()
        return dialog

    def _paid(self, participant_id: str) -> None:
        self.participant_changed.emit(participant_id)
        self.load()  # the counts, the lists and the agent's month all move

    def print_reminders(self) -> None:
        village_id = self.village.currentData()
        if self._documents is not None and village_id is not None:
            self._documents.reminder_list(self, village_id)

"""Visits: the plan of village visits as a list and a month calendar, and the buttons that
plan, change, close, cancel and (for branch staff) reassign them.

The list and the calendar marks are read on the worker thread; writes are single small
transactions on the GUI thread, after which the page reloads and keeps the visit selected.
A refusal is shown in the page in the service's words, never as a crash or a silent no-op.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDate, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Role, User, VisitPlan, VisitStatus
from outreach_app.domain.months import month_end, month_start
from outreach_app.reference.dates_text import short_date
from outreach_app.reference.money_text import format_count
from outreach_app.services.visits import VisitFilter, VisitNames, VisitService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.documents import DocumentActions
from outreach_app.ui.export_actions import ExportActions
from outreach_app.ui.labels import visit_status_labels
from outreach_app.ui.models.visits import (
    COL_DATE,
    COL_PURPOSE,
    ObjectRole,
    VisitSortProxy,
    VisitTableModel,
)
from outreach_app.ui.widgets.cards import title
from outreach_app.ui.widgets.print_button import print_menu_button
from outreach_app.ui.widgets.visit_calendar import CalendarLegend, VisitCalendar
from outreach_app.ui.workers import Worker

if TYPE_CHECKING:  # the visit dialogs load when first opened (~5 ms)
    from outreach_app.ui.dialogs.visit import OutcomeDialog, VisitDialog

WEEK, MONTH, UPCOMING, PAST_30, DAY = "week", "month", "upcoming", "past30", "day"
MESSAGE_STYLE = {"error": "color: #b91c1c;", "info": "color: #1d7a3a;"}

D = TypeVar("D", "VisitDialog", "OutcomeDialog", QInputDialog)
Loaded = tuple[list[VisitPlan], list[VisitPlan], VisitNames]


class VisitsPage(QWidget):
    loaded = Signal()
    visit_changed = Signal(str)  # planned, edited, closed, cancelled or reassigned

    def __init__(
        self,
        service: VisitService,
        worker: Worker,
        user: User | None,
        documents: DocumentActions | None = None,
        exports: ExportActions | None = None,
    ) -> None:
        super().__init__()
        self._exports = exports
        self._service = service
        self._documents = documents
        self._worker = worker
        self._user = user
        self._generation = 0
        self._filled = False
        self._keep_selected: str | None = None
        self._agents: list[User] = []
        self.dialog: VisitDialog | OutcomeDialog | QInputDialog | None = None  # the one open
        is_staff = user is not None and user.role is Role.STAFF

        self.new_button = QPushButton(self.tr("Kunjungan baru"))
        self.edit_button = QPushButton(self.tr("Ubah"))
        self.outcome_button = QPushButton(self.tr("Catat hasil"))
        self.cancel_button = QPushButton(self.tr("Batalkan"))
        self.assign_button = QPushButton(self.tr("Tugaskan ke agen"))
        self.assign_button.setVisible(is_staff)
        self.print_button, (self.print_report_action, self.print_forms_action) = print_menu_button(
            self.tr("Cetak"),
            [self.tr("Laporan kunjungan"), self.tr("Formulir peserta yang didaftarkan")],
            documents is not None,
        )
        self.export_button = QPushButton(self.tr("Ekspor daftar…"))
        self.export_button.setToolTip(
            self.tr("Kunjungan dan hasilnya, seperti daftar ini, ke Excel/CSV.")
        )
        self.export_button.setVisible(exports is not None)
        self.export_button.clicked.connect(self.export_list)
        self.new_button.setEnabled(user is not None)
        if user is None:
            self.new_button.setToolTip(self.tr("Pilih identitas pengguna terlebih dahulu."))

        self.period_filter = QComboBox()
        for key, label in (
            (WEEK, self.tr("Minggu ini")),
            (MONTH, self.tr("Bulan ini")),
            (UPCOMING, self.tr("Semua mendatang")),
            (PAST_30, self.tr("30 hari terakhir")),
            (DAY, self.tr("Tanggal di kalender")),
        ):
            self.period_filter.addItem(label, key)
        # The month by default: the same stretch as the calendar beside the list.
        self.period_filter.setCurrentIndex(self.period_filter.findData(MONTH))
        self.agent_filter = QComboBox()
        self.agent_filter.setMinimumContentsLength(16)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Semua status"), None)
        for status, label in visit_status_labels().items():
            self.status_filter.addItem(label, status.value)
        self.result_count = QLabel()
        self.result_count.setObjectName("muted")

        self.model = VisitTableModel(self)
        self.proxy = VisitSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_PURPOSE, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((90, 120, 140, 110, 250, 60, 75, 75)):
            self.table.setColumnWidth(column, width)

        self.calendar = VisitCalendar(service.today())
        self.day_label = QLabel()
        self.day_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self._layout(is_staff)
        self.period_filter.currentIndexChanged.connect(self.reload)
        self.agent_filter.currentIndexChanged.connect(self.reload)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.calendar.clicked.connect(self.show_day)
        self.calendar.currentPageChanged.connect(lambda _year, _month: self.reload())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        self.new_button.clicked.connect(self.open_new)
        self.edit_button.clicked.connect(self.open_edit)
        self.outcome_button.clicked.connect(self.open_outcome)
        self.cancel_button.clicked.connect(self.open_cancel)
        self.assign_button.clicked.connect(self.open_assign)
        self.print_report_action.triggered.connect(self.print_report)
        self.print_forms_action.triggered.connect(self.print_forms)
        self._update_buttons()

    def export_list(self) -> None:
        """The visits the list shows (period, agent and status as filtered), with outcomes."""
        if self._exports is None:
            return
        visits = self.model.visits()
        name = f"kunjungan-{self._service.today():%Y-%m-%d}.xlsx"
        self._exports.ask(self, name, lambda jobs, target: jobs.export_visits(visits, target))

    def _layout(self, is_staff: bool) -> None:
        top = QHBoxLayout()
        top.addWidget(title(self.tr("Kunjungan")))
        top.addStretch(1)
        for button in (
            self.new_button,
            self.edit_button,
            self.outcome_button,
            self.cancel_button,
            self.assign_button,
            self.export_button,
            self.print_button,
        ):
            top.addWidget(button)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Periode")))
        filters.addWidget(self.period_filter)
        agent_label = QLabel(self.tr("Agen"))
        filters.addWidget(agent_label)
        filters.addWidget(self.agent_filter)
        # An agent only ever sees its own visits: an agent filter would offer nothing.
        shows_agents = self._user is None or is_staff
        agent_label.setVisible(shows_agents)
        self.agent_filter.setVisible(shows_agents)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        filters.addWidget(self.result_count)

        side = QVBoxLayout()
        side.addWidget(self.calendar)
        side.addWidget(CalendarLegend())
        side.addWidget(self.day_label)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

    # Loading.

    def load(self) -> None:
        if not self._filled:
            self._filled = True
            self.agent_filter.blockSignals(True)
            self.agent_filter.addItem(self.tr("Semua agen"), None)
            self._agents = self._service.agents_for(self._user)
            for agent in self._agents:
                self.agent_filter.addItem(agent.full_name, agent.stamp.id)
            self.agent_filter.blockSignals(False)
        self.reload()

    def current_filters(self) -> VisitFilter:
        today = self._service.today()
        period = self.period_filter.currentData()
        start: dt.date | None
        end: dt.date | None
        if period == WEEK:
            start = today - dt.timedelta(days=today.weekday())  # Monday
            end = start + dt.timedelta(days=6)
        elif period == MONTH:
            start, end = month_start(today), month_end(today)
        elif period == UPCOMING:
            start, end = today, None
        elif period == PAST_30:
            start, end = today - dt.timedelta(days=30), today
        else:
            start = end = self.calendar.selected_day()
        status = self.status_filter.currentData()  # PySide hands a StrEnum back as str
        return VisitFilter(
            start=start,
            end=end,
            agent_id=self.agent_filter.currentData(),
            status=None if status is None else VisitStatus(status),
        )

    def reload(self) -> None:
        """Reads the list and the calendar's month on the worker; an older answer is dropped."""
        self._generation += 1
        generation, service, user = self._generation, self._service, self._user
        filters = self.current_filters()
        first, last = self.calendar.shown_range()
        month = replace(filters, start=first, end=last)  # same agent and status as the list
        self.result_count.setText(self.tr("memuat…"))

        def read(_context: object) -> Loaded:
            return (
                service.visible_to(user, filters),
                service.visible_to(user, month),
                service.names(),
            )

        def show(result: Loaded) -> None:
            if generation == self._generation:
                self._show(*result)

        self._worker.run(read, show, self._failed)

    def _show(self, visits: list[VisitPlan], month: list[VisitPlan], names: VisitNames) -> None:
        selected = self._keep_selected or self._selected_id()
        self._keep_selected = None
        self.model.set_visits(visits, names.villages, names.agents)
        self.result_count.setText(self.tr("{n} kunjungan").format(n=format_count(len(visits))))
        self.calendar.mark(month)
        self._describe_day()
        row = self.model.row_of(selected) if selected else None
        if row is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, StorageUnavailable):
            raise error
        self.result_count.setText("")
        self._say(str(error), "error")
        self.loaded.emit()

    def _describe_day(self) -> None:
        if self.period_filter.currentData() == DAY:
            day = self.calendar.selected_day()
            self.day_label.setText(self.tr("Menampilkan {date}.").format(date=short_date(day)))
        else:
            self.day_label.setText(self.tr("Klik tanggal untuk melihat kunjungan hari itu."))

    def show_day(self, day: QDate) -> None:
        """A click on the calendar lists that day's visits."""
        self.calendar.setSelectedDate(day)
        index = self.period_filter.findData(DAY)
        if self.period_filter.currentIndex() == index:
            self.reload()
        else:
            self.period_filter.setCurrentIndex(index)  # reloads

    # Selection and buttons.

    def _selected_id(self) -> str | None:
        visit = self.selected_visit()
        return visit.stamp.id if visit else None

    def selected_visit(self) -> VisitPlan | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        visit: VisitPlan = self.proxy.data(rows[0], ObjectRole)
        return visit

    def select_visit(self, visit_id: str) -> bool:
        row = self.model.row_of(visit_id)
        if row is None:
            return False
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        visit = self.selected_visit() if self._user is not None else None
        status = visit.status if visit else None
        today = self._service.today()
        self.edit_button.setEnabled(status in (VisitStatus.PLANNED, VisitStatus.DONE))
        self.outcome_button.setEnabled(
            visit is not None and status is not VisitStatus.CANCELLED and visit.visit_date <= today
        )
        self.cancel_button.setEnabled(status is VisitStatus.PLANNED)
        self.assign_button.setEnabled(status is VisitStatus.PLANNED)
        self.print_button.setEnabled(self.selected_visit() is not None)

    def print_report(self) -> None:
        visit = self.selected_visit()
        if self._documents is not None and visit is not None:
            self._documents.visit_report(self, visit.stamp.id)

    def print_forms(self) -> None:
        visit = self.selected_visit()
        if self._documents is not None and visit is not None:
            self._documents.visit_forms(self, visit.stamp.id)

    def _say(self, text: str, kind: str = "info") -> None:
        self.message.setStyleSheet(MESSAGE_STYLE[kind])
        self.message.setText(text)

    def _changed(self, visit_id: str, text: str) -> None:
        self._keep_selected = visit_id
        self._say(text)
        self.visit_changed.emit(visit_id)
        self.reload()

    # Actions. Dialogs open with open(), not exec(): the page keeps painting meanwhile.

    def open_new(self) -> VisitDialog | None:
        from outreach_app.ui.dialogs.visit import VisitDialog

        if self._user is None:
            return None
        day = self.calendar.selected_day()
        dialog = VisitDialog(self._service, self._worker, self._user, day=day, parent=self)
        dialog.visit_saved.connect(
            lambda visit_id: self._changed(visit_id, self.tr("Kunjungan direncanakan."))
        )
        return self._open(dialog)

    def open_edit(self) -> VisitDialog | None:
        from outreach_app.ui.dialogs.visit import VisitDialog

        visit = self.selected_visit()
        if self._user is None or visit is None or visit.status is VisitStatus.CANCELLED:
            return None
        dialog = VisitDialog(self._service, self._worker, self._user, visit, parent=self)
        dialog.visit_saved.connect(
            lambda visit_id: self._changed(visit_id, self.tr("Kunjungan diubah."))
        )
        return self._open(dialog)

    def open_outcome(self) -> OutcomeDialog | None:
        from outreach_app.ui.dialogs.visit import OutcomeDialog

        visit = self.selected_visit()
        if self._user is None or visit is None:
            return None
        village = self.model.village_name(visit.village_id)
        dialog = OutcomeDialog(self._service, self._user, visit, village, self)
        dialog.outcome_recorded.connect(
            lambda visit_id: self._changed(visit_id, self.tr("Hasil kunjungan dicatat."))
        )
        return self._open(dialog)

    def open_cancel(self) -> QInputDialog | None:
        visit = self.selected_visit()
        if self._user is None or visit is None:
            return None
        dialog = self._input_dialog(
            self.tr("Batalkan kunjungan"),
            self.tr("Alasan membatalkan kunjungan ke {village} tanggal {date}:").format(
                village=self.model.village_name(visit.village_id),
                date=visit.visit_date.strftime("%d-%m-%Y"),
            ),
            self.tr("Batalkan kunjungan"),
        )
        dialog.textValueSelected.connect(lambda reason: self.cancel_visit(visit.stamp.id, reason))
        return self._open(dialog)

    def cancel_visit(self, visit_id: str, reason: str) -> None:
        self._act(
            lambda user: self._service.cancel(visit_id, reason, user),
            self.tr("Kunjungan dibatalkan."),
        )

    def open_assign(self) -> QInputDialog | None:
        visit = self.selected_visit()
        if self._user is None or visit is None:
            return None
        others = [agent for agent in self._agents if agent.stamp.id != visit.agent_id]
        labels = {f"{agent.full_name} ({agent.username})": agent.stamp.id for agent in others}
        dialog = self._input_dialog(
            self.tr("Tugaskan ke agen"),
            self.tr("Agen yang akan mengunjungi {village}:").format(
                village=self.model.village_name(visit.village_id)
            ),
            self.tr("Tugaskan"),
        )
        dialog.setComboBoxItems(list(labels))
        dialog.textValueSelected.connect(
            lambda label: self.assign_visit(visit.stamp.id, labels[label])
        )
        return self._open(dialog)

    def assign_visit(self, visit_id: str, agent_id: str) -> None:
        self._act(
            lambda user: self._service.assign(visit_id, agent_id, user),
            self.tr("Kunjungan ditugaskan ke agen lain."),
        )

    def _act(self, write: Callable[[User], VisitPlan], done_text: str) -> None:
        if self._user is None:
            return
        try:
            visit: VisitPlan = write(self._user)
        except (DomainError, StorageUnavailable) as exc:
            self._say(self.tr("Tidak tersimpan: {error}").format(error=exc), "error")
            return
        self._changed(visit.stamp.id, done_text)

    def _input_dialog(self, window_title: str, label: str, ok_text: str) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(window_title)
        dialog.setLabelText(label)
        dialog.setOkButtonText(ok_text)
        dialog.setCancelButtonText(self.tr("Kembali"))
        return dialog

    def _open(self, dialog: D) -> D:
        """One dialog at a time, owned by the page: the previous one is deleted now, so a
        day of clicking does not pile up hidden dialogs."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

"""Planning a visit and recording what came of it.

The village is found by typing part of its name: the search (stored villages, then the whole
Kemendagri list, about 0.1 s) runs on the worker thread after a short pause in typing, so the
field never stutters. A refusal from the service is shown inside the dialog in the service's
own words and the form stays as typed, so nothing has to be entered twice.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Role, Segment, User, VisitPlan, VisitStatus
from outreach_app.reference.dates_text import long_date
from outreach_app.services.visits import VillageChoice, VisitService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.dialogs.buttons import save_cancel_buttons
from outreach_app.ui.labels import segment_labels
from outreach_app.ui.widgets.visit_calendar import pydate, qdate
from outreach_app.ui.workers import Worker

VILLAGE_DEBOUNCE_MS = 200
VILLAGE_SUGGESTIONS = 20
MAX_COUNT = 10_000
MAX_POPUP_WIDTH = 720
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #b91c1c;"


def _short(path: str) -> str:
    """ "Kabupaten" spelled short, as on forms: suggestions are read at a glance."""
    return path.replace("Kabupaten ", "Kab. ")


class VisitDialog(QDialog):
    """Creates a visit (`visit` None) or edits one. Opened with open(), never exec(), so the
    window keeps painting and tests can drive it."""

    visit_saved = Signal(str)  # the visit's id
    villages_found = Signal(int)  # suggestions shown for the text typed

    def __init__(
        self,
        service: VisitService,
        worker: Worker,
        user: User,
        visit: VisitPlan | None = None,
        day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._worker = worker
        self._user = user
        self._visit = visit
        self._generation = 0
        self._suggestions: dict[str, VillageChoice] = {}
        self.chosen: VillageChoice | None = None
        self.saved_visit: VisitPlan | None = None
        today = service.today()
        self.setWindowTitle(
            self.tr("Kunjungan baru") if visit is None else self.tr("Ubah kunjungan")
        )
        self.setMinimumWidth(600)

        self.village_edit = QLineEdit()
        self.village_edit.setPlaceholderText(self.tr("Ketik sebagian nama desa/kelurahan…"))
        self.village_edit.setClearButtonEnabled(True)
        self._completion_model = QStandardItemModel(self)
        self.completer = QCompleter(self._completion_model, self)
        # The list shows where each village is; choosing one puts just its name in the field.
        self.completer.setCompletionRole(NAME_ROLE)
        # The service has already matched the text (stored villages, then Kemendagri's list):
        # the completer shows its answer as is instead of filtering it a second time.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(10)
        self.village_edit.setCompleter(self.completer)
        self.village_hint = QLabel()
        self.village_hint.setObjectName("muted")
        # Two lines reserved from the start: a dialog already shown does not grow to fit a
        # longer word-wrapped label, it clips it.
        self.village_hint.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 2)

        self.agent_combo = QComboBox()
        for agent in service.agents_for(user):
            self.agent_combo.addItem(agent.full_name, agent.stamp.id)
        self.agent_combo.setEnabled(user.role is Role.STAFF)
        if user.role is not Role.STAFF:
            self.agent_combo.setToolTip(
                self.tr("Agen merencanakan kunjungan untuk dirinya sendiri.")
            )

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        # Wider than the rule allows on purpose: the service explains the one-year limit in
        # words, where a clamped date field would silently refuse the keystroke.
        self.date_edit.setDateRange(
            qdate(today - dt.timedelta(days=3 * 366)), qdate(today + dt.timedelta(days=3 * 366))
        )
        self.date_edit.setDate(qdate(day if day and day >= today else today))
        self.date_label = QLabel()
        self.date_label.setObjectName("muted")

        self.segment_combo = QComboBox()
        for segment, label in segment_labels().items():
            self.segment_combo.addItem(label, segment.value)
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setPlaceholderText(self.tr("mis. Sosialisasi dan pendaftaran nelayan"))
        self.target_spin = QSpinBox()
        self.target_spin.setRange(0, MAX_COUNT)
        self.target_spin.setSuffix(self.tr(" orang"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("Desa/kelurahan"), self.village_edit)
        form.addRow("", self.village_hint)
        form.addRow(self.tr("Agen"), self.agent_combo)
        form.addRow(self.tr("Tanggal"), self.date_edit)
        form.addRow("", self.date_label)
        form.addRow(self.tr("Segmen"), self.segment_combo)
        form.addRow(self.tr("Tujuan"), self.purpose_edit)
        form.addRow(self.tr("Target peserta"), self.target_spin)
        buttons, self.save_button = save_cancel_buttons(self, self.tr("Simpan kunjungan"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(VILLAGE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search)
        self.village_edit.textEdited.connect(self._typed)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.date_edit.dateChanged.connect(self._show_long_date)
        if visit is not None:
            self._fill(visit)
        self._show_long_date()
        self._show_village_hint()

    def _fill(self, visit: VisitPlan) -> None:
        self.chosen = self._service.village_choice(visit.village_id)
        if self.chosen is not None:
            self.village_edit.setText(self.chosen.name)
        index = self.agent_combo.findData(visit.agent_id)
        if index < 0:  # an agent of another branch, or no longer active: still shown
            self.agent_combo.addItem(self.tr("(agen lain)"), visit.agent_id)
            index = self.agent_combo.count() - 1
        self.agent_combo.setCurrentIndex(index)
        self.date_edit.setDate(qdate(visit.visit_date))
        if visit.status is VisitStatus.DONE:
            self.date_edit.setEnabled(False)
            self.date_edit.setToolTip(self.tr("Hasil kunjungan sudah dicatat pada tanggal ini."))
        self.segment_combo.setCurrentIndex(self.segment_combo.findData(visit.segment.value))
        self.purpose_edit.setText(visit.purpose)
        self.target_spin.setValue(visit.target_count)

    def _show_long_date(self) -> None:
        self.date_label.setText(long_date(pydate(self.date_edit.date())))

    def _show_village_hint(self) -> None:
        choice = self.chosen
        if choice is None:
            text = self.tr("Pilih desa dari daftar saran yang muncul saat mengetik.")
        else:
            place = _short(choice.path.partition(", ")[2]) or choice.name
            if choice.is_new:
                second = self.tr("Kode {code} · baru: ditambahkan ke data cabang")
            else:
                second = self.tr("Kode {code}")
            text = f"{place}\n{second.format(code=choice.code)}"
        self.village_hint.setText(text)

    def _typed(self, _text: str) -> None:
        self.chosen = None  # whatever was picked no longer matches the text
        self._show_village_hint()
        self._suggestions = {}
        self._completion_model.clear()  # no stale suggestions while typing
        self._debounce.start()

    def _search(self) -> None:
        self._generation += 1
        generation, text, service = self._generation, self.village_edit.text(), self._service

        def found(choices: list[VillageChoice]) -> None:
            if generation != self._generation or self.village_edit.text() != text:
                return  # the user typed on: a newer search is on its way
            self._suggestions = {self._label(choice): choice for choice in choices}
            self._completion_model.clear()
            for label, choice in self._suggestions.items():
                item = QStandardItem(label)
                item.setData(choice.name, NAME_ROLE)
                item.setEditable(False)
                self._completion_model.appendRow(item)
            if choices and self.village_edit.hasFocus():
                self._show_suggestions()
            self.villages_found.emit(len(choices))

        self._worker.run(
            lambda _context: service.find_villages(text, VILLAGE_SUGGESTIONS),
            found,
            self._search_failed,
        )

    def _search_failed(self, error: Exception) -> None:
        if not isinstance(error, StorageUnavailable):
            raise error  # a bug: fail loudly
        self.error_label.setText(str(error))

    def _show_suggestions(self) -> None:
        """As wide as the longest suggestion (within reason), not just the field: the part
        that tells two villages of the same name apart is at the end."""
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes its popup on first use
        wanted = popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 12
        rect = self.village_edit.rect()
        rect.setWidth(max(rect.width(), min(wanted, MAX_POPUP_WIDTH)))
        self.completer.complete(rect)

    def _label(self, choice: VillageChoice) -> str:
        label = _short(choice.path)
        return self.tr("{place} (baru)").format(place=label) if choice.is_new else label

    def suggestions(self) -> list[str]:
        return list(self._suggestions)

    def _activated(self, index: QModelIndex) -> None:
        self.choose_suggestion(index.data(Qt.ItemDataRole.DisplayRole))

    def choose_suggestion(self, label: str) -> None:
        choice = self._suggestions.get(label)
        if choice is None:
            return
        self.chosen = choice
        self.village_edit.setText(choice.name)  # setText, not typing: keeps the choice
        self._show_village_hint()

    def save(self) -> None:
        """Stores the visit; on a refusal says why and leaves every field as it is."""
        self.error_label.clear()
        if self.chosen is None:
            self.error_label.setText(
                self.tr("Pilih desa dari daftar saran: ketik sebagian nama desa, lalu pilih.")
            )
            self.village_edit.setFocus()
            return
        agent_id: str | None = self.agent_combo.currentData()
        day = pydate(self.date_edit.date())
        segment = Segment(self.segment_combo.currentData())  # PySide hands back a str
        purpose, target = self.purpose_edit.text(), self.target_spin.value()
        service, user = self._service, self._user
        try:
            if self.chosen.is_new:
                if self._visit is None:  # refuse before adding the village, not after
                    service.check_plan(agent_id, day, target, user)
                village = service.ensure_village(self.chosen.code, user.branch_id, user)
                self.chosen = service.village_choice(village.stamp.id)
                self._show_village_hint()
            assert self.chosen is not None and self.chosen.village_id is not None
            village_id = self.chosen.village_id
            if self._visit is None:
                visit = service.create(village_id, agent_id, day, segment, purpose, target, user)
            else:
                visit = service.update(
                    self._visit.stamp.id,
                    user,
                    village_id=village_id,
                    agent_id=agent_id,
                    visit_date=day,
                    segment=segment,
                    purpose=purpose,
                    target_count=target,
                )
        except (DomainError, StorageUnavailable) as exc:
            self.error_label.setText(self.tr("Belum tersimpan: {error}").format(error=exc))
            return
        self.saved_visit = visit
        self.visit_saved.emit(visit.stamp.id)
        self.accept()


class OutcomeDialog(QDialog):
    """How many people enrolled, and what to remember; saving marks the visit done."""

    outcome_recorded = Signal(str)  # the visit's id

    def __init__(
        self,
        service: VisitService,
        user: User,
        visit: VisitPlan,
        village_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._user = user
        self._visit = visit
        self.setWindowTitle(self.tr("Catat hasil kunjungan"))
        self.setMinimumWidth(460)
        about = QLabel(
            self.tr("<b>{village}</b>, {date}<br>{purpose}<br>Target: {target} orang").format(
                village=escape(village_name),
                date=long_date(visit.visit_date),
                purpose=escape(visit.purpose),
                target=visit.target_count,
            )
        )
        about.setWordWrap(True)
        self.enrolled_spin = QSpinBox()
        self.enrolled_spin.setRange(0, MAX_COUNT)
        self.enrolled_spin.setSuffix(self.tr(" orang"))
        self.enrolled_spin.setValue(visit.enrolled_count)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("mis. Warga minta datang lagi setelah panen"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlainText(
            visit.outcome_notes if visit.status is VisitStatus.DONE else ""
        )
        self.notes_edit.setFixedHeight(90)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Peserta terdaftar"), self.enrolled_spin)
        form.addRow(self.tr("Catatan"), self.notes_edit)
        buttons, self.save_button = save_cancel_buttons(self, self.tr("Tandai selesai"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            visit = self._service.record_outcome(
                self._visit.stamp.id,
                self.enrolled_spin.value(),
                self.notes_edit.toPlainText(),
                self._user,
            )
        except (DomainError, StorageUnavailable) as exc:
            self.error_label.setText(self.tr("Belum tersimpan: {error}").format(error=exc))
            return
        self.outcome_recorded.emit(visit.stamp.id)
        self.accept()

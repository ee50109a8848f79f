"""Participants: search as you type (NIK prefix or part of a name), filters by village, status
and payer, the lazy list, and the detail panel of the selected person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Participant, ParticipantStatus
from outreach_app.reference.money_text import format_count
from outreach_app.services.participants import ParticipantDirectory, ParticipantFilter
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.actions import ParticipantActions
from outreach_app.ui.documents import DocumentActions
from outreach_app.ui.models.participants import (
    COL_BIRTH,
    COL_NAME,
    COL_NIK,
    COL_OCCUPATION,
    COL_PAID,
    COL_SEX,
    COL_STATUS,
    COL_VILLAGE,
    ObjectRole,
    ParticipantTableModel,
)
from outreach_app.ui.widgets.cards import title
from outreach_app.ui.widgets.combo import current_enum
from outreach_app.ui.widgets.participant_detail import ParticipantDetailView
from outreach_app.ui.widgets.print_button import print_menu_button
from outreach_app.ui.workers import Worker

if TYPE_CHECKING:  # the dialogs and the export's module load when first used (~8 ms)
    from outreach_app.ui.dialogs.enrolment import EnrolmentDialog
    from outreach_app.ui.dialogs.import_participants import ImportDialog
    from outreach_app.ui.dialogs.payment import PaymentDialog

SEARCH_DEBOUNCE_MS = 200


class ParticipantsPage(QWidget):
    loaded = Signal()
    participant_changed = Signal(str)  # registered, paid for, or a receipt voided

    def __init__(
        self,
        directory: ParticipantDirectory,
        worker: Worker,
        actions: ParticipantActions,
        documents: DocumentActions | None = None,
    ) -> None:
        super().__init__()
        self._directory = directory
        self._actions = actions
        self._documents = documents
        self._keep_detail = False
        self._filled = False
        self.new_button = QPushButton(self.tr("Peserta baru"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.edit_button = QPushButton(self.tr("Ubah / lengkapi"))
        self.pay_button = QPushButton(self.tr("Terima iuran"))
        for button in (self.new_button, self.edit_button, self.pay_button):
            button.setEnabled(actions.actor is not None)
            if actions.actor is None:
                button.setToolTip(self.tr("Pilih identitas agen di Pengaturan terlebih dahulu."))
        self.print_button, (self.print_form_action, self.print_blank_action) = print_menu_button(
            self.tr("Cetak"),
            [self.tr("Formulir pendaftaran peserta ini"), self.tr("Formulir kosong (isi tangan)")],
            documents is not None,
        )
        self.print_form_action.setEnabled(False)
        self.files_button, files = print_menu_button(
            self.tr("Impor / ekspor"),
            [self.tr("Impor peserta dari Excel/CSV…"),
             self.tr("Ekspor daftar ini (sesuai pencarian dan filter)…"),
             self.tr("Ekspor semua peserta satu desa…")],
            actions.exports is not None,
        )  # fmt: skip
        self.import_action, self.export_list_action, self.export_village_action = files
        self.import_action.setEnabled(actions.actor is not None)
        self.import_dialog: ImportDialog | None = None
        self._worker = worker
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
        self._size_columns()
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
        actions_row = QHBoxLayout()
        actions_row.addWidget(title(self.tr("Peserta")))
        actions_row.addStretch(1)
        for button in (self.new_button, self.edit_button, self.pay_button):
            actions_row.addWidget(button)
        actions_row.addWidget(self.files_button)
        actions_row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(actions_row)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.model.rows_shown.connect(self._rows_shown)
        self.model.loaded.connect(self._loaded)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.new_button.clicked.connect(lambda: self.open_enrolment(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.pay_button.clicked.connect(self.open_payment)
        self.detail.void_requested.connect(self.void_receipt)
        self.detail.print_requested.connect(self.print_receipt)
        self.print_form_action.triggered.connect(self.print_form)
        self.print_blank_action.triggered.connect(self.print_blank_form)
        self.import_action.triggered.connect(self.open_import)
        self.export_list_action.triggered.connect(self.export_list)
        self.export_village_action.triggered.connect(self.export_village)

    def _size_columns(self) -> None:
        """Widths from the font in use, not pixels: each column fits its header and its widest
        likely value (a full NIK, a date, the longest status); the name takes what is left, so
        the list needs no sideways scrolling at the usual window size."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        padding = metrics.horizontalAdvance("MM")
        samples = {
            COL_NIK: "8888888888888888",
            COL_SEX: "L",
            COL_BIRTH: "88-88-8888",
            COL_VILLAGE: "Namtabung",
            COL_OCCUPATION: "Pedagang pasar",
            COL_STATUS: max(self.model.status_labels(), key=metrics.horizontalAdvance),
            COL_PAID: "88-88-8888",
        }
        for column, sample in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            bold = header.fontMetrics().horizontalAdvance(title)
            self.table.setColumnWidth(
                column, max(metrics.horizontalAdvance(sample), bold) + padding
            )
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Sex and birth date are in the NIK and the detail panel; hiding their columns gives the
        # name room. The header's context menu brings any column back.
        for column in (COL_SEX, COL_BIRTH):
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    def column_menu(self) -> QMenu:
        """A check box per column (the name always stays), for the header's context menu."""
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            if column == COL_NAME:
                continue  # the name is what the list is for
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        return menu

    def _column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.table.horizontalHeader().mapToGlobal(position))

    def load(self) -> None:
        """First time: fills the filters and wires them; again (after a sync): reads again."""
        if not self._filled:
            self._filled = True
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
            status=current_enum(self.status_filter, ParticipantStatus),
            payer_id=self.payer_filter.currentData(),
        )

    def apply_filters(self) -> None:
        self.result_count.setText(self.tr("mencari…"))
        self.model.reload(self.current_filters())

    def _rows_shown(self) -> None:
        if self.model.counting:
            self.result_count.setText(self.tr("menghitung…"))
        if self._keep_detail:
            self._keep_detail = False  # the person just saved stays in the detail panel
        elif self.model.rowCount():
            self.table.selectRow(0)  # the detail panel shows the first person found
        else:
            self.detail.clear_detail()

    def _loaded(self, total: int) -> None:
        if self.model.total_is_capped:
            self.result_count.setText(
                self.tr("lebih dari {n} peserta").format(n=format_count(self.model.COUNT_CAP))
            )
        else:
            self.result_count.setText(self.tr("{n} peserta").format(n=format_count(total)))
        self.loaded.emit()

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        listing = self.model.data(indexes[0], ObjectRole)
        self.show_participant(listing.participant.stamp.id)

    def show_participant(self, participant_id: str) -> None:
        detail = self._directory.detail(participant_id)
        self.detail.show_detail(detail)
        draft = detail.participant.status is ParticipantStatus.DRAFT
        self.pay_button.setEnabled(self._actions.actor is not None and not draft)
        self.print_form_action.setEnabled(True)

    # --- printing ------------------------------------------------------------------------

    def print_form(self) -> None:
        shown = self.detail.shown
        if self._documents is not None and shown is not None:
            self._documents.form(self, shown.participant.stamp.id)

    def print_blank_form(self) -> None:
        if self._documents is not None:
            self._documents.blank_form(self)

    def print_receipt(self, receipt_no: str) -> None:
        if self._documents is not None:
            self._documents.receipt(self, receipt_no)

    # --- import and export ------------------------------------------------------------------

    def open_import(self) -> ImportDialog | None:
        from outreach_app.ui.dialogs.import_participants import ImportDialog

        exports, actor = self._actions.exports, self._actions.actor
        if exports is None or actor is None:
            return None
        dialog = ImportDialog(exports.jobs, self._worker, actor, self)
        dialog.imported.connect(lambda _report: self._imported())
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self) -> None:
        self.participant_changed.emit("")
        self.model.reload()

    def export_list(self) -> None:
        exports = self._actions.exports
        if exports is None:
            return
        from outreach_app.services.exporting import ExportKind

        filters = self.current_filters()
        name = f"peserta-{self._directory.today():%Y-%m-%d}.xlsx"
        exports.ask(self, name, lambda jobs, target: jobs.export(
            ExportKind.PARTICIPANTS, target, filters=filters))  # fmt: skip

    def export_village(self) -> None:
        exports = self._actions.exports
        if exports is None:
            return
        villages = self._directory.villages()
        names = [f"{v.name} ({v.district}) {v.code}" for v in villages]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Ekspor satu desa"), self.tr("Desa"), names, 0, False
        )
        if not ok or chosen not in names:
            return
        from outreach_app.services.exporting import ExportKind

        village = villages[names.index(chosen)]
        name = f"peserta-{village.code}-{self._directory.today():%Y-%m-%d}.xlsx"
        exports.ask(self, name, lambda jobs, target: jobs.export(
            ExportKind.PARTICIPANTS, target, village_id=village.stamp.id))  # fmt: skip

    def open_enrolment(self, draft: Participant | None) -> EnrolmentDialog | None:
        from outreach_app.ui.dialogs.enrolment import EnrolmentDialog

        actor = self._actions.actor
        if actor is None:
            return None
        dialog = EnrolmentDialog(
            self._actions.enrolment,
            self._directory.villages(),
            self._directory.payers(),
            actor,
            draft,
            self,
        )
        dialog.participant_saved.connect(self._saved)
        dialog.existing_requested.connect(self.show_participant)
        dialog.open()
        return dialog

    def _edit_selected(self) -> None:
        if self.detail.shown is not None:
            self.open_enrolment(self.detail.shown.participant)

    def open_payment(self) -> PaymentDialog | None:
        actor, shown = self._actions.actor, self.detail.shown
        from outreach_app.ui.dialogs.payment import PaymentDialog

        if actor is None or shown is None:
            return None
        dialog = PaymentDialog(
            self._actions.payments, shown.participant, actor, self._directory.today(), self
        )
        dialog.payment_recorded.connect(lambda _receipt: self._saved(shown.participant.stamp.id))
        dialog.payment_recorded.connect(self.print_receipt)  # the receipt to hand over
        dialog.open()
        return dialog

    def void_receipt(self, receipt_no: str, reason: str | None = None) -> None:
        """Without a reason: the confirmation dialog (ui/void_actions.py); with one, the
        void rule applied at once (a request when it leaves the void to staff)."""
        actor, shown = self._actions.actor, self.detail.shown
        from outreach_app.ui.void_actions import open_void_dialog, void_service

        if actor is None or shown is None:
            return
        person = shown.participant.stamp.id
        if reason is None:
            self.void_dialog = open_void_dialog(
                self, self._actions.payments, receipt_no, actor, lambda _n: self._saved(person)
            )
            return
        try:
            void_service(self._actions.payments).void_or_request(receipt_no, reason, actor)
        except (DomainError, StorageUnavailable) as exc:
            self.result_count.setText(
                self.tr("Kuitansi tidak dibatalkan: {error}").format(error=exc)
            )
            return
        self._saved(shown.participant.stamp.id)

    def _saved(self, participant_id: str) -> None:
        self.show_participant(participant_id)
        self.participant_changed.emit(participant_id)
        self._keep_detail = True
        self.model.reload()

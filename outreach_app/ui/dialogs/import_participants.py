"""Importing a participant list, step by step: choose the file; check the columns (the first
rows of the file, a choice per column, the payer for the whole file); the dry run's problems
by row and field; the import itself with a progress bar and Batal; the summary, with the
refused rows to save as a file to fix and import again.

Reading, checking and importing run on the worker thread (services.spreadsheets, over its
own connection); the dialog only shows. Cancelling rolls the import back: nothing is added.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.import_fields import ImportField, mapping_problems
from outreach_app.domain.import_values import cell_text
from outreach_app.domain.models import User
from outreach_app.reference.money_text import format_count
from outreach_app.services.importing import ImportReport, ImportSource, error_file_for
from outreach_app.services.spreadsheets import CancelFlag, ImportCancelled, SpreadsheetJobs
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.labels import import_field_help, import_field_labels
from outreach_app.ui.workers import TaskContext, Worker

PREVIEW_ROWS = 8
FILE, MAPPING, CHECKED, DONE = range(4)
ERROR_STYLE = "color: #b91c1c;"


class ImportDialog(QDialog):
    source_read = Signal(object)  # ImportSource
    checked = Signal(object)  # ImportReport of the dry run
    imported = Signal(object)  # ImportReport of the import
    failed = Signal(str)  # what the user was told
    error_file_saved = Signal(str)

    def __init__(
        self, jobs: SpreadsheetJobs, worker: Worker, actor: User, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Impor peserta dari Excel/CSV"))
        self.resize(980, 620)
        self._jobs = jobs
        self._worker = worker
        self._actor = actor
        self.source: ImportSource | None = None
        self.report: ImportReport | None = None
        self._cancel: CancelFlag | None = None
        self._task: TaskContext | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._checked_page())
        self.pages.addWidget(self._done_page())
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

    # --- step 1: the file ---------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        self.choose_button = QPushButton(self.tr("Pilih berkas…"))
        self.choose_button.clicked.connect(self.ask_file)
        self.file_message = QLabel(self.tr(
            "Pilih daftar peserta dalam format Excel (.xlsx) atau CSV. Baris pertama berisi "
            "judul kolom, misalnya NIK, Nama lengkap, Tanggal lahir, Desa."
        ))  # fmt: skip
        self.file_message.setWordWrap(True)
        self.file_dialog: QFileDialog | None = None
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_message)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def ask_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Pilih daftar peserta"))
        dialog.setNameFilters([self.tr("Daftar peserta (*.xlsx *.csv *.txt)"),
                               self.tr("Semua berkas (*)")])  # fmt: skip
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.open_file(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def open_file(self, path: Path) -> None:
        self.file_message.setText(self.tr("Membaca {name}…").format(name=path.name))
        self.file_message.setStyleSheet("")
        self.choose_button.setEnabled(False)
        self._worker.run(lambda _c: self._jobs.open(path), self._read, self._read_failed)

    def _read(self, source: ImportSource) -> None:
        self.choose_button.setEnabled(True)
        self.source = source
        self._fill_mapping(source)
        self.pages.setCurrentIndex(MAPPING)
        self.source_read.emit(source)

    def _read_failed(self, error: Exception) -> None:
        self.choose_button.setEnabled(True)
        text = self._explain(error)
        self.file_message.setText(self.tr("Berkas tidak bisa diimpor: {reason}").format(
            reason=text))  # fmt: skip
        self.file_message.setStyleSheet(ERROR_STYLE)
        # a long reason wraps to more lines than the page's layout gave the label: make room
        width = self.file_message.width() or self.width()
        self.file_message.setMinimumHeight(self.file_message.heightForWidth(width))
        page = self.file_message.parentWidget()
        if page is not None and page.layout() is not None:
            page.layout().activate()
        self.failed.emit(text)

    # --- step 2: the columns --------------------------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.read_info = QLabel()
        self.read_info.setWordWrap(True)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.payer = QComboBox()
        self.mapping_message = QLabel()
        self.mapping_message.setStyleSheet(ERROR_STYLE)
        self.mapping_message.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Periksa semua baris (uji coba)"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.run_check)
        self.combos: list[QComboBox] = []
        form = QFormLayout()
        form.addRow(self.tr("Pembayar untuk seluruh berkas"), self.payer)
        row = QHBoxLayout()
        row.addWidget(self.mapping_message, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.read_info)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        return page

    def _fill_mapping(self, source: ImportSource) -> None:
        table = source.table
        if source.remembered:
            how = self.tr("Pemetaan kolom diingat dari impor sebelumnya dengan susunan yang sama.")
        else:
            how = self.tr("Kolom ditebak dari judulnya; periksa dan perbaiki bila perlu.")
        self.read_info.setText(self.tr(
            "{name}: {how} ({count} baris data, judul di baris {row}). {guess}"
        ).format(name=table.info.name, how=table.info.describe(),
                 count=format_count(len(table.rows)), row=table.header_row,
                 guess=how))  # fmt: skip
        labels, helps = import_field_labels(), import_field_help()
        columns = len(table.headers)
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(columns)
        self.preview.setRowCount(1 + len(shown))
        self.preview.setHorizontalHeaderLabels(
            [h or self.tr("(kolom {n})").format(n=i + 1) for i, h in enumerate(table.headers)]
        )
        self.combos = []
        for column in range(columns):
            combo = QComboBox()
            combo.addItem(self.tr("— jangan diimpor —"), None)
            for field, label in labels.items():
                combo.addItem(label, field.value)
                if field in helps:  # what the field means, e.g. transport as PP 50/2025 says
                    combo.setItemData(combo.count() - 1, helps[field], Qt.ItemDataRole.ToolTipRole)
            chosen = source.mapping.get(column)
            combo.setCurrentIndex(combo.findData(chosen.value) if chosen else 0)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.preview.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for row, (_number, cells) in enumerate(shown, start=1):
            for column in range(columns):
                value = cells[column] if column < len(cells) else ""
                self.preview.setItem(row, column, QTableWidgetItem(cell_text(value)))
        self.preview.resizeColumnsToContents()
        for column in range(columns):
            width = max(self.preview.columnWidth(column), 150)
            self.preview.setColumnWidth(column, min(width, 260))
        self.payer.clear()
        self.payer.addItem(self.tr("Menurut kolom Pembayar (kosong: mandiri)"), None)
        for payer in self._jobs.payers():
            self.payer.addItem(payer.name, payer.stamp.id)
        self._mapping_changed()

    def mapping(self) -> dict[int, ImportField]:
        chosen: dict[int, ImportField] = {}
        for column, combo in enumerate(self.combos):
            value = combo.currentData()
            if value:
                chosen[column] = ImportField(value)
        return chosen

    def set_column(self, column: int, field: ImportField | None) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field.value) if field else 0)

    def _mapping_changed(self) -> None:
        problems = mapping_problems(self.mapping())
        self.mapping_message.setText(" ".join(problems))
        self.check_button.setEnabled(not problems)

    def run_check(self) -> None:
        if self.source is None or mapping_problems(self.mapping()):
            return
        source = self.source.with_mapping(self.mapping())
        payer_id = self.payer.currentData()
        self.source = source
        self.check_button.setEnabled(False)
        self.mapping_message.setStyleSheet("")
        self.mapping_message.setText(self.tr("Memeriksa…"))
        self._worker.run(
            lambda _c: self._jobs.check(source, payer_id), self._checked, self._step_failed
        )

    # --- step 3: the dry run's findings, then the import ----------------------------------

    def _checked_page(self) -> QWidget:
        page = QWidget()
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Baris"), self.tr("Kolom"), self.tr("Jenis"), self.tr("Masalah")]
        )
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(True)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.back_button = QPushButton(self.tr("Kembali ke kolom"))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(MAPPING))
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.run_import)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.progress, 3)
        row.addWidget(self.cancel_button)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.check_summary)
        layout.addWidget(self.problems, 1)
        layout.addLayout(row)
        return page

    def _checked(self, report: ImportReport) -> None:
        self.report = report
        self.check_button.setEnabled(True)
        self.mapping_message.setText("")
        self.mapping_message.setStyleSheet(ERROR_STYLE)
        plan = report.plan
        self.check_summary.setText(self.tr(
            "Uji coba selesai, belum ada yang disimpan: {new} siap diimpor, {already} sudah "
            "ada (tidak diimpor lagi), {refused} ditolak, {warnings} peringatan."
        ).format(new=format_count(len(plan.new)), already=format_count(len(plan.already)),
                 refused=format_count(len(plan.refused)),
                 warnings=format_count(len(plan.warnings))))  # fmt: skip
        self._fill_problems(report)
        self.import_button.setText(
            self.tr("Impor {n} peserta").format(n=format_count(len(plan.new)))
        )
        self.import_button.setEnabled(bool(plan.new))
        self.pages.setCurrentIndex(CHECKED)
        self.checked.emit(report)

    def _fill_problems(self, report: ImportReport) -> None:
        problems = report.problems
        self.problems.setRowCount(len(problems))
        refused, warning = self.tr("ditolak"), self.tr("peringatan")
        labels = import_field_labels()
        for row, problem in enumerate(problems):
            field = labels[problem.field] if problem.field else self.tr("Baris")
            header = ""
            if self.source is not None and problem.field is not None:
                for column, chosen in self.source.mapping.items():
                    if chosen is problem.field:
                        header = self.source.table.headers[column]
            shown = f"{field} ({header})" if header and header != field else field
            for column, text in enumerate(
                (str(problem.row), shown, warning if problem.warning else refused, problem.message)
            ):
                self.problems.setItem(row, column, QTableWidgetItem(text))
        self.problems.resizeColumnsToContents()
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.resizeRowsToContents()

    def run_import(self) -> None:
        if self.source is None or self.report is None:
            return
        source, payer_id = self.source, self.payer.currentData()
        cancel = CancelFlag()
        self._cancel = cancel
        for button in (self.import_button, self.back_button, self.close_button):
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        username = self._actor.username

        def job(context: TaskContext) -> ImportReport:
            return self._jobs.run(source, username, payer_id, context.progress, cancel)

        self._task = self._worker.run(job, self._imported, self._import_failed, self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def cancel_import(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.cancel_button.setEnabled(False)
            self.check_summary.setText(self.tr("Membatalkan…"))

    def _end_import(self) -> None:
        self._cancel = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        for button in (self.import_button, self.back_button, self.close_button):
            button.setEnabled(True)

    def _imported(self, report: ImportReport) -> None:
        self._end_import()
        self._jobs.after_import()
        self.report = report
        plan = report.plan
        self.done_summary.setText(self.tr(
            "{imported} peserta diimpor dan akan ikut tersinkron. {already} sudah ada, "
            "{refused} ditolak."
        ).format(imported=format_count(report.imported), already=format_count(len(plan.already)),
                 refused=format_count(len(plan.refused))))  # fmt: skip
        self.save_errors_button.setVisible(bool(plan.refused))
        self.done_note.setText(self.tr(
            "Simpan baris yang ditolak ke berkas (dengan kolom Alasan penolakan), perbaiki, "
            "lalu impor berkas itu lagi: yang sudah masuk tidak akan tergandakan."
        ) if plan.refused else "")  # fmt: skip
        self.pages.setCurrentIndex(DONE)
        self.imported.emit(report)

    def _import_failed(self, error: Exception) -> None:
        self._end_import()
        if isinstance(error, ImportCancelled):
            text = str(error)
        else:
            text = self.tr("Impor gagal, tidak ada yang disimpan: {reason}").format(
                reason=self._explain(error))  # fmt: skip
        self.check_summary.setText(text)
        self.failed.emit(text)

    def _step_failed(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        text = self._explain(error)
        self.mapping_message.setStyleSheet(ERROR_STYLE)
        self.mapping_message.setText(text)
        self.failed.emit(text)

    # --- step 4: the summary --------------------------------------------------------------

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_summary = QLabel()
        self.done_summary.setWordWrap(True)
        self.done_summary.setObjectName("sectionTitle")
        self.done_note = QLabel()
        self.done_note.setWordWrap(True)
        self.save_errors_button = QPushButton(self.tr("Simpan baris yang ditolak…"))
        self.save_errors_button.clicked.connect(self.ask_error_file)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_summary)
        layout.addWidget(self.done_note)
        layout.addWidget(self.save_errors_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def ask_error_file(self) -> None:
        if self.report is None:
            return
        suggested = error_file_for(self.report.source.path)
        dialog = QFileDialog(self, self.tr("Simpan baris yang ditolak"), str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Excel (*.xlsx)"), self.tr("CSV (*.csv)")])
        dialog.selectFile(str(suggested))
        dialog.fileSelected.connect(lambda path: self.save_error_file(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def save_error_file(self, target: Path) -> None:
        if self.report is None:
            return
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (self.report.source.path.suffix or ".csv"))
        try:
            saved = self._jobs.write_errors(self.report, target)
        except (DomainError, OSError) as exc:
            self.done_note.setText(self._explain(exc))
            return
        if saved is not None:
            self.done_note.setText(self.tr("Tersimpan: {path}").format(path=saved))
            self.error_file_saved.emit(str(saved))

    @staticmethod
    def _explain(error: Exception) -> str:
        if isinstance(error, DomainError | StorageUnavailable):
            return str(error)
        if isinstance(error, OSError):
            return f"{error.filename or ''}: {error.strerror or error}"
        raise error

"""Saving a list to XLSX or CSV from any page: choose the file, write it on the worker thread,
say where it went and that it holds personal data. A refusal (a wrong extension, a folder
that cannot be written) is told in the service's words; cancelling the file dialog does
nothing at all.

The jobs come from a factory called at the first import or export: services.spreadsheets and
the import and export modules behind it (~15 ms) are not needed to show the first page."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from outreach_app.domain.errors import DomainError
from outreach_app.reference.money_text import format_count
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.workers import Worker

if TYPE_CHECKING:  # made at the first import or export, not at start-up
    from outreach_app.services.exporting import ExportResult
    from outreach_app.services.spreadsheets import SpreadsheetJobs

ExportJob = Callable[["SpreadsheetJobs", Path], "ExportResult"]


class ExportActions(QObject):
    told = Signal(str)  # every message shown

    def __init__(
        self,
        jobs: Callable[[], SpreadsheetJobs],
        worker: Worker,
        folder: Callable[[], Path],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_jobs = jobs
        self._jobs: SpreadsheetJobs | None = None
        self._worker = worker
        self._folder = folder
        self.file_dialog: QFileDialog | None = None
        self.message: QMessageBox | None = None

    @property
    def jobs(self) -> SpreadsheetJobs:
        """Made once, when a page first reads a file, writes one or lists its villages."""
        if self._jobs is None:
            self._jobs = self._make_jobs()
        return self._jobs

    def ask(self, parent: QWidget, suggested: str, job: ExportJob) -> None:
        folder = self._folder()
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        dialog = QFileDialog(parent, self.tr("Simpan sebagai Excel atau CSV"), str(folder))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Excel (*.xlsx)"), self.tr("CSV (*.csv)")])
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(str(folder / suggested))
        dialog.fileSelected.connect(lambda path: self.export_to(parent, Path(path), job))
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, parent: QWidget, target: Path, job: ExportJob) -> None:
        busy = QProgressDialog(self.tr("Menyimpan {name}…").format(name=target.name), "", 0, 0,
                               parent)  # fmt: skip
        busy.setCancelButton(None)
        from PySide6.QtCore import Qt  # the Qt namespace takes ~15 ms to load: not at start-up

        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)
        jobs = self.jobs

        def done(result: ExportResult) -> None:
            busy.close()
            self._tell(parent, self.tr("Tersimpan"), self.tr(
                "{n} baris disimpan ke {path}.\n\nBerkas ini berisi data pribadi peserta: "
                "simpan di tempat aman dan bagikan hanya kepada yang berhak."
            ).format(n=format_count(result.rows), path=result.path))  # fmt: skip

        def failed(error: Exception) -> None:
            busy.close()
            if not isinstance(error, DomainError | StorageUnavailable | OSError):
                raise error
            self._tell(parent, self.tr("Tidak tersimpan"), str(error), warning=True)

        self._worker.run(lambda _context: job(jobs, target), done, failed)

    def _tell(self, parent: QWidget, title: str, text: str, warning: bool = False) -> None:
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, parent=parent)
        if self.message is not None:
            self.message.deleteLater()
        self.message = box
        box.open()
        self.told.emit(text)

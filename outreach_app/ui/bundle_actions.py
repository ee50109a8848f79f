"""Sync by file, for villages with no signal at all: the agent exports its waiting changes to a
bundle and imports the branch's answer; branch staff send an agent's bundle to the server and
save the answer for the agent.

Every step runs on the worker thread (services.bundles.BundleJobs, over its own connection)
behind a busy dialog; the window is told the outcome in a message, in plain words. A failure
changes nothing: an export writes its file atomically, an answer is checked (kind, laptop)
before anything is applied, and a bundle is checked on this laptop before it is sent.
Cancelling a file dialog does nothing at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from outreach_app.domain.errors import DomainError
from outreach_app.reference.money_text import format_count
from outreach_app.services.sync import SyncReport, SyncService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.workers import TaskContext, Worker

if TYPE_CHECKING:  # services.bundles (~3 ms with the files it writes) loads at the first action
    from outreach_app.services.bundles import ExportedBundle, RelayedBundle

MAX_REASONS = 5  # refusal reasons listed in a message; the Masalah list has them all


class BundleActions(QObject):
    """The three actions (`menu` holds them) and what each one does, start to end."""

    exported = Signal(object)  # ExportedBundle
    answer_imported = Signal(object)  # SyncReport: the laptop's data changed as after a sync
    relayed = Signal(object)  # RelayedBundle, its answer dialog open
    told = Signal(str)  # every message shown: a result, a refusal or an error
    busy_changed = Signal(bool)

    def __init__(
        self,
        service: SyncService,
        document_folder: Callable[[], Path],
        worker: Worker,
        today: Callable[[], dt.date],
        staff: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._folder = document_folder
        self._worker = worker
        self._today = today
        self._window = parent
        self._task: TaskContext | None = None
        self.file_dialog: QFileDialog | None = None
        self.busy: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.answer_dialog: QWidget | None = None

        self.export_action = QAction(self.tr("Ekspor bundel sinkronisasi…"), self)
        self.export_action.setToolTip(self.tr(
            "Tulis perubahan yang menunggu ke satu berkas, untuk dibawa ke kantor cabang "
            "(flashdisk atau aplikasi pesan) saat tidak ada sinyal."
        ))  # fmt: skip
        self.import_action = QAction(self.tr("Impor jawaban bundel…"), self)
        self.import_action.setToolTip(self.tr(
            "Terapkan berkas jawaban yang dibawa kembali dari kantor cabang."
        ))  # fmt: skip
        self.relay_action = QAction(self.tr("Kirim bundel agen ke server…"), self)
        self.relay_action.setToolTip(self.tr(
            "Staf cabang: kirim bundel dari laptop agen ke server, lalu simpan jawabannya."
        ))  # fmt: skip
        self.relay_action.setVisible(staff)
        self.menu = QMenu(parent)
        self.menu.setToolTipsVisible(True)
        self.menu.addAction(self.export_action)
        self.menu.addAction(self.import_action)
        self.menu.addSeparator()
        self.menu.addAction(self.relay_action)
        self.export_action.triggered.connect(self.ask_export)
        self.import_action.triggered.connect(self.ask_import)
        self.relay_action.triggered.connect(self.ask_relay)

    @property
    def running(self) -> bool:
        return self._task is not None

    # --- the agent: export -----------------------------------------------------------------

    def ask_export(self) -> None:
        from outreach_app.services.bundles import bundle_file_name, exporting_user

        if self.running:
            return
        username = exporting_user(self._service)
        if not username:
            self._tell(self.tr("Bundel belum bisa dibuat"), self.tr(
                "Pilih pengguna laptop ini di Pengaturan dulu: bundel mencatat siapa yang "
                "membuatnya."
            ), warning=True)  # fmt: skip
            return
        name = bundle_file_name("bundel", self._service.store.device.name, self._today())
        title = self.tr("Simpan bundel sinkronisasi")
        dialog = self._file_dialog(title, self._start_folder() / name, save=True)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()

    def export_to(self, target: Path) -> None:
        from outreach_app.services.bundles import BundleJobs, exporting_user, with_suffix

        username = exporting_user(self._service)
        if self.running or not username:
            return
        jobs, target = BundleJobs.of(self._service), with_suffix(target)
        self._run(
            self.tr("Menyiapkan bundel…"),
            lambda _context: jobs.export_to(target, username),
            self._exported,
            self.tr("Bundel tidak dibuat"),
            self.tr("Tidak ada berkas yang ditulis dan tidak ada data yang berubah."),
        )

    def _exported(self, result: ExportedBundle) -> None:
        if result.changes:
            what = self.tr("{n} perubahan ditulis ke bundel ({kb} KB):").format(
                n=format_count(result.changes), kb=format_count(result.size // 1024 + 1)
            )
        else:
            what = self.tr(
                "Tidak ada perubahan yang menunggu; bundel tetap berguna: jawabannya membawa "
                "data terbaru dari kantor cabang. Disimpan di:"
            )
        self._tell(
            self.tr("Bundel tersimpan"),
            f"{what}\n{result.path}",
            self.tr(
                "Perubahan ini tetap menunggu sampai jawaban cabang diimpor; membuat bundel "
                "lagi aman.\n\nBerkas ini berisi data pribadi peserta: simpan dan kirim hanya "
                "ke kantor cabang, lalu hapus setelah jawabannya kembali."
            ),
        )
        self.exported.emit(result)

    # --- the agent: the answer comes back ---------------------------------------------------

    def ask_import(self) -> None:
        if self.running:
            return
        title = self.tr("Pilih berkas jawaban dari cabang")
        dialog = self._file_dialog(title, self._start_folder(), save=False)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()

    def import_from(self, source: Path) -> None:
        from outreach_app.services.bundles import BundleJobs

        if self.running:
            return
        jobs = BundleJobs.of(self._service)
        self._run(
            self.tr("Menerapkan jawaban cabang…"),
            lambda _context: jobs.import_answer(source),
            self._imported,
            self.tr("Jawaban tidak diimpor"),
            self.tr("Data di laptop ini tidak berubah."),
        )

    def _imported(self, report: SyncReport) -> None:
        answered = report.pushed + report.already_had + report.rejected
        if not answered and not report.pulled:
            self._tell(self.tr("Jawaban diterapkan"), self.tr(
                "Jawaban ini sudah diimpor sebelumnya (atau tidak membawa apa pun): tidak ada "
                "yang berubah."
            ))  # fmt: skip
        else:
            lines = [
                self.tr("• {n} perubahan dari laptop ini diterima server").format(
                    n=format_count(report.pushed + report.already_had)),
                self.tr("• {n} ditolak dan disimpan untuk diperbaiki (lihat Masalah)").format(
                    n=format_count(report.rejected)),
                self.tr("• {n} perubahan dari cabang diterima: {applied} diterapkan, {held} "
                        "ditahan").format(n=format_count(report.pulled),
                                          applied=format_count(report.applied),
                                          held=format_count(report.held)),
            ]  # fmt: skip
            details = _reasons(self.tr("Alasan penolakan:"), report.rejections)
            self._tell(
                self.tr("Jawaban diterapkan"),
                self.tr("Jawaban kantor cabang diterapkan.") + "\n" + "\n".join(lines),
                details,
            )
        self.answer_imported.emit(report)

    # --- branch staff: an agent's bundle to the server and its answer back ----------------

    def ask_relay(self) -> None:
        if self.running:
            return
        if not self._service.signed_in():
            self._tell(self.tr("Belum masuk ke server"), self.tr(
                "Untuk mengirim bundel agen, laptop ini harus masuk ke server cabang dengan "
                "akun staf: tekan Sinkronkan, masuk, lalu coba lagi."
            ), warning=True)  # fmt: skip
            return
        title = self.tr("Pilih bundel dari laptop agen")
        dialog = self._file_dialog(title, self._start_folder(), save=False)
        dialog.fileSelected.connect(lambda path: self.relay(Path(path)))
        dialog.open()

    def relay(self, source: Path) -> None:
        from outreach_app.services.bundles import BundleJobs

        if self.running:
            return
        jobs = BundleJobs.of(self._service)
        self._run(
            self.tr("Mengirim bundel ke server…"),
            lambda _context: jobs.relay(source),
            lambda result: self._relayed(result, source),
            self.tr("Bundel tidak terkirim"),
            self._relay_note,
            cancellable=True,
        )

    def _relay_note(self, error: Exception) -> str:
        """What the failure left behind on the server."""
        from outreach_app.sync.client import SyncDenied, SyncUnavailable
        from outreach_app.sync.errors import UntrustedServer

        if isinstance(error, UntrustedServer):  # refused by this laptop, before sending
            return self.tr("Tidak ada yang dikirim ke server.")
        if isinstance(error, SyncUnavailable):  # perhaps applied, the answer lost: no harm
            return self.tr("Mengirim lagi aman: server tidak mencatat apa pun dua kali.")
        if isinstance(error, SyncDenied):
            return self.tr("Server tidak menerapkan bundel ini.")
        return self.tr("Tidak ada yang dikirim ke server.")  # checked here, refused here

    def _relayed(self, result: RelayedBundle, source: Path) -> None:
        from outreach_app.services.bundles import bundle_file_name
        from outreach_app.ui.dialogs.bundle import RelayAnswerDialog

        name = bundle_file_name("jawaban", result.device_name, self._today())
        dialog = RelayAnswerDialog(result, source.parent / name, self._window)
        self.answer_dialog = _replace(self.answer_dialog, dialog)
        dialog.open()
        self.relayed.emit(result)

    # --- shared -----------------------------------------------------------------------------

    def _start_folder(self) -> Path:
        """The documents folder chosen in Settings, made if it is not there yet (a file dialog
        pointed at a missing folder opens somewhere else)."""
        folder = self._folder()
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _file_dialog(self, title: str, start: Path, save: bool) -> QFileDialog:
        dialog = QFileDialog(self._window, title, str(start))
        dialog.setNameFilters([self.tr("Bundel sinkronisasi (*.bundle)"),
                               self.tr("Semua berkas (*)")])  # fmt: skip
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("bundle")
            dialog.selectFile(str(start))
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.file_dialog = _replace(self.file_dialog, dialog)
        return dialog

    def _run(
        self,
        label: str,
        job: Callable[[TaskContext], Any],
        done: Callable[[Any], None],
        failure_title: str,
        failure_note: str | Callable[[Exception], str],
        cancellable: bool = False,
    ) -> None:
        busy = QProgressDialog(label, self.tr("Batal") if cancellable else "", 0, 0, self._window)
        if not cancellable:
            busy.setCancelButton(None)  # the step runs to its end once started
        from PySide6.QtCore import Qt  # the Qt namespace takes ~15 ms to load: not at start-up

        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)
        busy.setAutoClose(False)
        self.busy = busy

        def finished(result: object) -> None:
            self._finish()
            done(result)

        def failed(error: Exception) -> None:
            self._finish()
            explained = _explain(error)
            note = failure_note if isinstance(failure_note, str) else failure_note(error)
            self._tell(failure_title, explained, note, warning=True)

        for action in (self.export_action, self.import_action, self.relay_action):
            action.setEnabled(False)
        self.busy_changed.emit(True)
        self._task = self._worker.run(job, finished, failed)
        if cancellable:  # Esc on the others only hides the dialog; the step still reports
            busy.canceled.connect(self._cancel)

    def _cancel(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        self._finish()
        self._tell(
            self.tr("Dibatalkan"),
            self.tr("Pengiriman dibatalkan; jawaban tidak disimpan."),
            self.tr("Jika server sudah menerimanya, mengirim lagi aman: tidak ada yang tercatat "
                    "dua kali."),
        )  # fmt: skip

    def _finish(self) -> None:
        self._task = None  # first: closing the busy dialog emits `canceled`, now a no-op
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None
        for action in (self.export_action, self.import_action, self.relay_action):
            action.setEnabled(True)
        self.busy_changed.emit(False)

    def _tell(self, title: str, text: str, details: str = "", warning: bool = False) -> None:
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, parent=self._window)
        box.setInformativeText(details)
        self.message = _replace(self.message, box)
        box.open()  # not exec(): the window goes on
        self.told.emit(f"{text}\n{details}" if details else text)


W = TypeVar("W", bound=QWidget)


def _replace(old: QWidget | None, new: W) -> W:
    """The window keeps one of each dialog, for tests to find: the previous one goes (not on
    close, so a reference held to the one shown stays valid until the next one)."""
    if old is not None:
        old.deleteLater()
    return new


def _explain(error: Exception) -> str:
    """The error in words the user can act on; anything unexpected is a bug and is raised."""
    from outreach_app.sync.bundle import BundleError
    from outreach_app.sync.client import SyncDenied, SyncUnavailable
    from outreach_app.sync.errors import UntrustedServer

    if isinstance(
        error, BundleError | DomainError | StorageUnavailable | SyncUnavailable | UntrustedServer
    ):  # (this laptop refusing the server is not the server refusing)
        return str(error)
    if isinstance(error, SyncDenied):
        return QCoreApplication.translate("BundleActions", "Server menolak: {reason}").format(
            reason=str(error)
        )
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "BundleActions", "Berkas {path} tidak bisa dipakai: {reason}."
        ).format(path=error.filename or "", reason=error.strerror or error)
    raise error


def _reasons(heading: str, reasons: list[str]) -> str:
    unique = list(dict.fromkeys(reasons))
    if not unique:
        return ""
    lines = [f"• {reason}" for reason in unique[:MAX_REASONS]]
    if len(unique) > MAX_REASONS:
        lines.append("…")
    return heading + "\n" + "\n".join(lines)

"""Settings: this laptop's name and receipt prefix (shown with whether the branch server
confirmed it; a readable one can be asked of the server, which refuses one in use), who uses
it, the language, the database file, backups (made while the app runs, with progress and
cancel) and restores, and security (the password, the branch's recovery key, the idle lock)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import outreach_app
from outreach_app.domain.errors import DomainError
from outreach_app.reference.dates_text import short_date
from outreach_app.services.setup import SetupService
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.translations import LANGUAGES
from outreach_app.ui.widgets.cards import title
from outreach_app.ui.widgets.security_panel import SecurityPanel
from outreach_app.ui.workers import Cancelled, TaskContext, Worker

if TYPE_CHECKING:
    from outreach_app.services.sync import SyncService
    from outreach_app.sync.prefix_protocol import PrefixAnswer
    from outreach_app.ui.widgets.reference_panel import ReferencePanel

OK_STYLE, ERROR_STYLE = "color: #15803d;", "color: #b91c1c;"


class SettingsPage(QWidget):
    loaded = Signal()
    backup_finished = Signal(str)  # path of the new backup
    restore_finished = Signal(str)  # path of the safety copy of what was replaced
    restart_needed = Signal()

    def __init__(
        self,
        service: SetupService,
        worker: Worker,
        today: dt.date,
        sync: SyncService | None = None,
    ) -> None:
        super().__init__()
        self._service = service
        self._sync = sync
        self._today = today
        self._worker = worker
        self._task: TaskContext | None = None

        self.device_name = QLineEdit()
        self.receipt_prefix = QLabel()  # in use, and whether the server confirmed it
        self.requested_prefix = QLineEdit()
        self.requested_prefix.setMaxLength(10)
        self.requested_prefix.setPlaceholderText(self.tr("mis. SML01"))
        self.request_prefix_button = QPushButton(self.tr("Minta ke server"))
        self.save_device = QPushButton(self.tr("Simpan perangkat"))
        self.device_id = QLabel()
        self.device_id.setObjectName("muted")
        device = QFormLayout()
        device.addRow(self.tr("Nama perangkat"), self.device_name)
        # one row, as the typed prefix was: the page is already taller than a 768-pixel screen
        self.requested_prefix.setToolTip(self.tr("Minta awalan mudah dibaca"))
        device.addRow(self.tr("Awalan nomor kuitansi"), self._row(
            self.receipt_prefix, self.requested_prefix, self.request_prefix_button))  # fmt: skip
        device.addRow(self.tr("ID perangkat"), self.device_id)
        device.addRow("", self._row(self.save_device))
        self.device_name.setMaximumWidth(420)
        self.requested_prefix.setMaximumWidth(160)

        self.user = QComboBox()
        self.save_user = QPushButton(self.tr("Pakai identitas ini"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.save_language = QPushButton(self.tr("Simpan bahasa"))
        person = QFormLayout()
        person.addRow(self.tr("Pengguna laptop ini"), self._row(self.user, self.save_user))
        person.addRow(self.tr("Bahasa"), self._row(self.language, self.save_language))

        self.database = QLabel()
        self.database.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Buka folder data"))
        self.choose_database = QPushButton(self.tr("Pakai berkas basis data lain…"))
        self.backup_button = QPushButton(self.tr("Buat cadangan…"))
        self.restore_button = QPushButton(self.tr("Pulihkan dari cadangan…"))
        self.cancel_button = QPushButton(self.tr("Batalkan"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.documents = QLabel()
        self.documents.setWordWrap(True)
        self.choose_documents = QPushButton(self.tr("Ganti folder dokumen…"))
        data = QVBoxLayout()
        data.addWidget(self.database)
        data.addLayout(self._row(self.open_folder, self.choose_database))
        data.addLayout(self._row(self.backup_button, self.restore_button, self.cancel_button))
        data.addWidget(self.progress)
        data.addWidget(self.documents)
        data.addLayout(self._row(self.choose_documents))

        self.security = SecurityPanel(service, worker, service.is_demo())
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(title(self.tr("Pengaturan")))
        heading.addStretch(1)
        self.version = QLabel(self.tr("Perisai Outreach versi {version}").format(
            version=outreach_app.__version__))  # fmt: skip
        self.version.setObjectName("muted")
        heading.addWidget(self.version)
        layout.addLayout(heading)
        for heading_text, content in (
            (self.tr("Perangkat"), device),
            (self.tr("Pengguna dan bahasa"), person),
            (self.tr("Data dan cadangan"), data),
        ):
            box = QGroupBox(heading_text)
            box.setLayout(content)
            layout.addWidget(box)
        layout.addWidget(self.security)
        self.reference: ReferencePanel | None = None
        if service.reference is not None:
            from outreach_app.ui.widgets.reference_panel import ReferencePanel

            self.reference = ReferencePanel(service.reference, worker)
            self.reference.taken.connect(self.restart_needed)
            layout.addWidget(self.reference, 1)
        layout.addWidget(self.message)
        layout.addStretch(0 if self.reference is not None else 1)

        self.save_device.clicked.connect(self.apply_device)
        self.request_prefix_button.clicked.connect(self.ask_prefix)
        self.save_user.clicked.connect(self.apply_user)
        self.save_language.clicked.connect(self.apply_language)
        self.open_folder.clicked.connect(self._open_folder)
        self.choose_database.clicked.connect(self._choose_database)
        self.choose_documents.clicked.connect(self._choose_documents)
        self.backup_button.clicked.connect(self._ask_backup)
        self.restore_button.clicked.connect(self._ask_restore)
        self.cancel_button.clicked.connect(self.cancel)

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def load(self) -> None:
        service = self._service
        device = service.device()
        self.device_name.setText(device.name)
        self._show_prefix()
        self.device_id.setText(device.id)
        self.user.clear()
        current = service.current_user()
        for user in service.users():
            role = self.tr("staf cabang") if user.role.value == "staff" else self.tr("agen")
            self.user.addItem(f"{user.full_name} ({user.username}, {role})", user.username)
        if current is not None:
            self.user.setCurrentIndex(self.user.findData(current.username))
        self.language.setCurrentIndex(max(0, self.language.findData(service.config().language)))
        self.database.setText(self.tr("Basis data: {path}").format(path=service.database_path()))
        self._show_document_folder()
        self.security.load()
        if self.reference is not None:
            self.reference.load()
        self.loaded.emit()

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def apply_device(self) -> bool:
        try:
            self._service.set_device(self.device_name.text())
        except (DomainError, StorageUnavailable) as exc:
            self._say(str(exc), ok=False)
            return False
        self._say(self.tr("Nama perangkat tersimpan."))
        return True

    def _show_prefix(self) -> None:
        status = self._service.receipt_prefix()
        state = (
            self.tr("dikonfirmasi server cabang")
            if status.confirmed
            else self.tr("belum dikonfirmasi server: dipesan saat sinkronisasi berikutnya")
        )
        self.receipt_prefix.setText(f"{status.prefix}-…  ·  {state}")
        self.receipt_prefix.setStyleSheet("" if status.confirmed else "color: #b45309;")

    def ask_prefix(self) -> None:
        """Asks the branch server for the readable prefix typed (the network on the worker,
        the answer taken here, on the thread that owns the database)."""
        from outreach_app.services.receipt_prefix import ask_server

        if self._sync is None:
            self._say(self.tr("Laptop ini belum masuk ke server cabang; masuk dulu."), ok=False)
            return
        try:
            call = ask_server(self._sync, self.requested_prefix.text())
        except DomainError as exc:
            self._say(str(exc), ok=False)
            return
        self.request_prefix_button.setEnabled(False)
        self._say(self.tr("Meminta awalan ke server cabang…"))
        self._worker.run(lambda _task: call(), self._prefix_taken, self._prefix_refused)

    def _prefix_taken(self, answer: PrefixAnswer) -> None:
        from outreach_app.services.receipt_prefix import take

        assert self._sync is not None
        status = take(self._sync.store, answer)
        self.request_prefix_button.setEnabled(True)
        self.requested_prefix.clear()
        self._show_prefix()
        self._say(self.tr("Awalan {prefix} dipesan untuk laptop ini. Kuitansi berikutnya: "
                          "{prefix}-…; kuitansi yang sudah terbit tetap bernomor lama.").format(
            prefix=status.prefix))  # fmt: skip

    def _prefix_refused(self, error: Exception) -> None:
        self.request_prefix_button.setEnabled(True)
        self._say(str(error), ok=False)

    def apply_user(self) -> bool:
        username = self.user.currentData()
        if not username:
            return False
        try:
            self._service.set_current_user(username)
        except (DomainError, StorageUnavailable) as exc:
            self._say(str(exc), ok=False)
            return False
        self._say(self.tr("Identitas disimpan; berlaku saat aplikasi dibuka lagi."))
        self.restart_needed.emit()
        return True

    def apply_language(self) -> None:
        self._service.set_language(self.language.currentData())
        self._say(self.tr("Bahasa disimpan; berlaku saat aplikasi dibuka lagi."))
        self.restart_needed.emit()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._service.database_path().parent)))

    def _show_document_folder(self) -> None:
        self.documents.setText(
            self.tr("Folder dokumen (PDF yang disimpan): {path}").format(
                path=self._service.document_folder()
            )
        )

    def _choose_documents(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder dokumen"), str(self._service.document_folder())
        )
        if chosen:
            self.apply_document_folder(Path(chosen))

    def apply_document_folder(self, folder: Path) -> bool:
        try:
            saved = self._service.set_document_folder(folder)
        except (DomainError, StorageUnavailable) as exc:
            self._say(str(exc), ok=False)
            return False
        self._show_document_folder()
        self._say(self.tr("Dokumen akan disimpan di {path}.").format(path=saved))
        return True

    def _choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Berkas basis data"), str(self._service.database_path().parent),
            self.tr("Basis data (*.db)"),
        )  # fmt: skip
        if path:
            try:
                self._service.set_database(Path(path))
            except DomainError as exc:
                self._say(str(exc), ok=False)
                return
            self._say(self.tr("Basis data {path} dipakai saat aplikasi dibuka lagi.").format(
                path=path))  # fmt: skip
            self.restart_needed.emit()

    # --- backup and restore, off the GUI thread ------------------------------------------

    def _ask_backup(self) -> None:
        today = short_date(self._today)
        suggested = self._service.database_path().with_name(f"cadangan-perisai-{today}.db")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan cadangan"), str(suggested), self.tr("Basis data (*.db)")
        )
        if path:
            self.backup_to(Path(path))

    def backup_to(self, target: Path) -> None:
        service = self._service

        def run(context: TaskContext) -> Path:
            def progress(done: int, total: int) -> None:
                context.check()  # raising here stops SQLite's copy: nothing is left behind
                context.progress(done, total)

            return service.backup(target, progress)

        self._start(self.tr("Membuat cadangan…"))
        self._task = self._worker.run(run, self._backup_done, self._failed, self._progressed)

    def _backup_done(self, target: Path) -> None:
        self._finish()
        self._say(self.tr("Cadangan tersimpan: {path}").format(path=target))
        self.backup_finished.emit(str(target))

    def _ask_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih cadangan"), str(self._service.database_path().parent),
            self.tr("Basis data (*.db)"),
        )  # fmt: skip
        if not path:
            return
        problem = self._service.check_backup(Path(path))
        if problem:
            self._say(problem, ok=False)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Pulihkan cadangan"),
            self.tr("Data di laptop ini diganti dengan isi cadangan. Salinan data sekarang "
                    "disimpan dulu. Aplikasi lalu ditutup. Lanjutkan?"),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(Path(path))

    def restore_from(self, backup: Path) -> None:
        service = self._service

        def run(context: TaskContext) -> Path:
            return service.restore(backup, context.progress)

        self._start(self.tr("Memulihkan cadangan…"))
        self.cancel_button.setEnabled(False)  # a restore runs to its end once started
        self._task = self._worker.run(run, self._restore_done, self._failed, self._progressed)

    def _restore_done(self, safety: Path) -> None:
        self._finish()
        self._say(
            self.tr("Cadangan dipulihkan. Data sebelumnya disimpan di {path}. "
                    "Buka aplikasi lagi.").format(path=safety)
        )  # fmt: skip
        self.restore_finished.emit(str(safety))

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._finish()
            self._say(self.tr("Dibatalkan; tidak ada berkas yang ditulis."), ok=False)

    def _start(self, text: str) -> None:
        self._say(text)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)  # busy until the first report
        for button in (self.backup_button, self.restore_button):
            button.setEnabled(False)
        self.cancel_button.setEnabled(True)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        for button in (self.backup_button, self.restore_button):
            button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _failed(self, error: Exception) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            return
        self._say(self.tr("Gagal: {error}").format(error=error), ok=False)

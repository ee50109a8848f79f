"""Signing in before any data is shown, and the way back through the branch when the password
is forgotten.

The password is checked on the worker thread (argon2id takes ~0.3 s on purpose, more on an
old laptop). Wrong passwords are counted on disk by the service; when the count says wait,
the dialog counts down and takes no password until the wait is over.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.sign_in import format_wait
from outreach_app.services.protection import Protection, SignInBlocked
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.widgets.cards import STYLE, title
from outreach_app.ui.widgets.password_fields import password_field
from outreach_app.ui.workers import Worker

ERROR_STYLE, OK_STYLE = "color: #b91c1c;", "color: #15803d;"


class PasswordPrompt(QWidget):
    """A password field with its message and the countdown of a wait. `check` runs on the
    worker and returns the database key, or raises DomainError for a wrong or refused
    password; `unlocked` then hands the key over on the GUI thread."""

    unlocked = Signal(object)  # DatabaseKey

    def __init__(
        self,
        protection: Protection,
        worker: Worker,
        check: Callable[[str], DatabaseKey] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._protection = protection
        self._check = check or protection.unlock
        self._worker = worker
        self._busy = False
        self._wait_left = 0
        self.password = password_field()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.submit = QPushButton(self.tr("Masuk"))
        self.submit.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.password.returnPressed.connect(self.try_password)
        self.submit.clicked.connect(self.try_password)

    def refresh(self) -> None:
        """Shows a wait still running from earlier attempts (also after a restart)."""
        try:
            state = self._protection.sign_in_state()
        except StorageUnavailable as exc:
            self._say(str(exc))
            return
        if state.wait_seconds:
            self._start_wait(state.wait_seconds)

    def try_password(self, _checked: bool = False) -> None:
        if self._busy or self._wait_left:
            return
        text = self.password.text()
        self._busy = True
        self._set_enabled(False)
        self._say(self.tr("Memeriksa kata sandi…"), ok=True)
        check = self._check
        self._worker.run(lambda _ctx: check(text), self._passed, self._refused)

    def _passed(self, key: DatabaseKey) -> None:
        self._busy = False
        self.password.clear()
        self.message.clear()
        self._set_enabled(True)
        self.unlocked.emit(key)

    def _refused(self, error: Exception) -> None:
        self._busy = False
        self._set_enabled(True)
        self.password.clear()
        if not isinstance(error, (DomainError, StorageUnavailable)):
            raise error
        self._say(str(error))
        wait = getattr(error, "wait", 0) or (error.seconds if isinstance(error, SignInBlocked)
                                             else 0)  # fmt: skip
        if wait:
            self._start_wait(wait)
        self.password.setFocus()

    def _start_wait(self, seconds: int) -> None:
        self._wait_left = seconds
        self._set_enabled(False)
        self._show_wait()
        self._countdown.start()

    def _tick(self) -> None:
        self._wait_left = max(0, self._wait_left - 1)
        if self._wait_left:
            self._show_wait()
            return
        self._countdown.stop()
        self._set_enabled(True)
        self._say(self.tr("Silakan coba lagi."), ok=True)
        self.password.setFocus()

    def _show_wait(self) -> None:
        self._say(self.tr("Terlalu banyak kata sandi salah. Coba lagi dalam {time}.").format(
            time=format_wait(self._wait_left)))  # fmt: skip

    def _set_enabled(self, enabled: bool) -> None:
        self.password.setEnabled(enabled)
        self.submit.setEnabled(enabled)

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)


class SignInDialog(QDialog):
    """Before the database is opened: nothing of it is shown until the password is right."""

    def __init__(
        self, protection: Protection, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._protection = protection
        self.key: DatabaseKey | None = None
        self.setWindowTitle(self.tr("Masuk — Perisai Outreach"))
        self.setStyleSheet(STYLE)
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("Masukkan kata sandi laptop ini untuk membuka data."))
        intro.setWordWrap(True)
        where = QLabel(self.tr("Basis data: {name}").format(name=protection.db_path.name))
        where.setObjectName("muted")
        self.prompt = PasswordPrompt(protection, worker, parent=self)
        self.prompt.unlocked.connect(self._signed_in)
        self.forgot = QPushButton(self.tr("Lupa kata sandi?"))
        self.forgot.setFlat(True)
        leave = QPushButton(self.tr("Keluar"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot)
        buttons.addStretch(1)
        buttons.addWidget(leave)
        layout = QVBoxLayout(self)
        layout.addWidget(title(self.tr("Perisai Outreach")))
        layout.addWidget(intro)
        layout.addWidget(self.prompt)
        layout.addWidget(where)
        layout.addLayout(buttons)
        self.forgot.clicked.connect(self._recover)
        leave.clicked.connect(self.reject)
        self.prompt.refresh()
        self.prompt.password.setFocus()

    def _signed_in(self, key: DatabaseKey) -> None:
        self.key = key
        self.accept()

    def _recover(self) -> None:
        RecoveryDialog(self._protection, self).exec()
        self.prompt.refresh()


class RecoveryDialog(QDialog):
    """A forgotten password: a file for the branch, then the branch's answer back."""

    def __init__(self, protection: Protection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._protection = protection
        self.setWindowTitle(self.tr("Lupa kata sandi"))
        self.setMinimumWidth(520)
        state = protection.sign_in_state()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_request = QPushButton(self.tr("Simpan berkas untuk cabang…"))
        self.load_answer = QPushButton(self.tr("Muat jawaban dari cabang…"))
        close = QPushButton(self.tr("Tutup"))
        if state.branch_label is None:
            self.explain.setText(
                self.tr("Laptop ini belum memasang kunci pemulihan kantor cabang, jadi kata sandi "
                        "tidak dapat dipulihkan. Data yang sudah disinkronkan tetap ada di server "
                        "cabang: hubungi kantor cabang.")
            )  # fmt: skip
            self.save_request.setEnabled(False)
            self.load_answer.setEnabled(False)
        else:
            self.explain.setText(
                self.tr("1. Simpan berkas untuk kantor cabang {label} (sidik jari kunci: "
                        "{fingerprint}) dan kirimkan ke sana (flashdisk atau pesan). Berkas itu "
                        "tidak berisi data peserta.\n2. Kantor cabang membuat kata sandi "
                        "sementara dan mengirim berkas jawaban.\n3. Muat jawaban itu di sini, "
                        "lalu masuk dengan kata sandi sementara: Anda langsung diminta membuat "
                        "kata sandi baru.")
                .format(label=state.branch_label or "?", fingerprint=state.branch_fingerprint)
            )  # fmt: skip
        buttons = QHBoxLayout()
        for button in (self.save_request, self.load_answer):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.save_request.clicked.connect(self._ask_save)
        self.load_answer.clicked.connect(self._ask_load)
        close.clicked.connect(self.accept)

    def _ask_save(self) -> None:
        suggested = Path.home() / f"pemulihan-{self._protection.db_path.stem}.kunci"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan berkas untuk cabang"), str(suggested),
            self.tr("Berkas kunci (*.kunci)"),
        )  # fmt: skip
        if path:
            self.save_to(Path(path))

    def save_to(self, target: Path) -> bool:
        try:
            written = self._protection.recovery_request(target)
        except (DomainError, StorageUnavailable) as exc:
            self._say(str(exc), ok=False)
            return False
        self._say(self.tr("Tersimpan: {path}. Kirim berkas ini ke kantor cabang.").format(
            path=written))  # fmt: skip
        return True

    def _ask_load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Jawaban dari cabang"), str(Path.home()),
            self.tr("Berkas kunci (*.kunci);;Semua berkas (*)"),
        )  # fmt: skip
        if path:
            self.load_from(Path(path))

    def load_from(self, source: Path) -> bool:
        try:
            self._protection.take_recovery_answer(source)
        except (DomainError, StorageUnavailable) as exc:
            self._say(str(exc), ok=False)
            return False
        self._say(self.tr("Jawaban cabang dipasang. Masuk dengan kata sandi sementara dari "
                          "kantor cabang."))  # fmt: skip
        return True

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

"""Settings → Keamanan: whether the data is encrypted, the password, the branch's recovery
key, and after how many idle minutes the app locks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.services.setup import (
    MAX_IDLE_LOCK_MINUTES,
    MIN_IDLE_LOCK_MINUTES,
    SetupService,
)
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.workers import Worker

OK_STYLE, ERROR_STYLE = "color: #15803d;", "color: #b91c1c;"


class SecurityPanel(QGroupBox):
    idle_minutes_changed = Signal(int)

    def __init__(
        self, service: SetupService, worker: Worker, demo: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Keamanan"), parent)
        self._service = service
        self._worker = worker
        self._demo = demo
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.change_password = QPushButton(self.tr("Ganti kata sandi…"))
        self.branch_key = QLabel()
        self.branch_key.setWordWrap(True)
        self.install_branch_key = QPushButton(self.tr("Pasang kunci cabang…"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" menit"))
        self.save_idle = QPushButton(self.tr("Simpan"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Basis data"), self.state)
        form.addRow("", self._row(self.change_password))
        form.addRow(self.tr("Kunci pemulihan cabang"), self.branch_key)
        form.addRow("", self._row(self.install_branch_key))
        form.addRow(self.tr("Kunci otomatis setelah"), self._row(self.idle_minutes,
                                                                 self.save_idle))  # fmt: skip
        form.addRow("", self.message)
        self.change_password.clicked.connect(self._change_password)
        self.install_branch_key.clicked.connect(self._ask_branch_key)
        self.save_idle.clicked.connect(lambda: self.apply_idle_minutes(self.idle_minutes.value()))

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def load(self) -> None:
        protection = self._service.protection
        protected = protection is not None
        if protected:
            self.state.setText(self.tr("Terenkripsi; dibuka dengan kata sandi laptop ini."))
            self.state.setStyleSheet(OK_STYLE)
        elif self._demo:
            self.state.setText(self.tr("Basis data DEMO: data contoh, tidak dienkripsi."))
            self.state.setStyleSheet("")
        else:
            self.state.setText(
                self.tr("TIDAK terenkripsi. Tutup lalu buka aplikasi lagi untuk melindunginya "
                        "dengan kata sandi.")
            )  # fmt: skip
            self.state.setStyleSheet(ERROR_STYLE)
        branch = protection.branch_key() if protection is not None else None
        if branch is None:
            self.branch_key.setText(
                self.tr("Belum dipasang: kata sandi yang terlupa tidak dapat dipulihkan.")
                if protected
                else "—"
            )
        else:
            self.branch_key.setText(self.tr("Cabang {label}, sidik jari {fingerprint}").format(
                label=branch[0] or "?", fingerprint=branch[1]))  # fmt: skip
        for widget in (self.change_password, self.install_branch_key, self.idle_minutes,
                       self.save_idle):  # fmt: skip
            widget.setEnabled(protected)
        self.idle_minutes.setValue(self._service.idle_lock_minutes())

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def apply_idle_minutes(self, minutes: int) -> bool:
        try:
            saved = self._service.set_idle_lock_minutes(minutes)
        except (DomainError, StorageUnavailable) as exc:
            self._say(str(exc), ok=False)
            return False
        self._say(self.tr("Aplikasi terkunci setelah {n} menit tidak dipakai.").format(n=saved))
        self.idle_minutes_changed.emit(saved)
        return True

    def _change_password(self) -> None:
        from outreach_app.ui.dialogs.password import ChangePasswordDialog

        protection = self._service.protection
        if protection is None:
            return
        dialog = ChangePasswordDialog(protection, self._worker, parent=self)
        if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted:
            self._say(self.tr("Kata sandi diganti."))

    def _ask_branch_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Kunci pemulihan cabang"), str(Path.home()),
            self.tr("Kunci publik (*.pub);;Semua berkas (*)"),
        )  # fmt: skip
        if path:
            self.apply_branch_key(Path(path))

    def apply_branch_key(self, path: Path) -> bool:
        try:
            branch = self._service.install_branch_key(path)
        except (DomainError, StorageUnavailable) as exc:
            self._say(str(exc), ok=False)
            return False
        self.load()
        self._say(self.tr("Kunci pemulihan cabang {label} dipasang (sidik jari {fingerprint}): "
                          "cocokkan dengan kantor cabang.").format(
            label=branch.label or "?", fingerprint=branch.fingerprint))  # fmt: skip
        return True

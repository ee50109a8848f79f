"""Choosing a password: protecting a database that has none yet (encrypting it, on the worker
thread, with a progress bar), and changing the password (in Settings, or at once after the
branch set a temporary one)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.services.protection import Protected, Protection
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.ui.widgets.password_fields import NewPasswordFields, password_field
from outreach_app.ui.workers import Worker

ERROR_STYLE = "color: #b91c1c;"


class ProtectDialog(QDialog):
    """Offered at start for a database without a password (never for the demo). "Nanti"
    keeps it as it is, and it is offered again at the next start."""

    def __init__(
        self,
        protection: Protection,
        worker: Worker,
        existing: bool,
        suggested_branch_key: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._protection = protection
        self._worker = worker
        self._existing = existing
        self.protected: Protected | None = None
        self.setWindowTitle(self.tr("Lindungi data dengan kata sandi"))
        self.setMinimumWidth(560)
        if existing:
            text = self.tr(
                "Basis data di laptop ini ({name}) belum dienkripsi: siapa pun yang memegang "
                "laptop ini atau menyalin berkasnya dapat membaca NIK, nama dan alamat peserta.\n"
                "Buat kata sandi untuk mengenkripsinya. Tidak ada data yang hilang: salinan "
                "terenkripsi diperiksa dulu terhadap aslinya, dan satu cadangan terenkripsi "
                "disimpan di folder yang sama."
            )
        else:
            text = self.tr(
                "Basis data baru ({name}) akan berisi NIK, nama dan alamat peserta. Buat kata "
                "sandi agar isinya terenkripsi sejak awal."
            )
        explain = QLabel(text.format(name=protection.db_path.name))
        explain.setWordWrap(True)
        self.fields = NewPasswordFields(with_branch_key=True,
                                        suggested_branch_key=suggested_branch_key)  # fmt: skip
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox()
        self.protect_button = buttons.addButton(
            self.tr("Lindungi sekarang"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = buttons.addButton(
            self.tr("Nanti"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.protect_button.setDefault(True)
        buttons.accepted.connect(self.protect)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.fields)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def key(self) -> DatabaseKey | None:
        return None if self.protected is None else self.protected.key

    def protect(self) -> None:
        problem = self.fields.problem()
        try:
            branch = self.fields.branch_key()
        except DomainError as exc:
            problem = str(exc)
        if problem:
            self.message.setText(problem)
            return
        password = self.fields.password.text()
        protection, existing = self._protection, self._existing

        def run(_ctx: object) -> Protected:
            if existing:
                return protection.protect_existing(password, password, branch)
            return Protected(protection.protect_new(password, password, branch), None)

        self._busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Mengenkripsi basis data…") if existing else "")
        self._worker.run(run, self._done, self._failed)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.fields, self.protect_button, self.later_button):
            widget.setEnabled(not busy)

    def _done(self, protected: Protected) -> None:
        self._busy(False)
        self.protected = protected
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        if not isinstance(error, (DomainError, StorageUnavailable, OSError)):
            raise error
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(str(error))

    def reject(self) -> None:
        if self.progress.isVisible():
            return  # encrypting: it finishes (or fails) by itself, never half-way
        super().reject()


class ChangePasswordDialog(QDialog):
    """With the old password (Settings), or without it right after signing in with the
    branch's temporary password (`key` given: the user cannot leave without a new one)."""

    def __init__(
        self,
        protection: Protection,
        worker: Worker,
        key: DatabaseKey | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._protection = protection
        self._worker = worker
        self._key = key
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.old = password_field()
        if key is not None:
            explain = QLabel(
                self.tr("Anda masuk dengan kata sandi sementara dari kantor cabang. Buat kata "
                        "sandi baru sekarang; kata sandi sementara tidak berlaku lagi.")
            )  # fmt: skip
            explain.setWordWrap(True)
            layout.addWidget(explain)
        else:
            old = QFormLayout()
            old.addRow(self.tr("Kata sandi sekarang"), self.old)
            layout.addLayout(old)
        self.fields = NewPasswordFields()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox()
        self.save_button: QPushButton = buttons.addButton(
            self.tr("Simpan kata sandi"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(
            self.tr("Keluar") if key is not None else self.tr("Batal"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.message.setText(problem)
            return
        new, old, key = self.fields.password.text(), self.old.text(), self._key
        protection = self._protection

        def run(_ctx: object) -> None:
            if key is not None:
                protection.change_password(key, new, new)
            else:
                protection.change_password(protection.unlock(old), new, new)

        self.save_button.setEnabled(False)
        self.message.setText("")
        self._worker.run(run, lambda _none: self.accept(), self._failed)

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(error, (DomainError, StorageUnavailable)):
            raise error
        self.old.clear()
        self.message.setText(str(error))

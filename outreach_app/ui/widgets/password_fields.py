"""Choosing a new password: typed twice, the rule said up front, and the branch's recovery key
picked from a file (or found where the branch's installer put it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.sign_in import MIN_PASSWORD_LENGTH, new_password_problem

if TYPE_CHECKING:
    from outreach_app.services.keys import BranchPublicKey


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setMinimumWidth(260)
    return field


class NewPasswordFields(QWidget):
    """Password, repeat, and (optionally) the branch recovery key file, as form rows."""

    def __init__(
        self,
        parent: QWidget | None = None,
        with_branch_key: bool = False,
        suggested_branch_key: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.password = password_field()
        self.repeat = password_field()
        self.rule = QLabel(
            self.tr("Minimal {n} karakter, tidak hanya angka. Kata sandi ini tidak dapat "
                    "dilihat siapa pun, juga oleh kantor cabang: ingat baik-baik.")
            .format(n=MIN_PASSWORD_LENGTH)
        )  # fmt: skip
        self.rule.setWordWrap(True)
        self.rule.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()  # not a QFormLayout: its height-for-width squeezes the fields
        grid.addWidget(QLabel(self.tr("Kata sandi")), 0, 0)
        grid.addWidget(self.password, 0, 1)
        grid.addWidget(QLabel(self.tr("Ulangi kata sandi")), 1, 0)
        grid.addWidget(self.repeat, 1, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addWidget(self.rule)
        self.branch_key_path: Path | None = None
        self.branch_key_label = QLabel()
        self.branch_key_label.setWordWrap(True)
        self.branch_key_label.setObjectName("muted")
        self.choose_branch_key = QPushButton(self.tr("Pilih berkas…"))
        if with_branch_key:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Kunci pemulihan cabang (opsional)")))
            row.addStretch(1)
            row.addWidget(self.choose_branch_key)
            layout.addLayout(row)
            layout.addWidget(self.branch_key_label)
            self.choose_branch_key.clicked.connect(self._choose_branch_key)
            self.set_branch_key_file(suggested_branch_key)

    def problem(self) -> str | None:
        return new_password_problem(self.password.text(), self.repeat.text())

    def set_branch_key_file(self, path: Path | None) -> None:
        self.branch_key_path = path
        if path is None:
            self.branch_key_label.setText(
                self.tr("Berkas .pub dari kantor cabang. Tanpa itu, kata sandi yang terlupa "
                        "tidak dapat dipulihkan.")
            )  # fmt: skip
            return
        try:
            key = self.branch_key()
        except DomainError as exc:
            self.branch_key_label.setText(str(exc))
            return
        assert key is not None
        self.branch_key_label.setText(
            self.tr("{file}: cabang {label}, sidik jari {fingerprint}").format(
                file=path.name, label=key.label or "?", fingerprint=key.fingerprint
            )
        )

    def branch_key(self) -> BranchPublicKey | None:
        """The chosen branch key; raises DomainError for a file that is not one."""
        if self.branch_key_path is None:
            return None
        from outreach_app.services.keys import BranchKeyRefused, BranchPublicKey

        try:
            text = self.branch_key_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BranchKeyRefused(
                self.tr("Berkas {file} tidak dapat dibaca.").format(file=self.branch_key_path)
            ) from exc
        return BranchPublicKey.from_file_text(text)

    def _choose_branch_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Kunci pemulihan cabang"), str(Path.home()),
            self.tr("Kunci publik (*.pub);;Semua berkas (*)"),
        )  # fmt: skip
        if path:
            self.set_branch_key_file(Path(path))

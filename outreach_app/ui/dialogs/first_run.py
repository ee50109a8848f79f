"""The first start on a laptop: try the demo, start empty with who uses the laptop, or start
empty and connect to the branch later."""

from __future__ import annotations

import socket
from enum import StrEnum

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.models import Role
from outreach_app.services.setup import FirstRunAnswers
from outreach_app.ui.widgets.combo import require_enum


class FirstRunChoice(StrEnum):
    DEMO = "demo"
    EMPTY = "empty"
    LATER = "later"


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Selamat datang di Perisai Outreach"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr("Aplikasi ini bekerja tanpa sinyal: semua data disimpan di laptop ini dan "
                    "dikirim ke kantor cabang saat ada sambungan. Bagaimana Anda ingin mulai?")
        )  # fmt: skip
        intro.setWordWrap(True)
        self.demo = QRadioButton(self.tr("Coba dengan data demo (data contoh, bukan data asli)"))
        self.empty = QRadioButton(self.tr("Mulai kosong: saya isi identitas saya sekarang"))
        self.later = QRadioButton(self.tr("Mulai kosong dan sambungkan ke kantor cabang nanti"))
        self.choices = QButtonGroup(self)
        for button in (self.demo, self.empty, self.later):
            self.choices.addButton(button)
        self.demo.setChecked(True)

        self.full_name = QLineEdit()
        self.username = QLineEdit()
        self.role = QComboBox()
        self.role.addItem(self.tr("Agen Perisai"), Role.AGENT)
        self.role.addItem(self.tr("Staf kantor cabang"), Role.STAFF)
        self.branch_code = QLineEdit()
        self.branch_code.setPlaceholderText(self.tr("mis. MAL"))
        self.branch_name = QLineEdit()
        self.device_name = QLineEdit(socket.gethostname() or "")
        self.receipt_prefix = QLineEdit()
        self.receipt_prefix.setPlaceholderText(self.tr("mis. SML01"))
        self.identity = QWidget()
        form = QFormLayout(self.identity)
        form.addRow(self.tr("Nama lengkap"), self.full_name)
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Peran"), self.role)
        form.addRow(self.tr("Kode kantor cabang"), self.branch_code)
        form.addRow(self.tr("Nama kantor cabang"), self.branch_name)
        form.addRow(self.tr("Nama perangkat"), self.device_name)
        form.addRow(self.tr("Awalan nomor kuitansi"), self.receipt_prefix)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b91c1c;")
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            self.tr("Mulai"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Keluar"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.demo, self.empty, self.later):
            layout.addWidget(button)
        layout.addWidget(self.identity)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.start_button.setDefault(True)
        self.choices.buttonToggled.connect(lambda *_: self._show_identity())
        self._show_identity()

    def choice(self) -> FirstRunChoice:
        if self.demo.isChecked():
            return FirstRunChoice.DEMO
        return FirstRunChoice.EMPTY if self.empty.isChecked() else FirstRunChoice.LATER

    def _show_identity(self) -> None:
        self.identity.setVisible(self.choice() is FirstRunChoice.EMPTY)
        self.adjustSize()

    def answers(self) -> FirstRunAnswers:
        return FirstRunAnswers(
            full_name=self.full_name.text(),
            username=self.username.text(),
            role=require_enum(self.role, Role),
            branch_code=self.branch_code.text(),
            branch_name=self.branch_name.text(),
            device_name=self.device_name.text(),
            receipt_prefix=self.receipt_prefix.text() or "PRS",
        )

    def _check(self) -> None:
        if self.choice() is FirstRunChoice.EMPTY:
            a = self.answers()
            if not all(v.strip() for v in (a.full_name, a.username, a.branch_code, a.device_name)):
                self.message.setText(
                    self.tr("Isi nama, nama pengguna, kode cabang dan nama perangkat.")
                )
                return
        self.accept()

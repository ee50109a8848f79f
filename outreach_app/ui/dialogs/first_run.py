"""The first start on a laptop: try the demo (no password, marked DEMO everywhere), or start
for real: this laptop (role, device name, the branch server if known), who uses it (or
connect to the branch later), and the password that encrypts its data. No receipt prefix is
asked: the laptop derives one from its device id that cannot collide, and the branch server
reserves it (or assigns another) at sign-in; Settings shows it (services/receipt_prefix.py)."""

from __future__ import annotations

import socket
from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Role
from outreach_app.services.setup import FirstRunAnswers, FirstRunOutcome, server_address
from outreach_app.ui.widgets.combo import require_enum
from outreach_app.ui.widgets.password_fields import NewPasswordFields


class FirstRunChoice(StrEnum):
    DEMO = "demo"
    EMPTY = "empty"
    LATER = "later"


class FirstRunDialog(QDialog):
    def __init__(
        self, parent: QWidget | None = None, suggested_branch_key: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Selamat datang di Perisai Outreach"))
        self.setMinimumWidth(860)
        intro = QLabel(
            self.tr("Aplikasi ini bekerja tanpa sinyal: semua data disimpan di laptop ini dan "
                    "dikirim ke kantor cabang saat ada sambungan. Bagaimana Anda ingin mulai?")
        )  # fmt: skip
        intro.setWordWrap(True)
        self.demo = QRadioButton(
            self.tr("Coba dengan data demo (data contoh, bukan data asli; tanpa kata sandi)")
        )
        self.empty = QRadioButton(self.tr("Mulai kosong: saya isi identitas saya sekarang"))
        self.later = QRadioButton(self.tr("Mulai kosong dan sambungkan ke kantor cabang nanti"))
        self.choices = QButtonGroup(self)
        for button in (self.demo, self.empty, self.later):
            self.choices.addButton(button)
        self.demo.setChecked(True)

        self.role = QComboBox()
        self.role.addItem(self.tr("Agen Perisai"), Role.AGENT)
        self.role.addItem(self.tr("Staf kantor cabang"), Role.STAFF)
        self.device_name = QLineEdit(socket.gethostname() or "")
        self.server = QLineEdit()
        self.server.setPlaceholderText(self.tr("opsional, mis. https://10.0.0.5:8750"))
        self.laptop = QGroupBox(self.tr("Laptop ini"))
        laptop = QFormLayout(self.laptop)
        laptop.addRow(self.tr("Peran"), self.role)
        laptop.addRow(self.tr("Nama perangkat"), self.device_name)
        laptop.addRow(self.tr("Alamat server cabang"), self.server)

        self.full_name = QLineEdit()
        self.username = QLineEdit()
        self.branch_code = QLineEdit()
        self.branch_code.setPlaceholderText(self.tr("mis. MAL"))
        self.branch_name = QLineEdit()
        self.identity = QGroupBox(self.tr("Pengguna"))
        form = QFormLayout(self.identity)
        form.addRow(self.tr("Nama lengkap"), self.full_name)
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kode kantor cabang"), self.branch_code)
        form.addRow(self.tr("Nama kantor cabang"), self.branch_name)

        self.security = QGroupBox(self.tr("Kata sandi laptop"))
        security = QVBoxLayout(self.security)
        explain = QLabel(
            self.tr("Data peserta (NIK, nama, alamat) disimpan terenkripsi. Kata sandi diminta "
                    "setiap aplikasi dibuka dan setelah laptop lama tidak dipakai.")
        )  # fmt: skip
        explain.setWordWrap(True)
        self.passwords = NewPasswordFields(with_branch_key=True,
                                           suggested_branch_key=suggested_branch_key)  # fmt: skip
        security.addWidget(explain)
        security.addWidget(self.passwords)

        self.message = QLabel()
        self.message.setWordWrap(True)
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
        side_by_side = QHBoxLayout()  # fits a 1366x768 laptop screen
        side_by_side.addWidget(self.laptop, 1)
        side_by_side.addWidget(self.identity, 1)
        layout.addLayout(side_by_side)
        layout.addWidget(self.security)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.start_button.setDefault(True)
        self.choices.buttonToggled.connect(lambda *_: self._show_sections())
        self._show_sections()

    def choice(self) -> FirstRunChoice:
        if self.demo.isChecked():
            return FirstRunChoice.DEMO
        return FirstRunChoice.EMPTY if self.empty.isChecked() else FirstRunChoice.LATER

    def _show_sections(self) -> None:
        real = self.choice() is not FirstRunChoice.DEMO
        self.laptop.setVisible(real)
        self.security.setVisible(real)
        self.identity.setVisible(self.choice() is FirstRunChoice.EMPTY)
        self.message.clear()
        self._fit()

    def _fit(self) -> None:
        """As tall as the content wants: adjustSize() under-counts the wrapped labels and
        squeezes the password fields."""
        width = max(self.width(), self.minimumWidth())
        layout = self.layout()
        layout.activate()  # sections were just shown or hidden: count them now
        height = max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
        self.resize(width, height)

    def answers(self) -> FirstRunAnswers:
        identity = self.choice() is FirstRunChoice.EMPTY
        return FirstRunAnswers(
            role=require_enum(self.role, Role),
            device_name=self.device_name.text(),
            server=self.server.text(),
            full_name=self.full_name.text() if identity else "",
            username=self.username.text() if identity else "",
            branch_code=self.branch_code.text() if identity else "",
            branch_name=self.branch_name.text() if identity else "",
        )

    def outcome(self) -> FirstRunOutcome:
        if self.choice() is FirstRunChoice.DEMO:
            return FirstRunOutcome(demo=True)
        return FirstRunOutcome(
            demo=False,
            answers=self.answers(),
            password=self.passwords.password.text(),
            branch_key=self.passwords.branch_key(),
        )

    def _problem(self) -> str | None:
        if self.choice() is FirstRunChoice.DEMO:
            return None
        a = self.answers()
        if self.choice() is FirstRunChoice.EMPTY and not all(
            v.strip() for v in (a.full_name, a.username, a.branch_code)
        ):
            return self.tr("Isi nama, nama pengguna, kode cabang dan nama perangkat.")
        if not a.device_name.strip():
            return self.tr("Isi nama perangkat.")
        try:
            server_address(a.server)
            self.passwords.branch_key()
        except DomainError as exc:
            return str(exc)
        return self.passwords.problem()

    def _check(self) -> None:
        problem = self._problem()
        if problem:
            self.message.setText(problem)
            self._fit()
            return
        self.accept()

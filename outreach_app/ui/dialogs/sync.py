"""Signing in to the branch server, and the list of sync problems to act on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.reference.dates_text import short_date
from outreach_app.services.duplicates import DuplicateDesk
from outreach_app.services.rewind import notice_pending, notice_told
from outreach_app.services.sync import SyncService
from outreach_app.ui.dialogs.buttons import save_cancel_buttons


class SignInDialog(QDialog):
    """Server address, user name and password; the password is used once and not kept."""

    def __init__(self, server: str, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Masuk ke server cabang"))
        self.server = QLineEdit(server)
        self.server.setPlaceholderText("http://10.0.0.5:8750")
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        form = QFormLayout()
        form.addRow(self.tr("Alamat server"), self.server)
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
        buttons, self.ok = save_cancel_buttons(self, self.tr("Masuk"))
        buttons.accepted.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Sekali masuk cukup: laptop ini menyimpan tanda masuknya, bukan kata sandinya."
        )))  # fmt: skip
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if server and username else self.server).setFocus()

    def _check(self) -> None:
        server = self.server.text().strip()
        if not server.startswith(("http://", "https://")):
            self.message.setText(self.tr("Alamat server diawali http:// atau https://."))
            return
        if not self.username.text().strip() or not self.password.text():
            self.message.setText(self.tr("Isi nama pengguna dan kata sandi."))
            return
        self.accept()

    def answers(self) -> tuple[str, str, str]:
        return self.server.text().strip(), self.username.text().strip(), self.password.text()


class SyncProblemsDialog(QDialog):
    """Changes the server refused (fix the record, then send again, or discard), changes from
    the server held here (a duplicate NIK the branch is reviewing), and what the branch decided
    about duplicates of this laptop's records. Staff open the review queue from here."""

    reviews_requested = Signal()

    def __init__(self, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._desk = DuplicateDesk(service)
        self._names = {
            "participants": self.tr("Peserta"), "payments": self.tr("Kuitansi"),
            "heirs": self.tr("Ahli waris"), "visit_plans": self.tr("Kunjungan"),
            "villages": self.tr("Desa"), "users": self.tr("Pengguna"),
            "payers": self.tr("Pembayar"), "branches": self.tr("Kantor cabang"),
            "cash_deposits": self.tr("Setoran"), "audit_log": self.tr("Catatan audit"),
        }  # fmt: skip
        self.setWindowTitle(self.tr("Masalah sinkronisasi"))
        self.resize(760, 460)
        self.parked = QListWidget()
        self.held = QListWidget()
        for listing in (self.parked, self.held):  # long reasons wrap instead of hiding
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setSpacing(2)
        self.discard_button = QPushButton(self.tr("Buang perubahan terpilih"))
        self.retry_button = QPushButton(self.tr("Kirim lagi semua saat sinkron berikutnya"))
        close = QPushButton(self.tr("Tutup"))
        self.discard_button.clicked.connect(self.discard_selected)
        self.retry_button.clicked.connect(self.retry_all)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        self.new_device = QLabel(self.tr(
            "<b>Perangkat baru</b> — laptop ini dipulihkan dari cadangan atau disalin: kini "
            "tersinkron sebagai perangkat baru; tidak ada data yang hilang."
        ))  # fmt: skip
        self.new_device.setWordWrap(True)
        self.new_device.setVisible(notice_pending(service.store))
        notice_told(service.store)  # shown now: told once
        layout.addWidget(self.new_device)
        refused = self.tr(
            "<b>Ditolak server</b> — perbaiki datanya, lalu kirim lagi; atau buang perubahannya."
        )
        layout.addWidget(QLabel(refused))
        layout.addWidget(self.parked, 2)
        row = QHBoxLayout()
        for button in (self.discard_button, self.retry_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("<b>Ditahan di laptop ini</b> — menunggu kantor cabang.")))
        layout.addWidget(self.held, 1)
        self.merged_title = QLabel(self.tr(
            "<b>Digabung oleh cabang</b> — data ganda yang tidak dipertahankan; kuitansinya "
            "tetap berlaku."
        ))  # fmt: skip
        self.merged = QListWidget()
        self.merged.setWordWrap(True)
        layout.addWidget(self.merged_title)
        layout.addWidget(self.merged, 1)
        bottom = QHBoxLayout()
        self.reviews_button = QPushButton(self.tr("Periksa duplikat NIK..."))
        self.reviews_button.setVisible(self._desk.reviewer())
        self.reviews_button.clicked.connect(self.reviews_requested)
        bottom.addWidget(self.reviews_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.fill()

    def fill(self) -> None:
        self.parked.clear()
        for change in self._service.state.parked():
            name = change.fields.get("full_name") or change.fields.get("receipt_no") or ""
            what = self._names.get(change.table, change.table)
            item = QListWidgetItem(f"{what} {name} — {change.reason}".replace("  ", " "))
            item.setData(Qt.ItemDataRole.UserRole, change.seq)
            self.parked.addItem(item)
        self.held.clear()
        for table, _row_id, reason in self._service.state.held():
            self.held.addItem(f"{self._names.get(table, table)} — {reason}")
        self.merged.clear()
        for outcome in self._desk.outcomes():
            person = outcome.retired
            if outcome.kept is None:
                where = self.tr("data yang dicatat agen lain")
            else:
                where = self.tr("data {name} ({registered})").format(
                    name=outcome.kept.full_name,
                    registered=short_date(outcome.kept.registered_on) or "-",
                )
            self.merged.addItem(self.tr("{name} (NIK {nik}) — digabung ke {where}").format(
                name=person.full_name, nik=person.nik or "-", where=where))  # fmt: skip
        self.merged_title.setVisible(self.merged.count() > 0)
        self.merged.setVisible(self.merged.count() > 0)
        has_parked = self.parked.count() > 0
        self.discard_button.setEnabled(has_parked)
        self.retry_button.setEnabled(has_parked)

    def discard_selected(self) -> None:
        item = self.parked.currentItem()
        if item is not None:
            self._service.discard(int(item.data(Qt.ItemDataRole.UserRole)))
            self.fill()

    def retry_all(self) -> None:
        self._service.retry_parked()
        self.fill()

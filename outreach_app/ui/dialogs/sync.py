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
    """Server address, user name and password; the password is used once and not kept. The
    certificate's fingerprint from the branch is optional: without it the certificate the
    server shows first is trusted and shown after (sync/tls.py). Plain http:// is refused here
    for any address but this machine's (or the one allowed for testing on the command line)."""

    def __init__(
        self,
        server: str,
        username: str,
        parent: QWidget | None = None,
        plain_http_allowed: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Masuk ke server cabang"))
        self._plain_http_allowed = plain_http_allowed.rstrip("/")
        self.server = QLineEdit(server)
        self.server.setPlaceholderText("https://10.0.0.5:8750")
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText("AB:CD:EF:…")
        metrics = self.fingerprint.fontMetrics()  # the whole fingerprint in view
        self.fingerprint.setMinimumWidth(metrics.horizontalAdvance("AB:" * 32) + 16)
        fingerprint_hint = QLabel(self.tr(
            "Dari kantor cabang. Kosongkan bila cabang memakai sertifikat resmi, atau untuk "
            "memercayai sertifikat yang ditunjukkan server pertama kali (sidik jarinya "
            "ditampilkan setelah masuk)."
        ))  # fmt: skip
        fingerprint_hint.setWordWrap(True)
        fingerprint_hint.setStyleSheet("color: #4b5563;")
        fingerprint_field = QWidget()
        column = QVBoxLayout(fingerprint_field)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.fingerprint)
        column.addWidget(fingerprint_hint)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        form = QFormLayout()
        form.addRow(self.tr("Alamat server"), self.server)
        form.addRow(self.tr("Sidik jari sertifikat (SHA-256)"), fingerprint_field)
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
        from outreach_app.sync.errors import PlainHttpRefused, UntrustedServer
        from outreach_app.sync.tls import check_address, normalize_fingerprint

        server = self.server.text().strip().rstrip("/")
        if not server.lower().startswith(("http://", "https://")):
            self._refuse(self.tr("Alamat server diawali http:// atau https://."))
            return
        try:
            check_address(server, server == self._plain_http_allowed)
        except PlainHttpRefused:
            self._refuse(self.tr(
                "Alamat http:// biasa hanya untuk komputer ini: lewat jaringan, tanda masuk dan "
                "NIK peserta akan terbaca orang lain. Pakai alamat https:// dari kantor cabang."
            ))  # fmt: skip
            return
        except UntrustedServer:
            self._refuse(self.tr("Alamat server tidak dikenali, misalnya "
                                         "https://10.0.0.5:8750."))  # fmt: skip
            return
        if self.fingerprint.text().strip():
            try:
                normalize_fingerprint(self.fingerprint.text())
            except UntrustedServer:
                self._refuse(self.tr(
                    "Sidik jari SHA-256 berisi 64 angka heksadesimal (boleh dipisah titik dua)."
                ))  # fmt: skip
                return
        if not self.username.text().strip() or not self.password.text():
            self._refuse(self.tr("Isi nama pengguna dan kata sandi."))
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.adjustSize()  # a wrapped message of two lines shown whole, not clipped

    def answers(self) -> tuple[str, str, str, str]:
        """(server, user name, password, fingerprint: "" for none)."""
        return (self.server.text().strip().rstrip("/"), self.username.text().strip(),
                self.password.text(), self.fingerprint.text().strip())  # fmt: skip


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
            "void_requests": self.tr("Permintaan pembatalan"),
            "payment_settlements": self.tr("Penyelesaian pembayaran"),
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

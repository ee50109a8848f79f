"""What the server made of an agent's bundle, and saving its answer for the agent.

The answer exists only in memory until staff save it; closing without saving loses nothing
that matters (sending the same bundle again gives the same answer and records nothing twice),
and the dialog says so. A failed save keeps the dialog open with the reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.reference.money_text import format_count
from outreach_app.services.bundles import RelayedBundle, with_suffix
from outreach_app.services.print_output import write_atomically

OK_STYLE, ERROR_STYLE = "color: #15803d;", "color: #b91c1c;"


class RelayAnswerDialog(QDialog):
    """The server's summary; "Simpan jawaban…" writes the answer where staff choose
    (by default beside the agent's bundle, named after the agent's laptop and the day)."""

    def __init__(self, relayed: RelayedBundle, suggested: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.relayed = relayed
        self.suggested = suggested
        self.saved_to: Path | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Jawaban untuk {device}").format(device=relayed.device_name))
        self.setMinimumWidth(560)
        heading = QLabel(self.tr("<b>Bundel dari {device} ({user})</b>").format(
            device=relayed.device_name, user=relayed.username))  # fmt: skip
        self.summary = QLabel(self.tr(
            "{sent} perubahan: {accepted} diterima, {had} sudah ada di server, {rejected} "
            "ditolak. Jawaban membawa {pulled} perubahan dari cabang ke laptop agen."
        ).format(
            sent=format_count(relayed.sent), accepted=format_count(relayed.accepted),
            had=format_count(relayed.already_had), rejected=format_count(relayed.rejected),
            pulled=format_count(relayed.pulled),
        ))  # fmt: skip
        self.reasons = QLabel(
            self.tr("Alasan penolakan (agen memperbaikinya di laptopnya):") + "\n"
            + "\n".join(f"• {reason}" for reason in relayed.reasons)
        )  # fmt: skip
        self.reasons.setVisible(bool(relayed.reasons))
        note = QLabel(self.tr(
            "Simpan jawaban ini dan berikan ke agen; ia mengimpornya lewat \"Impor jawaban "
            "bundel…\". Berkas berisi data pribadi peserta: kirim hanya ke agen itu."
        ))  # fmt: skip
        self.status = QLabel(self.tr(
            "Jawaban belum disimpan. Jika ditutup tanpa disimpan, kirim bundel yang sama lagi "
            "untuk membuatnya kembali: aman, tidak ada yang tercatat dua kali."
        ))  # fmt: skip
        for label in (self.summary, self.reasons, note, self.status):
            label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Simpan jawaban…"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Tutup"))
        self.save_button.clicked.connect(self.ask_save)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (heading, self.summary, self.reasons, note, self.status):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def ask_save(self) -> None:
        dialog = QFileDialog(self, self.tr("Simpan jawaban untuk agen"), str(self.suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Bundel sinkronisasi (*.bundle)")])
        dialog.setDefaultSuffix("bundle")
        dialog.selectFile(str(self.suggested))
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, target: Path) -> bool:
        target = with_suffix(target)
        try:
            self.saved_to = write_atomically(self.relayed.answer, target)
        except OSError as exc:
            self.status.setText(self.tr(
                "Jawaban tidak bisa disimpan di {path}: {reason}. Pilih folder lain, lalu "
                "coba lagi."
            ).format(path=target, reason=exc.strerror or exc))  # fmt: skip
            self.status.setStyleSheet(ERROR_STYLE)
            return False
        self.status.setText(self.tr("Tersimpan: {path}").format(path=self.saved_to))
        self.status.setStyleSheet(OK_STYLE)
        return True

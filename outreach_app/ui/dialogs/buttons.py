"""The save/cancel row every dialog ends with, in our own words: Qt ships no Indonesian
translation of "OK" and "Cancel"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def save_cancel_buttons(dialog: QDialog, save_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """(the row, its save button). Enter presses save, Esc or Batal closes the dialog; the
    caller connects `accepted` to whatever saving means for it."""
    buttons = QDialogButtonBox()
    save = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(
        QCoreApplication.translate("DialogButtons", "Batal"),
        QDialogButtonBox.ButtonRole.RejectRole,
    )
    save.setDefault(True)
    buttons.rejected.connect(dialog.reject)
    return buttons, save

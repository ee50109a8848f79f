"""The Cetak button each page puts beside its actions: a menu of that page's documents, hidden
when the app was built without a print service (so it is never a dead button)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton


def print_menu_button(
    title: str, items: Sequence[str], available: bool
) -> tuple[QPushButton, list[QAction]]:
    """(the button, one action per item in order); texts come translated from the page."""
    button = QPushButton(title)
    menu = QMenu(button)
    actions = [menu.addAction(text) for text in items]
    button.setMenu(menu)
    button.setVisible(available)
    return button, actions

"""Windows that fit the screen the agent has: a 1366×768 laptop, 1280×720, or 1920×1080 at
150% (1280×720 logical). A window asks for the size it would like; it gets at most the
screen's available area (less the taskbar and a frame's margin), placed inside it, so a
status bar or a dialog's buttons never fall off the bottom."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What a window frame and title bar take beyond the client area on the desktops agents use.
FRAME_MARGIN = 40


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resizes `window` to (width, height), or less where the available screen is smaller,
    and moves it so it lies within that screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (a headless test without a platform screen)
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    fitted_width = min(width, area.width() - FRAME_MARGIN // 2)
    fitted_height = min(height, area.height() - FRAME_MARGIN)
    window.resize(max(fitted_width, 200), max(fitted_height, 150))
    left = area.x() + max(0, (area.width() - window.width()) // 2)
    top = area.y() + max(0, (area.height() - window.height() - FRAME_MARGIN) // 2)
    window.move(left, top)

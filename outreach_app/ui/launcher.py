"""Starts the desktop app: the Qt application, the bundled font, the main window.

`--screenshot FILE` saves the main window once its data has loaded and exits 0: how start-up
is measured and how reviewers see the app without a display.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from outreach_app.services.overview import Overview
from outreach_app.ui.main_window import MainWindow

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def load_bundled_fonts() -> str | None:
    """Registers the shipped font so text renders the same on every laptop (and offscreen)."""
    family = None
    fonts = resources.files("outreach_app.resources").joinpath("fonts")
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFontFromData(fonts.joinpath(name).read_bytes())
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    return family


def run_desktop(
    overview: Overview,
    device_name: str,
    demo: bool,
    db_path: Path,
    screenshot: str | None = None,
    page: str = "today",
) -> int:
    """Runs the event loop until the window closes (or the screenshot is saved)."""
    app = QApplication.instance() or QApplication(["outreach"])
    assert isinstance(app, QApplication)
    family = load_bundled_fonts()
    if family:
        app.setFont(QFont(family, 10))
    window = MainWindow(overview, device_name, demo=demo)
    window.setWindowFilePath(str(db_path))
    window.show()
    window.load()
    if screenshot:

        def save_and_quit() -> None:
            ok = window.grab().save(screenshot)
            app.exit(0 if ok else 1)

        QTimer.singleShot(0, save_and_quit)
    return app.exec()

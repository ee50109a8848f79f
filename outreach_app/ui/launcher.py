"""Starts the desktop app: the Qt application, the bundled font, the main window.

`--screenshot FILE` waits until the chosen page has loaded its data, saves the main window and
exits 0: how start-up is measured and how reviewers see the app without a display.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QThreadPool, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

import outreach_app
from outreach_app.domain.models import User
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.payments import PaymentService
from outreach_app.services.protection import Protection
from outreach_app.services.setup import FirstRunOutcome, SetupService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.storage.database import DatabaseKey
from outreach_app.ui.actions import ParticipantActions
from outreach_app.ui.gc_guard import GuiThreadGarbageCollector
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.translations import install_translators
from outreach_app.ui.workers import Worker

if TYPE_CHECKING:
    from outreach_app.services.dashboard import DashboardService
    from outreach_app.services.printing import PrintService
    from outreach_app.services.spreadsheets import SpreadsheetJobs
    from outreach_app.services.sync import SyncService

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


ICON_SIZES = (32, 64, 256)  # title bar, task switcher, large views; more sizes ship for desktops


def app_icon(icons: Traversable | None = None) -> QIcon:
    """The window's icon from resources/icons (drawn from the SVG by packaging/make_icons.py).

    From files on disk (installed, or the PyInstaller bundle) Qt decodes a size when it is
    first drawn, by the title bar or the task switcher, not at start-up (~5 ms); from a zipped
    package the bytes are decoded now."""
    if icons is None:
        icons = resources.files("outreach_app.resources").joinpath("icons")
    icon = QIcon()
    for size in ICON_SIZES:
        source = icons.joinpath(f"perisai-outreach-{size}.png")
        if isinstance(source, Path):
            icon.addFile(str(source), QSize(size, size))
            continue
        pixmap = QPixmap()
        if pixmap.loadFromData(source.read_bytes()):
            icon.addPixmap(pixmap)
    return icon


SET_UP = "perisaiSetUp"  # a property of the QApplication once its font and icon are in place


def application(language: str | None = None) -> QApplication:
    """The one QApplication; `language` installs translations (before any widget exists,
    because a built widget keeps the text it was made with). The font and the icon are set
    once: asked again (run_desktop does), it does not read and register them twice."""
    app = QApplication.instance() or QApplication(["outreach"])
    assert isinstance(app, QApplication)
    if language is not None:
        install_translators(app, language)
    if app.property(SET_UP):
        return app
    app.setProperty(SET_UP, True)
    family = load_bundled_fonts()
    if family:
        app.setFont(QFont(family, 10))
    app.setWindowIcon(app_icon())
    app.setApplicationVersion(outreach_app.__version__)
    app.setDesktopFileName("id.perisai.Outreach")  # the .desktop file: Wayland shows its icon
    return app


def build_window(
    today: TodayService,
    directory: ParticipantDirectory,
    enrolment: EnrolmentService,
    payments: PaymentService,
    visits: VisitService,
    setup: SetupService,
    agent: User | None,
    device_name: str,
    demo: bool,
    printing: Callable[[], PrintService] | None = None,
    sync: SyncService | None = None,
    spreadsheets: Callable[[], SpreadsheetJobs] | None = None,
    dashboard: Callable[[], DashboardService] | None = None,
    unprotected: bool = False,
) -> MainWindow:
    worker = Worker()
    exports = None
    if spreadsheets is not None:
        from outreach_app.ui.export_actions import ExportActions

        exports = ExportActions(spreadsheets, worker, setup.document_folder)
    actions = ParticipantActions(enrolment, payments, agent, exports)
    window = MainWindow(
        today, directory, actions, visits, setup, worker, agent, device_name, demo, printing,
        sync, dashboard, unprotected,
    )  # fmt: skip
    if exports is not None:
        exports.setParent(window)
    return window


def ask_first_run(suggested_branch_key: Path | None = None) -> FirstRunOutcome | None:
    """The demo, or a real start with its answers and password; None when the user leaves."""
    from outreach_app.ui.dialogs.first_run import FirstRunDialog  # once ever

    dialog = FirstRunDialog(suggested_branch_key=suggested_branch_key)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    return dialog.outcome()


def sign_in(protection: Protection) -> DatabaseKey | None:
    """The database key once the password is right; None when the user leaves instead."""
    from outreach_app.ui.dialogs.sign_in import SignInDialog

    dialog = SignInDialog(protection, Worker())
    if dialog.exec() != SignInDialog.DialogCode.Accepted:
        return None
    return dialog.key


def offer_protection(
    protection: Protection, existing: bool, suggested_branch_key: Path | None = None
) -> DatabaseKey | None:
    """Protects a database without a password if the user agrees; None for "Nanti"."""
    from outreach_app.ui.dialogs.password import ProtectDialog

    dialog = ProtectDialog(protection, Worker(), existing, suggested_branch_key)
    if dialog.exec() != ProtectDialog.DialogCode.Accepted:
        return None
    return dialog.key()


def require_new_password(protection: Protection, key: DatabaseKey) -> bool:
    """After the branch's temporary password: a new one now, or the app closes."""
    from outreach_app.ui.dialogs.password import ChangePasswordDialog

    dialog = ChangePasswordDialog(protection, Worker(), key)
    return dialog.exec() == ChangePasswordDialog.DialogCode.Accepted


def crash_notice() -> Callable[[str], None]:
    """Tells the user once per session that something went wrong and where the report is
    (the report holds no participant data; the app goes on if it can)."""
    shown: list[str] = []

    def notice(log_file: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        if shown or QApplication.instance() is None:
            return
        shown.append(log_file)
        QMessageBox.warning(
            None,
            "Perisai Outreach",
            QApplication.translate(
                "CrashNotice",
                "Terjadi kesalahan tak terduga. Data yang sudah disimpan aman. Laporan kesalahan "
                "(tanpa data peserta) ada di {path}; kirimkan ke kantor cabang bila kesalahan "
                "terulang.",
            ).format(path=log_file),
        )

    return notice


def show_problem(text: str) -> None:
    """A reason the app cannot start, in a window (a desktop user sees no terminal)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "Perisai Outreach", text)
    box.exec()


@dataclass(frozen=True)
class LockSetup:
    """What the idle lock needs: only a protected database has one."""

    protection: Protection
    key: DatabaseKey
    minutes: int


def run_desktop(
    window_factory: Callable[[], MainWindow],
    db_path: Path,
    screenshot: str | None = None,
    page: str = "today",
    started: Callable[[], object] | None = None,
    lock: LockSetup | None = None,
) -> int:
    """Runs the event loop until the window closes (or the screenshot is saved)."""
    app = application()
    window = window_factory()  # made after the QApplication, as Qt requires
    window.setWindowFilePath(str(db_path))
    idle_lock = None
    if lock is not None and not screenshot:
        from outreach_app.ui.idle_lock import IdleLock

        idle_lock = IdleLock(window, lock.protection, lock.key, Worker(parent=window), lock.minutes)
        window.add_lock_button(idle_lock.lock)
        window.idle_minutes_changed.connect(idle_lock.set_minutes)
        idle_lock.start()
    if screenshot:

        def save_and_quit(loaded: str) -> None:
            if loaded != page:
                return
            # one more turn of the event loop so the loaded rows are laid out and painted
            QTimer.singleShot(0, lambda: app.exit(0 if window.grab().save(screenshot) else 1))

        window.page_loaded.connect(save_and_quit)
    if started is not None:
        # once, at the first page loaded (Qt.ConnectionType.SingleShotConnection would load the
        # Qt namespace, ~15 ms, which the Today page otherwise never needs)
        def first_page_loaded(_name: str) -> None:
            window.page_loaded.disconnect(first_page_loaded)
            started()

        window.page_loaded.connect(first_page_loaded)
    collector = GuiThreadGarbageCollector(app)
    collector.start()
    window.show()
    window.show_page(page)
    code = app.exec()
    if idle_lock is not None:
        idle_lock.stop()
    collector.stop()
    QThreadPool.globalInstance().waitForDone(10_000)  # no query outlives the database
    return code

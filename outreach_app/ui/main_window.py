"""The main window: a page list on the left, the pages, and a status bar that always says
whether we are online, when we last synced and how many changes wait to be sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

import outreach_app
from outreach_app.domain.models import Role, User
from outreach_app.reference.money_text import format_count
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.setup import SetupService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.ui.screen_fit import fit_to_screen
from outreach_app.ui.widgets.cards import STYLE
from outreach_app.ui.workers import Worker

if TYPE_CHECKING:  # printing, sync and the page modules are imported when first used
    from outreach_app.services.dashboard import DashboardService
    from outreach_app.services.printing import PrintService
    from outreach_app.services.sync import SyncService
    from outreach_app.ui.actions import ParticipantActions
    from outreach_app.ui.bundle_actions import BundleActions
    from outreach_app.ui.pages.dashboard import DashboardPage
    from outreach_app.ui.pages.participants import ParticipantsPage
    from outreach_app.ui.pages.payments import PaymentsPage
    from outreach_app.ui.pages.settings import SettingsPage
    from outreach_app.ui.pages.today import TodayPage
    from outreach_app.ui.pages.visits import VisitsPage
    from outreach_app.ui.widgets.sync_control import SyncControl

PAGES = ("today", "visits", "participants", "payments", "dashboard", "settings")


class MainWindow(QMainWindow):
    page_loaded = Signal(str)
    idle_minutes_changed = Signal(int)  # chosen in Settings; the idle lock follows

    def __init__(
        self,
        today: TodayService,
        directory: ParticipantDirectory,
        actions: ParticipantActions,
        visits: VisitService,
        setup: SetupService,
        worker: Worker,
        agent: User | None,
        device_name: str,
        demo: bool,
        printing: Callable[[], PrintService] | None = None,
        sync: SyncService | None = None,
        dashboard: Callable[[], DashboardService] | None = None,
        unprotected: bool = False,
    ) -> None:
        super().__init__()
        self._today = today
        documents = None
        if printing is not None:
            from outreach_app.ui.documents import DocumentActions  # printing loads on first use

            documents = DocumentActions(printing, setup, worker, self)
        self.documents = documents
        name = self.tr("Perisai Outreach") + f" {outreach_app.__version__}"
        demo_mark = self.tr("DEMO")
        self.setWindowTitle(f"{name} — {demo_mark}" if demo else name)
        fit_to_screen(self, 1280, 800)
        self.setStyleSheet(STYLE)

        def today_page() -> QWidget:
            from outreach_app.ui.pages.today import TodayPage

            return TodayPage(today, worker, agent)

        def visits_page() -> QWidget:
            from outreach_app.ui.pages.visits import VisitsPage

            page = VisitsPage(visits, worker, agent, documents, actions.exports)
            page.visit_changed.connect(self._visit_changed)
            return page

        def participants_page() -> QWidget:
            from outreach_app.ui.pages.participants import ParticipantsPage

            page = ParticipantsPage(directory, worker, actions, documents)
            page.participant_changed.connect(lambda _id: self.refresh_status())
            return page

        def payments_page() -> QWidget:
            from outreach_app.ui.pages.payments import PaymentsPage

            page = PaymentsPage(
                actions.payments, worker, agent, today.today(), documents, actions.exports
            )
            page.changed.connect(self.refresh_status)
            return page

        def dashboard_page() -> QWidget:
            # Qt Charts and the dashboard's modules load here, when the page is first opened
            from outreach_app.ui.pages.dashboard import DashboardPage

            assert dashboard is not None  # the page is not offered without its service
            page = DashboardPage(dashboard(), worker, actions, documents, setup.document_folder)
            page.participant_changed.connect(lambda _id: self.refresh_status())
            return page

        def settings_page() -> QWidget:
            from outreach_app.ui.pages.settings import SettingsPage

            page = SettingsPage(setup, worker, today.today(), sync)
            page.restore_finished.connect(lambda _path: self.close())
            page.security.idle_minutes_changed.connect(self.idle_minutes_changed)
            return page

        # Pages (and their modules) are built when first shown: start-up pays for one page.
        self._factories: dict[str, Callable[[], QWidget]] = {
            "today": today_page,
            "visits": visits_page,
            "participants": participants_page,
            "payments": payments_page,
            "dashboard": dashboard_page,
            "settings": settings_page,
        }
        self._built: dict[str, QWidget] = {}
        self._loaded: set[str] = set()

        self.nav = QListWidget()
        self.nav.addItems(
            [
                self.tr("Hari ini"),
                self.tr("Kunjungan"),
                self.tr("Peserta"),
                self.tr("Pembayaran & kas"),
                self.tr("Dasbor"),
                self.tr("Pengaturan"),
            ]
        )
        assert self.nav.count() == len(PAGES)
        self.nav.item(PAGES.index("dashboard")).setHidden(dashboard is None)
        self.nav.setFixedWidth(170)
        self.stack = QStackedWidget()
        for _name in PAGES:
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
        self.content = QWidget()
        layout = QHBoxLayout(self.content)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        # locked (ui/idle_lock.py): the pages give way to the lock page, they are not drawn
        self.lock_page: QWidget | None = None  # made at the first lock
        self.root = QStackedWidget()
        self.root.addWidget(self.content)
        self.setCentralWidget(self.root)

        self.demo_label = QLabel(self.tr("MODE DEMO: data contoh") if demo else "")
        self.demo_label.setStyleSheet("color: #b45309; font-weight: bold;")
        self.device_label = QLabel(self.tr("Perangkat: {name}").format(name=device_name))
        self.sync_label = QLabel()
        self.sync_control: SyncControl | None = None
        self.bundles: BundleActions | None = None
        self.protection_label = QLabel(
            self.tr("Data TIDAK terenkripsi: lindungi dengan kata sandi saat aplikasi dibuka lagi")
            if unprotected and not demo
            else ""
        )
        self.protection_label.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.lock_button: QPushButton | None = None
        self.statusBar().addWidget(self.demo_label)
        self.statusBar().addWidget(self.device_label)
        self.statusBar().addWidget(self.protection_label)
        if sync is None:
            self.statusBar().addPermanentWidget(self.sync_label)
        else:
            from outreach_app.ui.bundle_actions import BundleActions
            from outreach_app.ui.widgets.sync_control import SyncControl

            staff = setup.device_role() is Role.STAFF
            self.bundles = BundleActions(sync, setup.document_folder, worker, today.today, staff,
                                         self)  # fmt: skip
            self.sync_control = SyncControl(sync, worker, self, self.bundles)
            self.sync_control.synced.connect(lambda _report: self._synced(sync))
            self.statusBar().addPermanentWidget(self.sync_control)

        self.nav.currentRowChanged.connect(self._nav_changed)

    def set_locked(self, locked: bool) -> None:
        """Locked: the pages and the status bar are hidden, the lock page shown instead."""
        if locked and self.lock_page is None:
            from outreach_app.ui.idle_lock import LockPage

            self.lock_page = LockPage()
            self.root.addWidget(self.lock_page)
        self.root.setCurrentWidget(self.lock_page if locked and self.lock_page else self.content)
        self.statusBar().setVisible(not locked)

    def is_locked(self) -> bool:
        return self.lock_page is not None and self.root.currentWidget() is self.lock_page

    def add_lock_button(self, lock: Callable[[], object]) -> QPushButton:
        """ "Kunci" in the status bar: the agent walking away locks at once."""
        self.lock_button = QPushButton(self.tr("Kunci"))
        self.lock_button.setToolTip(self.tr("Sembunyikan data sampai kata sandi dimasukkan lagi"))
        self.lock_button.clicked.connect(lambda: lock())
        self.statusBar().addPermanentWidget(self.lock_button)
        return self.lock_button

    def page(self, name: str) -> QWidget:
        """The page, built (and wired) the first time it is asked for."""
        if name not in self._built:
            page = self._factories[name]()
            page.loaded.connect(lambda: self._page_done(name))  # type: ignore[attr-defined]
            index = PAGES.index(name)
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, scrolling(page))
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built[name] = page
        return self._built[name]

    @property
    def today_page(self) -> TodayPage:
        return cast("TodayPage", self.page("today"))

    @property
    def visits_page(self) -> VisitsPage:
        return cast("VisitsPage", self.page("visits"))

    @property
    def participants_page(self) -> ParticipantsPage:
        return cast("ParticipantsPage", self.page("participants"))

    @property
    def payments_page(self) -> PaymentsPage:
        return cast("PaymentsPage", self.page("payments"))

    @property
    def dashboard_page(self) -> DashboardPage:
        return cast("DashboardPage", self.page("dashboard"))

    @property
    def settings_page(self) -> SettingsPage:
        return cast("SettingsPage", self.page("settings"))

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGES.index(name))

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def _nav_changed(self, row: int) -> None:
        name = PAGES[row]
        page = self.page(name)
        self.stack.setCurrentIndex(PAGES.index(name))
        if name not in self._loaded:
            self._loaded.add(name)
            page.load()  # type: ignore[attr-defined]

    def _visit_changed(self, _visit_id: str) -> None:
        self.refresh_status()
        if "today" in self._loaded:
            self.today_page.load()  # the day's visits changed

    def _page_done(self, name: str) -> None:
        self.refresh_status()
        self.page_loaded.emit(name)

    def _synced(self, sync: SyncService) -> None:
        """New data from the branch: the clock moves on and the pages shown read again."""
        sync.after_sync()
        for name in self._loaded:
            self.page(name).load()  # type: ignore[attr-defined]

    def refresh_status(self) -> None:
        if self.sync_control is not None:
            self.sync_control.refresh()
            return
        pending = self._today.pending_changes()
        self.sync_label.setText(
            self.tr("Luring · sinkron terakhir: belum pernah · {n} perubahan menunggu").format(
                n=format_count(pending)
            )
        )


def scrolling(page: QWidget) -> QScrollArea:
    """The page inside a scroll area that follows the window's width: a page taller than a
    768-pixel screen (Settings) scrolls instead of forcing the window taller than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area

"""The main window: a page list on the left, the pages, and a status bar that always says
whether we are online, when we last synced and how many changes wait to be sent."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from outreach_app.domain.models import User
from outreach_app.reference.money_text import format_count
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.setup import SetupService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.ui.pages.participants import ParticipantActions, ParticipantsPage
from outreach_app.ui.pages.payments import PaymentsPage
from outreach_app.ui.pages.settings import SettingsPage
from outreach_app.ui.pages.today import TodayPage
from outreach_app.ui.pages.visits import VisitsPage
from outreach_app.ui.widgets.cards import STYLE
from outreach_app.ui.workers import Worker

PAGES = ("today", "visits", "participants", "payments", "settings")


class MainWindow(QMainWindow):
    page_loaded = Signal(str)

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
    ) -> None:
        super().__init__()
        self._today = today
        name = self.tr("Perisai Outreach")
        demo_mark = self.tr("DEMO")
        self.setWindowTitle(f"{name} — {demo_mark}" if demo else name)
        self.resize(1280, 800)
        self.setStyleSheet(STYLE)

        self.today_page = TodayPage(today, worker, agent)
        self.participants_page = ParticipantsPage(directory, worker, actions)
        self.participants_page.participant_changed.connect(lambda _id: self.refresh_status())
        self.payments_page = PaymentsPage(actions.payments, worker, agent, today.today())
        self.payments_page.changed.connect(self.refresh_status)
        self.visits_page = VisitsPage(visits, worker, agent)
        self.visits_page.visit_changed.connect(self._visit_changed)
        self.settings_page = SettingsPage(setup, worker, today.today())
        self._pages = {
            "settings": self.settings_page,
            "today": self.today_page,
            "visits": self.visits_page,
            "participants": self.participants_page,
            "payments": self.payments_page,
        }
        self._loaded: set[str] = set()

        self.nav = QListWidget()
        self.nav.addItems(
            [
                self.tr("Hari ini"),
                self.tr("Kunjungan"),
                self.tr("Peserta"),
                self.tr("Pembayaran & kas"),
                self.tr("Pengaturan"),
            ]
        )
        assert self.nav.count() == len(PAGES)
        self.nav.setFixedWidth(170)
        self.stack = QStackedWidget()
        for name in PAGES:
            self.stack.addWidget(self._pages[name])
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.demo_label = QLabel(self.tr("MODE DEMO: data contoh") if demo else "")
        self.demo_label.setStyleSheet("color: #b45309; font-weight: bold;")
        self.device_label = QLabel(self.tr("Perangkat: {name}").format(name=device_name))
        self.sync_label = QLabel()
        self.statusBar().addWidget(self.demo_label)
        self.statusBar().addWidget(self.device_label)
        self.statusBar().addPermanentWidget(self.sync_label)

        self.nav.currentRowChanged.connect(self._nav_changed)
        self.today_page.loaded.connect(lambda: self._page_done("today"))
        self.participants_page.loaded.connect(lambda: self._page_done("participants"))
        self.payments_page.loaded.connect(lambda: self._page_done("payments"))
        self.visits_page.loaded.connect(lambda: self._page_done("visits"))
        self.settings_page.loaded.connect(lambda: self._page_done("settings"))
        self.settings_page.restore_finished.connect(lambda _path: self.close())

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGES.index(name))

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def _nav_changed(self, row: int) -> None:
        name = PAGES[row]
        self.stack.setCurrentIndex(row)
        if name not in self._loaded:
            self._loaded.add(name)
            self._pages[name].load()  # type: ignore[attr-defined]

    def _visit_changed(self, _visit_id: str) -> None:
        self.refresh_status()
        if "today" in self._loaded:
            self.today_page.load()  # the day's visits changed

    def _page_done(self, name: str) -> None:
        self.refresh_status()
        self.page_loaded.emit(name)

    def refresh_status(self) -> None:
        pending = self._today.pending_changes()
        self.sync_label.setText(
            self.tr("Luring · sinkron terakhir: belum pernah · {n} perubahan menunggu").format(
                n=format_count(pending)
            )
        )

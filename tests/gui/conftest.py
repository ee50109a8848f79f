"""GUI fixtures: the services a window needs, over a copy of the demo database."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from outreach_app.reference.library import ReferenceLibrary
from outreach_app.reference.rate_tables import load_incentive_schedule
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.dashboard import DashboardService
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.payments import PaymentService
from outreach_app.services.printing import PrintService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.services.reference_updates import ReferenceUpdates
from outreach_app.services.setup import SetupService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.storage.store import Store
from outreach_app.ui.actions import ParticipantActions
from outreach_app.ui.launcher import load_bundled_fonts
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.translations import QT_LOCALES
from outreach_app.ui.workers import Worker
from tests.conftest import TODAY


@pytest.fixture(autouse=True, scope="session")
def indonesian_locale():
    """The app's default language: Qt's locale as install_translators sets it for "id" (the
    texts need no translator: the source strings are Indonesian)."""
    QLocale.setDefault(QT_LOCALES["id"])


@pytest.fixture(autouse=True)
def collect_garbage_on_the_main_thread():
    """As the app does (ui/gc_guard.py): no automatic collection, which could run on a worker
    thread and destroy Qt objects there; collect on the main thread between tests instead."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture
def directory(demo_store: Store) -> ParticipantDirectory:
    return ParticipantDirectory(demo_store, lambda: TODAY)


@pytest.fixture
def today_service(demo_store: Store) -> TodayService:
    return TodayService(demo_store, lambda: TODAY)


@pytest.fixture
def worker(qtbot) -> Worker:
    """Torn down before the store closes: no background answer may arrive after that."""
    worker = Worker()
    yield worker
    for _ in range(3):  # an answer may start another load (a reload after a save)
        worker.wait()
        QApplication.processEvents()
    worker.wait()


@pytest.fixture
def actions(demo_store: Store, schedule, today_service: TodayService) -> ParticipantActions:
    enrolment = EnrolmentService(demo_store, schedule, RegionDirectory(), lambda: TODAY)
    payments = PaymentService(demo_store, schedule)
    return ParticipantActions(enrolment, payments, today_service.current_agent())


@pytest.fixture
def window(
    qtbot,
    demo_store: Store,
    today_service: TodayService,
    directory: ParticipantDirectory,
    actions,
    worker: Worker,
    schedule,
    tmp_path,
):
    load_bundled_fonts()
    visits = VisitService(demo_store, RegionDirectory(), lambda: TODAY)
    reference = ReferenceUpdates(ReferenceLibrary(tmp_path / "referensi", lambda: TODAY))
    setup = SetupService(
        demo_store, tmp_path / "config" / "config.json", tmp_path / "docs", reference=reference
    )

    def printing() -> PrintService:
        signer = ReceiptSigner(demo_store)
        return PrintService(demo_store, schedule, signer, demo=True, today=lambda: TODAY)

    def dashboard() -> DashboardService:
        return DashboardService(demo_store, load_incentive_schedule(), lambda: TODAY)

    win = MainWindow(
        today_service, directory, actions, visits, setup, worker, actions.actor, "Laptop demo",
        demo=True, printing=printing, dashboard=dashboard,
    )  # fmt: skip
    qtbot.addWidget(win)
    win.resize(1280, 800)
    return win

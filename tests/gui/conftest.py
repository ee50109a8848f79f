"""GUI fixtures: the services a window needs, over a copy of the demo database."""

from __future__ import annotations

import pytest

from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.today import TodayService
from outreach_app.storage.store import Store
from outreach_app.ui.launcher import load_bundled_fonts
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.workers import Worker
from tests.conftest import TODAY


@pytest.fixture
def directory(demo_store: Store) -> ParticipantDirectory:
    return ParticipantDirectory(demo_store, lambda: TODAY)


@pytest.fixture
def today_service(demo_store: Store) -> TodayService:
    return TodayService(demo_store, lambda: TODAY)


@pytest.fixture
def worker(qtbot) -> Worker:
    worker = Worker()
    yield worker
    worker.wait()


@pytest.fixture
def window(qtbot, today_service: TodayService, directory: ParticipantDirectory, worker: Worker):
    load_bundled_fonts()
    win = MainWindow(
        today_service, directory, worker, today_service.current_agent(), "Laptop demo", demo=True
    )
    qtbot.addWidget(win)
    win.resize(1280, 800)
    return win

"""Shared fixtures. Qt runs offscreen on a 1366×768 screen (set before Qt is imported);
databases live in tmp_path."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

# Offscreen, on the screen most agents' laptops have (1366×768), so windows size themselves
# as they would there; Qt's own offscreen screen is 800×800.
os.environ.setdefault(
    "QT_QPA_PLATFORM",
    f"offscreen:configfile={Path(__file__).parent / 'data' / 'screens' / 'laptop-1366x768.json'}",
)

from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.rate_tables import load_schedule
from outreach_app.settings import LOG_DIR_ENV_VAR
from outreach_app.storage.store import Store

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(autouse=True, scope="session")
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's log (and crash file) of every `outreach` the tests run, subprocesses too,
    goes to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("logs")
    os.environ[LOG_DIR_ENV_VAR] = str(folder)
    return folder


@pytest.fixture(scope="session")
def schedule() -> RateSchedule:
    return load_schedule()


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "outreach.db") as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory, schedule: RateSchedule) -> Path:
    """A seeded demo database made once per session; tests copy it rather than re-seed."""
    from outreach_app.services.demo import seed_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as seeded:
        seed_demo(seeded, schedule, TODAY)
        seeded.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_store(tmp_path: Path, demo_db_template: Path):
    import shutil

    target = tmp_path / "demo.db"
    shutil.copy(demo_db_template, target)
    with Store(target) as opened:
        yield opened

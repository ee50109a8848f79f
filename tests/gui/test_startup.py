"""Start-up pays for the first page only (benchmarks/bench_startup.py times it): started the
way `outreach` starts, on each page a user can start on, the app has not loaded what only
later actions need (import and export, printing, the Dasbor page, syncing, the dialogs, the
other pages), and the Dasbor page brings Qt Charts with it when it is first opened.

Each start runs in its own interpreter: the test process has long imported everything."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Loaded when the user first does what needs them, never to show a page.
LATER = (
    # import and export (openpyxl only when a file is read or written)
    "outreach_app.services.spreadsheets",
    "outreach_app.services.exporting",
    "outreach_app.services.importing",
    "outreach_app.tabular.reading",
    "outreach_app.domain.import_fields",
    "openpyxl",
    # printing: the documents, reportlab, the QR codes and the receipts' signatures
    "outreach_app.services.printing",
    "outreach_app.documents",
    "reportlab",
    "cryptography",
    # the Dasbor page, its queries and the incentive rules it estimates
    "PySide6.QtCharts",
    "outreach_app.ui.pages.dashboard",
    "outreach_app.services.dashboard",
    "outreach_app.storage.dashboard",
    "outreach_app.domain.incentives",
    # signing in to the branch server and syncing, by the network or by file
    "outreach_app.ui.dialogs.sync",
    "outreach_app.services.bundles",
    "outreach_app.sync.client",
    "httpx",
    "pydantic",
    # passwords (a plain database asks none) and the server's side
    "argon2",
    "sqlalchemy",
    "fastapi",
    # the pages' dialogs
    "outreach_app.ui.dialogs.enrolment",
    "outreach_app.ui.dialogs.payment",
    "outreach_app.ui.dialogs.visit",
    "outreach_app.ui.dialogs.group_payment",
    "outreach_app.ui.dialogs.payer_list",
)
PAGE_MODULES = {
    "today": "outreach_app.ui.pages.today",
    "visits": "outreach_app.ui.pages.visits",
    "participants": "outreach_app.ui.pages.participants",
    "payments": "outreach_app.ui.pages.payments",
    "settings": "outreach_app.ui.pages.settings",
}

START = """
import gc, json, sys
import PySide6.QtCore as qt_core

lazy_namespace = "Qt" not in qt_core.__dict__  # PySide makes its Qt namespace on first use
automatic = []
gc.callbacks.append(lambda phase, info: phase == "start" and automatic.append(info))
at_handover = []
from outreach_app.ui import gc_guard

taking_over = gc_guard.GuiThreadGarbageCollector.start
def start(self):
    at_handover.append(len(automatic))
    taking_over(self)
gc_guard.GuiThreadGarbageCollector.start = start

from outreach_app.__main__ import main

sys.argv = ["outreach", "--db", sys.argv[1], "--screenshot", sys.argv[2], "--page", sys.argv[3]]
code = main()
qt_namespace = "Qt" in qt_core.__dict__
qt_core.Qt  # the probe itself: asked for, the namespace is there
print(json.dumps({
    "code": code,
    "modules": sorted(sys.modules),
    "lazy_namespace": lazy_namespace and "Qt" in qt_core.__dict__,
    "qt_namespace": qt_namespace,
    "collections_before_handover": at_handover,
    "collector_back_on": gc.isenabled(),
}))
"""


def start(tmp_path: Path, demo_db: Path, page: str) -> dict[str, object]:
    shot = tmp_path / f"{page}.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # never the user's own
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", START, str(demo_db), str(shot), page],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert shot.exists(), "no screenshot: the page never said it had loaded"
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_db_template: Path) -> Path:
    db = tmp_path_factory.mktemp("start") / "demo.db"
    shutil.copy(demo_db_template, db)
    return db


@pytest.mark.parametrize("page", ["today", "participants", "visits", "payments"])
def test_a_start_loads_only_what_its_first_page_needs(
    tmp_path: Path, demo_db: Path, page: str
) -> None:
    answer = start(tmp_path, demo_db, page)
    assert answer["code"] == 0
    modules = set(answer["modules"])  # type: ignore[call-overload]
    assert PAGE_MODULES[page] in modules  # the check can see a module that is loaded
    others = [m for name, m in PAGE_MODULES.items() if name != page]
    assert [m for m in (*LATER, *others) if m in modules] == []
    # the cyclic collector stays off while the app loads and is handed to the GUI thread's
    # collector (ui/gc_guard.py); it is back on once the app is done
    assert answer["collections_before_handover"] == [0]
    assert answer["collector_back_on"] is True
    if page == "today" and answer["lazy_namespace"]:
        # Qt's namespace takes ~15 ms to make; nothing the Today page shows needs it
        assert answer["qt_namespace"] is False


def test_the_dashboard_and_qt_charts_load_only_when_opened(
    tmp_path: Path, demo_db_template: Path
) -> None:
    """Built as the app builds it, with the dashboard's factory: opening the page loads them."""
    db = tmp_path / "demo.db"
    shutil.copy(demo_db_template, db)
    script = f"""
import sys
from outreach_app.app import open_services, dashboard_for
from outreach_app.ui import launcher
from outreach_app.services.setup import SetupService
from outreach_app.services.today import TodayService
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.visits import VisitService
from pathlib import Path
app = launcher.application("id")
services = open_services(Path({str(db)!r}), demo=True)
setup = SetupService(services.store, Path({str(tmp_path / "c.json")!r}), Path({str(tmp_path)!r}))
today = TodayService(services.store, lambda: __import__("datetime").date(2026, 11, 21))
window = launcher.build_window(today, ParticipantDirectory(services.store, today.today),
    services.enrolment, services.payments, VisitService(services.store, services.regions,
    today.today), setup, today.current_agent(), "x", True,
    dashboard=lambda: dashboard_for(services))
window.show_page("today")
heavy = ("PySide6.QtCharts", "outreach_app.ui.pages.dashboard",
         "outreach_app.services.dashboard", "outreach_app.storage.dashboard")
print("before", [m for m in heavy if m in sys.modules])
window.show_page("dashboard")
print("after", [m for m in heavy if m in sys.modules])
print("shown", window.current_page())
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, timeout=120, check=True).stdout  # fmt: skip
    assert "before []" in out, out
    assert "after ['PySide6.QtCharts', 'outreach_app.ui.pages.dashboard', " in out, out
    assert "shown dashboard" in out, out


def test_the_first_page_loaded_starts_the_warm_up_once(qtbot, window, tmp_path: Path) -> None:
    """run_desktop's `started` (the region list warmed up off the GUI thread) runs at the first
    page loaded, not again when a page reads again (after a save or a sync)."""
    from PySide6.QtCore import QTimer

    from outreach_app.ui import launcher

    started: list[str] = []
    loads: list[str] = []

    def warm_up() -> None:
        started.append(window.current_page())
        window.today_page.load()  # reads again: a second page_loaded

    def loaded(name: str) -> None:
        loads.append(name)
        if len(loads) == 2:
            QTimer.singleShot(0, window.close)  # the last window closed ends the event loop

    window.page_loaded.connect(loaded)
    QTimer.singleShot(20_000, window.close)  # never hang the suite
    code = launcher.run_desktop(lambda: window, tmp_path / "outreach.db", started=warm_up)
    assert code == 0
    assert loads == ["today", "today"]
    assert started == ["today"]


def test_the_application_is_set_up_once_and_still_takes_a_language(qapp) -> None:
    """run_desktop asks for the application again: the font and the icon are not read and
    registered a second time, but a language given is installed."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from outreach_app.ui import launcher
    from outreach_app.ui.translations import QT_LOCALES

    app = launcher.application()
    assert app is qapp and app.property(launcher.SET_UP)
    font = app.font()
    try:
        assert launcher.application("en") is app
        assert QCoreApplication.translate("Labels", "Nelayan") == "Fishers"
        assert app.font() == font and not app.windowIcon().isNull()
    finally:
        for translator in launcher.install_translators(app, "id"):
            app.removeTranslator(translator)
            translator.setParent(None)
        QLocale.setDefault(QT_LOCALES["id"])
    assert QCoreApplication.translate("Labels", "Nelayan") == "Nelayan"


@pytest.mark.parametrize("packaged", ["files", "zip"])
def test_the_window_icon_draws_each_shipped_size(qapp, tmp_path: Path, packaged: str) -> None:
    """From files, read when first drawn (not decoded at start-up); from a zipped package,
    decoded at once. Either way each size is the shipped picture, pixel for pixel."""
    import zipfile
    from importlib import resources

    from PySide6.QtGui import QImage

    from outreach_app.ui import launcher

    shipped_icons = resources.files("outreach_app.resources").joinpath("icons")
    icons = shipped_icons
    if packaged == "zip":
        with zipfile.ZipFile(tmp_path / "app.zip", "w") as archive:
            for n in launcher.ICON_SIZES:
                name = f"perisai-outreach-{n}.png"
                archive.writestr(f"icons/{name}", shipped_icons.joinpath(name).read_bytes())
        icons = zipfile.Path(tmp_path / "app.zip", "icons/")
    icon = launcher.app_icon(icons)
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert sizes == {(n, n) for n in launcher.ICON_SIZES}
    for n in launcher.ICON_SIZES:
        name = f"perisai-outreach-{n}.png"
        shipped = QImage.fromData(shipped_icons.joinpath(name).read_bytes())
        drawn = icon.pixmap(n, n).toImage()
        argb = QImage.Format.Format_ARGB32
        assert not shipped.isNull() and drawn.convertToFormat(argb) == shipped.convertToFormat(argb)

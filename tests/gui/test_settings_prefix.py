"""Settings asks the branch server for a readable receipt prefix (the real ASGI app in this
process): reserved and shown as confirmed, used for the next receipts; one another laptop
holds is refused with the reason and the laptop keeps its own. Screenshots at 1366x768."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from outreach_app.domain.receipt_prefix import derived_prefix
from outreach_app.server.app import create_app
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.services.setup import SetupService
from outreach_app.services.sync import SyncService
from outreach_app.storage.store import Store
from outreach_app.sync.client import SyncClient
from outreach_app.sync.tls import NO_PIN, ServerTrust
from outreach_app.ui.pages.settings import SettingsPage
from outreach_app.ui.workers import Worker
from tests.gui.test_main_window import dark_pixels
from tests.integration.auth_world import URL, Link

SHOTS_ENV = "OUTREACH_SHOTS"  # a folder to keep the screenshots in, for looking at


def laptop(folder: Path, name: str, link: Link, username: str) -> tuple[Store, SyncService]:
    store = Store(folder / f"{name}.db")

    def client(url: str, token: str | None, trust: ServerTrust = NO_PIN) -> SyncClient:
        return SyncClient(url, token, transport=link, sleep=lambda _s: None, trust=trust)

    sync = SyncService(store, client)
    sync.sign_in(URL, username, "rahasia-cabang-1")
    return store, sync


@pytest.fixture
def branch(tmp_path: Path):
    engine = open_engine(f"sqlite:///{tmp_path / 'server.db'}")
    server = SyncServer(ServerStore(engine))
    server.store.migrate()
    for name in ("staf.maluku", "agen.ambon"):
        server.add_user(name, "rahasia-cabang-1", "staff", "MAL")
    link = Link(create_app(server))
    machines = [laptop(tmp_path, name, link, user)
                for name, user in (("kantor", "staf.maluku"), ("ambon", "agen.ambon"))]  # fmt: skip
    yield machines
    for store, _sync in machines:
        store.close()
    engine.dispose()


def shot(qtbot, page: SettingsPage, folder: Path, name: str) -> Path:
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    kept = os.environ.get(SHOTS_ENV)
    path = (Path(kept) if kept else folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(path))
    assert dark_pixels(path, min_width=500) > 800
    return path


def test_staff_ask_for_a_readable_prefix(qtbot, qapp, branch, tmp_path: Path) -> None:
    """(One server and two sign-ins for both checks: they cost about 5 s.)"""
    ask_for_a_readable_prefix(qtbot, branch, tmp_path)
    settings_prefix_in_english(qtbot, qapp, branch, tmp_path)


def ask_for_a_readable_prefix(qtbot, branch, tmp_path: Path) -> None:
    (store, sync), (other, other_sync) = branch
    worker = Worker()
    page = SettingsPage(SetupService(store, tmp_path / "k.json"), worker, dt.date(2026, 12, 1),
                        sync)  # fmt: skip
    qtbot.addWidget(page)
    page.load()
    derived = derived_prefix(store.device.id)
    assert page.receipt_prefix.text().startswith(f"{derived}-")  # reserved at sign-in
    assert "dikonfirmasi server cabang" in page.receipt_prefix.text()

    page.requested_prefix.setText("sml01")
    page.ask_prefix()
    qtbot.waitUntil(lambda: page.request_prefix_button.isEnabled(), timeout=10_000)
    assert "SML01 dipesan" in page.message.text(), page.message.text()
    assert store.device.receipt_prefix == "SML01"
    assert page.receipt_prefix.text().startswith("SML01-")
    shot(qtbot, page, tmp_path, "settings-prefix-id.png")

    other_page = SettingsPage(SetupService(other, tmp_path / "o.json"), worker,
                              dt.date(2026, 12, 1), other_sync)  # fmt: skip
    qtbot.addWidget(other_page)
    other_page.load()
    other_page.requested_prefix.setText("SML01")
    other_page.ask_prefix()
    qtbot.waitUntil(lambda: other_page.request_prefix_button.isEnabled(), timeout=10_000)
    assert "sudah dipakai perangkat lain" in other_page.message.text()
    assert other.device.receipt_prefix == derived_prefix(other.device.id)
    other_page.requested_prefix.setText("SML 01")
    other_page.ask_prefix()
    assert "2-10 huruf" in other_page.message.text()


def settings_prefix_in_english(qtbot, qapp, branch, tmp_path: Path) -> None:
    (store, sync), _other = branch
    # the worktree's own translation (the installed package's may be another checkout's)
    english = QTranslator()
    assert english.load(str(Path(__file__).parents[2] / "resources/translations/outreach_en.qm"))
    qapp.installTranslator(english)
    try:
        page = SettingsPage(SetupService(store, tmp_path / "k.json"), Worker(),
                            dt.date(2026, 12, 1), sync)  # fmt: skip
        qtbot.addWidget(page)
        page.load()
        assert "SML01-" in page.receipt_prefix.text()
        assert "confirmed by the branch server" in page.receipt_prefix.text()
        shot(qtbot, page, tmp_path, "settings-prefix-en.png")
    finally:
        qapp.removeTranslator(english)

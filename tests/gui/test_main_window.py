"""The main window on the demo database: totals, lazy participant list, search as you type,
and a screenshot that really shows text (with no font, Qt would draw empty boxes silently)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from outreach_app.services.overview import Overview
from outreach_app.storage.participants import ParticipantFilter
from outreach_app.storage.store import Store
from outreach_app.ui.launcher import load_bundled_fonts
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.models.participants import ObjectRole, ParticipantTableModel, SortRole


def make_window(qtbot, store: Store) -> MainWindow:
    load_bundled_fonts()
    window = MainWindow(Overview(store), store.device.name, demo=True)
    qtbot.addWidget(window)
    window.load()
    return window


def test_participant_model_passes_the_model_tester(qtmodeltester, demo_store: Store) -> None:
    model = ParticipantTableModel(Overview(demo_store))
    model.reload()
    qtmodeltester.check(model)


def test_model_fetches_lazily_in_pages(demo_store: Store) -> None:
    model = ParticipantTableModel(Overview(demo_store))
    model.PAGE_SIZE = 100
    model.reload()
    total = demo_store.participants.count()
    assert model.total == total > 1000
    assert model.rowCount() == 100  # only the first page is in memory
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    person = model.data(model.index(0, 0), ObjectRole)
    assert model.data(model.index(0, 0)) == person.nik
    assert model.data(model.index(0, 3), SortRole) == person.birth_date


def test_window_shows_totals_and_marks_demo(qtbot, demo_store: Store) -> None:
    window = make_window(qtbot, demo_store)
    assert "DEMO" in window.windowTitle()
    count = demo_store.participants.count()
    assert window.participants_card.value.text() == f"{count:,}".replace(",", ".")
    assert window.villages_card.value.text() == "31"
    assert window.coverage_table.rowCount() == 31
    assert "perubahan menunggu" in window.sync_status.text()


def test_search_by_name_and_by_nik_prefix(qtbot, demo_store: Store) -> None:
    window = make_window(qtbot, demo_store)
    expected = demo_store.participants.count_where(ParticipantFilter(text="Ratuanak"))
    assert 0 < expected < demo_store.participants.count()
    qtbot.keyClicks(window.search, "Ratuanak")
    qtbot.waitUntil(lambda: window.model.total == expected, timeout=3000)
    names = {window.model.data(window.model.index(r, 1)) for r in range(window.model.rowCount())}
    assert all("Ratuanak" in name for name in names)

    window.search.clear()
    qtbot.keyClicks(window.search, "810301")  # Tanimbar Selatan
    expected = demo_store.participants.count_where(ParticipantFilter(text="810301"))
    qtbot.waitUntil(lambda: window.model.total == expected, timeout=3000)
    niks = [window.model.data(window.model.index(r, 0)) for r in range(window.model.rowCount())]
    assert niks and all(nik.startswith("810301") for nik in niks)


def test_screenshot_has_text_pixels(qtbot, demo_store: Store, tmp_path: Path) -> None:
    window = make_window(qtbot, demo_store)
    window.show()
    qtbot.waitExposed(window)
    target = tmp_path / "main.png"
    assert window.grab().save(str(target))
    image = QImage(str(target))
    assert image.width() >= 1000 and image.height() >= 600
    dark = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if QColor(image.pixel(x, y)).lightness() < 100:
                dark += 1
    assert dark > 2000, f"only {dark} dark pixels: is any text drawn?"

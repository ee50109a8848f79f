"""The main window on the demo database: both pages load off the GUI thread, the lazy list
pages by keyset, search and filters narrow it, the detail panel shows the selected person, and
screenshots really show text (with no font, Qt would draw empty boxes silently)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from outreach_app.domain.models import ParticipantStatus
from outreach_app.services.participants import ParticipantDirectory, ParticipantFilter
from outreach_app.storage.store import Store
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.models.participants import (
    COL_BIRTH,
    COL_NAME,
    COL_NIK,
    COL_SEX,
    COL_STATUS,
    ObjectRole,
    ParticipantTableModel,
    SortRole,
)
from outreach_app.ui.workers import Worker


def loaded_model(qtbot, directory: ParticipantDirectory, worker: Worker, **filters):
    model = ParticipantTableModel(directory, worker)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload(ParticipantFilter(**filters))
    return model


def test_participant_model_passes_the_model_tester(qtbot, qtmodeltester, directory, worker):
    model = loaded_model(qtbot, directory, worker)
    qtmodeltester.check(model)


def test_model_pages_lazily_by_keyset(qtbot, directory, worker, demo_store: Store) -> None:
    model = ParticipantTableModel(directory, worker)
    model.PAGE_SIZE = 150
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload(ParticipantFilter())
    total = demo_store.participants.count()
    assert model.total == total > 1000
    assert model.rowCount() == model.FIRST_PAGE == 100  # only the first page is in memory
    model.fetchMore()
    assert model.rowCount() == 250
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    ids = [model.data(model.index(r, 0), ObjectRole).participant.stamp.id for r in range(total)]
    assert len(set(ids)) == total  # no row twice, none skipped, across 18 pages
    names = [model.data(model.index(r, COL_NAME)).casefold() for r in range(total)]
    assert names == sorted(names)
    first = model.data(model.index(0, 0), ObjectRole)
    assert model.data(model.index(0, COL_NIK)) == first.participant.nik
    assert model.data(model.index(0, 3), SortRole) == first.participant.birth_date


@pytest.mark.parametrize(
    "status", [ParticipantStatus.ACTIVE, ParticipantStatus.GRACE, ParticipantStatus.LAPSED]
)
def test_status_filter_agrees_with_each_rows_status(qtbot, directory, worker, status) -> None:
    model = loaded_model(qtbot, directory, worker, status=status)
    assert model.total > 0
    label = model.status_label(status)
    assert {model.data(model.index(r, COL_STATUS)) for r in range(model.rowCount())} == {label}


def test_rows_are_shown_before_they_are_counted(qtbot, directory, worker) -> None:
    model = ParticipantTableModel(directory, worker)
    events: list[tuple[str, int, bool]] = []
    model.rows_shown.connect(lambda: events.append(("rows", model.rowCount(), model.counting)))
    model.loaded.connect(lambda total: events.append(("total", total, model.counting)))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload(ParticipantFilter())
    total = directory.count(ParticipantFilter())
    assert events == [("rows", 100, True), ("total", total, False)]
    events.clear()
    name = directory.page(ParticipantFilter(), 1)[0].participant.full_name
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload(ParticipantFilter(text=name))  # fewer than a page
    short = directory.count(ParticipantFilter(text=name))
    assert 0 < short < 100
    assert events == [("rows", short, False), ("total", short, False)]


def test_a_count_for_a_search_typed_past_is_dropped(qtbot, directory, worker) -> None:
    model = ParticipantTableModel(directory, worker)
    totals: list[int] = []
    model.loaded.connect(totals.append)
    with qtbot.waitSignal(model.rows_shown, timeout=5000):
        model.reload(ParticipantFilter())  # a full page: its count starts next
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload(ParticipantFilter(text="Ratuanak"))
    worker.wait()
    qtbot.wait(20)  # let any late answer for the first search arrive
    assert totals == [directory.count(ParticipantFilter(text="Ratuanak"))]


def test_a_search_typed_past_is_never_shown(qtbot, directory, worker) -> None:
    model = ParticipantTableModel(directory, worker)
    model.reload(ParticipantFilter(text="Abraham"))
    with qtbot.waitSignal(model.loaded, timeout=5000) as shown:
        model.reload(ParticipantFilter(text="Ratuanak"))
    worker.wait()
    assert shown.args == [directory.count(ParticipantFilter(text="Ratuanak"))]
    assert model.total == shown.args[0]


def test_today_page_shows_the_agents_day(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("today")
    page = window.today_page
    assert "Yosina Ratuanak" in page.subtitle.text()
    assert "21 November 2026" in page.subtitle.text()
    todays = [r for r in range(page.visits_table.rowCount())
              if page.visits_table.item(r, 0).text() == "21-11-2026"]  # fmt: skip
    assert int(page.visits_card.value.text()) == len(todays) > 0
    assert page.visits_table.rowCount() == int(page.week_card.value.text())
    due = int(page.due_card.value.text().replace(".", ""))
    grace = int(page.grace_card.value.text().replace(".", ""))
    assert due > 0 and grace > 0
    assert page.grace_table.rowCount() == due + grace  # due this month first, then in grace
    assert page.grace_table.item(0, 2).text() == "30-11-2026"  # owes December by 15-12
    assert "15-12-2026" in page.due_card.caption.text()
    villages = {
        page.coverage_table.item(r, 1).text() for r in range(page.coverage_table.rowCount())
    }
    assert villages <= {"Tanimbar Selatan", "Selaru", "Wertamrian"}  # the agent's own villages
    assert "perubahan menunggu" in window.sync_label.text()


def test_search_filters_and_detail_panel(qtbot, window: MainWindow, directory) -> None:
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("participants")
    page = window.participants_page
    expected = directory.count(ParticipantFilter(text="Ratuanak"))
    assert 0 < expected < page.model.total
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        qtbot.keyClicks(page.search, "Ratuanak")
    assert page.model.total == expected
    names = {page.model.data(page.model.index(r, COL_NAME)) for r in range(page.model.rowCount())}
    assert all("Ratuanak" in name for name in names)
    shown = page.model.data(page.model.index(0, 0), ObjectRole).participant
    assert shown.full_name in page.detail.toPlainText()
    assert "Pembayaran" in page.detail.toPlainText()

    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.search.clear()
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        qtbot.keyClicks(page.search, "810301")  # NIK prefix: Tanimbar Selatan
    niks = [page.model.data(page.model.index(r, COL_NIK)) for r in range(page.model.rowCount())]
    assert niks and all(nik.startswith("810301") for nik in niks)

    village_index = next(
        i
        for i in range(page.village_filter.count())
        if "Wowonda" in page.village_filter.itemText(i)
    )
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.village_filter.setCurrentIndex(village_index)
    village_id = page.village_filter.currentData()
    assert page.model.total == directory.count(
        ParticipantFilter(text="810301", village_id=village_id)
    )


def test_columns_fit_without_sideways_scrolling(qtbot, window: MainWindow) -> None:
    """At the usual window size the name gets room and every shown column fits; the header's
    menu brings back the columns hidden by default."""
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("participants")
    page = window.participants_page
    table = page.table
    assert table.isColumnHidden(COL_SEX) and table.isColumnHidden(COL_BIRTH)
    metrics = table.fontMetrics()
    assert table.columnWidth(COL_NAME) >= metrics.horizontalAdvance("Abraham Fenanlampir")
    assert table.columnWidth(COL_NIK) >= metrics.horizontalAdvance("8103031612919158")
    assert not table.horizontalScrollBar().isVisible()

    menu = page.column_menu()
    birth = next(a for a in menu.actions() if a.text() == "Tanggal lahir")
    assert not birth.isChecked()
    birth.setChecked(True)
    assert not table.isColumnHidden(COL_BIRTH)


def dark_pixels(path: Path, min_width: int = 1000) -> int:
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= min_width
    return sum(
        QColor(image.pixel(x, y)).lightness() < 100
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    )


@pytest.mark.parametrize("page", ["today", "participants"])
def test_each_page_screenshot_has_text(qtbot, window: MainWindow, tmp_path: Path, page) -> None:
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page(page)
    target = tmp_path / f"{page}.png"
    assert window.grab().save(str(target))
    assert dark_pixels(target) > 2000, "is any text drawn?"


def test_status_filter_chosen_in_the_combo(qtbot, window: MainWindow) -> None:
    """Through the combo, as a user picks it (PySide hands the enum back as a plain str)."""
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("participants")
    page = window.participants_page
    index = page.status_filter.findText("Masa tenggang")
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(index)
    assert page.model.total > 0
    shown = {page.model.data(page.model.index(r, COL_STATUS)) for r in range(page.model.rowCount())}
    assert shown == {"Masa tenggang"}


def test_garbage_collector_runs_the_due_generation(qtbot) -> None:
    import gc

    from outreach_app.ui.gc_guard import GuiThreadGarbageCollector

    collector = GuiThreadGarbageCollector()
    collector.start()
    try:
        assert not gc.isenabled()

        class Node:
            pass

        for _ in range(gc.get_threshold()[0] + 10):  # cycles enough to pass generation 0
            a, b = Node(), Node()
            a.other, b.other = b, a
        assert collector.collect_due() > 0
    finally:
        collector.stop()
    assert gc.isenabled()


@pytest.fixture
def big_directory(tmp_path, demo_db_template, schedule):
    """The demo plus 10.000 generated participants (the 'search 10k rows' workflow)."""
    import shutil

    from outreach_app.services.demo import generate_participants
    from tests.conftest import TODAY

    path = tmp_path / "big.db"
    shutil.copy(demo_db_template, path)
    with Store(path) as store:
        generate_participants(store, schedule, 10_000, seed_value=11, today=TODAY)
        yield ParticipantDirectory(store, lambda: TODAY)


def test_search_as_you_type_over_ten_thousand_rows(qtbot, big_directory, worker) -> None:
    from outreach_app.ui.actions import ParticipantActions
    from outreach_app.ui.pages.participants import ParticipantsPage

    page = ParticipantsPage(big_directory, worker, ParticipantActions(None, None, None))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load()
    assert page.model.total > 10_000
    assert page.model.rowCount() == ParticipantTableModel.FIRST_PAGE  # not all in memory
    expected = big_directory.count(ParticipantFilter(text="yohanis rat"))
    assert 0 < expected < 1000
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        qtbot.keyClicks(page.search, "yohanis rat")  # one search after the typing stops
    assert page.model.total == expected
    assert page.result_count.text() == f"{expected} peserta"


def test_counts_stop_at_the_cap_and_the_list_still_scrolls(qtbot, directory, worker) -> None:
    """Above the cap the label says "more than" and fetching goes on while pages are full."""
    total = directory.count(ParticipantFilter())
    assert directory.count(ParticipantFilter(), cap=100) == 101
    model = ParticipantTableModel(directory, worker)
    model.FIRST_PAGE, model.PAGE_SIZE, model.COUNT_CAP = 50, 100, 150
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload(ParticipantFilter())
    assert model.total == 151 and model.total_is_capped
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total  # every row reachable despite the capped count

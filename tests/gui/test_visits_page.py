"""The Visits page on the demo database, driven as an agent and as branch staff would: the list
and its calendar, planning a visit through the village type-ahead, recording an outcome,
cancelling, reassigning, and a refused plan that keeps the form as typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QInputDialog

from outreach_app.domain.models import Role, User, VisitPlan, VisitStatus
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.visits import VisitService
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.visit import OutcomeDialog, VisitDialog
from outreach_app.ui.launcher import load_bundled_fonts
from outreach_app.ui.models.visits import (
    COL_AGENT,
    COL_DATE,
    COL_ENROLLED,
    COL_STATUS,
    COL_TARGET,
    COL_VILLAGE,
    ObjectRole,
    SortRole,
    VisitSortProxy,
    VisitTableModel,
)
from outreach_app.ui.pages.visits import DAY, VisitsPage
from outreach_app.ui.widgets.cards import STYLE
from outreach_app.ui.workers import Worker
from tests.conftest import TODAY

OLILIT_RAYA = "8103012007"  # in the Kemendagri list, not in the demo's villages

# The completer's popup asks the window system to raise it and grab the keyboard; the offscreen
# platform can do neither and says so. Nothing is wrong with the popup itself.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture(scope="module")
def regions() -> RegionDirectory:
    return RegionDirectory()


@pytest.fixture
def service(demo_store: Store, regions: RegionDirectory) -> VisitService:
    return VisitService(demo_store, regions, lambda: TODAY)


@pytest.fixture
def agent(demo_store: Store) -> User:
    return demo_store.users.by_username("agen.saumlaki")


@pytest.fixture
def staff(demo_store: Store) -> User:
    return demo_store.users.by_username("staf.maluku")


def loaded_page(qtbot, service: VisitService, worker: Worker, user: User | None) -> VisitsPage:
    page = VisitsPage(service, worker, user)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load()
    return page


def rows(page: VisitsPage) -> list[VisitPlan]:
    return [page.proxy.index(r, 0).data(ObjectRole) for r in range(page.proxy.rowCount())]


def cell(page: VisitsPage, visit_id: str, column: int) -> str:
    row = next(r for r, v in enumerate(rows(page)) if v.stamp.id == visit_id)
    return page.proxy.index(row, column).data()


def select(page: VisitsPage, wanted) -> VisitPlan:
    visit = next(v for v in rows(page) if wanted(v))
    assert page.select_visit(visit.stamp.id)
    assert page.selected_visit() == visit
    return visit


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_visit_model_passes_the_model_tester(qtbot, qtmodeltester, service, agent) -> None:
    model = VisitTableModel()
    names = service.names()
    visits = service.visible_to(agent)
    model.set_visits(visits, names.villages, names.agents)
    qtmodeltester.check(model)
    assert model.rowCount() == len(visits) > 0
    first = model.index(0, COL_DATE)
    assert model.data(first, ObjectRole) == visits[0]
    assert model.data(first, SortRole) == visits[0].visit_date  # a date, not text
    assert model.data(first) == visits[0].visit_date.strftime("%d-%m-%Y")
    assert model.data(model.index(0, COL_TARGET), SortRole) == visits[0].target_count
    assert model.data(model.index(0, COL_AGENT)) == "Yosina Ratuanak"


def test_the_proxy_sorts_dates_as_dates(qtbot, qtmodeltester, service, staff) -> None:
    """Qt alone would compare the Python dates as opaque objects and scramble the order."""
    model = VisitTableModel()
    names = service.names()
    model.set_visits(service.visible_to(staff), names.villages, names.agents)
    proxy = VisitSortProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    dates = [proxy.index(r, COL_DATE).data(SortRole) for r in range(proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)
    proxy.sort(COL_ENROLLED, Qt.SortOrder.AscendingOrder)
    counts = [proxy.index(r, COL_ENROLLED).data(SortRole) for r in range(proxy.rowCount())]
    assert counts == sorted(counts)


def test_an_agent_sees_its_month_and_the_calendar_marks_visit_days(
    qtbot, service, worker, agent
) -> None:
    page = loaded_page(qtbot, service, worker, agent)
    visits = rows(page)
    assert visits and {v.agent_id for v in visits} == {agent.stamp.id}
    assert all(v.visit_date.month == TODAY.month for v in visits)  # "Bulan ini" by default
    assert [v.visit_date for v in visits] == sorted(v.visit_date for v in visits)
    assert page.result_count.text() == f"{len(visits)} kunjungan"
    assert page.agent_filter.isHidden() and page.assign_button.isHidden()

    planned_day = next(v.visit_date for v in visits if v.status is VisitStatus.PLANNED)
    mark = page.calendar.dateTextFormat(QDate(planned_day))
    assert mark.fontWeight() == QFont.Weight.Bold
    assert mark.foreground().color() == QColor("#0b5394")
    empty_day = dt.date(2026, 11, 3)
    assert empty_day not in {v.visit_date for v in visits}
    assert page.calendar.dateTextFormat(QDate(empty_day)).fontWeight() != QFont.Weight.Bold

    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.calendar.clicked.emit(QDate(planned_day))  # what a click on that day sends
    assert page.period_filter.currentData() == DAY
    assert {v.visit_date for v in rows(page)} == {planned_day}
    assert "Menampilkan" in page.day_label.text()


def test_staff_filter_by_agent_and_status(qtbot, service, worker, staff, demo_store) -> None:
    page = loaded_page(qtbot, service, worker, staff)
    ambon = demo_store.users.by_username("agen.ambon")
    assert {v.agent_id for v in rows(page)} == {
        ambon.stamp.id,
        demo_store.users.by_username("agen.saumlaki").stamp.id,
    }
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.agent_filter.setCurrentIndex(page.agent_filter.findData(ambon.stamp.id))
    assert rows(page) and {v.agent_id for v in rows(page)} == {ambon.stamp.id}
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.status_filter.setCurrentIndex(page.status_filter.findData("done"))
    assert rows(page) and {v.status for v in rows(page)} == {VisitStatus.DONE}


def test_plan_a_visit_through_the_village_type_ahead(
    qtbot, service, worker, agent, demo_store
) -> None:
    page = loaded_page(qtbot, service, worker, agent)
    dialog = shown(qtbot, page.open_new())
    assert isinstance(dialog, VisitDialog)
    assert not dialog.agent_combo.isEnabled()  # an agent plans for itself
    assert dialog.agent_combo.currentText() == "Yosina Ratuanak"
    dialog.activateWindow()
    dialog.village_edit.setFocus()
    qtbot.waitUntil(dialog.village_edit.hasFocus)

    with qtbot.waitSignal(dialog.villages_found, timeout=5000) as found:
        qtbot.keyClicks(dialog.village_edit, "Olilit")
    assert found.args[0] >= 1
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    labels = dialog.suggestions()
    assert labels[0].startswith("Olilit Raya, Tanimbar Selatan") and "(baru)" in labels[0]
    popup.setCurrentIndex(dialog.completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # choose the first suggestion
    assert dialog.chosen is not None and dialog.chosen.code == OLILIT_RAYA
    assert dialog.village_edit.text() == "Olilit Raya"
    assert "8103012007" in dialog.village_hint.text()

    day = TODAY + dt.timedelta(days=4)
    dialog.date_edit.setDate(QDate(day))
    dialog.segment_combo.setCurrentIndex(dialog.segment_combo.findText("Nelayan"))
    qtbot.keyClicks(dialog.purpose_edit, "Sosialisasi nelayan Olilit")
    dialog.target_spin.setValue(14)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(dialog.purpose_edit, Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()

    village = demo_store.villages.by_code(OLILIT_RAYA)
    assert (village.district, village.target_participants) == ("Tanimbar Selatan", 0)
    saved = page.selected_visit()
    assert saved is not None and saved.village_id == village.stamp.id
    assert (saved.visit_date, saved.target_count, saved.agent_id) == (day, 14, agent.stamp.id)
    assert saved.purpose == "Sosialisasi nelayan Olilit"
    assert cell(page, saved.stamp.id, COL_VILLAGE) == "Olilit Raya"
    assert page.message.text() == "Kunjungan direncanakan."


def test_escape_cancels_the_form(qtbot, service, worker, agent, demo_store) -> None:
    page = loaded_page(qtbot, service, worker, agent)
    before = demo_store.visits.count()
    dialog = shown(qtbot, page.open_new())
    qtbot.keyClicks(dialog.purpose_edit, "Tidak jadi")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == VisitDialog.DialogCode.Rejected
    assert demo_store.visits.count() == before


def test_a_refused_plan_keeps_the_dialog_open_and_filled(
    qtbot, service, worker, agent, demo_store
) -> None:
    page = loaded_page(qtbot, service, worker, agent)
    before = demo_store.visits.count()
    dialog = shown(qtbot, page.open_new())
    qtbot.keyClicks(dialog.purpose_edit, "Pendataan nelayan")
    dialog.save_button.click()
    assert "Pilih desa dari daftar saran" in dialog.error_label.text()

    dialog.village_edit.setFocus()
    with qtbot.waitSignal(dialog.villages_found, timeout=5000):
        qtbot.keyClicks(dialog.village_edit, "Wowonda")
    dialog.choose_suggestion(dialog.suggestions()[0])
    far = TODAY + dt.timedelta(days=2 * 365)
    dialog.date_edit.setDate(QDate(far))
    dialog.target_spin.setValue(9)
    dialog.save_button.click()

    assert dialog.isVisible()
    assert "paling jauh satu tahun" in dialog.error_label.text()
    assert dialog.village_edit.text() == "Wowonda" and dialog.chosen is not None
    assert dialog.purpose_edit.text() == "Pendataan nelayan"
    assert dialog.date_edit.date().toPython() == far
    assert dialog.target_spin.value() == 9
    assert demo_store.visits.count() == before

    dialog.date_edit.setDate(QDate(TODAY + dt.timedelta(days=1)))  # fixed: now it saves
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save_button.click()
    assert demo_store.visits.count() == before + 1


def test_a_refused_plan_adds_no_village(qtbot, service, worker, agent, demo_store) -> None:
    page = loaded_page(qtbot, service, worker, agent)
    villages = demo_store.villages.count()
    dialog = shown(qtbot, page.open_new())
    dialog.village_edit.setFocus()
    with qtbot.waitSignal(dialog.villages_found, timeout=5000):
        qtbot.keyClicks(dialog.village_edit, "Olilit Raya")
    dialog.choose_suggestion(dialog.suggestions()[0])
    assert dialog.chosen is not None and dialog.chosen.is_new
    dialog.date_edit.setDate(QDate(TODAY - dt.timedelta(days=400)))
    dialog.save_button.click()
    assert "paling jauh satu tahun" in dialog.error_label.text()
    assert demo_store.villages.count() == villages
    assert "baru" in dialog.village_hint.text()


def test_edit_a_visit_and_a_done_visit_keeps_its_date(qtbot, service, worker, agent) -> None:
    page = loaded_page(qtbot, service, worker, agent)
    planned = select(page, lambda v: v.status is VisitStatus.PLANNED)
    dialog = shown(qtbot, page.open_edit())
    assert dialog.village_edit.text() == page.model.village_name(planned.village_id)
    assert dialog.date_edit.isEnabled()
    dialog.target_spin.setValue(planned.target_count + 5)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save_button.click()
    assert cell(page, planned.stamp.id, COL_TARGET) == str(planned.target_count + 5)

    select(page, lambda v: v.status is VisitStatus.DONE)
    done_dialog = shown(qtbot, page.open_edit())
    assert not done_dialog.date_edit.isEnabled()


def test_record_the_outcome_of_todays_visit(qtbot, service, worker, agent, demo_store) -> None:
    page = loaded_page(qtbot, service, worker, agent)
    future = select(page, lambda v: v.visit_date > TODAY)
    assert not page.outcome_button.isEnabled()  # it has not happened yet
    assert page.cancel_button.isEnabled()
    visit = select(page, lambda v: v.status is VisitStatus.PLANNED and v.visit_date == TODAY)
    assert page.outcome_button.isEnabled()
    dialog = shown(qtbot, page.open_outcome())
    assert isinstance(dialog, OutcomeDialog)
    dialog.enrolled_spin.setValue(8)
    qtbot.keyClicks(dialog.notes_edit, "Kepala desa ikut mendaftar")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save_button.click()
    assert cell(page, visit.stamp.id, COL_STATUS) == "Selesai"
    assert cell(page, visit.stamp.id, COL_ENROLLED) == "8"
    stored = demo_store.visits.get(visit.stamp.id)
    assert (stored.status, stored.enrolled_count) == (VisitStatus.DONE, 8)
    assert stored.outcome_notes == "Kepala desa ikut mendaftar"
    assert page.selected_visit().stamp.id == visit.stamp.id  # still selected after reload
    assert not page.cancel_button.isEnabled()
    assert future.stamp.id != visit.stamp.id


def test_cancel_a_visit_with_a_reason(qtbot, service, worker, agent, demo_store) -> None:
    page = loaded_page(qtbot, service, worker, agent)
    visit = select(page, lambda v: v.status is VisitStatus.PLANNED and v.visit_date > TODAY)
    dialog = shown(qtbot, page.open_cancel())
    assert isinstance(dialog, QInputDialog)
    assert page.model.village_name(visit.village_id) in dialog.labelText()
    dialog.setTextValue("   ")
    dialog.accept()
    assert "alasan pembatalan" in page.message.text()  # refused, said in the page
    assert demo_store.visits.get(visit.stamp.id).status is VisitStatus.PLANNED

    dialog = shown(qtbot, page.open_cancel())
    dialog.setTextValue("Kapal ke Olilit tidak berangkat")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.accept()
    assert cell(page, visit.stamp.id, COL_STATUS) == "Batal"
    stored = demo_store.visits.get(visit.stamp.id)
    assert stored.status is VisitStatus.CANCELLED
    assert stored.outcome_notes == "Kapal ke Olilit tidak berangkat"
    assert not page.edit_button.isEnabled() and not page.outcome_button.isEnabled()
    mark = page.calendar.dateTextFormat(QDate(visit.visit_date))
    assert mark.fontWeight() == QFont.Weight.Bold  # other visits that day, or grey if none


def test_staff_assign_a_visit_to_another_agent(qtbot, service, worker, staff, demo_store):
    assert staff.role is Role.STAFF
    page = loaded_page(qtbot, service, worker, staff)
    assert page.assign_button.isVisibleTo(page) and page.agent_filter.isVisibleTo(page)
    yosina = demo_store.users.by_username("agen.saumlaki")
    visit = select(
        page, lambda v: v.status is VisitStatus.PLANNED and v.agent_id == yosina.stamp.id
    )
    assert page.assign_button.isEnabled()
    dialog = shown(qtbot, page.open_assign())
    items = dialog.comboBoxItems()
    assert items == ["Ronald Pattiasina (agen.ambon)"]  # the branch's other agent
    dialog.setTextValue(items[0])
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.accept()
    assert cell(page, visit.stamp.id, COL_AGENT) == "Ronald Pattiasina"
    ambon = demo_store.users.by_username("agen.ambon")
    assert demo_store.visits.get(visit.stamp.id).agent_id == ambon.stamp.id
    assert visit.stamp.id not in {v.stamp.id for v in service.visible_to(yosina)}
    assert page.message.text() == "Kunjungan ditugaskan ke agen lain."


def test_staff_plan_for_a_chosen_agent(qtbot, service, worker, staff, demo_store) -> None:
    page = loaded_page(qtbot, service, worker, staff)
    dialog = shown(qtbot, page.open_new())
    assert dialog.agent_combo.isEnabled()
    ambon = demo_store.users.by_username("agen.ambon")
    dialog.agent_combo.setCurrentIndex(dialog.agent_combo.findData(ambon.stamp.id))
    dialog.village_edit.setFocus()
    with qtbot.waitSignal(dialog.villages_found, timeout=5000):
        qtbot.keyClicks(dialog.village_edit, "Passo")
    dialog.choose_suggestion(dialog.suggestions()[0])  # the stored Passo, Kota Ambon
    assert dialog.chosen is not None and not dialog.chosen.is_new
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save_button.click()
    saved = page.selected_visit()
    assert saved is not None and saved.agent_id == ambon.stamp.id


def test_without_a_user_the_page_only_reads(qtbot, service, worker) -> None:
    page = loaded_page(qtbot, service, worker, None)
    assert len(rows(page)) == len(service.list(page.current_filters()))
    select(page, lambda v: v.status is VisitStatus.PLANNED)
    for button in (page.new_button, page.edit_button, page.cancel_button):
        assert not button.isEnabled()
    assert page.open_new() is None


def dark_pixels(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 1000
    return sum(
        QColor(image.pixel(x, y)).lightness() < 100
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    )


def test_page_screenshot_has_text(qtbot, service, worker, agent, tmp_path: Path) -> None:
    load_bundled_fonts()
    page = VisitsPage(service, worker, agent)
    qtbot.addWidget(page)
    page.setStyleSheet(STYLE)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load()
    assert page.proxy.rowCount() > 10
    target = tmp_path / "visits.png"
    assert page.grab().save(str(target))
    assert dark_pixels(target) > 2000, "is any text drawn?"

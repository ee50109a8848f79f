"""The Dasbor page on the demo database: it loads off the GUI thread, each chart has its table
(and both show text), levels re-sum without a query, exports write PNG and XLSX, a payment
taken from the renewals list moves the figures, and the reminder list prints.

Set OUTREACH_SHOTS=/some/folder to keep the screenshots for looking at."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from outreach_app.domain.dashboard import Level
from outreach_app.storage.store import Store
from outreach_app.tabular.sheets import PERSONAL_DATA_NOTICE
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages.dashboard import DashboardPage
from outreach_app.ui.widgets.chart_panel import ChartPanel
from tests.gui.test_main_window import dark_pixels
from tests.pdf_tools import pdf_pages_text


@pytest.fixture
def page(qtbot, window: MainWindow) -> DashboardPage:
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.page_loaded, timeout=10_000):
        window.show_page("dashboard")
    dashboard = window.dashboard_page
    if dashboard.people_model.rowCount() == 0:
        qtbot.waitSignal(dashboard.people_loaded, timeout=5000).wait()
    return dashboard


def keep(path: Path) -> None:
    folder = os.environ.get("OUTREACH_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


def panels(page: DashboardPage):
    return {
        "cakupan": page.coverage,
        "tren": page.trend,
        "pembayar": page.payers,
        "perpanjangan": page.renewals,
        "agen": page.agents,
    }


def test_every_chart_and_its_table_show_text(qtbot, page: DashboardPage, tmp_path) -> None:
    """Each view is grabbed and its dark (text) samples compared with an empty panel of the
    same size, which has only its buttons' words: with no font, or nothing drawn, they match."""
    window = page.window()
    for index, (name, panel) in enumerate(panels(page).items()):
        page.tabs.setCurrentIndex(index)
        empty = ChartPanel(lambda content, path: path, Path)
        qtbot.addWidget(empty)
        empty.resize(panel.size())
        blank = tmp_path / f"empty-{name}.png"
        assert empty.grab().save(str(blank))
        for as_table in (False, True):
            panel.show_table(as_table)
            qtbot.wait(1)  # one turn of the event loop: laid out and painted
            view = "tabel" if as_table else "grafik"
            shot = tmp_path / f"dasbor-{name}-{view}.png"
            assert window.grab().save(str(shot))
            keep(shot)
            alone = tmp_path / f"panel-{name}-{view}.png"
            assert panel.grab().save(str(alone))
            ink, baseline = dark_pixels(alone, min_width=600), dark_pixels(blank, min_width=600)
            assert baseline > 20  # the buttons' words
            assert ink > 3 * baseline, f"{shot.name}: {ink} dark samples, empty {baseline}"
        panel.show_table(False)


def test_the_tables_hold_the_charts_numbers(page: DashboardPage, demo_store: Store) -> None:
    coverage = page.coverage.model
    assert coverage.rowCount() == len(demo_store.villages.all()) == 31
    registered = sum(coverage.table.rows[r][5] for r in range(coverage.rowCount()))
    assert (
        registered
        == demo_store.db.execute(
            "SELECT count(*) FROM participants WHERE status != 'draft' AND deleted = 0"
        ).fetchone()[0]
    )
    assert page.trend.model.rowCount() == 26
    payers = {page.payers.model.table.rows[r][0] for r in range(page.payers.model.rowCount())}
    assert {"Mandiri", "APBD", "APBDes", "Sponsor"} <= payers
    # the demo laptop belongs to an agent: the agent sees their own month only
    assert [row[0] for row in page.agents.model.table.rows] == ["Yosina Ratuanak"]
    assert page.agents.model.table.personal_data
    assert "perkiraan" in page.agents_note.text()


def test_models_pass_the_model_tester(qtmodeltester, page: DashboardPage) -> None:
    for panel in panels(page).values():
        qtmodeltester.check(panel.model)
    qtmodeltester.check(page.people_model)


def test_the_level_sums_villages_up_without_a_query(page: DashboardPage) -> None:
    villages = {page.coverage.model.table.rows[r][0] for r in range(31)}
    totals = [sum(row[i] for row in page.coverage.model.table.rows) for i in (4, 5, 6)]
    for level, count in ((Level.DISTRICT, None), (Level.REGENCY, 6), (Level.BRANCH, 4)):
        page.level.setCurrentIndex(page.level.findData(level))
        table = page.coverage.model.table
        if count is not None:
            assert len(table.rows) == count
        assert [sum(row[i] for row in table.rows) for i in (4, 5, 6)] == totals
    assert "Kantor Cabang Maluku (Ambon)" in {row[0] for row in table.rows}
    assert not villages & {row[0] for row in table.rows}


def test_export_png_and_xlsx(page: DashboardPage, tmp_path: Path) -> None:
    png = tmp_path / "cakupan.png"
    assert page.coverage.export_png(png)
    keep(png)
    assert dark_pixels(png, min_width=600) > 500
    xlsx = tmp_path / "cakupan.xlsx"
    assert page.coverage.export_xlsx(xlsx)
    assert str(xlsx) in page.coverage.status.text()
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[0][0] == "Cakupan per desa"
    header = rows.index(page.coverage.model.table.headers)
    assert len(rows) - header - 1 == 31
    assert all(isinstance(row[6], int) for row in rows[header + 1 :])  # active: numbers
    assert PERSONAL_DATA_NOTICE not in [row[0] for row in rows]

    agents = tmp_path / "agen.xlsx"  # names agents and their incentive: personal data
    assert page.agents.export_xlsx(agents)
    book = load_workbook(io.BytesIO(agents.read_bytes()))
    assert book.active.cell(row=2, column=1).value == PERSONAL_DATA_NOTICE


def test_a_failed_export_says_so_and_writes_nothing(page: DashboardPage, tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    assert not page.trend.export_xlsx(target / "tren.xlsx")
    assert "Tidak tersimpan" in page.trend.status.text()
    assert target.read_text() == "x"


def test_payment_from_the_renewals_list(qtbot, page, window, demo_store: Store) -> None:
    page.tabs.setCurrentIndex(3)
    assert page.people_model.rowCount() > 0
    assert not page.pay_button.isEnabled()  # nobody chosen yet
    page.people.selectRow(0)
    assert page.pay_button.isEnabled()
    listing = page.selected_listing()
    dialog = page.open_payment()
    assert dialog is not None and dialog.isVisible()
    with (
        qtbot.waitSignal(page.loaded, timeout=10_000),
        qtbot.waitSignal(window.documents.opened, timeout=10_000) as receipt,
        qtbot.waitSignal(dialog.payment_recorded, timeout=5000) as recorded,
    ):
        qtbot.keyClick(dialog.months, Qt.Key.Key_Return)
    payment = demo_store.payments.by_receipt(recorded.args[0])
    assert payment.participant_id == listing.participant.stamp.id
    assert receipt.args[0].file_name == f"kuitansi-{payment.receipt_no}.pdf"
    receipt.args[0].close()


def test_reminder_list_prints_for_the_chosen_village(qtbot, page: DashboardPage, window) -> None:
    page.tabs.setCurrentIndex(3)
    village = page.village.currentText().rsplit(" (", 1)[0]
    assert page.remind_button.isEnabled()
    with qtbot.waitSignal(window.documents.opened, timeout=10_000) as signal:
        qtbot.mouseClick(page.remind_button, Qt.MouseButton.LeftButton)
    preview = signal.args[0]
    assert village in preview.windowTitle()
    text = pdf_pages_text(preview.pdf)[0]
    assert "DAFTAR PENGINGAT IURAN" in text and village in text
    first = page.people_model.table.rows[0][0]
    assert first in "".join(pdf_pages_text(preview.pdf))
    preview.close()

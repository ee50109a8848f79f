"""The import dialog on a real file with the real worker: the mapping step (a column the
guess missed is chosen by hand), the dry run's problems by row and field, the import with its
progress, the summary and the error file; then a cancelled import that leaves nothing. Each
step is saved as a screenshot (and checked to show text) in tests' tmp folder and, when
OUTREACH_SCREENSHOTS names a folder, there too, for people to look at."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from outreach_app.domain.import_fields import ImportField
from outreach_app.domain.models import Sex
from outreach_app.domain.nik import build_nik
from outreach_app.services.spreadsheets import SpreadsheetJobs
from outreach_app.settings import DEMO_MARK_KEY
from outreach_app.storage.store import Store
from outreach_app.tabular.writing import DEMO_NOTICE
from outreach_app.ui.actions import ParticipantActions
from outreach_app.ui.dialogs.import_participants import CHECKED, DONE, MAPPING, ImportDialog
from outreach_app.ui.export_actions import ExportActions
from outreach_app.ui.launcher import load_bundled_fonts
from outreach_app.ui.pages.participants import ParticipantsPage
from tests.conftest import TODAY
from tests.gui.test_main_window import dark_pixels

TIMEOUT = 20_000
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
# "Pekerjaan utama" is guessed; "Nomor Kependudukan" is not: the user maps it by hand.
HEADER = ["No", "Nomor Kependudukan", "Nama Lengkap", "Tgl Lahir", "L/P", "Alamat Rumah",
          "Kode Desa", "Penghasilan (Rp)", "Pekerjaan utama"]  # fmt: skip


def snap(widget: QWidget, name: str, tmp_path: Path, ink: int = 150) -> Path:
    path = tmp_path / name
    assert widget.grab().save(str(path))
    assert dark_pixels(path, 300) > ink, f"{path} shows no text"
    if folder := os.environ.get("OUTREACH_SCREENSHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / name)
    return path


def village_list(path: Path, rows: int, bad: bool = True) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(HEADER)
        for n in range(1, rows + 1):
            born = dt.date(1970 + n % 30, 1 + n % 12, 1 + n % 27)
            sex = Sex.FEMALE if n % 2 else Sex.MALE
            nik = build_nik("810301", born, sex, 9000 + n if n < 1000 else n)
            writer.writerow([n, nik, f"Peserta Uji {n}", born.strftime("%d-%m-%Y"),
                             "P" if sex is Sex.FEMALE else "L", f"RT {n % 9:03d}",
                             "8103012002", "1.500.000", "Aparatur desa"])  # fmt: skip
        if bad:
            writer.writerow([rows + 1, "8103011508950000", "Serial Nol", "15-08-1995", "L",
                             "RT 1", "8103012002", "1.000.000", "Nelayan"])  # fmt: skip
            writer.writerow([rows + 2, build_nik("810301", dt.date(1990, 1, 1), Sex.MALE, 8888),
                             "Tanggal Salah", "31-02-1990", "L", "RT 2", "9999999999",
                             "sejuta", "Petani"])  # fmt: skip
    return path


@pytest.fixture
def page(qtbot, demo_store: Store, actions: ParticipantActions, directory, worker, schedule,
         tmp_path: Path) -> ParticipantsPage:  # fmt: skip
    load_bundled_fonts()
    jobs = SpreadsheetJobs(demo_store, schedule, lambda: TODAY)
    exports = ExportActions(lambda: jobs, worker, lambda: tmp_path / "docs")
    with_files = ParticipantActions(actions.enrolment, actions.payments, actions.actor, exports)
    shown = ParticipantsPage(directory, worker, with_files)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    return shown


def open_dialog(qtbot, page: ParticipantsPage) -> ImportDialog:
    assert page.files_button.isVisible() is False or page.files_button.menu() is not None
    page.import_action.trigger()
    dialog = page.import_dialog
    assert dialog is not None
    return dialog


def test_map_check_import_and_save_the_refused_rows(
    qtbot, page: ParticipantsPage, demo_store: Store, tmp_path: Path
) -> None:
    source = village_list(tmp_path / "aparatur-wowonda.csv", 40)
    before = demo_store.participants.count()
    dialog = open_dialog(qtbot, page)
    snap(dialog, "import-1-file.png", tmp_path)

    with qtbot.waitSignal(dialog.source_read, timeout=TIMEOUT):
        dialog.open_file(source)
    assert dialog.pages.currentIndex() == MAPPING
    mapping = dialog.mapping()
    assert ImportField.NIK not in mapping.values()  # "Nomor Kependudukan" is not guessed
    assert mapping[2] is ImportField.FULL_NAME and mapping[8] is ImportField.OCCUPATION
    assert not dialog.check_button.isEnabled()
    assert dialog.mapping_message.text() == "Kolom NIK belum dipilih."
    dialog.set_column(1, ImportField.NIK)  # the user picks it in the column's combo
    assert dialog.check_button.isEnabled()
    assert "CSV, UTF-8 dengan BOM, pemisah titik koma" in dialog.read_info.text()
    assert dialog.preview.item(1, 2).text() == "Peserta Uji 1"
    combo = dialog.combos[0]  # each column's choices say what transport is (PP 50/2025)
    sector = combo.itemData(combo.findData(ImportField.SECTOR.value), Qt.ItemDataRole.ToolTipRole)
    assert "ojek online dan ojek pangkalan" in sector and "Nelayan tidak termasuk" in sector
    snap(dialog, "import-2-mapping.png", tmp_path)

    with qtbot.waitSignal(dialog.checked, timeout=TIMEOUT) as checked:
        dialog.run_check()
    report = checked.args[0]
    assert (len(report.plan.new), len(report.plan.refused)) == (40, 2)
    assert demo_store.participants.count() == before  # a dry run writes nothing
    assert dialog.pages.currentIndex() == CHECKED
    rows = [[dialog.problems.item(r, c).text() for c in range(4)]
            for r in range(dialog.problems.rowCount())]  # fmt: skip
    assert ["42", "NIK (Nomor Kependudukan)", "ditolak",
            "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."] in rows  # fmt: skip
    assert ["43", "Tanggal lahir (Tgl Lahir)", "ditolak",
            "Tanggal '31-02-1990' tidak ada di kalender."] in rows  # fmt: skip
    assert dialog.import_button.text() == "Impor 40 peserta"
    snap(dialog, "import-3-dry-run.png", tmp_path)

    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as imported:
        dialog.run_import()
        assert dialog.cancel_button.isVisible() and dialog.progress.isVisible()
    assert imported.args[0].imported == 40
    assert (progress and max(progress) == dialog.progress.maximum()) or progress == []
    assert demo_store.participants.count() == before + 40
    assert dialog.pages.currentIndex() == DONE
    assert dialog.save_errors_button.isVisible()
    snap(dialog, "import-4-done.png", tmp_path)

    target = tmp_path / "ditolak.xlsx"
    with qtbot.waitSignal(dialog.error_file_saved, timeout=TIMEOUT):
        dialog.save_error_file(target)
    assert target.exists()

    # The same file again remembers the mapping and adds nobody twice.
    again = open_dialog(qtbot, page)
    with qtbot.waitSignal(again.source_read, timeout=TIMEOUT):
        again.open_file(source)
    assert again.mapping()[1] is ImportField.NIK
    assert "diingat" in again.read_info.text()
    with qtbot.waitSignal(again.checked, timeout=TIMEOUT) as rechecked:
        again.run_check()
    assert (len(rechecked.args[0].plan.new), len(rechecked.args[0].plan.already)) == (0, 40)
    assert not again.import_button.isEnabled()


def test_an_unusable_file_is_told_and_a_cancelled_import_leaves_nothing(
    qtbot, page: ParticipantsPage, demo_store: Store, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, page)
    broken = tmp_path / "daftar.xlsx"
    broken.write_text("ini bukan excel")
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        dialog.open_file(broken)
    assert failed.args[0] == (
        "Berkas daftar.xlsx bukan berkas XLSX yang sah (rusak, atau bukan buatan Excel)."
    )
    assert "tidak bisa diimpor" in dialog.file_message.text()
    snap(dialog, "import-5-unusable.png", tmp_path, ink=30)  # the reason is in red

    before = demo_store.participants.count()
    source = village_list(tmp_path / "besar.csv", 3000, bad=False)
    with qtbot.waitSignal(dialog.source_read, timeout=TIMEOUT):
        dialog.open_file(source)
    dialog.set_column(1, ImportField.NIK)
    with qtbot.waitSignal(dialog.checked, timeout=TIMEOUT):
        dialog.run_check()
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as cancelled:
        dialog.run_import()
        dialog.cancel_import()  # before the first chunk is checked: all rolled back
    assert cancelled.args[0] == "Impor dibatalkan: tidak ada peserta yang diimpor."
    assert demo_store.participants.count() == before
    assert dialog.import_button.isEnabled()


def test_the_list_exported_from_the_demo_says_so_and_a_working_database_refuses_it(
    qtbot, page: ParticipantsPage, demo_store: Store, tmp_path: Path
) -> None:
    """Export from the page (file chosen, written on the worker, told where it went), then the
    same file offered to the import once the database is no longer a demo: refused, saying
    why. The made-up people of the demo never pass for real ones."""
    exports = page._actions.exports
    assert exports is not None
    page.export_list_action.trigger()
    assert exports.file_dialog is not None
    target = tmp_path / "peserta-latihan.csv"
    with qtbot.waitSignal(exports.told, timeout=TIMEOUT) as told:
        exports.file_dialog.fileSelected.emit(str(target))
    assert "baris disimpan ke" in told.args[0] and str(target) in told.args[0]
    with target.open(encoding="utf-8-sig", newline="") as written:
        assert next(csv.reader(written)) == [DEMO_NOTICE]
    assert exports.message is not None
    snap(exports.message, "export-1-saved.png", tmp_path, ink=100)

    demo_store.set_local_setting(DEMO_MARK_KEY, "0")  # a working database from here on
    dialog = open_dialog(qtbot, page)
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        dialog.open_file(target)
    assert "diekspor dari basis data DEMO" in failed.args[0]
    assert demo_store.participants.count() > 0 and dialog.pages.currentIndex() != MAPPING
    snap(dialog, "import-6-demo-refused.png", tmp_path, ink=20)  # the reason is in red

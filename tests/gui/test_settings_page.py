"""Settings: device and receipt prefix, identity, language, backup with progress and cancel,
and a restore that refuses what is not a backup. (The first run: test_first_run.py.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from outreach_app.domain.models import Role
from outreach_app.settings import load_config
from outreach_app.storage.store import Store
from outreach_app.ui.main_window import MainWindow
from tests.gui.test_main_window import dark_pixels


@pytest.fixture
def page(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("settings")
    return window.settings_page


def test_device_name_and_receipt_prefix(qtbot, page, demo_store: Store) -> None:
    """The prefix is shown, not typed: the demo's is not confirmed by any server, and asking
    for a readable one needs a server (tests/gui/test_settings_prefix.py asks a real one)."""
    assert page.receipt_prefix.text().startswith("DEMO-")
    assert "belum dikonfirmasi" in page.receipt_prefix.text()
    page.requested_prefix.setText("sml01")
    qtbot.mouseClick(page.request_prefix_button, Qt.MouseButton.LeftButton)
    assert "belum masuk" in page.message.text()
    assert demo_store.device.receipt_prefix == "DEMO"
    page.device_name.setText("Laptop Saumlaki")
    qtbot.mouseClick(page.save_device, Qt.MouseButton.LeftButton)
    assert demo_store.device.name == "Laptop Saumlaki"
    assert demo_store.device.receipt_prefix == "DEMO"


def test_identity_and_language_are_saved_for_the_next_start(qtbot, page, tmp_path) -> None:
    staff = page.user.findData("staf.maluku")
    page.user.setCurrentIndex(staff)
    with qtbot.waitSignal(page.restart_needed):
        assert page.apply_user()
    assert page._service.current_user().role is Role.STAFF
    page.language.setCurrentIndex(page.language.findData("en"))
    with qtbot.waitSignal(page.restart_needed):
        page.apply_language()
    assert load_config(tmp_path / "config" / "config.json").language == "en"


def test_backup_with_progress_then_restore(qtbot, page, demo_store: Store, tmp_path) -> None:
    target = tmp_path / "cadangan.db"
    progress: list[int] = []
    page.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(page.backup_finished, timeout=10_000):
        page.backup_to(target)
    assert progress and page.progress.maximum() == progress[-1]
    assert target.exists() and "Cadangan tersimpan" in page.message.text()

    before = demo_store.participants.count()
    demo_store.participants.delete(demo_store.participants.all()[0].stamp.id)
    with qtbot.waitSignal(page.restore_finished, timeout=10_000) as restored:
        page.restore_from(target)
    assert demo_store.participants.count() == before
    assert Path(restored.args[0]).exists()  # the safety copy of what was replaced


def test_cancelled_backup_writes_nothing(qtbot, page, tmp_path) -> None:
    target = tmp_path / "batal.db"
    page.backup_to(target)
    page.cancel()
    page._worker.wait()
    assert not target.exists()
    assert "Dibatalkan" in page.message.text() and page.backup_button.isEnabled()


def test_restore_of_a_file_that_is_not_a_backup_is_refused(qtbot, page, tmp_path) -> None:
    other = tmp_path / "lain.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    assert "bukan cadangan" in page._service.check_backup(other)


def test_settings_screenshot_has_text(qtbot, window: MainWindow, page, tmp_path) -> None:
    window.show()
    qtbot.waitExposed(window)
    assert window.grab().save(str(tmp_path / "settings.png"))
    assert dark_pixels(tmp_path / "settings.png") > 700  # a sparse page; an empty window gives ~1


def test_document_folder_is_chosen_and_checked(page, tmp_path: Path, demo_store: Store) -> None:
    assert "Perisai Outreach" in page.documents.text()  # the default, before any choice
    chosen = tmp_path / "dokumen" / "kuitansi"
    assert page.apply_document_folder(chosen)
    assert chosen.is_dir() and str(chosen) in page.documents.text()
    assert demo_store.local_setting("document_folder") == str(chosen)
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert not page.apply_document_folder(blocker / "inside")
    assert "tidak bisa dibuat" in page.message.text()
    assert str(chosen) in page.documents.text()  # the earlier choice stands

"""The sync control in the status bar, against a real server process: sign in once, sync with
progress, offline shown as such with the reason, refusals listed to act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_app.services.sync import SyncService
from outreach_app.ui.dialogs.sync import SignInDialog, SyncProblemsDialog
from outreach_app.ui.widgets.sync_control import AUTO_SYNC_MS, SyncControl
from tests.factories import make_participant
from tests.integration.sync_world import PASSWORDS, ServerProcess, laptop, seed_branch


@pytest.fixture
def server(tmp_path: Path):
    running = ServerProcess(tmp_path)
    running.add_user("staf.maluku", "staff")
    running.start()
    yield running
    running.stop()


@pytest.fixture
def staff(tmp_path: Path):
    machine = laptop(tmp_path, "kantor")
    seed_branch(machine)
    yield machine
    machine.store.close()


def control_for(qtbot, machine, worker) -> SyncControl:
    control = SyncControl(SyncService(machine.store), worker)
    qtbot.addWidget(control)
    return control


def test_sign_in_once_then_sync(qtbot, server, staff, worker) -> None:
    control = control_for(qtbot, staff, worker)
    assert "Luring" in control.label.text() and "belum pernah" in control.label.text()
    waiting = staff.store.pending_changes()
    assert f"{waiting} perubahan menunggu" in control.label.text()
    control.sync_button.click()
    dialog = control.dialog
    assert isinstance(dialog, SignInDialog) and dialog.isVisible()
    dialog.server.setText("10.0.0.5:8750")
    dialog.username.setText("staf.maluku")
    dialog.password.setText(PASSWORDS["staf.maluku"])
    dialog.ok.click()
    assert dialog.isVisible() and "http://" in dialog.message.text()  # refused, explained
    dialog.server.setText(server.url)
    with qtbot.waitSignal(control.finished, timeout=20_000):
        dialog.ok.click()
    assert "Daring" in control.label.text() and "0 perubahan menunggu" in control.label.text()
    assert staff.store.local_setting("sync_token") and not staff.store.local_setting("password")
    assert control.timer.isActive() and control.timer.interval() == AUTO_SYNC_MS


def test_no_signal_is_shown_and_waits_longer(qtbot, server, staff, worker) -> None:
    SyncService(staff.store).sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
    server.stop()
    control = control_for(qtbot, staff, worker)
    with qtbot.waitSignal(control.finished, timeout=30_000):
        control.start()
    assert "Luring" in control.label.text()
    assert "tidak terjangkau" in control.toolTip() and "aman" in control.toolTip()
    assert control.timer.interval() == 2 * AUTO_SYNC_MS  # backing off
    assert staff.store.pending_changes() > 0  # nothing lost, nothing marked sent


def test_refusals_are_listed_and_can_be_discarded(qtbot, server, staff, worker) -> None:
    outside = make_participant(None, nik="8103011508950000", full_name="NIK Salah")
    staff.store.participants.add(outside)  # serial 0000: the server refuses the NIK
    control = control_for(qtbot, staff, worker)
    SyncService(staff.store).sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
    with qtbot.waitSignal(control.finished, timeout=20_000):
        control.start()
    assert control.problems_button.isVisibleTo(control)
    assert control.problems_button.text() == "Masalah (1)"
    dialog = control.show_problems()
    assert isinstance(dialog, SyncProblemsDialog)
    text = dialog.parked.item(0).text()
    assert "NIK Salah" in text and "tidak sah" in text
    dialog.parked.setCurrentRow(0)
    dialog.discard_selected()
    assert dialog.parked.count() == 0
    dialog.accept()
    assert not control.problems_button.isVisibleTo(control)


def test_a_second_sync_of_the_file_is_told_and_a_new_device_once(
    qtbot, server, staff, worker
) -> None:
    """Another sync of the same database (`outreach sync` in a terminal) holds the lock: the
    control says so instead of failing. A laptop that became a new device (restored or
    copied) is told once, in the problems area."""
    from outreach_app.storage.sync_lock import sync_lock

    SyncService(staff.store).sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
    control = control_for(qtbot, staff, worker)
    with sync_lock(staff.store.path), qtbot.waitSignal(control.finished, timeout=20_000):
        control.start()
    assert "sedang berjalan" in control.toolTip()
    assert staff.store.pending_changes() > 0  # nothing happened meanwhile

    staff.store.set_local_setting("rewind_notice", "perangkat-lama")  # as a fork leaves it
    control.refresh()
    assert not control.problems_button.isHidden()
    assert control.problems_button.text() == "Perangkat baru"
    dialog = control.show_problems()
    qtbot.addWidget(dialog)
    assert not dialog.new_device.isHidden() and "tidak ada data yang hilang" in (
        dialog.new_device.text()
    )
    dialog.accept()
    control.refresh()
    assert control.problems_button.isHidden()  # told once
    again = control.show_problems()
    qtbot.addWidget(again)
    assert again.new_device.isHidden()

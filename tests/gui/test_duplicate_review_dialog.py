"""The duplicate-NIK review in the app, against a real server process: staff open the queue
from the sync problems, compare the two records, confirm which to keep, and the app syncs;
the agent whose record was retired is told so in its status bar."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from outreach_app.ui.dialogs.duplicates import DuplicateReviewDialog
from outreach_app.ui.widgets.sync_control import SyncControl
from tests.integration.sync_world import ServerProcess, branch_of_three, enrolled_twice

SHOTS = Path(os.environ.get("OUTREACH_SCREENSHOTS", "")) if os.environ.get(
    "OUTREACH_SCREENSHOTS") else None  # fmt: skip


@pytest.fixture
def world(tmp_path: Path, schedule):
    server = ServerProcess(tmp_path)
    for username, role in (("staf.maluku", "staff"), ("agen.saumlaki", "agent"),
                           ("agen.ambon", "agent")):  # fmt: skip
        server.add_user(username, role)
    server.start()
    staff, saumlaki, ambon, villages = branch_of_three(tmp_path, server)
    kept, retired = enrolled_twice(staff, saumlaki, ambon, villages, schedule)
    yield staff, saumlaki, ambon, kept, retired
    server.stop()
    for machine in (staff, saumlaki, ambon):
        machine.store.close()


def shot(widget, name: str) -> None:
    if SHOTS is not None:
        widget.grab().save(str(SHOTS / f"{name}.png"))


def control_for(qtbot, machine, worker) -> SyncControl:
    control = SyncControl(machine.sync, worker)
    qtbot.addWidget(control)
    return control


def test_staff_compare_confirm_and_the_outcome_arrives(qtbot, world, worker) -> None:
    staff, _saumlaki, ambon, kept, retired = world
    control = control_for(qtbot, staff, worker)
    assert control.problems_button.text() == "Masalah (3)"  # the second record, held here
    problems = control.show_problems()
    qtbot.addWidget(problems)
    assert problems.reviews_button.isVisibleTo(problems)  # staff decide reviews
    dialog = control.show_reviews()
    assert isinstance(dialog, DuplicateReviewDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.pairs.count() == 1, timeout=10_000)
    assert "1 pasangan" in dialog.status.text()
    table = dialog.table
    assert table.horizontalHeaderItem(0).text() == "Data A — Yosina Ratuanak"
    assert table.horizontalHeaderItem(1).text() == "Data B — Nus Pattiasina"
    phone = next(row for row in range(table.rowCount())
                 if table.verticalHeaderItem(row).text() == "Telepon")  # fmt: skip
    assert (table.item(phone, 0).text(), table.item(phone, 1).text()) == ("", "081311112222")
    assert table.item(phone, 0).background().color().name() == "#fef3c7"  # they differ
    nik = next(row for row in range(table.rowCount())
               if table.verticalHeaderItem(row).text() == "NIK")  # fmt: skip
    assert table.item(nik, 0).background().style() == Qt.BrushStyle.NoBrush  # the same
    shot(dialog, "duplicate-review")

    assert not dialog.confirm_bar.isVisibleTo(dialog)
    dialog.keep_first.click()  # nothing is sent before the confirmation
    assert dialog.confirm_bar.isVisibleTo(dialog)
    assert "tidak dapat dibatalkan" in dialog.confirm_text.text()
    shot(dialog, "duplicate-review-confirm")
    dialog.not_now.click()
    assert not dialog.confirm_bar.isVisibleTo(dialog) and dialog.pairs.count() == 1
    dialog.keep_first.click()
    with qtbot.waitSignal(control.finished, timeout=20_000):  # resolved, then the app syncs
        dialog.confirm.click()
    qtbot.waitUntil(lambda: "Tidak ada data duplikat" in dialog.status.text(), timeout=10_000)
    assert dialog.pairs.count() == 0 and not dialog.keep_first.isEnabled()
    assert staff.sync.state.held() == []
    assert staff.store.participants.get(kept).phone == "081311112222"
    assert not control.problems_button.isVisibleTo(control)
    dialog.accept()

    # Ambon's laptop: its record was retired; the status bar says so once, the dialog explains
    agent = control_for(qtbot, ambon, worker)
    with qtbot.waitSignal(agent.finished, timeout=20_000):
        agent.start()
    assert agent.problems_button.isVisibleTo(agent)
    assert agent.problems_button.text() == "Duplikat digabung (1)"
    told = agent.show_problems()
    qtbot.addWidget(told)
    assert told.merged.count() == 1
    assert "Yohanis Ratuanak (NIK 8103011508950001)" in told.merged.item(0).text()
    assert "agen lain" in told.merged.item(0).text()
    assert not told.reviews_button.isVisibleTo(told)  # agents do not decide
    shot(told, "duplicate-merged-agent")
    told.accept()
    assert not agent.problems_button.isVisibleTo(agent)
    assert ambon.store.participants.find(retired) is None


def test_an_agent_opening_the_queue_is_told_why_not(qtbot, world, worker) -> None:
    _staff, saumlaki, _ambon, _kept, _retired = world
    control = control_for(qtbot, saumlaki, worker)
    dialog = control.show_reviews()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "staf cabang" in dialog.status.text(), timeout=10_000)
    assert dialog.pairs.count() == 0 and not dialog.keep_first.isEnabled()

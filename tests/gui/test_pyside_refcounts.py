"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns None
(setText, update, processEvents...): None is not immortal before 3.12, so a long session ends
in "Fatal Python error: deallocating None". We pin a PySide6 without the bug; this test fails
if an upgrade brings it back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

CALLS = 5_000


def test_calls_returning_none_keep_none_alive(qtbot) -> None:
    label, table = QLabel(), QTableWidget(3, 3)
    qtbot.addWidget(label)
    qtbot.addWidget(table)
    app = QApplication.instance()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        label.update()
        table.setRowCount(3)
        app.processEvents()
    # a little drift comes from the interpreter itself; the bug loses 4 per loop
    assert sys.getrefcount(None) - before > -CALLS

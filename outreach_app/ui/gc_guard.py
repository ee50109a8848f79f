"""Garbage collection on the GUI thread only.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is
crossed. If that is a worker thread and the cycle holds Qt objects of the GUI thread (widgets,
signal helpers kept alive by lambdas), Qt destroys them from the wrong thread and the process
crashes (seen as a segfault in a background search). As qutebrowser does, we switch automatic
collection off and collect from a GUI-thread timer instead, generation by generation as the
thresholds are crossed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    @staticmethod
    def collect_due() -> int:
        """Collects the generations whose thresholds were crossed, as automatic GC would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        collected = 0
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                collected += gc.collect(generation)
                break  # collecting a generation also collects the younger ones
        return collected

"""Blocking work off the GUI thread: run a function on the thread pool, get its result (or
its error) back on the GUI thread, with progress and a cancel flag the function can check.

The window never waits on the database or the disk: searches over 200k rows, backups and
batch work all go through `Worker.run`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a task by `TaskContext.check()` once the user cancelled it."""


class TaskContext:
    """Handed to the task: report progress, and stop early when cancelled."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled

    def progress(self, done: int, total: int) -> None:
        self._signals.progressed.emit(done, total)


class _TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Task(QRunnable, Generic[T]):
    def __init__(self, fn: Callable[[TaskContext], T], context: TaskContext, signals: _TaskSignals):
        super().__init__()
        self._fn = fn
        self._context = context
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(self._context)
        except Cancelled:
            return
        except Exception as exc:  # handed to the GUI thread, which shows or re-raises it
            self._signals.failed.emit(exc)
            return
        if not self._context.cancelled:
            self._signals.finished.emit(result)


class Worker(QObject):
    """One per window. Callbacks run on the GUI thread; a cancelled task calls nothing."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[_TaskSignals] = set()

    def run(
        self,
        fn: Callable[[TaskContext], T],
        on_done: Callable[[T], Any],
        on_error: Callable[[Exception], Any] | None = None,
        on_progress: Callable[[int, int], Any] | None = None,
    ) -> TaskContext:
        signals = _TaskSignals(self)  # lives on the GUI thread: its slots run there
        context = TaskContext(signals)
        self._running.add(signals)

        def done(result: object) -> None:
            self._running.discard(signals)
            on_done(result)  # type: ignore[arg-type]

        def failed(error: object) -> None:
            self._running.discard(signals)
            if on_error is None:
                raise error  # type: ignore[misc]
            on_error(error)  # type: ignore[arg-type]

        signals.finished.connect(done)
        signals.failed.connect(failed)
        if on_progress is not None:
            signals.progressed.connect(on_progress)
        self._pool.start(_Task(fn, context, signals))
        return context

    def wait(self, msecs: int = 30_000) -> bool:
        """For tests and shutdown: wait until the pool is idle."""
        return self._pool.waitForDone(msecs)

"""The idle lock: after some minutes without a key press or a mouse move, every page and
every open dialog is hidden, and the password is asked again.

The main window swaps its pages for a lock page (the pages are not drawn at all, not merely
covered by a dialog); any other open window (a half-filled enrolment form, a document preview)
is covered by an opaque panel, not closed, so nothing typed is lost. The password is asked
in a small modal prompt shown last, so it takes the keyboard even above a modal form. Work
on the worker threads (a sync, an import) goes on; a window it opens meanwhile is covered
too. The time is measured both by the monotonic clock and by the wall clock: on Linux the
monotonic clock stops while the laptop sleeps, and a lid closed for an hour must lock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.services.protection import Protection
from outreach_app.storage.database import DatabaseKey
from outreach_app.ui.dialogs.sign_in import PasswordPrompt
from outreach_app.ui.widgets.cards import title
from outreach_app.ui.workers import Worker

if TYPE_CHECKING:
    from outreach_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_EVERY_MS = 5_000


class LockPage(QWidget):
    """What the main window shows instead of its pages while locked: no data at all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.heading = title(self.tr("Perisai Outreach terkunci"))
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(
            self.tr("Data disembunyikan karena laptop tidak dipakai. Masukkan kata sandi "
                    "untuk melanjutkan; pekerjaan yang sedang berjalan tetap berjalan.")
        )  # fmt: skip
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addStretch(2)


class Cover(QWidget):
    """An opaque panel over a whole window (a dialog) while the app is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("#lockCover { background: #e5e7eb; }")
        label = QLabel(self.tr("Terkunci"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def remove(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class UnlockPrompt(QDialog):
    """The password, asked over the lock page; it cannot be closed, only answered (or the
    app left)."""

    def __init__(
        self,
        protection: Protection,
        key: DatabaseKey,
        worker: Worker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Terkunci — Perisai Outreach"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(420)

        def check(password: str) -> DatabaseKey:
            protection.verify(password, key)
            return key

        self.prompt = PasswordPrompt(protection, worker, check, self)
        self.prompt.submit.setText(self.tr("Buka"))
        self.leave = QPushButton(self.tr("Keluar dari aplikasi"))
        self.leave.setFlat(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Masukkan kata sandi untuk membuka kunci.")))
        layout.addWidget(self.prompt)
        layout.addWidget(self.leave)
        self.leave.clicked.connect(QApplication.quit)

    def reject(self) -> None:
        """Esc and the window's close button do nothing: the only way on is the password."""


class IdleLock(QObject):
    """Watches the application's input; locks `window` after `minutes` without any."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: MainWindow,
        protection: Protection,
        key: DatabaseKey,
        worker: Worker,
        minutes: int,
        clocks: tuple[Callable[[], float], Callable[[], float]] = (time.monotonic, time.time),
    ) -> None:
        super().__init__(window)
        self._window = window
        self._protection = protection
        self._key = key
        self._worker = worker
        self._clocks = clocks
        self._seconds = minutes * 60
        self._last = self._now()
        self._covers: list[Cover] = []
        self.prompt: UnlockPrompt | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check_idle)

    def start(self) -> None:
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def set_minutes(self, minutes: int) -> None:
        self._seconds = minutes * 60

    @property
    def is_locked(self) -> bool:
        return self.prompt is not None

    def _now(self) -> tuple[float, float]:
        return self._clocks[0](), self._clocks[1]()

    def idle_seconds(self) -> float:
        (mono, wall), (last_mono, last_wall) = self._now(), self._last
        return max(mono - last_mono, wall - last_wall)

    def check_idle(self) -> None:
        if not self.is_locked and self.idle_seconds() >= self._seconds:
            self.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in ACTIVITY and not self.is_locked:
            self._last = self._now()
        elif (
            kind == QEvent.Type.Show
            and self.is_locked
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            QTimer.singleShot(0, lambda: self._cover_new(watched))
        return False

    def lock(self) -> None:
        """Hides everything and asks for the password."""
        if self.is_locked:
            return
        self._window.set_locked(True)
        for widget in QApplication.topLevelWidgets():
            self._cover(widget)
        self.prompt = UnlockPrompt(self._protection, self._key, self._worker, self._window)
        self.prompt.prompt.unlocked.connect(lambda _key: self.unlock())
        self.prompt.open()
        self.prompt.prompt.refresh()
        self.prompt.prompt.password.setFocus()
        log.info("Aplikasi dikunci")
        self.locked.emit()

    def _cover(self, widget: QWidget) -> None:
        if widget is self._window or widget is self.prompt or not widget.isVisible():
            return
        if any(cover.parentWidget() is widget for cover in self._covers):
            return
        self._covers.append(Cover(widget))

    def _cover_new(self, widget: QWidget) -> None:
        """A window that opened while locked (a message from finished background work): it
        is covered, and the prompt is shown again above it so it keeps the keyboard."""
        if self.prompt is None or widget is self.prompt:
            return
        self._cover(widget)
        if widget.isModal():
            self.prompt.hide()
            self.prompt.open()
            self.prompt.prompt.password.setFocus()

    def unlock(self) -> None:
        if self.prompt is None:
            return
        self.prompt.done(0)
        self.prompt.deleteLater()
        self.prompt = None
        for cover in self._covers:
            cover.remove()
        self._covers.clear()
        self._window.set_locked(False)
        self._last = self._now()
        log.info("Kunci dibuka")
        self.unlocked.emit()

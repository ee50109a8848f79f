"""Signing in before any data is shown, the wait after wrong passwords (kept across a
restart), and the idle lock, which hides every page and every open dialog until the password
is typed again, while background work goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.sign_in import FREE_ATTEMPTS
from outreach_app.services.keys import KdfParams
from outreach_app.services.protection import Protection
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.sign_in import RecoveryDialog, SignInDialog
from outreach_app.ui.idle_lock import Cover, IdleLock
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.workers import Worker
from tests.gui.test_main_window import dark_pixels

FAST = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSWORD = "tanimbar2026"


class Clock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def protected(tmp_path: Path, clock: Clock) -> tuple[Protection, DatabaseKey]:
    protection = Protection(tmp_path / "laptop" / "outreach.db", clock, FAST)
    protection.db_path.parent.mkdir()
    return protection, protection.protect_new(PASSWORD, PASSWORD)


def sign_in(qtbot, dialog: SignInDialog, password: str) -> None:
    dialog.prompt.password.setText(password)
    qtbot.mouseClick(dialog.prompt.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.prompt.submit.isEnabled() or dialog.prompt._wait_left > 0
                    or dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)  # fmt: skip
    qtbot.waitUntil(lambda: not dialog.prompt._busy, timeout=5000)


def test_sign_in_takes_the_right_password_and_counts_the_wrong_ones(
    qtbot, protected, clock: Clock, tmp_path: Path
) -> None:
    protection, key = protected
    dialog = SignInDialog(protection, Worker())
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in range(1, FREE_ATTEMPTS):
        sign_in(qtbot, dialog, "salah-lagi-1")
        assert f"Sisa {FREE_ATTEMPTS - attempt} percobaan" in dialog.prompt.message.text()
        assert dialog.result() == 0 and dialog.key is None
    assert dialog.grab().save(str(tmp_path / "sign-in.png"))
    assert dark_pixels(tmp_path / "sign-in.png", min_width=400) > 150  # every third pixel
    sign_in(qtbot, dialog, "salah-lagi-1")  # the fifth: now a wait
    assert "Coba lagi dalam 30 detik" in dialog.prompt.message.text()
    assert not dialog.prompt.password.isEnabled() and not dialog.prompt.submit.isEnabled()
    # a restart does not help: the new window counts down the same wait
    again = SignInDialog(protection, Worker())
    qtbot.addWidget(again)
    assert not again.prompt.password.isEnabled()
    assert "Coba lagi dalam" in again.prompt.message.text()
    again.prompt.try_password()  # ignored while waiting
    assert again.key is None
    clock.now += 31
    again.prompt._wait_left = 1
    again.prompt._tick()  # the countdown reaches zero
    assert again.prompt.password.isEnabled()
    sign_in(qtbot, again, PASSWORD)
    assert again.result() == QDialog.DialogCode.Accepted and again.key == key
    assert protection.sign_in_state().failed_attempts == 0


def test_the_recovery_dialog_says_when_no_branch_key_is_installed(qtbot, protected) -> None:
    protection, _key = protected
    dialog = RecoveryDialog(protection)
    qtbot.addWidget(dialog)
    assert "belum memasang kunci pemulihan" in dialog.explain.text()
    assert not dialog.save_request.isEnabled() and not dialog.load_answer.isEnabled()


def test_the_recovery_dialog_saves_the_request_and_takes_the_answer(qtbot, tmp_path: Path) -> None:
    from outreach_app.services.keys import load_branch_private_key, new_branch_key
    from outreach_app.services.protection import reset_password_at_branch

    pem, public = new_branch_key("MAL", "frasa rahasia cabang")
    protection = Protection(tmp_path / "outreach.db", kdf=FAST)
    key = protection.protect_new(PASSWORD, PASSWORD, public)
    dialog = RecoveryDialog(protection)
    qtbot.addWidget(dialog)
    assert public.fingerprint in dialog.explain.text()
    request = tmp_path / "usb" / "pemulihan.kunci"
    assert not dialog.save_to(request)  # no such folder: said, not crashed
    assert "tidak dapat ditulis" in dialog.message.text()
    request.parent.mkdir()
    assert dialog.save_to(request)
    assert not dialog.load_from(request)  # not answered by the branch yet
    assert "bukan jawaban" in dialog.message.text()
    private = load_branch_private_key(pem, "frasa rahasia cabang")
    reset_password_at_branch(request, private, "sementara-123", "sementara-123", FAST)
    assert dialog.load_from(request)
    assert protection.unlock("sementara-123") == key
    assert protection.sign_in_state().must_change_password


# --- the idle lock ----------------------------------------------------------------------------


def visible_texts(root: QWidget) -> list[str]:
    """Every text a visible widget under `root` shows: labels, fields, and table cells."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list model hides columnCount: one column
                columns = 1
            for row in range(model.rowCount()):
                for column in range(columns):
                    texts.append(str(model.index(row, column).data() or ""))
    return texts


@pytest.fixture
def lock_clocks() -> tuple[Clock, Clock]:
    return Clock(1000.0), Clock(1_800_000_000.0)


@pytest.fixture
def locked_window(qtbot, window: MainWindow, protected, lock_clocks, demo_store: Store):
    protection, key = protected
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("participants")
    window.show()
    qtbot.waitExposed(window)
    page = window.participants_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    lock = IdleLock(window, protection, key, Worker(parent=window), 10, lock_clocks)
    window.add_lock_button(lock.lock)
    lock.start()
    yield window, lock
    lock.stop()
    if lock.prompt is not None:
        lock.prompt.done(0)


def test_the_idle_lock_hides_every_page_and_dialog_until_the_password(
    qtbot, locked_window, lock_clocks, demo_store: Store, tmp_path: Path
) -> None:
    window, lock = locked_window
    mono, wall = lock_clocks
    name = window.participants_page.model.index(0, 1).data()
    assert name and any(name in text for text in visible_texts(window))  # shown before
    # a half-typed form is open when the agent walks away
    form = QDialog(window)
    qtbot.addWidget(form)
    field = QLineEdit("Maria Ratuanak, 8103015508950002")
    QVBoxLayout(form).addWidget(field)
    form.show()
    qtbot.waitExposed(form)
    mono.now += 9 * 60
    wall.now += 9 * 60
    qtbot.mouseMove(window.participants_page.table.viewport())  # activity: the clock restarts
    mono.now += 9 * 60
    wall.now += 9 * 60
    lock.check_idle()
    assert not lock.is_locked
    mono.now += 60
    wall.now += 60
    lock.check_idle()
    assert lock.is_locked and window.is_locked()
    assert not window.stack.isVisible() and not window.participants_page.isVisible()
    assert not window.statusBar().isVisible()
    texts = visible_texts(window)
    assert not any(name in text for text in texts), "a participant's name is still shown"
    assert window.lock_page is not None and window.lock_page.isVisible()
    covers = [c for c in form.findChildren(Cover) if c.isVisible()]
    assert len(covers) == 1 and covers[0].geometry() == form.rect()
    assert field.text().startswith("Maria")  # nothing typed is lost, the form stays open
    assert form.isVisible()
    shot = tmp_path / "locked.png"
    assert window.grab().save(str(shot))
    assert dark_pixels(shot) > 100  # the lock page's text is drawn
    # background work goes on, and a window it opens while locked is covered too
    done = []
    lock._worker.run(lambda _ctx: demo_store.reader().participant_list, done.append)
    lock._worker.wait()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    late = QDialog(window)
    qtbot.addWidget(late)
    QVBoxLayout(late).addWidget(QLabel("Sinkron selesai: Yohanis Ratuanak"))
    late.setModal(True)
    late.show()
    qtbot.waitUntil(lambda: any(c.isVisible() for c in late.findChildren(Cover)), timeout=2000)
    assert lock.prompt is not None and lock.prompt.isVisible()
    assert QApplication.activeModalWidget() is lock.prompt  # it keeps the keyboard
    late.done(0)
    # a wrong password keeps it locked; the right one brings everything back
    lock.prompt.prompt.password.setText("bukan-ini-1")
    lock.prompt.prompt.try_password()
    qtbot.waitUntil(lambda: "salah" in lock.prompt.prompt.message.text(), timeout=5000)
    assert lock.is_locked
    lock.prompt.prompt.password.setText(PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        lock.prompt.prompt.try_password()
    assert not window.is_locked() and window.participants_page.isVisible()
    assert window.statusBar().isVisible()
    assert not [c for c in form.findChildren(Cover) if c.isVisible()]
    assert field.text() == "Maria Ratuanak, 8103015508950002"


def test_a_laptop_asleep_past_the_limit_locks_on_waking(qtbot, locked_window, lock_clocks) -> None:
    _window, lock = locked_window
    mono, wall = lock_clocks
    mono.now += 30  # Linux's monotonic clock stops while the laptop sleeps
    wall.now += 3600
    lock.check_idle()
    assert lock.is_locked


def test_the_lock_button_locks_at_once_and_settings_change_the_limit(
    qtbot, locked_window, lock_clocks
) -> None:
    window, lock = locked_window
    assert window.lock_button is not None
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked
    lock.prompt.reject()  # Esc: still locked
    assert lock.is_locked and lock.prompt.isVisible()
    lock.unlock()
    window.idle_minutes_changed.connect(lock.set_minutes)
    window.idle_minutes_changed.emit(2)
    mono, wall = lock_clocks
    mono.now += 121
    wall.now += 121
    lock.check_idle()
    assert lock.is_locked

"""Protecting a database from the app, changing the password (after the branch's temporary
one, and in Settings), and the Settings' security panel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from outreach_app.services.keys import KdfParams, new_branch_key
from outreach_app.services.protection import Protection, WrongPassword
from outreach_app.services.setup import SetupService
from outreach_app.storage.database import FileKind, file_kind
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.password import ChangePasswordDialog, ProtectDialog
from outreach_app.ui.widgets.security_panel import SecurityPanel
from outreach_app.ui.workers import Worker

FAST = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSWORD = "tanimbar2026"


def test_protecting_an_existing_database_from_the_app(
    qtbot, demo_db_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "outreach.db"
    shutil.copy(demo_db_template, db)
    _pem, public = new_branch_key("MAL", "frasa rahasia cabang")
    key_file = tmp_path / "kunci-pemulihan-cabang.pub"
    key_file.write_text(public.to_file_text(), encoding="utf-8")
    protection = Protection(db, kdf=FAST)
    dialog = ProtectDialog(protection, Worker(), existing=True, suggested_branch_key=key_file)
    qtbot.addWidget(dialog)
    assert "belum dienkripsi" in dialog.findChildren(type(dialog.message))[0].text()
    dialog.fields.password.setText("pendek")
    dialog.protect()
    assert "minimal 8" in dialog.message.text() and file_kind(db) is FileKind.PLAIN
    dialog.fields.password.setText(PASSWORD)
    dialog.fields.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.protect()
    key = dialog.key()
    assert key is not None and file_kind(db) is FileKind.ENCRYPTED
    assert protection.branch_key() == ("MAL", public.fingerprint)
    with Store(db, key=key) as store:
        assert store.participants.count() > 1000


def test_later_keeps_the_database_as_it_is(qtbot, tmp_path: Path) -> None:
    protection = Protection(tmp_path / "baru.db", kdf=FAST)
    dialog = ProtectDialog(protection, Worker(), existing=False)
    qtbot.addWidget(dialog)
    dialog.later_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.key() is None
    assert not protection.keyring_path.exists()


def test_a_new_password_is_required_after_the_branchs_temporary_one(qtbot, tmp_path: Path) -> None:
    protection = Protection(tmp_path / "outreach.db", kdf=FAST)
    key = protection.protect_new("sementara-99", "sementara-99")
    dialog = ChangePasswordDialog(protection, Worker(), key)
    qtbot.addWidget(dialog)
    assert not dialog.old.isVisibleTo(dialog)  # no old password asked: it was just typed
    dialog.fields.password.setText(PASSWORD)
    dialog.fields.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert protection.unlock(PASSWORD) == key
    with pytest.raises(WrongPassword):
        protection.unlock("sementara-99")


def test_changing_the_password_in_settings_checks_the_old_one(qtbot, tmp_path: Path) -> None:
    protection = Protection(tmp_path / "outreach.db", kdf=FAST)
    key = protection.protect_new(PASSWORD, PASSWORD)
    dialog = ChangePasswordDialog(protection, Worker())
    qtbot.addWidget(dialog)
    dialog.old.setText("bukan-yang-lama")
    dialog.fields.password.setText("sandi-baru-77")
    dialog.fields.repeat.setText("sandi-baru-77")
    dialog.save()
    qtbot.waitUntil(lambda: "salah" in dialog.message.text(), timeout=10_000)
    assert dialog.result() == 0 and protection.sign_in_state().failed_attempts == 1
    dialog.old.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert protection.unlock("sandi-baru-77") == key


@pytest.fixture
def protected_store(demo_db_template: Path, tmp_path: Path):
    db = tmp_path / "outreach.db"
    shutil.copy(demo_db_template, db)
    protection = Protection(db, kdf=FAST)
    key = protection.protect_existing(PASSWORD, PASSWORD).key
    with Store(db, key=key) as store:
        yield store, protection


def test_the_security_panel(qtbot, protected_store, tmp_path: Path) -> None:
    store, protection = protected_store
    setup = SetupService(store, tmp_path / "config.json", tmp_path, protection=protection)
    panel = SecurityPanel(setup, Worker(), demo=False)
    qtbot.addWidget(panel)
    panel.load()
    assert "Terenkripsi" in panel.state.text() and "Belum dipasang" in panel.branch_key.text()
    assert panel.idle_minutes.value() == 10 and panel.change_password.isEnabled()
    assert not panel.apply_idle_minutes(0)
    assert "antara 1 dan 120" in panel.message.text()
    with qtbot.waitSignal(panel.idle_minutes_changed) as changed:
        assert panel.apply_idle_minutes(3)
    assert changed.args == [3] and setup.idle_lock_minutes() == 3
    bad = tmp_path / "bukan.pub"
    bad.write_text("{}", encoding="utf-8")
    assert not panel.apply_branch_key(bad)
    assert "bukan kunci pemulihan" in panel.message.text()
    _pem, public = new_branch_key("MAL", "frasa rahasia cabang")
    good = tmp_path / "mal.pub"
    good.write_text(public.to_file_text(), encoding="utf-8")
    assert panel.apply_branch_key(good)
    assert public.fingerprint in panel.branch_key.text()
    assert protection.branch_key() == ("MAL", public.fingerprint)


def test_the_security_panel_of_a_plain_database(qtbot, demo_store: Store, tmp_path) -> None:
    setup = SetupService(demo_store, tmp_path / "config.json", tmp_path)
    for demo, said in ((True, "DEMO"), (False, "TIDAK terenkripsi")):
        panel = SecurityPanel(setup, Worker(), demo=demo)
        qtbot.addWidget(panel)
        panel.load()
        assert said in panel.state.text()
        assert not panel.change_password.isEnabled() and not panel.idle_minutes.isEnabled()

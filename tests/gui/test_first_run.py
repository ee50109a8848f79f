"""The first start: the demo asks nothing; a real start asks the role, the device name, the
receipt prefix, the branch server (optional) and the password, and refuses what is missing or
weak with a reason, keeping everything typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from outreach_app.domain.models import Role
from outreach_app.domain.receipt_prefix import derived_prefix
from outreach_app.services.keys import new_branch_key
from outreach_app.services.setup import SetupRefused, SetupService
from outreach_app.storage.store import Store
from outreach_app.storage.sync_state import SERVER_KEY
from outreach_app.ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from tests.gui.test_main_window import dark_pixels


@pytest.fixture
def dialog(qtbot) -> FirstRunDialog:
    made = FirstRunDialog()
    qtbot.addWidget(made)
    return made


def click_start(qtbot, dialog: FirstRunDialog) -> None:
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)


def test_the_demo_asks_nothing_more(qtbot, dialog: FirstRunDialog) -> None:
    assert dialog.choice() is FirstRunChoice.DEMO
    for section in (dialog.laptop, dialog.identity, dialog.security):
        assert not section.isVisibleTo(dialog)
    click_start(qtbot, dialog)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    outcome = dialog.outcome()
    assert outcome.demo and outcome.answers is None and outcome.password == ""


def test_a_real_start_asks_role_device_server_and_password_but_no_prefix(
    qtbot, dialog: FirstRunDialog
) -> None:
    dialog.empty.setChecked(True)
    for section in (dialog.laptop, dialog.identity, dialog.security):
        assert section.isVisibleTo(dialog)
    click_start(qtbot, dialog)
    assert dialog.result() == 0 and "Isi nama" in dialog.message.text()  # incomplete: stays
    for field, text in (
        (dialog.full_name, "Yosina Ratuanak"), (dialog.username, "Agen.Saumlaki"),
        (dialog.branch_code, "mal"), (dialog.server, "10.0.0.5:8750"),
    ):  # fmt: skip
        qtbot.keyClicks(field, text)
    dialog.device_name.setText("Laptop Saumlaki")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.STAFF))
    click_start(qtbot, dialog)
    assert dialog.result() == 0 and "minimal 8" in dialog.message.text()  # no password yet
    qtbot.keyClicks(dialog.passwords.password, "tanimbar2026")
    qtbot.keyClicks(dialog.passwords.repeat, "tanimbar2025")
    click_start(qtbot, dialog)
    assert dialog.result() == 0 and "tidak sama" in dialog.message.text()
    dialog.passwords.repeat.setText("tanimbar2026")
    dialog.server.setText("ftp://cabang")
    click_start(qtbot, dialog)
    assert dialog.result() == 0 and "Alamat server" in dialog.message.text()
    assert dialog.full_name.text() == "Yosina Ratuanak"  # nothing typed was lost
    dialog.server.setText("10.0.0.5:8750")
    click_start(qtbot, dialog)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    outcome = dialog.outcome()
    assert not outcome.demo and outcome.password == "tanimbar2026"
    assert "tanimbar2026" not in repr(outcome)  # never printed with the answers
    answers = outcome.answers
    assert answers is not None
    assert (answers.role, answers.device_name, answers.receipt_prefix, answers.server) == (
        Role.STAFF, "Laptop Saumlaki", None, "10.0.0.5:8750",
    )  # fmt: skip
    assert not hasattr(dialog, "receipt_prefix")  # derived, then reserved by the server


def test_connect_later_needs_no_identity_but_still_a_password(
    qtbot, dialog: FirstRunDialog, store: Store, tmp_path: Path
) -> None:
    dialog.later.setChecked(True)
    assert dialog.laptop.isVisibleTo(dialog) and dialog.security.isVisibleTo(dialog)
    assert not dialog.identity.isVisibleTo(dialog)
    dialog.device_name.setText("Laptop Kupang")
    click_start(qtbot, dialog)
    assert dialog.result() == 0 and "minimal 8" in dialog.message.text()
    dialog.passwords.password.setText("kupang-2026")
    dialog.passwords.repeat.setText("kupang-2026")
    click_start(qtbot, dialog)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    answers = dialog.outcome().answers
    assert answers is not None and not answers.with_identity
    setup = SetupService(store, tmp_path / "config.json")
    assert setup.first_run(answers) is None  # no user yet: the branch's records say who
    # the prefix derived from the device id, never one typed (two laptops would share it)
    assert store.device.receipt_prefix == derived_prefix(store.device.id)
    assert store.device.name == "Laptop Kupang"
    assert setup.device_role() is Role.AGENT
    assert store.local_setting(SERVER_KEY) is None  # no server given, none stored


def test_first_run_answers_set_up_an_empty_laptop(store: Store, tmp_path: Path) -> None:
    dialog = FirstRunDialog()
    dialog.empty.setChecked(True)
    dialog.full_name.setText("Yosina Ratuanak")
    dialog.username.setText("Agen.Saumlaki")
    dialog.branch_code.setText("mal")
    dialog.device_name.setText("Laptop Saumlaki")
    dialog.server.setText("http://10.0.0.5:8750/")  # plain http over the network: refused
    setup = SetupService(store, tmp_path / "config.json")
    with pytest.raises(SetupRefused, match="https://"):
        setup.first_run(dialog.answers())
    dialog.server.setText("10.0.0.5:8750/")  # no scheme typed: https
    user = setup.first_run(dialog.answers())
    assert user is not None
    assert (user.username, user.role) == ("agen.saumlaki", Role.AGENT)
    assert setup.current_user() == user
    assert store.branches.all()[0].code == "MAL"
    assert store.device.receipt_prefix == derived_prefix(store.device.id)
    assert store.local_setting(SERVER_KEY) == "https://10.0.0.5:8750"


def test_the_branch_recovery_key_is_found_and_shown(qtbot, tmp_path: Path) -> None:
    _pem, public = new_branch_key("MAL", "frasa rahasia cabang")
    key_file = tmp_path / "kunci-pemulihan-cabang.pub"
    key_file.write_text(public.to_file_text(), encoding="utf-8")
    dialog = FirstRunDialog(suggested_branch_key=key_file)
    qtbot.addWidget(dialog)
    assert public.fingerprint in dialog.passwords.branch_key_label.text()
    dialog.later.setChecked(True)
    dialog.device_name.setText("Laptop Saumlaki")
    dialog.passwords.password.setText("tanimbar2026")
    dialog.passwords.repeat.setText("tanimbar2026")
    bad = tmp_path / "bukan.pub"
    bad.write_text("hello", encoding="utf-8")
    dialog.passwords.set_branch_key_file(bad)
    click_start(qtbot, dialog)
    assert dialog.result() == 0 and "bukan kunci pemulihan" in dialog.message.text()
    dialog.passwords.set_branch_key_file(key_file)
    click_start(qtbot, dialog)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.outcome().branch_key == public


def test_first_run_screenshot(qtbot, dialog: FirstRunDialog, tmp_path: Path) -> None:
    dialog.empty.setChecked(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    shot = tmp_path / "first-run.png"  # (the README's docs/screenshots/first-run.png is this)
    assert dialog.grab().save(str(shot))
    assert dark_pixels(shot, min_width=500) > 800  # sampled: every third pixel

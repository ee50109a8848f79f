"""The close-out from the Payments page (expected vs counted by receipt, a difference only
with its reason, then the slip), and the branch staff's confirmation of a slip received.
Screenshots at 1366x768 in Indonesian and English go to $OUTREACH_SHOTS when set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from outreach_app.domain.deposit_payload import short_code
from outreach_app.reference.money_text import format_rupiah
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.cash_closeout import CloseOutDialog, ConfirmDepositDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.translations import install_translators
from tests.gui.test_main_window import dark_pixels


@pytest.fixture
def page(qtbot, window: MainWindow):
    window.resize(1366, 768)
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("payments")
    return window.payments_page


def shot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("OUTREACH_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.png"
    assert widget.grab().save(str(target))
    assert dark_pixels(target, min_width=500) > 200
    return target


def test_close_out_with_a_difference_then_the_slip_opens(
    qtbot, window: MainWindow, page, actions, tmp_path: Path
) -> None:
    in_hand = actions.payments.ledger(actions.actor).in_hand
    dialog = page.open_closeout()
    assert isinstance(dialog, CloseOutDialog)
    dialog.resize(900, 600)
    assert dialog.expected.text() == format_rupiah(in_hand)
    assert in_hand == dialog.preview.expected
    assert dialog.receipts.rowCount() == len(dialog.preview.lines) > 0
    assert dialog.difference.text() == "Rp0" and not dialog.reason.isEnabled()
    dialog.counted.setText(format_rupiah(in_hand - 5_000).removeprefix("Rp"))
    assert dialog.difference.text() == "-Rp5.000" and dialog.reason.isEnabled()
    window.show()
    qtbot.waitExposed(dialog)
    dialog.save()
    assert "tulis alasannya" in dialog.message.text() and dialog.isVisible()
    assert actions.payments.ledger(actions.actor).in_hand == in_hand  # nothing saved
    dialog.reason.setText("Uang kembalian kurang")
    shot(dialog, "closeout-id", tmp_path)
    with (
        qtbot.waitSignal(window.documents.opened, timeout=10_000) as slip,
        qtbot.waitSignal(page.loaded, timeout=5000),
    ):
        dialog.save()
    assert slip.args[0].file_name == f"slip-setoran-{dialog.deposit.reference}.pdf"
    slip.args[0].close()
    assert actions.payments.ledger(actions.actor).in_hand == 0
    assert page.in_hand_card.value.text() == "Rp0"
    assert page.deposits.item(0, 2).text() == dialog.deposit.reference
    note = page.deposits.item(0, 3).text()
    assert "Tutup kas" in note and "-Rp5.000" in note and "belum dikonfirmasi" in note
    shot(window, "payments-after-closeout-id", tmp_path)
    with qtbot.waitSignal(window.documents.opened, timeout=10_000) as again:
        page.deposits.cellDoubleClicked.emit(0, 1)
    assert again.args[0].file_name == slip.args[0].file_name
    again.args[0].close()


def test_staff_confirm_a_slip_typed_or_pasted(
    qtbot, demo_store: Store, actions, tmp_path: Path
) -> None:
    deposit = actions.payments.cash_closeout().close(actions.actor)
    staff = demo_store.users.by_username("staf.maluku")
    dialog = ConfirmDepositDialog(actions.payments.deposit_slips(), staff)
    qtbot.addWidget(dialog)
    dialog.slip_no.setText(deposit.reference)
    dialog.code.setText("ZZZZZZZZ")
    assert "tidak cocok" in dialog.result.text()
    dialog.confirm()
    assert dialog.deposit is None
    dialog.code.setText(short_code(deposit.slip_payload))
    assert deposit.reference in dialog.result.text() and "disetor" in dialog.result.text()
    dialog.show()
    qtbot.waitExposed(dialog)
    shot(dialog, "confirm-deposit-id", tmp_path)
    with qtbot.waitSignal(dialog.confirmed, timeout=2000):
        dialog.confirm()
    assert demo_store.deposits.get(deposit.stamp.id).received_by == staff.stamp.id
    again = ConfirmDepositDialog(actions.payments.deposit_slips(), staff)
    qtbot.addWidget(again)
    again.scan.setText(deposit.slip_payload)
    assert "Sudah dikonfirmasi" in again.result.text()
    again.confirm()
    assert "sudah dikonfirmasi diterima" in again.result.text()


def test_english_screens(qtbot, window: MainWindow, page, actions, tmp_path: Path) -> None:
    app = QApplication.instance()
    installed = install_translators(app, "en")
    try:
        dialog = CloseOutDialog(actions.payments.cash_closeout(), actions.actor, page)
        dialog.resize(900, 600)
        dialog.counted.setText("1.000")
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == "Cash close-out"
        shot(dialog, "closeout-en", tmp_path)
        dialog.close()
        deposit = actions.payments.cash_closeout().close(actions.actor)
        staff = actions.payments.deposit_slips()
        confirm = ConfirmDepositDialog(staff, actions.actor)
        qtbot.addWidget(confirm)
        confirm.scan.setText(deposit.slip_payload)
        confirm.show()
        qtbot.waitExposed(confirm)
        assert confirm.windowTitle() == "Confirm deposit received"
        shot(confirm, "confirm-deposit-en", tmp_path)
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        install_translators(app, "id")

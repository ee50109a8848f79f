"""The Payments page: the agent's cash ledger, today's receipts, voiding and depositing."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_app.reference.money_text import format_rupiah
from outreach_app.storage.store import Store
from outreach_app.ui.main_window import MainWindow
from tests.gui.test_main_window import dark_pixels


@pytest.fixture
def page(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("payments")
    return window.payments_page


def reload(qtbot, page, action):
    with qtbot.waitSignal(page.loaded, timeout=5000):
        assert action()


def test_ledger_and_todays_receipts(page, demo_store: Store, actions) -> None:
    ledger = actions.payments.ledger(actions.actor)
    assert page.in_hand_card.value.text() == format_rupiah(ledger.in_hand)
    assert ledger.in_hand > 0 and ledger.deposited > 0
    assert page.receipts.rowCount() == len(page.sheet.receipts) == 6  # collected this morning
    assert page.day_card.value.text() == format_rupiah(page.sheet.day_total)


def test_void_a_receipt_returns_its_cash(qtbot, page, actions, demo_store: Store) -> None:
    """A receipt the agent took just now (its own, today, not deposited) is voided at once;
    the demo's receipts of the 21st are older than today and would need staff."""
    agent = actions.actor
    person = next(
        p for p in demo_store.participants.all() if p.registered_on and p.agent_id == agent.stamp.id
    )
    taken = actions.payments.record(person.stamp.id, 1, agent)
    before = actions.payments.ledger(agent).in_hand
    reason = "Uang dikembalikan: peserta batal membayar hari ini"
    reload(qtbot, page, lambda: page.void_receipt(taken.receipt_no, reason))
    assert demo_store.payments.by_receipt(taken.receipt_no).void_reason == reason
    after = actions.payments.ledger(agent).in_hand
    assert after == before - taken.total
    assert page.in_hand_card.value.text() == format_rupiah(after)


def test_payments_screenshot_has_text(qtbot, window: MainWindow, page, tmp_path: Path) -> None:
    window.show()
    qtbot.waitExposed(window)
    assert window.grab().save(str(tmp_path / "payments.png"))
    assert dark_pixels(tmp_path / "payments.png") > 2000


def test_collective_payment_through_the_dialog(qtbot, page, demo_store: Store) -> None:
    from PySide6.QtCore import Qt

    from outreach_app.ui.dialogs.group_payment import GroupPaymentDialog

    dialog = page.open_group_payment()
    assert isinstance(dialog, GroupPaymentDialog)
    index = dialog.payer.findText("Dana Desa Kepulauan Tanimbar (APBDes)")
    dialog.payer.setCurrentIndex(index)
    members = len(dialog.quote.lines)
    assert members == dialog.members.rowCount() > 5
    assert "total Rp" in dialog.total.text()
    before = demo_store.payments.count()
    with qtbot.waitSignal(dialog.group_paid, timeout=5000) as paid:
        qtbot.keyClick(dialog.months, Qt.Key.Key_Return)
    assert paid.args == [members]
    assert demo_store.payments.count() == before + members

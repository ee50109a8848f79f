"""Enrolment and payments driven through the window as an agent would: typing, Tab and Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from outreach_app.domain.models import ParticipantStatus, Sex
from outreach_app.domain.months import add_months
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.enrolment import EnrolmentDialog
from outreach_app.ui.dialogs.payment import PaymentDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.widgets.combo import current_enum

NEW_NIK = "8103015502900007"  # a woman born 15-02-1990, Tanimbar Selatan; not in the demo


@pytest.fixture
def page(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("participants")
    return window.participants_page


def open_form(qtbot, page) -> EnrolmentDialog:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(EnrolmentDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill_valid_form(qtbot, dialog: EnrolmentDialog) -> None:
    qtbot.keyClicks(dialog.full_name, "Fransina Batlayeri")
    qtbot.keyClicks(dialog.birth_place, "Saumlaki")
    qtbot.keyClicks(dialog.address, "RT 002/RW 001, Desa Wowonda")
    dialog.village.setCurrentIndex(dialog.village.findText("Wowonda", Qt.MatchFlag.MatchStartsWith))
    qtbot.keyClicks(dialog.occupation, "Pedagang ikan")
    qtbot.keyClicks(dialog.income, "800.000")


def test_register_with_the_keyboard_after_fixing_an_invalid_nik(
    qtbot, page, demo_store: Store
) -> None:
    dialog = open_form(qtbot, page)
    qtbot.keyClicks(dialog.nik, "81030155029")  # 11 digits so far
    assert "16 digit" in dialog.nik_note.text()
    fill_valid_form(qtbot, dialog)
    qtbot.keyClick(dialog.income, Qt.Key.Key_Return)  # Enter registers...
    assert dialog.isVisible()  # ...but the NIK is not valid: refused, nothing lost
    assert "16 digit" in dialog.message.text()
    assert dialog.full_name.text() == "Fransina Batlayeri"
    assert dialog.income.text() == "800.000"

    qtbot.keyClicks(dialog.nik, "00007")  # now 16 digits
    assert dialog.birth_date.text() == "15-02-1990"  # filled from the NIK
    assert current_enum(dialog.sex, Sex) is Sex.FEMALE
    assert "Kepulauan Tanimbar" in dialog.nik_note.text()
    # minimum base, PP 50/2025 relief in Nov 2026
    assert "Rp8.400" in dialog.months_view.part_labels[0].text()
    with qtbot.waitSignal(dialog.participant_saved, timeout=5000) as saved:
        qtbot.keyClick(dialog.income, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    stored = demo_store.participants.get(saved.args[0])
    assert (stored.nik, stored.status, stored.base_income) == (
        NEW_NIK, ParticipantStatus.REGISTERED, 1_000_000,
    )  # fmt: skip
    assert "Fransina Batlayeri" in page.detail.toPlainText()


def test_nik_disagreeing_with_typed_birth_date_warns(qtbot, page) -> None:
    dialog = open_form(qtbot, page)
    qtbot.keyClicks(dialog.birth_date, "16-02-1990")
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    assert "berbeda dengan NIK" in dialog.nik_note.text()


def test_duplicate_nik_is_caught_with_a_link_to_the_existing_record(
    qtbot, page, demo_store: Store
) -> None:
    existing = demo_store.participants.all()[5]
    dialog = open_form(qtbot, page)
    qtbot.keyClicks(dialog.nik, existing.nik or "")
    assert existing.full_name in dialog.nik_note.text()
    assert "Buka data yang ada" in dialog.nik_note.text()
    fill_valid_form(qtbot, dialog)
    before = demo_store.participants.count()
    qtbot.keyClick(dialog.income, Qt.Key.Key_Return)
    assert dialog.isVisible() and "sudah terdaftar" in dialog.message.text()
    assert demo_store.participants.count() == before
    dialog.nik_note.linkActivated.emit("existing")  # the user follows the link
    assert not dialog.isVisible()
    assert existing.full_name in page.detail.toPlainText()


def test_a_draft_saves_with_almost_nothing_filled(qtbot, page, demo_store: Store) -> None:
    dialog = open_form(qtbot, page)
    qtbot.keyClicks(dialog.nik, "8103")
    qtbot.keyClicks(dialog.full_name, "Belum Lengkap")
    with qtbot.waitSignal(dialog.participant_saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    stored = demo_store.participants.get(saved.args[0])
    assert (stored.status, stored.nik, stored.nik_typed) == (ParticipantStatus.DRAFT, None, "8103")
    assert not page.pay_button.isEnabled()  # a draft cannot pay yet


def test_escape_cancels_without_saving(qtbot, page, demo_store: Store) -> None:
    dialog = open_form(qtbot, page)
    qtbot.keyClicks(dialog.full_name, "Tidak Jadi")
    before = demo_store.participants.count()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert demo_store.participants.count() == before


def test_a_failed_save_keeps_the_form_filled(qtbot, page, monkeypatch) -> None:
    dialog = open_form(qtbot, page)
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    fill_valid_form(qtbot, dialog)

    def disk_full(*_args, **_kwargs):
        raise StorageUnavailable("Disk penuh. Kosongkan ruang disk lalu coba lagi.")

    monkeypatch.setattr(dialog._service, "register", disk_full)
    qtbot.keyClick(dialog.income, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Disk penuh" in dialog.message.text() and "tetap ada" in dialog.message.text()
    assert dialog.nik.text() == NEW_NIK and dialog.address.text() == "RT 002/RW 001, Desa Wowonda"


def test_take_a_payment_then_void_the_receipt(qtbot, page, demo_store: Store) -> None:
    shown = page.detail.shown.participant
    qtbot.mouseClick(page.pay_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(PaymentDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.months.setCurrentIndex(dialog.months.findData(3))
    assert dialog.months_view.total_label.text().startswith("<b>Rp")
    with qtbot.waitSignal(dialog.payment_recorded, timeout=5000) as recorded:
        qtbot.keyClick(dialog.months, Qt.Key.Key_Return)
    receipt_no = recorded.args[0]
    payment = demo_store.payments.by_receipt(receipt_no)
    assert (payment.participant_id, payment.months) == (shown.stamp.id, 3)
    assert receipt_no in page.detail.toPlainText()

    page.void_receipt(receipt_no, reason="Salah orang: kuitansi untuk peserta lain")
    assert demo_store.payments.by_receipt(receipt_no).voided
    assert "BATAL: Salah orang: kuitansi untuk peserta lain" in page.detail.toPlainText()


def test_the_dialog_starts_at_the_first_unpaid_month_and_refuses_paid_ones(
    qtbot, page, demo_store: Store, tmp_path: Path
) -> None:
    """One payment per month: the start offered is the first unpaid month; choosing a month
    a live receipt covers shows why next to the start field and saving stays off."""
    qtbot.mouseClick(page.pay_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(PaymentDialog)
    first = dialog.period.first()
    with qtbot.waitSignal(dialog.payment_recorded, timeout=5000):
        qtbot.keyClick(dialog.months, Qt.Key.Key_Return)
    qtbot.mouseClick(page.pay_button, Qt.MouseButton.LeftButton)
    again = [d for d in page.findChildren(PaymentDialog) if d.isVisible()][-1]
    months = dialog.period.month_count()
    assert again.period.first() == add_months(first, months)  # right after the receipt
    assert not again.months_refused.isVisible() and again.save_button.isEnabled()
    again.first_month.setDate(QDate(first.year, first.month, 1))
    assert again.months_refused.isVisible() and not again.save_button.isEnabled()
    assert "Sudah dibayar dengan kuitansi lain" in again.months_refused.text()
    assert again.breakdown.text() == ""
    again.resize(560, 420)
    assert again.grab().save(str(tmp_path / "pay-refused.png"))
    again.reject()


def test_enrolment_and_payment_screenshots_have_text(qtbot, page, tmp_path: Path) -> None:
    from tests.gui.test_main_window import dark_pixels

    dialog = open_form(qtbot, page)
    qtbot.keyClicks(dialog.nik, NEW_NIK)
    fill_valid_form(qtbot, dialog)
    assert dialog.grab().save(str(tmp_path / "enrol.png"))
    assert dark_pixels(tmp_path / "enrol.png", min_width=900) > 800  # empty fields: ~320
    dialog.reject()
    qtbot.mouseClick(page.pay_button, Qt.MouseButton.LeftButton)
    payment = page.findChild(PaymentDialog)
    assert payment.grab().save(str(tmp_path / "pay.png"))
    assert dark_pixels(tmp_path / "pay.png", min_width=500) > 500

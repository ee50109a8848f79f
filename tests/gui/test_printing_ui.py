"""Printing from the pages: each button opens the right document in the preview, drawn off
the GUI thread; a refusal is told without stopping the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.document_preview import DocumentPreviewDialog
from outreach_app.ui.dialogs.payer_list import PayerListDialog
from outreach_app.ui.dialogs.payment import PaymentDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.models.visits import ObjectRole
from tests.conftest import TODAY
from tests.pdf_tools import pdf_pages_text


def shown(qtbot, window: MainWindow, name: str):
    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page(name)
    return window.page(name)


def opened(qtbot, window: MainWindow, action) -> DocumentPreviewDialog:
    assert window.documents is not None
    with qtbot.waitSignal(window.documents.opened, timeout=10_000) as signal:
        action()
    dialog = signal.args[0]
    assert isinstance(dialog, DocumentPreviewDialog) and dialog.isVisible()
    return dialog


def test_form_blank_form_and_a_receipt_from_the_participants_page(qtbot, window) -> None:
    page = shown(qtbot, window, "participants")
    assert page.print_button.isVisibleTo(page)
    person = page.detail.shown.participant
    form = opened(qtbot, window, page.print_form_action.trigger)
    assert person.full_name in form.windowTitle()
    assert person.nik in pdf_pages_text(form.pdf)[0]
    blank = opened(qtbot, window, page.print_blank_action.trigger)
    assert blank.file_name == "formulir-kosong.pdf" and blank.page_count >= 1

    receipt_no = page.detail.shown.payments[-1].receipt_no
    link = QUrl(f"print:{receipt_no}")
    receipt = opened(qtbot, window, lambda: page.detail.anchorClicked.emit(link))
    assert receipt.file_name == f"kuitansi-{receipt_no}.pdf"
    assert receipt_no in pdf_pages_text(receipt.pdf)[0]


def test_a_payment_opens_its_receipt_to_hand_over(qtbot, window, demo_store: Store) -> None:
    page = shown(qtbot, window, "participants")
    qtbot.mouseClick(page.pay_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(PaymentDialog)
    with (
        qtbot.waitSignal(window.documents.opened, timeout=10_000) as signal,
        qtbot.waitSignal(dialog.payment_recorded, timeout=5000) as recorded,
    ):
        qtbot.keyClick(dialog.months, Qt.Key.Key_Return)
    receipt_no = recorded.args[0]
    preview = signal.args[0]
    assert preview.windowTitle() == f"Kuitansi {receipt_no}"
    text = pdf_pages_text(preview.pdf)[0]
    assert receipt_no in text and "DEMO — data contoh" in text


def test_the_days_receipts_and_a_payer_list_from_the_payments_page(qtbot, window) -> None:
    page = shown(qtbot, window, "payments")
    day = opened(qtbot, window, page.print_day_action.trigger)
    assert day.page_count == len(page.sheet.receipts) + 1 > 2  # the recap page, then each
    page.receipts.clearSelection()
    page.receipts.setCurrentCell(-1, -1)
    page.print_selected()
    assert "Pilih kuitansi" in page.message.text()
    page.receipts.selectRow(0)
    one = opened(qtbot, window, page.print_selected)
    assert one.page_count == 1

    chooser = page.open_payer_list()
    assert isinstance(chooser, PayerListDialog) and chooser.payer.count() > 0
    _payer, month = chooser.chosen()
    assert month == TODAY.replace(month=12, day=1)  # next month by default
    bill = opened(qtbot, window, chooser.accept)
    assert "TOTAL TAGIHAN" in pdf_pages_text(bill.pdf)[-1]


def test_a_visit_report_and_a_refusal_from_the_visits_page(qtbot, window) -> None:
    page = shown(qtbot, window, "visits")
    assert not page.print_button.isEnabled()  # nothing selected yet
    page.table.selectRow(0)
    assert page.print_button.isEnabled()
    visit = page.selected_visit()
    report = opened(qtbot, window, page.print_report_action.trigger)
    assert "LAPORAN KUNJUNGAN DESA" in pdf_pages_text(report.pdf)[0]
    assert visit is not None
    future = next(
        row for row in range(page.proxy.rowCount())
        if page.proxy.data(page.proxy.index(row, 0), ObjectRole).visit_date > TODAY
    )  # fmt: skip
    page.table.selectRow(future)
    with qtbot.waitSignal(window.documents.refused, timeout=5000) as refused:
        page.print_forms_action.trigger()  # a visit still to come has enrolled nobody
    assert "Belum ada peserta" in refused.args[0]


def test_print_buttons_hide_without_a_print_service(qtbot, directory, worker, demo_store):
    """Pages built without printing (as some tools and tests do) show no dead button."""
    from outreach_app.services.payments import PaymentService
    from outreach_app.services.visits import VisitService
    from outreach_app.ui.actions import ParticipantActions
    from outreach_app.ui.pages.participants import ParticipantsPage
    from outreach_app.ui.pages.payments import PaymentsPage
    from outreach_app.ui.pages.visits import VisitsPage

    pages = [
        ParticipantsPage(directory, worker, ParticipantActions(None, None, None)),  # type: ignore[arg-type]
        PaymentsPage(PaymentService(demo_store, None), worker, None, TODAY),  # type: ignore[arg-type]
        VisitsPage(VisitService(demo_store, None, lambda: TODAY), worker, None),  # type: ignore[arg-type]
    ]
    for page in pages:
        qtbot.addWidget(page)
        assert not page.print_button.isVisibleTo(page)

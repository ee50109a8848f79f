"""The void confirmation (person, masked NIK, months, amount, receipt number, a reason that
is a sentence; a request when the rule leaves the void to staff) and staff's review of void
requests, driven as a user would, with screenshots at 1366x768 in Indonesian and English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from outreach_app.domain.models import Payment, User
from outreach_app.domain.nik import masked_nik
from outreach_app.domain.voids import VoidRequestStatus
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.payments import PaymentService
from outreach_app.services.voids import VoidService
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.void_receipt import VoidReceiptDialog
from outreach_app.ui.dialogs.void_requests import VoidRequestsDialog
from outreach_app.ui.translations import QT_LOCALES
from tests.gui.test_main_window import dark_pixels

ENGLISH_QM = Path(__file__).resolve().parents[2] / "resources/translations/outreach_en.qm"
SENTENCE = "peserta minta tiga bulan, bukan satu; kuitansi baru dibuat"


def take(store: Store, schedule, agent: User, days_ago: int = 0) -> Payment:
    person = next(
        p for p in store.participants.all() if p.registered_on and p.agent_id == agent.stamp.id
    )
    paid_at = store.now() - dt.timedelta(days=days_ago)
    return PaymentService(store, schedule).record(person.stamp.id, 3, agent, paid_at=paid_at)


def dialog_request(store: Store, payment: Payment) -> str:
    [request] = store.void_requests.of_payment(payment.stamp.id)
    return request.stamp.id


def void_dialog(qtbot, store: Store, payment: Payment, actor: User) -> VoidReceiptDialog:
    dialog = VoidReceiptDialog(VoidService(store), payment.receipt_no, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def text_of(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in widget.findChildren(QLabel))


def test_the_confirmation_shows_whose_receipt_and_voids_it(qtbot, demo_store, schedule) -> None:
    agent = demo_store.users.by_username("agen.saumlaki")
    payment = take(demo_store, schedule, agent)
    dialog = void_dialog(qtbot, demo_store, payment, agent)
    person = demo_store.participants.get(payment.participant_id)
    shown = text_of(dialog)
    for part in (
        person.full_name,
        masked_nik(person.nik),
        format_rupiah(payment.total),
        payment.receipt_no,
        "3 bulan",
        "dibatalkan sekarang",
    ):
        assert part in shown
    assert person.nik not in shown  # masked, as on the receipt
    assert dialog.confirm.text() == "Batalkan kuitansi"
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)  # no sentence yet
    assert "kalimat" in dialog.message.text()
    assert not demo_store.payments.by_receipt(payment.receipt_no).voided
    dialog.category.setCurrentIndex(1)  # Salah jumlah bulan
    qtbot.keyClicks(dialog.text, SENTENCE)
    with qtbot.waitSignal(dialog.voided, timeout=2000):
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    voided = demo_store.payments.by_receipt(payment.receipt_no)
    assert voided.voided and voided.void_reason == f"Salah jumlah bulan: {SENTENCE}"


def test_an_older_receipt_files_a_request_and_says_so(qtbot, demo_store, schedule) -> None:
    agent = demo_store.users.by_username("agen.saumlaki")
    payment = take(demo_store, schedule, agent, days_ago=1)
    dialog = void_dialog(qtbot, demo_store, payment, agent)
    assert "permintaan pembatalan" in dialog.notice.text()
    assert "bukan dari hari ini" in dialog.notice.text()
    assert dialog.confirm.text() == "Ajukan permintaan pembatalan"
    qtbot.keyClicks(dialog.text, SENTENCE)
    with qtbot.waitSignal(dialog.request_filed, timeout=2000):
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert not demo_store.payments.by_receipt(payment.receipt_no).voided
    [request] = demo_store.void_requests.pending()
    assert request.receipt_no == payment.receipt_no
    again = void_dialog(qtbot, demo_store, payment, agent)  # already asked: nothing to confirm
    assert not again.confirm.isEnabled() and "menunggu keputusan" in again.notice.text()


def test_staff_approve_and_refuse_from_the_review_list(qtbot, demo_store, schedule) -> None:
    agent = demo_store.users.by_username("agen.saumlaki")
    staff = demo_store.users.by_username("staf.maluku")
    voids = VoidService(demo_store)
    first, second = (take(demo_store, schedule, agent, days_ago=2) for _ in range(2))
    for payment in (first, second):
        voids.void_or_request(payment.receipt_no, f"Salah jumlah bulan: {SENTENCE}", agent)
    dialog = VoidRequestsDialog(voids, staff)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 2).text() == first.receipt_no
    assert dialog.table.item(0, 6).text() == format_rupiah(first.total)
    qtbot.mouseClick(dialog.approve, Qt.MouseButton.LeftButton)  # no reason: refused
    assert "kalimat" in dialog.message.text() and dialog.table.rowCount() == 2
    qtbot.keyClicks(dialog.decision, "Sudah dicek ke peserta lewat telepon")
    with qtbot.waitSignal(dialog.decided, timeout=2000):
        qtbot.mouseClick(dialog.approve, Qt.MouseButton.LeftButton)
    # approved; the branch server voids the receipt when the decision reaches it
    assert (
        demo_store.void_requests.get(dialog_request(demo_store, first)).status
        is VoidRequestStatus.APPROVED
    )
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == second.receipt_no
    qtbot.keyClicks(dialog.decision, "Uangnya sudah disetor ke bank kemarin")
    with qtbot.waitSignal(dialog.decided, timeout=2000):
        qtbot.mouseClick(dialog.refuse, Qt.MouseButton.LeftButton)
    assert not demo_store.payments.by_receipt(second.receipt_no).voided
    assert {r.status for r in demo_store.void_requests.all()} == {
        VoidRequestStatus.APPROVED,
        VoidRequestStatus.REFUSED,
    }
    assert dialog.table.rowCount() == 0 and "Tidak ada" in dialog.summary.text()
    # the agent, opening the refused receipt's confirmation again, reads who refused and why
    again = void_dialog(qtbot, demo_store, second, agent)
    assert "ditolak oleh Maria Latuconsina" in again.notice.text()
    assert "Uangnya sudah disetor ke bank kemarin" in again.notice.text()


@pytest.fixture
def english(qapp: QApplication):
    """This checkout's English translation, loaded from its file."""
    translator = QTranslator()
    assert translator.load(str(ENGLISH_QM))
    qapp.installTranslator(translator)
    QLocale.setDefault(QT_LOCALES["en"])  # months named in English, as the app sets it
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(QT_LOCALES["id"])


def shoot(qtbot, widget: QWidget, path: Path) -> int:
    """The dialog centred on a 1366x768 screen, as the user sees it, saved as a PNG."""
    screen = QWidget()
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.setStyleSheet("background: #e5e7eb;")
    widget.setParent(screen, Qt.WindowType.Widget)
    # as open() sizes it: the size the dialog asked for, else its size hint
    asked = widget.testAttribute(Qt.WidgetAttribute.WA_Resized)
    widget.resize(widget.size().expandedTo(widget.sizeHint()) if asked else widget.sizeHint())
    widget.move((1366 - widget.width()) // 2, (768 - widget.height()) // 2)
    screen.show()
    widget.show()
    QCoreApplication.processEvents()
    assert widget.width() <= 1366 and widget.height() <= 768
    assert screen.grab().save(str(path))
    return dark_pixels(path)


@pytest.mark.parametrize("language", ["id", "en"])
def test_screenshots_have_text(qtbot, demo_store, schedule, tmp_path, request, language) -> None:
    if language == "en":
        request.getfixturevalue("english")
    agent = demo_store.users.by_username("agen.saumlaki")
    staff = demo_store.users.by_username("staf.maluku")
    today = take(demo_store, schedule, agent)
    older = take(demo_store, schedule, agent, days_ago=1)
    direct = VoidReceiptDialog(VoidService(demo_store), today.receipt_no, agent)
    asking = VoidReceiptDialog(VoidService(demo_store), older.receipt_no, agent)
    asking.text.setPlainText(SENTENCE)
    VoidService(demo_store).void_or_request(
        older.receipt_no, f"Pembayaran ganda: {SENTENCE}", agent
    )
    review = VoidRequestsDialog(VoidService(demo_store), staff)
    if language == "en":
        assert direct.confirm.text() == "Void receipt"
        assert "void request" in asking.notice.text()
        assert review.approve.text() == "Approve (void the receipt)"
    # (the review is mostly an empty table, its one row white on blue: fewer dark pixels)
    for name, dialog, least in (
        ("void", direct, 400),
        ("request", asking, 400),
        ("review", review, 150),
    ):
        assert shoot(qtbot, dialog, tmp_path / f"{name}-{language}.png") > least


def test_the_payments_page_opens_the_confirmation_and_staff_the_review(
    qtbot, window, demo_store, schedule
) -> None:
    """The page's void goes through the confirmation; the review button is staff's only."""
    from outreach_app.ui.pages.payments import PaymentsPage

    with qtbot.waitSignal(window.page_loaded, timeout=5000):
        window.show_page("payments")
    page: PaymentsPage = window.payments_page
    agent = demo_store.users.by_username("agen.saumlaki")
    payment = take(demo_store, schedule, agent)
    assert not page.void_receipt(payment.receipt_no)  # nothing voided yet: a dialog asks
    assert isinstance(page.void_dialog, VoidReceiptDialog) and page.void_dialog.isVisible()
    assert page.void_dialog.preview.payment.receipt_no == payment.receipt_no
    page.void_dialog.reject()
    assert page.requests_button.parent() is None or not page.requests_button.isVisible()

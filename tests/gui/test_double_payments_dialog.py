"""Staff settle double payments from the Payments page: the list shows the person (masked
NIK), the months covered twice, the double receipt and the one it repeats; one is credited,
one refunded with a note that opens as the refund PDF; both move to the settled tab. Screenshots
at 1366x768 in Indonesian and English."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from outreach_app.domain.double_payments import SettlementKind
from outreach_app.domain.models import Payment, Role, SyncStamp
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.double_payments import DoublePaymentService
from outreach_app.services.printing import PrintService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.services.setup import SetupService
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.double_payments import DoublePaymentsDialog
from outreach_app.ui.documents import DocumentActions
from outreach_app.ui.workers import Worker
from tests.conftest import TODAY
from tests.gui.test_void_dialogs import english, shoot  # noqa: F401 (a fixture)
from tests.pdf_tools import pdf_pages_text


def make_doubles(store: Store, count: int) -> list[Payment]:
    """What second laptops' receipts for months already paid look like once synced here."""
    firsts: dict[str, Payment] = {}
    for paid in store.payments.all():
        if not paid.voided and paid.months >= 3 and paid.participant_id not in firsts:
            firsts[paid.participant_id] = paid
    twins = []
    for number, paid in enumerate(list(firsts.values())[:count]):
        twin = dataclasses.replace(
            paid, stamp=SyncStamp.new(), receipt_no=f"LAPTOPB-{900 + number:06d}", months=1,
            paid_at=paid.paid_at + dt.timedelta(hours=1 + number),
        )  # fmt: skip
        store.payments.add(twin)
        twins.append(twin)
    return twins


@pytest.fixture
def documents(demo_store: Store, schedule, worker: Worker, tmp_path: Path) -> DocumentActions:
    setup = SetupService(demo_store, tmp_path / "config.json", tmp_path / "docs")
    signer = ReceiptSigner(demo_store)
    return DocumentActions(lambda: PrintService(demo_store, schedule, signer), setup, worker, None)


def test_staff_credit_one_and_refund_another_with_its_note(
    qtbot, demo_store: Store, documents: DocumentActions, tmp_path: Path
) -> None:
    staff = demo_store.users.by_username("staf.maluku")
    assert staff.role is Role.STAFF
    credited, refunded = make_doubles(demo_store, 2)
    dialog = DoublePaymentsDialog(demo_store, staff, documents)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2 and dialog.done_table.rowCount() == 0
    person = demo_store.participants.get(credited.participant_id)
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[0] == person.full_name and row[1] == masked_nik(person.nik)
    assert "(1 bln)" in row[2]
    assert row[3] == credited.receipt_no and row[6] == format_rupiah(credited.total)
    first = dialog.lines[0].double.first
    assert row[7].startswith(first.receipt_no) and first.receipt_no != credited.receipt_no
    assert person.nik not in " ".join(row)

    with qtbot.waitSignal(dialog.settled, timeout=2000):
        qtbot.mouseClick(dialog.credit, Qt.MouseButton.LeftButton)
    assert demo_store.payments.by_receipt(credited.receipt_no).voided
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == refunded.receipt_no
    assert dialog.done_table.rowCount() == 1
    assert dialog.done_table.item(0, 4).text() == "Dikreditkan oleh Maria Latuconsina"

    prompt = dialog.ask_refund()
    assert (
        prompt is not None
        and refunded.receipt_no in prompt.findChildren(type(dialog.summary))[0].text()
    )
    prompt.note.setText("Diterima tunai oleh peserta di kantor desa")
    with qtbot.waitSignal(documents.opened, timeout=10_000) as opened:
        qtbot.mouseClick(prompt.confirm, Qt.MouseButton.LeftButton)
    preview = opened.args[0]
    assert preview.file_name == f"pengembalian-{refunded.receipt_no}.pdf"
    (tmp_path / "refund-note.pdf").write_bytes(preview.pdf)  # to render and look at
    note_text = pdf_pages_text(preview.pdf)[0]
    assert refunded.receipt_no in note_text
    assert "Diterima tunai oleh peserta di kantor desa" in " ".join(note_text.split())
    preview.close()
    assert demo_store.payments.by_receipt(refunded.receipt_no).voided
    [settlement] = [s for s in demo_store.settlements.all() if s.kind is SettlementKind.REFUND]
    assert settlement.amount == refunded.total
    assert dialog.table.rowCount() == 0 and "Tidak ada pembayaran ganda" in dialog.summary.text()
    assert not dialog.credit.isEnabled() and not dialog.refund.isEnabled()
    assert dialog.done_table.rowCount() == 2  # newest first: the refund, with its note
    assert dialog.done_table.item(0, 4).text().startswith("Dikembalikan")
    assert dialog.done_table.item(0, 6).text() == "Diterima tunai oleh peserta di kantor desa"
    dialog.tabs.setCurrentIndex(1)
    dialog.done_table.selectRow(0)
    assert dialog.reprint.isEnabled()
    with qtbot.waitSignal(documents.opened, timeout=10_000) as again:
        qtbot.mouseClick(dialog.reprint, Qt.MouseButton.LeftButton)
    again.args[0].close()
    dialog.done_table.selectRow(1)  # a credit has no note to print
    assert not dialog.reprint.isEnabled()


def test_only_staff_see_the_button_and_it_opens_the_dialog(
    qtbot, demo_store: Store, schedule, worker: Worker, documents: DocumentActions, tmp_path: Path
) -> None:
    from outreach_app.services.payments import PaymentService
    from outreach_app.ui.pages.payments import PaymentsPage

    service = PaymentService(demo_store, schedule)
    pages = {}
    for username in ("agen.saumlaki", "staf.maluku"):
        user = demo_store.users.by_username(username)
        page = PaymentsPage(service, worker, user, TODAY, documents)
        qtbot.addWidget(page)
        page.show()
        pages[username] = page
    assert not pages["agen.saumlaki"].doubles_button.isVisible()
    staff_page = pages["staf.maluku"]
    assert staff_page.doubles_button.isVisible()
    assert staff_page.doubles_button.text() == "Pembayaran ganda…"
    staff_page.resize(1366, 768)
    with qtbot.waitSignal(staff_page.loaded, timeout=5000):
        staff_page.load()
    assert staff_page.grab().save(str(tmp_path / "payments-staff.png"))  # the bar still fits
    # the page beside the sidebar of a 1366 px window has 1172 px: staff's buttons still fit
    assert staff_page.minimumSizeHint().width() <= 1172
    dialog = staff_page.open_double_payments()
    assert isinstance(dialog, DoublePaymentsDialog) and dialog.isVisible()
    assert "Tidak ada pembayaran ganda" in dialog.summary.text()
    dialog.close()


@pytest.mark.parametrize("language", ["id", "en"])
def test_screenshots_have_text(qtbot, demo_store, tmp_path, request, language) -> None:
    if language == "en":
        request.getfixturevalue("english")
    staff = demo_store.users.by_username("staf.maluku")
    credited, _rest, _more, refunded = make_doubles(demo_store, 4)
    note = "Diterima tunai oleh peserta di kantor desa"
    DoublePaymentService(demo_store).settle(refunded.receipt_no, SettlementKind.REFUND, staff, note)
    dialog = DoublePaymentsDialog(demo_store, staff)
    dialog.table.selectRow(0)
    dialog._settle(dialog.lines[0], SettlementKind.CREDIT, "")
    if language == "en":
        assert dialog.credit.text() == "Credit to the next months"
        assert dialog.tabs.tabText(1) == "Settled"
    prompt = dialog.ask_refund()
    assert prompt is not None
    prompt.note.setText(note)
    assert shoot(qtbot, prompt, tmp_path / f"refund-{language}.png") > 150
    settled = DoublePaymentsDialog(demo_store, staff)
    settled.tabs.setCurrentIndex(1)
    assert shoot(qtbot, dialog, tmp_path / f"doubles-{language}.png") > 300
    assert shoot(qtbot, settled, tmp_path / f"settled-{language}.png") > 150
    assert demo_store.payments.by_receipt(credited.receipt_no).voided
    for line in DoublePaymentService(demo_store).open_doubles():
        DoublePaymentService(demo_store).settle(
            line.double.payment.receipt_no, SettlementKind.REFUND, staff, "diambil sendiri"
        )
    empty = DoublePaymentsDialog(demo_store, staff)
    assert "Tidak ada pembayaran ganda" in empty.summary.text() or language == "en"
    assert shoot(qtbot, empty, tmp_path / f"empty-{language}.png") > 100

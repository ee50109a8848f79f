"""The printed receipt: every field and amount in the PDF text, the QR code read back from a
rendered page and verified, void and demo marks, batches, and atomic writing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import long_date
from outreach_app.reference.money_text import amount_in_words, format_rupiah
from outreach_app.services.printing import NothingToPrint, PrintService, write_pdf
from outreach_app.services.receipts import ReceiptNotGenuine, ReceiptSigner, ReceiptVerifier
from outreach_app.services.setup import current_user
from outreach_app.storage.store import Store
from tests.conftest import TODAY
from tests.pdf_tools import pdf_pages_text, read_qr_codes, render_pages


@pytest.fixture
def printer(demo_store: Store, schedule) -> PrintService:
    return PrintService(demo_store, schedule, ReceiptSigner(demo_store), demo=False)


def discounted_receipt(store: Store):
    row = store.db.execute(
        "SELECT receipt_no FROM payments WHERE jht > 0 AND discount > 0 AND voided = 0 LIMIT 1"
    ).fetchone()
    return store.payments.by_receipt(row[0])


def test_every_field_and_amount_is_printed(printer, demo_store: Store) -> None:
    payment = discounted_receipt(demo_store)
    person = demo_store.participants.get(payment.participant_id)
    (text,) = pdf_pages_text(printer.receipt(payment.receipt_no))
    for expected in (
        payment.receipt_no,
        person.full_name,
        masked_nik(person.nik),
        format_rupiah(payment.jkk),
        format_rupiah(payment.jkm),
        format_rupiah(payment.jht),
        "-" + format_rupiah(payment.discount),
        "Potongan iuran (PP 50/2025)",
        format_rupiah(payment.total),
        amount_in_words(payment.total),
        "Tunai",
    ):
        assert text.count(expected) >= 2, expected  # once on each copy
    assert "Lembar untuk peserta" in text and "Lembar arsip agen" in text
    assert person.nik not in text  # the full NIK never prints on a receipt
    assert "DEMO — data contoh" not in text
    assert "BATAL" not in text


def test_every_receipt_prints_until_when_it_protects(printer, demo_store: Store) -> None:
    """ "Terlindungi s.d." and the last day of the last month the receipt pays, on each copy
    of every receipt of a batch (one month, several, across a year's end)."""
    rows = demo_store.db.execute(
        "SELECT receipt_no FROM payments WHERE voided = 0 ORDER BY months DESC, receipt_no"
    ).fetchall()
    payments = [demo_store.payments.by_receipt(row[0]) for row in rows]
    assert {p.months for p in payments} >= {1, 3}
    for payment in payments[:3] + payments[-2:]:
        (text,) = pdf_pages_text(printer.receipt(payment.receipt_no))
        last_day = payment.period_end
        assert last_day.month != (last_day + dt.timedelta(days=1)).month  # a month's last day
        assert text.count("Terlindungi s.d.") == 2, payment.receipt_no
        assert text.count(long_date(last_day)) >= 2, (payment.receipt_no, long_date(last_day))


def test_the_qr_code_reads_back_and_verifies(printer, demo_store, tmp_path: Path) -> None:
    payment = discounted_receipt(demo_store)
    person = demo_store.participants.get(payment.participant_id)
    (page,) = render_pages(printer.receipt(payment.receipt_no), tmp_path)
    codes = read_qr_codes(page)
    assert len(codes) == 2 and codes[0] == codes[1]  # both copies
    checked = ReceiptVerifier(demo_store).verify(codes[0], nik=person.nik)
    assert checked.claim.amount == payment.total and checked.nik_matches
    tampered = codes[0].replace(f":{payment.total}:", f":{payment.total + 100}:")
    with pytest.raises(ReceiptNotGenuine):
        ReceiptVerifier(demo_store).verify(tampered)


def test_a_voided_receipt_prints_marked_void(printer, demo_store: Store) -> None:
    payment = discounted_receipt(demo_store)
    demo_store.payments.void(payment.receipt_no, "Salah orang")
    (text,) = pdf_pages_text(printer.receipt(payment.receipt_no))
    assert text.count("BATAL") >= 2 and "DIBATALKAN: Salah orang" in text


def test_demo_pages_say_demo(demo_store: Store, schedule) -> None:
    demo = PrintService(demo_store, schedule, ReceiptSigner(demo_store), demo=True)
    (text,) = pdf_pages_text(demo.receipt(discounted_receipt(demo_store).receipt_no))
    assert "DEMO — data contoh, bukan dokumen resmi" in text


def test_a_days_receipts_print_as_one_pdf(printer, demo_store: Store) -> None:
    agent = current_user(demo_store)
    assert agent is not None
    expected = demo_store.payments.collected_on(agent.stamp.id, TODAY)
    assert len(expected) > 1
    recap, *pages = pdf_pages_text(printer.receipts_of_day(agent.stamp.id, TODAY))
    assert "REKAP KUITANSI HARIAN" in recap and f"{len(expected)} kuitansi dicetak" in recap
    assert len(pages) == len(expected)
    assert all(p.receipt_no in page for p, page in zip(expected, pages, strict=True))
    with pytest.raises(NothingToPrint):
        printer.receipts_of_day(agent.stamp.id, TODAY.replace(year=2020))


def test_unknown_receipt_numbers_are_refused(printer) -> None:
    with pytest.raises(NothingToPrint, match="DEMO-999999"):
        printer.receipt("DEMO-999999")


def test_long_names_shrink_rather_than_run_into_the_qr_code(printer, demo_store) -> None:
    payment = discounted_receipt(demo_store)
    content = printer.receipt_content(payment)
    long_name = "Maria Goreti Fransiska Xaveria Batlayeri Fenanlampir Ratuanak Sainyakit"
    from outreach_app.documents.receipt import render_receipts

    (text,) = pdf_pages_text(render_receipts([replace(content, participant_name=long_name)]))
    assert long_name in text.replace("\n", " ")


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "kuitansi.pdf"
    write_pdf(b"%PDF-1.4 first", target)
    assert target.read_bytes() == b"%PDF-1.4 first"

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("outreach_app.files.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_pdf(b"%PDF-1.4 second", target)
    assert target.read_bytes() == b"%PDF-1.4 first"  # the old file, untouched
    assert [p.name for p in target.parent.iterdir()] == ["kuitansi.pdf"]  # no leftovers

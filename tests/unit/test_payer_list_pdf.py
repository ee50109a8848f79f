"""The collective list and bill: every participant row and amount in the PDF text, page
subtotals adding up to the total (in figures and words), page numbers on every page, the total
and the signatures only on the last page, months paid already listed but not billed, and the
list billing exactly what `record_group` then takes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from outreach_app.documents.payer_list import PayerListContent, PayerListRow, render_payer_list
from outreach_app.domain.models import (
    Participant,
    ParticipantStatus,
    Payer,
    PayerType,
    Sex,
    SyncStamp,
)
from outreach_app.domain.nik import build_nik, masked_nik
from outreach_app.reference.money_text import amount_in_words, format_rupiah, parse_rupiah
from outreach_app.services.list_printing import PayerListPrinter
from outreach_app.services.payments import PaymentService
from outreach_app.services.printing import NothingToPrint
from outreach_app.services.setup import current_user
from outreach_app.storage.store import Store
from tests.conftest import TODAY
from tests.factories import make_participant
from tests.pdf_tools import pdf_pages_text, render_pages

DEMO_LINE = "DEMO — data contoh, bukan dokumen resmi"
LONG_NAME = "Maria Goreti Fransiska Xaveria Batlayeri Fenanlampir Ratuanak Sainyakit"
SUBTOTAL = re.compile(r"Jumlah halaman (\d+) \((\d+) peserta ditagih\) (Rp[0-9.]+)")


def flat(text: str) -> str:
    """The text with every run of white space made one space: wrapped lines read as typed."""
    return " ".join(text.split())


def add_payer(store: Store, name: str, people: int, payer_type: PayerType = PayerType.APBDES):
    """A payer with `people` registered participants (unique NIKs, one with a long name)."""
    village = store.villages.all()[0]
    branch = store.branches.get(village.branch_id)
    payer = Payer(SyncStamp.new(), payer_type, name, branch.stamp.id)
    store.payers.add(payer)
    members = [
        make_participant(
            village.stamp.id,
            nik=build_nik("819901", dt.date(1990, 1, 1), Sex.MALE, serial),
            full_name=LONG_NAME if serial == 7 else f"Peserta Uji {serial:03d}",
            declared_income=1_000_000 + 250_000 * (serial % 5),
            include_jht=serial % 3 == 0,
            payer_id=payer.stamp.id,
        )
        for serial in range(1, people + 1)
    ]
    store.participants.add_many(members)
    return payer, members


@pytest.fixture
def printer(demo_store: Store, schedule) -> PayerListPrinter:
    return PayerListPrinter(demo_store, schedule, TODAY)


@pytest.fixture
def big_payer(demo_store: Store) -> tuple[Payer, list[Participant]]:
    return add_payer(demo_store, "Dana Desa Uji Coba Wowonda (APBDes)", 130)


def row_text(number: int, row: PayerListRow) -> str:
    """How one row reads in the PDF text, cell by cell."""
    start = f"{number}. {row.name} {masked_nik(row.nik)} {row.village}"
    if row.billed:
        return f"{start} {row.months} bln {format_rupiah(row.amount)}"
    if row.not_billed:
        return f"{start} {row.not_billed} — —"
    return f"{start} {row.paid_receipt} Lunas —"


def check_list(content: PayerListContent, pages: list[str]) -> None:
    """Every row, the subtotals, the total and the page numbers, as the payer would check."""
    texts = [flat(page) for page in pages]
    whole = " ".join(texts)
    for number, row in enumerate(content.rows, start=1):
        assert row_text(number, row) in whole, row_text(number, row)
    subtotals = []
    for index, text in enumerate(texts, start=1):
        assert f"Halaman {index} dari {len(pages)}" in text
        found = SUBTOTAL.findall(text)
        assert len(found) == 1 and int(found[0][0]) == index, text[-400:]  # never split
        subtotals.append((int(found[0][1]), parse_rupiah(found[0][2])))
        assert "No. Nama peserta NIK Desa Keterangan Bulan Iuran" in text  # header on each page
    assert sum(count for count, _ in subtotals) == content.billed_count
    assert sum(amount for _, amount in subtotals) == content.total
    assert content.total == sum(row.amount for row in content.rows)
    *earlier, last = texts
    total_line = f"TOTAL TAGIHAN IURAN {content.period.upper()} {format_rupiah(content.total)}"
    assert total_line in last
    assert f"Terbilang: {amount_in_words(content.total)}" in last
    assert "Disetujui untuk dibayar" in last and "Diperiksa oleh" in last
    assert SUBTOTAL.search(last.split("TOTAL TAGIHAN")[0])  # rows stay with the total
    for text in earlier:
        assert "TOTAL TAGIHAN" not in text and "Terbilang" not in text
        assert "Disetujui untuk dibayar" not in text


def test_a_demo_payers_list_prints_every_row_and_amount(printer, demo_store, schedule) -> None:
    payer = max(
        demo_store.payers.all(), key=lambda p: len(demo_store.participants.of_payer(p.stamp.id))
    )
    content = printer.content(payer.stamp.id, TODAY)
    pages = pdf_pages_text(printer.payer_list(payer.stamp.id, TODAY))
    check_list(content, pages)
    quote = PaymentService(demo_store, schedule).quote_group(payer.stamp.id, 1, TODAY)
    assert content.total == quote.total and content.billed_count == len(quote.lines)
    assert len(content.rows) == len(quote.lines) + quote.already_paid + len(quote.refused)
    first = flat(pages[0])
    assert payer.name in first and "November 2026" in first and "21 November 2026" in first
    assert "Kantor Cabang" in first and "APBD" in first
    for person in demo_store.participants.of_payer(payer.stamp.id):
        assert person.nik not in "".join(pages)  # the full NIK never prints
    assert DEMO_LINE not in "".join(pages)


def test_a_long_list_spans_pages_with_the_total_on_the_last(
    printer, big_payer, tmp_path: Path
) -> None:
    payer, _ = big_payer
    content = printer.content(payer.stamp.id, TODAY)
    assert len(content.rows) == 130 and content.billed_count == 130
    data = printer.payer_list(payer.stamp.id, TODAY)
    pages = pdf_pages_text(data)
    assert len(pages) >= 3
    check_list(content, pages)
    for text in pages[1:]:
        assert flat(text).startswith(f"Daftar Peserta dan Tagihan Iuran Kolektif · {payer.name}")
    assert LONG_NAME in flat(" ".join(pages))  # wrapped in its cell, not cut
    assert len(render_pages(data, tmp_path, dpi=40)) == len(pages)


def test_paid_months_are_listed_but_not_billed_again(printer, demo_store, schedule, big_payer):
    payer, members = big_payer
    service = PaymentService(demo_store, schedule)
    agent = current_user(demo_store)
    assert agent is not None
    at = dt.datetime.combine(TODAY, dt.time(10, 0)).astimezone()  # the rule judges on TODAY
    paid = [service.record(person.stamp.id, 3, agent, first_month=dt.date(2026, 11, 1), paid_at=at)
            for person in members[:4]]  # fmt: skip
    content = printer.content(payer.stamp.id, TODAY)
    by_name = {row.name: row for row in content.rows}
    for person, payment in zip(members[:4], paid, strict=True):
        row = by_name[person.full_name]
        assert not row.billed and row.amount == 0 and row.paid_receipt == payment.receipt_no
    check_list(content, pdf_pages_text(printer.payer_list(payer.stamp.id, TODAY)))
    assert content.billed_count == 126
    taken = service.record_group(payer.stamp.id, 1, TODAY, agent)  # what the payer then pays
    assert sum(payment.total for payment in taken) == content.total
    with pytest.raises(NothingToPrint, match="sudah dibayar"):
        printer.payer_list(payer.stamp.id, TODAY)


def test_drafts_and_deleted_participants_are_left_out(printer, demo_store) -> None:
    payer, members = add_payer(demo_store, "Sponsor Uji", 3, PayerType.SPONSOR)
    demo_store.participants.delete(members[0].stamp.id)
    draft = make_participant(None, nik=None, full_name="Draf Belum Lengkap",
                             status=ParticipantStatus.DRAFT, payer_id=payer.stamp.id)  # fmt: skip
    demo_store.participants.add(draft)
    content = printer.content(payer.stamp.id, TODAY)
    assert [row.name for row in content.rows] == [m.full_name for m in members[1:]]
    text = flat(" ".join(pdf_pages_text(printer.payer_list(payer.stamp.id, TODAY))))
    assert members[0].full_name not in text and "Draf Belum Lengkap" not in text
    assert "Sponsor / bapak asuh" in text


def test_demo_lists_say_demo_on_every_page(demo_store, schedule, big_payer) -> None:
    demo = PayerListPrinter(demo_store, schedule, TODAY, demo=True)
    pages = pdf_pages_text(demo.payer_list(big_payer[0].stamp.id, TODAY))
    assert len(pages) > 1 and all(DEMO_LINE in page for page in pages)


def test_unknown_or_empty_payers_print_nothing(printer, demo_store) -> None:
    with pytest.raises(NothingToPrint, match="tidak ada"):
        printer.payer_list("no-such-payer", TODAY)
    payer, _ = add_payer(demo_store, "Pembayar Tanpa Peserta", 0)
    with pytest.raises(NothingToPrint, match="belum membayari"):
        printer.payer_list(payer.stamp.id, TODAY)


@pytest.mark.parametrize("count", [1, 12, 26, 30, 34, 37, 38, 44])
def test_rows_near_a_page_break_never_split_a_page_or_orphan_the_total(count: int) -> None:
    """Around a full first page: every table fits its page, the total keeps rows with it."""
    rows = tuple(
        PayerListRow(f"Peserta {n}", None, "Wowonda", 0 if n % 4 == 0 else 1,
                     0 if n % 4 == 0 else 16_800 + n, "PRSA1B2C-000123" if n % 4 == 0 else "")
        for n in range(count)
    )  # fmt: skip
    content = PayerListContent("Dana Desa Wowonda", PayerType.APBDES, "Kantor Cabang Maluku",
                               dt.date(2026, 11, 1), 1, TODAY, rows)  # fmt: skip
    check_list(content, pdf_pages_text(render_payer_list(content)))
    several = dataclasses.replace(content, months=3)
    assert "November 2026–Januari 2027" in flat(pdf_pages_text(render_payer_list(several))[0])

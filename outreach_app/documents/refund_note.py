"""The refund note (Bukti Pengembalian Iuran Ganda): the paper the participant signs when the
branch gives back a premium taken twice (two laptops took the same months offline).

The double receipt is voided, so the participant's paper receipt no longer proves anything;
this note says which receipt it was, which months both receipts paid, the amount given back in
figures and words, and has places for the participant and the staff member to sign.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from outreach_app.documents.pages import (
    FRAME_WIDTH,
    build_pdf,
    cell_styles,
    details_table,
    document_heading,
    escape_markup,
    signature_table,
)
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import long_date, month_span
from outreach_app.reference.money_text import amount_in_words, format_rupiah

TITLE = "Bukti Pengembalian Iuran Ganda"


@dataclass(frozen=True, slots=True)
class RefundNote:
    participant_name: str
    nik: str | None
    receipt_no: str  # the double receipt, now voided
    first_receipt_no: str  # the receipt that paid the months first
    months: tuple[dt.date, ...]  # the months both receipts paid
    amount: int
    refunded_on: dt.date
    staff_name: str
    branch_name: str
    note: str = ""


def refund_note_pdf(note: RefundNote, demo: bool = False) -> bytes:
    s = cell_styles()
    e = escape_markup
    span = month_span(note.months[0], note.months[-1])
    story: list[Flowable] = [
        *document_heading(TITLE, f"{e(note.branch_name)} · {long_date(note.refunded_on)}"),
        details_table(
            [
                ("Nama peserta", f"<b>{e(note.participant_name)}</b>", "NIK", masked_nik(note.nik)),
                (
                    "Kuitansi ganda",
                    f"<b>{e(note.receipt_no)}</b> (dibatalkan)",
                    "Dibayar lebih dulu",
                    e(note.first_receipt_no),
                ),
                ("Bulan dibayar dua kali", e(span), "", ""),
            ],
            (38 * mm, 62 * mm, 34 * mm, FRAME_WIDTH - 134 * mm),
        ),
        Spacer(1, 5 * mm),
        Paragraph(
            f"Iuran bulan {e(span)} sudah dibayar dengan kuitansi {e(note.first_receipt_no)}. "
            f"Kuitansi {e(note.receipt_no)} membayar bulan yang sama untuk kedua kalinya, "
            "sehingga dibatalkan dan uangnya dikembalikan kepada peserta.",
            s["value"],
        ),
        Spacer(1, 4 * mm),
        Paragraph(f"<b>Jumlah dikembalikan: {format_rupiah(note.amount)}</b>", s["value"]),
        Paragraph(f"Terbilang: {e(amount_in_words(note.amount))}", s["value"]),
    ]
    if note.note:
        story += [Spacer(1, 3 * mm), Paragraph(f"Catatan: {e(note.note)}", s["value"])]
    story += [
        Spacer(1, 14 * mm),
        signature_table(
            ("Yang menerima,", note.participant_name, "Peserta"),
            ("Yang menyerahkan,", note.staff_name, f"Staf {note.branch_name}"),
            "tanda tangan dan nama jelas",
        ),
    ]
    return build_pdf(story, TITLE, f"{TITLE} · {note.receipt_no}", note.refunded_on, demo)

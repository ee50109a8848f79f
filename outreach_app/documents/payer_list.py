"""The collective list and bill (Daftar Peserta dan Tagihan Iuran Kolektif) a payer signs.

An APBD, APBDes or sponsor pays one bill for many people, so the list is what its treasurer
checks name by name and signs: every row, a subtotal at the foot of each page (a page can be
checked and initialled on its own), and the grand total with the signatures on the last page.

The rows are packed into pages here rather than left to the table's own splitting: only then
does each page know its subtotal, and can the last rows be kept on the page with the total, so
the signatures never stand alone on a page that lists nobody.

The page machinery (numbered canvas, frame, footer, running header, cell styles, signature
block) is shared with the visit report, which imports it from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from outreach_app.documents.pages import (
    CELL_PADDING,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    SLACK,
    build_pdf,
    cell_styles,
    details_table,
    document_heading,
    escape_markup,
    flowables_height,
    list_table_style,
    lowered,
    signature_table,
)
from outreach_app.documents.styles import (
    INK,
)
from outreach_app.domain.models import PayerType
from outreach_app.domain.months import add_months
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import long_date, month_span
from outreach_app.reference.money_text import amount_in_words, format_count, format_rupiah

TITLE = "Daftar Peserta dan Tagihan Iuran Kolektif"
PAYER_TYPES = {
    PayerType.SELF: "Mandiri (peserta sendiri)",
    PayerType.APBN: "APBN (anggaran pemerintah pusat)",
    PayerType.APBD: "APBD (anggaran pemerintah daerah)",
    PayerType.APBDES: "APBDes (dana desa)",
    PayerType.SPONSOR: "Sponsor / bapak asuh",
}

KEEP_WITH_TOTAL = 3  # rows moved to the total's page rather than leave the total alone
# One line a row: a paid month shows its receipt in its own column rather than under the name.
COLUMNS = (9 * mm, 46 * mm, 28 * mm, 30 * mm, 26 * mm, 14 * mm, 27 * mm)  # = FRAME_WIDTH
HEADER = ("No.", "Nama peserta", "NIK", "Desa", "Keterangan", "Bulan", "Iuran")
NIK, NOTE, AMOUNT = 2, 4, len(HEADER) - 1


@dataclass(frozen=True, slots=True)
class PayerListRow:
    """One participant the payer pays for. A month paid already is listed, not billed again."""

    name: str
    nik: str | None
    village: str
    months: int  # months billed; 0 when the month is paid already
    amount: int  # rupiah billed for those months; 0 when paid already
    paid_receipt: str = ""  # the receipt that already pays the month, when there is one
    # why the member is not billed although the month is unpaid (arrears first, lapsed...)
    not_billed: str = ""

    @property
    def billed(self) -> bool:
        return self.months > 0


@dataclass(frozen=True, slots=True)
class PayerListContent:
    """Everything the list prints; the service fills it from the records."""

    payer_name: str
    payer_type: PayerType
    branch_name: str
    first_month: dt.date  # the first month billed
    months: int  # months billed per participant
    printed_on: dt.date
    rows: tuple[PayerListRow, ...]
    legal_bases: tuple[str, ...] = ()  # the rules the amounts come from

    @property
    def period(self) -> str:
        """ "November 2026", or "November 2026–Januari 2027" for several months."""
        last = add_months(self.first_month, self.months) - dt.timedelta(days=1)
        return month_span(self.first_month, last)

    @property
    def total(self) -> int:
        return sum(row.amount for row in self.rows)

    @property
    def billed_count(self) -> int:
        return sum(1 for row in self.rows if row.billed)


def render_payer_list(content: PayerListContent, demo: bool = False) -> bytes:
    """The list as PDF bytes: one table per page, each with its header row and subtotal."""
    if not content.rows:
        raise ValueError("a payer list needs at least one row")
    running = f"{TITLE} · {content.payer_name} · {content.period}"
    return build_pdf(_story(content), f"{TITLE} · {content.payer_name}", running,
                     content.printed_on, demo)  # fmt: skip


# --- shared by the list documents (the visit report uses them too) -------------------------


def _story(content: PayerListContent) -> list[Flowable]:
    heading = _heading(content)
    closing = _closing(content)
    rows = [_row(index, row) for index, row in enumerate(content.rows, start=1)]
    pages = _pack(
        [_height_of(row) for row in rows],
        first_page=FRAME_HEIGHT - flowables_height(heading),
        fixed=_height_of(_header_row(), _subtotal_row(1, 0, 0), framed=True),
        closing=flowables_height(closing),
    )
    story = heading
    start = 0
    for number, count in enumerate(pages, start=1):
        on_page = content.rows[start : start + count]
        subtotal = _subtotal_row(number, sum(r.billed for r in on_page),
                                 sum(r.amount for r in on_page))  # fmt: skip
        story.append(_table([_header_row(), *rows[start : start + count], subtotal]))
        start += count
        if number < len(pages):
            story.append(PageBreak())
    story.append(KeepTogether(closing))
    return story


def _pack(heights: list[float], first_page: float, fixed: float, closing: float) -> list[int]:
    """How many rows go on each page: as many as fit, and the last page also holds the
    closing block (total and signatures) with at least a few rows above it."""
    pages: list[int] = []
    room = first_page - fixed - SLACK
    used, count = 0.0, 0
    for height in heights:
        if count and used + height > room:
            pages.append(count)
            room = FRAME_HEIGHT - fixed - SLACK
            used, count = 0.0, 0
        used += height
        count += 1
    if used + closing > room:  # the total does not fit under the last rows: carry some over
        moved = min(KEEP_WITH_TOTAL, count - 1)
        pages.append(count - moved)
        count = moved  # none when the page holds a single row: the total goes on its own
    pages.append(count)
    return [count for count in pages if count]


def _height_of(*rows: list[Flowable | str], framed: bool = False) -> float:
    """The height of rows laid out as on the page; `framed` for a header row with a subtotal
    row (measured together, so the subtotal's label spans the columns it spans on paper)."""
    _, height = _table(list(rows), framed).wrap(FRAME_WIDTH, FRAME_HEIGHT)
    return float(height)


def _table(rows: list[list[Flowable | str]], framed: bool = True) -> Table:
    """`framed`: the first row is the header and the last the subtotal; otherwise every row
    is a participant's (for measuring one)."""
    body = (1, -2) if framed else (0, -1)
    commands = list_table_style(total_row=True) if framed else list(CELL_PADDING)
    commands += lowered(NIK, body, 7.5) + lowered(NOTE, body, 7)
    table = Table(rows, colWidths=COLUMNS, repeatRows=1 if framed else 0)
    table.setStyle(TableStyle(commands))
    return table


def _header_row() -> list[Flowable | str]:
    s = cell_styles()
    return [Paragraph(text, s["head_right"] if i in (0, AMOUNT) else s["head"])
            for i, text in enumerate(HEADER)]  # fmt: skip


def _row(number: int, row: PayerListRow) -> list[Flowable | str]:
    s = cell_styles()
    if row.billed:
        note, months, amount = "", f"{row.months} bln", format_rupiah(row.amount)
    elif row.not_billed:
        note, months, amount = row.not_billed, "—", "—"
    else:
        note, months, amount = row.paid_receipt or "sudah dibayar", "Lunas", "—"
    return [
        Paragraph(f"{number}.", s["right"]),
        Paragraph(escape_markup(row.name), s["cell"]),
        Paragraph(masked_nik(row.nik), s["nik"]),
        Paragraph(escape_markup(row.village or "—"), s["cell"]),
        Paragraph(escape_markup(note), s["muted"]),
        Paragraph(months, s["centre"]),
        Paragraph(amount, s["right"]),
    ]


def _subtotal_row(page: int, billed: int, amount: int) -> list[Flowable | str]:
    s = cell_styles()
    label = f"Jumlah halaman {page} ({format_count(billed)} peserta ditagih)"
    return [Paragraph(label, s["head_right"]), *[""] * (AMOUNT - 1),
            Paragraph(format_rupiah(amount), s["head_right"])]  # fmt: skip


def _heading(content: PayerListContent) -> list[Flowable]:
    paid = len(content.rows) - content.billed_count
    people = f"{format_count(len(content.rows))} peserta ({format_count(content.billed_count)} "
    people += f"ditagih{f', {format_count(paid)} sudah dibayar' if paid else ''})"
    payer_type = PAYER_TYPES.get(content.payer_type, content.payer_type.value)
    pairs = (
        ("Pembayar", f"<b>{escape_markup(content.payer_name)}</b>", "Kantor cabang",
         escape_markup(content.branch_name or "—")),
        ("Jenis pembayar", payer_type, "Bulan iuran", f"<b>{content.period}</b>"),
        ("Jumlah peserta", people, "Tanggal cetak", long_date(content.printed_on)),
    )  # fmt: skip
    subtitle = "Peserta Bukan Penerima Upah (BPU) yang iurannya dibayar oleh pemberi bantuan iuran"
    return [
        *document_heading(TITLE, subtitle),
        details_table(pairs, (25 * mm, 75 * mm, 22 * mm, 58 * mm)),
        Spacer(1, 4 * mm),
    ]


def _closing(content: PayerListContent) -> list[Flowable]:
    """The grand total in figures and words, notes, and where both sides sign."""
    s = cell_styles()
    big = ParagraphStyle("list-total", parent=s["head"], fontSize=11, leading=14)
    big_right = ParagraphStyle("list-total-right", parent=big, alignment=TA_RIGHT)
    count = f"{format_count(content.billed_count)} peserta × {content.months} bulan"
    total = Table(
        [[Paragraph(f"TOTAL TAGIHAN IURAN {content.period.upper()}", big),
          Paragraph(format_rupiah(content.total), big_right)],
         [Paragraph(count, s["muted"]), ""]],
        colWidths=(FRAME_WIDTH - 50 * mm, 50 * mm),
    )  # fmt: skip
    total.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, 0), 4), ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
        ("LINEBELOW", (0, -1), (-1, -1), 1.2, INK),
    ]))  # fmt: skip
    notes = [
        "Peserta bertanda Lunas sudah membayar iuran bulan ini (nomor kuitansinya di kolom "
        "Keterangan) dan tidak ditagih lagi.",
        "NIK dicetak sebagian untuk melindungi data pribadi peserta.",
    ]
    if content.legal_bases:
        notes.append("Dasar perhitungan: " + "; ".join(content.legal_bases) + ".")
    words = f"<b>Terbilang:</b> <i>{amount_in_words(content.total)}</i>"
    return [
        Spacer(1, 4 * mm),
        total,
        Spacer(1, 1.5 * mm),
        Paragraph(words, s["words"]),
        Spacer(1, 2 * mm),
        *[Paragraph(escape_markup(note), s["small"]) for note in notes],
        Spacer(1, 7 * mm),
        signature_table(
            ("Diperiksa oleh", content.branch_name, "Petugas BPJS Ketenagakerjaan"),
            ("Disetujui untuk dibayar", content.payer_name, "Bendahara / pejabat pembayar"),
            "Nama jelas, NIP/NIK, tanggal dan cap",
        ),
    ]

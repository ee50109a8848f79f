"""The registration form (Formulir Pendaftaran Peserta BPU, "F1 BPU"), pre-filled or blank.

Pre-filled, it is printed from the records so the participant can check every field and sign;
blank, it is filled in by hand where the laptop cannot go and typed in later. Both use one
layout of captioned cells, so the two read alike and a hand-filled form types in field by field.
Platypus lays it out because a name or an address of any length must wrap, never be cut; a
section that does not fit moves whole to the next page.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from outreach_app.documents.labels import SEGMENTS
from outreach_app.documents.styles import (
    ACCENT,
    BOLD,
    INK,
    MARGIN,
    MONO,
    MUTED,
    ORGANISATION,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PRODUCT,
    REGULAR,
    RULE,
    draw_demo_band,
    register_fonts,
    text_styles,
)
from outreach_app.domain.models import MembershipType, Participant, PayerType, Sex
from outreach_app.domain.premiums import MonthlyPremium, PremiumBreakdown
from outreach_app.domain.sectors import SECTOR_NAMES
from outreach_app.reference.dates_text import long_date, month_span, short_date
from outreach_app.reference.money_text import format_rupiah

FORM_CODE = "F1 BPU"
FORM_NAME = "Formulir Pendaftaran Peserta BPU"
WIDTH = PAGE_WIDTH - 2 * MARGIN
COLUMN = WIDTH / 4  # cells span one to four columns
PAD = 1.8 * mm
WRITE = 6 * mm  # room left for handwriting in an empty cell
NIK_BOX_WIDTH, NIK_BOX_HEIGHT = 5.2 * mm, 6.6 * mm
CHECK_BOX = 3.4 * mm
AMOUNT = 26 * mm  # a premium column
CHOICE_SIZE = 8.5
SHADE = colors.HexColor("#eef2f6")
PERIODS = (1, 3, 6, 12)  # the blank form has no rate table to ask; these are the BPU periods

SEXES = {Sex.MALE: "Laki-laki", Sex.FEMALE: "Perempuan"}
SECTORS = SECTOR_NAMES  # as PP 50/2025 describes transport (domain/sectors.py)
PAYER_TYPES = {
    PayerType.SELF: "Mandiri", PayerType.APBN: "APBN", PayerType.APBD: "APBD",
    PayerType.APBDES: "APBDes (dana desa)", PayerType.SPONSOR: "Sponsor / bapak asuh",
}  # fmt: skip
MEMBERSHIPS = {MembershipType.BPU: "BPU", MembershipType.PU: "PU (penerima upah)"}
PROGRAMS = ("JKK · Jaminan Kecelakaan Kerja", "JKM · Jaminan Kematian", "JHT · Jaminan Hari Tua")
PROMISES = (
    "Saya menyatakan bahwa data di atas benar dan sesuai dengan dokumen kependudukan saya, dan "
    "saya mendaftar sebagai peserta Bukan Penerima Upah (BPU) BPJS Ketenagakerjaan untuk program "
    "yang dipilih. Saya bersedia membayar iuran sesuai periode yang dipilih dan setuju data ini "
    "diproses untuk kepesertaan saya sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
    "Agen menyatakan telah memeriksa KTP asli peserta dan menjelaskan hak, kewajiban, dan iuran "
    "program kepada peserta.",
)
INTRO = (
    "Data ini dicetak dari catatan agen. Periksa setiap isian bersama peserta; bila ada yang "
    "salah, coret dan tulis perbaikannya di sebelahnya, lalu tanda tangani.",
    "Isi dengan huruf cetak yang jelas dan beri tanda ✓ pada kotak yang sesuai. Nomor KPJ, "
    "penghasilan dasar iuran dan rincian iuran diisi petugas.",
)  # pre-filled, blank

Cell = tuple[str, int, list[Flowable]]  # caption, columns spanned, content


@dataclass(frozen=True, slots=True)
class RegistrationFormContent:
    """Everything a pre-filled form prints; the service fills it from the records."""

    participant: Participant  # with its heirs
    village: str
    district: str
    regency: str
    payer: str  # "Mandiri (peserta sendiri)" when self-paid
    agent_name: str
    premium: PremiumBreakdown | None  # None when the records cannot price it yet (a draft)
    printed_on: dt.date
    province: str = ""
    payer_type: PayerType = PayerType.SELF
    premium_problem: str = ""  # why there is no premium, said on the form


def render_registration_form(content: RegistrationFormContent, demo: bool = False) -> bytes:
    """The form pre-filled from one participant, to check with them and sign."""
    person = content.participant
    nik = person.nik or person.nik_typed or "belum diisi"
    name = person.full_name if len(person.full_name) <= 60 else person.full_name[:59] + "…"
    footer = f"{FORM_CODE} · {name} · NIK {nik}"  # the full name is in the form itself
    return _build(_story(content), f"{FORM_NAME} — {person.full_name}", footer, demo)


def render_blank_form(demo: bool = False) -> bytes:
    """The empty form, to fill in by hand in the field."""
    return _build(_story(None), f"{FORM_NAME} (kosong)", f"{FORM_CODE} · {FORM_NAME}", demo)


def _build(story: list[Flowable], title: str, footer: str, demo: bool) -> bytes:
    """A4 with one frame, unpadded so tables line up with the margins and the headings."""
    register_fonts()
    out = io.BytesIO()
    frame = Frame(MARGIN, MARGIN, WIDTH, PAGE_HEIGHT - 2 * MARGIN, 0, 0, 0, 0)
    doc = BaseDocTemplate(
        out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=title + (" (DEMO)" if demo else ""),
        author=PRODUCT, creator=PRODUCT, subject=ORGANISATION, pageCompression=1, invariant=0,
        pageTemplates=[PageTemplate("form", [frame], onPage=_page_decoration(footer, demo))],
    )  # fmt: skip
    doc.build(story)
    return out.getvalue()


def _page_decoration(footer: str, demo: bool) -> Callable[[Canvas, Any], None]:
    """Every page names the form, the participant and its number, so loose pages go back
    together; a demo page says so top and bottom."""

    def on_page(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 11.5 * mm, PAGE_WIDTH - MARGIN, 11.5 * mm)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 8.5 * mm, footer)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 8.5 * mm, f"Halaman {canvas.getPageNumber()}")
        canvas.restoreState()
        if demo:
            draw_demo_band(canvas)

    return on_page


def _story(content: RegistrationFormContent | None) -> list[Flowable]:
    """The form top to bottom; `content` None gives the blank form."""
    f = _Fields(_values(content) if content else None)
    s = _styles()
    periods = _choices([f"{n} bulan" for n in PERIODS], 2)
    intro = Paragraph(INTRO[content is None], s["small"])
    story: list[Flowable] = [_header(content), Spacer(1, 3 * mm), intro]
    story += _section("1. Data peserta", [
        [f.cell("nik", "NIK (16 digit, sesuai KTP)", 2, [_DigitBoxes(16)], s["nik"]),
         f.cell("kpj", "Nomor KPJ (diisi BPJS)", 1),
         f.cell("membership", "Kepesertaan", 1, _choices(MEMBERSHIPS.values(), 1))],
        [f.cell("full_name", "Nama lengkap (sesuai KTP)", 4, style=s["strong"])],
        [f.cell("birth_place", "Tempat lahir", 2),
         f.cell("birth_date", "Tanggal lahir (hh-bb-tttt)", 1),
         f.cell("sex", "Jenis kelamin", 1, _choices(SEXES.values(), 1))],
        [f.cell("mother", "Nama ibu kandung", 2),
         f.cell("segment", "Segmen", 2, _choices(SEGMENTS.values(), 2))],
    ])  # fmt: skip
    story += _section("2. Alamat & kontak", [
        [f.cell("address", "Alamat (jalan, RT/RW, dusun)", 4, [Spacer(1, 2 * WRITE)])],
        [f.cell("village", "Desa/kelurahan", 1), f.cell("district", "Kecamatan", 1),
         f.cell("regency", "Kabupaten/kota", 1), f.cell("province", "Provinsi", 1)],
        [f.cell("postal_code", "Kode pos", 1), f.cell("phone", "Nomor telepon/HP", 1),
         f.cell("email", "Email", 2)],
    ])  # fmt: skip
    story += _section("3. Pekerjaan & penghasilan", [
        [f.cell("occupation", "Pekerjaan", 2), f.cell("work_location", "Lokasi kerja", 2)],
        [f.cell("sector", "Sektor", 2, _choices(SECTORS.values(), 2)),
         f.cell("declared_income", "Penghasilan per bulan", 1, [Paragraph("Rp", s["value"])]),
         f.cell("base_income", "Penghasilan dasar iuran", 1, [Paragraph("Rp", s["value"])])],
    ])  # fmt: skip
    story += _section("4. Program & iuran", [
        [f.cell("programs", "Program yang diikuti", 2, _choices(PROGRAMS, 2, per_line=1)),
         f.cell("period", "Periode pembayaran iuran", 2, periods)],
    ], _premium(content))  # fmt: skip
    story += _section("5. Pembayar iuran", [
        [f.cell("payer", "Nama pembayar (bila bukan peserta sendiri)", 2),
         f.cell("payer_type", "Sumber dana iuran", 2, _choices(PAYER_TYPES.values(), 2))],
    ])  # fmt: skip
    story += _section("6. Ahli waris", [], _heirs(content.participant if content else None))
    story += _section("7. Pernyataan & tanda tangan", [], _signatures(content))
    return story


def _values(content: RegistrationFormContent) -> dict[str, str]:
    """What each cell prints; an empty string leaves the cell free to write in."""
    p = content.participant
    programs = "\n".join(PROGRAMS if p.include_jht else (*PROGRAMS[:2], "Tanpa JHT"))
    period = f"{p.payment_months} bulan"
    if content.premium is not None:
        months = content.premium.per_month
        period += f" ({month_span(months[0].month, months[-1].month)})"
    base = p.base_income or (content.premium.base_income if content.premium else 0)
    return {
        "nik": p.nik or p.nik_typed, "kpj": p.kpj or "belum terbit",
        "membership": MEMBERSHIPS[p.membership], "full_name": p.full_name,
        "birth_place": p.birth_place, "birth_date": short_date(p.birth_date),
        "sex": SEXES[p.sex] if p.sex else "", "mother": p.mothers_maiden_name,
        "segment": SEGMENTS[p.segment], "address": p.address, "village": content.village,
        "district": content.district, "regency": content.regency, "province": content.province,
        "postal_code": p.postal_code, "phone": p.phone, "email": p.email,
        "occupation": p.occupation, "work_location": p.work_location, "sector": SECTORS[p.sector],
        "declared_income": format_rupiah(p.declared_income) if p.declared_income > 0 else "",
        "base_income": format_rupiah(base) if base > 0 else "",
        "programs": programs, "period": period, "payer": content.payer,
        "payer_type": PAYER_TYPES[content.payer_type],
    }  # fmt: skip


class _Fields:
    """Makes cells: the value when pre-filling, else the blank widget (boxes to tick or fill)
    or room to write, so a value missing from the records can still be written in by hand."""

    def __init__(self, values: Mapping[str, str] | None) -> None:
        self._values = values

    def cell(
        self, key: str, caption: str, span: int, blank: Sequence[Flowable] = (),
        style: ParagraphStyle | None = None,
    ) -> Cell:  # fmt: skip
        text = self._values[key] if self._values is not None else ""
        if not text:
            return caption, span, list(blank) or [Spacer(1, WRITE)]
        return caption, span, [_paragraph(text, style or _styles()["value"])]


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Record text is escaped: a name with "&" or "<" prints as typed."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    base = text_styles()
    value = ParagraphStyle("form-value", parent=base.body, leading=12)
    caption = ParagraphStyle("form-caption", parent=base.label, fontSize=7, leading=8.5)
    return {
        "value": value, "caption": caption, "small": base.small, "body": base.body,
        "title": base.title, "heading": base.heading,
        "strong": ParagraphStyle("form-strong", parent=value, fontName=BOLD, fontSize=10.5),
        "nik": ParagraphStyle("form-nik", parent=value, fontName=MONO, fontSize=12, leading=14),
        "brand": ParagraphStyle("form-brand", parent=caption, fontName=BOLD, textColor=ACCENT),
        "code": ParagraphStyle("form-code", parent=base.title, fontSize=18, leading=21,
                               alignment=TA_RIGHT, textColor=ACCENT),
        "right": ParagraphStyle("form-right", parent=base.small, alignment=TA_RIGHT),
        "head": ParagraphStyle("form-head", parent=base.label, fontName=BOLD, textColor=INK),
        "amount": ParagraphStyle("form-amount", parent=value, alignment=TA_RIGHT),
        "total": ParagraphStyle("form-total", parent=value, fontName=BOLD, alignment=TA_RIGHT),
    }  # fmt: skip


def _header(content: RegistrationFormContent | None) -> Table:
    s = _styles()
    left = [
        Paragraph(f"{ORGANISATION} · {PRODUCT}", s["brand"]),
        Paragraph("FORMULIR PENDAFTARAN PESERTA", s["title"]),
        Paragraph("Bukan Penerima Upah (BPU) · Jaminan Sosial Ketenagakerjaan", s["body"]),
    ]
    if content is None:
        notes = "Formulir kosong untuk diisi tangan"
    else:
        registered = content.participant.registered_on
        status = f"Terdaftar {short_date(registered)}" if registered else "Status: draf"
        notes = f"Dicetak {long_date(content.printed_on)}<br/>{status}"
    right = [Paragraph(FORM_CODE, s["code"]), Paragraph(notes, s["right"])]
    return Table([[left, right]], colWidths=[WIDTH - 62 * mm, 62 * mm], style=[
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
    ])  # fmt: skip


def _section(title: str, rows: list[list[Cell]], extra: Sequence[Flowable] = ()) -> list[Flowable]:
    """A heading and its parts, kept on one page together."""
    parts: list[Flowable] = [Paragraph(title, _styles()["heading"])]
    if rows:
        parts.append(_grid(rows))
    return [KeepTogether([*parts, *extra])]


def _table(
    data: list[list[Any]], widths: Sequence[float], *extra: tuple[Any, ...], header: int = 1
) -> Table:
    """A ruled table, values padded; its header row is shaded and repeats on a new page."""
    return Table(data, colWidths=list(widths), repeatRows=header, style=[
        ("GRID", (0, 0), (-1, -1), 0.5, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD), *extra,
    ])  # fmt: skip


def _grid(rows: list[list[Cell]]) -> Table:
    """Rows of captioned cells on a four-column grid."""
    data: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    for row_index, row in enumerate(rows):
        cells: list[Any] = []
        for caption, span, content in row:
            if span > 1:
                spans.append(("SPAN", (len(cells), row_index), (len(cells) + span - 1, row_index)))
            cells += [[Paragraph(escape(caption), _styles()["caption"]), *content]]
            cells += [""] * (span - 1)
        assert len(cells) == 4, f"row {row_index} spans {len(cells)} columns"
        data.append(cells)
    return _table(
        data, [COLUMN] * 4, ("BACKGROUND", (0, 0), (-1, 0), colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm), *spans, header=0,
    )  # fmt: skip


def _premium(content: RegistrationFormContent | None) -> list[Flowable]:
    """The monthly premium lines (months with equal amounts share a line), the period total
    and the legal basis; on the blank form, empty lines for the agent to fill in."""
    s = _styles()
    head = ["Bulan iuran", "JKK", "JKM", "JHT", "Potongan", "Iuran per bulan"]
    data: list[list[Any]] = [[Paragraph(h, s["head"]) for h in head]]
    premium = content.premium if content else None
    notes: list[str] = []
    if premium is None:
        data += [[""] * 6, [""] * 6, [Paragraph("Jumlah", s["head"]), *[""] * 5]]
        if content is None:
            notes.append("Diisi petugas menurut tarif dan keringanan yang berlaku.")
        else:
            problem = content.premium_problem or "data penghasilan atau periode belum lengkap"
            notes.append(f"Iuran belum dapat dihitung: {problem}.")
    else:
        for group in _groups(premium.per_month):
            span = month_span(group[0].month, group[-1].month)
            label = [_paragraph(span, s["value"]), Paragraph(f"{len(group)} bulan", s["caption"])]
            data.append([label, *_money_cells(_amounts(group[0]), s["amount"])])
        totals = (premium.total_jkk, premium.total_jkm, premium.total_jht,
                  premium.total_discount, premium.total)  # fmt: skip
        label = Paragraph(f"Jumlah {premium.months} bulan", s["head"])
        data.append([label, *_money_cells(totals, s["total"])])
        names = dict.fromkeys(name for month in premium.per_month for name in month.discount_rules)
        if names:
            notes.append("Potongan: " + "; ".join(names) + ".")
        notes.append(f"Dihitung dari penghasilan dasar {format_rupiah(premium.base_income)}.")
        notes.append("Dasar hukum: " + "; ".join(premium.legal_bases) + ".")
    table = _table(
        data, [WIDTH - 5 * AMOUNT] + [AMOUNT] * 5, ("BACKGROUND", (0, -1), (-1, -1), SHADE),
        ("MINROWHEIGHT", (0, 0), (-1, -1), 7 * mm),
    )  # fmt: skip
    caption = Paragraph("Rincian iuran", s["caption"])
    return [Spacer(1, 2 * mm), caption, table, *[_paragraph(n, s["small"]) for n in notes]]


def _groups(months: Sequence[MonthlyPremium]) -> list[list[MonthlyPremium]]:
    """Consecutive months with the same amounts, so a uniform period is one line."""
    groups: list[list[MonthlyPremium]] = []
    for month in months:
        if groups and _amounts(groups[-1][0]) == _amounts(month):
            groups[-1].append(month)
        else:
            groups.append([month])
    return groups


def _amounts(month: MonthlyPremium) -> tuple[int, int, int, int, int]:
    return month.jkk, month.jkm, month.jht, month.discount, month.total


def _money_cells(amounts: Sequence[int], style: ParagraphStyle) -> list[Paragraph]:
    """JKK, JKM, JHT, discount (printed negative), total; a zero JHT or discount is a dash. A
    large amount (a year of JHT on a high income) gets a smaller size rather than wrapping."""
    jkk, jkm, jht, discount, total = amounts
    texts = [format_rupiah(jkk), format_rupiah(jkm), format_rupiah(jht) if jht else "—",
             format_rupiah(-discount) if discount else "—", format_rupiah(total)]  # fmt: skip
    cells = []
    for text in texts:
        size = style.fontSize
        while size > 6.5 and stringWidth(text, style.fontName, size) > AMOUNT - 2 * PAD:
            size -= 0.5
        fitted = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size)
        cells.append(Paragraph(text, fitted if size < style.fontSize else style))
    return cells


def _heirs(person: Participant | None) -> list[Flowable]:
    """Heirs as recorded; empty rows to write in on the blank form or when none is recorded."""
    s = _styles()
    head = ["No.", "Nama ahli waris", "Hubungan", "Tanggal lahir", "NIK ahli waris"]
    data: list[list[Any]] = [[Paragraph(h, s["head"]) for h in head]]
    heirs = person.heirs if person else ()
    for number, heir in enumerate(heirs, start=1):
        texts = (f"{number}.", heir.full_name, heir.relationship, short_date(heir.birth_date),
                 heir.nik or "")  # fmt: skip
        data.append([_paragraph(text, s["value"]) for text in texts])
    empty = 4 if person is None else (2 if not heirs else 0)
    data += [[f"{number}.", "", "", "", ""] for number in range(len(heirs) + 1, empty + 1)]
    table = _table(
        data, [10 * mm, WIDTH - 110 * mm, 32 * mm, 26 * mm, 42 * mm],
        ("MINROWHEIGHT", (0, 1), (-1, -1), 7.5 * mm), ("FONT", (0, 1), (0, -1), REGULAR, 9),
    )  # fmt: skip
    notes = ["Hubungan: istri, suami, anak, orang tua, atau saudara kandung."]
    if person is not None and not heirs:
        notes.insert(0, "Belum ada ahli waris tercatat; tulis di baris kosong bila ada.")
    return [table, *[Paragraph(note, s["small"]) for note in notes]]


def _signatures(content: RegistrationFormContent | None) -> list[Flowable]:
    """The promises, then a box each for the participant and the agent: signature, name, date."""
    s = _styles()
    names = (content.participant.full_name, content.agent_name) if content else ("", "")
    columns = []
    for title, name in zip(("Peserta", "Agen Perisai (petugas pendaftar)"), names, strict=True):
        columns.append([
            [Paragraph(title, s["head"])],
            [Paragraph("Tanda tangan", s["caption"]), Spacer(1, 20 * mm)],
            [Paragraph("Nama jelas", s["caption"]),
             _paragraph(name, s["value"]) if name else Spacer(1, WRITE)],
            [Paragraph("Tanggal (hh-bb-tttt)", s["caption"]), Spacer(1, WRITE)],
        ])  # fmt: skip
    gap = 8 * mm
    data = [[left, "", right] for left, right in zip(*columns, strict=True)]
    style: list[tuple[Any, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]  # fmt: skip
    for column in (0, 2):
        style += [("BOX", (column, 0), (column, -1), 0.8, INK),
                  ("BACKGROUND", (column, 0), (column, 0), SHADE),
                  ("LINEBELOW", (column, 0), (column, -2), 0.5, RULE)]  # fmt: skip
    half = (WIDTH - gap) / 2
    promises = [_paragraph(text, s["body"]) for text in PROMISES]
    return [promises[0], Spacer(1, 1.5 * mm), promises[1], Spacer(1, 3 * mm),
            Table(data, colWidths=[half, gap, half], style=style)]  # fmt: skip


def _choices(options: Iterable[str], span: int, per_line: int = 0) -> list[Flowable]:
    return [_Choices(list(options), span * COLUMN - 2 * PAD, per_line)]


class _Choices(Flowable):  # type: ignore[misc]  # reportlab has no type information
    """Check boxes with their labels, flowing onto more lines when the cell is narrow
    (`per_line` puts at most that many on a line)."""

    LINE = 5.2 * mm

    def __init__(self, options: list[str], width: float, per_line: int = 0) -> None:
        super().__init__()
        self._options, self._width, self._per_line = options, width, per_line
        self._places: list[tuple[float, int, str]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self._width, avail_width)
        x, line, on_line = 0.0, 0, 0
        self._places = []
        for option in self._options:
            item = CHECK_BOX + 1.5 * mm + stringWidth(option, REGULAR, CHOICE_SIZE)
            full = bool(self._per_line) and on_line >= self._per_line
            if on_line and (full or x + item > self.width):
                x, line, on_line = 0.0, line + 1, 0
            self._places.append((x, line, option))
            x, on_line = x + item + 4 * mm, on_line + 1
        self.height = (line + 1) * self.LINE
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(0.7)
        canvas.setStrokeColor(INK)
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, CHOICE_SIZE)
        for x, line, option in self._places:
            y = self.height - (line + 1) * self.LINE + 0.8 * mm
            canvas.rect(x, y, CHECK_BOX, CHECK_BOX, stroke=1, fill=0)
            canvas.drawString(x + CHECK_BOX + 1.5 * mm, y + 0.6 * mm, option)


class _DigitBoxes(Flowable):  # type: ignore[misc]  # reportlab has no type information
    """One box per digit, so a hand-written NIK has exactly as many digits as it should."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self._count = count
        self.width, self.height = count * NIK_BOX_WIDTH, NIK_BOX_HEIGHT + 1 * mm

    def draw(self) -> None:
        self.canv.setLineWidth(0.7)
        self.canv.setStrokeColor(INK)
        for index in range(self._count):
            self.canv.rect(index * NIK_BOX_WIDTH, 0.5 * mm, NIK_BOX_WIDTH, NIK_BOX_HEIGHT)

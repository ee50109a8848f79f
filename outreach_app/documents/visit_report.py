"""The village visit report (Laporan Kunjungan Desa): what an agent set out to do in a village
on a day, who was enrolled, which premiums were taken, and what came of it.

The branch files it with the agent's cash deposit and the village keeps a copy, so it names
people and receipts (the NIK partly masked) and ends with a place for the agent and the village
head to sign. Usually one page; a busy day's lists flow on with their header rows repeated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from outreach_app.documents.labels import PAYMENT_METHODS, SEGMENTS
from outreach_app.documents.pages import (
    FRAME_WIDTH,
    build_pdf,
    cell_styles,
    details_table,
    document_heading,
    escape_markup,
    list_table_style,
    lowered,
    signature_table,
)
from outreach_app.documents.styles import ACCENT, BOLD, ORGANISATION, RULE, VOID_RED, text_styles
from outreach_app.domain.models import (
    Payment,
    Village,
    VisitPlan,
    VisitStatus,
)
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import long_date, month_span, short_date
from outreach_app.reference.money_text import amount_in_words, format_count, format_rupiah

TITLE = "Laporan Kunjungan Desa"
STATUSES = {
    VisitStatus.PLANNED: "Direncanakan (belum dilaksanakan)",
    VisitStatus.DONE: "Selesai",
    VisitStatus.CANCELLED: "Dibatalkan",
}
PEOPLE_COLUMNS = (9 * mm, 50 * mm, 30 * mm, 28 * mm, 63 * mm)
PAYMENT_COLUMNS = (9 * mm, 33 * mm, 50 * mm, 42 * mm, 17 * mm, 29 * mm)


@dataclass(frozen=True, slots=True)
class VisitEnrolment:
    """A participant registered in the village on the day of the visit."""

    name: str
    nik: str | None
    occupation: str
    payer: str


@dataclass(frozen=True, slots=True)
class VisitPaymentLine:
    """A receipt the agent wrote in the village that day (a voided one is listed, not added)."""

    payment: Payment
    participant_name: str


@dataclass(frozen=True, slots=True)
class VisitReportContent:
    """Everything the report prints; the service fills it from the records."""

    visit: VisitPlan
    village: Village
    agent_name: str
    branch_name: str
    printed_on: dt.date
    enrolments: tuple[VisitEnrolment, ...] = ()
    payments: tuple[VisitPaymentLine, ...] = ()

    @property
    def paid_total(self) -> int:
        return sum(line.payment.total for line in self.payments if not line.payment.voided)

    @property
    def receipts_standing(self) -> int:
        return sum(1 for line in self.payments if not line.payment.voided)


def render_visit_report(content: VisitReportContent, demo: bool = False) -> bytes:
    """The report as PDF bytes; a long list of people or receipts flows onto more pages."""
    name = f"{TITLE} · {content.village.name} · {short_date(content.visit.visit_date)}"
    return build_pdf(_story(content), name, name, content.printed_on, demo)


def kemendagri_code(code: str) -> str:
    """8103012002 -> "81.03.01.2002", as the Kemendagri list writes a village code."""
    if len(code) != 10 or not code.isdigit():
        return code
    return f"{code[:2]}.{code[2:4]}.{code[4:6]}.{code[6:]}"


def _story(content: VisitReportContent) -> list[Flowable]:
    heading = text_styles().heading
    visit = content.visit
    cancelled = visit.status is VisitStatus.CANCELLED
    notes = escape_markup(visit.outcome_notes.strip()).replace("\n", "<br/>")
    return [
        *document_heading(TITLE, "Sosialisasi dan pendaftaran peserta Bukan Penerima Upah "
                          "(BPU) di desa"),
        _details(content),
        Spacer(1, 4 * mm),
        _figures(content),
        Paragraph(f"Peserta yang didaftarkan ({format_count(len(content.enrolments))})", heading),
        _people(content),
        Paragraph(f"Iuran yang diterima ({format_count(len(content.payments))} kuitansi)",
                  heading),
        *_receipts(content),
        Paragraph("Alasan pembatalan" if cancelled else "Catatan dan hasil", heading),
        Paragraph(notes or "<i>Tidak ada catatan.</i>", text_styles().body),
        Spacer(1, 8 * mm),
        KeepTogether([signature_table(
            (f"Dibuat, {long_date(content.printed_on)}", content.agent_name or "Agen",
             "Agen Perisai · " + (content.branch_name or ORGANISATION)),
            ("Mengetahui", f"Kepala Desa {content.village.name}",
             "atau perangkat desa yang mewakili"),
            "Nama jelas dan tanda tangan",
        )]),
    ]  # fmt: skip


def _details(content: VisitReportContent) -> Table:
    visit, village, e = content.visit, content.village, escape_markup
    pairs = (
        ("Desa/kelurahan", f"<b>{e(village.name)}</b>", "Tanggal kunjungan",
         f"<b>{long_date(visit.visit_date)}</b>"),
        ("Kecamatan", e(village.district), "Agen", e(content.agent_name or "—")),
        ("Kabupaten/kota", e(village.regency), "Kantor cabang", e(content.branch_name or "—")),
        ("Provinsi", e(village.province), "Status", STATUSES.get(visit.status, visit.status)),
        ("Kode Kemendagri", kemendagri_code(village.code), "Segmen",
         SEGMENTS.get(visit.segment, visit.segment)),
        ("Tujuan", e(visit.purpose or "—"), "Tanggal cetak", long_date(content.printed_on)),
    )  # fmt: skip
    return details_table(pairs, (27 * mm, 63 * mm, 28 * mm, 62 * mm))


def _figures(content: VisitReportContent) -> Table:
    """The visit at a glance: the target, what the agent recorded, what the records show."""
    s = cell_styles()
    visit = content.visit
    recorded = "—" if visit.status is VisitStatus.PLANNED else format_count(visit.enrolled_count)
    figures = (
        (format_count(visit.target_count), "Target peserta"),
        (recorded, "Terdaftar menurut agen"),
        (format_count(len(content.enrolments)), "Terdaftar di data hari itu"),
        (format_rupiah(content.paid_total),
         f"Iuran ({format_count(content.receipts_standing)} kuitansi)"),
    )  # fmt: skip
    figure = ParagraphStyle("visit-figure", parent=s["centre"], fontName=BOLD, fontSize=13,
                            leading=16, textColor=ACCENT)  # fmt: skip
    table = Table(
        [[Paragraph(value, figure) for value, _ in figures],
         [Paragraph(label, s["small_centre"]) for _, label in figures]],
        colWidths=[FRAME_WIDTH / len(figures)] * len(figures),
    )  # fmt: skip
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("LINEAFTER", (0, 0), (-2, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), "#f3f5f8"),
        ("TOPPADDING", (0, 0), (-1, 0), 5), ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
    ]))  # fmt: skip
    return table


def _people(content: VisitReportContent) -> Flowable:
    s, e = cell_styles(), escape_markup
    if not content.enrolments:
        return Paragraph("<i>Tidak ada peserta yang terdaftar di desa ini pada tanggal "
                         "kunjungan.</i>", s["cell"])  # fmt: skip
    header = ("No.", "Nama peserta", "NIK", "Pekerjaan", "Pembayar iuran")
    rows: list[list[Flowable]] = [
        [Paragraph(text, s["head_right"] if i == 0 else s["head"]) for i, text in enumerate(header)]
    ]
    for number, person in enumerate(content.enrolments, start=1):
        rows.append([
            Paragraph(f"{number}.", s["right"]),
            Paragraph(e(person.name), s["cell"]),
            Paragraph(masked_nik(person.nik), s["nik"]),
            Paragraph(e(person.occupation or "—"), s["cell"]),
            Paragraph(e(person.payer), s["cell"]),
        ])  # fmt: skip
    table = LongTable(rows, colWidths=PEOPLE_COLUMNS, repeatRows=1)
    table.setStyle(TableStyle(list_table_style(total_row=False) + lowered(2, (1, -1), 7.5)))
    return table


def _receipts(content: VisitReportContent) -> list[Flowable]:
    s, e = cell_styles(), escape_markup
    if not content.payments:
        return [Paragraph("<i>Tidak ada iuran yang diterima di desa ini pada tanggal "
                          "kunjungan.</i>", s["cell"])]  # fmt: skip
    header = ("No.", "Kuitansi", "Nama peserta", "Masa iuran", "Cara", "Jumlah")
    rows: list[list[Flowable | str]] = [
        [Paragraph(text, s["head_right"] if i in (0, 5) else s["head"])
         for i, text in enumerate(header)]
    ]  # fmt: skip
    void = ParagraphStyle("visit-void", parent=s["right"], textColor=VOID_RED)
    for number, line in enumerate(content.payments, start=1):
        pay = line.payment
        period = f"{month_span(pay.period_start, pay.period_end)} ({pay.months} bln)"
        amount = (
            Paragraph(f"<strike>{format_rupiah(pay.total)}</strike><br/>BATAL", void)
            if pay.voided
            else Paragraph(format_rupiah(pay.total), s["right"])
        )
        time = f"<font size=7 color='#5b6470'>{pay.paid_at:%H:%M}</font>"
        rows.append([
            Paragraph(f"{number}.", s["right"]),
            Paragraph(f"{pay.receipt_no}<br/>{time}", s["cell"]),
            Paragraph(e(line.participant_name), s["cell"]),
            Paragraph(period, s["cell"]),
            Paragraph(PAYMENT_METHODS.get(pay.method, pay.method.value), s["cell"]),
            amount,
        ])  # fmt: skip
    label = f"Jumlah iuran diterima ({format_count(content.receipts_standing)} kuitansi)"
    rows.append([Paragraph(label, s["head_right"]), "", "", "", "",
                 Paragraph(format_rupiah(content.paid_total), s["head_right"])])  # fmt: skip
    table = LongTable(rows, colWidths=PAYMENT_COLUMNS, repeatRows=1)
    table.setStyle(TableStyle(list_table_style(total_row=True)))
    words = f"<b>Terbilang:</b> <i>{amount_in_words(content.paid_total)}</i>"
    return [table, KeepTogether([Spacer(1, 1.5 * mm), Paragraph(words, s["words"])])]

"""The premium reminder list of one village (Daftar Pengingat Iuran), for the next visit.

The agent takes it to the village: who must pay this month, who is in grace (arrears still
accepted), and whose membership has lapsed, each with what is owed, and room to note what came
of the visit. It names people, so the NIK prints partly masked, as on the other lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, LongTable, Paragraph, Spacer, TableStyle

from outreach_app.documents.pages import (
    build_pdf,
    cell_styles,
    details_table,
    document_heading,
    escape_markup,
    list_table_style,
    lowered,
    signature_table,
)
from outreach_app.documents.styles import text_styles
from outreach_app.documents.visit_report import kemendagri_code
from outreach_app.domain.models import Village
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import long_date, short_date
from outreach_app.reference.money_text import format_count, format_rupiah

TITLE = "Daftar Pengingat Iuran"
COLUMNS = (8 * mm, 36 * mm, 31 * mm, 33 * mm, 20 * mm, 12 * mm, 21 * mm, 19 * mm)  # 180 mm
HEADER = ("No.", "Nama peserta", "NIK", "Alamat / telepon", "Dibayar s.d.", "Bulan",
          "Perkiraan", "Hasil")  # fmt: skip
AMOUNT = 6


@dataclass(frozen=True, slots=True)
class ReminderRow:
    name: str
    nik: str | None
    address: str
    phone: str
    paid_through: dt.date | None
    months_owed: int  # months to pay up to the month falling due (lapsed: months unpaid)
    amount: int | None  # rupiah for those months by today's rules; None when not billed


@dataclass(frozen=True, slots=True)
class ReminderListContent:
    village: Village
    branch_name: str
    printed_on: dt.date
    due_date: dt.date  # the 15th (or the next working day) by which the next month is due
    due: tuple[ReminderRow, ...]
    grace: tuple[ReminderRow, ...]
    lapsed: tuple[ReminderRow, ...]

    @property
    def people(self) -> int:
        return len(self.due) + len(self.grace) + len(self.lapsed)

    @property
    def total(self) -> int:
        return sum(row.amount or 0 for row in (*self.due, *self.grace))


def render_reminder_list(content: ReminderListContent, demo: bool = False) -> bytes:
    if not content.people:
        raise ValueError("a reminder list needs at least one person")
    name = f"{TITLE} · {content.village.name}"
    return build_pdf(_story(content), name, name, content.printed_on, demo)


def _story(content: ReminderListContent) -> list[Flowable]:
    heading = text_styles().heading
    due_day = short_date(content.due_date)
    sections = (
        (f"Jatuh tempo: iuran bulan berikut dibayar paling lambat {due_day}", content.due,
         "Tidak ada peserta yang jatuh tempo."),
        ("Masa tenggang: tunggakan masih dapat dibayar", content.grace,
         "Tidak ada peserta dalam masa tenggang."),
        ("Berhenti: lewat 3 bulan tidak membayar, ajak mendaftar dan membayar kembali",
         content.lapsed, "Tidak ada peserta yang berhenti."),
    )  # fmt: skip
    story = [*document_heading(TITLE, "Peserta BPU yang perlu dikunjungi untuk pembayaran "
                               "iuran"), _details(content), Spacer(1, 3 * mm)]  # fmt: skip
    for title, rows, empty in sections:
        story.append(Paragraph(f"{escape_markup(title)} ({format_count(len(rows))})", heading))
        story.append(_table(rows) if rows else Paragraph(f"<i>{empty}</i>", cell_styles()["cell"]))
    s = cell_styles()
    notes = (
        "Perkiraan iuran dihitung dengan tarif yang berlaku pada tanggal cetak untuk bulan "
        "yang belum dibayar sampai bulan jatuh tempo; jumlah pada kuitansi dapat berbeda.",
        "NIK dicetak sebagian untuk melindungi data pribadi peserta. Daftar ini memuat data "
        "pribadi: simpan dan musnahkan setelah kunjungan.",
    )
    story += [Spacer(1, 3 * mm), *[Paragraph(escape_markup(n), s["small"]) for n in notes]]
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether([signature_table(
        ("Dibawa oleh", "Agen Perisai", content.branch_name or "BPJS Ketenagakerjaan"),
        ("Mengetahui", f"Kepala Desa {content.village.name}", "atau perangkat desa"),
        "Nama jelas dan tanda tangan",
    )]))  # fmt: skip
    return story


def _details(content: ReminderListContent) -> Flowable:
    village, e = content.village, escape_markup
    pairs = (
        ("Desa/kelurahan", f"<b>{e(village.name)}</b>", "Kantor cabang",
         e(content.branch_name or "—")),
        ("Kecamatan", e(village.district), "Jatuh tempo berikut",
         f"<b>{long_date(content.due_date)}</b>"),
        ("Kabupaten/kota", e(village.regency), "Tanggal cetak", long_date(content.printed_on)),
        ("Kode Kemendagri", kemendagri_code(village.code), "Perkiraan tagihan",
         f"<b>{format_rupiah(content.total)}</b>"),
    )  # fmt: skip
    return details_table(pairs, (27 * mm, 63 * mm, 30 * mm, 60 * mm))


def _table(rows: tuple[ReminderRow, ...]) -> Flowable:
    s, e = cell_styles(), escape_markup
    table_rows: list[list[Flowable | str]] = [
        [Paragraph(text, s["head_right"] if i in (0, AMOUNT) else s["head"])
         for i, text in enumerate(HEADER)]
    ]  # fmt: skip
    for number, row in enumerate(rows, start=1):
        contact = e(row.address or "—") + (f"<br/>{e(row.phone)}" if row.phone else "")
        table_rows.append([
            Paragraph(f"{number}.", s["right"]),
            Paragraph(e(row.name), s["cell"]),
            Paragraph(masked_nik(row.nik), s["nik"]),
            Paragraph(contact, s["muted"]),
            Paragraph(short_date(row.paid_through) if row.paid_through else "—", s["cell"]),
            Paragraph(str(row.months_owed), s["centre"]),
            Paragraph(format_rupiah(row.amount) if row.amount is not None else "—", s["right"]),
            "",
        ])  # fmt: skip
    table = LongTable(table_rows, colWidths=COLUMNS, repeatRows=1)
    style = list_table_style(total_row=False) + lowered(2, (1, -1), 7.5)
    style.append(("BOX", (7, 1), (7, -1), 0.3, "#9aa3ad"))  # room to write the outcome
    table.setStyle(TableStyle(style))
    return table

"""The recap page printed before a day's receipts: what the agent reconciles the cash with.

Counts and sums are made here from the receipts about to be printed, so the recap can never
disagree with the pages behind it: receipts standing and voided, premiums per program
(JKK/JKM/JHT, relief, total), per payer type and per payment method, the cash the day should
have brought in, and every voided receipt with its reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from outreach_app.documents.labels import PAYMENT_METHODS
from outreach_app.documents.styles import (
    ACCENT,
    BOLD,
    INK,
    MARGIN,
    MUTED,
    ORGANISATION,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PRODUCT,
    REGULAR,
    RULE,
    VOID_RED,
    draw_demo_band,
)
from outreach_app.domain.models import PayerType, PaymentMethod
from outreach_app.reference.dates_text import long_date
from outreach_app.reference.money_text import format_rupiah

if TYPE_CHECKING:
    from outreach_app.documents.receipt import ReceiptContent

PAYER_TYPES = {
    PayerType.SELF: "Mandiri (peserta sendiri)",
    PayerType.APBN: "APBN",
    PayerType.APBD: "APBD",
    PayerType.APBDES: "APBDes (dana desa)",
    PayerType.SPONSOR: "Sponsor / CSR",
}


@dataclass(frozen=True, slots=True)
class RecapHeading:
    """Whose day it is: the figures come from the receipts themselves."""

    agent_name: str
    day: dt.date
    device_name: str


@dataclass
class RecapFigures:
    live: int = 0
    voided: int = 0
    jkk: int = 0
    jkm: int = 0
    jht: int = 0
    discount: int = 0
    total: int = 0
    by_payer: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_method: dict[str, tuple[int, int]] = field(default_factory=dict)
    voids: list[tuple[str, str, int, str]] = field(default_factory=list)


def summarise(receipts: Sequence[ReceiptContent]) -> RecapFigures:
    """Sums over the standing receipts; voided ones are counted and listed, never summed."""
    figures = RecapFigures()
    for receipt in receipts:
        pay = receipt.payment
        if pay.voided:
            figures.voided += 1
            figures.voids.append((pay.receipt_no, receipt.participant_name, pay.total,
                                  pay.void_reason))  # fmt: skip
            continue
        figures.live += 1
        figures.jkk += pay.jkk
        figures.jkm += pay.jkm
        figures.jht += pay.jht
        figures.discount += pay.discount
        figures.total += pay.total
        payer = PAYER_TYPES.get(PayerType(receipt.payer_type), receipt.payer_type)
        method = PAYMENT_METHODS.get(pay.method, pay.method.value)
        for table, key in ((figures.by_payer, payer), (figures.by_method, method)):
            count, amount = table.get(key, (0, 0))
            table[key] = (count + 1, amount + pay.total)
    return figures


LEFT, RIGHT = MARGIN, PAGE_WIDTH - MARGIN
COUNT_X, AMOUNT_X = LEFT + 120 * mm, RIGHT
BOTTOM = 22 * mm


def draw_recap(
    canvas: Canvas, heading: RecapHeading, receipts: Sequence[ReceiptContent], demo: bool
) -> None:
    """The recap page(s), each ended with showPage: a long list of voids runs on."""
    figures = summarise(receipts)
    y = _header(canvas, heading, len(receipts))
    y = _section(canvas, y, "Jumlah kuitansi", [
        ("Kuitansi berlaku", str(figures.live), None),
        ("Kuitansi dibatalkan (tidak dijumlahkan)", str(figures.voided), None),
    ])  # fmt: skip
    y = _section(canvas, y, "Per program (kuitansi berlaku)", [
        ("JKK · Jaminan Kecelakaan Kerja", "", figures.jkk),
        ("JKM · Jaminan Kematian", "", figures.jkm),
        ("JHT · Jaminan Hari Tua", "", figures.jht),
        ("Potongan iuran (keringanan)", "", -figures.discount),
    ], total=("Total iuran diterima", figures.total))  # fmt: skip
    y = _section(canvas, y, "Per jenis pembayar", [
        (name, f"{count} kuitansi", amount)
        for name, (count, amount) in sorted(figures.by_payer.items())
    ] or [("—", "", None)])  # fmt: skip
    cash = figures.by_method.get(PAYMENT_METHODS[PaymentMethod.CASH], (0, 0))[1]
    y = _section(canvas, y, "Per cara bayar", [
        (name, f"{count} kuitansi", amount)
        for name, (count, amount) in sorted(figures.by_method.items())
    ] or [("—", "", None)], total=("Uang tunai yang harus ada dari hari ini", cash))  # fmt: skip
    y = _voids(canvas, y, figures.voids, demo)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 8)
    note = ("Setelah halaman ini: setiap kuitansi satu halaman, dua lembar (untuk peserta dan "
            "arsip agen) dipisah garis potong.")  # fmt: skip
    canvas.drawString(LEFT, max(y - 6 * mm, BOTTOM - 8 * mm), note)
    if demo:
        draw_demo_band(canvas)
    canvas.showPage()


def _header(canvas: Canvas, heading: RecapHeading, count: int) -> float:
    top = PAGE_HEIGHT - 22 * mm
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 9)
    canvas.drawString(LEFT, top + 6 * mm, f"{ORGANISATION} · {PRODUCT}")
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 15)
    canvas.drawString(LEFT, top - 2 * mm, "REKAP KUITANSI HARIAN")
    canvas.setFont(REGULAR, 9.5)
    canvas.drawString(LEFT, top - 9 * mm, f"Agen: {heading.agent_name}")
    canvas.drawString(LEFT, top - 14 * mm, f"Tanggal: {long_date(heading.day)}")
    canvas.drawRightString(RIGHT, top - 9 * mm, f"{count} kuitansi dicetak")
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 8)
    canvas.drawRightString(RIGHT, top - 14 * mm, f"Perangkat: {heading.device_name}")
    return float(top - 24 * mm)


def _section(
    canvas: Canvas,
    y: float,
    title: str,
    rows: list[tuple[str, str, int | None]],
    total: tuple[str, int] | None = None,
) -> float:
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 10.5)
    canvas.drawString(LEFT, y, title)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y - 2 * mm, RIGHT, y - 2 * mm)
    y -= 7 * mm
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, 9.5)
    for label, count, amount in rows:
        canvas.drawString(LEFT + 2 * mm, y, label)
        if count:
            canvas.drawRightString(COUNT_X, y, count)
        if amount is not None:
            canvas.drawRightString(AMOUNT_X, y, format_rupiah(amount))
        y -= 5.5 * mm
    if total is not None:
        canvas.setStrokeColor(INK)
        canvas.line(COUNT_X, y + 3.5 * mm, RIGHT, y + 3.5 * mm)
        canvas.setFont(BOLD, 10)
        canvas.drawString(LEFT + 2 * mm, y - 0.5 * mm, total[0])
        canvas.drawRightString(AMOUNT_X, y - 0.5 * mm, format_rupiah(total[1]))
        y -= 6 * mm
    return float(y - 5 * mm)


def _voids(canvas: Canvas, y: float, voids: list[tuple[str, str, int, str]], demo: bool) -> float:
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 10.5)
    canvas.drawString(LEFT, y, "Kuitansi dibatalkan")
    canvas.setStrokeColor(RULE)
    canvas.line(LEFT, y - 2 * mm, RIGHT, y - 2 * mm)
    y -= 7 * mm
    if not voids:
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 9.5)
        canvas.drawString(LEFT + 2 * mm, y, "Tidak ada.")
        return float(y - 5.5 * mm)
    for number, name, amount, reason in voids:
        if y < BOTTOM:
            if demo:
                draw_demo_band(canvas)
            canvas.showPage()
            y = PAGE_HEIGHT - 25 * mm
        canvas.setFillColor(VOID_RED)
        canvas.setFont(BOLD, 9)
        canvas.drawString(LEFT + 2 * mm, y, number)
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, 9)
        canvas.drawString(LEFT + 32 * mm, y, name[:40])
        canvas.drawRightString(AMOUNT_X, y, format_rupiah(amount))
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(LEFT + 32 * mm, y - 4 * mm, f"Alasan: {reason}"[:110])
        y -= 9.5 * mm
    return y

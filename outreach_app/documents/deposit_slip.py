"""The deposit slip of a cash close-out: what the agent hands to the branch with the cash.

Page one carries the figures (cash expected from the receipts, cash counted, the difference
and its reason), the signed QR code the branch scans to confirm the cash received (or the
slip number and short code, to type), and the signature lines; the receipts it covers follow
in a table that runs on as many pages as it needs.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from outreach_app.documents.qr import define_qr_form
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
    VOID_RED,
    draw_demo_band,
    new_canvas,
)
from outreach_app.reference.dates_text import long_date, month_span
from outreach_app.reference.money_text import amount_in_words, format_rupiah

LEFT, RIGHT = MARGIN, PAGE_WIDTH - MARGIN
QR_SIZE = 42 * mm
BOTTOM = 20 * mm


@dataclass(frozen=True, slots=True)
class SlipReceipt:
    receipt_no: str
    paid_at: dt.datetime
    participant_name: str
    first_month: dt.date
    last_month: dt.date
    months: int
    amount: int


@dataclass(frozen=True, slots=True)
class DepositSlipContent:
    slip_no: str
    agent_name: str
    closed_at: dt.datetime
    device_name: str
    expected: int
    counted: int
    reason: str
    payload: str  # signed: services/cash_closeout.py
    short_code: str
    receipts: Sequence[SlipReceipt]
    received: str = ""  # "Diterima <staff>, <when>" once the branch confirmed it


def render_deposit_slip(slip: DepositSlipContent, demo: bool = False) -> bytes:
    out = io.BytesIO()
    canvas = new_canvas(out, f"Slip setoran {slip.slip_no}", demo)
    define_qr_form(canvas, "slipqr", slip.payload, QR_SIZE)
    y = _first_page(canvas, slip)
    _receipts(canvas, slip, y, demo)
    if demo:
        draw_demo_band(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _first_page(canvas: Canvas, slip: DepositSlipContent) -> float:
    top = PAGE_HEIGHT - 22 * mm
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 9)
    canvas.drawString(LEFT, top + 6 * mm, f"{ORGANISATION} · {PRODUCT}")
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 15)
    canvas.drawString(LEFT, top - 2 * mm, "SLIP SETORAN TUNAI (TUTUP KAS)")
    canvas.setFont(REGULAR, 9.5)
    rows = (
        ("Nomor slip", slip.slip_no),
        ("Agen", slip.agent_name),
        ("Ditutup", f"{long_date(slip.closed_at.date())}, {slip.closed_at:%H:%M}"),
        ("Perangkat", slip.device_name),
        ("Kuitansi tunai", f"{len(slip.receipts)} kuitansi"),
    )
    y = top - 11 * mm
    for label, value in rows:
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8.5)
        canvas.drawString(LEFT, y, label)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD if label == "Nomor slip" else REGULAR, 10)
        canvas.drawString(LEFT + 30 * mm, y, value)
        y -= 5.5 * mm
    qr_x, qr_y = RIGHT - QR_SIZE, top - QR_SIZE + 2 * mm
    canvas.saveState()
    canvas.translate(qr_x, qr_y)
    canvas.doForm("slipqr")
    canvas.restoreState()
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7.5)
    canvas.drawCentredString(qr_x + QR_SIZE / 2, qr_y - 2 * mm, "Pindai di kantor cabang")
    canvas.setFont(MONO, 9)
    canvas.setFillColor(INK)
    canvas.drawCentredString(qr_x + QR_SIZE / 2, qr_y - 7 * mm, f"Kode: {slip.short_code}")
    y = min(y, qr_y - 12 * mm)
    y = _figures(canvas, slip, y)
    canvas.setFillColor(MUTED)
    canvas.setFont(MONO, 5.5)
    for start in range(0, len(slip.payload), 110):
        canvas.drawString(LEFT, y, slip.payload[start : start + 110])
        y -= 2.6 * mm
    y -= 12 * mm
    canvas.setStrokeColor(RULE)
    canvas.setFont(REGULAR, 8)
    for x, label in ((LEFT, "Agen yang menyetor"), (LEFT + 95 * mm, "Diterima oleh (staf cabang)")):
        canvas.line(x, y, x + 70 * mm, y)
        canvas.drawString(x, y - 3.5 * mm, label)
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, 9)
    canvas.drawString(LEFT, y + 1.5 * mm, slip.agent_name)
    if slip.received:
        canvas.drawString(LEFT + 95 * mm, y + 1.5 * mm, slip.received)
    return float(y - 12 * mm)


def _figures(canvas: Canvas, slip: DepositSlipContent, y: float) -> float:
    difference = slip.counted - slip.expected
    amount_x = LEFT + 120 * mm
    canvas.setStrokeColor(RULE)
    canvas.line(LEFT, y + 4 * mm, RIGHT, y + 4 * mm)
    lines = (
        ("Uang seharusnya (jumlah kuitansi tunai)", slip.expected, INK, REGULAR),
        ("Uang dihitung dan disetor", slip.counted, INK, BOLD),
        ("Selisih", difference, VOID_RED if difference else INK, BOLD if difference else REGULAR),
    )
    for label, amount, colour, font in lines:
        canvas.setFillColor(colour)
        canvas.setFont(font, 11)
        canvas.drawString(LEFT, y - 1 * mm, label)
        text = format_rupiah(amount) if label != "Selisih" or amount <= 0 else (
            "+" + format_rupiah(amount))  # fmt: skip
        canvas.drawRightString(amount_x, y - 1 * mm, text)
        y -= 7 * mm
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, 8.5)
    for line in simpleSplit(f"Terbilang: {amount_in_words(slip.counted)}", REGULAR, 8.5,
                            RIGHT - LEFT):  # fmt: skip
        canvas.drawString(LEFT, y, line)
        y -= 4 * mm
    if difference:
        canvas.setFillColor(VOID_RED)
        for line in simpleSplit(f"Alasan selisih: {slip.reason}", BOLD, 9, RIGHT - LEFT):
            canvas.setFont(BOLD, 9)
            canvas.drawString(LEFT, y, line)
            y -= 4.5 * mm
    return float(y - 4 * mm)


COLUMNS = (LEFT, LEFT + 26 * mm, LEFT + 52 * mm, LEFT + 97 * mm)


def _receipts(canvas: Canvas, slip: DepositSlipContent, y: float, demo: bool) -> None:
    def heading(y: float) -> float:
        canvas.setFillColor(ACCENT)
        canvas.setFont(BOLD, 10.5)
        canvas.drawString(LEFT, y, f"Kuitansi yang disetor ({len(slip.receipts)})")
        canvas.setFillColor(MUTED)
        canvas.setFont(BOLD, 8)
        y -= 6 * mm
        for x, label in zip(COLUMNS, ("Kuitansi", "Dibayar", "Peserta", "Masa iuran"),
                            strict=True):  # fmt: skip
            canvas.drawString(x, y, label)
        canvas.drawRightString(RIGHT, y, "Jumlah")
        canvas.setStrokeColor(RULE)
        canvas.line(LEFT, y - 1.8 * mm, RIGHT, y - 1.8 * mm)
        return float(y - 6 * mm)

    y = heading(y)
    canvas.setFont(REGULAR, 8.5)
    for receipt in slip.receipts:
        if y < BOTTOM:
            if demo:
                draw_demo_band(canvas)
            canvas.showPage()
            y = heading(PAGE_HEIGHT - 20 * mm)
            canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(INK)
        period = month_span(receipt.first_month, receipt.last_month)
        values = (receipt.receipt_no, f"{receipt.paid_at:%d-%m-%y %H:%M}",
                  receipt.participant_name[:26], f"{period} ({receipt.months} bln)")  # fmt: skip
        for x, value in zip(COLUMNS, values, strict=True):
            canvas.drawString(x, y, value)
        canvas.drawRightString(RIGHT, y, format_rupiah(receipt.amount))
        y -= 4.6 * mm
    canvas.setStrokeColor(INK)
    canvas.line(LEFT + 118 * mm, y + 2.8 * mm, RIGHT, y + 2.8 * mm)
    canvas.setFont(BOLD, 9.5)
    canvas.drawString(LEFT + 118 * mm, y - 1.5 * mm, "Total")
    canvas.drawRightString(RIGHT, y - 1.5 * mm, format_rupiah(slip.expected))

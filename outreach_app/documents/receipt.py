"""The premium receipt (Kuitansi / Bukti Pembayaran Iuran BPU): one A4 page, two copies.

The top half goes to the participant, the bottom half stays with the agent's cash records;
a dashed line between them is where to cut. Each copy carries the signed QR code.

Speed: a day's batch can be hundreds of receipts. What is the same on every receipt (labels,
rules, signature lines, the cut line) is drawn once per document into a form XObject and
placed on each copy; per receipt only the values and one QR code (encoded once, placed twice)
are drawn.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from outreach_app.documents.day_recap import RecapHeading, draw_recap
from outreach_app.documents.labels import PAYMENT_METHODS
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
    draw_stamp,
    new_canvas,
)
from outreach_app.domain.models import Payment
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import long_date, month_span
from outreach_app.reference.money_text import amount_in_words, format_rupiah

HALF = PAGE_HEIGHT / 2
QR_SIZE = 34 * mm
COPIES = ("Lembar untuk peserta", "Lembar arsip agen")
FRAME = "receipt-frame"

# Where things sit inside one copy, measured from the copy's bottom-left corner.
LEFT = MARGIN
RIGHT = PAGE_WIDTH - MARGIN
TOP = HALF - 17 * mm
VALUE_X = LEFT + 30 * mm
AMOUNT_RIGHT = LEFT + 118 * mm
QR_X = RIGHT - QR_SIZE
QR_Y = 30 * mm


@dataclass(frozen=True, slots=True)
class ReceiptContent:
    """Everything one receipt prints; the service fills it from the records."""

    payment: Payment
    participant_name: str
    nik: str | None
    kpj: str
    village: str
    payer: str
    agent_name: str
    device_name: str
    qr_payload: str  # signed by services/receipts.py
    discount_basis: str = ""  # the legal basis of the relief, when there is one
    payer_type: str = "self"  # PayerType's value, for the day's recap
    credit_used: int = 0  # what a settled credit paid of the total: the rest was taken in money


def render_receipts(
    receipts: Sequence[ReceiptContent], demo: bool = False, recap: RecapHeading | None = None
) -> bytes:
    """One page per receipt, in the order given (a day's batch prints in one PDF), after
    the day's recap page when `recap` says whose day it is."""
    if not receipts:
        raise ValueError("no receipts to print")
    out = io.BytesIO()
    title = (
        f"Kuitansi {receipts[0].payment.receipt_no}"
        if len(receipts) == 1
        else f"Kuitansi ({len(receipts)})"
    )
    canvas = new_canvas(out, title, demo)
    if recap is not None:
        draw_recap(canvas, recap, receipts, demo)
    _define_frame(canvas)
    for number, receipt in enumerate(receipts):
        qr_name = f"qr{number}"
        define_qr_form(canvas, qr_name, receipt.qr_payload, QR_SIZE)
        for copy, bottom in enumerate((HALF, 0.0)):
            canvas.saveState()
            canvas.translate(0, bottom)
            canvas.doForm(FRAME)
            _draw_copy(canvas, receipt, COPIES[copy], qr_name)
            canvas.restoreState()
        _draw_cut_line(canvas)
        if demo:
            draw_demo_band(canvas)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _define_frame(canvas: Canvas) -> None:
    """The labels and lines every copy shares."""
    canvas.beginForm(FRAME, lowerx=0, lowery=0, upperx=PAGE_WIDTH, uppery=HALF)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 9)
    canvas.drawString(LEFT, TOP + 6 * mm, f"{ORGANISATION} · {PRODUCT}")
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 13)
    canvas.drawString(LEFT, TOP, "KUITANSI PEMBAYARAN IURAN")
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    subtitle = "Bukti pembayaran iuran peserta Bukan Penerima Upah (BPU)"
    canvas.drawString(LEFT, TOP - 4.5 * mm, subtitle)
    canvas.drawRightString(RIGHT, TOP + 2 * mm, "Nomor kuitansi")
    canvas.drawRightString(RIGHT, TOP - 7 * mm, "Tanggal bayar")
    canvas.drawRightString(RIGHT, TOP - 16 * mm, "Terlindungi s.d.")
    labels = ("Nama peserta", "NIK", "Nomor KPJ", "Desa", "Pembayar", "Masa iuran")
    y = TOP - 14 * mm
    for label in labels:
        canvas.drawString(LEFT, y, label)
        y -= 5 * mm
    canvas.setFont(BOLD, 8)
    table_top = TOP - 46 * mm
    canvas.drawString(LEFT, table_top, "Program")
    canvas.drawRightString(AMOUNT_RIGHT, table_top, "Jumlah")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, table_top - 1.8 * mm, AMOUNT_RIGHT, table_top - 1.8 * mm)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    for x, label in ((LEFT, "Peserta"), (LEFT + 62 * mm, "Diterima oleh (agen Perisai)")):
        canvas.line(x, 16 * mm, x + 52 * mm, 16 * mm)
        canvas.drawString(x, 12.5 * mm, label)
    canvas.drawCentredString(QR_X + QR_SIZE / 2, QR_Y - 3 * mm, "Pindai untuk memeriksa keaslian")
    canvas.endForm()


def _draw_cut_line(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setDash(3, 3)
    canvas.line(MARGIN / 2, HALF, PAGE_WIDTH - MARGIN / 2, HALF)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 9)
    canvas.drawString(MARGIN / 2, HALF + 1 * mm, "✂")
    canvas.restoreState()


def _draw_copy(canvas: Canvas, receipt: ReceiptContent, copy_label: str, qr_name: str) -> None:
    pay = receipt.payment
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 8)
    canvas.drawRightString(RIGHT, TOP + 6 * mm, copy_label)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 12)
    canvas.drawRightString(RIGHT, TOP - 3 * mm, pay.receipt_no)
    canvas.setFont(REGULAR, 9)
    paid = pay.paid_at
    canvas.drawRightString(RIGHT, TOP - 11 * mm, f"{long_date(paid.date())}, {paid:%H:%M}")
    # Covered until: the last day of the last month paid, the participant's proof of protection.
    canvas.setFont(BOLD, 11)
    canvas.drawRightString(RIGHT, TOP - 21 * mm, long_date(pay.period_end))
    period = month_span(pay.period_start, pay.period_end)
    values = (
        receipt.participant_name,
        masked_nik(receipt.nik),
        receipt.kpj or "belum terbit",
        receipt.village or "—",
        receipt.payer,
        f"{period} ({pay.months} bulan)",
    )
    y = TOP - 14 * mm
    for index, value in enumerate(values):
        font = BOLD if index == 0 else REGULAR
        _draw_fitted(canvas, VALUE_X, y, value, font, 9, RIGHT - VALUE_X - 40 * mm)
        y -= 5 * mm
    y = TOP - 51 * mm
    canvas.setFont(REGULAR, 9)
    for label, amount in _lines(pay, receipt.discount_basis):
        canvas.drawString(LEFT, y, label)
        canvas.drawRightString(AMOUNT_RIGHT, y, format_rupiah(amount))
        y -= 4.6 * mm
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.line(LEFT, y + 2.8 * mm, AMOUNT_RIGHT, y + 2.8 * mm)
    canvas.setFont(BOLD, 10.5)
    canvas.drawString(LEFT, y - 1.2 * mm, "TOTAL")
    canvas.drawRightString(AMOUNT_RIGHT, y - 1.2 * mm, format_rupiah(pay.total))
    y = _draw_credit(canvas, pay.total, receipt.credit_used, y)
    words = f"Terbilang: {amount_in_words(pay.total)}"
    y = _draw_wrapped(canvas, LEFT, y - 6.5 * mm, words, REGULAR, 8.5, QR_X - LEFT - 8 * mm)
    canvas.setFillColor(MUTED)
    method = PAYMENT_METHODS.get(pay.method, pay.method.value)
    small = QR_X - LEFT - 8 * mm
    y = _draw_wrapped(
        canvas, LEFT, y - 1 * mm, f"Cara bayar: {method} · Perangkat: {receipt.device_name}",
        REGULAR, 7, small,
    )  # fmt: skip
    if pay.rules:
        _draw_wrapped(canvas, LEFT, y, f"Dasar: {pay.rules}", REGULAR, 7, small)
    canvas.setFillColor(INK)
    _draw_fitted(canvas, LEFT + 62 * mm, 17.5 * mm, receipt.agent_name, REGULAR, 8.5, 52 * mm)
    canvas.saveState()
    canvas.translate(QR_X, QR_Y)
    canvas.doForm(qr_name)
    canvas.restoreState()
    _draw_payload_text(canvas, receipt.qr_payload)
    if pay.voided:
        draw_stamp(canvas, "BATAL", PAGE_WIDTH / 2 - 15 * mm, HALF / 2 + 8 * mm)
        canvas.setFillColor(VOID_RED)
        reason = f"DIBATALKAN: {pay.void_reason}"
        _draw_wrapped(canvas, LEFT, 24 * mm, reason, BOLD, 8.5, QR_X - LEFT - 8 * mm)


def _draw_credit(canvas: Canvas, total: int, credit: int, y: float) -> float:
    """When a credit (a settled double payment, a relief) paid part of the receipt, the
    credit and the money actually received, so the agent's cash and the receipt agree."""
    if credit <= 0:
        return y
    y -= 1.2 * mm  # the TOTAL line's baseline
    canvas.setFont(REGULAR, 9)
    for label, amount in (
        ("Kredit dipakai (dari pembayaran sebelumnya)", -credit),
        ("Uang diterima", max(total - credit, 0)),
    ):
        y -= 4.6 * mm
        canvas.drawString(LEFT, y, label)
        canvas.drawRightString(AMOUNT_RIGHT, y, format_rupiah(amount))
    return float(y + 1.2 * mm)  # as if the last line were the TOTAL: the words follow it


def _lines(pay: Payment, discount_basis: str) -> list[tuple[str, int]]:
    months = f"{pay.months} bln"
    lines = [
        (f"JKK · Jaminan Kecelakaan Kerja ({months})", pay.jkk),
        (f"JKM · Jaminan Kematian ({months})", pay.jkm),
    ]
    if pay.jht:
        lines.append((f"JHT · Jaminan Hari Tua ({months})", pay.jht))
    if pay.discount:
        basis = discount_basis or "keringanan pemerintah"
        lines.append((f"Potongan iuran ({basis})", -pay.discount))
    return lines


def _draw_payload_text(canvas: Canvas, payload: str) -> None:
    """The QR text in small print under the code, for typing in when a camera cannot read it."""
    canvas.setFillColor(MUTED)
    canvas.setFont(MONO, 4.6)
    per_line = 44
    y = QR_Y - 6.5 * mm
    for start in range(0, len(payload), per_line):
        canvas.drawString(QR_X - 6 * mm, y, payload[start : start + per_line])
        y -= 2 * mm


def _draw_fitted(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, width: float
) -> None:
    """Draws `text` whole: a long name gets a smaller size (down to 6 pt) rather than
    running into the QR code; only beyond that is it shortened, with an ellipsis."""
    while size > 6 and stringWidth(text, font, size) > width:
        size -= 0.5
    while stringWidth(text, font, size) > width and len(text) > 1:
        text = text[:-2] + "…"
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


def _draw_wrapped(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, width: float
) -> float:
    """Draws `text` over as many lines as it needs; returns the y below the last line."""
    canvas.setFont(font, size)
    for line in simpleSplit(text, font, size, width):
        canvas.drawString(x, y, line)
        y -= size * 1.25
    return y

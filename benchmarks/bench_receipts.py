"""Receipts per second for a batch of 1000, against raw reportlab drawing the same content.

Ours: `documents.receipt.render_receipts` on 1000 prepared receipts (records read and QR texts
signed beforehand, timed apart), opened by the day's recap page as `outreach print receipts`
prints it (counts and sums over the batch, voids listed; the baseline draws no recap, so
ours carries its whole cost): formatting amounts, words and dates, two copies a page,
the shared labels as one form XObject, each QR code encoded once and placed twice.
Baseline, in the same run: plain reportlab canvas calls drawing the same final strings at the
same places (fonts registered once, strings formatted in advance, the same QR matrix drawn as
one path of rectangles, a rectangle per run of dark modules, on each copy), with no layout code
of ours at all.
Target: >= 100 receipts/s and <= 1.5x the baseline's time.

    .venv/bin/python benchmarks/bench_receipts.py [--db FILE] [--count 1000]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from outreach_app.documents.day_recap import RecapHeading
from outreach_app.documents.qr import qr_matrix
from outreach_app.documents.receipt import ReceiptContent, render_receipts
from outreach_app.documents.styles import BOLD, MONO, REGULAR, register_fonts
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import long_date, month_span
from outreach_app.reference.money_text import amount_in_words, format_rupiah
from outreach_app.reference.rate_tables import load_schedule
from outreach_app.services.printing import PrintService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.storage.store import Store

TARGET_PER_SECOND, TARGET_RATIO = 100, 1.5
HALF = A4[1] / 2


def raw_strings(receipt: ReceiptContent) -> list[tuple[float, float, str, float, str]]:
    """(x, y, font, size, text) of every string a copy prints, formatted in advance."""
    pay = receipt.payment
    left, right = 15 * mm, A4[0] - 15 * mm
    top = HALF - 17 * mm
    rows: list[tuple[float, float, str, float, str]] = [
        (left, top + 6 * mm, BOLD, 9, "BPJS Ketenagakerjaan · Perisai Outreach"),
        (left, top, BOLD, 13, "KUITANSI PEMBAYARAN IURAN"),
        (left, top - 4.5 * mm, REGULAR, 8,
         "Bukti pembayaran iuran peserta Bukan Penerima Upah (BPU)"),
        (right - 40 * mm, top - 3 * mm, BOLD, 12, pay.receipt_no),
        (right - 60 * mm, top - 11 * mm, REGULAR, 9,
         f"{long_date(pay.paid_at.date())}, {pay.paid_at:%H:%M}"),
    ]  # fmt: skip
    values = (
        ("Nama peserta", receipt.participant_name),
        ("NIK", masked_nik(receipt.nik)),
        ("Nomor KPJ", receipt.kpj or "belum terbit"),
        ("Desa", receipt.village),
        ("Pembayar", receipt.payer),
        ("Masa iuran", f"{month_span(pay.period_start, pay.period_end)} ({pay.months} bulan)"),
    )
    y = top - 14 * mm
    for label, value in values:
        rows += [(left, y, REGULAR, 8, label), (left + 30 * mm, y, REGULAR, 9, value)]
        y -= 5 * mm
    y = top - 51 * mm
    for label, amount in (("JKK", pay.jkk), ("JKM", pay.jkm), ("JHT", pay.jht),
                          ("Potongan", -pay.discount), ("TOTAL", pay.total)):  # fmt: skip
        rows += [(left, y, REGULAR, 9, label), (left + 100 * mm, y, REGULAR, 9,
                                                 format_rupiah(amount))]  # fmt: skip
        y -= 4.6 * mm
    rows += [
        (left, y - 6 * mm, REGULAR, 8.5, f"Terbilang: {amount_in_words(pay.total)}"),
        (left, y - 10 * mm, REGULAR, 7, f"Dasar: {pay.rules}"),
        (left + 62 * mm, 17.5 * mm, REGULAR, 8.5, receipt.agent_name),
    ]
    for start in range(0, len(receipt.qr_payload), 44):
        rows.append((right - 40 * mm, 23 * mm - start / 22 * mm, MONO, 4.6,
                     receipt.qr_payload[start : start + 44]))  # fmt: skip
    return rows


def render_raw(pages: list[tuple[list[tuple[float, float, str, float, str]], list[list[bool]]]]
               ) -> bytes:  # fmt: skip
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    module = 34 * mm / 57
    for strings, matrix in pages:
        for bottom in (HALF, 0.0):
            for x, y, font, size, text in strings:
                canvas.setFont(font, size)
                canvas.drawString(x, bottom + y, text)
            path = canvas.beginPath()
            for row_number, row in enumerate(matrix):
                column = 0
                while column < len(row):  # one rectangle per run of dark modules
                    if not row[column]:
                        column += 1
                        continue
                    start = column
                    while column < len(row) and row[column]:
                        column += 1
                    path.rect(A4[0] - 49 * mm + start * module,
                              bottom + 64 * mm - row_number * module,
                              (column - start) * module, module)  # fmt: skip
            canvas.drawPath(path, stroke=0, fill=1)  # fmt: skip
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def timed(function, *args) -> tuple[float, bytes]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a demo database (made if missing)")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "demo.db"
        if not db.exists():
            subprocess.run([sys.executable, "-m", "outreach_app", "init", "--demo", "--db",
                            str(db)], check=True, capture_output=True)  # fmt: skip
        with Store(db) as store:
            printer = PrintService(store, load_schedule(), ReceiptSigner(store), demo=False)
            payments = store.payments.all()[: args.count]
            register_fonts()
            gather, contents = timed(lambda: [printer.receipt_content(p) for p in payments])
    # the baseline's inputs are made outside its timing: strings formatted, QR matrices encoded
    prepared = [(raw_strings(c), qr_matrix(c.qr_payload)) for c in contents]
    ours, baseline, size = [], [], 0
    recap = RecapHeading("Agen demo", contents[0].payment.paid_at.date(), "Laptop demo")
    for _ in range(args.runs):
        seconds, pdf = timed(lambda: render_receipts(contents, recap=recap))
        ours.append(seconds)
        size = len(pdf)
        baseline.append(timed(render_raw, prepared)[0])
    n = len(contents)
    mine, raw = statistics.median(ours), statistics.median(baseline)
    print(f"Receipts: a batch of {n} in one PDF ({size / 1024 / 1024:.1f} MB), median of "
          f"{args.runs} runs")  # fmt: skip
    print(f"reading records and signing QR texts   {gather:6.2f} s  ({n / gather:6.0f}/s)")
    print(f"raw reportlab, same content (baseline) {raw:6.2f} s  ({n / raw:6.0f}/s)")
    print(f"render_receipts with recap (ours)      {mine:6.2f} s  ({n / mine:6.0f}/s)")
    rate, ratio = n / mine, mine / raw
    print(
        f"  {rate:.0f} receipts/s  target >= {TARGET_PER_SECOND}: "
        f"{'PASS' if rate >= TARGET_PER_SECOND else 'FAIL'}"
    )
    print(
        f"  ratio {ratio:.2f}x the baseline  target <= {TARGET_RATIO}x: "
        f"{'PASS' if ratio <= TARGET_RATIO else 'FAIL'}"
    )
    print(f"  whole path (records + signing + PDF): {n / (gather + mine):.0f} receipts/s")


if __name__ == "__main__":
    main()

"""`outreach cash close | verify | confirm` and the day's receipts as a user runs them: real
processes, exit codes, the PDF written, the slip's QR code read back from the printed page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.integration.test_cli import outreach
from tests.pdf_tools import pdf_pages_text, read_qr_codes, render_pages


@pytest.fixture
def demo_db(tmp_path: Path, demo_db_template: Path) -> Path:
    target = tmp_path / "demo.db"
    shutil.copy(demo_db_template, target)
    return target


def test_close_out_print_the_slip_then_the_branch_confirms_it(demo_db: Path, tmp_path) -> None:
    db = ("--db", str(demo_db))
    slip = tmp_path / "slip.pdf"
    refused = outreach("cash", "close", "--counted", "100.000", "-o", str(slip), *db)
    assert refused.returncode == 1 and "tulis alasannya" in refused.stderr
    assert not slip.exists()

    short = outreach("cash", "close", "-o", str(tmp_path / "x.pdf"), "--counted", "1",
                     "--reason", "oke", *db)  # fmt: skip
    assert short.returncode == 1 and not (tmp_path / "x.pdf").exists()  # 5 letters at least
    closed = outreach("cash", "close", "--counted", "Rp1.000", "--reason", "uang kembalian kurang",
                      "-o", str(slip), "--json", *db)  # fmt: skip
    assert closed.returncode == 0, closed.stderr
    summary = json.loads(closed.stdout)
    assert summary["counted"] == 1_000 and summary["difference"] == 1_000 - summary["expected"]
    assert summary["receipts"] > 0 and summary["reason"] == "uang kembalian kurang"
    first = render_pages(slip.read_bytes(), tmp_path)[0]
    scanned = read_qr_codes(first)[0]
    assert scanned == summary["payload"]
    assert summary["slip_no"] in pdf_pages_text(slip.read_bytes())[0]

    verified = outreach("cash", "verify", scanned, *db)
    assert verified.returncode == 0 and verified.stdout.startswith("ASLI: slip")
    tampered = scanned.replace(":1000:", ":9000:")
    assert outreach("cash", "verify", tampered, *db).returncode == 1
    not_staff = outreach("cash", "confirm", scanned, *db)
    assert not_staff.returncode == 1 and "Hanya staf" in not_staff.stderr
    code = scanned.rsplit(":", 1)[1][:8]
    done = outreach("cash", "confirm", summary["slip_no"], code, "--staff", "staf.maluku", *db)
    assert done.returncode == 0 and done.stdout.startswith("DITERIMA"), done.stderr
    again = outreach("cash", "confirm", scanned, "--staff", "staf.maluku", *db)
    assert again.returncode == 1 and "sudah dikonfirmasi" in again.stderr
    again_slip = tmp_path / "again.pdf"
    reprinted = outreach("cash", "slip", summary["slip_no"], "-o", str(again_slip), *db)
    assert reprinted.returncode == 0, reprinted.stderr
    assert read_qr_codes(render_pages(again_slip.read_bytes(), tmp_path)[0])[0] == scanned
    assert "Maria Latuconsina" in pdf_pages_text(again_slip.read_bytes())[0]  # who received it
    nothing = outreach("cash", "close", "-o", str(tmp_path / "y.pdf"), *db)
    assert nothing.returncode == 1 and "belum disetor" in nothing.stderr


def test_the_days_receipts_open_with_their_recap(demo_db: Path, tmp_path: Path) -> None:
    """Once 9 pages with no recap: each receipt's two copies (participant, archive) looked
    like duplicates. Now page 1 sums the day and says what follows."""
    pdf = tmp_path / "day.pdf"
    printed = outreach("print", "receipts", "--date", "2026-11-21", "-o", str(pdf),
                       "--db", str(demo_db))  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    pages = pdf_pages_text(pdf.read_bytes())
    recap, receipts = pages[0], pages[1:]
    assert "REKAP KUITANSI HARIAN" in recap and "KUITANSI PEMBAYARAN IURAN" not in recap
    assert f"{len(receipts)} kuitansi dicetak" in recap and len(receipts) == 6
    assert all("REKAP" not in page for page in receipts)
    numbers = [line for page in receipts for line in page.split() if line.startswith("DEMO-")]
    assert len(set(numbers)) == len(receipts)  # one receipt a page, no receipt twice
    assert "Uang tunai yang harus ada dari hari ini" in recap and "JKK" in recap

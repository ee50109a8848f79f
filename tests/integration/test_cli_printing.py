"""`outreach print` and `outreach verify-receipt` as a user runs them: real processes, real
files, exit codes, and the QR code read back from the printed page."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.integration.test_cli import outreach
from tests.pdf_tools import pdf_pages_text, read_qr_codes, render_pages


@pytest.fixture
def demo_db(tmp_path: Path, demo_db_template: Path) -> Path:
    target = tmp_path / "demo.db"
    shutil.copy(demo_db_template, target)
    return target


def test_print_a_receipt_then_verify_the_pdf_and_its_qr_code(demo_db: Path, tmp_path) -> None:
    pdf = tmp_path / "kuitansi.pdf"
    printed = outreach("print", "receipt", "DEMO-000035", "-o", str(pdf), "--db", str(demo_db))
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and str(pdf) in printed.stdout

    from_file = outreach("verify-receipt", str(pdf), "--db", str(demo_db), "--json")
    assert from_file.returncode == 0, from_file.stderr
    (fields,) = json.loads(from_file.stdout)
    assert fields["genuine"] and fields["receipt_no"] == "DEMO-000035"
    assert fields["status"] == "recorded" and fields["amount"] > 0

    (page,) = render_pages(pdf.read_bytes(), tmp_path)
    scanned = read_qr_codes(page)[0]
    from_scan = outreach("verify-receipt", scanned, "--db", str(demo_db))
    assert from_scan.returncode == 0, from_scan.stderr
    assert from_scan.stdout.startswith("ASLI: kuitansi DEMO-000035")

    tampered = scanned.replace(f":{fields['amount']}:", f":{fields['amount'] + 500}:")
    refused = outreach("verify-receipt", tampered, "--db", str(demo_db))
    assert refused.returncode == 1
    assert "TIDAK SAH" in refused.stderr and "diubah" in refused.stderr


def test_the_signing_key_is_never_printed(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "k.pdf"
    printed = outreach("print", "receipt", "DEMO-000035", "-o", str(pdf), "--db", str(demo_db))
    assert printed.returncode == 0
    with sqlite3.connect(demo_db) as conn:
        (key,) = conn.execute(
            "SELECT value FROM local_settings WHERE key = 'receipt_signing_key'"
        ).fetchone()
    assert key.encode() not in pdf.read_bytes()
    assert key not in "".join(pdf_pages_text(pdf.read_bytes()))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["receipt", "DEMO-999999"], "DEMO-999999 tidak ada"),
        (["receipts", "--date", "2020-01-01"], "Tidak ada kuitansi"),
        (["receipts", "--date", "21-11-2026"], "YYYY-MM-DD"),
        (["receipts", "--agent", "nobody"], "nobody"),
    ],
)
def test_nothing_to_print_leaves_no_file(demo_db: Path, tmp_path, args, message) -> None:
    pdf = tmp_path / "out.pdf"
    result = outreach("print", *args, "-o", str(pdf), "--db", str(demo_db))
    assert result.returncode == 1
    assert message in result.stderr
    assert not pdf.exists() and list(tmp_path.glob("*.pdf")) == []


def test_a_days_receipts_in_one_pdf(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "hari.pdf"
    result = outreach("print", "receipts", "--date", "2026-11-21", "-o", str(pdf),
                      "--db", str(demo_db))  # fmt: skip
    assert result.returncode == 0, result.stderr
    checked = outreach("verify-receipt", str(pdf), "--db", str(demo_db), "--json")
    assert checked.returncode == 0
    receipts = json.loads(checked.stdout)
    assert len(receipts) > 1 and all(r["genuine"] for r in receipts)


def test_verify_refuses_what_is_not_a_receipt(demo_db: Path, tmp_path: Path) -> None:
    text_file = tmp_path / "notes.pdf"
    text_file.write_text("not a pdf")
    cases = {
        str(text_file): "bukan PDF",
        str(tmp_path / "missing.pdf"): "tidak ada",
        "PO1:HELLO": "bukan kode kuitansi",
    }
    for source, message in cases.items():
        result = outreach("verify-receipt", source, "--db", str(demo_db))
        assert result.returncode == 1, source
        assert message in result.stderr, (source, result.stderr)


def test_printing_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = outreach("print", "receipt", "X-000001", "-o", str(tmp_path / "k.pdf"),
                      "--db", str(missing))  # fmt: skip
    assert result.returncode == 1 and "belum ada" in result.stderr
    assert not missing.exists()


def ids(db: Path, sql: str) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute(sql).fetchone()[0])


def test_forms_lists_and_reports(demo_db: Path, tmp_path: Path) -> None:
    nik = ids(demo_db, "SELECT nik FROM participants WHERE status = 'registered' LIMIT 1")
    payer = ids(demo_db, "SELECT id FROM payers WHERE payer_type = 'apbd' LIMIT 1")
    visit = ids(demo_db, "SELECT id FROM visit_plans WHERE status = 'done' LIMIT 1")
    cases = {
        "form-nik.pdf": ["form", "--nik", nik],
        "form-blank.pdf": ["form", "--blank"],
        "payer.pdf": ["payer-list", payer, "--month", "2026-12"],
        "visit.pdf": ["visit-report", visit],
    }
    for name, args in cases.items():
        pdf = tmp_path / name
        result = outreach("print", *args, "-o", str(pdf), "--db", str(demo_db))
        assert result.returncode == 0, (args, result.stderr)
        pages = pdf_pages_text(pdf.read_bytes())
        assert pages and all("DEMO — data contoh" in page for page in pages), name
    assert nik in pdf_pages_text((tmp_path / "form-nik.pdf").read_bytes())[0]
    assert "TOTAL TAGIHAN" in pdf_pages_text((tmp_path / "payer.pdf").read_bytes())[-1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["form", "--nik", "8103011508950009"], "Tidak ada peserta dengan NIK"),
        (["payer-list", "no-such-payer", "--month", "2026-12"], "no-such-payer"),
        (["payer-list", "x", "--month", "12-2026"], "YYYY-MM"),
        (["visit-report", "no-such-visit"], "Kunjungan ini tidak ada"),
    ],
)
def test_unknown_records_print_nothing(demo_db: Path, tmp_path, args, message) -> None:
    pdf = tmp_path / "out.pdf"
    result = outreach("print", *args, "-o", str(pdf), "--db", str(demo_db))
    assert result.returncode == 1 and message in result.stderr
    assert not pdf.exists()

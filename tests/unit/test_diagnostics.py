"""No NIK, name, phone number or e-mail address reaches the log file or a crash report."""

from __future__ import annotations

import logging
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from outreach_app import diagnostics
from outreach_app.diagnostics import Safe, scrub
from outreach_app.storage.errors import DuplicateNik

NIK = "8103011508950001"
NAME = "Yohanis Ratuanak"
PHONE = "081234567890"
EMAIL = "yohanis@example.id"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def installed(tmp_path: Path):
    report = diagnostics.install(tmp_path / "log", version=lambda: "9.9")
    yield report
    report.close()


def log_text(report: diagnostics.Diagnostics) -> str:
    report.handler.flush()
    return report.log_file.read_text(encoding="utf-8")


def assert_clean(text: str) -> None:
    for secret in (NIK, NAME, "Ratuanak", PHONE, EMAIL, str(Path.home()) + "/"):
        assert secret not in text, f"{secret!r} written"


def enrol(nik: str) -> None:
    raise DuplicateNik(nik, "0190-existing")


def save_form(name: str, nik: str) -> None:
    try:
        enrol(nik)
    except DuplicateNik as exc:
        raise ValueError(f"Formulir {name} ({nik}, {PHONE}, {EMAIL}) gagal disimpan") from exc


def test_log_calls_and_crashes_carrying_a_nik_and_a_name_are_scrubbed(
    installed: diagnostics.Diagnostics, capsys: pytest.CaptureFixture[str]
) -> None:
    own = logging.getLogger("outreach_app.services.test")
    own.warning("peserta %s dengan NIK %s tidak tersimpan", NAME, NIK)  # passed by mistake
    own.warning("sinkron: %d perubahan, halaman %s", 12, Safe("peserta"))
    logging.getLogger("httpx").warning("GET %s", f"http://cabang/?nik={NIK}&e={EMAIL}")
    own.warning("dari folder %s", Safe(str(Path.home() / "Dokumen")))
    try:
        save_form(NAME, NIK)
    except ValueError:
        own.exception("menyimpan formulir gagal")
    try:
        save_form(NAME, NIK)
    except ValueError:
        installed.report_crash(*sys.exc_info())  # type: ignore[arg-type]  # what sys.excepthook gets
    worker = threading.Thread(target=save_form, args=(NAME, NIK), name="pekerja")
    worker.start()
    worker.join()
    text = log_text(installed)
    assert_clean(text)
    assert_clean(capsys.readouterr().err)
    # still useful: counts, safe values, exception types, the functions and lines involved
    assert "sinkron: 12 perubahan, halaman peserta" in text
    assert "peserta ‹…› dengan NIK ‹…› tidak tersimpan" in text
    assert "nik=[NIK]&e=[EMAIL]" in text
    assert "~/Dokumen" in text
    assert "outreach_app.storage.errors.DuplicateNik" in text and "builtins.ValueError" in text
    assert "in save_form" in text and "in enrol" in text
    assert "Kesalahan tak terduga, versi 9.9" in text
    assert "Kesalahan tak terduga (thread pekerja)" in text
    assert text.count("[pesan disembunyikan") >= 6


def test_database_errors_keep_their_message(installed: diagnostics.Diagnostics) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE p (nik TEXT UNIQUE)")
    conn.execute("INSERT INTO p VALUES (?)", [NIK])
    try:
        conn.execute("INSERT INTO p VALUES (?)", [NIK])
    except sqlite3.IntegrityError:
        logging.getLogger("outreach_app.storage").exception("impor gagal")
    text = log_text(installed)
    assert "UNIQUE constraint failed: p.nik" in text  # names the constraint, not the value
    assert_clean(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"NIK {NIK}.", "NIK [NIK]."),
        ("nik 8103 0115 0895 0001 salah", "nik [NIK] salah"),
        ("telepon +6281234567890 / 0812-", "telepon [TELEPON] / 0812-"),
        ("kuitansi SML01-000123 Rp50.400 pada 2026-11-21 10:44:23", None),  # untouched
        ("id 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", None),
    ],
)
def test_scrub(text: str, expected: str | None) -> None:
    assert scrub(text) == (expected if expected is not None else text)


def test_a_fatal_crash_writes_code_locations_only(tmp_path: Path) -> None:
    code = (
        "import faulthandler, pathlib\n"
        "from outreach_app import diagnostics\n"
        f"diagnostics.install(pathlib.Path({str(tmp_path)!r}))\n"
        f"def crash(nik={NIK!r}, name={NAME!r}):\n"
        "    faulthandler._sigsegv()\n"
        "crash()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.returncode != 0
    report = (tmp_path / diagnostics.FAULT_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error" in report and "in crash" in report
    assert NIK not in report and NAME not in report


def test_the_code_never_formats_personal_data_into_a_log_message() -> None:
    """Values go in as arguments, where the formatter hides text; an f-string, % or
    .format() inside the message would put them in the message itself."""
    call = re.compile(r"\b(?:log|logger|logging)\.(?:debug|info|warning|error|exception|critical)"
                      r"\(\s*(?:f[\"']|[^,)]*%\s*\(|[^,)]*\.format\()")  # fmt: skip
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "outreach_app").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if call.search(line)
    ]
    assert offenders == []


def test_a_full_log_steps_aside_at_the_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    folder.mkdir()
    full = folder / diagnostics.LOG_NAME
    full.write_text("x" * (diagnostics.MAX_LOG_BYTES + 1), encoding="utf-8")
    report = diagnostics.install(folder)
    try:
        logging.getLogger("outreach_app").warning("baru")
        assert log_text(report).strip().endswith("outreach_app: baru")
        assert (folder / (diagnostics.LOG_NAME + ".1")).stat().st_size > diagnostics.MAX_LOG_BYTES
    finally:
        report.close()

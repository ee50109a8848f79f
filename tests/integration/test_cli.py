"""The command-line contract, run as a user would: a real process, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app import __version__


def outreach(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    result = outreach("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"outreach {__version__}"


def test_init_twice_is_harmless_and_demo_seeds_once(tmp_path: Path) -> None:
    db = tmp_path / "field.db"
    first = outreach("init", "--db", str(db), "--demo")
    assert first.returncode == 0, first.stderr
    assert "dibuat" in first.stdout and "peserta" in first.stdout
    second = outreach("init", "--db", str(db), "--demo")
    assert second.returncode == 0
    assert "sudah ada" in second.stdout and "tidak ada yang diubah" in second.stdout


def test_outreach_db_variable_chooses_the_database(tmp_path: Path) -> None:
    db = tmp_path / "from-env.db"
    result = outreach("init", env={"OUTREACH_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_nik_json_for_a_valid_nik() -> None:
    result = outreach("nik", "8103015502900007", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["valid"] is True
    assert data["birth_date"] == "1990-02-15"
    assert data["sex"] == "F"
    assert (data["province_code"], data["regency_code"], data["district_code"]) == (
        "81", "8103", "810301",
    )  # fmt: skip
    assert data["region"] == "Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku"
    assert data["warnings"] == []


def test_nik_unknown_region_is_only_a_warning() -> None:
    result = outreach("nik", "9901011508950001", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["warnings"]


@pytest.mark.parametrize(
    ("nik", "reason"),
    [
        ("810301550290000", "16 digit"),
        ("81030155029000071", "16 digit"),
        ("8103015502900000", "0000"),
        ("81030155029O0007", "angka"),
        ("8103013002900007", "kalender"),
    ],
)
def test_nik_invalid_exits_1_with_one_line(nik: str, reason: str) -> None:
    plain = outreach("nik", nik)
    assert plain.returncode == 1
    assert len(plain.stdout.strip().splitlines()) == 1 and reason in plain.stdout
    as_json = outreach("nik", nik, "--json")
    assert as_json.returncode == 1
    data = json.loads(as_json.stdout)
    assert data["valid"] is False and any(reason in e for e in data["errors"])


def test_premium_json_integers() -> None:
    result = outreach(
        "premium", "--income", "1000000", "--months", "3", "--date", "2026-05-10", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = {"jkk": 10000, "jkm": 6800, "jht": 0, "discount": 8400, "monthly_total": 8400,
                "months": 3, "total": 25200, "base_income": 1000000}  # fmt: skip
    assert {key: data[key] for key in expected} == expected
    assert all(type(data[key]) is int for key in expected)
    assert "PP 50/2025" in data["rules"]


def test_premium_apbd_with_jht_has_no_discount() -> None:
    result = outreach(
        "premium", "--income", "500000", "--jht", "--payer", "apbd", "--date", "2026-05-01",
        "--json",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert (data["jht"], data["discount"], data["total"]) == (20000, 0, 36800)


def test_premium_text_shows_figures_and_words() -> None:
    result = outreach("premium", "--income", "1000000", "--date", "2027-01-01")
    assert result.returncode == 0
    assert "Rp16.800" in result.stdout
    assert "enam belas ribu delapan ratus rupiah" in result.stdout


def test_premium_above_the_ceiling_is_charged_on_the_ceiling() -> None:
    """Rp30.000.000 with JHT: Rp627.800 a month (base Rp20.700.000), not Rp906.800."""
    result = outreach("premium", "--income", "30000000", "--jht", "--date", "2027-06-01")
    assert result.returncode == 0
    assert "di atas batas tertinggi: dasar Rp20.700.000" in result.stdout
    assert "Total: Rp627.800" in result.stdout and "906" not in result.stdout
    assert "PP 44/2015 sebagaimana terakhir diubah dengan PP 49/2023" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--income", "0"], "lebih dari nol"),
        (["--income", "-5"], "lebih dari nol"),
        (["--income", "1.5jt"], "bilangan bulat"),
        (["--income", "1000000", "--months", "2"], "1, 3, 6, 12"),
        (["--income", "1000000", "--date", "2026-13-01"], "YYYY-MM-DD"),
    ],
)
def test_premium_bad_input_exits_1_with_a_clear_message(args: list[str], message: str) -> None:
    result = outreach("premium", *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_database_that_cannot_be_opened_exits_2(tmp_path: Path) -> None:
    not_a_db = tmp_path / "photo.db"
    not_a_db.write_bytes(b"\x89PNG\r\n" + b"\x00" * 4096)
    result = outreach("init", "--db", str(not_a_db))
    assert result.returncode == 2
    assert "bukan basis data" in result.stderr
    assert not_a_db.read_bytes().startswith(b"\x89PNG")


@pytest.mark.slow
def test_demo_generate_adds_participants(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    result = outreach("demo", "generate", "--participants", "3000", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "3.000 peserta sintetis ditambahkan" in result.stdout
    import sqlite3

    conn = sqlite3.connect(db)
    total, unique = conn.execute(
        "SELECT count(*), count(DISTINCT nik) FROM participants"
    ).fetchone()
    conn.close()
    assert total == unique and total > 3000


@pytest.mark.slow
def test_demo_start_saves_a_screenshot_of_the_loaded_window(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    shot = tmp_path / "start.png"
    result = outreach(
        "--demo", "--db", str(tmp_path / "demo.db"), "--screenshot", str(shot),
        env={"QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]},  # the laptop screen
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 1000

"""A protected database from the command line, as a user (or a script) would use it: protect
an existing one, every command asks its password, wrong ones are refused, the desktop app
opens it with --password-stdin, and the branch's recovery from key pair to new password."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app.storage.keyring import keyring_path
from tests.gui.test_main_window import dark_pixels

pytestmark = pytest.mark.slow
PASSWORD = "tanimbar2026"


def outreach(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_app", *args],
        input=stdin, capture_output=True, text=True, timeout=180,
        env=dict(os.environ),  # offscreen, on the laptop screen (tests/conftest.py)
    )  # fmt: skip


@pytest.fixture
def protected_demo(tmp_path: Path) -> tuple[Path, str, str]:
    db = tmp_path / "laptop" / "outreach.db"
    assert outreach("init", "--demo", "--db", str(db)).returncode == 0
    import sqlite3

    conn = sqlite3.connect(db)
    nik, name = conn.execute("SELECT nik, full_name FROM participants LIMIT 1").fetchone()
    conn.close()
    done = outreach("protect", "--db", str(db), stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "kini terenkripsi" in done.stdout and "kunci pemulihan" in done.stderr
    return db, nik, name


def test_every_command_asks_the_password_and_the_files_hold_no_nik(
    protected_demo: tuple[Path, str, str], tmp_path: Path
) -> None:
    db, nik, name = protected_demo
    for path in db.parent.iterdir():
        data = path.read_bytes()
        assert nik.encode() not in data and name.encode() not in data, path
    listing = tmp_path / "peserta.csv"
    done = outreach("export", "participants", str(listing), "--db", str(db), stdin=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert nik in listing.read_text(encoding="utf-8-sig")
    refused = outreach("export", "participants", str(listing), "--db", str(db), stdin="tebak-1")
    assert refused.returncode == 1 and "Kata sandi salah" in refused.stderr
    assert "Sisa 4 percobaan" in refused.stderr


def test_the_desktop_app_opens_it_with_password_stdin(
    protected_demo: tuple[Path, str, str], tmp_path: Path
) -> None:
    db, _nik, _name = protected_demo
    shot = tmp_path / "peserta.png"
    base = ("--db", str(db), "--screenshot", str(shot), "--page", "participants")
    asked = outreach(*base)
    assert asked.returncode == 2 and "--password-stdin" in asked.stderr
    wrong = outreach(*base, "--password-stdin", stdin="salah-sekali\n")
    assert wrong.returncode == 2 and "Kata sandi salah" in wrong.stderr
    assert not shot.exists()
    done = outreach(*base, "--password-stdin", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert dark_pixels(shot) > 3000  # the rows are drawn: the database opened


def test_the_branch_recovers_a_forgotten_password(
    protected_demo: tuple[Path, str, str], tmp_path: Path
) -> None:
    db, nik, _name = protected_demo
    branch = tmp_path / "cabang"
    made = outreach("recovery", "branch-key", "--label", "mal", "--out", str(branch),
                    stdin="frasa rahasia kantor cabang\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "Sidik jari" in made.stdout
    assert (branch / "kunci-pemulihan-cabang.pem").stat().st_mode & 0o077 == 0
    again = outreach("recovery", "branch-key", "--label", "mal", "--out", str(branch),
                     stdin="frasa rahasia kantor cabang\n")  # fmt: skip
    assert again.returncode == 1 and "tidak ditimpa" in again.stderr
    public = branch / "kunci-pemulihan-cabang.pub"
    added = outreach("recovery", "add-branch-key", str(public), "--db", str(db), stdin=PASSWORD)
    assert added.returncode == 0, added.stderr
    assert "MAL" in added.stdout
    request = tmp_path / "usb" / "permintaan.kunci"
    request.parent.mkdir()
    asked = outreach("recovery", "request", "-o", str(request), "--db", str(db))
    assert asked.returncode == 0, asked.stderr
    private = str(branch / "kunci-pemulihan-cabang.pem")
    wrong = outreach("recovery", "reset", str(request), "--branch-key", private,
                     stdin="tebakan\nsementara-99\n")  # fmt: skip
    assert wrong.returncode == 1 and "frasa sandinya salah" in wrong.stderr
    reset = outreach("recovery", "reset", str(request), "--branch-key", private,
                     stdin="frasa rahasia kantor cabang\nsementara-99\n")  # fmt: skip
    assert reset.returncode == 0, reset.stderr
    answered = outreach("recovery", "answer", str(request), "--db", str(db))
    assert answered.returncode == 0, answered.stderr
    old = outreach("export", "participants", str(tmp_path / "x.csv"), "--db", str(db),
                   stdin=PASSWORD)  # fmt: skip
    assert old.returncode == 1
    changed = outreach("password", "--db", str(db), stdin="sementara-99\nsandi-baru-77\n")
    assert changed.returncode == 0, changed.stderr
    listing = tmp_path / "y.csv"
    done = outreach("export", "participants", str(listing), "--db", str(db), stdin="sandi-baru-77")
    assert done.returncode == 0, done.stderr
    assert nik in listing.read_text(encoding="utf-8-sig")
    assert keyring_path(db).with_name("outreach.db.kunci.lama").exists()

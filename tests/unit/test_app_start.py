"""What the desktop app asks before it opens a database, without its dialogs: the demo asks
nothing, a first run's password protects the new (or an existing) database, a protected one
with no way to ask for its password stops with a reason."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app.app import Leave, database_key, open_services
from outreach_app.domain.models import Role
from outreach_app.services.protection import Protection
from outreach_app.services.setup import FirstRunAnswers, FirstRunOutcome
from outreach_app.storage.database import FileKind, file_kind
from outreach_app.storage.keyring import keyring_path

PASSWORD = "tanimbar2026"


def args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**{"screenshot": None, "password_stdin": False, **given})


def first_run(password: str = PASSWORD) -> FirstRunOutcome:
    answers = FirstRunAnswers(role=Role.AGENT, device_name="Laptop Saumlaki", receipt_prefix="SML")
    return FirstRunOutcome(demo=False, answers=answers, password=password)


def test_the_demo_asks_nothing_and_stays_plain(tmp_path: Path) -> None:
    path = tmp_path / "outreach-demo.db"
    assert database_key(args(), Protection(path), True, FirstRunOutcome(demo=True)) is None
    services = open_services(path, demo=True)
    try:
        assert services.demo and file_kind(path) is FileKind.PLAIN
    finally:
        services.close()
    assert not keyring_path(path).exists()


def test_a_first_run_password_makes_the_new_database_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "outreach.db"
    key = database_key(args(), Protection(path), False, first_run())
    assert key is not None
    services = open_services(path, demo=False, key=key)
    services.close()
    assert file_kind(path) is FileKind.ENCRYPTED
    assert Protection(path).unlock(PASSWORD) == key


def test_a_first_run_over_an_existing_plain_database_protects_it(
    demo_db_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "outreach.db"
    shutil.copy(demo_db_template, path)
    key = database_key(args(), Protection(path), False, first_run())
    assert key is not None and file_kind(path) is FileKind.ENCRYPTED


def test_a_protected_database_in_a_screenshot_run_needs_password_stdin(tmp_path: Path) -> None:
    path = tmp_path / "outreach.db"
    Protection(path).protect_new(PASSWORD, PASSWORD)
    with pytest.raises(Leave, match="--password-stdin") as leave:
        database_key(args(screenshot="x.png"), Protection(path), False, None)
    assert leave.value.code == 2


def test_an_encrypted_database_without_its_key_file_stops(tmp_path: Path) -> None:
    path = tmp_path / "outreach.db"
    path.write_bytes(b"\x13" * 8192)  # not a plain SQLite header
    with pytest.raises(Leave, match="berkas kunci") as leave:
        database_key(args(), Protection(path), False, None)
    assert leave.value.code == 2
    assert path.read_bytes() == b"\x13" * 8192


COMMAND = """
import gc, json, sys
during = []  # collections that started inside the command's own function


def collecting(phase, info):
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == "nik" and frame.f_code.co_filename.endswith("records.py"):
            during.append(info["generation"])
            return
        frame = frame.f_back


gc.callbacks.append(collecting)
from outreach_app.__main__ import main

sys.argv = ["outreach", "nik", "8103015502900007", "--json"]
code = main()
print(json.dumps({"code": code, "during": len(during), "on": gc.isenabled()}))
"""


def test_a_command_runs_with_the_cyclic_collector_on(tmp_path: Path) -> None:
    """Off while the app loads (a faster start), on again for a command: `serve` runs for
    hours, `demo generate` makes 200k records. Reading the region list makes well over the
    700 objects that start a collection."""
    env = {**os.environ, "OUTREACH_DB": str(tmp_path / "outreach.db")}
    result = subprocess.run([sys.executable, "-c", COMMAND], capture_output=True, text=True,
                            env=env, timeout=120, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["code"] == 0 and answer["on"] is True
    assert answer["during"] > 0

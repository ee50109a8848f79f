"""What the desktop app asks before it opens a database, without its dialogs: the demo asks
nothing, a first run's password protects the new (or an existing) database, a protected one
with no way to ask for its password stops with a reason."""

from __future__ import annotations

import argparse
import shutil
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

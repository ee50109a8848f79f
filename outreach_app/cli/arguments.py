"""Arguments the commands share: dates and months typed on the command line (refused in plain
Indonesian when malformed), passwords, and the database a command reads (asking its password
when it is protected).

Passwords are never command-line arguments (they would stay in the shell history and the
process list): they come from a prompt, or from standard input when it is not a terminal
(for scripts), one line each, in the order the command asks for them."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path

from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError
from outreach_app.services.protection import Protection, ProtectionStatus
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.store import Store


def parse_day(text: str | None, today: dt.date) -> dt.date:
    """YYYY-MM-DD, or today when not given."""
    if text is None:
        return today
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DomainError(f"Tanggal harus berformat YYYY-MM-DD (yang diisi: {text!r}).") from exc


def parse_month(text: str) -> dt.date:
    """YYYY-MM, as the first day of that month."""
    try:
        return dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError as exc:
        raise DomainError(f"Bulan harus berformat YYYY-MM (yang diisi: {text!r}).") from exc


def existing_database(args: argparse.Namespace, context: CliContext) -> Path:
    """Commands that read a laptop's database never create an empty one by mistake."""
    path = context.db_path(args)
    if not path.exists():
        raise DomainError(f"Basis data {path} belum ada; buat dengan `outreach init`.")
    return path


def read_password(prompt: str, confirm: bool, context: CliContext) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Ulangi kata sandi: ") != first:
        raise DomainError("Kedua kata sandi tidak sama.")
    return first


def database_key(path: Path, context: CliContext) -> DatabaseKey | None:
    """The key of the database at `path`: asks its password when it is protected (wrong ones
    count and wait as in the app)."""
    protection = Protection(path)
    status = protection.status()
    if status is ProtectionStatus.KEY_FILE_MISSING:
        raise StorageUnavailable(protection.missing_key_file_advice())
    if status is not ProtectionStatus.PROTECTED:
        return None
    return protection.unlock(read_password("Kata sandi basis data: ", False, context))


def open_store(args: argparse.Namespace, context: CliContext, create: bool = False) -> Store:
    """The laptop's database for a command; only `init`-like commands may `create` it."""
    path = context.db_path(args) if create else existing_database(args, context)
    return Store(path, key=database_key(path, context))

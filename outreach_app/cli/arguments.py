"""Arguments the commands share: dates and months typed on the command line (refused in plain
Indonesian when malformed) and the database a command reads."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError


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

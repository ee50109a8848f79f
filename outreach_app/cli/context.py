"""What every command gets from the composition root, so tests can run a command against a
temporary database with no globals patched."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from outreach_app.domain.nik import RegionLookup
from outreach_app.domain.rates import RateSchedule


@dataclass(frozen=True)
class CliContext:
    """What commands need, made by app.py."""

    db_path: Callable[[argparse.Namespace], Path]
    regions: Callable[[], RegionLookup]
    schedule: Callable[[], RateSchedule]
    today: Callable[[], dt.date]
    # `outreach serve` and `outreach server ...` (args, a password prompt) -> exit code
    server_command: Callable[[argparse.Namespace, Callable[[str], str]], int] = (
        lambda _args, _password: 2
    )
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

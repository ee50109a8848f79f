"""The parser of `outreach payment void` (kept light: parser.py is read at every start)."""

from __future__ import annotations

import argparse
from typing import Any

from outreach_app.domain.voids import COMMON_REASONS


def add_void_command(payment_commands: Any, db: argparse.ArgumentParser) -> None:
    """`void` under `outreach payment` (`payment_commands`: argparse's subparsers action)."""
    void = payment_commands.add_parser(
        "void",
        parents=[db],
        help="void a receipt, or file a void request when the rules leave it to staff",
        description="An agent voids directly only its own receipt taken today and not yet "
        "deposited; anything else becomes a void request that branch staff approve or "
        "refuse. Common reasons: " + "; ".join(COMMON_REASONS) + ".",
    )
    void.add_argument("receipt_no", metavar="RECEIPT_NO")
    void.add_argument(
        "--reason", required=True, metavar="TEXT", help="a sentence: what is wrong and why"
    )
    void.add_argument("--json", action="store_true")

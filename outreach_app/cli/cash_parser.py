"""`outreach cash close | confirm | verify` (kept apart from parser.py)."""

from __future__ import annotations

import argparse
from typing import Any


def add_cash_commands(
    commands: Any,  # argparse's private _SubParsersAction
    db: argparse.ArgumentParser,
) -> None:
    cash = commands.add_parser("cash", parents=[db], help="cash close-out and deposit slips")
    actions = cash.add_subparsers(dest="cash_command", metavar="ACTION", required=True)
    close = actions.add_parser(
        "close", parents=[db], help="close out the cash in hand and print the deposit slip"
    )
    close.add_argument(
        "--counted", metavar="N", help="the cash counted (default: exactly what is expected)"
    )
    close.add_argument("--reason", metavar="TEXT", help="why the count differs (then required)")
    close.add_argument("--agent", metavar="USERNAME", help="default: this laptop's agent")
    close.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    close.add_argument("--json", action="store_true")
    slip = actions.add_parser("slip", parents=[db], help="print a close-out's slip again")
    slip.add_argument("slip_no", metavar="SLIP_NO")
    slip.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    for name, text in (
        ("confirm", "branch staff: record a deposit slip's cash as received"),
        ("verify", "check a deposit slip's code without recording anything"),
    ):
        action = actions.add_parser(name, parents=[db], help=text)
        action.add_argument(
            "slip", nargs="+", metavar="PAYLOAD | SLIP_NO CODE",
            help="the slip's QR text, or its number and short code",
        )  # fmt: skip
        action.add_argument("--json", action="store_true")
        if name == "confirm":
            action.add_argument("--staff", metavar="USERNAME", help="default: this laptop's user")

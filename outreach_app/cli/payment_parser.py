"""`outreach payment ...`: taking premiums from the command line (kept apart from parser.py so
the other payment actions, void and cash close, add their own parsers beside `take`)."""

from __future__ import annotations

import argparse
from typing import Any

from outreach_app.domain.models import PaymentMethod
from outreach_app.domain.payable_months import PAYMENT_PERIODS


def add_payment_commands(
    commands: Any,  # argparse's private _SubParsersAction
    db: argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    """Adds `payment` and its `take` action; returns `payment`'s action table for others."""
    payment = commands.add_parser("payment", help="take premium payments (same rules as the app)")
    actions = payment.add_subparsers(dest="payment_command", metavar="ACTION", required=True)
    take = actions.add_parser(
        "take",
        parents=[db],
        help="take a premium payment for a participant and issue the receipt",
    )
    take.add_argument("--nik", required=True, metavar="NIK", help="the participant's NIK")
    take.add_argument(
        "--months",
        type=int,
        choices=PAYMENT_PERIODS,
        metavar="1|3|6|12",
        help="months paid (default: the participant's payment period)",
    )
    take.add_argument(
        "--start", metavar="YYYY-MM", help="first month paid (default: the first unpaid month)"
    )
    take.add_argument(
        "--method",
        default=PaymentMethod.CASH.value,
        choices=[m.value for m in PaymentMethod],
        metavar="cash|transfer",
    )
    take.add_argument("--json", action="store_true")
    return payment

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
) -> Any:
    """Adds `payment` and its actions; returns its action table (argparse's private
    _SubParsersAction) so `payment void` and `cash`-like actions can be added beside them."""
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
    doubles = actions.add_parser(
        "doubles", parents=[db], help="double payments found after sync, open and settled"
    )
    doubles.add_argument("--json", action="store_true")
    settle = actions.add_parser(
        "settle", parents=[db], help="staff: settle a double payment as credit or refund"
    )
    settle.add_argument("receipt_no", metavar="RECEIPT_NO", help="the double receipt")
    how = settle.add_mutually_exclusive_group(required=True)
    how.add_argument("--credit", action="store_true", help="credit the next months")
    how.add_argument("--refund", action="store_true", help="give the money back")
    settle.add_argument("-o", "--output", metavar="FILE.pdf", help="refund note (with --refund)")
    settle.add_argument("--note", default="", metavar="TEXT")
    relief = actions.add_parser(
        "relief-credits",
        parents=[db],
        help="staff: credit prepaid months a rate-table update put in a relief (PP 50/2025)",
    )
    relief.add_argument("--apply", action="store_true", help="record the credits (staff)")
    relief.add_argument("--json", action="store_true")
    return actions

"""`outreach payment ACTION`: one entry for the group, each action in its own module (void in
void_commands.py), so actions added beside it merge by one line here."""

from __future__ import annotations

import argparse

from outreach_app.cli.context import CliContext


def payment(args: argparse.Namespace, context: CliContext) -> int:
    if args.payment_command == "void":
        from outreach_app.cli.void_commands import payment_void

        return payment_void(args, context)
    raise AssertionError(args.payment_command)  # argparse allows only the names above

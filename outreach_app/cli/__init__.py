"""The command line: `outreach init | nik | premium | demo generate | print | payment |
verify-receipt | cash | import | export | reference | sync | bundle | serve | server | protect |
password | recovery`; plain `outreach` is the app.

The parser is light; a command's module is imported only when that command runs, so the
desktop app does not pay for the command line's imports at start-up. Exit codes: 0 done,
1 the input was refused (with a one-line reason), 2 the database is unavailable.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from outreach_app.cli.context import CliContext
from outreach_app.cli.parser import build_parser, parse
from outreach_app.domain.errors import DomainError
from outreach_app.storage.errors import StorageUnavailable

__all__ = ["CliContext", "build_parser", "parse", "run"]

Handler = Callable[[argparse.Namespace, CliContext], int]

#: command name -> (module under outreach_app.cli, function)
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("records", "init"),
    "nik": ("records", "nik"),
    "premium": ("records", "premium"),
    "demo": ("records", "demo_generate"),
    "print": ("printing", "print_document"),
    "verify-receipt": ("printing", "verify_receipt"),
    "cash": ("cash_commands", "cash"),
    "payment": ("payment_commands", "payment"),
    "serve": ("sync_commands", "server_command"),
    "server": ("sync_commands", "server_command"),
    "sync": ("sync_commands", "sync"),
    "bundle": ("sync_commands", "bundle"),
    "import": ("tabular_commands", "import_command"),
    "export": ("tabular_commands", "export_command"),
    "reference": ("reference_commands", "reference"),
    "protect": ("protection_commands", "protect"),
    "password": ("protection_commands", "password"),
    "recovery": ("protection_commands", "recovery"),
}


def handler_for(command: str) -> Handler:
    module_name, function = COMMANDS[command]
    module = importlib.import_module(f"outreach_app.cli.{module_name}")
    handler: Handler = getattr(module, function)
    return handler


def run(args: argparse.Namespace, context: CliContext) -> int:
    try:
        return handler_for(args.command)(args, context)
    except StorageUnavailable as exc:
        print(f"Basis data tidak tersedia: {exc}", file=context.err)
        return 2
    except DomainError as exc:
        print(f"Ditolak: {exc}", file=context.err)
        return 1

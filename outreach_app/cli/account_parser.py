"""The `outreach server` actions for devices and the audit log (kept apart from parser.py)."""

from __future__ import annotations

import argparse
from typing import Any


def add_account_commands(
    admin_commands: Any,  # argparse's private _SubParsersAction
    store: argparse.ArgumentParser,
) -> None:
    devices = admin_commands.add_parser(
        "devices", parents=[store], help="the devices bound to accounts, and their state"
    )
    devices.add_argument("--user", metavar="NAME", help="only this account's devices")
    for action, text in (
        ("revoke-device", "revoke a device: no account signs in on it until enabled again"),
        ("enable-device", "enable a revoked device (it signs in afresh)"),
    ):
        parser = admin_commands.add_parser(action, parents=[store], help=text)
        parser.add_argument("device_id", metavar="DEVICE_ID")
    audit = admin_commands.add_parser(
        "audit", parents=[store], help="the server's audit log (sign-ins, devices, tokens)"
    )
    audit.add_argument("--since", metavar="DATE", help="from this date on, e.g. 2026-12-01")

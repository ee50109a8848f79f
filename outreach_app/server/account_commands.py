"""`outreach server devices|revoke-device|enable-device|audit`: the branch server's console for
devices and its audit log (the console sees every branch, as the server's owner)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TextIO

from outreach_app.domain.errors import DomainError
from outreach_app.server.devices import DeviceDesk
from outreach_app.server.errors import SyncRefused
from outreach_app.server.sync_server import SyncServer

COMMANDS = ("devices", "revoke-device", "enable-device", "audit")


def run(args: argparse.Namespace, server: SyncServer, out: TextIO) -> int:
    desk = DeviceDesk(server.store, server.accounts)
    try:
        if args.server_command == "devices":
            return _devices(desk, args.user, out)
        if args.server_command == "audit":
            return _audit(server, args.since, out)
        if args.server_command == "revoke-device":
            action = desk.revoke(None, args.device_id)
            print(f"Perangkat {args.device_id} ({action.device.username}) dicabut; "
                  f"{action.tokens_revoked} tanda masuk berhenti.", file=out)  # fmt: skip
            return 0
        action = desk.enable(None, args.device_id)
        print(f"Perangkat {args.device_id} ({action.device.username}) aktif lagi; laptopnya "
              "masuk lagi dengan kata sandi.", file=out)  # fmt: skip
        return 0
    except SyncRefused as exc:
        raise DomainError(str(exc)) from exc


def _devices(desk: DeviceDesk, user: str | None, out: TextIO) -> int:
    found = desk.devices(None, user)
    if not found:
        print("Belum ada perangkat.", file=out)
        return 0
    for device in found:
        state = f"DICABUT {device.revoked_at} oleh {device.revoked_by}" if device.revoked_at else (
            f"{device.live_tokens} tanda masuk aktif")  # fmt: skip
        print(f"{device.device_id}\t{device.username}\t{device.device_name}\t"
              f"pertama {device.first_seen}\tterakhir {device.last_seen}\t{state}",
              file=out)  # fmt: skip
    return 0


def since_text(since: str | None) -> str | None:
    """`2026-12-01` or a full ISO time (local time when it names no zone) as the audit
    log's UTC text."""
    if not since:
        return None
    try:
        moment = dt.datetime.fromisoformat(since.strip())
    except ValueError as exc:
        raise DomainError(f"Tanggal {since!r} tidak terbaca; tulis seperti 2026-12-01.") from exc
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the console's own time zone
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _audit(server: SyncServer, since: str | None, out: TextIO) -> int:
    rows = server.store.audit.rows(since_text(since))
    if not rows:
        print("Tidak ada catatan audit.", file=out)
    for row in rows:
        fields = (row.at, row.event, row.account, row.device_id, row.address, row.detail)
        print("\t".join(value or "-" for value in fields), file=out)
    return 0

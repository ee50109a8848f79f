"""`outreach cash ...`: the close-out and the branch's confirmation, through the same services
as the app. Exit 0 done, 1 refused with the reason (a difference without `--reason`, a slip
that is not genuine or already confirmed)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from outreach_app.cli.arguments import open_store
from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import User
from outreach_app.reference.money_text import format_rupiah, parse_rupiah
from outreach_app.services.cash_closeout import CashCloseOut
from outreach_app.services.deposit_slips import DepositSlips
from outreach_app.services.print_output import write_pdf
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.services.setup import current_user, is_demo_database
from outreach_app.services.slip_printing import slip_job
from outreach_app.storage.errors import NotFound
from outreach_app.storage.store import Store


def cash(args: argparse.Namespace, context: CliContext) -> int:
    if args.cash_command == "close":
        return _close(args, context)
    if args.cash_command == "slip":
        return _reprint(args, context)
    return _slip(args, context)


def _reprint(args: argparse.Namespace, context: CliContext) -> int:
    with open_store(args, context) as store:
        deposit = store.deposits.by_slip(args.slip_no.strip().upper())
        if deposit is None:
            raise DomainError(f"Slip {args.slip_no} tidak ada di basis data ini.")
        data = slip_job(store, deposit, demo=is_demo_database(store)).render()
    target = write_pdf(data, Path(args.output))
    print(f"Tersimpan: {target}", file=context.out)
    return 0


def _user(store: Store, username: str | None, what: str) -> User:
    if username:
        try:
            return store.users.by_username(username)
        except NotFound as exc:
            raise DomainError(str(exc)) from exc
    user = current_user(store)
    if user is None:
        raise DomainError(f"Laptop ini belum punya pengguna; sebutkan {what}.")
    return user


def _close(args: argparse.Namespace, context: CliContext) -> int:
    counted = None
    if args.counted is not None:
        try:
            counted = parse_rupiah(args.counted)
        except ValueError as exc:
            raise DomainError(f"Uang dihitung {args.counted!r} tidak terbaca: {exc}") from exc
    with open_store(args, context) as store:
        agent = _user(store, args.agent, "agennya dengan --agent")
        deposit = CashCloseOut(store, ReceiptSigner(store)).close(agent, counted, args.reason or "")
        data = slip_job(store, deposit, demo=is_demo_database(store)).render()
    target = write_pdf(data, Path(args.output))
    summary = {
        "slip_no": deposit.reference,
        "receipts": len(deposit.receipts),
        "expected": deposit.expected,
        "counted": deposit.amount,
        "difference": deposit.difference,
        "reason": deposit.difference_reason,
        "payload": deposit.slip_payload,
        "file": str(target),
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2), file=context.out)
    else:
        print(
            f"Tutup kas {deposit.reference}: {len(deposit.receipts)} kuitansi, seharusnya "
            f"{format_rupiah(deposit.expected)}, dihitung {format_rupiah(deposit.amount)}, "
            f"selisih {format_rupiah(deposit.difference)}. Slip: {target}",
            file=context.out,
        )
    return 0


def _slip(args: argparse.Namespace, context: CliContext) -> int:
    text = " ".join(args.slip)
    with open_store(args, context) as store:
        slips = DepositSlips(store)
        if args.cash_command == "confirm":
            staff = _user(store, args.staff, "stafnya dengan --staff")
            deposit = slips.confirm(staff, text)
            result: dict[str, Any] = {
                "slip_no": deposit.reference, "confirmed": True, "counted": deposit.amount,
                "received_by": staff.username,
                "received_at": deposit.received_at.isoformat() if deposit.received_at else None,
            }  # fmt: skip
            line = (f"DITERIMA: slip {deposit.reference}, {format_rupiah(deposit.amount)}, "
                    f"dicatat oleh {staff.full_name}.")  # fmt: skip
        else:
            deposit = slips.resolve(text)
            confirmed = deposit.received_at is not None
            result = {"slip_no": deposit.reference, "genuine": True, "counted": deposit.amount,
                      "expected": deposit.expected, "confirmed": confirmed}  # fmt: skip
            state = "sudah dikonfirmasi diterima" if confirmed else "belum dikonfirmasi diterima"
            line = (f"ASLI: slip {deposit.reference}, {format_rupiah(deposit.amount)} "
                    f"(seharusnya {format_rupiah(deposit.expected)}), {state}.")  # fmt: skip
    print(json.dumps(result, ensure_ascii=False) if args.json else line, file=context.out)
    return 0

"""`outreach payment doubles | settle`: the branch's list of double payments and its decision
on each (services/double_payments.py), for staff who work from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from outreach_app.cli.arguments import open_store
from outreach_app.cli.context import CliContext
from outreach_app.domain.double_payments import SettlementKind
from outreach_app.domain.errors import DomainError
from outreach_app.domain.payable_months import months_label
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.double_payments import DoublePaymentService, refund_note
from outreach_app.services.print_output import write_pdf
from outreach_app.services.setup import current_user, is_demo_database


def doubles(args: argparse.Namespace, context: CliContext) -> int:
    with open_store(args, context) as store:
        service = DoublePaymentService(store)
        open_lines = service.open_doubles()
        settled = service.settled()
        if args.json:
            result: dict[str, Any] = {
                "open": [
                    {
                        "receipt_no": line.double.payment.receipt_no,
                        "first_receipt_no": line.double.first.receipt_no,
                        "nik": line.participant.nik,
                        "months": [m.strftime("%Y-%m") for m in line.double.months],
                        "amount": line.double.amount,
                    }
                    for line in open_lines
                ],
                "settled": [
                    {
                        "receipt_no": line.payment.receipt_no if line.payment else None,
                        "kind": line.settlement.kind.value,
                        "amount": line.settlement.amount,
                        "decided_at": line.settlement.decided_at.isoformat(),
                    }
                    for line in settled
                ],
            }
            print(json.dumps(result, ensure_ascii=False), file=context.out)
            return 0
        print(f"Pembayaran ganda belum diselesaikan: {len(open_lines)}", file=context.out)
        for line in open_lines:
            d = line.double
            print(
                f"  {d.payment.receipt_no} {line.participant.full_name}: "
                f"{months_label(d.months)} sudah dibayar dengan {d.first.receipt_no}, "
                f"{format_rupiah(d.amount)}",
                file=context.out,
            )
        print(f"Sudah diselesaikan: {len(settled)}", file=context.out)
        for done in settled:
            kind = "kredit" if done.settlement.kind is SettlementKind.CREDIT else "dikembalikan"
            receipt = done.payment.receipt_no if done.payment else "?"
            print(f"  {receipt}: {kind} {format_rupiah(done.settlement.amount)}", file=context.out)
    return 0


def settle(args: argparse.Namespace, context: CliContext) -> int:
    kind = SettlementKind.CREDIT if args.credit else SettlementKind.REFUND
    if args.output and kind is not SettlementKind.REFUND:
        raise DomainError("Bukti pengembalian (-o) hanya untuk --refund.")
    with open_store(args, context) as store:
        staff = current_user(store)
        if staff is None:
            raise DomainError("Laptop ini belum punya pengguna: masuk dulu sebagai staf cabang.")
        done = DoublePaymentService(store).settle(args.receipt_no, kind, staff, args.note)
        if done is None:
            print(f"Kuitansi {args.receipt_no} dibatalkan; kredit yang dipakainya kembali.",
                  file=context.out)  # fmt: skip
            return 0
        if args.output:
            write_pdf(refund_note(store, done, is_demo_database(store)), Path(args.output))
        what = "dijadikan kredit" if kind is SettlementKind.CREDIT else "dikembalikan"
        print(
            f"Kuitansi {args.receipt_no} dibatalkan; {format_rupiah(done.amount)} {what}.",
            file=context.out,
        )
    return 0


def relief_credits(args: argparse.Namespace, context: CliContext) -> int:
    """Lists the credits owed after a rate-table update; records them with --apply."""
    from outreach_app.services.relief_credits import ReliefCredits

    with open_store(args, context) as store:
        relief = ReliefCredits(store, context.schedule())
        due = relief.due()
        if args.apply:
            staff = current_user(store)
            if staff is None:
                raise DomainError("Laptop ini belum punya pengguna: masuk dulu sebagai staf.")
            relief.apply(staff)
        if args.json:
            rows = [
                {"receipt_no": c.payment.receipt_no, "nik": c.participant.nik, "amount": c.amount}
                for c in due
            ]
            print(
                json.dumps({"applied": bool(args.apply), "credits": rows}, ensure_ascii=False),
                file=context.out,
            )
            return 0
        state = "dicatat" if args.apply else "terutang (catat dengan --apply)"
        print(f"Kredit keringanan iuran {state}: {len(due)}", file=context.out)
        for credit in due:
            print(
                f"  {credit.payment.receipt_no} {credit.participant.full_name}: "
                f"{format_rupiah(credit.amount)}",
                file=context.out,
            )
    return 0

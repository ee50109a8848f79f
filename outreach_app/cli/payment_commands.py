"""`outreach payment take | void | doubles | settle | relief-credits`: the payment dialog's
services, for scripted work and checks (void in void_commands.py, the double payments' actions
in double_payment_commands.py).

The receipt is issued by the same PaymentService.record the app uses, so the one-payment-per-
month rule refuses here exactly what it refuses in the dialog: exit 1 with the reason.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from outreach_app.cli.arguments import open_store, parse_month
from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import PaymentMethod
from outreach_app.domain.months import add_months
from outreach_app.domain.payable_months import MonthsRefused, month_label
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.double_payments import credit_used
from outreach_app.services.payments import PaymentService
from outreach_app.services.setup import current_user


def payment(args: argparse.Namespace, context: CliContext) -> int:
    if args.payment_command == "take":
        return take(args, context)
    if args.payment_command == "void":
        from outreach_app.cli.void_commands import payment_void

        return payment_void(args, context)
    if args.payment_command in ("doubles", "settle", "relief-credits"):
        from outreach_app.cli import double_payment_commands

        name = args.payment_command.replace("-", "_")
        handler = getattr(double_payment_commands, name)
        return int(handler(args, context))
    raise DomainError(f"Perintah payment {args.payment_command!r} tidak dikenal.")


def take(args: argparse.Namespace, context: CliContext) -> int:
    start = parse_month(args.start) if args.start else None
    with open_store(args, context) as store:
        collector = current_user(store)
        if collector is None:
            raise DomainError("Laptop ini belum punya agen: masuk dulu di aplikasi.")
        person = store.participants.by_nik(args.nik.strip())
        if person is None:
            raise DomainError(f"Tidak ada peserta dengan NIK {args.nik.strip()!r}.")
        service = PaymentService(store, context.schedule())
        months = args.months or person.payment_months
        try:
            receipt = service.record(
                person.stamp.id, months, collector, start, PaymentMethod(args.method)
            )
        except MonthsRefused as refused:
            if args.json:
                print(json.dumps(_refusal(refused), ensure_ascii=False), file=context.out)
            raise
        credit = credit_used(store, receipt.stamp.id)  # a settled double payment's credit
    covered = [add_months(receipt.period_start, i) for i in range(receipt.months)]
    if args.json:
        result: dict[str, Any] = {
            "receipt_no": receipt.receipt_no,
            "nik": person.nik,
            "months": [month.strftime("%Y-%m") for month in covered],
            "total": receipt.total,
            "credit_used": credit,
            "to_collect": receipt.total - credit,
            "method": receipt.method.value,
        }
        print(json.dumps(result, ensure_ascii=False), file=context.out)
    else:
        print(
            f"Kuitansi {receipt.receipt_no}: {person.full_name}, "
            f"{month_label(covered[0])} s.d. {month_label(covered[-1])} "
            f"({receipt.months} bulan), {format_rupiah(receipt.total)}.",
            file=context.out,
        )
        if credit:
            print(
                f"Kredit dipakai {format_rupiah(credit)}; yang diterima "
                f"{format_rupiah(receipt.total - credit)}.",
                file=context.out,
            )
    return 0


def _refusal(refused: MonthsRefused) -> dict[str, Any]:
    return {
        "refused": refused.reason.value,
        "message": str(refused),
        "months": [month.strftime("%Y-%m") for month in refused.months],
        "allowed_start": refused.allowed_start.strftime("%Y-%m") if refused.allowed_start else None,
    }

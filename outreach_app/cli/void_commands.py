"""`outreach payment void RECEIPT_NO --reason TEXT`: the app's void (services/voids.py) for
scripts and checks. Exit 0 when the receipt was voided; 1 when the rules refused it, saying
so when a void request was filed for branch staff instead.

Its own module (its parser in void_parser.py) so the `payment` group's other commands
(`payment take`, built beside it) merge without touching this."""

from __future__ import annotations

import argparse
import json
from typing import Any

from outreach_app.cli.arguments import open_store
from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError
from outreach_app.domain.voids import VoidOutcome
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.setup import current_user
from outreach_app.services.voids import VoidService


def payment_void(args: argparse.Namespace, context: CliContext) -> int:
    with open_store(args, context) as store:
        actor = current_user(store)
        if actor is None:
            raise DomainError("Laptop ini belum punya pengguna aktif; masuk dulu di aplikasi.")
        service = VoidService(store)
        result = service.void_or_request(args.receipt_no, args.reason, actor)
        payment = result.payment
        verdict = service.verdict(payment, actor) if result.request else None
    answer: dict[str, Any] = {
        "receipt_no": payment.receipt_no,
        "outcome": result.outcome.value,
        "amount": payment.total,
        "request_id": result.request.stamp.id if result.request else None,
        "why": list(verdict.why) if verdict else [],
    }
    if args.json:
        print(json.dumps(answer, ensure_ascii=False, indent=2), file=context.out)
    elif result.outcome is VoidOutcome.VOID:
        print(
            f"Kuitansi {payment.receipt_no} ({format_rupiah(payment.total)}) dibatalkan.",
            file=context.out,
        )
    else:
        print(
            f"Ditolak: kuitansi {payment.receipt_no} tidak dibatalkan langsung "
            f"({verdict.explain() if verdict else ''}). Permintaan pembatalan sudah diajukan "
            "kepada staf cabang; kuitansi tetap berlaku sampai disetujui.",
            file=context.err,
        )
    return 0 if result.outcome is VoidOutcome.VOID else 1

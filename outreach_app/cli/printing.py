"""`outreach print ...` and `outreach verify-receipt`: documents from the command line.

A PDF is made in memory first and written only when complete (atomically), so an unknown
receipt number, participant or payer leaves no file behind: exit 1 with the reason.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from outreach_app.cli.arguments import open_store, parse_day, parse_month
from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError
from outreach_app.domain.months import add_months
from outreach_app.domain.receipt_payload import ReceiptPayloadError
from outreach_app.reference.dates_text import month_span, short_date
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.printing import PrintService, write_pdf
from outreach_app.services.receipt_files import payloads_in_pdf
from outreach_app.services.receipts import ReceiptSigner, ReceiptVerifier, VerifiedReceipt
from outreach_app.services.setup import current_user, is_demo_database
from outreach_app.storage.store import Store


def _printer(store: Store, context: CliContext) -> PrintService:
    return PrintService(
        store,
        context.schedule(),
        ReceiptSigner(store),
        demo=is_demo_database(store),
        today=context.today,
    )


def print_document(args: argparse.Namespace, context: CliContext) -> int:
    with open_store(args, context) as store:
        data = _render(args, store, context)
    target = write_pdf(data, Path(args.output))
    print(f"Tersimpan: {target} ({len(data) // 1024 + 1} KB)", file=context.out)
    return 0


def _render(args: argparse.Namespace, store: Store, context: CliContext) -> bytes:
    printer = _printer(store, context)
    what = args.print_command
    if what == "receipt":
        job = printer.receipt_job(args.receipt_no)
    elif what == "receipts":
        agent = store.users.by_username(args.agent) if args.agent else current_user(store)
        if agent is None:
            raise DomainError("Laptop ini belum punya agen; sebutkan agennya dengan --agent.")
        job = printer.day_receipts_job(agent.stamp.id, parse_day(args.date, context.today()))
    elif what == "form":
        job = printer.blank_form_job() if args.blank else printer.form_for_nik_job(args.nik)
    elif what == "payer-list":
        job = printer.payer_list_job(args.payer_id, parse_month(args.month))
    elif what == "visit-report":
        job = printer.visit_report_job(args.visit_id)
    elif what == "visit-forms":
        job = printer.visit_forms_job(args.visit_id)
    else:  # argparse allows only the names above
        raise AssertionError(what)
    return job.render()


def verify_receipt(args: argparse.Namespace, context: CliContext) -> int:
    """Exit 0 when every receipt found is genuine and not voided here, 1 (with the reason)
    when any is not genuine or this database knows it was voided (BATAL). A genuine receipt
    this database does not know exits 0, but says whether it was voided cannot be known."""
    source = Path(args.source)
    if source.suffix.lower() == ".pdf" or source.is_file():
        if not source.is_file():
            raise DomainError(f"Berkas {source} tidak ada.")
        payloads = payloads_in_pdf(source.read_bytes())
        if not payloads:
            raise ReceiptPayloadError(f"Tidak ada kode kuitansi Perisai Outreach di {source}.")
    else:
        payloads = [args.source]
    with open_store(args, context) as store:
        verifier = ReceiptVerifier(store)
        results: list[dict[str, Any]] = []
        failed = False
        for payload in payloads:
            try:
                checked = verifier.verify(payload, nik=args.nik)
                results.append(_as_dict(checked))
            except DomainError as exc:
                failed = True
                results.append({"genuine": False, "reason": str(exc)})
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2), file=context.out)
    else:
        for result in results:
            print(_as_text(result), file=context.out if result["genuine"] else context.err)
    refused = any(r.get("nik_matches") is False or r.get("status") == "voided" for r in results)
    return 1 if failed or refused else 0


def _as_dict(checked: VerifiedReceipt) -> dict[str, Any]:
    claim = checked.claim
    last = add_months(claim.first_month, claim.months - 1)
    if checked.payment is None:
        status = "not_recorded_here"
    else:
        status = "voided" if checked.voided else "recorded"
    return {
        "genuine": True,
        "receipt_no": claim.receipt_no,
        "amount": claim.amount,
        "paid_on": claim.paid_on.isoformat(),
        "first_month": claim.first_month.strftime("%Y-%m"),
        "months": claim.months,
        "period": month_span(claim.first_month, last),
        "device_id": claim.device_id,
        "device_name": checked.device_name,
        "status": status,
        "void_reason": checked.payment.void_reason if checked.voided and checked.payment else "",
        "voided_at": checked.voided_at.isoformat(timespec="minutes") if checked.voided_at else None,
        # whether this answer can say the receipt stands: only a database that holds it
        "void_state": "voided"
        if checked.voided
        else ("not_voided_here" if checked.payment else "unknown"),
        "nik_matches": checked.nik_matches,
    }


def _as_text(result: dict[str, Any]) -> str:
    if not result["genuine"]:
        return f"TIDAK SAH: {result['reason']}"
    lines = [
        f"ASLI: kuitansi {result['receipt_no']}, {format_rupiah(result['amount'])}, "
        f"{result['period']} ({result['months']} bulan), dibayar "
        f"{short_date(dt.date.fromisoformat(result['paid_on']))}, "
        f"ditandatangani perangkat {result['device_name']}"
    ]
    if result["status"] == "voided":
        when = dt.datetime.fromisoformat(result["voided_at"]) if result["voided_at"] else None
        lines[0] = "BATAL: " + lines[0].removeprefix("ASLI: ")
        lines.append(
            "  status: DIBATALKAN"
            + (f" pada {short_date(when.date())} {when:%H:%M}" if when else "")
            + f": {result['void_reason']}. Kuitansi ini tidak berlaku lagi."
        )
    else:
        status = {
            "recorded": "tercatat dan tidak dibatalkan di basis data ini (sampai sinkronisasi "
            "terakhirnya)",
            "not_recorded_here": "belum tercatat di basis data ini: tanda tangannya asli, "
            "tetapi apakah kuitansi ini sudah dibatalkan TIDAK DAPAT DIKETAHUI di sini "
            "(sinkronkan, atau periksa dengan basis data kantor cabang)",
        }[result["status"]]
        lines.append(f"  status: {status}")
    if result["nik_matches"] is not None:
        lines.append("  NIK: cocok" if result["nik_matches"] else "  NIK: TIDAK COCOK")
    return "\n".join(lines)

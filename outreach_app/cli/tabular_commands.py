"""`outreach import participants FILE` and `outreach export participants|payments|visits FILE`.

Import exit codes: 0 every row imported (or already there), 1 some rows refused (listed, and
written to the error file), 2 nothing imported because the file itself cannot be used (or
the payer named is unknown, or the laptop has no user to record the import under). A dry run
exits the same way and writes nothing, except the error file when `--errors` asks for it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from outreach_app.cli.arguments import open_store
from outreach_app.cli.context import CliContext
from outreach_app.reference.money_text import format_count
from outreach_app.services.exporting import ExportKind, ExportService
from outreach_app.services.importing import (
    ImportReport,
    ImportService,
    UnusableFile,
    mapping_summary,
)
from outreach_app.services.setup import current_user

MAX_LISTED = 200  # problems printed; the error file has every refused row


def import_command(args: argparse.Namespace, context: CliContext) -> int:
    try:
        return _import(args, context)
    except UnusableFile as exc:
        print(f"Tidak ada yang diimpor: {exc}", file=context.err)
        return 2


def _import(args: argparse.Namespace, context: CliContext) -> int:
    source_path = Path(args.file)
    with open_store(args, context) as store:
        service = ImportService(store, context.schedule(), context.today, context.regions())
        actor = current_user(store)
        if actor is None and not args.dry_run:
            raise UnusableFile(
                "laptop ini belum punya pengguna: pilih identitas di Pengaturan aplikasi, "
                "karena setiap peserta yang diimpor dicatat atas nama penggunanya."
            )
        payer_id = service.payer(args.payer).stamp.id if args.payer else None
        source = service.open(source_path)
        out = context.out
        print(
            f"Dibaca: {source_path.name} ({source.table.info.describe()}), judul kolom di baris "
            f"{source.table.header_row}, {format_count(len(source.table.rows))} baris data.",
            file=out,
        )
        how = "diingat dari impor sebelumnya" if source.remembered else "ditebak dari judulnya"
        print(f"Kolom ({how}): " + "; ".join(mapping_summary(source)), file=out)
        if args.dry_run:
            report = service.check(source, payer_id)
        else:
            assert actor is not None
            report = service.run(source, actor, payer_id)
        _list_problems(report, context)
        errors_path = None
        if report.plan.refused and (not args.dry_run or args.errors):
            errors_path = service.write_errors(report, Path(args.errors) if args.errors else None)
        _summary(report, errors_path, context)
    return 1 if report.plan.refused else 0


def _list_problems(report: ImportReport, context: CliContext) -> None:
    problems = report.problems
    for problem in problems[:MAX_LISTED]:
        kind = "peringatan" if problem.warning else "ditolak"
        print(f"baris {problem.row}, {problem.label}: {kind}: {problem.message}", file=context.err)
    if len(problems) > MAX_LISTED:
        more = format_count(len(problems) - MAX_LISTED)
        print(f"… dan {more} masalah lagi (semua ada di berkas galat).", file=context.err)


def _summary(report: ImportReport, errors_path: Path | None, context: CliContext) -> None:
    plan = report.plan
    count = format_count
    if report.dry_run:
        head = f"Uji coba (tidak ada yang disimpan): {count(len(plan.new))} siap diimpor"
    else:
        head = f"Diimpor: {count(report.imported)} peserta"
    line = (
        f"{head}; sudah ada: {count(len(plan.already))}; ditolak: {count(len(plan.refused))}; "
        f"peringatan: {count(len(plan.warnings))}."
    )
    print(line, file=context.out)
    if errors_path is not None:
        print(
            f"Baris yang ditolak beserta alasannya: {errors_path} (perbaiki lalu impor lagi).",
            file=context.out,
        )


def export_command(args: argparse.Namespace, context: CliContext) -> int:
    with open_store(args, context) as store:
        service = ExportService(store, context.today)
        village_id = service.village(args.village).stamp.id if args.village else None
        result = service.export(ExportKind(args.what), Path(args.file), village_id=village_id)
    print(
        f"Tersimpan: {result.path} ({format_count(result.rows)} baris). Berkas ini berisi "
        "data pribadi: simpan dengan aman.",
        file=context.out,
    )
    return 0

"""`outreach init | nik | premium | demo generate`: the commands that work on records and rules.

Each handler takes the parsed arguments and the `CliContext` and returns the exit code.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any, TextIO

from outreach_app.cli.arguments import open_store, parse_day
from outreach_app.cli.context import CliContext
from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import PayerType, Sector
from outreach_app.domain.nik import NikInfo, parse_nik
from outreach_app.domain.premiums import PremiumBreakdown, PremiumRequest, calculate_premium
from outreach_app.reference.money_text import amount_in_words, format_count, format_rupiah
from outreach_app.services.demo import generate_participants, seed_demo

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def init(args: argparse.Namespace, context: CliContext) -> int:
    path = context.db_path(args)
    existed = path.exists()
    with open_store(args, context, create=True) as store:
        state = "sudah ada" if existed else "dibuat"
        print(f"Basis data {state}: {path}", file=context.out)
        if args.demo:
            summary = seed_demo(store, context.schedule(), context.today())
            if summary.already_seeded:
                print("Data demo sudah ada; tidak ada yang diubah.", file=context.out)
            else:
                print(
                    f"Data demo: {summary.branches} kantor cabang, {summary.villages} desa, "
                    f"{summary.participants} peserta, {summary.payments} kuitansi, "
                    f"{summary.visits} rencana kunjungan.",
                    file=context.out,
                )
    return 0


def nik_as_dict(info: NikInfo) -> dict[str, Any]:
    if not info.valid:
        return {"valid": False, "nik": info.nik, "errors": list(info.errors)}
    return {
        "valid": True,
        "nik": info.nik,
        "birth_date": info.birth_date.isoformat() if info.birth_date else None,
        "sex": info.sex.value if info.sex else None,
        "province_code": info.province_code,
        "regency_code": info.regency_code,
        "district_code": info.district_code,
        "province": info.province,
        "regency": info.regency,
        "district": info.district,
        "region": info.region,
        "serial": info.serial,
        "warnings": list(info.warnings),
    }


def nik(args: argparse.Namespace, context: CliContext) -> int:
    info = parse_nik(args.nik, context.regions(), today=context.today())
    if args.json:
        print(json.dumps(nik_as_dict(info), ensure_ascii=False, indent=2), file=context.out)
    elif not info.valid:
        print(f"NIK tidak sah: {' '.join(info.errors)}", file=context.out)
    else:
        for key, value in nik_as_dict(info).items():
            if key == "warnings":
                for warning in value:
                    print(f"peringatan: {warning}", file=context.out)
            else:
                print(f"{key}: {value}", file=context.out)
    return 0 if info.valid else 1


def _parse_income(text: str) -> int:
    cleaned = text.strip()
    if not cleaned.lstrip("-").isdigit():
        raise DomainError(
            f"Penghasilan harus bilangan bulat rupiah tanpa titik atau koma, misalnya 1500000 "
            f"(yang diisi: {text!r})."
        )
    return int(cleaned)


def premium_as_dict(breakdown: PremiumBreakdown) -> dict[str, Any]:
    first = breakdown.first
    return {
        "jkk": first.jkk,
        "jkm": first.jkm,
        "jht": first.jht,
        "discount": first.discount,
        "monthly_total": breakdown.monthly_total,
        "months": breakdown.months,
        "total": breakdown.total,
        "base_income": breakdown.base_income,
        "declared_income": breakdown.request.declared_income,
        "uniform": breakdown.uniform,
        "rules": list(breakdown.legal_bases),
        "per_month": [
            {
                "month": m.month.strftime("%Y-%m"),
                "jkk": m.jkk,
                "jkm": m.jkm,
                "jht": m.jht,
                "discount": m.discount,
                "total": m.total,
                "discount_rules": list(m.discount_rules),
            }
            for m in breakdown.per_month
        ],
    }


def premium(args: argparse.Namespace, context: CliContext) -> int:
    request = PremiumRequest(
        declared_income=_parse_income(args.income),
        months=args.months,
        first_month=parse_day(args.date, context.today()),
        include_jht=args.jht,
        payer=PayerType(args.payer),
        sector=Sector(args.sector),
    )
    breakdown = calculate_premium(context.schedule(), request)
    if args.json:
        print(json.dumps(premium_as_dict(breakdown), indent=2), file=context.out)
    else:
        _print_premium(breakdown, context.out)
    return 0


def _print_premium(b: PremiumBreakdown, out: TextIO) -> None:
    start = b.first.month
    declared = b.request.declared_income
    base = f"dasar {format_rupiah(b.base_income)}"
    if b.base_income < declared:  # the table's ceiling
        base = f"di atas batas tertinggi: {base}"
    print(
        f"Iuran BPU: penghasilan {format_rupiah(declared)} ({base}), {b.months} bulan mulai "
        f"{MONTHS_ID[start.month - 1]} {start.year}",
        file=out,
    )
    for m in b.per_month:
        parts = [f"JKK {format_rupiah(m.jkk)}", f"JKM {format_rupiah(m.jkm)}"]
        if m.jht:
            parts.append(f"JHT {format_rupiah(m.jht)}")
        if m.discount:
            parts.append(f"potongan -{format_rupiah(m.discount)}")
        print(
            f"  {MONTHS_ID[m.month.month - 1]:>9} {m.month.year}: {', '.join(parts)} "
            f"= {format_rupiah(m.total)}",
            file=out,
        )
    print(f"Total: {format_rupiah(b.total)} ({amount_in_words(b.total)})", file=out)
    print(f"Dasar hukum: {'; '.join(b.legal_bases)}", file=out)


def demo_generate(args: argparse.Namespace, context: CliContext) -> int:
    if args.participants <= 0:
        raise DomainError("Jumlah peserta harus lebih dari nol.")
    path = context.db_path(args)
    started = time.perf_counter()
    with open_store(args, context, create=True) as store:
        seed_demo(store, context.schedule(), context.today())

        def report(done: int, total: int) -> None:
            print(
                f"\r{format_count(done)}/{format_count(total)} peserta",
                end="",
                file=context.err,
                flush=True,
            )

        made = generate_participants(
            store, context.schedule(), args.participants, args.seed, context.today(), report
        )
        print(file=context.err)
        total = store.participants.count()
    print(
        f"{format_count(made)} peserta sintetis ditambahkan dalam "
        f"{time.perf_counter() - started:.1f} s; total {format_count(total)} peserta di {path}",
        file=context.out,
    )
    return 0

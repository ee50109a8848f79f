"""Import of a 50k-row participant list: the whole import against a plain sqlite-utils insert.

Ours: `ImportService.open(file)` and `.run(...)`: read the CSV (encoding, separator, header),
guess the columns, check every row by the enrolment rules (NIK, dates, village, income,
period), look up the file's NIKs in the database, then insert the participants with their
outbox records and one audit entry each, in one transaction. The baseline is
`db.table("participants").insert_all(rows)` of the same participants, already built as rows
(no file, no checks, no outbox), inside one transaction. Both start from byte-identical
copies of a seeded demo database.

    .venv/bin/python benchmarks/bench_import.py --rows 50000 --repeat 3
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from outreach_app.domain.models import Participant
from outreach_app.reference.rate_tables import load_schedule
from outreach_app.services.demo import PeopleFactory, load_seed, seed_demo
from outreach_app.services.importing import ImportService
from outreach_app.services.setup import current_user
from outreach_app.storage.database import open_database
from outreach_app.storage.rows import to_row
from outreach_app.storage.store import Store

TODAY = dt.date(2026, 11, 21)
TARGET_RATIO = 5.0
HEADER = ["No", "NIK", "Nama Lengkap", "Tempat Lahir", "Tgl Lahir", "L/P", "Alamat",
          "Kode Desa", "No HP", "Pekerjaan", "Penghasilan (Rp)", "Periode (bulan)"]  # fmt: skip


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_list(template: Path, count: int, target: Path) -> list[Participant]:
    """A village office's list: semicolons, dd-mm-yyyy dates, dotted rupiah, as Excel saves."""
    with Store(template) as store:
        seed_demo(store, load_schedule(), TODAY)
        villages = store.villages.all()
        taken = set(store.participants.niks())
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    factory = PeopleFactory(load_seed(), random.Random(5), TODAY, load_schedule())
    factory.reserve(taken)
    codes = {v.stamp.id: v.code for v in villages}
    people = [factory.person(villages[i % len(villages)], None) for i in range(count)]
    with target.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(HEADER)
        for number, p in enumerate(people, start=1):
            assert p.birth_date is not None and p.sex is not None
            writer.writerow([
                number, p.nik, p.full_name, p.birth_place, p.birth_date.strftime("%d-%m-%Y"),
                "L" if p.sex.value == "M" else "P", p.address, codes[str(p.village_id)],
                p.phone, p.occupation, f"{p.declared_income:,}".replace(",", "."),
                p.payment_months,
            ])  # fmt: skip
    return people


def run_ours(template: Path, path: Path, source: Path) -> tuple[float, int]:
    shutil.copyfile(template, path)
    with Store(path) as store:
        actor = current_user(store)
        assert actor is not None
        service = ImportService(store, load_schedule(), lambda: TODAY)
        before = store.participants.count()
        gc.collect()
        start = time.perf_counter()
        report = service.run(service.open(source), actor)
        seconds = time.perf_counter() - start
        assert not report.plan.refused, report.problems[:3]
        assert store.participants.count() == before + report.imported
    return seconds, report.imported


def run_baseline(template: Path, path: Path, people: list[Participant]) -> float:
    shutil.copyfile(template, path)
    rows = []
    for i, person in enumerate(people):
        row = to_row(person)
        row.update(updated_hlc=f"{1 + i // 0x10000:013d}-{i % 0x10000:04x}", device_id="d",
                   deleted=0)  # fmt: skip
        rows.append(row)
    db = open_database(path)
    try:
        gc.collect()
        start = time.perf_counter()
        with db.atomic():
            db.table("participants").insert_all(rows)
        return time.perf_counter() - start
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=50_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=1, metavar="R", help="best of R per side")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        template, source = work / "seeded.db", work / "daftar.csv"
        people = make_list(template, args.rows, source)
        size = source.stat().st_size
        log(f"list of {args.rows} rows written ({size / 1_000_000:.1f} MB), untimed")
        ours, baseline = [], []
        for attempt in range(1, args.repeat + 1):
            seconds, imported = run_ours(template, work / "ours.db", source)
            assert imported == args.rows
            ours.append(seconds)
            baseline.append(run_baseline(template, work / "base.db", people))
            log(f"run {attempt}: ours {ours[-1]:.2f} s, baseline {baseline[-1]:.2f} s")
    best_ours, best_base = min(ours), min(baseline)
    ratio = best_ours / best_base
    print(
        f"Import of a {args.rows}-row CSV list ({size / 1_000_000:.1f} MB), best of {args.repeat}"
    )
    print(f"{'side':<58} {'seconds':>8} {'rows/s':>9}")
    for label, seconds in (
        ("ours: read + map + check every row + insert, outbox, audit", best_ours),
        ("baseline: sqlite-utils insert_all of the built rows", best_base),
    ):
        print(f"{label:<58} {seconds:>8.2f} {args.rows / seconds:>9,.0f}")
    print(f"ratio ours/baseline: {ratio:.2f}")
    print(f"target: ratio <= {TARGET_RATIO} — {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Bulk insert of participants: the app's storage path against a plain sqlite-utils insert.

Ours is `store.participants.add_many(records)`: records -> rows, an HLC tick and the kept UUID
per row, one outbox record (changed fields as JSON) per participant, all in one transaction.
The baseline is `db.table("participants").insert_all(rows)` on the same schema and indexes,
with the same pragmas, inside one `db.atomic()` transaction, no outbox. Both start from
byte-identical copies of a seeded demo database; building the records and the rows is not timed.

`--encrypted` runs both sides again on an encrypted copy of the seeded database (SQLCipher, a
random raw key, as on a protected laptop) and prints what encryption costs; the target stays
against the plain baseline.

    .venv/bin/python benchmarks/bench_insert_participants.py --participants 200000 --repeat 3
        [--encrypted]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import os
import pstats
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import SQLITE_MAX_VARS

from outreach_app.domain.models import Participant, User, Village
from outreach_app.reference.rate_tables import load_schedule
from outreach_app.services.demo import PeopleFactory, load_seed, seed_demo
from outreach_app.storage.database import DatabaseKey, encrypt_copy, open_database
from outreach_app.storage.rows import to_row
from outreach_app.storage.store import Store

TODAY = dt.date(2026, 11, 21)
TARGET_RATIO = 3.0
SQLITE_UTILS_BATCH = 100  # sqlite-utils' default batch_size, capped by SQLITE_MAX_VARS // columns


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def seed_template(path: Path) -> tuple[list[Village], list[User], set[str], str]:
    """The seeded demo database both sides copy; returns villages, agents, NIKs, device id."""
    with Store(path) as store:
        seed_demo(store, load_schedule(), TODAY)
        villages = store.villages.all()
        agents = store.users.agents()
        niks = set(store.participants.niks())
        device_id = store.device.id
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    return villages, agents, niks, device_id


def build_records(
    count: int, villages: list[Village], agents: list[User], taken_niks: set[str]
) -> list[Participant]:
    """Round-robin over the demo villages (and agents), like `outreach demo generate`."""
    factory = PeopleFactory(load_seed(), random.Random(1), TODAY, load_schedule())
    factory.reserve(taken_niks)  # the seeded participants hold live NIKs: the index is unique
    return [
        factory.person(villages[i % len(villages)], agents[i % len(agents)].stamp.id)
        for i in range(count)
    ]


def build_rows(records: list[Participant], device_id: str) -> list[dict[str, Any]]:
    rows = []
    for i, record in enumerate(records):
        row = to_row(record)  # id from the stamp
        row["updated_hlc"] = f"{1 + i // 0x10000:013d}-{i % 0x10000:04x}"
        row["device_id"] = device_id
        row["deleted"] = 0
        rows.append(row)
    return rows


def counts(db: Database) -> tuple[int, int]:
    participants = db.execute("SELECT count(*) FROM participants").fetchone()[0]
    outbox = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    return int(participants), int(outbox)


def file_size(path: Path) -> int:
    """The database with whatever is left in its WAL (closing normally checkpoints it away)."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_ours(
    template: Path, path: Path, records: list[Participant], key: DatabaseKey | None = None
) -> tuple[float, int]:
    shutil.copyfile(template, path)
    with Store(path, key=key) as store:
        participants, outbox = counts(store.db)
        seconds = timed(lambda: store.participants.add_many(records))
        after = counts(store.db)
        expected = (participants + len(records), outbox + len(records))
        assert after == expected, f"ours: (participants, outbox) {after}, expected {expected}"
    size = file_size(path)
    remove(path)
    return seconds, size


def run_baseline(
    template: Path, path: Path, rows: list[dict[str, Any]], key: DatabaseKey | None = None
) -> tuple[float, int]:
    shutil.copyfile(template, path)
    db = open_database(path, key)  # a sqlite-utils Database with exactly the app's pragmas
    try:
        participants, outbox = counts(db)

        def insert() -> None:
            with db.atomic():
                db.table("participants").insert_all(rows)

        seconds = timed(insert)
        after = counts(db)
        expected = (participants + len(rows), outbox)
        assert after == expected, f"baseline: (participants, outbox) {after}, expected {expected}"
    finally:
        db.close()
    size = file_size(path)
    remove(path)
    return seconds, size


def run_baseline_unkeyed_sqlcipher(template: Path, path: Path, rows: list[dict[str, Any]]) -> float:
    """The baseline through the SQLCipher library with no key (plain pages): separates the
    cost of encrypting from that of the newer SQLite SQLCipher is built on."""
    import sqlcipher3

    shutil.copyfile(template, path)
    conn = sqlcipher3.connect(str(path))
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                   "cache_size = -32768"):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}").fetchall()
    db = Database(conn, execute_plugins=False)  # type: ignore[arg-type]

    def insert() -> None:
        with db.atomic():
            db.table("participants").insert_all(rows)

    try:
        return timed(insert)
    finally:
        db.close()
        remove(path)


def profile_ours(template: Path, path: Path, records: list[Participant], top: int) -> None:
    shutil.copyfile(template, path)
    with Store(path) as store:
        profiler = cProfile.Profile()
        profiler.runcall(store.participants.add_many, records)
    remove(path)
    print(f"\ncProfile of ours (one extra, untimed run), top {top} by own time:")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("tottime")
    stats.print_stats(top)


def cipher_sqlite_version() -> str:
    import sqlcipher3

    return str(sqlcipher3.connect(":memory:").execute("SELECT sqlite_version()").fetchone()[0])


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--participants", type=int, default=200_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=1, metavar="R", help="best of R per side")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="TOP", help="also cProfile ours, print TOP rows"
    )
    parser.add_argument("--tmpdir", type=Path, default=None, help="where the copies are made")
    parser.add_argument("--encrypted", action="store_true", help="also on an encrypted copy")
    args = parser.parse_args(argv)
    if args.participants < 1 or args.repeat < 1:
        parser.error("--participants and --repeat must be at least 1")

    with tempfile.TemporaryDirectory(prefix="bench-insert-", dir=args.tmpdir) as tmp:
        work = Path(tmp)
        template = work / "seeded.db"
        start = time.perf_counter()
        villages, agents, niks, device_id = seed_template(template)
        log(f"seeded demo database: {len(niks)} participants ({time.perf_counter() - start:.1f} s)")
        start = time.perf_counter()
        records = build_records(args.participants, villages, agents, niks)
        rows = build_rows(records, device_id)
        log(f"built {len(records)} records and rows, untimed ({time.perf_counter() - start:.1f} s)")

        ours: list[float] = []
        baseline: list[float] = []
        secret_ours: list[float] = []
        secret_base: list[float] = []
        unkeyed_base: list[float] = []
        sizes = (0, 0)
        key = DatabaseKey(os.urandom(32))
        if args.encrypted:
            encrypt_copy(template, work / "seeded-encrypted.db", key)
        for attempt in range(1, args.repeat + 1):
            ours_s, ours_size = run_ours(template, work / "ours.db", records)
            base_s, base_size = run_baseline(template, work / "baseline.db", rows)
            ours.append(ours_s)
            baseline.append(base_s)
            sizes = (ours_size, base_size)
            log(f"run {attempt}/{args.repeat}: ours {ours_s:.3f} s, baseline {base_s:.3f} s")
            if args.encrypted:
                enc = work / "seeded-encrypted.db"
                secret_ours.append(run_ours(enc, work / "ours-enc.db", records, key)[0])
                secret_base.append(run_baseline(enc, work / "base-enc.db", rows, key)[0])
                unkeyed_base.append(
                    run_baseline_unkeyed_sqlcipher(template, work / "base-lib.db", rows)
                )
                log(f"  encrypted: ours {secret_ours[-1]:.3f} s, baseline {secret_base[-1]:.3f} s"
                    f"; SQLCipher library without a key {unkeyed_base[-1]:.3f} s")  # fmt: skip
        template_size = file_size(template)

        if args.profile:
            profile_ours(template, work / "profiled.db", records, args.profile)

    n = args.participants
    best_ours, best_base = min(ours), min(baseline)
    ratio = best_ours / best_base
    batch = max(1, min(SQLITE_UTILS_BATCH, SQLITE_MAX_VARS // len(rows[0])))
    width = 40
    versions = f"SQLite {sqlite3.sqlite_version}, sqlite-utils {metadata.version('sqlite-utils')}"
    print(
        f"Bulk insert of participants, best of {args.repeat} ({versions}, "
        "pragmas of storage.open_database: WAL, synchronous=FULL, foreign keys, 32 MiB cache)"
    )
    print(f"{'side':<{width}} {'rows':>9} {'seconds':>9} {'rows/s':>10}")
    for label, seconds in (
        ("ours: store.participants.add_many", best_ours),
        ("baseline: sqlite-utils insert_all", best_base),
    ):
        print(f"{label:<{width}} {n:>9} {seconds:>9.3f} {n / seconds:>10,.0f}")
    print(f"ratio ours/baseline: {ratio:.2f}")
    print(f"target: ratio <= {TARGET_RATIO} — {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}")
    if secret_ours:
        enc_ours, enc_base = min(secret_ours), min(secret_base)
        enc_ratio = enc_ours / best_base
        for label, seconds in (
            ("encrypted ours (SQLCipher)", enc_ours),
            ("encrypted baseline (SQLCipher)", enc_base),
            ("baseline, SQLCipher library, no key", min(unkeyed_base)),
        ):
            print(f"{label:<{width}} {n:>9} {seconds:>9.3f} {n / seconds:>10,.0f}")
        print(
            f"encryption costs: ours {enc_ours / best_ours:.2f}x, baseline "
            f"{enc_base / best_base:.2f}x; encrypted ours / plain baseline {enc_ratio:.2f} — "
            f"{'PASS' if enc_ratio <= TARGET_RATIO else 'FAIL'} (target <= {TARGET_RATIO})"
        )
        print(
            f"encrypting pages alone (same SQLCipher library, key vs no key): "
            f"{enc_base / min(unkeyed_base):.2f}x; SQLCipher's SQLite {cipher_sqlite_version()}"
        )
    print(
        f"baseline transaction: one explicit db.atomic() around insert_all; sqlite-utils "
        f"batches of {batch} rows per multi-row INSERT ({len(rows[0])} columns), no outbox"
    )
    print(
        f"database files: seeded start {megabytes(template_size)}, "
        f"ours {megabytes(sizes[0])} (participants + outbox), baseline {megabytes(sizes[1])}"
    )
    try:
        import resource  # not on Windows

        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        print(f"peak memory (RSS): {peak_kb / 1024:.0f} MiB")
    except ImportError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

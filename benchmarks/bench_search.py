"""Search as you type over 200k participants: what one keystroke costs, against raw SQL.

Per keystroke the list model (on worker threads) reads a first page of 100 rows, which it
shows at once, and, when that page is full, counts the matches (exactly up to 10.000, then
"more than"), which it shows next. Both moments are timed: "rows" is the page alone, "total"
the page plus the count. Names are typed letter by letter, NIKs digit by digit. The baseline,
in the same run on the same file, is plain sqlite3 doing `SELECT count(*) ... LIKE` and
`SELECT * ... LIMIT 100` with no ordering and no coverage.
Target: p95 <= 50 ms per keystroke, for the rows and for the total.

`--encrypted` also searches the encrypted twin of the database (benchmarks/encrypted_copy.py,
the same rows under SQLCipher, as on a protected laptop), against the same plain baseline,
and prints what encryption costs.

    .venv/bin/python benchmarks/bench_search.py [--db FILE] [--participants 200000] [--encrypted]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from outreach_app.services.participants import (
    LIST_COUNT_CAP,
    ParticipantDirectory,
    ParticipantFilter,
)
from outreach_app.storage.database import DatabaseKey
from outreach_app.storage.store import Store

TARGET_P95_MS = 50.0
TODAY = dt.date(2026, 11, 21)
WORDS = ("Yohanis", "Ratuanak", "Fenanlampir", "Maria Sou", "Zzqx Wibble", "an")


def typed(text: str) -> list[str]:
    return [text[: i + 1] for i in range(len(text))]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


FIRST_PAGE = 100  # ParticipantTableModel.FIRST_PAGE (the benchmark stays free of Qt)


def ours(directory: ParticipantDirectory, text: str) -> tuple[float, float]:
    """(ms until the rows can be shown, ms until the total can be shown): what the model does."""
    wanted = ParticipantFilter(text=text)
    start = time.perf_counter()
    page = directory.page(wanted, FIRST_PAGE)
    rows = time.perf_counter()
    if len(page) == FIRST_PAGE:
        directory.count(wanted, cap=LIST_COUNT_CAP)
    return (rows - start) * 1000, (time.perf_counter() - start) * 1000


def raw(conn: sqlite3.Connection, text: str) -> float:
    start = time.perf_counter()
    if text.isdigit():
        where, param = "nik LIKE ?", f"{text}%"
    else:
        where, param = "full_name LIKE ?", f"%{text}%"
    conn.execute(f"SELECT count(*) FROM participants WHERE {where}", [param]).fetchone()
    conn.execute(f"SELECT * FROM participants WHERE {where} LIMIT 100", [param]).fetchall()
    return (time.perf_counter() - start) * 1000


def report(label: str, timings: list[float], baseline: list[float]) -> None:
    p95, base = percentile(timings, 0.95), percentile(baseline, 0.95)
    print(
        f"{label:<14} n={len(timings):3d}  p50 {statistics.median(timings):6.1f} ms  "
        f"p95 {p95:6.1f} ms  max {max(timings):6.1f} ms  | raw sqlite p95 {base:6.1f} ms  "
        f"ratio {p95 / base:4.1f}x  {'PASS' if p95 <= TARGET_P95_MS else 'FAIL'}"
    )


Timings = dict[str, tuple[list[tuple[float, float]], list[float]]]


def measure(db: Path, plain: Path, key: DatabaseKey | None) -> tuple[Timings, int]:
    """Ours on `db` (opened with `key`), the raw baseline on the plain file with the same rows."""
    with Store(db, key=key) as store:
        directory = ParticipantDirectory(store, lambda: TODAY)
        some_nik = store.participant_list.page(ParticipantFilter(), TODAY, 1)[0]
        nik = some_nik.participant.nik or "8103012002950001"
        conn = sqlite3.connect(f"{plain.resolve().as_uri()}?mode=ro", uri=True)
        names = [prefix for word in WORDS for prefix in typed(word)]
        niks = typed(nik)
        for text in names[:5] + niks[:5]:  # warm the page cache on both sides
            ours(directory, text), raw(conn, text)
        timed = {
            "names": ([ours(directory, t) for t in names], [raw(conn, t) for t in names]),
            "NIKs": ([ours(directory, t) for t in niks], [raw(conn, t) for t in niks]),
        }
        total = store.participants.count()
        conn.close()
    return timed, total


def print_report(title: str, timed: Timings) -> dict[str, float]:
    print(title)
    p95s = {}
    for stage, label in ((0, "rows"), (1, "total")):
        for kind, (timings, baseline) in timed.items():
            report(f"{kind}: {label}", [t[stage] for t in timings], baseline)
        every = [t[stage] for t in (*timed["names"][0], *timed["NIKs"][0])]
        report(f"all: {label}", every, [*timed["names"][1], *timed["NIKs"][1]])
        p95s[label] = percentile(every, 0.95)
    return p95s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--participants", type=int, default=200_000)
    parser.add_argument("--encrypted", action="store_true", help="also the encrypted twin")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.db"
        if not db.exists():
            subprocess.run(
                [sys.executable, "-m", "outreach_app", "demo", "generate",
                 "--participants", str(args.participants), "--db", str(db)],
                check=True,
            )  # fmt: skip
        timed, total = measure(db, db, None)
        encrypted = None
        if args.encrypted:
            from encrypted_copy import encrypted_copy  # benchmarks/ is on sys.path when run

            twin, key = encrypted_copy(db)
            encrypted = measure(twin, db, key)[0]
    plain = print_report(f"Search as you type over {total:,} participants, per keystroke", timed)
    if encrypted is not None:
        secret = print_report("The same on the encrypted twin (SQLCipher), against the same "
                              "plain baseline", encrypted)  # fmt: skip
        for label in ("rows", "total"):
            print(f"encryption costs {label}: p95 {plain[label]:.1f} -> {secret[label]:.1f} ms "
                  f"({secret[label] / plain[label]:.2f}x)")  # fmt: skip
    print(f"target: p95 <= {TARGET_P95_MS:.0f} ms per keystroke")


if __name__ == "__main__":
    main()

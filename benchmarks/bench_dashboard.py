"""The Dasbor page's aggregates on a 200k-participant database, each against a bare grouped
count measured in the same run.

Each aggregate is timed as the page's worker thread runs it (the service's read-only view,
warm page cache): the status counts per village and payer with the coverage rolled up to every
level, registrations per week, payers' shares, renewals per village, each agent's month with
the incentive estimate, the people of the largest village to visit, and the whole overview the
page loads at once. The baseline is plain sqlite3
`SELECT village_id, count(*) FROM participants GROUP BY village_id` on the same file.
Target (issue 6): each aggregate <= 200 ms. For comparison only, it also times the month's
premium groups recomputed from the receipts, as the page read them before migration 0012 kept
them in collection_totals.

    .venv/bin/python benchmarks/bench_dashboard.py [--db FILE] [--participants 200000] [--runs 7]

The database is made once with `outreach demo generate`, then given payment histories and
payers by benchmarks/dashboard_data.py (the generator makes neither).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dashboard_data import ensure_database

from outreach_app.domain.coverage import next_due_date
from outreach_app.domain.dashboard import Level, payer_shares, roll_up
from outreach_app.domain.models import Role
from outreach_app.domain.months import add_months, month_end, month_start
from outreach_app.reference.rate_tables import load_incentive_schedule
from outreach_app.services.dashboard import DashboardService
from outreach_app.storage.store import Store

TARGET_MS = 200.0

# What "premiums per agent this month" read before migration 0012 kept the groups in
# collection_totals: the month's receipts, each joined to its participant's registration date.
# Timed for comparison only (not a target): it shows what the kept groups save.
COMPARED = "for comparison: the month's groups recomputed from its receipts"
RECOMPUTED = """
SELECT pay.collected_by, substr(p.registered_on, 1, 7), pay.period_start, pay.months,
  sum(pay.total), count(*)
FROM users u
CROSS JOIN payments pay ON pay.collected_by = u.id
JOIN participants p ON p.id = pay.participant_id
WHERE pay.paid_at >= :start AND pay.paid_at < :end AND pay.deleted = 0 AND pay.voided = 0
GROUP BY 1, 2, 3, 4
"""


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm: statement cache, page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="reuse a database (made if missing)")
    parser.add_argument("--participants", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.db"
        ensure_database(db, args.participants, today)
        with Store(db) as store:
            results, context = measure(store, db, today, args.runs)
    report(results, context)


def measure(
    store: Store, db: Path, today: dt.date, runs: int
) -> tuple[dict[str, list[float]], dict[str, object]]:
    service = DashboardService(store, load_incentive_schedule(), lambda: today)
    view = store.reader()
    queries = view.dashboard
    due_before = month_end(next_due_date(today))
    first = month_start(today)
    following = add_months(first, 1)
    villages = view.villages.all()
    branches = {b.stamp.id: b.name for b in view.branches.all()}
    payer_types = {p.stamp.id: p.payer_type for p in view.payers.all()}
    staff = next((u for u in view.users.all() if u.role is Role.STAFF), None)
    counts = queries.status_counts(today, due_before)
    largest = max(
        (c for c in counts if c.village_id), key=lambda c: c.due + c.grace + c.lapsed
    ).village_id
    assert largest is not None
    raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)

    def coverage_all_levels() -> None:
        rows = queries.status_counts(today, due_before)
        for level in Level:
            roll_up(villages, rows, level, branches)

    results = {
        "baseline: GROUP BY village_id": timed(
            lambda: raw.execute(
                "SELECT village_id, count(*) FROM participants GROUP BY village_id"
            ).fetchall(),
            runs,
        ),
        "coverage, 4 levels (+renewals, payers)": timed(coverage_all_levels, runs),
        "payers' shares (from the same counts)": timed(
            lambda: payer_shares(queries.status_counts(today, due_before), payer_types), runs
        ),
        "new participants per week (26)": timed(lambda: service.weeks(view, today), runs),
        "new NIKs per agent this month": timed(
            lambda: queries.new_participants(first, following), runs
        ),
        "premiums per agent this month": timed(lambda: queries.collections(first), runs),
        "premiums per agent last month": timed(
            lambda: queries.collections(add_months(first, -1)), runs
        ),
        "agents' month + incentive (service)": timed(
            lambda: service.performance(view, staff, first), runs
        ),
        "renewals: people of the busiest village": timed(
            lambda: service.renewal_list(largest), runs
        ),
        "whole overview (all of the above)": timed(lambda: service.overview(staff), runs),
        COMPARED: timed(
            lambda: raw.execute(
                RECOMPUTED, {"start": first.isoformat(), "end": following.isoformat()}
            ).fetchall(),
            runs,
        ),
    }
    receipts = raw.execute(
        "SELECT count(*) FROM payments WHERE paid_at >= ? AND paid_at < ?",
        [first.isoformat(), following.isoformat()],
    ).fetchone()[0]
    last_month = raw.execute(
        "SELECT count(*) FROM payments WHERE paid_at >= ? AND paid_at < ?",
        [add_months(first, -1).isoformat(), first.isoformat()],
    ).fetchone()[0]
    context = {
        "receipts_last_month": last_month,
        "participants": store.participants.count(),
        "receipts": raw.execute("SELECT count(*) FROM payments").fetchone()[0],
        "receipts_this_month": receipts,
        "villages": len(villages),
        "busiest": sum(len(x) for x in _people(service, largest)),
    }
    raw.close()
    return results, context


def _people(service: DashboardService, village_id: str) -> tuple[tuple[object, ...], ...]:
    found = service.renewal_list(village_id)
    return found.due, found.grace, found.lapsed


def report(results: dict[str, list[float]], context: dict[str, object]) -> None:
    print(
        f"Dashboard aggregates: {context['participants']:,} participants, "
        f"{context['receipts']:,} receipts ({context['receipts_this_month']:,} this month, "
        f"{context['receipts_last_month']:,} last month), "
        f"{context['villages']} villages; busiest village lists {context['busiest']:,} people"
    )
    baseline = statistics.median(results.pop("baseline: GROUP BY village_id"))
    compared = results.pop(COMPARED)
    print(f"{'baseline: GROUP BY village_id':<42} median {baseline:7.1f} ms")
    for label, times in results.items():
        median = statistics.median(times)
        verdict = "PASS" if median <= TARGET_MS else "FAIL"
        print(
            f"{label:<42} median {median:7.1f} ms  max {max(times):7.1f} ms  "
            f"ratio {median / baseline:5.1f}x  target <= {TARGET_MS:.0f} ms: {verdict}"
        )
    median = statistics.median(compared)
    print(
        f"{COMPARED}: median {median:.1f} ms, max {max(compared):.1f} ms, "
        f"ratio {median / baseline:.1f}x"
    )


if __name__ == "__main__":
    main()

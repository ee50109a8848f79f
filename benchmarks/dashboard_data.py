"""The 200k-participant database of bench_dashboard.py: `outreach demo generate` makes the
people, and this adds what the dashboard reads but the generator does not make: a payment
history for each person (as the demo seed pays its 1.800 people: from the registration month
in their own period, up to somewhere between six months ago and two months ahead; one in ten
never paid), collective payers for a share of them, and the derived coverage table.

Rows are written with plain SQL in one transaction (a benchmark fixture, not the app's path):
2-3 payments a person, about half a million receipts, in a minute or two.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

from outreach_app.domain.months import add_months, month_start
from outreach_app.storage.coverage_cache import rebuild_coverage
from outreach_app.storage.store import Store

SEED = 7
STOPS = (-6, -3, -2, 0, 0, 1, 2)  # months from this month the last payment reaches
PAYER_SHARE = 0.3


def ensure_database(path: Path, participants: int, today: dt.date) -> None:
    """Generates the people once, then the payments once (both skipped when present)."""
    if not path.exists():
        print(f"generating {participants:,} participants into {path} (once)…", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "outreach_app", "demo", "generate",
             "--participants", str(participants), "--db", str(path)],
            check=True,
        )  # fmt: skip
    with Store(path) as store:
        db = store.db
        people = db.execute("SELECT count(*) FROM participants").fetchone()[0]
        paid = db.execute("SELECT count(DISTINCT participant_id) FROM payments").fetchone()[0]
        if paid >= people // 2:
            return
        print("adding payment histories and payers (once)…", file=sys.stderr)
        with db.atomic():
            _add_payers(db.conn)
            _add_payments(db.conn, store.device.id, today)
            rebuild_coverage(db)
        db.execute("ANALYZE")


def _add_payers(conn: sqlite3.Connection) -> None:
    rng = random.Random(SEED)
    payers = [row[0] for row in conn.execute("SELECT id FROM payers")]
    ids = [row[0] for row in conn.execute("SELECT id FROM participants WHERE payer_id IS NULL")]
    chosen = [(rng.choice(payers), pid) for pid in ids if rng.random() < PAYER_SHARE]
    conn.executemany("UPDATE participants SET payer_id = ? WHERE id = ?", chosen)


def _add_payments(conn: sqlite3.Connection, device_id: str, today: dt.date) -> None:
    rng = random.Random(SEED)
    unpaid = conn.execute(
        "SELECT p.id, p.agent_id, p.registered_on, p.payment_months, p.base_income, "
        "p.include_jht FROM participants p WHERE p.deleted = 0 AND p.status != 'draft' "
        "AND p.agent_id IS NOT NULL AND p.registered_on IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.participant_id = p.id)"
    ).fetchall()
    rows = []
    number = 0
    this_month = month_start(today)
    for pid, agent, registered, months, base, jht in unpaid:
        if rng.random() < 0.1:
            continue
        registered_on = dt.date.fromisoformat(registered)
        month = month_start(registered_on)
        stop = add_months(this_month, rng.choice(STOPS))
        while month <= stop:
            day = min(max(month, registered_on), today - dt.timedelta(days=1))
            jkk, jkm = base // 100 * months, 6_800 * months
            jht_amount = base * 2 // 100 * months if jht else 0
            number += 1
            rows.append((
                str(uuid.uuid4()), "0000000000000-0000", device_id, f"BENCH-{number:07d}",
                pid, month.isoformat(), months, jkk, jkm, jht_amount, jkk + jkm + jht_amount,
                f"{day.isoformat()}T{9 + rng.randint(0, 7):02d}:00:00+09:00", agent,
            ))  # fmt: skip
            month = add_months(month, months)
    conn.executemany(
        "INSERT INTO payments (id, updated_hlc, device_id, receipt_no, participant_id, "
        "period_start, months, jkk, jkm, jht, discount, total, paid_at, collected_by, method) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'cash')",
        rows,
    )
    print(f"  {len(rows):,} receipts for {len(unpaid):,} participants", file=sys.stderr)


if __name__ == "__main__":
    ensure_database(Path(sys.argv[1]), int(sys.argv[2]), dt.date.today())

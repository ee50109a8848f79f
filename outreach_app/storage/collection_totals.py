"""The collection_totals table: the premiums each agent collected per month, already grouped.

The incentive's collection bands depend on each receipt's membership month, which needs the
participant's registration date: recomputed from the receipts, the month's 94k receipts of the
200k-participant benchmark took 200-320 ms, ~2 us a receipt in the lookup of that date alone.
This table holds the answer of that grouped query for every month instead: standing receipts
summed per (month paid, collector, participant's registration month, period paid, months
paid), a few hundred rows a month, so the dashboard reads one month's rows by its key.

It is derived, local and never synced, like participant_coverage, and kept by triggers
(migration 0012) in the same statement as every change it depends on, whatever writes it (a
receipt recorded or voided here, a pulled page, an import, a restored bundle):

- a receipt inserted standing (neither voided nor a tombstone) adds itself to its group;
- a receipt voided takes itself out (receipts are otherwise never edited: the trigger
  payments_are_never_edited refuses it, so no other change of a receipt can move a group);
- a participant whose registration month changes (a correction pulled by sync) moves its
  standing receipts to the group of the new month.

A duplicate the branch merged keeps its receipts under its own id, and its own registration
date, as the recomputation does (the kept record takes over their coverage, not their
membership months), so a merge moves nothing here. `recomputed_totals` is that plain
recomputation: migration 0012 fills the table with it and the tests compare the two.
"""

from __future__ import annotations

from sqlite_utils import Database

# The definition of the table's contents: standing receipts grouped as the dashboard reads
# them. '' stands for an unknown registration date (a key column cannot usefully be NULL:
# SQLite's unique keys never match NULLs, so an upsert would add a row each time).
_GROUPED = """
SELECT substr(pay.paid_at, 1, 7), pay.collected_by, coalesce(substr(p.registered_on, 1, 7), ''),
  pay.period_start, pay.months, sum(pay.total), count(*)
FROM payments pay JOIN participants p ON p.id = pay.participant_id
WHERE pay.deleted = 0 AND pay.voided = 0
GROUP BY 1, 2, 3, 4, 5
"""

COLUMNS = (
    "paid_month",
    "collected_by",
    "registered_month",
    "period_start",
    "months",
    "amount",
    "receipts",
)
_KEY = "paid_month, collected_by, registered_month, period_start, months"
_ADD = f"ON CONFLICT ({_KEY}) DO UPDATE SET amount = amount + excluded.amount, "
_ADD += "receipts = receipts + excluded.receipts"

# The statements of migration 0012 (split by migrations._split_statements). The table is
# keyed month first: the dashboard reads one month, every agent.
SCHEMA = f"""
CREATE TABLE collection_totals (
    paid_month TEXT NOT NULL,
    collected_by TEXT NOT NULL,
    registered_month TEXT NOT NULL,
    period_start TEXT NOT NULL,
    months INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    receipts INTEGER NOT NULL,
    PRIMARY KEY ({_KEY})
) WITHOUT ROWID;
CREATE TRIGGER payments_add_to_collection_totals AFTER INSERT ON payments
WHEN NEW.deleted = 0 AND NEW.voided = 0
BEGIN
  INSERT INTO collection_totals ({", ".join(COLUMNS)})
  SELECT substr(NEW.paid_at, 1, 7), NEW.collected_by, coalesce(substr(p.registered_on, 1, 7), ''),
    NEW.period_start, NEW.months, NEW.total, 1
  FROM participants p WHERE p.id = NEW.participant_id
  {_ADD};
END;
CREATE TRIGGER payments_void_in_collection_totals AFTER UPDATE OF voided, deleted ON payments
WHEN OLD.deleted = 0 AND OLD.voided = 0 AND NOT (NEW.deleted = 0 AND NEW.voided = 0)
BEGIN
  UPDATE collection_totals SET amount = amount - OLD.total, receipts = receipts - 1
  WHERE paid_month = substr(OLD.paid_at, 1, 7) AND collected_by = OLD.collected_by
    AND registered_month = (SELECT coalesce(substr(registered_on, 1, 7), '')
                            FROM participants WHERE id = OLD.participant_id)
    AND period_start = OLD.period_start AND months = OLD.months;
  DELETE FROM collection_totals
  WHERE paid_month = substr(OLD.paid_at, 1, 7) AND collected_by = OLD.collected_by
    AND registered_month = (SELECT coalesce(substr(registered_on, 1, 7), '')
                            FROM participants WHERE id = OLD.participant_id)
    AND period_start = OLD.period_start AND months = OLD.months AND receipts = 0;
END;
CREATE TRIGGER participants_move_collection_totals AFTER UPDATE OF registered_on ON participants
WHEN coalesce(substr(OLD.registered_on, 1, 7), '') != coalesce(substr(NEW.registered_on, 1, 7), '')
BEGIN
  INSERT INTO collection_totals ({", ".join(COLUMNS)})
  SELECT substr(paid_at, 1, 7), collected_by, coalesce(substr(OLD.registered_on, 1, 7), ''),
    period_start, months, -sum(total), -count(*)
  FROM payments WHERE participant_id = NEW.id AND deleted = 0 AND voided = 0
  GROUP BY 1, 2, 4, 5
  {_ADD};
  DELETE FROM collection_totals
  WHERE ({_KEY}) IN (
    SELECT substr(paid_at, 1, 7), collected_by, coalesce(substr(OLD.registered_on, 1, 7), ''),
      period_start, months
    FROM payments WHERE participant_id = NEW.id AND deleted = 0 AND voided = 0)
  AND receipts = 0;
  INSERT INTO collection_totals ({", ".join(COLUMNS)})
  SELECT substr(paid_at, 1, 7), collected_by, coalesce(substr(NEW.registered_on, 1, 7), ''),
    period_start, months, sum(total), count(*)
  FROM payments WHERE participant_id = NEW.id AND deleted = 0 AND voided = 0
  GROUP BY 1, 2, 4, 5
  {_ADD};
END;
"""

Row = tuple[object, ...]  # (paid month, collector, registered month, period, months, sum, n)


def rebuild_totals(db: Database) -> int:
    """Refills the table from the receipts (migration 0012; a repair); returns its rows."""
    db.execute("DELETE FROM collection_totals")
    db.execute(f"INSERT INTO collection_totals ({', '.join(COLUMNS)}) {_GROUPED}")
    return int(db.execute("SELECT count(*) FROM collection_totals").fetchone()[0])


def recomputed_totals(db: Database) -> list[Row]:
    """What the table must hold, recomputed from every receipt (slow: for checks)."""
    return [tuple(row) for row in db.execute(f"{_GROUPED} ORDER BY 1, 2, 3, 4, 5").fetchall()]


def stored_totals(db: Database) -> list[Row]:
    """What the table holds, in the same order as `recomputed_totals`."""
    return [
        tuple(row)
        for row in db.execute(
            f"SELECT {', '.join(COLUMNS)} FROM collection_totals ORDER BY {_KEY}"
        ).fetchall()
    ]

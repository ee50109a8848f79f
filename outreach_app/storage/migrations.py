"""The schema, built only here, one named migration at a time (sqlite-utils `Migrations`).

Every syncable table has the same four columns first: a client-made UUID `id`, the hybrid
logical clock of its last change `updated_hlc`, the `device_id` that made it, and a `deleted`
tombstone flag. Rules that protect money or identity are enforced by the database itself
(unique NIK among live rows, receipts that can only be voided, an append-only audit log), so no
code path, present or future, can get around them.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from outreach_app.storage.collection_totals import SCHEMA as COLLECTION_TOTALS
from outreach_app.storage.collection_totals import rebuild_totals
from outreach_app.storage.coverage_cache import rebuild_coverage
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.settlement_schema import SCHEMA as SETTLEMENTS

MIGRATION_SET = "outreach"
migrations = Migrations(MIGRATION_SET)

SYNC_COLUMNS = """
    id TEXT PRIMARY KEY NOT NULL,
    updated_hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"""

SYNCABLE_TABLES = (
    "branches",
    "users",
    "villages",
    "payers",
    "participants",
    "heirs",
    "visit_plans",
    "payments",
    "cash_deposits",
    "payment_settlements",
    "audit_log",
    "void_requests",
)

_INITIAL = f"""
CREATE TABLE device (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    receipt_prefix TEXT NOT NULL CHECK (length(receipt_prefix) BETWEEN 2 AND 12),
    next_receipt INTEGER NOT NULL DEFAULT 1,
    hlc_seen TEXT NOT NULL DEFAULT '0000000000000-0000',
    singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields TEXT NOT NULL,
    hlc TEXT NOT NULL,
    created_at TEXT NOT NULL,
    acked_at TEXT,
    rejected_reason TEXT
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE acked_at IS NULL;
CREATE INDEX outbox_hlc ON outbox (hlc);

CREATE TABLE branches ({SYNC_COLUMNS},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    regency_code TEXT NOT NULL
);

CREATE TABLE users ({SYNC_COLUMNS},
    username TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('agent', 'staff')),
    branch_id TEXT NOT NULL REFERENCES branches (id),
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE villages ({SYNC_COLUMNS},
    code TEXT NOT NULL UNIQUE CHECK (length(code) = 10 AND code NOT GLOB '*[^0-9]*'),
    name TEXT NOT NULL,
    district TEXT NOT NULL,
    regency TEXT NOT NULL,
    province TEXT NOT NULL,
    branch_id TEXT NOT NULL REFERENCES branches (id),
    informal_workers INTEGER NOT NULL DEFAULT 0 CHECK (informal_workers >= 0),
    target_participants INTEGER NOT NULL DEFAULT 0 CHECK (target_participants >= 0)
);
CREATE INDEX villages_branch ON villages (branch_id);

CREATE TABLE payers ({SYNC_COLUMNS},
    payer_type TEXT NOT NULL CHECK (payer_type IN ('self', 'apbn', 'apbd', 'apbdes', 'sponsor')),
    name TEXT NOT NULL,
    branch_id TEXT NOT NULL REFERENCES branches (id),
    contact TEXT NOT NULL DEFAULT ''
);

CREATE TABLE participants ({SYNC_COLUMNS},
    nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
    full_name TEXT NOT NULL,
    birth_place TEXT NOT NULL DEFAULT '',
    birth_date TEXT,
    sex TEXT CHECK (sex IS NULL OR sex IN ('M', 'F')),
    address TEXT NOT NULL DEFAULT '',
    village_id TEXT REFERENCES villages (id),
    postal_code TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    occupation TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL CHECK (sector IN ('transport', 'other')),
    work_location TEXT NOT NULL DEFAULT '',
    declared_income INTEGER NOT NULL CHECK (declared_income >= 0),
    base_income INTEGER NOT NULL CHECK (base_income >= 0),
    include_jht INTEGER NOT NULL DEFAULT 0,
    payment_months INTEGER NOT NULL,
    payer_id TEXT REFERENCES payers (id),
    segment TEXT NOT NULL,
    membership TEXT NOT NULL DEFAULT 'bpu' CHECK (membership IN ('bpu', 'pu')),
    mothers_maiden_name TEXT NOT NULL DEFAULT '',
    kpj TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'registered', 'active', 'grace', 'lapsed')),
    agent_id TEXT REFERENCES users (id),
    registered_on TEXT
);
CREATE UNIQUE INDEX participants_live_nik ON participants (nik)
    WHERE nik IS NOT NULL AND deleted = 0;
CREATE INDEX participants_village ON participants (village_id);
CREATE INDEX participants_payer ON participants (payer_id);
CREATE INDEX participants_name ON participants (full_name COLLATE NOCASE);

CREATE TABLE heirs ({SYNC_COLUMNS},
    participant_id TEXT NOT NULL REFERENCES participants (id),
    full_name TEXT NOT NULL,
    relationship TEXT NOT NULL,
    birth_date TEXT,
    nik TEXT
);
CREATE INDEX heirs_participant ON heirs (participant_id);

CREATE TABLE visit_plans ({SYNC_COLUMNS},
    village_id TEXT NOT NULL REFERENCES villages (id),
    agent_id TEXT NOT NULL REFERENCES users (id),
    visit_date TEXT NOT NULL,
    segment TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    target_count INTEGER NOT NULL DEFAULT 0 CHECK (target_count >= 0),
    status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
    enrolled_count INTEGER NOT NULL DEFAULT 0,
    outcome_notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visit_plans_agent_date ON visit_plans (agent_id, visit_date);
CREATE INDEX visit_plans_village ON visit_plans (village_id);

CREATE TABLE payments ({SYNC_COLUMNS},
    receipt_no TEXT NOT NULL UNIQUE,
    participant_id TEXT NOT NULL REFERENCES participants (id),
    payer_id TEXT REFERENCES payers (id),
    period_start TEXT NOT NULL,
    months INTEGER NOT NULL CHECK (months > 0),
    jkk INTEGER NOT NULL CHECK (jkk >= 0),
    jkm INTEGER NOT NULL CHECK (jkm >= 0),
    jht INTEGER NOT NULL CHECK (jht >= 0),
    discount INTEGER NOT NULL CHECK (discount >= 0),
    total INTEGER NOT NULL CHECK (total = jkk + jkm + jht - discount AND total >= 0),
    paid_at TEXT NOT NULL,
    collected_by TEXT NOT NULL REFERENCES users (id),
    method TEXT NOT NULL CHECK (method IN ('cash', 'transfer')),
    rules TEXT NOT NULL DEFAULT '',
    voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payments_participant ON payments (participant_id);
CREATE INDEX payments_collector_day ON payments (collected_by, paid_at);

CREATE TRIGGER payments_are_never_edited BEFORE UPDATE ON payments
WHEN NEW.id IS NOT OLD.id OR NEW.receipt_no IS NOT OLD.receipt_no
  OR NEW.participant_id IS NOT OLD.participant_id OR NEW.payer_id IS NOT OLD.payer_id
  OR NEW.period_start IS NOT OLD.period_start OR NEW.months IS NOT OLD.months
  OR NEW.jkk IS NOT OLD.jkk OR NEW.jkm IS NOT OLD.jkm OR NEW.jht IS NOT OLD.jht
  OR NEW.discount IS NOT OLD.discount OR NEW.total IS NOT OLD.total
  OR NEW.paid_at IS NOT OLD.paid_at OR NEW.collected_by IS NOT OLD.collected_by
  OR NEW.method IS NOT OLD.method OR NEW.rules IS NOT OLD.rules
  OR NEW.deleted IS NOT OLD.deleted OR OLD.voided = 1
BEGIN
  SELECT RAISE(ABORT, 'receipt locked: an issued receipt is never edited, only voided');
END;
CREATE TRIGGER payments_void_needs_reason BEFORE UPDATE OF voided ON payments
WHEN NEW.voided = 1 AND trim(NEW.void_reason) = ''
BEGIN
  SELECT RAISE(ABORT, 'receipt locked: a void needs a reason');
END;
CREATE TRIGGER payments_are_never_deleted BEFORE DELETE ON payments
BEGIN
  SELECT RAISE(ABORT, 'receipt locked: an issued receipt is never deleted, only voided');
END;

CREATE TABLE cash_deposits ({SYNC_COLUMNS},
    agent_id TEXT NOT NULL REFERENCES users (id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    deposited_at TEXT NOT NULL,
    reference TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cash_deposits_agent ON cash_deposits (agent_id, deposited_at);

CREATE TABLE audit_log ({SYNC_COLUMNS},
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
"""


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    # executescript would COMMIT the migration's transaction; run statement by statement.
    for statement in _split_statements(_INITIAL):
        db.execute(statement)


@migrations(name="0002_participant_coverage")
def _participant_coverage(db: Database) -> None:
    """Local, derived, never synced: each participant's current run of paid months, so lists
    and filters over 200k people need no pass over their payments. Rebuilt from payments."""
    db.execute(
        """CREATE TABLE participant_coverage (
            participant_id TEXT PRIMARY KEY NOT NULL REFERENCES participants (id),
            run_start TEXT NOT NULL,
            paid_through TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX participant_coverage_paid ON participant_coverage (paid_through)")
    # The list is read in name order a page at a time: this index serves it, and counts.
    db.execute(
        "CREATE INDEX participants_live_name "
        "ON participants (deleted, full_name COLLATE NOCASE, id)"
    )
    rebuild_coverage(db, area=False)  # the area columns come with 0011
    # Device-local preferences (current user, language, ...): never synced.
    db.execute("CREATE TABLE local_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")


@migrations(name="0003_draft_nik_as_typed")
def _draft_nik_as_typed(db: Database) -> None:
    """A draft keeps a half-typed NIK (the nik column only takes 16 digits), so saving a
    draft never loses what the agent typed."""
    db.execute("ALTER TABLE participants ADD COLUMN nik_typed TEXT NOT NULL DEFAULT ''")


@migrations(name="0004_list_indexes")
def _list_indexes(db: Database) -> None:
    """Measured on 200k participants: the Today page's counts by agent and status took ~250 ms
    each and the count per village 300 ms; these indexes bring them to a few milliseconds."""
    db.execute("CREATE INDEX participants_agent ON participants (agent_id, deleted)")
    db.execute(
        "CREATE INDEX participants_village_status ON participants (deleted, village_id, status)"
    )
    db.execute(
        "CREATE INDEX participant_coverage_run ON participant_coverage (paid_through, run_start)"
    )
    db.execute("DROP INDEX participant_coverage_paid")  # the new index starts with paid_through


@migrations(name="0005_nik_prefix_index")
def _nik_prefix_index(db: Database) -> None:
    """NIK typed digit by digit is a prefix range: with this covering index and statistics
    (ANALYZE) a count over 200k participants takes ~8 ms instead of ~0.5 s."""
    db.execute("CREATE INDEX participants_nik_prefix ON participants (nik, deleted)")
    db.execute("ANALYZE")


@migrations(name="0006_pending_changes_counter")
def _pending_changes_counter(db: Database) -> None:
    """The status bar shows the changes waiting to sync on every page; counting 200k outbox
    rows took ~60 ms each time. Triggers keep the number beside the device instead."""
    db.execute("ALTER TABLE device ADD COLUMN pending_changes INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "UPDATE device SET pending_changes = (SELECT count(*) FROM outbox WHERE acked_at IS NULL)"
    )
    for statement in _split_statements(_PENDING_TRIGGERS):
        db.execute(statement)


@migrations(name="0007_signing_keys")
def _signing_keys(db: Database) -> None:
    """Public keys of the installations that sign receipts, so a receipt's QR code can be
    checked offline. Only public keys live here (and may be shared by sync); a device's private
    key stays in local_settings, which never leaves the laptop."""
    db.execute(
        "CREATE TABLE signing_keys ("
        " device_id TEXT PRIMARY KEY,"
        " device_name TEXT NOT NULL,"
        " public_key TEXT NOT NULL CHECK (length(public_key) = 44),"  # 32 bytes, base64
        " created_at TEXT NOT NULL)"
    )


@migrations(name="0008_sync_state")
def _sync_state(db: Database) -> None:
    """What a laptop needs to merge the server's changes field by field.

    field_versions: the version (hlc@device) of each field written after its row was made;
    "*" stands for the row as first written, recorded when the row is first updated, so plain
    inserts (the bulk of the data) cost nothing extra. held_changes: changes pulled from the
    server that cannot be applied here yet (the same NIK as a live participant: it waits for
    the branch's duplicate review), kept rather than dropped. The outbox index finds a row's
    unsent edits, which a pull never overwrites."""
    for statement in _split_statements(_SYNC_STATE):
        db.execute(statement)


_SYNC_STATE = """
CREATE TABLE field_versions (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id, field)
) WITHOUT ROWID;
CREATE TABLE held_changes (
    server_seq INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    change TEXT NOT NULL,
    reason TEXT NOT NULL,
    held_at TEXT NOT NULL
);
CREATE INDEX held_changes_row ON held_changes (table_name, row_id);
CREATE INDEX outbox_unsent_row ON outbox (table_name, row_id) WHERE acked_at IS NULL;
"""


@migrations(name="0009_parked_changes_index")
def _parked_changes_index(db: Database) -> None:
    """The status bar counts refused changes on every refresh; with 200k unsent rows the
    count took 70 ms without this (small) index."""
    db.execute(
        "CREATE INDEX outbox_parked ON outbox (seq) "
        "WHERE acked_at IS NULL AND rejected_reason IS NOT NULL"
    )


@migrations(name="0010_merged_participants")
def _merged_participants(db: Database) -> None:
    """A participant the branch found registered twice keeps one record; the other is retired
    (deleted) with `merged_into` naming the kept one. Receipts are never edited, so the
    retired record's receipts keep its id and coverage gathers them through this link. No
    foreign key: the kept record may be outside an agent's scope and never reach its laptop."""
    db.execute("ALTER TABLE participants ADD COLUMN merged_into TEXT")
    db.execute(
        "CREATE INDEX participants_merged_into ON participants (merged_into) "
        "WHERE merged_into IS NOT NULL"
    )


@migrations(name="0011_dashboard_aggregates")
def _dashboard_aggregates(db: Database) -> None:
    """The dashboard's counts over 200k participants, measured by benchmarks/bench_dashboard.py
    (before -> after, on 2 cores):

    - status counts per village and payer (~770 ms): joining every participant to its
      coverage run costs two b-tree searches a person. The run now carries its participant's
      village, payer and whether it counts (live, not a draft), kept by a trigger on every
      change of those columns, so the statuses are one pass over a covering index and the
      registered counts another over participants_village_payer;
    - new NIKs per agent in a month (~190 ms) and registrations per day (~65 ms): a covering
      index by registration date;
    - premiums collected per agent in a month (~590 ms): a covering index over the receipts
      by collector and time (it starts with the old payments_collector_day, dropped), and one
      over each participant's registration date by id."""
    for statement in _split_statements(_DASHBOARD):
        db.execute(statement)
    db.execute("ANALYZE")


_DASHBOARD = """
ALTER TABLE participant_coverage ADD COLUMN village_id TEXT;
ALTER TABLE participant_coverage ADD COLUMN payer_id TEXT;
ALTER TABLE participant_coverage ADD COLUMN live INTEGER NOT NULL DEFAULT 0;
UPDATE participant_coverage SET (village_id, payer_id, live) = (
  SELECT p.village_id, p.payer_id, p.deleted = 0 AND p.status != 'draft'
  FROM participants p WHERE p.id = participant_coverage.participant_id);
CREATE INDEX participant_coverage_area
  ON participant_coverage (live, village_id, payer_id, run_start, paid_through);
CREATE TRIGGER participants_keep_coverage_area
AFTER UPDATE OF village_id, payer_id, deleted, status ON participants
BEGIN
  UPDATE participant_coverage SET village_id = NEW.village_id, payer_id = NEW.payer_id,
    live = (NEW.deleted = 0 AND NEW.status != 'draft')
  WHERE participant_id = NEW.id;
END;
CREATE INDEX participants_village_payer ON participants (deleted, village_id, payer_id, status);
DROP INDEX participants_village_status;
CREATE INDEX participants_registered
  ON participants (registered_on, deleted, status, agent_id, include_jht, nik);
CREATE INDEX participants_registration ON participants (id, registered_on);
CREATE INDEX payments_collected
  ON payments (collected_by, paid_at, deleted, voided, participant_id, period_start, months, total);
DROP INDEX payments_collector_day;
"""


@migrations(name="0012_collection_totals")
def _collection_totals(db: Database) -> None:
    """Premiums collected per agent and month, grouped as the incentive estimate reads them,
    kept by triggers (storage/collection_totals.py): recomputed from the receipts, a month
    of 94k receipts took 200-320 ms on 2 cores, ~2 us a receipt to look up its participant's
    registration date. Filled from the receipts here (857k: a few seconds, once)."""
    for statement in _split_statements(COLLECTION_TOTALS):
        db.execute(statement)
    rebuild_totals(db)


@migrations(name="0013_cash_closeouts")
def _cash_closeouts(db: Database) -> None:
    """A deposit becomes a close-out (domain/models.py CashDeposit): the receipts it covers,
    the cash expected, the reason for a difference, the signed slip and the branch's
    confirmation. Older deposits keep empty values: they cover what was paid before them."""
    for statement in (
        "ALTER TABLE cash_deposits ADD COLUMN expected INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cash_deposits ADD COLUMN receipt_ids TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE cash_deposits ADD COLUMN difference_reason TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE cash_deposits ADD COLUMN slip_payload TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE cash_deposits ADD COLUMN received_by TEXT",
        "ALTER TABLE cash_deposits ADD COLUMN received_at TEXT",
        "CREATE INDEX cash_deposits_slip ON cash_deposits (reference)",
    ):
        db.execute(statement)


@migrations(name="0014_void_requests")
def _void_requests(db: Database) -> None:
    """Voids the rules would not do at once (domain/voids.py), waiting for branch staff:
    synced like every other table. A decision is never undone here either: the status only
    leaves 'pending', checked by the service and by the server (not a trigger, since a pull
    may bring the decision another staff member made first)."""
    for statement in _split_statements(_VOID_REQUESTS):
        db.execute(statement)


_VOID_REQUESTS = f"""
CREATE TABLE void_requests ({SYNC_COLUMNS},
    payment_id TEXT NOT NULL,
    receipt_no TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
    decided_by TEXT,
    decided_at TEXT,
    decision_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX void_requests_payment ON void_requests (payment_id);
CREATE INDEX void_requests_status ON void_requests (status, requested_at);
"""


_PENDING_TRIGGERS = """
CREATE TRIGGER outbox_counts_new_changes AFTER INSERT ON outbox
WHEN NEW.acked_at IS NULL
BEGIN
  UPDATE device SET pending_changes = pending_changes + 1;
END;
CREATE TRIGGER outbox_counts_acknowledged AFTER UPDATE OF acked_at ON outbox
WHEN OLD.acked_at IS NULL AND NEW.acked_at IS NOT NULL
BEGIN
  UPDATE device SET pending_changes = pending_changes - 1;
END;
CREATE TRIGGER outbox_counts_dropped AFTER DELETE ON outbox
WHEN OLD.acked_at IS NULL
BEGIN
  UPDATE device SET pending_changes = pending_changes - 1;
END;
"""


@migrations(name="0015_payment_settlements")
def _payment_settlements(db: Database) -> None:
    """Double payments found at sync and how the branch settled them (credit or refund),
    and credits used by later payments: insert-only, synced like receipts."""
    for statement in _split_statements(SETTLEMENTS):
        db.execute(statement)


def _split_statements(script: str) -> list[str]:
    """Splits on ';' at the end of a line, keeping trigger bodies (whose ';' end with END;)."""
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        text = "\n".join(current).strip()
        in_trigger = text.upper().startswith("CREATE TRIGGER") and not text.upper().endswith("END;")
        if line.rstrip().endswith(";") and not in_trigger:
            statements.append(text)
            current = []
    if "".join(current).strip():
        statements.append("\n".join(current))
    return statements


def known_migration_names(steps: Migrations = migrations) -> set[str]:
    return {m.name for m in steps.pending(Database(memory=True, execute_plugins=False))}


def refuse_newer(db: Database, steps: Migrations = migrations) -> None:
    """A database written by a newer version of the app is refused before anything touches it:
    this version cannot know what the newer schema means."""
    applied = {m.name for m in steps.applied(db)}
    unknown = applied - known_migration_names(steps)
    if unknown:
        raise StorageUnavailable(
            "Basis data ini dibuat oleh versi Perisai Outreach yang lebih baru "
            f"(perubahan skema {', '.join(sorted(unknown))}). Perbarui aplikasi; "
            "basis data tidak diubah."
        )


def pending_names(db: Database, steps: Migrations = migrations) -> list[str]:
    return [m.name for m in steps.pending(db)]


def migrate(db: Database, steps: Migrations = migrations) -> list[str]:
    """Applies pending migrations, all or none; refuses a database from a newer version.

    sqlite-utils runs each migration in its own transaction; one outer transaction around
    them (each becomes a savepoint) means a failure in the third leaves the first two undone
    too, so the file is exactly as it was, never half-way between two versions."""
    refuse_newer(db, steps)
    pending = pending_names(db, steps)
    if pending:
        with db.atomic():
            steps.apply(db)
    return pending

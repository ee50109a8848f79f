"""The server's tables. Rows the laptops sync are kept as JSON (`records.data`), with the
columns the server filters on (branch, village, owner) beside them, and every accepted change
stays in `changes`, numbered in the order the server accepted it: that number is the cursor
laptops pull from."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# SQLite needs INTEGER PRIMARY KEY for autoincrement; PostgreSQL gets BIGINT.
Serial = BigInteger().with_variant(Integer(), "sqlite")

schema_info = Table(
    "schema_info",
    metadata,
    Column("version", Integer, nullable=False),
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", Serial, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(8), nullable=False),
    Column("branch_code", String(16), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", String(40), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account_id", Serial, ForeignKey("accounts.id"), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("device_name", String(128), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
    Column("expires_at", String(40)),  # schema 3; none: issued before, given one on first use
)

changes = Table(
    "changes",
    metadata,
    Column("server_seq", Serial, primary_key=True, autoincrement=True),
    Column("device_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("table_name", String(32), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("op", String(8), nullable=False),
    Column("fields", Text, nullable=False),
    Column("hlc", String(24), nullable=False),
    Column("account_id", Serial, ForeignKey("accounts.id"), nullable=False),
    Column("branch_id", String(64), nullable=False),
    Column("village_id", String(64)),
    Column("owner_id", String(64)),
    Column("accepted_at", String(40), nullable=False),
    # only for op "snapshot" (a whole row sent to a laptop whose scope grew): JSON, per field
    # the version of its value (schema 2)
    Column("versions", Text),
    UniqueConstraint("device_id", "seq", name="changes_device_seq"),
    Index("changes_branch_cursor", "branch_id", "server_seq"),
)

records = Table(
    "records",
    metadata,
    Column("table_name", String(32), primary_key=True),
    Column("row_id", String(64), primary_key=True),
    Column("data", Text, nullable=False),
    Column("branch_id", String(64), nullable=False),
    Column("village_id", String(64)),
    Column("owner_id", String(64)),
    # the NIK of a live participant, a branch's or village's code, a user's username
    Column("natural_key", String(64)),
    Index("records_owner", "table_name", "owner_id"),
    Index("records_natural_key", "table_name", "natural_key"),
    Index("records_village", "branch_id", "village_id"),  # schema 2
)

field_versions = Table(
    "field_versions",
    metadata,
    Column("table_name", String(32), primary_key=True),
    Column("row_id", String(64), primary_key=True),
    Column("field", String(64), primary_key=True),
    Column("version", String(120), nullable=False),
)

duplicate_reviews = Table(
    "duplicate_reviews",
    metadata,
    Column("id", Serial, primary_key=True, autoincrement=True),
    Column("branch_id", String(64), nullable=False),
    Column("nik", String(16), nullable=False),
    Column("first_row_id", String(64), nullable=False),
    Column("second_row_id", String(64), nullable=False),
    Column("status", String(10), nullable=False),
    Column("kept_row_id", String(64)),
    Column("created_at", String(40), nullable=False),
    Column("resolved_at", String(40)),
    UniqueConstraint("first_row_id", "second_row_id", name="duplicate_pair"),
)

device_keys = Table(
    "device_keys",
    metadata,
    Column("device_id", String(64), primary_key=True),
    Column("public_key", String(64), nullable=False),
    Column("first_seen", String(40), nullable=False),
)

# The server's own Ed25519 key (one row): it signs the answer bundles it makes, and laptops
# learn its public half when they sign in (schema 2).
server_keys = Table(
    "server_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("private_key", String(64), nullable=False),
    Column("public_key", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
)

# Villages staff granted an agent (schema 4): one row per visit plan that staff assigned,
# naming its agent and village. An agent's scope is these villages; a visit the agent planned
# itself grants nothing (scope grows only by a staff decision).
village_grants = Table(
    "village_grants",
    metadata,
    Column("visit_id", String(64), primary_key=True),
    Column("branch_id", String(64), nullable=False),
    Column("agent_id", String(64), nullable=False),
    Column("village_id", String(64), nullable=False),
    Index("village_grants_agent", "agent_id"),
)

"""The server's tables for who may connect (schema 3): the devices bound to accounts, the
counts of wrong passwords that make sign-in wait, and the server's audit log.

Kept apart from tables.py (the synced data) so the sign-in rules can change without touching
the tables the sync rules read; both live in the same `metadata`, so a new store gets them all
and `migrate` creates them on an older one.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table

from outreach_app.server.store.tables import Serial, metadata

# A device id belongs to the first account that signed in with it (or whose bundle brought
# it): another account claiming it is refused, so no one can take over a device's sequence
# numbers. A revoked device signs in with no account until staff enable it again.
devices = Table(
    "devices",
    metadata,
    Column("device_id", String(64), primary_key=True),
    Column("account_id", Serial, ForeignKey("accounts.id"), nullable=False),
    Column("device_name", String(128), nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False),
    Column("revoked_at", String(40)),
    Column("revoked_by", String(64)),  # the account that revoked it, or "console"
    Index("devices_account", "account_id"),
)

# Wrong passwords in a row, per account name (kind "account", the name hashed: a user may
# type a NIK or a password in the name field) and per client address (kind "address"). In the
# database, so every server process behind a load balancer counts the same attempts.
sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", String(40), nullable=False),
    Column("blocked_until", String(40)),
    Column("refused", Integer, nullable=False, default=0),  # attempts refused in this wait
)

# What happened to accounts, devices and tokens. Account names, device ids, client addresses
# and fixed event codes only: never a NIK, a person's name or a password (a name typed at a
# failed sign-in is not kept unless it is a real account's).
server_audit = Table(
    "server_audit",
    metadata,
    Column("id", Serial, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("event", String(32), nullable=False),
    Column("account", String(64)),
    Column("device_id", String(64)),
    Column("address", String(64)),
    Column("detail", String(200)),
    Index("server_audit_at", "at"),
)

"""The SQL of receipt prefixes (schema 5): which device owns which prefix, server-wide, and
which receipt numbers the server has seen, with the device that issued each.

`receipt_prefixes`: one owner per prefix on the whole server (its primary key), whatever the
branch, since receipt numbers must be unique wherever a participant shows one. A device keeps
every prefix it ever held: receipts already issued under an old one keep their numbers, so
no other device may issue under it again.

`receipt_numbers`: the first payment seen with each number and the device that pushed it. A
second payment with the same number from another device (two copies of a laptop, two laptops
given the same prefix by hand before prefixes were reserved) is flagged in the server's audit
log, in the transaction that accepted it; a prefix with another device's receipts on it is
"in use" and cannot be reserved by anyone else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, ForeignKey, Index, String, Table, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from outreach_app.server.store.auth_tables import server_audit
from outreach_app.server.store.json_text import loads
from outreach_app.server.store.tables import Serial, changes, metadata

PREFIX_COLUMN = 12
RECEIPT_COLUMN = 64  # a longer receipt number is no laptop's: it is not kept (nor checked)

receipt_prefixes = Table(
    "receipt_prefixes",
    metadata,
    Column("prefix", String(PREFIX_COLUMN), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("account_id", Serial, ForeignKey("accounts.id"), nullable=False),
    Column("branch_code", String(16), nullable=False),
    Column("source", String(10), nullable=False),  # "derived" | "requested" | "assigned"
    Column("reserved_at", String(40), nullable=False),
    Index("receipt_prefixes_device", "device_id"),
    Index("receipt_prefixes_account", "account_id"),
)

receipt_numbers = Table(
    "receipt_numbers",
    metadata,
    Column("receipt_no", String(RECEIPT_COLUMN), primary_key=True),
    Column("prefix", String(RECEIPT_COLUMN), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("payment_id", String(64), nullable=False),
    Column("branch_id", String(64), nullable=False),
    Column("first_seen", String(40), nullable=False),
    Index("receipt_numbers_prefix", "prefix", "device_id"),
)


@dataclass(frozen=True, slots=True)
class PrefixOwner:
    prefix: str
    device_id: str
    account_id: int
    branch_code: str
    source: str
    reserved_at: str


def _insert_new(conn: Connection, table: Table, **values: Any) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING, in the dialect's own syntax; whether it inserted."""
    if conn.dialect.name == "postgresql":
        found = conn.execute(postgresql.insert(table).values(**values).on_conflict_do_nothing())
    else:
        found = conn.execute(sqlite.insert(table).values(**values).on_conflict_do_nothing())
    return bool(found.rowcount == 1)


def owner(conn: Connection, prefix: str) -> PrefixOwner | None:
    row = conn.execute(select(receipt_prefixes).where(receipt_prefixes.c.prefix == prefix)).first()
    if row is None:
        return None
    return PrefixOwner(row.prefix, row.device_id, int(row.account_id), row.branch_code,
                       row.source, row.reserved_at)  # fmt: skip


def held_by_device(conn: Connection, device_id: str) -> list[str]:
    query = select(receipt_prefixes.c.prefix).where(receipt_prefixes.c.device_id == device_id)
    return [str(prefix) for (prefix,) in conn.execute(query.order_by(receipt_prefixes.c.prefix))]


def count_for_account(conn: Connection, account_id: int) -> int:
    query = select(func.count()).where(receipt_prefixes.c.account_id == account_id)
    return int(conn.execute(query).scalar_one())


def other_device_receipts(conn: Connection, prefix: str, device_id: str) -> str | None:
    """A device other than `device_id` that issued receipts under `prefix`, if any."""
    query = select(receipt_numbers.c.device_id).where(
        receipt_numbers.c.prefix == prefix, receipt_numbers.c.device_id != device_id
    )
    found = conn.execute(query.limit(1)).first()
    return None if found is None else str(found[0])


def reserve(
    conn: Connection, prefix: str, device_id: str, account_id: int, branch_code: str,
    source: str, now: str,
) -> PrefixOwner:  # fmt: skip
    """Reserves the prefix for the device unless someone holds it; returns its owner (the
    caller compares: another device means refused). Safe against a second process reserving
    the same prefix at the same moment: the primary key decides, nothing is overwritten."""
    _insert_new(
        conn, receipt_prefixes, prefix=prefix, device_id=device_id, account_id=account_id,
        branch_code=branch_code[:16], source=source, reserved_at=now,
    )  # fmt: skip
    found = owner(conn, prefix)
    if found is None:  # nothing deletes reservations
        raise RuntimeError(f"reservation of {prefix} vanished")
    return found


@dataclass(frozen=True, slots=True)
class ReceiptClash:
    """What the audit log says about a receipt number another device had already used, or a
    receipt under a prefix reserved by another device."""

    event: str
    detail: str


def note_receipt(
    conn: Connection, receipt_no: str, payment_id: str, device_id: str, branch_id: str,
    account: str, now: str,
) -> list[ReceiptClash]:  # fmt: skip
    """Records a newly accepted payment's number (inside the push's transaction) and flags,
    in the audit log, a number another payment already carries from another device, or a
    prefix that belongs to another device. Returns what was flagged."""
    if not receipt_no or len(receipt_no) > RECEIPT_COLUMN:
        return []
    prefix = receipt_no.rpartition("-")[0]
    first = _insert_new(
        conn, receipt_numbers, receipt_no=receipt_no, prefix=prefix, device_id=device_id,
        payment_id=payment_id, branch_id=branch_id, first_seen=now,
    )  # fmt: skip
    clashes: list[ReceiptClash] = []
    held = (
        None
        if first
        else conn.execute(
            select(receipt_numbers.c.device_id, receipt_numbers.c.payment_id).where(
                receipt_numbers.c.receipt_no == receipt_no
            )
        ).first()
    )
    if held is not None and held.payment_id != payment_id:
        same = " (perangkat yang sama)" if held.device_id == device_id else ""
        clashes.append(ReceiptClash("receipt_reused", (
            f"Nomor kuitansi {receipt_no} sudah dipakai kuitansi {held.payment_id} dari "
            f"perangkat {held.device_id}{same}"
        )))  # fmt: skip
    if prefix and len(prefix) <= PREFIX_COLUMN:
        reserved = owner(conn, prefix)
        if reserved is not None and reserved.device_id != device_id:
            clashes.append(ReceiptClash("receipt_foreign_prefix", (
                f"Kuitansi {receipt_no}: awalan {prefix} milik perangkat {reserved.device_id}"
            )))  # fmt: skip
    for clash in clashes:
        conn.execute(
            insert(server_audit).values(
                at=now, event=clash.event, account=account[:64], device_id=device_id[:64],
                address=None, detail=clash.detail[:200],
            )
        )  # fmt: skip
    return clashes


def backfill_receipt_numbers(conn: Connection) -> None:
    """Schema 5: the numbers of the receipts the server already holds, from the log of their
    first writes (which names the device that made each), oldest first."""
    query = (
        select(changes.c.row_id, changes.c.device_id, changes.c.branch_id, changes.c.fields,
               changes.c.accepted_at)
        .where(changes.c.table_name == "payments", changes.c.op == "insert")
        .order_by(changes.c.server_seq)
    )  # fmt: skip
    for row in conn.execute(query).all():
        number = loads(row.fields).get("receipt_no")
        if isinstance(number, str) and 0 < len(number) <= RECEIPT_COLUMN:
            _insert_new(
                conn, receipt_numbers, receipt_no=number, prefix=number.rpartition("-")[0],
                device_id=row.device_id, payment_id=row.row_id, branch_id=row.branch_id,
                first_seen=row.accepted_at,
            )  # fmt: skip

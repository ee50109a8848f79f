"""What the server accepts of payment settlements (domain/double_payments.py).

A settlement moves money: it voids nothing by itself, but a credit lets a later payment be
taken with less cash, so an agent who could write one could take money off the books. Only
branch staff record credits and refunds; an agent records only the use of a credit by a
receipt of the same participant. Rows are insert-only, like the audit log: a settlement is
never edited or deleted, so two laptops can never overwrite each other's decisions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from outreach_app.domain.double_payments import CreditSource, SettlementKind
from outreach_app.server.scope import OutOfScope, Scope
from outreach_app.server.store.batch import RowBatch
from outreach_app.server.store.store import StoredRecord

TABLE = "payment_settlements"
MAX_NOTE = 500
MAX_AMOUNT = 100_000_000  # far above any year of premiums: a typo or an attack, not money


def check_settlement(
    scope: Scope,
    op: str,
    fields: dict[str, Any],
    existing: StoredRecord | None,
    lookup: Callable[[str, str], StoredRecord | None],
) -> None:
    """Raises OutOfScope with the reason an agent or staff reads when the row is refused."""
    if existing is not None or op != "insert":
        raise OutOfScope("Penyelesaian pembayaran tidak boleh diubah atau dihapus.")
    kind = fields.get("kind")
    if kind not in {k.value for k in SettlementKind}:
        raise OutOfScope(f"Jenis penyelesaian tidak dikenal: {kind!r}.")
    source = fields.get("source", CreditSource.DOUBLE_PAYMENT.value)
    if source not in {s.value for s in CreditSource}:
        raise OutOfScope(f"Asal kredit tidak dikenal: {source!r}.")
    amount = fields.get("amount")
    if type(amount) is not int or not 0 < amount <= MAX_AMOUNT:
        raise OutOfScope("Jumlah penyelesaian harus bilangan rupiah lebih dari nol.")
    if fields.get("deleted"):
        raise OutOfScope("Penyelesaian pembayaran tidak boleh dihapus.")
    _check_text(fields)
    if kind != SettlementKind.USE.value and not scope.staff:
        raise OutOfScope("Pembayaran ganda dan kredit hanya diselesaikan oleh staf cabang.")
    payment = lookup("payments", str(fields.get("payment_id") or ""))
    if payment is None or payment.data.get("participant_id") != fields.get("participant_id"):
        raise OutOfScope("Kuitansi penyelesaian ini tidak dikenal untuk peserta tersebut.")
    own = payment.data.get("collected_by") == scope.user_id
    if kind == SettlementKind.USE.value and not scope.staff and not own:
        raise OutOfScope("Agen hanya memakai kredit pada kuitansinya sendiri.")


def _check_text(fields: dict[str, Any]) -> None:
    """Laptops read these back into typed records: a bad date or a non-text id would break
    every laptop that pulls the row, so it is refused here."""
    for name in ("participant_id", "payment_id", "decided_by"):
        if not isinstance(fields.get(name), str) or not fields[name]:
            raise OutOfScope(f"Isian {name} penyelesaian pembayaran harus diisi.")
    note = fields.get("note", "")
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        raise OutOfScope(f"Catatan penyelesaian paling panjang {MAX_NOTE} huruf.")
    decided = fields.get("decided_at")
    try:
        moment = dt.datetime.fromisoformat(str(decided))
    except ValueError:
        moment = None
    if not isinstance(decided, str) or moment is None or moment.tzinfo is None:
        raise OutOfScope("Waktu penyelesaian harus tanggal dan jam ISO dengan zona waktu.")


def credits(rows: RowBatch, payment: StoredRecord) -> tuple[int, bool]:
    """What settled credits paid of this receipt (the `use` rows naming it: a close-out
    expects the rest in cash), and whether staff voided it into credit (a double payment
    whose cash the agent still hands over)."""
    participant = str(payment.data.get("participant_id") or "")
    used, credited = 0, False
    for row in rows.by_key(TABLE, participant):
        if row.data.get("payment_id") != payment.row_id or row.data.get("deleted"):
            continue
        if row.data.get("kind") == "use":
            used += int(row.data.get("amount") or 0)
        elif row.data.get("kind") == "credit" and row.data.get("source") == "double_payment":
            credited = True
    return used, credited

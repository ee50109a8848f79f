"""The server's rules for close-outs (cash deposits that list their receipts): what a laptop
may push, judged against the rows the server holds.

- A close-out's figures never change once made: the agent, the cash counted and expected,
  the receipts, the reason, the slip. Nobody deletes a deposit.
- A new deposit is a close-out: one listing no receipts would cover, by its date alone, every
  receipt paid before it.
- Each receipt listed is a live cash receipt of the close-out's own agent, listed once, in no
  other close-out of that agent; the expected cash is their sum; a difference has a reason.
- Only staff record the cash received (`received_by` naming themselves), once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from outreach_app.server.scope import Scope
from outreach_app.server.store.store import StoredRecord

RECEIVED_FIELDS = frozenset({"received_by", "received_at"})
MAX_RECEIPTS = 5000
MIN_REASON = 5
MAX_AMOUNT = 10**12  # as the laptop's services/cash_closeout.py


class DepositRefused(Exception):
    """A change the close-out rules refuse, with the reason the agent or staff reads."""


def check_deposit_change(
    scope: Scope,
    op: str,
    fields: dict[str, Any],
    existing: StoredRecord | None,
    owned: Callable[[str], list[StoredRecord]],
    lookup: Callable[[str], StoredRecord | None],
    credits: Callable[[StoredRecord], tuple[int, bool]] = lambda payment: (0, False),
) -> None:
    """Raises DepositRefused when a change to `cash_deposits` breaks the rules above.
    `owned(agent_id)`: that agent's deposits as stored now; `lookup(id)`: a payment row;
    `credits(payment)`: what settled credits paid of it (the cash it took is the rest) and
    whether staff voided it into credit (a double payment: its cash is still handed over)."""
    if op == "delete" or fields.get("deleted"):
        raise DepositRefused("Setoran tidak boleh dihapus.")
    before = existing.data if existing is not None else {}
    if any(fields[name] != before.get(name) for name in RECEIVED_FIELDS & fields.keys()):
        _check_received(scope, fields, before)
    if existing is not None:
        if before.get("receipt_ids"):
            changed = {
                name for name, value in fields.items()
                if name not in RECEIVED_FIELDS and before.get(name) != value
            }  # fmt: skip
            if changed:
                raise DepositRefused(
                    f"Tutup kas {before.get('reference')} sudah tercatat dan tidak boleh diubah "
                    f"({', '.join(sorted(changed))})."
                )
            return
        if fields.get("receipt_ids"):
            raise DepositRefused("Setoran lama tidak bisa dijadikan tutup kas.")
        return
    if not fields.get("receipt_ids"):
        # a deposit without its receipts would cover, by its date, every receipt paid before
        # it (the rule kept for deposits made before close-outs): a way to hide cash
        raise DepositRefused(
            "Setoran baru harus berupa tutup kas yang menyebut kuitansinya; perbarui aplikasi."
        )
    _check_new_closeout(fields, owned, lookup, credits)


def _check_received(scope: Scope, fields: dict[str, Any], before: dict[str, Any]) -> None:
    if not scope.staff:
        raise DepositRefused("Hanya staf kantor cabang yang mengonfirmasi setoran diterima.")
    if before.get("received_at") is not None or before.get("received_by") is not None:
        raise DepositRefused(f"Setoran {before.get('reference')} sudah dikonfirmasi diterima.")
    if fields.get("received_by") != scope.user_id or not _is_moment(fields.get("received_at")):
        raise DepositRefused(
            "Konfirmasi setoran mencatat staf yang menerimanya sendiri dan waktunya."
        )


def _is_moment(value: object) -> bool:
    """An ISO date and time, as laptops store it (anything else would break their reads)."""
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_new_closeout(
    fields: dict[str, Any],
    owned: Callable[[str], list[StoredRecord]],
    lookup: Callable[[str], StoredRecord | None],
    credits: Callable[[StoredRecord], tuple[int, bool]],
) -> None:
    text = fields.get("receipt_ids")
    agent = fields.get("agent_id")
    for name, limit in (("slip_payload", 400), ("difference_reason", 500), ("reference", 40)):
        value = fields.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            raise DepositRefused(f"Isian {name} tutup kas tidak sah.")
    if not isinstance(text, str) or not isinstance(agent, str):
        raise DepositRefused("Daftar kuitansi tutup kas rusak.")
    ids = text.split()
    if len(ids) > MAX_RECEIPTS or len(set(ids)) != len(ids):
        raise DepositRefused("Daftar kuitansi tutup kas rusak (ganda atau terlalu banyak).")
    total = 0
    for payment_id in ids:
        payment = lookup(payment_id)
        data = payment.data if payment is not None else {}
        used, credited = credits(payment) if payment is not None else (0, False)
        if (
            payment is None or data.get("deleted") or (data.get("voided") and not credited)
            or data.get("method") != "cash" or data.get("collected_by") != agent
        ):  # fmt: skip
            raise DepositRefused(
                f"Kuitansi {data.get('receipt_no') or payment_id} bukan kuitansi tunai yang "
                "masih berlaku milik agen ini."
            )
        total += int(data.get("total") or 0) - used
    wanted = set(ids)
    for other in owned(agent):
        overlap = wanted & set(str(other.data.get("receipt_ids") or "").split())
        if overlap and not other.data.get("deleted"):
            slip = other.data.get("reference")
            raise DepositRefused(f"Sebagian kuitansi ini sudah disetor dengan tutup kas {slip}.")
    expected, amount = fields.get("expected"), fields.get("amount")
    if not isinstance(expected, int) or expected != total:
        raise DepositRefused(
            f"Uang seharusnya {expected} tidak sama dengan jumlah kuitansinya ({total})."
        )
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount <= MAX_AMOUNT:
        raise DepositRefused("Jumlah uang yang disetor tidak sah.")
    reason = str(fields.get("difference_reason") or "").strip()
    if amount != expected and len(reason) < MIN_REASON:
        raise DepositRefused("Selisih uang tutup kas harus disertai alasannya.")

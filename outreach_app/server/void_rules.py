"""The server's side of voids (domain/voids.py): it judges every void and every void request
again, so a laptop that skips the app's checks (a hostile one, or an old version) cannot void
what the rule keeps for staff, nor decide a request twice.

- A receipt is voided once. An agent voids directly only what `void_outcome` allows, judged
  at the time the void was written (its clock) against the deposits the server knows were
  made by then. Staff void directly only their own same-day receipts; a receipt whose request
  staff approved is voided by the server itself (server/void_approvals.py), never by a laptop.
- A void request names a receipt its author may see, in its own name, pending; a decision
  comes from staff, other than the author, on a pending request, and touches only the
  decision's fields. The first decision the server accepts stands: a second staff member's
  offline decision, a replay under a new number, or a forged change is refused with a reason.
- An audit entry that reports a void or a decision is accepted only from the device whose
  write of that effect the server kept, so the log names who actually voided or decided,
  never the second staff member whose decision came too late.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from outreach_app.domain.change_shape import DeviceChange
from outreach_app.domain.double_payments import repeats
from outreach_app.domain.hlc import Timestamp
from outreach_app.domain.months import add_months
from outreach_app.domain.synced_tables import VOID_DECISION_FIELDS
from outreach_app.domain.voids import (
    VoidRequestStatus,
    cash_deposited,
    decision_problem,
    reason_problem,
    void_outcome,
)
from outreach_app.server.scope import OutOfScope, Scope
from outreach_app.server.store.batch import RowBatch
from outreach_app.server.store.store import StoredRecord

# (audit entity, action) -> (table of the row it reports on, the field whose write it reports
# ("*" the row's making)
# and the value that field must hold now)
_AUDITED_EFFECTS: dict[tuple[str, str], tuple[str, str, object]] = {
    ("payments", "void"): ("payments", "voided", 1),
    ("void_requests", "void_request"): ("void_requests", "*", None),
    ("void_requests", "void_refused"): ("void_requests", "status", VoidRequestStatus.REFUSED),
    ("void_requests", "void_approved"): ("void_requests", "status", VoidRequestStatus.APPROVED),
}


class VoidRefused(OutOfScope):
    """A void, a request or a decision the rules refuse, with the reason the user reads."""


def request_scope(rows: RowBatch, data: dict[str, Any]) -> tuple[str | None, None, str | None]:
    """(branch, village, owner) the server files a request under: its receipt's branch, no
    village (an agent granted the village does not read other agents' requests), and its
    author as owner (so the author reads it, decision included)."""
    payment = rows.record("payments", str(data.get("payment_id") or ""))
    branch = payment.branch_id if payment is not None else None
    owner = data.get("requested_by")
    return branch, None, str(owner) if owner else None


def approves_void(table: str, record: StoredRecord, existing: StoredRecord | None) -> bool:
    """Whether this accepted change is the approval of a request (its receipt is then voided
    by the server, once the batch is written)."""
    return (
        table == "void_requests"
        and existing is not None
        and existing.data.get("status") == VoidRequestStatus.PENDING
        and record.data.get("status") == VoidRequestStatus.APPROVED
    )


def check_voids(
    rows: RowBatch, scope: Scope, change: DeviceChange, existing: StoredRecord | None
) -> None:
    """Raises VoidRefused when the change breaks a rule of voids; the other rules (scope,
    fields, receipts never edited) are checked elsewhere."""
    if change.table == "void_requests":
        if existing is None:
            _check_new_request(rows, scope, change.fields)
        else:
            _check_decision(rows, scope, change, existing)
    elif change.table == "payments" and existing is not None:
        _check_void(rows, scope, change, existing)
    elif change.table == "audit_log":
        _check_audit(rows, change)


_TEXT_FIELDS = ("payment_id", "receipt_no", "requested_by", "requested_at", "reason")
_MAY_BE_EMPTY = ("status", "decided_by", "decided_at", "decision_reason")


def _check_types(fields: dict[str, Any]) -> None:
    """Every field of a request is text (laptops store what they pull as it came)."""
    for name in _TEXT_FIELDS:
        if name in fields and not isinstance(fields[name], str):
            raise VoidRefused(f"Isian {name} permintaan pembatalan harus berupa teks.")
    for name in _MAY_BE_EMPTY:
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise VoidRefused(f"Isian {name} permintaan pembatalan harus berupa teks.")


def _check_new_request(rows: RowBatch, scope: Scope, fields: dict[str, Any]) -> None:
    if fields.get("deleted"):
        raise VoidRefused("Permintaan pembatalan tidak boleh dihapus.")
    _check_types(fields)
    if any(not fields.get(name) for name in _TEXT_FIELDS):
        raise VoidRefused("Permintaan pembatalan belum lengkap (kuitansi, pengaju, waktu, alasan).")
    payment = rows.record("payments", str(fields.get("payment_id") or ""))
    if payment is None or not scope.reads_record(payment):
        raise VoidRefused("Kuitansi untuk permintaan pembatalan ini tidak dikenal server.")
    if fields.get("receipt_no") != payment.data.get("receipt_no"):
        raise VoidRefused("Nomor kuitansi permintaan ini tidak cocok dengan kuitansinya.")
    if payment.data.get("voided"):
        raise VoidRefused(f"Kuitansi {payment.data.get('receipt_no')} sudah dibatalkan.")
    if fields.get("requested_by") != scope.user_id:
        raise VoidRefused("Permintaan pembatalan diajukan atas nama sendiri.")
    if _moment_text(fields.get("requested_at")) is None:
        raise VoidRefused("Waktu permintaan pembatalan tidak terbaca (tanggal ISO).")
    if fields.get("status", VoidRequestStatus.PENDING) != VoidRequestStatus.PENDING or any(
        fields.get(name) for name in ("decided_by", "decided_at", "decision_reason")
    ):
        raise VoidRefused("Permintaan pembatalan baru belum boleh berisi keputusan.")
    problem = reason_problem(str(fields.get("reason") or ""))
    if problem:
        raise VoidRefused(problem)


def _check_decision(
    rows: RowBatch, scope: Scope, change: DeviceChange, existing: StoredRecord
) -> None:
    fields = change.fields
    if change.op == "delete" or fields.get("deleted"):
        raise VoidRefused("Permintaan pembatalan tidak boleh dihapus.")
    _check_types(fields)
    edited = set(fields) - VOID_DECISION_FIELDS
    if edited:
        raise VoidRefused(
            f"Permintaan pembatalan tidak boleh diubah ({', '.join(sorted(edited))}); "
            "hanya keputusannya yang ditulis staf."
        )
    problem = decision_problem(
        str(existing.data.get("status")),
        str(existing.data.get("requested_by")),
        str(scope.user_id),
        scope.staff,
    )
    if problem:
        decided = existing.data.get("decided_by")
        if decided:
            who = rows.record("users", str(decided))
            name = who.data.get("full_name") if who is not None else decided
            problem += f" (sudah {_STATUS_TEXT.get(str(existing.data.get('status')), '')} {name})"
        raise VoidRefused(problem)
    if fields.get("status") not in (VoidRequestStatus.APPROVED, VoidRequestStatus.REFUSED):
        raise VoidRefused("Keputusan permintaan pembatalan: disetujui atau ditolak.")
    if fields.get("decided_by") != scope.user_id or _moment_text(fields.get("decided_at")) is None:
        raise VoidRefused("Keputusan ditulis atas nama staf yang memutuskan, dengan waktunya.")
    problem = reason_problem(str(fields.get("decision_reason") or ""))
    if problem:
        raise VoidRefused(problem)


_STATUS_TEXT = {"approved": "disetujui", "refused": "ditolak"}


def _check_void(rows: RowBatch, scope: Scope, change: DeviceChange, payment: StoredRecord) -> None:
    fields = change.fields
    receipt = payment.data.get("receipt_no")
    touches_void = "voided" in fields or "void_reason" in fields
    if not touches_void:
        return
    if payment.data.get("voided"):
        raise VoidRefused(f"Kuitansi {receipt} sudah dibatalkan; pembatalan tidak diulang.")
    if not fields.get("voided"):
        return  # a reason alone voids nothing (the receipt rules refuse an un-void)
    if scope.staff and _is_double_payment(rows, payment):
        return  # staff settling a double payment (credit or refund) void it directly
    written = _moment(change.hlc)
    paid_at = _moment_text(payment.data.get("paid_at"))
    if paid_at is None:  # a receipt stored with an unreadable date: only staff, by request
        paid_at = dt.datetime.min.replace(tzinfo=dt.UTC)
    collector = str(payment.data.get("collected_by"))
    deposits = [
        # unreadable date: counts as made
        (_moment_text(d.data.get("deposited_at")) or written, _listed(d.data.get("receipt_ids")))
        for d in rows.owned("cash_deposits", collector)
        if not d.data.get("deleted")
    ]
    made_by_then = [(at, ids) for at, ids in deposits if _aware(at) <= written]
    verdict = void_outcome(
        collected_by=collector,
        paid_at=paid_at,
        deposited=cash_deposited(
            payment.row_id, paid_at, payment.data.get("method") == "cash", made_by_then
        ),
        actor_id=str(scope.user_id),
        now=written,
    )
    if verdict.direct:
        return
    raise VoidRefused(
        f"Kuitansi {receipt} tidak boleh dibatalkan langsung ({verdict.explain()}); "
        "ajukan permintaan pembatalan kepada staf cabang."
    )


def _check_audit(rows: RowBatch, change: DeviceChange) -> None:
    fields = change.fields
    effect = _AUDITED_EFFECTS.get((str(fields.get("entity")), str(fields.get("action"))))
    if effect is None:
        return
    table, field, value = effect
    row_id = str(fields.get("entity_id") or "")
    record = rows.record(table, row_id)
    if record is None:
        raise VoidRefused("Catatan audit ini menunjuk data yang tidak dikenal server.")
    versions = rows.versions(table, row_id)
    written = versions.get(field)
    if written is None and (field == "*" or record.data.get(field) == value):
        written = versions.get("*")  # made with that value (the field never written since)
    held = record.data.get(field) == value if value is not None else True
    if not held or written is None or written.partition("@")[2] != change.device_id:
        raise VoidRefused(
            "Catatan audit ini melaporkan pembatalan atau keputusan yang tidak diterima server "
            "dari perangkat ini (orang lain sudah lebih dulu)."
        )


def _moment(hlc: str) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(Timestamp.decode(hlc).wall_ms / 1000, tz=dt.UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise VoidRefused("Stempel waktu perubahan ini tidak terbaca.") from exc


def _moment_text(value: object) -> dt.datetime | None:
    """An ISO date and time as laptops write them, or None when it is not one."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _listed(receipt_ids: object) -> frozenset[str]:
    """A close-out's receipt ids (text, space-separated); nothing for an older deposit."""
    return frozenset(receipt_ids.split()) if isinstance(receipt_ids, str) else frozenset()


def _is_double_payment(rows: RowBatch, payment: StoredRecord) -> bool:
    """Whether this receipt is a double payment: a live receipt of the same participant,
    paid earlier (then by receipt number), already covers one of its months (the rule of
    domain/double_payments.py `repeats`, on stored rows)."""
    participant = str(payment.data.get("participant_id") or "")
    live = sorted(
        (r for r in rows.by_key("payments", participant)
         if not r.data.get("voided") and not r.data.get("deleted")),
        key=lambda r: (str(r.data.get("paid_at")), str(r.data.get("receipt_no")), r.row_id),
    )  # fmt: skip
    return payment.row_id in repeats((r.row_id, _covered(r)) for r in live)


def _covered(receipt: StoredRecord) -> list[dt.date]:
    try:
        start = dt.date.fromisoformat(str(receipt.data.get("period_start")))
        count = int(receipt.data.get("months") or 0)
    except (TypeError, ValueError):
        return []
    return [add_months(start.replace(day=1), i) for i in range(min(count, 120))]

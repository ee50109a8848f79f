"""The tables laptops and the server exchange, and the fields each may carry: the server
refuses a change naming any other field, so a laptop can never be sent a column it cannot
store."""

from __future__ import annotations

import dataclasses
from typing import Any

from outreach_app.domain.double_payments import PaymentSettlement
from outreach_app.domain.models import (
    Branch,
    CashDeposit,
    Heir,
    Participant,
    Payer,
    Payment,
    User,
    Village,
    VisitPlan,
    VoidRequest,
)

_MODELS: dict[str, type] = {
    "branches": Branch,
    "users": User,
    "villages": Village,
    "payers": Payer,
    "participants": Participant,
    "heirs": Heir,
    "visit_plans": VisitPlan,
    "payments": Payment,
    "cash_deposits": CashDeposit,
    "void_requests": VoidRequest,
    "payment_settlements": PaymentSettlement,
}
_AUDIT_FIELDS = frozenset({"at", "actor", "action", "entity", "entity_id", "detail"})
_NOT_FIELDS = {"stamp", "heirs"}

# The branch's reference data every user of the branch receives.
SHARED_TABLES = ("branches", "users", "villages", "payers")


def _fields(model: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(model) if f.name not in _NOT_FIELDS)


SYNCED_FIELDS: dict[str, frozenset[str]] = {
    **{table: _fields(model) | {"deleted"} for table, model in _MODELS.items()},
    "audit_log": _AUDIT_FIELDS,
}

# Fields a receipt may still change after it is issued: only its voiding.
PAYMENT_VOID_FIELDS = frozenset({"voided", "void_reason"})

# Fields a void request's decision writes; the rest of a request never changes once filed.
VOID_DECISION_FIELDS = frozenset({"status", "decided_by", "decided_at", "decision_reason"})


def natural_key(table: str, data: dict[str, Any]) -> str | None:
    """What the server finds a row by besides its id: a live participant's NIK (duplicates),
    a branch's or village's code, a user's username, and the participant a receipt or an heir
    belongs to (a duplicate review shows and moves them)."""
    if table == "participants":
        return None if data.get("deleted") or not data.get("nik") else str(data["nik"])
    if table in ("branches", "villages"):
        return str(data.get("code") or "") or None
    if table == "users":
        return str(data.get("username") or "") or None
    if table in ("heirs", "payments", "payment_settlements"):
        return str(data.get("participant_id") or "") or None
    if table == "void_requests":  # the requests of one receipt
        return str(data.get("payment_id") or "") or None
    return None

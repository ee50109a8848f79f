"""Who may read and who may write which row: the one place the server decides it.

Every path that hands a row to a caller asks `Scope.reads`: a pull page, the newer writes
in the answer to a push, the answer to a batch sent again, a bundle's answer (a push and a
pull), a village snapshot, a duplicate review's records. Every change a caller pushes passes
`check_write` and, when it would move a row from one owner, village or branch to another,
`check_ownership`. The pull's SQL filter (`ServerStore.changes_after`) is the same rule
written for the database; a test holds the two to the same answers.

The rule: staff read and write their own branch. An agent reads the branch's reference
tables (branch, users, villages, payers), the rows it owns (participants it enrolled, its
visits and deposits, the heirs and receipts of its participants) and the rows of the villages
staff granted it. It writes the rows it owns and the rows of its granted villages, but it
never gives a row to anyone (an owner other than itself) and its scope never grows by its
own hand: a village is granted only by a visit that staff assigned (see `grants`). Nobody
reads or writes another branch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from outreach_app.domain.synced_tables import SHARED_TABLES
from outreach_app.server.store.store import StoredRecord


class OutOfScope(Exception):
    """A change the caller may not make, with the reason the agent reads."""


@dataclass(frozen=True, slots=True)
class Scope:
    """What one account may see: its branch's row id, its user row id, whether it is staff,
    and (agents) the villages staff granted it."""

    branch_id: str | None
    user_id: str | None
    staff: bool
    villages: frozenset[str] = frozenset()
    branch_code: str = ""  # the account's branch, by code (its row may not exist yet)

    def reads(
        self, table: str, branch_id: str | None, village_id: str | None, owner_id: str | None
    ) -> bool:
        """Whether a row (or a logged change of it) filed under this branch, village and
        owner may be handed to this account."""
        if self.branch_id is None or branch_id != self.branch_id:
            return False
        if self.staff or table in SHARED_TABLES:
            return True
        if self.user_id is not None and owner_id == self.user_id:
            return True
        return village_id is not None and village_id in self.villages

    def reads_record(self, record: StoredRecord) -> bool:
        return self.reads(record.table, record.branch_id, record.village_id, record.owner_id)


def check_write(scope: Scope, record: StoredRecord, existing: StoredRecord | None) -> None:
    """Whether the caller may leave `record` as it is about to be saved (`existing`: as it
    was, None for a new row). Raises OutOfScope with the reason."""
    table = record.table
    if table == "branches":  # the one row a branch's staff make before their branch exists
        if not scope.staff or record.data.get("code") != scope.branch_code:
            raise OutOfScope("Hanya staf cabang itu sendiri yang mengubah data kantor cabang.")
        if existing is not None and existing.data.get("code") != scope.branch_code:
            raise OutOfScope("Hanya staf cabang itu sendiri yang mengubah data kantor cabang.")
        return
    if existing is not None and existing.branch_id != record.branch_id:
        raise OutOfScope("Data tidak boleh dipindah ke kantor cabang lain.")
    if scope.branch_id is None or record.branch_id != scope.branch_id:
        raise OutOfScope("Di luar cakupan: data ini milik kantor cabang lain.")
    if scope.staff:
        return
    if table in SHARED_TABLES:
        raise OutOfScope("Di luar cakupan: data referensi cabang hanya diubah staf cabang.")
    if table == "audit_log":
        return
    # an update is judged by the row as the server holds it, never by what the change says
    # it becomes (else naming oneself the owner would be a way in)
    before = existing if existing is not None else record
    if scope.user_id is not None and before.owner_id == scope.user_id:
        return
    if table == "visit_plans":
        raise OutOfScope("Di luar cakupan: kunjungan ini ditugaskan ke agen lain.")
    if before.village_id is not None and before.village_id in scope.villages:
        return
    raise OutOfScope("Di luar cakupan: desa ini tidak ditugaskan kepada Anda.")


# Fields that name who holds a row, per table: only staff give a row to someone else.
OWNER_FIELDS: dict[str, str] = {
    "participants": "agent_id",
    "visit_plans": "agent_id",
    "cash_deposits": "agent_id",
    "payments": "collected_by",
}

# Fields that point at a row of another table, which must be in the caller's branch.
REFERENCE_FIELDS: dict[str, str] = {
    "agent_id": "users",
    "collected_by": "users",
    "village_id": "villages",
    "payer_id": "payers",
    "participant_id": "participants",
}


def check_ownership(
    scope: Scope,
    table: str,
    fields: dict[str, Any],
    existing: StoredRecord | None,
    lookup: Callable[[str, str], StoredRecord | None],
) -> None:
    """The rules of changes that move a row between owners, villages or branches.

    Every id a change writes must name a live row of the caller's own branch (staff of one
    branch cannot assign another branch's agent, file a person under another branch's
    village or payer). An agent may name only itself as the holder of a row it makes, and
    may not change the holder of a row at all: a participant, a visit, a deposit or a
    receipt changes hands only by staff decision."""
    for field, target in REFERENCE_FIELDS.items():
        value = fields.get(field)
        if value is None or value == "":
            continue
        if table == "users" or (table == "payments" and field == "participant_id"):
            continue  # a user row names no user; a receipt's person is checked with merges
        found = lookup(target, str(value))
        if found is None or found.branch_id != scope.branch_id:
            raise OutOfScope(f"Isian {field} menunjuk data yang tidak dikenal di cabang ini.")
    if scope.staff:
        return
    owner_field = OWNER_FIELDS.get(table)
    if owner_field is None or owner_field not in fields:
        return
    wanted = fields[owner_field]
    if existing is None:
        if wanted is not None and wanted != scope.user_id:
            raise OutOfScope("Agen hanya mencatat data atas namanya sendiri.")
    elif wanted != existing.data.get(owner_field):
        raise OutOfScope("Pemegang data ini hanya diganti oleh staf cabang (penugasan ulang agen).")

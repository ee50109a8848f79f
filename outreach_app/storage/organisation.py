"""Branches, users, villages and payers: the reference records visits and enrolments point at."""

from __future__ import annotations

from outreach_app.domain.models import Branch, Payer, PayerType, Role, User, Village
from outreach_app.storage.errors import NotFound
from outreach_app.storage.repository import SyncedRepository


class BranchRepository(SyncedRepository[Branch]):
    table, record_type, label = "branches", Branch, "Kantor cabang"

    def by_code(self, code: str) -> Branch:
        found = self._where("code = ?", [code])
        if not found:
            raise NotFound(self.label, code)
        return found[0]


class UserRepository(SyncedRepository[User]):
    table, record_type, label = "users", User, "Pengguna"

    def by_username(self, username: str) -> User:
        found = self._where("username = ?", [username])
        if not found:
            raise NotFound(self.label, username)
        return found[0]

    def agents(self, branch_id: str | None = None) -> list[User]:
        if branch_id is None:
            return self._where("role = ?", [Role.AGENT.value], order_by="full_name")
        return self._where(
            "role = ? AND branch_id = ?", [Role.AGENT.value, branch_id], order_by="full_name"
        )


class VillageRepository(SyncedRepository[Village]):
    table, record_type, label = "villages", Village, "Desa"

    def by_code(self, code: str) -> Village:
        found = self._where("code = ?", [code])
        if not found:
            raise NotFound(self.label, code)
        return found[0]

    def in_branch(self, branch_id: str) -> list[Village]:
        return self._where("branch_id = ?", [branch_id], order_by="regency, district, name")


class PayerRepository(SyncedRepository[Payer]):
    table, record_type, label = "payers", Payer, "Pembayar"

    def of_type(self, payer_type: PayerType) -> list[Payer]:
        return self._where("payer_type = ?", [payer_type.value], order_by="name")

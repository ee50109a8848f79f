"""The branch's device desk: staff list the devices bound to their branch's accounts, revoke
a lost or stolen one and enable it again once found.

Only staff, and only their own branch: an agent, or staff of another branch, is refused (and
the attempt audited). The server's console (`outreach server ...`, operator None) sees every
branch. A revoked device cannot sign in with any account, nor have its bundles imported, until
it is enabled; enabling does not bring its old tokens back (it signs in afresh).
"""

from __future__ import annotations

from outreach_app.server.auth import Accounts
from outreach_app.server.errors import SyncRefused
from outreach_app.server.store.sessions import DeviceRow
from outreach_app.server.store.store import ServerStore, Session
from outreach_app.sync.account_protocol import DeviceAction, DeviceInfo

STAFF_ONLY = "Hanya staf cabang yang mengelola perangkat."
NOT_FOUND = "Perangkat {device} tidak dikenal server."
OTHER_BRANCH = (
    "Perangkat ini terdaftar di kantor cabang lain; hanya staf cabang itu yang mengelolanya."
)


def device_info(row: DeviceRow) -> DeviceInfo:
    return DeviceInfo(
        device_id=row.device_id, device_name=row.device_name, username=row.username,
        role=row.role, first_seen=row.first_seen, last_seen=row.last_seen,
        revoked_at=row.revoked_at, revoked_by=row.revoked_by, live_tokens=row.live_tokens,
    )  # fmt: skip


class DeviceDesk:
    def __init__(self, store: ServerStore, accounts: Accounts) -> None:
        self._store = store
        self._accounts = accounts

    def devices(
        self, operator: Session | None, username: str | None = None, address: str | None = None
    ) -> list[DeviceInfo]:
        branch = self._branch_of(operator, "list", None, address)
        rows = self._store.sessions.devices(branch, username, now=self._accounts.now())
        return [device_info(row) for row in rows]

    def revoke(
        self, operator: Session | None, device_id: str, address: str | None = None
    ) -> DeviceAction:
        row = self._device_in_scope(operator, device_id, "revoke", address)
        by = operator.account.username if operator else "console"
        revoked = self._store.sessions.set_revoked(device_id, by, self._accounts.now())
        self._accounts.audit("device_revoked", row.username, device_id, address, f"oleh {by}")
        return DeviceAction(device=self._info(device_id), tokens_revoked=max(0, revoked))

    def enable(
        self, operator: Session | None, device_id: str, address: str | None = None
    ) -> DeviceAction:
        row = self._device_in_scope(operator, device_id, "enable", address)
        by = operator.account.username if operator else "console"
        self._store.sessions.set_revoked(device_id, None, self._accounts.now())
        self._accounts.audit("device_enabled", row.username, device_id, address, f"oleh {by}")
        return DeviceAction(device=self._info(device_id))

    def _info(self, device_id: str) -> DeviceInfo:
        row = self._store.sessions.device(device_id)
        if row is None:  # gone between two statements: nothing deletes devices
            raise SyncRefused(NOT_FOUND.format(device=device_id), 404)
        return device_info(row)

    def _branch_of(
        self, operator: Session | None, what: str, device_id: str | None, address: str | None
    ) -> str | None:
        """The branch the operator may manage (None: every branch, the console)."""
        if operator is None:
            return None
        if operator.account.role != "staff":
            self._accounts.audit("forbidden", operator.account.username, device_id, address,
                                 f"perangkat: {what} (bukan staf)")  # fmt: skip
            raise SyncRefused(STAFF_ONLY, 403)
        return operator.account.branch_code

    def _device_in_scope(
        self, operator: Session | None, device_id: str, what: str, address: str | None
    ) -> DeviceRow:
        branch = self._branch_of(operator, what, device_id, address)
        row = self._store.sessions.device(device_id) if len(device_id) <= 64 else None
        if row is not None and branch is not None and row.branch_code != branch:
            assert operator is not None
            self._accounts.audit("forbidden", operator.account.username, device_id, address,
                                 f"perangkat: {what} (cabang lain)")  # fmt: skip
            raise SyncRefused(OTHER_BRANCH, 403)
        if row is None:
            raise SyncRefused(NOT_FOUND.format(device=device_id[:64]), 404)
        return row

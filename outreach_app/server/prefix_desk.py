"""The server's rules for receipt prefixes: one device per prefix on the whole server.

A laptop numbers its receipts `PREFIX-000123` offline, so the prefix is all that keeps two
laptops' numbers apart. At sign-in and after every sync the laptop asks to keep the prefix it
numbers with (its derived one, domain/receipt_prefix.py, or one it had before prefixes were
reserved); staff may ask for a readable one (SML01) from the laptop's Settings; a laptop whose
prefix is refused asks to be assigned one and numbers its next receipts with it.

Refused, with the reason (never a 500), and audited:
- a prefix another device holds, or one under which another device already issued receipts
  the server has seen (409): the first to reserve it keeps it, and that is final;
- a prefix of the derived form that is not this device's own derived prefix (409): nobody
  takes another laptop's automatic prefix by typing it;
- a readable request that is not 2-10 ASCII letters or digits (400; the edge already refused
  anything that is not 2-12 of them with a 422);
- more than MAX_PER_DEVICE prefixes for one device or MAX_PER_ACCOUNT for one account (403):
  a hostile laptop (or one forking itself into many devices) cannot reserve thousands.
A request sent again is answered as the first (the device holds the prefix already: it is
not counted twice). A revoked device, an expired token or another account's device never gets
here: their token is refused first (401), and a token is bound to its device, so a laptop only
ever reserves for itself. Prefixes are server-wide: a device of another branch is refused a
prefix this branch holds exactly like a device of the same branch.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import Connection

from outreach_app.domain.receipt_prefix import (
    derived_prefix,
    is_derived_form,
    normalize_requested,
    random_derived,
)
from outreach_app.server.errors import SyncRefused
from outreach_app.server.store import receipt_prefixes as sql
from outreach_app.server.store.sessions import stamp
from outreach_app.server.store.store import Session
from outreach_app.server.sync_server import SyncServer
from outreach_app.sync.prefix_protocol import PrefixAnswer, PrefixRequest
from outreach_app.sync.protocol import PROTOCOL_VERSION

# A laptop needs one prefix, a second after a readable one is asked for, a few more over
# years of forks (a restored backup becomes a new device with its own prefix). Old prefixes
# are never given back (receipts carry them), so these bound what a hostile laptop can take.
MAX_PER_DEVICE = 4
MAX_PER_ACCOUNT = 32
ASSIGN_TRIES = 8

IN_USE = "Awalan kuitansi {prefix} sudah dipakai perangkat lain; pilih awalan lain."
USED_ON_RECEIPTS = (
    "Awalan kuitansi {prefix} sudah tercetak pada kuitansi perangkat lain; pilih awalan lain."
)
NOT_YOURS = (
    "Awalan {prefix} berbentuk awalan otomatis perangkat lain (P dan 10 huruf/angka); "
    "minta awalan 2-10 huruf atau angka."
)
DEVICE_LIMIT = (
    "Perangkat ini sudah memegang {count} awalan kuitansi (batas {limit}); hubungi staf cabang."
)
ACCOUNT_LIMIT = (
    "Akun ini sudah memegang {count} awalan kuitansi (batas {limit}); hubungi staf cabang."
)


@dataclass(frozen=True, slots=True)
class _Refusal:
    message: str
    status: int
    audit: str  # the audit log's short detail


class PrefixDesk:
    def __init__(self, server: SyncServer) -> None:
        self._server = server
        self._store = server.store
        self._accounts = server.accounts

    def reserve(
        self, session: Session, request: PrefixRequest, address: str | None = None
    ) -> PrefixAnswer:
        """Reserves (or assigns) this device's prefix; SyncRefused with the reason. The
        refusal is audited after the transaction ends (SQLite has one writer)."""
        if request.protocol != PROTOCOL_VERSION:
            raise SyncRefused(
                f"Versi protokol {request.protocol} tidak didukung server ini (versi "
                f"{PROTOCOL_VERSION}); perbarui aplikasi.",
                426,
            )
        now = stamp(self._accounts.now())
        with self._store.transaction() as conn:
            outcome = self._decide(conn, session, request, now)
        account, device = session.account.username, session.device_id
        if isinstance(outcome, _Refusal):
            self._accounts.audit("prefix_refused", account, device, address, outcome.audit)
            raise SyncRefused(outcome.message, outcome.status)
        answer, new = outcome
        if new:
            self._accounts.audit("prefix_reserved", account, device, address,
                                 f"{answer.prefix} ({answer.source})")  # fmt: skip
        return answer

    def _decide(
        self, conn: Connection, session: Session, request: PrefixRequest, now: str
    ) -> _Refusal | tuple[PrefixAnswer, bool]:
        device = session.device_id
        held = sql.held_by_device(conn, device)
        if request.prefix is None:
            return self._assign(conn, session, held, now)
        prefix = request.prefix.upper()
        if prefix in held:  # sent again, or switching back to one of its own
            return self._answer(conn, prefix, device), False
        source = "kept"
        if request.intent == "request":
            try:
                prefix = normalize_requested(prefix)
            except ValueError as exc:
                return _Refusal(str(exc), 400, f"{prefix}: bentuk")
            source = "requested"
        elif is_derived_form(prefix):
            if prefix != derived_prefix(device):
                return _Refusal(NOT_YOURS.format(prefix=prefix), 409, f"{prefix}: otomatis")
            source = "derived"
        refused = self._limits(conn, session, held)
        if refused is not None:
            return refused
        if sql.other_device_receipts(conn, prefix, device) is not None:
            return _Refusal(USED_ON_RECEIPTS.format(prefix=prefix), 409, f"{prefix}: kuitansi")
        owner = sql.reserve(conn, prefix, device, session.account.id,
                            session.account.branch_code, source, now)  # fmt: skip
        if owner.device_id != device:
            return _Refusal(IN_USE.format(prefix=prefix), 409, f"{prefix}: dipakai")
        return self._answer(conn, prefix, device), True

    def _assign(
        self, conn: Connection, session: Session, held: list[str], now: str
    ) -> _Refusal | tuple[PrefixAnswer, bool]:
        """The device's own derived prefix when free; else one the server assigned it
        before; else a new random one of the derived form (never a readable one)."""
        device = session.device_id
        own = derived_prefix(device)
        if own in held:
            return self._answer(conn, own, device), False
        assigned = [prefix for prefix in held if is_derived_form(prefix)]
        if assigned:
            return self._answer(conn, assigned[0], device), False
        refused = self._limits(conn, session, held)
        if refused is not None:
            return refused
        candidates = [own] + [random_derived(os.urandom(8)) for _ in range(ASSIGN_TRIES)]
        for prefix in candidates:
            if sql.other_device_receipts(conn, prefix, device) is not None:
                continue
            source = "derived" if prefix == own else "assigned"
            owner = sql.reserve(conn, prefix, device, session.account.id,
                                session.account.branch_code, source, now)  # fmt: skip
            if owner.device_id == device:
                return self._answer(conn, prefix, device), True
        raise RuntimeError("no free receipt prefix after several random tries")

    @staticmethod
    def _limits(conn: Connection, session: Session, held: list[str]) -> _Refusal | None:
        if len(held) >= MAX_PER_DEVICE:
            message = DEVICE_LIMIT.format(count=len(held), limit=MAX_PER_DEVICE)
            return _Refusal(message, 403, "batas perangkat")
        count = sql.count_for_account(conn, session.account.id)
        if count >= MAX_PER_ACCOUNT:
            message = ACCOUNT_LIMIT.format(count=count, limit=MAX_PER_ACCOUNT)
            return _Refusal(message, 403, "batas akun")
        return None

    @staticmethod
    def _answer(conn: Connection, prefix: str, device: str) -> PrefixAnswer:
        owner = sql.owner(conn, prefix)
        assert owner is not None and owner.device_id == device
        return PrefixAnswer(prefix=prefix, source=owner.source, reserved_at=owner.reserved_at,
                            held=sql.held_by_device(conn, device))  # fmt: skip

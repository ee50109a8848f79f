"""The SQL of who may connect: devices bound to accounts, and the tokens they sync with.

A token is bound to one (account, device) pair and has an expiry. `issue` is the one place a
token is made: it binds the device to the account on its first sign-in, refuses a device
bound to another account (or revoked, or an id the server keeps for itself), and retires the
pair's older tokens, all in one transaction. Only hashes of tokens are stored.

Times are ISO 8601 text in UTC to the second (they sort as text on both stores).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from outreach_app.server.store.audit import AuditLog
from outreach_app.server.store.auth_tables import devices
from outreach_app.server.store.tables import accounts, tokens

ID_LENGTH = 64  # the columns' width: a longer id is refused, not cut
NAME_LENGTH = 128
# A token lives 30 days. Agents in villages sync every few days or weeks: the laptop trades
# its token for a new one whenever it syncs in the last half of that time, so an agent who
# syncs at least once a month never types the password again, while a token copied off a lost
# or sold laptop stops working within a month even if nobody revokes it. Longer would leave
# stolen tokens alive for longer; shorter would send agents back from a month in the field to
# a sign-in they may not be able to do without the branch.
TOKEN_LIFETIME = dt.timedelta(days=30)
RESERVED_PREFIX = "server-"  # the device ids of the server's own changes (merges, snapshots)
Refusal = Literal["other_account", "revoked", "reserved", "invalid"]
TokenState = Literal["ok", "unknown", "revoked", "expired"]


def printable(text: str) -> str:
    """A name a laptop sent, without control characters (it is printed on the server's
    console: no terminal escapes), cut to its column."""
    return "".join(char for char in text if char.isprintable())[:NAME_LENGTH]


def audited_device(device_id: str | None) -> str | None:
    """A device id as the audit log keeps it: one a laptop could not have made (too long,
    control characters) is not copied in."""
    if device_id is None or (0 < len(device_id) <= ID_LENGTH and device_id.isprintable()):
        return device_id
    return "(tidak sah)"


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class DeviceRefused(Exception):
    """The device may not be used by this account: `reason` says why, `owner` is the account
    it is bound to (for "other_account")."""

    def __init__(self, device_id: str, reason: Refusal, owner: str | None = None) -> None:
        super().__init__(f"device {device_id[:ID_LENGTH]!r} refused: {reason}")
        self.device_id = device_id
        self.reason: Refusal = reason
        self.owner = owner


# Every request reads its token: the statement is built once, not once a request.
_TOKEN_ROW = (
    select(accounts, tokens.c.device_id, tokens.c.device_name, tokens.c.revoked_at)
    .add_columns(tokens.c.expires_at)
    .join(tokens, tokens.c.account_id == accounts.c.id)
    .where(tokens.c.token_hash == bindparam("hash"))
)


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    expires_at: str


@dataclass(frozen=True, slots=True)
class TokenRow:
    """A token's row with its account's columns (the caller builds its Session)."""

    account: dict[str, Any]
    device_id: str
    device_name: str
    state: TokenState
    expires_at: str | None


@dataclass(frozen=True, slots=True)
class DeviceRow:
    device_id: str
    device_name: str
    username: str
    role: str
    branch_code: str
    first_seen: str
    last_seen: str
    revoked_at: str | None
    revoked_by: str | None
    live_tokens: int


_DEVICE_COLUMNS = (
    devices, accounts.c.username, accounts.c.role, accounts.c.branch_code,
)  # fmt: skip


class SessionStore:
    """Devices and tokens on one engine (each method is its own transaction)."""

    def __init__(self, engine: Engine, audit: AuditLog) -> None:
        self._engine = engine
        self._audit = audit

    # --- devices ------------------------------------------------------------------------

    def claim(
        self,
        account: Any,
        device_id: str,
        device_name: str,
        now: dt.datetime,
        address: str | None = None,
    ) -> None:
        """Binds a device to the account (a bundle's first arrival), or refuses it, audited,
        with DeviceRefused; a device already the account's is only seen again."""
        self._with_retry(lambda conn: self._claim(conn, account, device_id, device_name, now),
                         account, device_id, address, now)  # fmt: skip

    def issue(
        self,
        account: Any,
        device_id: str,
        device_name: str,
        now: dt.datetime,
        lifetime: dt.timedelta,
        address: str | None = None,
    ) -> IssuedToken:
        """A new token for (account, device), expiring after `lifetime`; the pair's older
        tokens stop working. Raises DeviceRefused (audited) when the device is not the
        account's to use."""

        def issue_in(conn: Connection) -> IssuedToken:
            return self._issue_in(conn, account, device_id, device_name, now, lifetime)

        return self._with_retry(issue_in, account, device_id, address, now)  # type: ignore[no-any-return]

    def _issue_in(
        self,
        conn: Connection,
        account: Any,
        device_id: str,
        device_name: str,
        now: dt.datetime,
        lifetime: dt.timedelta,
    ) -> IssuedToken:
        """Every token is made here: the device bound (or refused), the pair's live tokens
        retired, the new one written."""
        self._claim(conn, account, device_id, device_name, now)
        conn.execute(
            update(tokens)
            .where(tokens.c.account_id == account.id, tokens.c.device_id == device_id,
                   tokens.c.revoked_at.is_(None))
            .values(revoked_at=stamp(now))
        )  # fmt: skip
        return _insert_token(conn, account.id, device_id, printable(device_name), now, lifetime)

    def _with_retry(
        self, work: Any, account: Any, device_id: str, address: str | None, now: dt.datetime
    ) -> Any:
        """`work` in a transaction; once more if another process bound the same new device
        at the same moment (the second then sees the binding and is judged by it)."""
        for attempt in (1, 2):
            try:
                with self._engine.begin() as conn:
                    return work(conn)
            except IntegrityError:
                if attempt == 2:
                    raise
            except DeviceRefused as refused:
                self._audit.write(
                    "device_refused", stamp(now), account.username, audited_device(device_id),
                    address, _refusal_detail(refused),
                )  # fmt: skip
                raise
        raise AssertionError("unreachable")

    @staticmethod
    def _claim(
        conn: Connection, account: Any, device_id: str, device_name: str, now: dt.datetime
    ) -> None:
        device_name = printable(device_name)
        if not device_id or len(device_id) > ID_LENGTH or not device_id.isprintable():
            raise DeviceRefused(device_id, "invalid")
        if device_id.lower().startswith(RESERVED_PREFIX):
            raise DeviceRefused(device_id, "reserved")
        query = select(devices).where(devices.c.device_id == device_id)
        if conn.dialect.name == "postgresql":
            query = query.with_for_update()
        row = conn.execute(query).first()
        if row is None:
            conn.execute(
                insert(devices).values(
                    device_id=device_id, account_id=account.id,
                    device_name=device_name[:NAME_LENGTH], first_seen=stamp(now),
                    last_seen=stamp(now),
                )
            )  # fmt: skip
            return
        if row.revoked_at is not None:
            raise DeviceRefused(device_id, "revoked")
        if int(row.account_id) != int(account.id):
            owner = conn.execute(
                select(accounts.c.username).where(accounts.c.id == row.account_id)
            ).scalar()
            raise DeviceRefused(device_id, "other_account", owner)
        conn.execute(
            update(devices)
            .where(devices.c.device_id == device_id)
            .values(last_seen=stamp(now), device_name=device_name[:NAME_LENGTH] or row.device_name)
        )

    def device(self, device_id: str) -> DeviceRow | None:
        found = self.devices(device_id=device_id)
        return found[0] if found else None

    def devices(
        self,
        branch_code: str | None = None,
        username: str | None = None,
        device_id: str | None = None,
        now: dt.datetime | None = None,
    ) -> list[DeviceRow]:
        """Devices with their account, newest seen first; `live_tokens` counts the tokens
        neither revoked nor expired (at `now`, else the current time)."""
        query = select(*_DEVICE_COLUMNS).join(accounts, accounts.c.id == devices.c.account_id)
        if branch_code is not None:
            query = query.where(accounts.c.branch_code == branch_code)
        if username is not None:
            query = query.where(accounts.c.username == username)
        if device_id is not None:
            query = query.where(devices.c.device_id == device_id)
        moment = stamp(now or dt.datetime.now(dt.UTC))
        live = (
            select(tokens.c.device_id, tokens.c.account_id)
            .where(tokens.c.revoked_at.is_(None))
            .where((tokens.c.expires_at.is_(None)) | (tokens.c.expires_at > moment))
        )
        with self._engine.connect() as conn:
            rows = conn.execute(query.order_by(devices.c.last_seen.desc())).all()
            counts: dict[tuple[str, int], int] = {}
            for device, account_id in conn.execute(live):
                key = (str(device), int(account_id))
                counts[key] = counts.get(key, 0) + 1
        return [
            DeviceRow(
                row.device_id,
                row.device_name,
                row.username,
                row.role,
                row.branch_code,
                row.first_seen,
                row.last_seen,
                row.revoked_at,
                row.revoked_by,
                counts.get((row.device_id, int(row.account_id)), 0),
            )
            for row in rows
        ]

    def set_revoked(self, device_id: str, by: str | None, now: dt.datetime) -> int:
        """Revokes a device (`by`: who) and every token it holds, under any account; with
        `by` None, enables it again (its old tokens stay retired: it signs in afresh).
        Returns the tokens revoked, or -1 when there is no such device."""
        with self._engine.begin() as conn:
            values = {"revoked_at": stamp(now), "revoked_by": by} if by else {
                "revoked_at": None, "revoked_by": None}  # fmt: skip
            found = conn.execute(
                update(devices).where(devices.c.device_id == device_id).values(**values)
            ).rowcount
            if not found:
                return -1
            if by is None:
                return 0
            return int(
                conn.execute(
                    update(tokens)
                    .where(tokens.c.device_id == device_id, tokens.c.revoked_at.is_(None))
                    .values(revoked_at=stamp(now))
                ).rowcount
            )

    # --- tokens -------------------------------------------------------------------------

    def token(self, token: str, now: dt.datetime, lifetime: dt.timedelta) -> TokenRow:
        """The token's account and device and whether it may be used now. A token from
        before schema 3 (no expiry) gets `lifetime` from now, once: upgrading the server
        does not sign every laptop out."""
        with self._engine.connect() as conn:
            row = conn.execute(_TOKEN_ROW, {"hash": token_hash(token)}).first()
        if row is None:
            return TokenRow({}, "", "", "unknown", None)
        values = dict(row._mapping)
        expires = values["expires_at"]
        if expires is None and values["revoked_at"] is None:
            expires = stamp(now + lifetime)
            with self._engine.begin() as conn:
                conn.execute(
                    update(tokens)
                    .where(tokens.c.token_hash == token_hash(token), tokens.c.expires_at.is_(None))
                    .values(expires_at=expires)
                )
        state: TokenState = "ok"
        if values["revoked_at"] is not None:
            state = "revoked"
        elif expires is not None and expires <= stamp(now):
            state = "expired"
        return TokenRow(values, values["device_id"], values["device_name"], state, expires)

    def rotate(
        self,
        token: str,
        account: Any,
        device_id: str,
        now: dt.datetime,
        lifetime: dt.timedelta,
        address: str | None = None,
    ) -> IssuedToken | None:
        """A new token for the same (account, device) as this live one, which is retired in
        the same transaction (as `issue` does, the device's binding checked again); None
        when it was no longer live (renewed twice at once: the first one won)."""
        where = (
            (tokens.c.token_hash == token_hash(token))
            & (tokens.c.account_id == account.id)
            & (tokens.c.device_id == device_id)
        )

        def rotate_in(conn: Connection) -> IssuedToken | None:
            row = conn.execute(select(tokens).where(where)).first()
            retired = conn.execute(
                update(tokens).where(where, tokens.c.revoked_at.is_(None))
                .values(revoked_at=stamp(now))
            ).rowcount  # fmt: skip
            if row is None or retired != 1:  # the row lock makes a second renewal wait here
                return None
            return self._issue_in(conn, account, device_id, row.device_name, now, lifetime)

        return self._with_retry(rotate_in, account, device_id, address, now)  # type: ignore[no-any-return]

    def revoke_tokens(self, account_id: int, device_id: str | None, now: dt.datetime) -> int:
        condition = (tokens.c.account_id == account_id) & tokens.c.revoked_at.is_(None)
        if device_id is not None:
            condition &= tokens.c.device_id == device_id
        with self._engine.begin() as conn:
            return int(
                conn.execute(update(tokens).where(condition).values(revoked_at=stamp(now))).rowcount
            )


def _insert_token(
    conn: Connection,
    account_id: int,
    device_id: str,
    device_name: str,
    now: dt.datetime,
    lifetime: dt.timedelta,
) -> IssuedToken:
    token = secrets.token_urlsafe(32)
    expires = stamp(now + lifetime)
    conn.execute(
        insert(tokens).values(
            token_hash=token_hash(token), account_id=account_id, device_id=device_id,
            device_name=device_name, created_at=stamp(now), expires_at=expires,
        )
    )  # fmt: skip
    return IssuedToken(token, expires)


def _refusal_detail(refused: DeviceRefused) -> str:
    if refused.reason == "other_account":
        return f"perangkat milik akun {refused.owner}"
    return {"revoked": "perangkat dicabut", "reserved": "nomor perangkat milik server",
            "invalid": "nomor perangkat tidak sah"}[refused.reason]  # fmt: skip

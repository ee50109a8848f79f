"""Who may connect to the branch server: accounts, signing in, tokens and the devices they are
bound to, with every decision that matters written to the server's audit log.

- A device id belongs to the account that first signed in with it (or whose bundle first
  brought it). Device ids travel in every pull, so anyone could copy one: another account
  claiming it is refused, or it could push under the device's next sequence numbers and the
  device's own changes would later be answered "already had" and lost.
- A token is bound to one (account, device) and expires (store/sessions.py: TOKEN_LIFETIME,
  30 days). Signing in again on the same device retires its older tokens; a live token can be
  traded for a new one (`renew`), retiring the old one.
- Wrong passwords make the next attempt wait, per account name and per client address
  (throttle.py), counted in the database so every server process sees the same count.
- The audit log (`server_audit`) holds account names, device ids, client addresses and event
  codes: never a NIK, a person's name or a password. A name typed at a failed sign-in is kept
  only when it is a real account's. Rows older than AUDIT_RETENTION are deleted as new
  sign-ins arrive.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from typing import NoReturn

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from outreach_app.server import throttle
from outreach_app.server.errors import SyncRefused
from outreach_app.server.store.sessions import (
    TOKEN_LIFETIME,
    DeviceRefused,
    IssuedToken,
    audited_device,
    stamp,
)
from outreach_app.server.store.store import Account, ServerStore, Session, _account
from outreach_app.sync.account_protocol import TokenRenewal
from outreach_app.sync.protocol import SignInRequest, SignInResponse
from outreach_app.sync.wire_types import BRANCH_CODE_PATTERN, text_problem

ROLES = ("agent", "staff")
MIN_PASSWORD = 8
AUDIT_RETENTION = dt.timedelta(days=400)  # a year of sign-ins and refusals, and a month over
Clock = Callable[[], dt.datetime]
SIGN_IN_AGAIN = "Tanda masuk tidak sah atau sudah dicabut; masuk lagi."
EXPIRED = "Tanda masuk laptop ini sudah kedaluwarsa; masuk lagi dengan kata sandi."
DISABLED = "Akun ini dinonaktifkan; hubungi kantor cabang."
MALFORMED = "Isian masuk tidak sah (ada karakter yang tidak bisa disimpan)."
DEVICE_REFUSALS = {
    "other_account": (
        "Perangkat ini sudah terdaftar atas akun lain: satu laptop dipakai satu akun. "
        "Hubungi kantor cabang.", 403,
    ),
    "revoked": (
        "Perangkat ini sudah dicabut oleh kantor cabang; minta kantor cabang mengaktifkannya "
        "lagi.", 403,
    ),
    "reserved": ("Nomor perangkat ini tidak boleh dipakai laptop.", 400),
    "invalid": ("Nomor perangkat tidak sah (kosong atau lebih dari 64 karakter).", 400),
}  # fmt: skip


def well_formed(*texts: str) -> bool:
    """Whether every text can be stored: JSON may carry lone UTF-16 surrogates, which no
    database column (nor the password hasher) takes."""
    try:
        for text in texts:
            text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def device_refusal(refused: DeviceRefused) -> SyncRefused:
    message, status = DEVICE_REFUSALS[refused.reason]
    return SyncRefused(message, status)


def _name_key(username: str) -> str:
    """The account-name counter's key: hashed, since a user may type a NIK or a password
    into the name field and the counter outlives the attempt."""
    return hashlib.sha256(username.strip().lower().encode("utf-8")).hexdigest()


class Accounts:
    """The sign-in rules over the server's store. `clock` gives the current UTC time (tests
    move it to see tokens expire and waits end)."""

    def __init__(
        self,
        store: ServerStore,
        hasher: PasswordHasher | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._store = store
        self._hasher = hasher or PasswordHasher()
        self._clock = clock
        self._dummy_hash: str | None = None

    def now(self) -> dt.datetime:
        return self._clock()

    def audit(
        self,
        event: str,
        account: str | None = None,
        device_id: str | None = None,
        address: str | None = None,
        detail: str | None = None,
    ) -> None:
        device = audited_device(device_id)
        self._store.audit.write(event, stamp(self.now()), account, device, address, detail)

    # --- accounts ------------------------------------------------------------------------

    def add_user(self, username: str, password: str, role: str, branch_code: str) -> None:
        username, branch_code = username.strip(), branch_code.strip().upper()
        if role not in ROLES:
            raise SyncRefused(f"Peran harus salah satu dari: {', '.join(ROLES)}.", 400)
        if not username or not branch_code:
            raise SyncRefused("Nama pengguna dan kode cabang wajib diisi.", 400)
        if not re.fullmatch(BRANCH_CODE_PATTERN, branch_code):
            raise SyncRefused(
                "Kode cabang hanya huruf, angka, - atau _ (paling banyak 16 karakter).", 400
            )
        if len(username) > 64 or text_problem(username + password):
            raise SyncRefused("Nama pengguna atau kata sandi memuat karakter terlarang.", 400)
        if len(password) < MIN_PASSWORD:
            raise SyncRefused(f"Kata sandi minimal {MIN_PASSWORD} karakter.", 400)
        try:
            self._store.add_account(username, self._hasher.hash(password), role, branch_code)
        except ValueError as exc:
            raise SyncRefused(f"Akun {username} sudah ada.", 409) from exc
        self.audit("account_added", username, detail=f"{role} {branch_code}")

    # --- signing in ----------------------------------------------------------------------

    def sign_in(self, request: SignInRequest, address: str | None = None) -> SignInResponse:
        fields = (request.username, request.password, request.device_id, request.device_name)
        if not well_formed(*fields):
            raise SyncRefused(MALFORMED, 400)
        username = request.username.strip()
        keys = [("account", _name_key(username)), ("address", address or "-")]
        self._refuse_while_waiting(keys, username, request.device_id, address)
        account = self._store.account(username) if len(username) <= 64 else None
        if not self._password_matches(account, request.password):
            self._count_failure(keys, account, request.device_id, address)
        assert account is not None  # a matching password has an account
        self._store.sign_in_failures.clear(*keys[0])
        if not account.active:
            self.audit("sign_in_refused", account.username, request.device_id, address,
                       "akun nonaktif")  # fmt: skip
            raise SyncRefused(DISABLED, 403)
        issued = self._issue(account, request.device_id, request.device_name, address)
        self.audit("sign_in_ok", account.username, request.device_id, address)
        self._prune()
        return SignInResponse(
            token=issued.token,
            server_key=self._store.signing_key(_new_signing_key)[1],
            username=account.username,
            role=account.role,  # type: ignore[arg-type]
            branch_code=account.branch_code,
            expires_at=issued.expires_at,
        )

    def _issue(
        self, account: Account, device_id: str, device_name: str, address: str | None
    ) -> IssuedToken:
        try:
            return self._store.sessions.issue(
                account, device_id, device_name, self.now(), TOKEN_LIFETIME, address
            )
        except DeviceRefused as refused:  # audited by the store
            raise device_refusal(refused) from refused

    def _password_matches(self, account: Account | None, password: str) -> bool:
        """Verified against a stand-in hash when there is no such account, so an unknown
        name takes as long as a wrong password (the time would tell which names exist)."""
        if account is None:
            if self._dummy_hash is None:
                self._dummy_hash = self._hasher.hash("tidak-ada-akun-ini")
            with contextlib.suppress(VerificationError, InvalidHashError):
                self._hasher.verify(self._dummy_hash, password + "\x00")
            return False
        try:
            return bool(self._hasher.verify(account.password_hash, password))
        except (VerificationError, InvalidHashError):
            return False

    def _refuse_while_waiting(
        self, keys: list[tuple[str, str]], username: str, device_id: str, address: str | None
    ) -> None:
        now = self.now()
        waits = [
            (throttle.retry_after(count.blocked_until, now), count)
            for count in self._store.sign_in_failures.read(keys)
        ]
        seconds, count = max(waits, default=(0, None), key=lambda wait: wait[0])
        if seconds <= 0 or count is None:
            return
        if self._store.sign_in_failures.note_refused(count.kind, count.key) == 1:
            known = self._store.account(username) if len(username) <= 64 else None
            self.audit("sign_in_throttled", known.username if known else None, device_id,
                       address, f"menunggu {seconds} detik ({count.kind})")  # fmt: skip
        raise SyncRefused(
            f"Terlalu banyak kata sandi salah; coba lagi dalam {throttle.format_wait(seconds)}.",
            429,
            {"Retry-After": str(seconds)},
        )

    def _count_failure(
        self,
        keys: list[tuple[str, str]],
        account: Account | None,
        device_id: str,
        address: str | None,
    ) -> NoReturn:
        now = self.now()
        longest = 0
        for kind, key in keys:
            free = throttle.FREE[kind]

            def until(failures: int, free: int = free) -> str | None:
                wait = throttle.wait_after(failures, free)
                return stamp(now + wait) if wait else None

            count = self._store.sign_in_failures.note_failure(
                kind, key, stamp(now), stamp(now - throttle.FORGET_AFTER), until
            )
            longest = max(longest, throttle.retry_after(count.blocked_until, now))
        self.audit("sign_in_failed", account.username if account else None, device_id, address,
                   "kata sandi salah" if account else "akun tidak dikenal")  # fmt: skip
        message = "Nama pengguna atau kata sandi salah."
        if longest:
            message += f" Tunggu {throttle.format_wait(longest)} sebelum mencoba lagi."
            raise SyncRefused(message, 401, {"Retry-After": str(longest)})
        raise SyncRefused(message, 401)

    def _prune(self) -> None:
        now = self.now()
        self._store.audit.prune(stamp(now - AUDIT_RETENTION))
        self._store.sign_in_failures.prune(stamp(now - throttle.FORGET_AFTER))

    # --- tokens --------------------------------------------------------------------------

    def session(self, token: str | None, address: str | None = None) -> Session:
        found = (
            self._store.sessions.token(token, self.now(), TOKEN_LIFETIME)
            if token and len(token) <= 200
            else None
        )
        if found is None or found.state == "unknown":
            raise SyncRefused(SIGN_IN_AGAIN, 401)
        username = found.account["username"]
        if found.state == "revoked":
            self.audit("token_refused", username, found.device_id, address, "dicabut")
            raise SyncRefused(SIGN_IN_AGAIN, 401)
        if found.state == "expired":
            self.audit("token_refused", username, found.device_id, address, "kedaluwarsa")
            raise SyncRefused(EXPIRED, 401)
        session = Session(_account(found.account), found.device_id, found.device_name)
        if not session.account.active:
            raise SyncRefused(DISABLED, 403)
        return session

    def renew(self, token: str | None, address: str | None = None) -> TokenRenewal:
        """A new token for the same account and device; the one presented stops working."""
        session = self.session(token, address)
        assert token is not None  # session() refuses no token
        try:
            issued = self._store.sessions.rotate(
                token, session.account, session.device_id, self.now(), TOKEN_LIFETIME, address
            )
        except DeviceRefused as refused:  # revoked between the two reads: audited
            raise device_refusal(refused) from refused
        if issued is None:  # renewed twice at once: the other one won
            raise SyncRefused(SIGN_IN_AGAIN, 401)
        self.audit("token_rotated", session.account.username, session.device_id, address)
        return TokenRenewal(token=issued.token, expires_at=issued.expires_at)

    def revoke(
        self,
        username: str,
        device_id: str | None = None,
        by: str = "console",
        address: str | None = None,
    ) -> int:
        """Signs a user's devices out (with `device_id`: that device only, and the device is
        revoked too, so no account signs in on it until staff enable it again: a lost
        laptop). Returns the tokens revoked."""
        account = self._store.account(username)
        if account is None:
            return 0
        revoked = self._store.sessions.revoke_tokens(account.id, device_id, self.now())
        if device_id is not None:
            device = self._store.sessions.device(device_id)
            if device is not None and device.username == account.username:
                revoked += max(0, self._store.sessions.set_revoked(device_id, by, self.now()))
                self.audit("device_revoked", account.username, device_id, address, f"oleh {by}")
        self.audit("tokens_revoked", account.username, device_id, address,
                   f"{revoked} tanda masuk, oleh {by}")  # fmt: skip
        return revoked

    def claim_device(
        self, account: Account, device_id: str, device_name: str, address: str | None = None
    ) -> None:
        """A bundle's device: bound to its account at its first bundle, refused (audited)
        when another account's or revoked, exactly as at sign-in."""
        if not well_formed(device_id, device_name):
            raise SyncRefused(MALFORMED, 400)
        try:
            self._store.sessions.claim(account, device_id, device_name, self.now(), address)
        except DeviceRefused as refused:
            raise device_refusal(refused) from refused


def _new_signing_key() -> tuple[str, str]:
    from outreach_app.sync.bundle import new_signing_key

    return new_signing_key()

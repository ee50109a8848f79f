"""The branch server's rules: who may sign in, what each change may do, and who sees what.

Every pushed change is judged on its own and answered on its own: accepted, already had (sent
again after a lost reply), or rejected with a reason a field agent can act on; a rejection
never holds up the rest of the batch. An accepted change is merged field by field, the last
writer by hybrid logical clock winning; where the server already holds a newer write of a
field, the answer carries it back so the laptop ends with the same value. The rules read the
batch's rows from a `RowBatch`, which holds the writes of the changes before them in memory
and writes them all at the end of the batch (a few statements a batch, not several a change).

Scope: staff see and change their branch. An agent sees the branch's reference data (branch,
users, villages, payers), the visits assigned to it, and the participants (with their heirs
and payments) of those villages or enrolled by it; it may change only those. No one sees
another branch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from pydantic import ValidationError
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from outreach_app.domain.nik import parse_nik
from outreach_app.domain.synced_tables import (
    PAYMENT_VOID_FIELDS,
    SHARED_TABLES,
    SYNCED_FIELDS,
    natural_key,
)
from outreach_app.domain.versions import version, wins
from outreach_app.server.auth import MIN_PASSWORD, ROLES, Accounts, Clock, utc_now
from outreach_app.server.deposit_rules import DepositRefused, check_deposit_change
from outreach_app.server.errors import SyncRefused
from outreach_app.server.receipt_watch import watch_new_receipt
from outreach_app.server.scope import OutOfScope, Scope, check_ownership, check_write
from outreach_app.server.scope_backfill import refile_moved_participant, snapshot_village
from outreach_app.server.settlement_rules import TABLE as SETTLEMENTS
from outreach_app.server.settlement_rules import check_settlement, credits
from outreach_app.server.store.batch import RowBatch
from outreach_app.server.store.store import ServerStore, Session, StoredRecord
from outreach_app.server.void_approvals import void_approved
from outreach_app.server.void_rules import approves_void, check_voids, request_scope
from outreach_app.sync.bundle import new_signing_key, pack_signed, unpack
from outreach_app.sync.bundle_models import ChangesBundle
from outreach_app.sync.protocol import (
    ID_LENGTH,
    MAX_PUSH_BATCH,
    PROTOCOL_VERSION,
    PULL_PAGE,
    Change,
    ChangeResult,
    FieldWrite,
    PullResponse,
    PushRequest,
    PushResponse,
    SignInRequest,
    SignInResponse,
)

__all__ = ["MIN_PASSWORD", "ROLES", "Identity", "Rejected", "SyncRefused", "SyncServer"]
_ID_FIELDS = (
    "agent_id", "village_id", "participant_id", "payer_id", "branch_id", "merged_into",
    "collected_by", "code", "username", "payment_id", "requested_by", "decided_by",
)  # fmt: skip
# fields that point at another row: (field, table), read ahead for a whole batch
_REFERENCES = (
    ("village_id", "villages"), ("participant_id", "participants"), ("agent_id", "users"),
)  # fmt: skip


class Rejected(Exception):
    """One change refused, with the reason the agent will read."""


@dataclass(frozen=True, slots=True)
class Identity:
    """An account as the data knows it: its branch's row id and its user row id."""

    session: Session
    branch_id: str | None
    user_id: str | None

    @property
    def is_staff(self) -> bool:
        return self.session.account.role == "staff"

    def scope(self, rows: RowBatch) -> Scope:
        """What this account may read and write, with the batch's own grants so far."""
        villages: frozenset[str] = frozenset()
        if not self.is_staff and self.user_id is not None:
            villages = frozenset(rows.grants.villages(self.user_id))
        code = self.session.account.branch_code
        return Scope(self.branch_id, self.user_id, self.is_staff, villages, code)


class SyncServer:
    """`clock`: the current UTC time for tokens, waits and the audit log (tests move it)."""

    def __init__(
        self, store: ServerStore, hasher: PasswordHasher | None = None, clock: Clock = utc_now
    ) -> None:
        self._store = store
        self._accounts = Accounts(store, hasher, clock)

    @property
    def store(self) -> ServerStore:
        return self._store

    @property
    def accounts(self) -> Accounts:
        """Accounts, sign-in, tokens and devices (server/auth.py)."""
        return self._accounts

    # --- accounts (server/auth.py) -------------------------------------------------------

    def add_user(self, username: str, password: str, role: str, branch_code: str) -> None:
        self._accounts.add_user(username, password, role, branch_code)

    def revoke(self, username: str, device_id: str | None = None) -> int:
        """Signs a user's devices out (a lost laptop): their tokens stop working at once."""
        return self._accounts.revoke(username, device_id)

    def sign_in(self, request: SignInRequest, address: str | None = None) -> SignInResponse:
        self._check_protocol(request.protocol)
        answer = self._accounts.sign_in(request, address)
        answer.device_seq = self._store.device_seq(request.device_id)
        return answer

    def session(self, token: str | None, address: str | None = None) -> Session:
        return self._accounts.session(token, address)

    @staticmethod
    def _check_protocol(protocol: int) -> None:
        if protocol != PROTOCOL_VERSION:
            raise SyncRefused(
                f"Versi protokol {protocol} tidak didukung server ini (versi {PROTOCOL_VERSION});"
                " perbarui aplikasi.",
                426,
            )

    def _identity(self, rows: RowBatch, session: Session) -> Identity:
        """The account's branch row (by its code) and its user row: the one of that branch
        with its username, so a user row another branch made with the same name is never
        taken for it."""
        account = session.account
        branch = rows.by_key("branches", account.branch_code)
        branch_id = branch[0].row_id if branch else None
        users = [
            user
            for user in rows.by_key("users", account.username)
            if user.branch_id == branch_id and not user.data.get("deleted")
        ]
        return Identity(session, branch_id, users[0].row_id if users else None)

    # --- push ----------------------------------------------------------------------------

    def push(self, session: Session, request: PushRequest) -> PushResponse:
        self._check_protocol(request.protocol)
        if request.device_id != session.device_id:
            raise SyncRefused("Tanda masuk ini milik perangkat lain.", 403)
        results, device_seq = self._push_batch(session, request.decoded())
        answer = PushResponse.of(results)
        answer.device_seq = device_seq
        return answer

    def push_changes(self, session: Session, changes: Sequence[Change]) -> list[ChangeResult]:
        return self._push_batch(session, changes)[0]

    def _push_batch(
        self, session: Session, changes: Sequence[Change]
    ) -> tuple[list[ChangeResult], int]:
        """One transaction for the batch (one disk flush instead of one per change). The
        changes are judged in order against the batch's rows in memory and what was accepted
        is written at the end: a refused change has written nothing, and the rest of the
        batch is kept. Also the device's highest seq on the server, read in the same
        transaction (no second connection per push)."""
        try:
            with self._store.transaction(branch_lock=session.account.branch_code) as conn:
                rows = RowBatch(conn)
                seen = self._store.seen_seqs(conn, session.device_id, [c.seq for c in changes])
                self._read_ahead(rows, changes)
                who = self._identity(rows, session)
                results = []
                for change in changes:
                    if who.branch_id is None or who.user_id is None:  # made by this batch?
                        who = self._identity(rows, session)
                    if change.seq in seen and change.device_id == session.device_id:
                        if seq_reused(seen[change.seq], change):
                            results.append(ChangeResult(seq=change.seq, status="seq_reused"))
                            continue
                        results.append(self._already_had(rows, who, change))
                        continue
                    results.append(self._accept(rows, who, change))
                rows.flush()
                device_seq = self._store.device_seq(session.device_id, conn)
        except IntegrityError:
            # another process accepted some of these (device, seq) at the same moment: start
            # again change by change, each in its own transaction, to see which
            results = [self._accept_alone(session, change) for change in changes]
            device_seq = self._store.device_seq(session.device_id)
        return results, device_seq

    @staticmethod
    def _already_had(rows: RowBatch, who: Identity, change: Change) -> ChangeResult:
        """A change sent again: the first answer may have been lost with the newer writes it
        carried, so they are said again (whatever is newer than this change now). The
        re-sent change is not trusted to name its row: what it names passes the same scope
        as a pull, and only the table's synced fields are answered."""
        existing = rows.record(change.table, change.row_id)
        allowed = SYNCED_FIELDS.get(change.table, frozenset())
        if existing is None or not who.scope(rows).reads_record(existing):
            return ChangeResult(seq=change.seq, status="already_had")
        versions = rows.versions(change.table, change.row_id)
        stamp, base = version(change.hlc, change.device_id), versions.get("*")
        newer = {
            name: FieldWrite(value=existing.data.get(name), version=current)
            for name in change.fields
            if name in allowed
            and (current := versions.get(name, base)) is not None
            and wins(current, stamp)
        }
        return ChangeResult(seq=change.seq, status="already_had", newer=newer)

    @staticmethod
    def _read_ahead(rows: RowBatch, changes: Sequence[Change]) -> None:
        """The rows a batch will read, in a few statements instead of several a change: the
        changed rows with their field versions, the rows they point to, and the participants
        holding the same NIKs."""
        rows.prefetch(((change.table, change.row_id) for change in changes), versions=True)
        pointed: list[tuple[str, str]] = []
        niks: list[str] = []
        for change in changes:
            existing = rows.record(change.table, change.row_id)  # read just above
            for data in (change.fields, existing.data if existing else {}):
                pointed += [(table, str(data[key])) for key, table in _REFERENCES if data.get(key)]
                if change.table == "participants" and data.get("nik"):
                    niks.append(str(data["nik"]))
        rows.prefetch(pointed)
        rows.prefetch_keys("participants", niks)

    def _accept_alone(self, session: Session, change: Change) -> ChangeResult:
        try:
            with self._store.transaction(branch_lock=session.account.branch_code) as conn:
                held = self._store.seen_seqs(conn, change.device_id, [change.seq])
                if change.seq in held:
                    if seq_reused(held[change.seq], change):
                        return ChangeResult(seq=change.seq, status="seq_reused")
                    return ChangeResult(seq=change.seq, status="already_had")
                rows = RowBatch(conn)
                result = self._accept(rows, self._identity(rows, session), change)
                rows.flush()
                return result
        except IntegrityError:
            return ChangeResult(seq=change.seq, status="already_had")

    def _accept(self, rows: RowBatch, who: Identity, change: Change) -> ChangeResult:
        """One change not seen before (the caller has checked its (device, seq)). The rules
        only read until the change is accepted, so a refusal leaves nothing to undo."""
        if change.device_id != who.session.device_id:
            return ChangeResult(seq=change.seq, status="rejected",
                                reason="Perubahan dari perangkat lain.")  # fmt: skip
        try:
            newer = self._merge(rows, who, change)
        except Rejected as exc:
            return ChangeResult(seq=change.seq, status="rejected", reason=str(exc))
        return ChangeResult(seq=change.seq, status="accepted", newer=newer)

    def _merge(self, rows: RowBatch, who: Identity, change: Change) -> dict[str, FieldWrite]:
        table = change.table
        allowed = SYNCED_FIELDS.get(table)
        if allowed is None:
            raise Rejected(f"Tabel {table} tidak disinkronkan.")
        unknown = set(change.fields) - allowed
        if unknown:
            raise Rejected(f"Kolom tidak dikenal untuk {table}: {', '.join(sorted(unknown))}.")
        existing = rows.record(table, change.row_id)
        if existing is None and change.op != "insert":
            raise Rejected(
                "Data ini belum ada di server (pembuatannya ditolak atau belum terkirim)."
            )
        self._check_rules(rows, table, change, existing)
        stamp = version(change.hlc, change.device_id)
        versions = rows.versions(table, change.row_id) if existing else {}
        base = versions.get("*")
        data = dict(existing.data) if existing else {}
        applied: dict[str, str] = {}
        newer: dict[str, FieldWrite] = {}
        if existing is None:
            data.update(change.fields)
            applied["*"] = stamp
        else:
            for field, value in change.fields.items():
                current = versions.get(field, base)
                if wins(stamp, current):
                    data[field] = value
                    applied[field] = stamp
                elif current is not None:
                    newer[field] = FieldWrite(value=data.get(field), version=current)
        record = self._scoped(rows, who, table, change.row_id, data)
        scope = who.scope(rows)
        try:
            check_write(scope, record, existing)
            check_ownership(scope, table, change.fields, existing, rows.record)
            if table == "cash_deposits":
                check_deposit_change(
                    scope, change.op, change.fields, existing,
                    lambda agent: rows.owned(table, agent),
                    lambda row_id: rows.record("payments", row_id),
                    lambda payment: credits(rows, payment),
                )  # fmt: skip
            if table == SETTLEMENTS:
                check_settlement(scope, change.op, change.fields, existing, rows.record)
            check_voids(rows, scope, change, existing)
        except (OutOfScope, DepositRefused) as exc:
            raise Rejected(str(exc)) from exc
        if table == "users":
            self._check_username(rows, record)
        if table == "participants":
            self._note_duplicate_nik(rows, record)
        if table == "visit_plans":
            self._note_grant(rows, who, record, existing)
        if approves_void(table, record, existing):
            rows.after_flush(lambda conn: void_approved(self._store, conn, who.session, record))
        if table == "payments" and existing is None:  # a number another device used: audited
            watch_new_receipt(rows, who.session, record, self._accounts.now)
        moved_from = existing.village_id if existing is not None else record.village_id
        if table == "participants" and moved_from != record.village_id:
            rows.after_flush(lambda conn: self._refile(conn, who, record.row_id, moved_from))
        rows.save(record, applied, natural_key(table, data), existing is None)
        rows.log(change, who.session.account.id, record)
        return newer

    # --- the rules of the data ------------------------------------------------------------

    def _check_rules(
        self, rows: RowBatch, table: str, change: Change, existing: StoredRecord | None
    ) -> None:
        fields = change.fields
        if table == "audit_log" and change.op != "insert":
            raise Rejected("Catatan audit tidak boleh diubah.")
        if table == "payments":
            if change.op == "delete" or fields.get("deleted"):
                raise Rejected("Kuitansi tidak boleh dihapus; batalkan dengan alasan.")
            if existing is not None:
                edited = set(fields) - PAYMENT_VOID_FIELDS
                if edited:
                    raise Rejected(
                        f"Kuitansi {existing.data.get('receipt_no')} sudah terbit dan tidak boleh "
                        f"diubah ({', '.join(sorted(edited))}); batalkan dan terbitkan yang baru."
                    )
                if existing.data.get("voided") and fields.get("voided") == 0:
                    raise Rejected("Kuitansi yang dibatalkan tidak bisa dihidupkan lagi.")
        merged = {**(existing.data if existing else {}), **fields}
        for name in _ID_FIELDS:  # ids and keys the server files rows by
            value = fields.get(name)
            if isinstance(value, str) and len(value) > ID_LENGTH:
                raise Rejected(f"Isian {name} terlalu panjang (lebih dari {ID_LENGTH} karakter).")
        if fields.get("merged_into") is not None:
            raise Rejected(
                "Data duplikat hanya digabung oleh staf cabang lewat pemeriksaan duplikat."
            )
        if table == "participants":
            nik = merged.get("nik")
            if nik:
                info = parse_nik(str(nik))
                if not info.valid:
                    raise Rejected(f"NIK {nik} tidak sah: {' '.join(info.errors)}")
        for key, target in (("village_id", "villages"), ("participant_id", "participants")):
            if key in fields and fields[key] is not None:
                found = rows.record(target, str(fields[key]))
                if found is not None and table == "payments" and found.data.get("merged_into"):
                    continue  # money taken before the agent heard of the merge: it still counts
                if found is None or found.data.get("deleted"):
                    if found is not None and found.data.get("merged_into"):
                        raise Rejected(
                            "Peserta ini sudah digabung oleh cabang dengan data lain ber-NIK "
                            "sama; catat pada data peserta yang dipertahankan."
                        )
                    what = "Desa" if target == "villages" else "Peserta"
                    raise Rejected(f"{what} {fields[key]} tidak dikenal server.")

    def _scoped(
        self, rows: RowBatch, who: Identity, table: str, row_id: str, data: dict[str, Any]
    ) -> StoredRecord:
        """The record with the branch, village and owner the server filters pulls by."""
        branch, village, owner = who.branch_id, None, None
        if table == "branches":
            branch = row_id
        elif table in ("users", "villages", "payers"):
            branch = data.get("branch_id")
        elif table in ("participants", "visit_plans"):
            village = data.get("village_id")
            owner = data.get("agent_id")
            place = rows.record("villages", village) if village else None
            branch = place.branch_id if place else self._branch_of_user(rows, owner, branch)
        elif table in ("heirs", "payments", SETTLEMENTS):
            person = rows.record("participants", str(data.get("participant_id")))
            if person is None:
                raise Rejected("Peserta untuk data ini tidak dikenal server.")
            branch, village, owner = person.branch_id, person.village_id, person.owner_id
        elif table == "cash_deposits":
            owner = data.get("agent_id")
            branch = self._branch_of_user(rows, owner, branch)
        elif table == "audit_log":
            owner = who.user_id
        elif table == "void_requests":
            branch, village, owner = request_scope(rows, data)
        if branch is None:
            raise Rejected("Kantor cabang data ini belum dikenal server; sinkronkan cabang dulu.")
        return StoredRecord(table, row_id, data, str(branch), village, owner)

    def _branch_of_user(self, rows: RowBatch, user_id: Any, fallback: str | None) -> str | None:
        user = rows.record("users", str(user_id)) if user_id else None
        return str(user.data.get("branch_id")) if user else fallback

    @staticmethod
    def _check_username(rows: RowBatch, record: StoredRecord) -> None:
        """One live user row per username on the whole server: sign-in finds an account's
        user row by it."""
        name = record.data.get("username")
        if not name or record.data.get("deleted"):
            return
        for other in rows.by_key("users", str(name)):
            if other.row_id != record.row_id and not other.data.get("deleted"):
                raise Rejected(f"Nama pengguna {name} sudah dipakai pengguna lain.")

    def _note_grant(
        self, rows: RowBatch, who: Identity, visit: StoredRecord, existing: StoredRecord | None
    ) -> None:
        """A visit staff assign grants its agent the village (and the village's records
        follow, after the batch is written). An agent's own visit grants nothing, and an
        agent who moves or cancels a visit staff assigned gives its grant up."""
        live = not visit.data.get("deleted") and visit.owner_id and visit.village_id
        if who.is_staff:
            if not live:
                rows.grants.set(visit.row_id, None)
                return
            agent, village = str(visit.owner_id), str(visit.village_id)
            newly = village not in rows.grants.villages(agent)
            rows.grants.set(visit.row_id, (visit.branch_id, agent, village))
            if newly:
                rows.after_flush(lambda conn: self._send_village(conn, who, visit))
            return
        moved = existing is None or existing.village_id != visit.village_id
        if not live or moved:
            rows.grants.set(visit.row_id, None)

    def _refile(self, conn: Connection, who: Identity, row_id: str, old: str | None) -> None:
        """A participant moved village: his children follow him, his new village's agents
        receive him (as the batch left him)."""
        person = self._store.record(conn, "participants", row_id)
        if person is not None:
            account = who.session.account
            refile_moved_participant(
                self._store, conn, account.branch_code, account.id, person, old
            )

    def _send_village(self, conn: Connection, who: Identity, visit: StoredRecord) -> None:
        """The village's records, addressed to the agent just assigned it (after the batch
        is written, so the village's rows made by this batch are in it too)."""
        village = self._store.record(conn, "villages", str(visit.village_id))
        if village is None or visit.owner_id is None:
            return
        snapshot_village(
            self._store, conn, who.session.account.branch_code, who.session.account.id,
            village, visit.owner_id,
        )  # fmt: skip

    def _note_duplicate_nik(self, rows: RowBatch, record: StoredRecord) -> None:
        """The same NIK on two live participants goes to the branch's review queue: never
        merged silently, never rejected (both agents keep their work until staff decide)."""
        nik = record.data.get("nik")
        if not nik or record.data.get("deleted"):
            return
        others = [
            other
            for other in rows.by_key("participants", str(nik))
            if other.row_id != record.row_id and not other.data.get("deleted")
        ]
        for other in others:
            rows.open_review(record.branch_id, str(nik), other.row_id, record.row_id)

    # --- pull ----------------------------------------------------------------------------

    def pull(self, session: Session, cursor: int, limit: int) -> PullResponse:
        with self._store.engine.connect() as conn:  # one connection for the whole answer
            rows = RowBatch(conn)  # read only
            who = self._identity(rows, session)
            scope = who.scope(rows)
            if scope.branch_id is None:
                seq = self._store.device_seq(session.device_id, conn)
                return PullResponse(cursor=cursor, more=False, device_seq=seq)
            logged, upto = self._store.changes_after(
                scope.branch_id, cursor, limit, SHARED_TABLES,
                owner_id=None if scope.staff else (scope.user_id or "-"),
                villages=sorted(scope.villages), exclude_device=session.device_id, conn=conn,
            )  # fmt: skip
            # read after the page: every change of this device the page passed over is counted
            device_seq = self._store.device_seq(session.device_id, conn)
        full = len(logged) == limit
        # the query filters by the same rule; every change handed out passes it here too
        logged = [c for c in logged if scope.reads(c.table, c.branch_id, c.village_id, c.owner_id)]
        answer = PullResponse.of(logged, cursor=upto, more=full)
        answer.device_seq = device_seq
        return answer

    # --- bundles (no signal at all) -----------------------------------------------------

    def import_bundle(
        self, data: bytes, operator: Session | None = None, address: str | None = None
    ) -> tuple[bytes, str]:
        """Applies a laptop's bundle exactly like its push, then answers with its pull.
        `operator`: the staff member importing it over HTTP (None: the server's own console).
        The bundle's device must be its account's, as at sign-in (bound by its first bundle
        if it never signed in). Returns (answer bundle, a one-line summary)."""
        raw, public_key = unpack(data, "changes")
        try:
            body = ChangesBundle.model_validate(raw)
        except ValidationError as exc:
            raise SyncRefused(
                "Isi bundel rusak: ada perubahan yang tidak terbaca. Buat bundel lagi di laptop.",
                400,
            ) from exc
        account = self._store.account(body.username)
        if account is None or not account.active:
            raise SyncRefused(f"Akun {body.username} tidak ada atau tidak aktif.", 403)
        if operator is not None and (
            operator.account.role != "staff" or operator.account.branch_code != account.branch_code
        ):
            self._accounts.audit("forbidden", operator.account.username, None, address,
                                 f"impor bundel akun {account.username}")  # fmt: skip
            raise SyncRefused("Hanya staf cabang itu sendiri yang mengimpor bundel agennya.", 403)
        device_id = body.device_id
        self._accounts.claim_device(account, device_id, body.device_name, address)
        if not public_key or not self._store.device_key(device_id, public_key):
            raise SyncRefused(
                "Bundel ini ditandatangani kunci yang berbeda dari yang dikenal untuk perangkat "
                "ini: bukan dari laptop itu, atau laptopnya dipasang ulang. Periksa ke agennya.",
                403,
            )
        session = Session(account, device_id, body.device_name)
        changes = body.changes
        results: list[ChangeResult] = []
        for start in range(0, len(changes), MAX_PUSH_BATCH):
            results += self.push_changes(session, changes[start : start + MAX_PUSH_BATCH])
        cursor = body.cursor
        pulled: list[dict[str, Any]] = []
        while True:
            page = self.pull(session, cursor, PULL_PAGE)
            pulled += page.decoded()
            cursor = page.cursor
            if not page.more:
                break
        device_seq = page.device_seq
        private_key, _public = self._store.signing_key(new_signing_key)
        answer = pack_signed({
            "kind": "answer", "device_id": device_id,
            "results": [result.model_dump() for result in results],
            "changes": pulled, "cursor": cursor, "device_seq": device_seq,
        }, private_key)  # fmt: skip
        rejected = sum(result.status == "rejected" for result in results)
        reused = sum(result.status == "seq_reused" for result in results)
        summary = (
            f"{len(results)} perubahan dari {session.device_name} ({account.username}): "
            f"{len(results) - rejected - reused} diterima, {rejected} ditolak; "
            f"{len(pulled)} dikirim balik."
        )
        if reused:  # the laptop makes itself a new device when it takes the answer in
            summary += (
                f" {reused} bernomor ganda (laptop dipulihkan dari cadangan atau disalin): "
                "dikirim lagi sebagai perangkat baru dengan bundel berikutnya."
            )
        return answer, summary


def seq_reused(held: tuple[str, str, str], change: Change) -> bool:
    """Whether the change the server holds under this (device, seq), as (table, row id,
    hlc), is another change than the one sent now: the sender went back in time (a restored
    backup, a copied database) and numbered new work with seqs it had already used."""
    return held != (change.table, change.row_id, change.hlc)

"""The branch's duplicate-review desk on the server: compare two records of one NIK, keep one.

Two agents who enrol the same person offline both keep their work until the branch decides
(the server opens a review instead of merging silently). Resolving keeps one record and
retires the other into it, as ordinary changes the server itself makes and numbers, so every
laptop in scope (both agents, the staff) receives the outcome on its next pull, by network or
by bundle, exactly like anyone's edit:
- the retired record gets `merged_into` = the kept one and is deleted (a tombstone); its
  receipts are never edited, they keep its id and count for the kept record through the link;
- its heirs move to the kept record;
- fields the kept record left empty (a phone number, an address) are filled from the retired one.
The server's changes carry a clock later than every write they touch, so they win the merge.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection

from outreach_app.domain.hlc import HybridClock, Timestamp
from outreach_app.domain.synced_tables import natural_key
from outreach_app.domain.versions import hlc_of, version
from outreach_app.server.store import reviews as queue
from outreach_app.server.store.store import ServerStore, Session, StoredRecord
from outreach_app.server.sync_server import SyncRefused
from outreach_app.sync.protocol import DuplicateReview, ResolveResponse, ReviewedRecord

# What the kept record takes from the retired one when it has nothing there itself.
FILLABLE = (
    "birth_place", "birth_date", "sex", "address", "postal_code", "phone", "email",
    "occupation", "work_location", "mothers_maiden_name", "kpj", "payer_id",
)  # fmt: skip


def _wall_ms() -> int:
    return int(time.time() * 1000)


class DuplicateReviews:
    def __init__(self, store: ServerStore) -> None:
        self._store = store

    def open_reviews(self, session: Session) -> list[DuplicateReview]:
        """The branch's open reviews, each with both records as the server holds them."""
        _staff_only(session)
        with self._store.engine.connect() as conn:
            branch_id = self._branch_id(conn, session)
            return [
                self._described(conn, row, branch_id)
                for row in queue.branch_reviews(conn, branch_id)
            ]

    def resolve(self, session: Session, review_id: int, keep_row_id: str) -> ResolveResponse:
        _staff_only(session)
        code = session.account.branch_code
        with self._store.transaction(branch_lock=code) as conn:
            row = queue.review(conn, review_id)
            branch_id = self._branch_id(conn, session)
            if row is None or row.branch_id != branch_id:
                raise SyncRefused(f"Pemeriksaan duplikat {review_id} tidak ada.", 404)
            pair = (row.first_row_id, row.second_row_id)
            if keep_row_id not in pair:
                raise SyncRefused("Pilih salah satu dari dua data pasangan ini.", 400)
            if row.status != "open":
                if row.kept_row_id == keep_row_id:  # the same answer sent again
                    return ResolveResponse(review=self._described(conn, row, branch_id), changes=0)
                raise SyncRefused("Pemeriksaan ini sudah diputuskan dengan pilihan lain.", 409)
            retired_id = pair[1] if keep_row_id == pair[0] else pair[0]
            kept = self._store.record(conn, "participants", keep_row_id)
            retired = self._store.record(conn, "participants", retired_id)
            if kept is None or retired is None or kept.data.get("deleted"):
                raise SyncRefused("Data yang dipertahankan sudah dihapus; pilih yang lain.", 409)
            if kept.branch_id != branch_id or retired.branch_id != branch_id:
                raise SyncRefused(
                    "Salah satu data pasangan ini milik kantor cabang lain: cabang itu yang "
                    "memutuskannya.",
                    403,
                )
            writer = _ServerWriter(self._store, conn, session, code)
            writer.write(retired, {"merged_into": kept.row_id, "deleted": 1})
            for heir in self._store.records_by_key(conn, "heirs", retired.row_id):
                if not heir.data.get("deleted"):
                    writer.write(heir, {"participant_id": kept.row_id}, scope=kept)
            filled = {
                name: retired.data[name]
                for name in FILLABLE
                if _empty(kept.data.get(name)) and not _empty(retired.data.get(name))
            }
            if filled:
                writer.write(kept, filled)
            queue.close_reviews(conn, retired.row_id, kept.row_id)
            closed = queue.review(conn, review_id)
            assert closed is not None  # read back inside the same transaction
            return ResolveResponse(
                review=self._described(conn, closed, branch_id), changes=writer.count
            )

    # --- reading ---------------------------------------------------------------------------

    def _branch_id(self, conn: Connection, session: Session) -> str:
        found = self._store.records_by_key(conn, "branches", session.account.branch_code)
        if not found:
            raise SyncRefused("Kantor cabang akun ini belum ada di server.", 404)
        return found[0].row_id

    def _described(self, conn: Connection, row: queue.ReviewRow, branch_id: str) -> DuplicateReview:
        return DuplicateReview(
            id=row.id, nik=row.nik, first_row_id=row.first_row_id,
            second_row_id=row.second_row_id, status=row.status,  # type: ignore[arg-type]
            kept_row_id=row.kept_row_id, created_at=row.created_at, resolved_at=row.resolved_at,
            records=[
                record
                for row_id in (row.first_row_id, row.second_row_id)
                if (record := self._reviewed(conn, row_id, branch_id)) is not None
            ],
        )  # fmt: skip

    def _reviewed(self, conn: Connection, row_id: str, branch_id: str) -> ReviewedRecord | None:
        """A record as staff of `branch_id` may see it: another branch's record is named by
        its id only (the same NIK is known there), never shown."""
        person = self._store.record(conn, "participants", row_id)
        if person is None:
            return None
        if person.branch_id != branch_id:
            return ReviewedRecord(row_id=row_id, fields={})
        village = self._store.record(conn, "villages", str(person.data.get("village_id")))
        agent = self._store.record(conn, "users", str(person.data.get("agent_id")))
        receipts = [
            payment.data
            for payment in self._store.records_by_key(conn, "payments", row_id)
            if not payment.data.get("voided") and not payment.data.get("deleted")
        ]
        heirs = [
            heir
            for heir in self._store.records_by_key(conn, "heirs", row_id)
            if not heir.data.get("deleted")
        ]
        return ReviewedRecord(
            row_id=row_id, fields=person.data,
            village=village.data.get("name") if village else None,
            agent=(agent.data.get("full_name") or agent.data.get("username")) if agent else None,
            receipts=len(receipts), paid_total=sum(int(r.get("total") or 0) for r in receipts),
            heirs=len(heirs), retired=bool(person.data.get("merged_into")),
        )  # fmt: skip


class _ServerWriter:
    """Writes the server's own changes: numbered under the branch's server device, logged like
    a laptop's so pulls carry them, stamped later than every version of the rows touched."""

    def __init__(self, store: ServerStore, conn: Connection, session: Session, code: str) -> None:
        self._store, self._conn, self._session = store, conn, session
        self.device_id = queue.server_device(code)
        self._seq = queue.next_seq(conn, self.device_id)
        self._clock = HybridClock(_wall_ms)
        self.count = 0

    def write(
        self, record: StoredRecord, fields: dict[str, Any], scope: StoredRecord | None = None
    ) -> None:
        """`scope`: the record whose branch, village and owner this one now follows (a heir
        moved to the kept participant is seen by whoever sees that participant)."""
        store, conn = self._store, self._conn
        versions = store.versions(conn, record.table, record.row_id)
        for seen in versions.values():
            self._clock.observe(Timestamp.decode(hlc_of(seen)))
        hlc = self._clock.tick().encode()
        data = {**record.data, **fields}
        where = scope or record
        updated = StoredRecord(
            record.table, record.row_id, data, where.branch_id, where.village_id, where.owner_id
        )
        stamp = version(hlc, self.device_id)
        store.save_record(
            conn, updated, dict.fromkeys(fields, stamp), natural_key(record.table, data)
        )
        change = {
            "device_id": self.device_id, "seq": self._seq, "table": record.table,
            "row_id": record.row_id, "op": "update", "fields": fields, "hlc": hlc,
        }  # fmt: skip
        store.log_change(conn, change, self._session.account.id, updated)
        self._seq += 1
        self.count += 1


def _staff_only(session: Session) -> None:
    if session.account.role != "staff":
        raise SyncRefused("Hanya staf cabang yang memeriksa data duplikat.", 403)


def _empty(value: Any) -> bool:
    return value is None or value == ""

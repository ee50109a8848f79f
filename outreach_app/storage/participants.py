"""Participants and their heirs. The NIK is unique among live records, enforced by an index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from outreach_app.domain.models import Heir, Participant, ParticipantStatus
from outreach_app.storage.errors import DuplicateNik
from outreach_app.storage.repository import SyncedRepository


class HeirRepository(SyncedRepository[Heir]):
    table, record_type, label = "heirs", Heir, "Ahli waris"

    def of_participant(self, participant_id: str) -> list[Heir]:
        return self._where("participant_id = ?", [participant_id])


@dataclass(frozen=True, slots=True)
class ParticipantFilter:
    """What the participant list can be narrowed by; empty fields do not filter."""

    text: str = ""  # a NIK prefix (digits) or part of a name
    village_id: str | None = None
    status: ParticipantStatus | None = None
    payer_id: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        clauses, params = ["deleted = 0"], []
        text = self.text.strip()
        if text.isdigit():
            clauses.append("nik >= ? AND nik < ?")
            params += [text, text + ":"]  # ':' sorts right after '9': a prefix range on the index
        elif text:
            clauses.append("full_name LIKE ? ESCAPE '\\'")
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
        for column, value in (
            ("village_id", self.village_id),
            ("status", self.status.value if self.status else None),
            ("payer_id", self.payer_id),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        return " AND ".join(clauses), params


class ParticipantRepository(SyncedRepository[Participant]):
    table, record_type, label = "participants", Participant, "Peserta"

    def __init__(self, db: Any, writer: Any, heirs: HeirRepository) -> None:
        super().__init__(db, writer)
        self._heirs = heirs

    def with_heirs(self, participant: Participant) -> Participant:
        return replace(participant, heirs=tuple(self._heirs.of_participant(participant.stamp.id)))

    def by_nik(self, nik: str) -> Participant | None:
        found = self._where("nik = ?", [nik])
        return found[0] if found else None

    def add(self, record: Participant) -> str:
        """Stores the participant and its heirs together; a live duplicate NIK is refused."""
        with self._db.atomic():
            if record.nik:
                existing = self.by_nik(record.nik)
                if existing is not None:
                    raise DuplicateNik(record.nik, existing.stamp.id)
            try:
                participant_id = super().add(record)
            except sqlite3.IntegrityError as exc:
                if record.nik and "nik" in str(exc).lower():
                    existing = self.by_nik(record.nik)
                    raise DuplicateNik(record.nik, existing.stamp.id if existing else "") from exc
                raise
            for heir in record.heirs:
                self._heirs.add(heir)
        return participant_id

    def add_many(self, records: Iterable[Participant]) -> list[str]:
        """Bulk path for imports and demo data; heirs are added separately by the caller."""
        try:
            return super().add_many(records)
        except sqlite3.IntegrityError as exc:
            if "nik" in str(exc).lower():
                raise DuplicateNik("?", "") from exc
            raise

    def niks(self) -> Iterator[str]:
        """Every live NIK, streamed: 200k of them fit easily in a set, not in a list of records."""
        cursor = self._db.execute(
            "SELECT nik FROM participants WHERE deleted = 0 AND nik IS NOT NULL"
        )
        for (nik,) in cursor:
            yield nik

    def count_where(self, filters: ParticipantFilter) -> int:
        where, params = filters.sql()
        return int(
            self._db.execute(f"SELECT count(*) FROM participants WHERE {where}", params).fetchone()[
                0
            ]
        )

    def page(
        self, filters: ParticipantFilter, offset: int, limit: int, order_by: str = "full_name"
    ) -> list[Participant]:
        """One page of a filtered list, for lazy table models that never load everything."""
        if order_by not in {"full_name", "nik", "registered_on", "rowid"}:
            raise ValueError(f"cannot order participants by {order_by!r}")
        where, params = filters.sql()
        return [
            self._record(row)
            for row in self._rows(
                f"SELECT * FROM participants WHERE {where} ORDER BY {order_by}, id "
                "LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        ]

    def count_by_village(self) -> dict[str, int]:
        """Registered participants per village, for coverage against the village targets."""
        cursor = self._db.execute(
            "SELECT village_id, count(*) FROM participants WHERE deleted = 0 "
            "AND status != 'draft' AND village_id IS NOT NULL GROUP BY village_id"
        )
        return {village_id: int(n) for village_id, n in cursor.fetchall()}

"""Participants and their heirs. The NIK is unique among live records, enforced by an index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from outreach_app.domain.models import Heir, Participant
from outreach_app.storage.errors import INTEGRITY_ERRORS, DuplicateNik
from outreach_app.storage.repository import SyncedRepository

_CHUNK = 500  # parameters per IN (...) query, well under SQLite's limit


class HeirRepository(SyncedRepository[Heir]):
    table, record_type, label = "heirs", Heir, "Ahli waris"

    def of_participant(self, participant_id: str) -> list[Heir]:
        return self._where("participant_id = ?", [participant_id])


class ParticipantRepository(SyncedRepository[Participant]):
    table, record_type, label = "participants", Participant, "Peserta"

    def __init__(self, db: Any, writer: Any, heirs: HeirRepository) -> None:
        super().__init__(db, writer)
        self._heirs = heirs

    def with_heirs(self, participant: Participant) -> Participant:
        return replace(participant, heirs=tuple(self._heirs.of_participant(participant.stamp.id)))

    def merged_away(self, limit: int = 200) -> list[tuple[Participant, Participant | None]]:
        """Records the branch's duplicate review retired here, newest first, each with the
        record kept instead (None when that one is outside this laptop's scope)."""
        rows = self._rows(
            "SELECT * FROM participants WHERE merged_into IS NOT NULL "
            "ORDER BY updated_hlc DESC LIMIT ?",
            [limit],
        )
        retired = [self._record(row) for row in rows]
        return [(record, self.find(str(record.merged_into))) for record in retired]

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
            except INTEGRITY_ERRORS as exc:
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
        except INTEGRITY_ERRORS as exc:
            if "nik" in str(exc).lower():
                raise DuplicateNik("?", "") from exc
            raise

    def by_niks(self, niks: Iterable[str]) -> dict[str, Participant]:
        """The live participants holding any of these NIKs (an import's NIKs against the
        database in a few queries, not one per row)."""
        wanted = list(dict.fromkeys(niks))
        found: dict[str, Participant] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for record in self._where(f"nik IN ({marks})", chunk):
                found[str(record.nik)] = record
        return found

    def many(self, ids: Iterable[str]) -> dict[str, Participant]:
        """Participants by id, retired (merged) ones included: a receipt names whom it was
        written for even after the branch merged that record into another."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Participant] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._rows(f"SELECT * FROM participants WHERE id IN ({marks})", chunk)
            found.update((row["id"], self._record(row)) for row in rows)
        return found

    def niks(self) -> Iterator[str]:
        """Every live NIK, streamed: 200k of them fit easily in a set, not in a list of records."""
        cursor = self._db.execute(
            "SELECT nik FROM participants WHERE deleted = 0 AND nik IS NOT NULL"
        )
        for (nik,) in cursor:
            yield nik

    def of_payer(self, payer_id: str) -> list[Participant]:
        """Registered participants a collective payer pays for (drafts cannot pay yet)."""
        return self._where(
            "payer_id = ? AND status != 'draft'", [payer_id], order_by="full_name COLLATE NOCASE"
        )

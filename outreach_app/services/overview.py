"""Read-side use cases for the desktop app: the participant list in pages, coverage by village."""

from __future__ import annotations

from dataclasses import dataclass

from outreach_app.domain.models import Participant, Village
from outreach_app.storage.participants import ParticipantFilter
from outreach_app.storage.store import Store


@dataclass(frozen=True, slots=True)
class VillageCoverage:
    village: Village
    registered: int

    @property
    def percent_of_target(self) -> int:
        target = self.village.target_participants
        return 0 if target == 0 else self.registered * 100 // target


@dataclass(frozen=True, slots=True)
class Totals:
    participants: int
    villages: int
    receipts: int
    pending_changes: int


class Overview:
    def __init__(self, store: Store) -> None:
        self._store = store

    def totals(self) -> Totals:
        store = self._store
        return Totals(
            participants=store.participants.count(),
            villages=store.villages.count(),
            receipts=store.payments.count(),
            pending_changes=store.pending_changes(),
        )

    def coverage_by_village(self) -> list[VillageCoverage]:
        counts = self._store.participants.count_by_village()
        return [
            VillageCoverage(village, counts.get(village.stamp.id, 0))
            for village in self._store.villages.all()
        ]

    def count_participants(self, filters: ParticipantFilter) -> int:
        return self._store.participants.count_where(filters)

    def participants_page(
        self, filters: ParticipantFilter, offset: int, limit: int
    ) -> list[Participant]:
        return self._store.participants.page(filters, offset, limit)

    def village_names(self) -> dict[str, str]:
        return {v.stamp.id: v.name for v in self._store.villages.all()}

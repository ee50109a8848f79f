"""Duplicate NIKs as the laptop sees them: the branch's review queue (staff) and the outcome.

Staff compare the two records the server holds (one of them may be held on their own laptop,
unapplied, until the review is decided) and keep one; the server retires the other into it.
The decision reaches every laptop, both agents' included, as ordinary pulled changes, so a
sync right after resolving brings it to this laptop, and the records it had held apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from outreach_app.domain.models import Participant
from outreach_app.services.sync import SyncReport, SyncService
from outreach_app.sync.protocol import DuplicateReview


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """A record of this laptop the branch retired, and the one it kept (None: out of scope)."""

    retired: Participant
    kept: Participant | None


class DuplicateDesk:
    def __init__(self, sync: SyncService) -> None:
        self._sync = sync

    def open_reviews(self) -> list[DuplicateReview]:
        """Needs the server: the queue lives there (SyncUnavailable without a signal)."""
        with self._sync.connect() as client:
            return client.duplicate_reviews()

    def resolve(self, review_id: int, keep_row_id: str) -> SyncReport:
        """Keeps one record, then syncs so this laptop has the outcome at once."""
        with self._sync.connect() as client:
            client.resolve_review(review_id, keep_row_id)
        return self._sync.sync()

    def outcomes(self) -> list[MergeOutcome]:
        """What the branch decided about records on this laptop, newest first."""
        return [
            MergeOutcome(retired, kept)
            for retired, kept in self._sync.store.participants.merged_away()
        ]

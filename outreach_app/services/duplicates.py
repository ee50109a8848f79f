"""Duplicate NIKs as the laptop sees them: the branch's review queue (staff) and the outcome.

Staff compare the two records the server holds (one of them may be held on their own laptop,
unapplied, until the review is decided) and keep one; the server retires the other into it.
The decision reaches every laptop, both agents' included, as ordinary pulled changes, so a
sync right after resolving brings it to this laptop, and the records it had held apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from outreach_app.domain.models import Participant, Role
from outreach_app.services.sync import SyncReport, SyncService
from outreach_app.storage.errors import NotFound

if TYPE_CHECKING:  # httpx and pydantic load with the first sync, not with the window
    from outreach_app.sync.client import SyncClient
    from outreach_app.sync.protocol import DuplicateReview, ResolveResponse


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """A record of this laptop the branch retired, and the one it kept (None: out of scope)."""

    retired: Participant
    kept: Participant | None


class ReviewQueue:
    """The branch's queue on the server: network only, no database, so a worker thread may
    use it. Close it when done."""

    def __init__(self, client: SyncClient) -> None:
        self._client = client

    def open_reviews(self) -> list[DuplicateReview]:
        """Needs the server: SyncUnavailable without a signal, SyncDenied for an agent."""
        return self._client.duplicate_reviews()

    def resolve(self, review_id: int, keep_row_id: str) -> ResolveResponse:
        return self._client.resolve_review(review_id, keep_row_id)

    def close(self) -> None:
        self._client.close()


class DuplicateDesk:
    def __init__(self, sync: SyncService) -> None:
        self._sync = sync

    def queue(self) -> ReviewQueue:
        """The server's queue for the account this laptop signed in with (NotSignedIn if none)."""
        return ReviewQueue(self._sync.connect())

    def open_reviews(self) -> list[DuplicateReview]:
        queue = self.queue()
        try:
            return queue.open_reviews()
        finally:
            queue.close()

    def resolve(self, review_id: int, keep_row_id: str) -> SyncReport:
        """Keeps one record, then syncs so this laptop has the outcome at once."""
        queue = self.queue()
        try:
            queue.resolve(review_id, keep_row_id)
        finally:
            queue.close()
        return self._sync.sync()

    def outcomes(self) -> list[MergeOutcome]:
        """What the branch decided about records on this laptop, newest first."""
        return [
            MergeOutcome(retired, kept)
            for retired, kept in self._sync.store.participants.merged_away()
        ]

    def reviewer(self) -> bool:
        """Whether the user this laptop signed in as is branch staff (who decide reviews)."""
        username = self._sync.username()
        if not username:
            return False
        try:
            return self._sync.store.users.by_username(username).role is Role.STAFF
        except NotFound:
            return False

"""The participant directory: the list (searched and filtered, a page at a time) and one
participant's whole record for the detail panel.

List queries go through the store's per-thread read-only connection, so the desktop app can
run them on a worker thread while the GUI thread keeps writing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from outreach_app.domain.coverage import Coverage, coverage_of_run
from outreach_app.domain.double_payments import DoublePayment
from outreach_app.domain.models import Participant, Payer, Payment, Village
from outreach_app.reference.holidays import days_off
from outreach_app.services.double_payments import DoublePaymentService
from outreach_app.storage.participant_list import ParticipantFilter, ParticipantListing
from outreach_app.storage.store import Store

# The list counts exactly up to here and says "more than" beyond: an exact count of 65.000
# one-letter matches costs a full scan at every keystroke and tells the agent nothing more.
LIST_COUNT_CAP = 10_000

__all__ = [
    "LIST_COUNT_CAP",
    "ParticipantDetail",
    "ParticipantDirectory",
    "ParticipantFilter",
    "ParticipantListing",
]


@dataclass(frozen=True, slots=True)
class ParticipantDetail:
    participant: Participant  # with heirs
    village: Village | None
    payer: Payer | None
    payments: tuple[Payment, ...]
    coverage: Coverage
    # receipts repeating months another live receipt pays (two laptops offline), until staff
    # settle them; and the credit the next payment will use
    double_payments: tuple[DoublePayment, ...] = ()
    credit: int = 0


class ParticipantDirectory:
    def __init__(self, store: Store, today: Callable[[], dt.date]) -> None:
        self._store = store
        self._today = today

    def today(self) -> dt.date:
        return self._today()

    def count(self, filters: ParticipantFilter, cap: int | None = None) -> int:
        """Safe on any thread. With `cap`, a result of cap + 1 means "more than cap"."""
        today = self._today()
        return self._store.reader().participant_list.count(
            filters, today, cap, days_off=days_off(today)
        )

    def page(
        self, filters: ParticipantFilter, limit: int, after: ParticipantListing | None = None
    ) -> list[ParticipantListing]:
        """Safe on any thread."""
        today = self._today()
        return self._store.reader().participant_list.page(
            filters, today, limit, after, days_off=days_off(today)
        )

    def detail(self, participant_id: str) -> ParticipantDetail:
        store = self._store
        participant = store.participants.with_heirs(store.participants.get(participant_id))
        run = store.payments.coverage_run(participant_id)
        doubles = DoublePaymentService(store)
        return ParticipantDetail(
            participant=participant,
            village=store.villages.find(participant.village_id) if participant.village_id else None,
            payer=store.payers.find(participant.payer_id) if participant.payer_id else None,
            payments=tuple(store.payments.of_participant(participant_id)),
            coverage=coverage_of_run(
                participant.status, run, self._today(), days_off(self._today())
            ),
            double_payments=tuple(doubles.of_participant(participant_id)),
            credit=doubles.credit_of(participant_id),
        )

    def villages(self) -> list[Village]:
        return sorted(self._store.villages.all(), key=lambda v: (v.regency, v.district, v.name))

    def payers(self) -> list[Payer]:
        return sorted(self._store.payers.all(), key=lambda p: p.name)

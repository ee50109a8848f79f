"""Printing a village's premium reminder list: read here (on the GUI thread, through the
repositories), drawn by documents/reminder_list.py (on the worker thread)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from outreach_app.documents.reminder_list import ReminderListContent, ReminderRow
from outreach_app.domain.months import add_months, month_end, month_start, months_between
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.holidays import days_off, next_due_date
from outreach_app.services.payments import PaymentService
from outreach_app.services.print_output import NothingToPrint
from outreach_app.storage.dashboard import DashboardQueries
from outreach_app.storage.participant_list import ParticipantListing
from outreach_app.storage.store import Store

ALL_PEOPLE = 100_000  # a village is never this large: the printed list leaves nobody out


class ReminderListPrinter:
    def __init__(self, store: Store, schedule: RateSchedule, today: Callable[[], dt.date]) -> None:
        self._store = store
        self._payments = PaymentService(store, schedule)
        self._today = today

    def content(self, village_id: str) -> ReminderListContent:
        store = self._store
        village = store.villages.find(village_id)
        if village is None:
            raise NothingToPrint("Desa ini tidak ada di basis data ini.")
        day = self._today()
        due_date = next_due_date(day)
        found = DashboardQueries(store.db).renewal_list(
            village_id, day, month_end(due_date), ALL_PEOPLE, days_off(day)
        )
        due, grace, lapsed = (tuple(people) for people in found.values())
        if not (due or grace or lapsed):
            raise NothingToPrint(
                f"Tidak ada peserta di {village.name} yang jatuh tempo, dalam masa tenggang "
                "atau berhenti: tidak ada yang perlu diingatkan."
            )
        branch = store.branches.find(village.branch_id)
        return ReminderListContent(
            village=village,
            branch_name=branch.name if branch else "",
            printed_on=day,
            due_date=due_date,
            due=tuple(self._owed(p, due_date) for p in due),
            grace=tuple(self._owed(p, due_date) for p in grace),
            lapsed=tuple(self._lapsed(p) for p in lapsed),
        )

    def _owed(self, listing: ParticipantListing, due_date: dt.date) -> ReminderRow:
        """Every month from the first unpaid one to the month falling due, priced one by one
        (a relief may cover some months and not others)."""
        person, until = listing.participant, listing.coverage.paid_through
        due_month = month_start(due_date)
        first = due_month if until is None else add_months(month_start(until), 1)
        months = max(1, months_between(first, due_month) + 1)
        amount = sum(
            self._payments.quote(person, 1, add_months(first, offset)).total
            for offset in range(months)
        )
        return self._row(listing, months, amount)

    @staticmethod
    def _lapsed(listing: ParticipantListing) -> ReminderRow:
        return ReminderListPrinter._row(listing, listing.coverage.unpaid_months, None)

    @staticmethod
    def _row(listing: ParticipantListing, months: int, amount: int | None) -> ReminderRow:
        person = listing.participant
        return ReminderRow(
            name=person.full_name,
            nik=person.nik,
            address=person.address,
            phone=person.phone,
            paid_through=listing.coverage.paid_through,
            months_owed=months,
            amount=amount,
        )

"""Printing the lists: a collective payer's list and bill for a month, and a village visit report.

What goes on them is read here, through the repositories, and handed to documents/ as plain
content; the amounts come from the payment service's group quote, so the bill a payer signs is
exactly what `record_group` would then take (members whose month is paid already are listed as
paid and not billed again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from outreach_app.documents.payer_list import PayerListContent, PayerListRow, render_payer_list
from outreach_app.documents.visit_report import (
    VisitEnrolment,
    VisitPaymentLine,
    VisitReportContent,
    render_visit_report,
)
from outreach_app.domain.models import Participant, ParticipantStatus, VisitPlan
from outreach_app.domain.months import month_start
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.dates_text import month_span
from outreach_app.services.payments import PaymentService
from outreach_app.services.print_output import NothingToPrint
from outreach_app.storage.participant_list import ParticipantFilter
from outreach_app.storage.store import Store

Today = dt.date | Callable[[], dt.date]  # a fixed day (a test, a one-off print) or a clock
VILLAGE_PAGE = 500  # participants read per query while looking for a day's enrolments


def _day(today: Today) -> dt.date:
    return today if isinstance(today, dt.date) else today()


class PayerListPrinter:
    """The Daftar Peserta dan Tagihan Iuran Kolektif of one payer for one month, as PDF."""

    def __init__(
        self, store: Store, schedule: RateSchedule, today: Today, demo: bool = False
    ) -> None:
        self._store = store
        self._payments = PaymentService(store, schedule)
        self._today = today
        self._demo = demo

    def payer_list(self, payer_id: str, month: dt.date, months: int = 1) -> bytes:
        """The list for the month of `month` (any day in it); `months` bills several at once."""
        return render_payer_list(self.content(payer_id, month, months), demo=self._demo)

    def content(self, payer_id: str, month: dt.date, months: int = 1) -> PayerListContent:
        store = self._store
        payer = store.payers.find(payer_id)
        if payer is None:
            raise NothingToPrint(f"Pembayar kolektif {payer_id} tidak ada di basis data ini.")
        first = month_start(month)
        members = store.participants.of_payer(payer_id)
        if not members:
            raise NothingToPrint(f"{payer.name} belum membayari peserta terdaftar.")
        quote = self._payments.quote_group(payer_id, months, first)
        if not quote.lines:
            raise NothingToPrint(
                f"Iuran {month_span(first, first)} untuk semua {len(members)} peserta "
                f"{payer.name} sudah dibayar: tidak ada yang ditagih."
            )
        billed = {person.stamp.id: breakdown for person, breakdown in quote.lines}
        not_billed = {person.stamp.id: reason for person, reason in quote.refused}
        villages = _VillageNames(store)
        rows = []
        for person in members:
            breakdown = billed.get(person.stamp.id)
            if person.stamp.id in not_billed:  # the month-rule refused it: listed with why
                rows.append(
                    PayerListRow(
                        name=person.full_name,
                        nik=person.nik,
                        village=villages.name(person.village_id),
                        months=0,
                        amount=0,
                        not_billed=not_billed[person.stamp.id],
                    )
                )
            elif breakdown is None:  # quote_group found the month paid: listed, not billed
                rows.append(
                    PayerListRow(
                        name=person.full_name,
                        nik=person.nik,
                        village=villages.name(person.village_id),
                        months=0,
                        amount=0,
                        paid_receipt=self._receipt_paying(person, first),
                    )
                )
            else:
                rows.append(
                    PayerListRow(
                        name=person.full_name,
                        nik=person.nik,
                        village=villages.name(person.village_id),
                        months=breakdown.months,
                        amount=breakdown.total,
                    )
                )
        bases = dict.fromkeys(base for _, b in quote.lines for base in b.legal_bases)
        branch = store.branches.find(payer.branch_id)
        return PayerListContent(
            payer_name=payer.name,
            payer_type=payer.payer_type,
            branch_name=branch.name if branch else "",
            first_month=first,
            months=months,
            printed_on=_day(self._today),
            rows=tuple(rows),
            legal_bases=tuple(bases),
        )

    def _receipt_paying(self, person: Participant, month: dt.date) -> str:
        """The standing receipt that covers `month`, so the payer can see who paid it."""
        for payment in self._store.payments.of_participant(person.stamp.id):
            if not payment.voided and payment.period_start <= month <= payment.period_end:
                return payment.receipt_no
        return ""


class VisitReportPrinter:
    """The Laporan Kunjungan Desa of one visit, as PDF.

    A visit and an enrolment are not linked in the records, so "enrolled on this visit" means
    registered in the visit's village on the visit's day, and "paid on this visit" means the
    visiting agent's receipts that day for people of that village."""

    def __init__(self, store: Store, today: Today, demo: bool = False) -> None:
        self._store = store
        self._today = today
        self._demo = demo

    def visit_report(self, visit_id: str) -> bytes:
        return render_visit_report(self.content(visit_id), demo=self._demo)

    def content(self, visit_id: str) -> VisitReportContent:
        store = self._store
        visit = store.visits.find(visit_id)
        if visit is None:
            raise NothingToPrint("Kunjungan ini tidak ada di basis data ini (mungkin dihapus).")
        village = store.villages.find(visit.village_id)
        if village is None:
            raise NothingToPrint("Desa kunjungan ini tidak ada di basis data ini.")
        agent = store.users.find(visit.agent_id)
        branch = store.branches.find(village.branch_id)
        payer_names = {payer.stamp.id: payer.name for payer in store.payers.all()}
        enrolled = self._enrolled(visit)
        return VisitReportContent(
            visit=visit,
            village=village,
            agent_name=agent.full_name if agent else "",
            branch_name=branch.name if branch else "",
            printed_on=_day(self._today),
            enrolments=tuple(
                VisitEnrolment(
                    name=person.full_name,
                    nik=person.nik,
                    occupation=person.occupation,
                    payer=payer_names.get(person.payer_id or "", "Mandiri (peserta sendiri)"),
                )
                for person in enrolled
            ),
            payments=tuple(self._payments(visit)),
        )

    def enrolled(self, visit_id: str) -> list[Participant]:
        """Who the visit enrolled (registered in its village on its day)."""
        visit = self._store.visits.find(visit_id)
        if visit is None:
            raise NothingToPrint("Kunjungan ini tidak ada di basis data ini (mungkin dihapus).")
        return self._enrolled(visit)

    def _enrolled(self, visit: VisitPlan) -> list[Participant]:
        """Participants of the village registered on the visit's day, in name order."""
        people = self._store.participant_list
        wanted = ParticipantFilter(village_id=visit.village_id)
        day = _day(self._today)
        found: list[Participant] = []
        page = people.page(wanted, day, VILLAGE_PAGE)
        while page:
            found += [
                listing.participant
                for listing in page
                if listing.participant.registered_on == visit.visit_date
                and listing.participant.status is not ParticipantStatus.DRAFT
            ]
            page = people.page(wanted, day, VILLAGE_PAGE, after=page[-1])
        return found

    def _payments(self, visit: VisitPlan) -> list[VisitPaymentLine]:
        store = self._store
        lines = []
        people: dict[str, Participant | None] = {}
        for payment in store.payments.collected_on(visit.agent_id, visit.visit_date):
            if payment.participant_id not in people:
                people[payment.participant_id] = store.participants.find(payment.participant_id)
            person = people[payment.participant_id]
            if person is None or person.village_id != visit.village_id:
                continue
            lines.append(VisitPaymentLine(payment, person.full_name))
        return lines


class _VillageNames:
    """Village names by id, each read once: a payer's list names a few villages many times."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._names: dict[str, str] = {}

    def name(self, village_id: str | None) -> str:
        if village_id is None:
            return ""
        if village_id not in self._names:
            village = self._store.villages.find(village_id)
            self._names[village_id] = village.name if village else ""
        return self._names[village_id]

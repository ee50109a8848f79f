"""Printing the registration form (F1 BPU): pre-filled from the records, or blank.

The agent prints a participant's form to check every field with them and have it signed; the
premium on it is priced like the enrolment form's preview, from this month on, so the form says
what the participant will pay when they sign.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from outreach_app.documents.registration_form import (
    RegistrationFormContent,
    render_blank_form,
    render_registration_form,
)
from outreach_app.domain.errors import InvalidPremiumRequest
from outreach_app.domain.models import Participant, PayerType
from outreach_app.domain.premiums import PremiumBreakdown, PremiumRequest, calculate_premium
from outreach_app.domain.rates import RateSchedule
from outreach_app.services.print_output import NothingToPrint
from outreach_app.storage.store import Store

SELF_PAID = "Mandiri (peserta sendiri)"


class RegistrationFormPrinter:
    """Registration forms as PDF bytes, from this database. `demo` marks every page."""

    def __init__(
        self,
        store: Store,
        schedule: RateSchedule,
        today: Callable[[], dt.date],
        demo: bool = False,
    ) -> None:
        self._store = store
        self._schedule = schedule
        self._today = today
        self._demo = demo

    def participant_by_nik(self, nik: str) -> Participant:
        """The participant with this NIK (spaces typed in are ignored), or NothingToPrint."""
        typed = "".join(nik.split())
        person = self._store.participants.by_nik(typed) if typed else None
        if person is None:
            raise NothingToPrint(
                f"Tidak ada peserta dengan NIK {typed or nik!r} di basis data ini."
            )
        return person

    def participant(self, participant_id: str) -> Participant:
        person = self._store.participants.find(participant_id)
        if person is None:
            raise NothingToPrint(f"Peserta {participant_id} tidak ada di basis data ini.")
        return person

    def form_for_nik(self, nik: str) -> bytes:
        """The pre-filled form of the participant with this NIK."""
        person = self.participant_by_nik(nik)
        return render_registration_form(self.content(person), demo=self._demo)

    def form_for_participant(self, participant_id: str) -> bytes:
        person = self.participant(participant_id)
        return render_registration_form(self.content(person), demo=self._demo)

    def blank(self) -> bytes:
        return render_blank_form(demo=self._demo)

    def content(self, participant: Participant) -> RegistrationFormContent:
        """What the form prints about `participant`, read through the repositories."""
        store = self._store
        person = store.participants.with_heirs(participant)
        village = store.villages.find(person.village_id) if person.village_id else None
        payer = store.payers.find(person.payer_id) if person.payer_id else None
        agent = store.users.find(person.agent_id) if person.agent_id else None
        if payer is not None:
            payer_name, payer_type = payer.name, payer.payer_type
        elif person.payer_id:  # a payer this device has not received (yet)
            payer_name, payer_type = "Pembayar tidak ditemukan di perangkat ini", PayerType.SELF
        else:
            payer_name, payer_type = SELF_PAID, PayerType.SELF
        premium, problem = self._premium(person, payer_type)
        return RegistrationFormContent(
            participant=person,
            village=village.name if village else "",
            district=village.district if village else "",
            regency=village.regency if village else "",
            province=village.province if village else "",
            payer=payer_name,
            payer_type=payer_type,
            agent_name=agent.full_name if agent else "",
            premium=premium,
            premium_problem=problem,
            printed_on=self._today(),
        )

    def _premium(
        self, person: Participant, payer: PayerType
    ) -> tuple[PremiumBreakdown | None, str]:
        """Priced as the enrolment form previews it, from this month; a draft with no income
        or period yet gets no premium and the reason, rather than no form."""
        request = PremiumRequest(
            declared_income=person.declared_income,
            months=person.payment_months,
            first_month=self._today(),
            include_jht=person.include_jht,
            payer=payer,
            sector=person.sector,
        )
        try:
            return calculate_premium(self._schedule, request), ""
        except InvalidPremiumRequest as exc:
            return None, str(exc).rstrip(".")

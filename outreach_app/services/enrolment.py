"""Enrolment: check a NIK, keep a draft, register a participant with everything it needs.

A draft can always be saved, whatever state it is in, so nothing typed in a village is lost.
Registering applies every rule (valid NIK, age under 65, village, income, period) and records
the change and an audit entry in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from outreach_app.domain.models import (
    Participant,
    ParticipantStatus,
    PayerType,
    Sector,
    Sex,
    User,
)
from outreach_app.domain.nik import NikInfo, RegionLookup, disagreements, parse_nik
from outreach_app.domain.premiums import (
    PremiumBreakdown,
    PremiumRequest,
    calculate_premium,
)
from outreach_app.domain.rates import RateSchedule
from outreach_app.domain.registration import (
    refuse,
    refuse_invalid_nik,
    registration_problems,
)
from outreach_app.storage.errors import DuplicateNik
from outreach_app.storage.store import Store


@dataclass(frozen=True, slots=True)
class NikCheck:
    """What the enrolment form shows next to the NIK field."""

    info: NikInfo
    existing: Participant | None  # a live participant with this NIK already
    warnings: tuple[str, ...]


class EnrolmentService:
    def __init__(
        self,
        store: Store,
        schedule: RateSchedule,
        regions: RegionLookup,
        today: Callable[[], dt.date],
    ) -> None:
        self._store = store
        self._schedule = schedule
        self._regions = regions
        self._today = today

    def check_nik(
        self,
        text: str,
        typed_birth_date: dt.date | None = None,
        typed_sex: Sex | None = None,
    ) -> NikCheck:
        info = parse_nik(text, self._regions, today=self._today())
        existing = self._store.participants.by_nik(info.nik) if info.valid else None
        return NikCheck(
            info=info,
            existing=existing,
            warnings=info.warnings + disagreements(info, typed_birth_date, typed_sex),
        )

    def preview(
        self,
        declared_income: int,
        months: int,
        include_jht: bool,
        payer_id: str | None,
        sector: Sector,
    ) -> PremiumBreakdown:
        """The premium the form shows while it is filled in, from this month on."""
        payer = PayerType.SELF if payer_id is None else self._store.payers.get(payer_id).payer_type
        return calculate_premium(
            self._schedule,
            PremiumRequest(
                declared_income=declared_income,
                months=months,
                first_month=self._today(),
                include_jht=include_jht,
                payer=payer,
                sector=sector,
            ),
        )

    def periods(self) -> tuple[int, ...]:
        return self._schedule.contribution_for(self._today()).periods

    def today(self) -> dt.date:
        return self._today()

    def save_draft(self, participant: Participant, actor: User) -> str:
        """Stores whatever was typed as a draft (a new record or an update of a draft)."""
        typed = (participant.nik or participant.nik_typed or "").strip()
        info = parse_nik(typed, today=self._today()) if typed else None
        valid = info is not None and info.valid
        draft = replace(
            participant,
            status=ParticipantStatus.DRAFT,
            nik=info.nik if valid and info else None,
            nik_typed="" if valid else typed,
        )
        return self._save(draft, actor, "draft")

    def register(self, participant: Participant, actor: User) -> tuple[str, tuple[str, ...]]:
        """Registers after every rule passes; returns the id and warnings to show the agent."""
        check = self._validate(participant)
        today = self._today()
        rule = self._schedule.contribution_for(today)
        registered = replace(
            participant,
            nik=check.info.nik,
            nik_typed="",
            status=ParticipantStatus.REGISTERED,
            base_income=rule.base_income(participant.declared_income),
            registered_on=participant.registered_on or today,
            agent_id=participant.agent_id or actor.stamp.id,
        )
        return self._save(registered, actor, "register"), check.warnings

    def _replace_heirs(self, participant: Participant) -> None:
        """Heirs as the form now lists them: new ones added, removed ones tombstoned."""
        heirs = self._store.heirs
        kept = {heir.stamp.id: heir for heir in participant.heirs}
        for old in heirs.of_participant(participant.stamp.id):
            if old.stamp.id not in kept:
                heirs.delete(old.stamp.id)
            else:
                new = kept.pop(old.stamp.id)
                heirs.update(
                    old.stamp.id,
                    full_name=new.full_name,
                    relationship=new.relationship,
                    birth_date=new.birth_date,
                    nik=new.nik,
                )
        for heir in kept.values():
            heirs.add(replace(heir, participant_id=participant.stamp.id))

    def _validate(self, participant: Participant) -> NikCheck:
        check = self.check_nik(
            participant.nik or participant.nik_typed, participant.birth_date, participant.sex
        )
        today = self._today()
        periods = self._schedule.contribution_for(today).periods
        problems = registration_problems(participant, check.info, periods, today)
        refuse_invalid_nik(problems)
        if check.existing is not None and check.existing.stamp.id != participant.stamp.id:
            raise DuplicateNik(check.info.nik, check.existing.stamp.id)
        refuse(problems)
        self._store.villages.get(participant.village_id or "")
        return check

    def _save(self, participant: Participant, actor: User, action: str) -> str:
        store = self._store
        with store.transaction():
            if store.participants.find(participant.stamp.id) is None:
                participant_id = store.participants.add(participant)
            else:
                participant_id = participant.stamp.id
                changes = {
                    name: getattr(participant, name)
                    for name in participant.__dataclass_fields__
                    if name not in ("stamp", "heirs")
                }
                store.participants.update(participant_id, **changes)
                self._replace_heirs(participant)
            store.audit.record(store.now(), actor.username, action, "participants", participant_id)
        return participant_id

"""Records for tests: one complete, valid participant to vary with `changes`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from outreach_app.domain.models import (
    MembershipType,
    Participant,
    ParticipantStatus,
    Sector,
    Segment,
    Sex,
    SyncStamp,
)


def make_participant(village_id: str | None, **changes: object) -> Participant:
    """A fisherman from Wowonda (Tanimbar Selatan) whose NIK matches his birth date and sex."""
    person = Participant(
        stamp=SyncStamp.new(),
        nik="8103011508950001",
        full_name="Yohanis Ratuanak",
        birth_place="Saumlaki",
        birth_date=dt.date(1995, 8, 15),
        sex=Sex.MALE,
        address="RT 001/RW 002, Desa Wowonda",
        village_id=village_id,
        postal_code="97471",
        phone="081234567890",
        email="",
        occupation="Nelayan",
        sector=Sector.OTHER,
        work_location="Laut Arafura",
        declared_income=1_500_000,
        base_income=1_500_000,
        include_jht=False,
        payment_months=3,
        payer_id=None,
        segment=Segment.NELAYAN,
        membership=MembershipType.BPU,
        status=ParticipantStatus.REGISTERED,
        registered_on=dt.date(2026, 11, 1),
    )
    return replace(person, **changes)  # type: ignore[arg-type]

"""The rules a participant must pass to be registered, in one place for every way in.

The enrolment form (one person, refused at the first problem) and the spreadsheet import (many
people, every problem listed by row and field) apply exactly these rules: a person imported
from a village's list is held to what an agent typing them in would be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from outreach_app.domain.coverage import check_registration_age
from outreach_app.domain.errors import DomainError, InvalidNik, RegistrationRefused
from outreach_app.domain.models import Participant
from outreach_app.domain.nik import NikInfo
from outreach_app.domain.premiums import check_income

#: (field, what the form calls it): a registration cannot go without these.
REQUIRED_FIELDS = (
    ("full_name", "nama lengkap"),
    ("birth_date", "tanggal lahir"),
    ("sex", "jenis kelamin"),
    ("village_id", "desa"),
    ("address", "alamat"),
)


@dataclass(frozen=True, slots=True)
class RegistrationProblem:
    """One rule broken, on one field of the participant; `error` is what enrolment raises."""

    field: str  # a Participant attribute
    message: str
    error: DomainError
    missing: str = ""  # the field's name in "Data wajib belum diisi: ..." when it is empty


def period_refusal(months: object, periods: tuple[int, ...]) -> str | None:
    """Why a payment period is not allowed, or None when it is."""
    if type(months) is int and months in periods:
        return None
    return (
        f"Periode pembayaran {months} bulan tidak sah: pilih "
        + ", ".join(map(str, periods))
        + " bulan."
    )


def registration_problems(
    participant: Participant,
    nik: NikInfo,
    periods: tuple[int, ...],
    on_day: dt.date,
) -> list[RegistrationProblem]:
    """Every rule the participant breaks, NIK first, in the order enrolment checks them.

    Checks that need the database (a live duplicate NIK, a village that exists) are the
    caller's: the form asks the store, the import asks its indexes of the same store."""
    problems: list[RegistrationProblem] = []
    if not nik.valid:
        problems.append(
            RegistrationProblem("nik", "; ".join(nik.errors), InvalidNik(list(nik.errors)))
        )
    for field, label in REQUIRED_FIELDS:
        value = getattr(participant, field)
        if not (value.strip() if isinstance(value, str) else value):
            message = f"Data wajib belum diisi: {label}."
            problems.append(
                RegistrationProblem(field, message, RegistrationRefused(message), missing=label)
            )
    if participant.birth_date is not None:
        try:
            check_registration_age(participant.birth_date, participant.registered_on or on_day)
        except DomainError as exc:
            problems.append(RegistrationProblem("birth_date", str(exc), exc))
    try:
        check_income(participant.declared_income)
    except DomainError as exc:
        problems.append(RegistrationProblem("declared_income", str(exc), exc))
    refusal = period_refusal(participant.payment_months, periods)
    if refusal is not None:
        problems.append(
            RegistrationProblem("payment_months", refusal, RegistrationRefused(refusal))
        )
    return problems


def refuse_invalid_nik(problems: list[RegistrationProblem]) -> None:
    for problem in problems:
        if problem.field == "nik":
            raise problem.error


def refuse(problems: list[RegistrationProblem]) -> None:
    """Raises as the enrolment form always has: missing fields named together, then the
    first other rule broken."""
    refuse_invalid_nik(problems)
    missing = [problem.missing for problem in problems if problem.missing]
    if missing:
        raise RegistrationRefused("Data wajib belum diisi: " + ", ".join(missing) + ".")
    if problems:
        raise problems[0].error

"""One row of a participant list, read and checked like a form typed by an agent.

`read_row` turns the row's mapped cells into a registered participant, or lists what is
wrong with it, field by field. The registration rules are the enrolment form's own
(`domain.registration`); what the form fills in by itself is filled in here too (birth date
and sex from a valid NIK when the list leaves them empty). `plan_rows` then sorts the rows:
new, already in the database with the same data, or refused (a NIK twice in the file with
different data, or already registered with other data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from outreach_app.domain.import_fields import FIELD_LABELS, ImportField
from outreach_app.domain.import_values import (
    MAX_CELL_LENGTH,
    FormulaCell,
    cell_text,
    looks_like_formula,
    parse_date,
    parse_income,
    parse_membership,
    parse_months,
    parse_sector,
    parse_segment,
    parse_sex,
    parse_yes_no,
    split_place_and_date,
)
from outreach_app.domain.models import (
    MembershipType,
    Participant,
    ParticipantStatus,
    Sector,
    Segment,
    SyncStamp,
)
from outreach_app.domain.nik import RegionLookup, disagreements, normalise_nik, parse_nik
from outreach_app.domain.rates import RateSchedule
from outreach_app.domain.registration import registration_problems

_TEXT_FIELDS = {
    ImportField.FULL_NAME: "full_name",
    ImportField.BIRTH_PLACE: "birth_place",
    ImportField.ADDRESS: "address",
    ImportField.POSTAL_CODE: "postal_code",
    ImportField.PHONE: "phone",
    ImportField.EMAIL: "email",
    ImportField.OCCUPATION: "occupation",
    ImportField.WORK_LOCATION: "work_location",
    ImportField.MOTHERS_MAIDEN_NAME: "mothers_maiden_name",
    ImportField.KPJ: "kpj",
}
_PARSED: dict[ImportField, tuple[str, object]] = {
    ImportField.SECTOR: ("sector", parse_sector),
    ImportField.INCLUDE_JHT: ("include_jht", parse_yes_no),
    ImportField.PAYMENT_MONTHS: ("payment_months", parse_months),
    ImportField.SEGMENT: ("segment", parse_segment),
    ImportField.MEMBERSHIP: ("membership", parse_membership),
    ImportField.DECLARED_INCOME: ("declared_income", parse_income),
}
#: Participant attribute -> the field a problem with it is reported on.
_ATTRIBUTE_FIELDS = {
    "nik": ImportField.NIK,
    "full_name": ImportField.FULL_NAME,
    "birth_date": ImportField.BIRTH_DATE,
    "sex": ImportField.SEX,
    "address": ImportField.ADDRESS,
    "declared_income": ImportField.DECLARED_INCOME,
    "payment_months": ImportField.PAYMENT_MONTHS,
}
DEFAULT_MONTHS = 1  # a list that gives no period: monthly, the form's first choice


@dataclass(frozen=True, slots=True)
class RowProblem:
    """What is wrong with one field of one row (`field` None: the row as a whole)."""

    row: int  # as the spreadsheet numbers it (the header is row 1 in most files)
    field: ImportField | None
    message: str
    warning: bool = False  # shown, but the row is imported

    @property
    def label(self) -> str:
        return FIELD_LABELS[self.field] if self.field is not None else "Baris"


@dataclass(frozen=True, slots=True)
class VillageIndex:
    """The villages stored on this laptop, by Kemendagri code and by name."""

    by_code: Mapping[str, str]  # code -> village id
    by_name: Mapping[str, tuple[str, ...]]  # lower-case name -> ids (a name can repeat)

    @classmethod
    def of(cls, villages: Sequence[tuple[str, str, str]]) -> VillageIndex:
        """From (id, code, name) triples."""
        by_name: dict[str, tuple[str, ...]] = {}
        for village_id, _code, name in villages:
            key = " ".join(name.lower().split())
            by_name[key] = (*by_name.get(key, ()), village_id)
        return cls({code: village_id for village_id, code, _ in villages}, by_name)


@dataclass(frozen=True, slots=True)
class RowContext:
    """What every row is checked against, read once per import."""

    schedule: RateSchedule
    today: dt.date
    villages: VillageIndex
    payers: Mapping[str, str]  # lower-case name or id -> payer id
    payer_id: str | None = None  # chosen for the whole file: wins over a Pembayar column
    agent_id: str | None = None
    regions: RegionLookup | None = None

    @property
    def periods(self) -> tuple[int, ...]:
        return self.schedule.contribution_for(self.today).periods


@dataclass(frozen=True, slots=True)
class RowOutcome:
    row: int
    cells: tuple[object, ...]  # the row as it came, for the error file
    participant: Participant | None  # None when any problem is not a warning
    problems: tuple[RowProblem, ...] = ()
    compared: frozenset[str] = field(default_factory=frozenset)  # attributes the file gave

    @property
    def errors(self) -> tuple[RowProblem, ...]:
        return tuple(p for p in self.problems if not p.warning)

    def refused(self, *problems: RowProblem) -> RowOutcome:
        return replace(self, participant=None, problems=self.problems + problems)


def _blank(context: RowContext) -> dict[str, object]:
    return {
        "nik": None, "full_name": "", "birth_place": "", "birth_date": None, "sex": None,
        "address": "", "village_id": None, "postal_code": "", "phone": "", "email": "",
        "occupation": "", "sector": Sector.OTHER, "work_location": "", "declared_income": 0,
        "base_income": 0, "include_jht": False, "payment_months": DEFAULT_MONTHS,
        "payer_id": context.payer_id, "segment": Segment.LAINNYA,
        "membership": MembershipType.BPU, "mothers_maiden_name": "", "kpj": "",
        "status": ParticipantStatus.REGISTERED, "agent_id": context.agent_id,
        "registered_on": context.today,
    }  # fmt: skip


def _cell_problem(value: object) -> str | None:
    if isinstance(value, FormulaCell) and value.cached is None:
        return (
            f"Sel berisi rumus ({value.formula[:40]}) tanpa nilai tersimpan: buka dan simpan "
            "berkas di Excel, atau salin lalu tempel sebagai nilai."
        )
    text = cell_text(value)
    if len(text) > MAX_CELL_LENGTH:
        return f"Isi sel terlalu panjang ({len(text)} karakter; paling banyak {MAX_CELL_LENGTH})."
    # Judged on the cell as written: an apostrophe in front marks text meant as text (our
    # exports, and Excel's own convention), which is then read without it.
    raw = value.strip() if isinstance(value, str) else text
    if isinstance(value, str | FormulaCell) and looks_like_formula(raw):
        return f"Isi sel tampak seperti rumus spreadsheet ({text[:40]!r}): tidak diimpor."
    return None


def _nik_text(value: object) -> tuple[str, str | None]:
    """The NIK's digits, or a problem. Excel keeps 15 significant digits of a number: a NIK
    stored as a number in scientific form has lost its last digit."""
    if isinstance(value, FormulaCell):
        value = value.cached
    if isinstance(value, float):  # an int cell held every digit as written in the file
        return "", (
            "NIK tersimpan sebagai angka di Excel, yang hanya menyimpan 15 digit: digit "
            "terakhirnya bisa berubah. Ubah format kolom NIK menjadi Teks dan ketik ulang."
        )
    return normalise_nik(cell_text(value)), None


def read_row(
    row: int,
    cells: tuple[object, ...],
    mapping: Mapping[int, ImportField],
    context: RowContext,
) -> RowOutcome:
    """The participant a row describes, or every problem it has (by field)."""
    problems: list[RowProblem] = []
    values: dict[ImportField, object] = {}
    for index, target in mapping.items():
        value = cells[index] if index < len(cells) else None
        if (trouble := _cell_problem(value)) is not None:
            problems.append(RowProblem(row, target, trouble))
        else:
            values[target] = value.cached if isinstance(value, FormulaCell) else value
    bad = {p.field for p in problems}
    data = _blank(context)
    compared = {"nik"}

    def attempt(target: ImportField, attribute: str, parse: object) -> None:
        if target not in values:
            return
        compared.add(attribute)
        raw = values[target]
        if attribute in ("payment_months",) and cell_text(raw) == "":
            return  # no period given: monthly
        try:
            data[attribute] = parse(raw)  # type: ignore[operator]
        except ValueError as exc:
            problems.append(RowProblem(row, target, str(exc)))
            bad.add(target)

    for target, attribute in _TEXT_FIELDS.items():
        if target in values:
            text = cell_text(values[target])
            data[attribute] = "" if text == "-" else " ".join(text.split())
            compared.add(attribute)
    for target, (attribute, parse) in _PARSED.items():
        attempt(target, attribute, parse)
    if ImportField.BIRTH_DATE in values:
        place, day = split_place_and_date(values[ImportField.BIRTH_DATE])
        if place and not data["birth_place"]:
            data["birth_place"] = place
        values[ImportField.BIRTH_DATE] = day
        if cell_text(day):
            attempt(ImportField.BIRTH_DATE, "birth_date", parse_date)
        compared.add("birth_date")
    if ImportField.SEX in values:
        attempt(ImportField.SEX, "sex", parse_sex)
    if ImportField.REGISTERED_ON in values and cell_text(values[ImportField.REGISTERED_ON]):
        attempt(ImportField.REGISTERED_ON, "registered_on", parse_date)
        registered = data["registered_on"]
        if isinstance(registered, dt.date) and registered > context.today:
            problems.append(RowProblem(
                row, ImportField.REGISTERED_ON, "Tanggal daftar tidak boleh setelah hari ini."
            ))  # fmt: skip
    _village(row, values, data, context, problems, compared)
    _payer(row, values, data, context, problems, compared)

    nik_text, nik_problem = (
        _nik_text(values[ImportField.NIK]) if ImportField.NIK in values else ("", None)
    )
    if nik_problem is not None:
        problems.append(RowProblem(row, ImportField.NIK, nik_problem))
        bad.add(ImportField.NIK)
    info = parse_nik(nik_text, context.regions, today=context.today)
    if info.valid:
        data["nik"] = info.nik
        # As the form does: what the NIK says fills what the list left empty.
        data["birth_date"] = data["birth_date"] or (
            info.birth_date if ImportField.BIRTH_DATE not in bad else None
        )
        data["sex"] = data["sex"] or (info.sex if ImportField.SEX not in bad else None)
    income = data["declared_income"]
    if isinstance(income, int) and income > 0:
        data["base_income"] = context.schedule.contribution_for(context.today).base_income(income)
    participant = Participant(stamp=SyncStamp.new(), **data)  # type: ignore[arg-type]

    village_field = (
        ImportField.VILLAGE_CODE if ImportField.VILLAGE_CODE in mapping.values()
        else ImportField.VILLAGE_NAME
    )  # fmt: skip
    for problem in registration_problems(participant, info, context.periods, context.today):
        target = _ATTRIBUTE_FIELDS.get(problem.field, village_field)
        if target in bad or (problem.field == "nik" and nik_problem is not None):
            continue  # already said, in the words of the cell's own problem
        if problem.field == "village_id" and any(p.field == village_field for p in problems):
            continue
        problems.append(RowProblem(row, target, problem.message))
    if info.valid:
        for warning in (*info.warnings, *disagreements(info, participant.birth_date,
                                                       participant.sex)):  # fmt: skip
            problems.append(RowProblem(row, ImportField.NIK, warning, warning=True))
    column = {target: index for index, target in mapping.items()}
    problems.sort(key=lambda p: (p.warning, column.get(p.field, -1) if p.field else -1))
    refused = any(not p.warning for p in problems)
    return RowOutcome(
        row, cells, None if refused else participant, tuple(problems), frozenset(compared)
    )


def _village(
    row: int,
    values: Mapping[ImportField, object],
    data: dict[str, object],
    context: RowContext,
    problems: list[RowProblem],
    compared: set[str],
) -> None:
    code = "".join(ch for ch in cell_text(values.get(ImportField.VILLAGE_CODE)) if ch != ".")
    name = " ".join(cell_text(values.get(ImportField.VILLAGE_NAME)).lower().split())
    if ImportField.VILLAGE_CODE in values or ImportField.VILLAGE_NAME in values:
        compared.add("village_id")
    if code:
        village_id = context.villages.by_code.get(code)
        if village_id is None:
            problems.append(RowProblem(row, ImportField.VILLAGE_CODE, (
                f"Desa dengan kode {code} belum ada di basis data laptop ini: sinkronkan dulu "
                "atau periksa kodenya (10 digit Kemendagri)."
            )))  # fmt: skip
        data["village_id"] = village_id
    elif name:
        found = context.villages.by_name.get(name.removeprefix("desa ").strip(), ())
        if not found:
            found = context.villages.by_name.get(name, ())
        if len(found) == 1:
            data["village_id"] = found[0]
        elif not found:
            problems.append(RowProblem(row, ImportField.VILLAGE_NAME, (
                f"Desa {cell_text(values.get(ImportField.VILLAGE_NAME))!r} belum ada di basis "
                "data laptop ini: periksa ejaannya atau isi kolom kode desa."
            )))  # fmt: skip
        else:
            problems.append(RowProblem(row, ImportField.VILLAGE_NAME, (
                f"Ada {len(found)} desa bernama {cell_text(values.get(ImportField.VILLAGE_NAME))!r}"
                ": isi kolom kode desa (10 digit Kemendagri)."
            )))  # fmt: skip


_NO_PAYER = {"", "-", "mandiri", "sendiri", "self", "pribadi"}


def _payer(
    row: int,
    values: Mapping[ImportField, object],
    data: dict[str, object],
    context: RowContext,
    problems: list[RowProblem],
    compared: set[str],
) -> None:
    if context.payer_id is not None:
        compared.add("payer_id")
        return  # the payer chosen for the whole file
    if ImportField.PAYER not in values:
        return
    compared.add("payer_id")
    text = cell_text(values[ImportField.PAYER])
    key = " ".join(text.lower().split())
    if key in _NO_PAYER:
        data["payer_id"] = None
    elif key in context.payers:
        data["payer_id"] = context.payers[key]
    else:
        problems.append(RowProblem(row, ImportField.PAYER, (
            f"Pembayar {text!r} belum ada di basis data laptop ini: tulis namanya persis, "
            "atau kosongkan untuk mandiri."
        )))  # fmt: skip


@dataclass(frozen=True, slots=True)
class RowPlan:
    """The rows sorted: to add, already there with the same data, refused."""

    new: tuple[RowOutcome, ...]
    already: tuple[RowOutcome, ...]
    refused: tuple[RowOutcome, ...]

    @property
    def warnings(self) -> tuple[RowProblem, ...]:
        return tuple(p for o in self.new for p in o.problems if p.warning)


def _normal(value: object) -> object:
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def differing(existing: Participant, new: Participant, attributes: frozenset[str]) -> list[str]:
    """The attributes (of those the file gave) on which two records disagree."""
    return sorted(
        a for a in attributes if _normal(getattr(existing, a)) != _normal(getattr(new, a))
    )


_ATTRIBUTE_LABELS: dict[str, str] = {
    "village_id": "desa", "payer_id": "pembayar",
    **{attr: FIELD_LABELS[ImportField(attr)].lower()
       for attr in ImportField if attr in Participant.__dataclass_fields__},
}  # fmt: skip


def plan_rows(outcomes: Sequence[RowOutcome], existing: Mapping[str, Participant]) -> RowPlan:
    """Sorts rows read by `read_row`; `existing` holds the live participants with the NIKs of
    the file (read from the database by the caller)."""
    by_nik: dict[str, list[RowOutcome]] = {}
    for outcome in outcomes:
        if outcome.participant is not None and outcome.participant.nik:
            by_nik.setdefault(outcome.participant.nik, []).append(outcome)
    new: list[RowOutcome] = []
    already: list[RowOutcome] = []
    refused: list[RowOutcome] = [o for o in outcomes if o.participant is None]
    for nik, group in by_nik.items():
        first = group[0]
        assert first.participant is not None
        clashes = [
            o for o in group[1:]
            if o.participant and differing(first.participant, o.participant, o.compared)
        ]  # fmt: skip
        if clashes:
            rows = ", ".join(str(o.row) for o in group)
            refused += [o.refused(RowProblem(o.row, ImportField.NIK, (
                f"NIK {nik} ada di beberapa baris berkas ini (baris {rows}) dengan data "
                "berbeda: periksa mana yang benar."
            ))) for o in group]  # fmt: skip
            continue
        already += group[1:]  # the same person twice in the list: imported once
        found = existing.get(nik)
        if found is None:
            new.append(first)
        elif found.status is ParticipantStatus.DRAFT:
            refused.append(first.refused(RowProblem(first.row, ImportField.NIK, (
                f"NIK {nik} tersimpan sebagai draf atas nama {found.full_name}: lengkapi "
                "drafnya di aplikasi."
            ))))  # fmt: skip
        elif differs := differing(found, first.participant, first.compared):
            names = ", ".join(_ATTRIBUTE_LABELS.get(a, a) for a in differs)
            refused.append(first.refused(RowProblem(first.row, ImportField.NIK, (
                f"NIK {nik} sudah terdaftar atas nama {found.full_name} dengan data lain "
                f"({names})."
            ))))  # fmt: skip
        else:
            already.append(first)
    refused.sort(key=lambda o: o.row)
    new.sort(key=lambda o: o.row)
    already.sort(key=lambda o: o.row)
    return RowPlan(tuple(new), tuple(already), tuple(refused))

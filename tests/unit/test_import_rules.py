"""The pure rules of the import: dates, headers, cell values, one row, and sorting the rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from outreach_app.domain.errors import DomainError
from outreach_app.domain.import_fields import (
    ImportField,
    guess_field,
    guess_mapping,
    layout_key,
    mapping_problems,
)
from outreach_app.domain.import_rows import RowContext, VillageIndex, plan_rows, read_row
from outreach_app.domain.import_values import (
    FormulaCell,
    looks_like_formula,
    neutralise,
    parse_date,
    parse_income,
    parse_months,
    parse_sex,
    parse_yes_no,
    restore,
)
from outreach_app.domain.models import ParticipantStatus, Sex, User
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.storage.store import Store
from tests.conftest import TODAY
from tests.factories import make_participant

F = ImportField


@pytest.mark.parametrize(
    "value",
    ["15-08-1995", "15/08/1995", "15.08.1995", "1995-08-15", "1995/08/15", "15 Agustus 1995",
     "15 Agu 1995", "15 agt. 1995", "15-Agu-1995", "15 August 1995", "15 Aug 1995",
     " 15-8-1995 ", "1995-08-15 00:00:00", dt.date(1995, 8, 15), dt.datetime(1995, 8, 15),
     FormulaCell("=DATE(1995,8,15)", dt.datetime(1995, 8, 15))],
)  # fmt: skip
def test_dates_in_common_indonesian_forms(value: object) -> None:
    assert parse_date(value) == dt.date(1995, 8, 15)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31-02-1990", "Tanggal '31-02-1990' tidak ada di kalender."),
        ("08/15/1995", "Tanggal '08/15/1995' tidak ada di kalender."),  # no US guessing
        ("15 Agustos 1995", "Nama bulan 'agustos' tidak dikenal."),
        ("15-08-95", "'15-08-95' bukan tanggal: tulis sebagai hh-bb-tttt (15-08-1995), "
                     "15/08/1995, 1995-08-15 atau 15 Agustus 1995."),
        ("", "'' bukan tanggal: tulis sebagai hh-bb-tttt (15-08-1995), 15/08/1995, "
             "1995-08-15 atau 15 Agustus 1995."),
    ],
)  # fmt: skip
def test_dates_that_are_not_dates_say_why(value: str, message: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_date(value)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("header", "field"),
    [("NIK", F.NIK), ("No. KTP", F.NIK), ("Nomor Induk Kependudukan", F.NIK),
     ("Nama Lengkap Sesuai KTP", F.FULL_NAME), ("Name", F.FULL_NAME), ("Tgl Lhr", F.BIRTH_DATE),
     ("Date of birth", F.BIRTH_DATE), ("Tempat, Tgl Lahir", F.BIRTH_DATE), ("L/P", F.SEX),
     ("Jenis Kelamin", F.SEX), ("Nama Ibu Kandung", F.MOTHERS_MAIDEN_NAME),
     ("Kode Desa", F.VILLAGE_CODE), ("Desa/Kelurahan", F.VILLAGE_NAME),
     ("No. HP / WA", F.PHONE), ("Penghasilan per bulan (Rp)", F.DECLARED_INCOME),
     ("Gaji", F.DECLARED_INCOME), ("Periode (bulan)", F.PAYMENT_MONTHS),
     ("Dasar penghasilan", None), ("No", None), ("Status", None), ("Warna favorit", None),
     ("", None)],
)  # fmt: skip
def test_headers_are_guessed_in_indonesian_and_english(header: str, field: object) -> None:
    assert guess_field(header) == field


def test_a_field_goes_to_its_first_column_and_the_layout_key_ignores_spelling() -> None:
    assert guess_mapping(["No", "NIK", "Nama", "NIK KTP"]) == {1: F.NIK, 2: F.FULL_NAME}
    assert layout_key(["No.", "NIK", "Nama"]) == layout_key(["no", " nik ", "NAMA", ""])
    assert layout_key(["NIK", "Nama"]) != layout_key(["Nama", "NIK"])
    assert mapping_problems({0: F.FULL_NAME, 1: F.FULL_NAME}) == [
        "Kolom NIK belum dipilih.",
        "Kolom Nama lengkap dipilih untuk lebih dari satu kolom.",
    ]


@pytest.mark.parametrize("text", ["=1+1", "+62812", "-", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_neutralised_text_never_starts_a_formula_and_reads_back_unchanged(text: str) -> None:
    written = neutralise(text)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(written) == text
    assert neutralise("Budi") == "Budi" and restore("'biasa") == "'biasa"


@pytest.mark.parametrize(
    ("text", "formula"),
    [("=HYPERLINK(\"x\")", True), ("@SUM(A1)", True), ("+cmd|' /C calc'!A0", True),
     ("-2+3+cmd|'x'!A0", True), ("+62 812-3456-7890", False), ("-", False), ("Budi", False)],
)  # fmt: skip
def test_formula_looking_text(text: str, formula: bool) -> None:
    assert looks_like_formula(text) is formula


def test_cell_values() -> None:
    assert [parse_sex(v) for v in ("L", "p", "Laki-laki", "Perempuan", "", "F")] == [
        Sex.MALE, Sex.FEMALE, Sex.MALE, Sex.FEMALE, None, Sex.FEMALE]  # fmt: skip
    assert [parse_income(v) for v in ("Rp1.500.000", "1500000", 1500000.0, "2.000.000,00")] == [
        1_500_000, 1_500_000, 1_500_000, 2_000_000]  # fmt: skip
    assert [parse_months(v) for v in ("3", "6 bulan", 12, 1.0)] == [3, 6, 12, 1]
    assert [parse_yes_no(v) for v in ("Ya", "tidak", "1", "", True)] == [True, False, True,
                                                                         False, True]  # fmt: skip
    for parse, value in ((parse_sex, "X"), (parse_income, "1,500,000"), (parse_months, "tiga"),
                         (parse_yes_no, "mungkin"), (parse_income, 1500.5)):  # fmt: skip
        with pytest.raises(ValueError):
            parse(value)  # type: ignore[operator]


# --- one row ------------------------------------------------------------------------------

HEADERS = ["NIK", "Nama", "Tanggal lahir", "L/P", "Alamat", "Kode desa", "Penghasilan", "Periode"]
MAPPING = guess_mapping(HEADERS)
GOOD = ("8103011508950001", "Yohanis Ratuanak", "15-08-1995", "L", "RT 001", "8103012002",
        "1.500.000", "3")  # fmt: skip


@pytest.fixture
def context(schedule) -> RowContext:
    villages = VillageIndex.of([("v-wowonda", "8103012002", "Wowonda"),
                                ("v-a", "8103012010", "Lorulun"),
                                ("v-b", "8103022010", "Lorulun")])  # fmt: skip
    return RowContext(schedule, TODAY, villages, {"dana desa": "payer-1"}, agent_id="agent-1")


def row(**changes: str) -> tuple[str, ...]:
    cells = list(GOOD)
    for index, header in enumerate(HEADERS):
        key = header.lower().replace(" ", "_").replace("/", "")
        if key in changes:
            cells[index] = changes[key]
    return tuple(cells)


def test_a_good_row_becomes_a_registered_participant(context: RowContext) -> None:
    outcome = read_row(2, GOOD, MAPPING, context)
    person = outcome.participant
    assert person is not None and outcome.problems == ()
    assert (person.nik, person.full_name, person.birth_date, person.sex, person.village_id) == (
        "8103011508950001",
        "Yohanis Ratuanak",
        dt.date(1995, 8, 15),
        Sex.MALE,
        "v-wowonda",
    )
    assert (person.declared_income, person.base_income, person.payment_months) == (
        1_500_000, 1_500_000, 3)  # fmt: skip
    assert (person.status, person.agent_id, person.registered_on) == (
        ParticipantStatus.REGISTERED, "agent-1", TODAY)  # fmt: skip


def test_birth_date_and_sex_come_from_the_nik_when_left_empty(context: RowContext) -> None:
    person = read_row(2, row(tanggal_lahir="", lp=""), MAPPING, context).participant
    assert person is not None
    assert (person.birth_date, person.sex) == (dt.date(1995, 8, 15), Sex.MALE)


def test_every_problem_is_named_by_field(context: RowContext) -> None:
    outcome = read_row(
        7, row(nik="8103011508950000", tanggal_lahir="31-02-1995", kode_desa="9999999999",
               penghasilan="abc", periode="5", alamat=""), MAPPING, context)  # fmt: skip
    assert outcome.participant is None
    assert [(p.row, p.label) for p in outcome.problems] == [
        (7, "NIK"), (7, "Tanggal lahir"), (7, "Alamat"), (7, "Kode desa"), (7, "Penghasilan"),
        (7, "Periode (bulan)")]  # in the file's column order  # fmt: skip
    messages = {p.label: p.message for p in outcome.problems}
    assert (
        messages["Periode (bulan)"]
        == "Periode pembayaran 5 bulan tidak sah: pilih 1, 3, 6, 12 bulan."
    )
    assert messages["NIK"] == "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."
    assert messages["Alamat"] == "Data wajib belum diisi: alamat."


def test_nik_disagreement_is_a_warning_and_the_row_still_imports(context: RowContext) -> None:
    outcome = read_row(2, row(tanggal_lahir="16-08-1995"), MAPPING, context)
    assert outcome.participant is not None
    assert [p.warning for p in outcome.problems] == [True]
    assert "berbeda dengan NIK" in outcome.problems[0].message


def test_a_village_by_name_must_be_unique(context: RowContext) -> None:
    mapping = guess_mapping(["NIK", "Nama", "Alamat", "Desa", "Penghasilan"])
    cells = ("8103011508950001", "Yohanis", "RT 1", "Lorulun", "1000000")
    problems = read_row(2, cells, mapping, context).problems
    assert [p.message for p in problems] == [
        "Ada 2 desa bernama 'Lorulun': isi kolom kode desa (10 digit Kemendagri)."
    ]
    found = read_row(2, (*cells[:3], "Desa Wowonda", cells[4]), mapping, context)
    assert found.participant is not None and found.participant.village_id == "v-wowonda"


def test_an_excel_number_nik_that_lost_digits_is_refused(context: RowContext) -> None:
    outcome = read_row(2, (8.10301150895e15, *GOOD[1:]), MAPPING, context)
    assert outcome.participant is None
    assert outcome.problems[0].message.startswith("NIK tersimpan sebagai angka di Excel")
    whole = read_row(2, (8103011508950001, *GOOD[1:]), MAPPING, context)  # every digit kept
    assert whole.participant is not None


def test_the_import_refuses_what_the_enrolment_form_refuses(
    store: Store, schedule, context: RowContext
) -> None:
    """Same rule, same words: age 65, a period the rates do not allow, no income."""
    enrolment = EnrolmentService(store, schedule, RegionDirectory(), lambda: TODAY)
    actor = User(stamp=make_participant(None).stamp, username="a", full_name="A",
                 role="agent", branch_id="b")  # type: ignore[arg-type]  # fmt: skip
    cases = [
        (dict(tanggal_lahir="15-08-1960", nik="8103011508600001"),
         dict(birth_date=dt.date(1960, 8, 15), nik="8103011508600001")),
        (dict(periode="2"), dict(payment_months=2)),
    ]  # fmt: skip
    for cells, changes in cases:
        imported = read_row(2, row(**cells), MAPPING, context)
        assert imported.participant is None
        with pytest.raises(DomainError) as typed:
            enrolment.register(make_participant("v-wowonda", **changes), actor)
        assert imported.errors[-1].message == str(typed.value)


# --- sorting the rows ---------------------------------------------------------------------


def test_the_same_person_twice_imports_once_and_a_clash_refuses_both(context) -> None:
    first = read_row(2, GOOD, MAPPING, context)
    again = read_row(3, GOOD, MAPPING, context)
    other = read_row(4, row(nama="Orang Lain"), MAPPING, context)
    plan = plan_rows([first, again], {})
    assert ([o.row for o in plan.new], [o.row for o in plan.already]) == ([2], [3])
    clash = plan_rows([first, other], {})
    assert clash.new == () and [o.row for o in clash.refused] == [2, 4]
    assert "ada di beberapa baris berkas ini (baris 2, 4)" in clash.refused[0].errors[0].message


def test_already_registered_with_the_same_data_is_not_an_error(context: RowContext) -> None:
    outcome = read_row(2, GOOD, MAPPING, context)
    assert outcome.participant is not None
    stored = replace(outcome.participant, registered_on=dt.date(2025, 1, 1), phone="0812")
    assert plan_rows([outcome], {"8103011508950001": stored}).already == (outcome,)
    renamed = replace(stored, full_name="Yohanis R.", address="RT 009")
    refused = plan_rows([outcome], {"8103011508950001": renamed}).refused[0]
    assert refused.errors[0].message == (
        "NIK 8103011508950001 sudah terdaftar atas nama Yohanis R. dengan data lain "
        "(alamat, nama lengkap)."
    )
    draft = replace(stored, status=ParticipantStatus.DRAFT)
    assert "tersimpan sebagai draf" in plan_rows([outcome], {"8103011508950001": draft}
                                                 ).refused[0].errors[0].message  # fmt: skip

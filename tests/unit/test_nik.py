"""NIK parsing (`PP KK CC DDMMYY SSSS`): outreach_app/domain/nik.py.

Every test passes `today=` explicitly so nothing depends on the real date.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.models import Sex
from outreach_app.domain.nik import (
    NikInfo,
    build_nik,
    disagreements,
    normalise_nik,
    parse_nik,
)
from outreach_app.reference.regions import RegionDirectory

TODAY = dt.date(2025, 6, 30)
# Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku
TANIMBAR_SELATAN = "810301"
MALE_NIK = "8103011205900001"  # 12-05-1990, male, serial 0001
FEMALE_NIK = "8103015205900001"  # 12-05-1990, female (12 + 40)

BAD_DAY = "Tanggal lahir di NIK ({}) tidak mungkin: 01-31 untuk laki-laki, 41-71 untuk perempuan."
NOT_ON_CALENDAR = "Tanggal lahir di NIK ({}) tidak ada di kalender."
ONLY_DIGITS = "NIK hanya boleh berisi angka (16 digit)."
SERIAL_0000 = "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."


@pytest.fixture(scope="module")
def regions() -> RegionDirectory:
    return RegionDirectory()


class FakeRegions:
    """A RegionLookup over a dict, so region handling is tested without the real list."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.asked: list[str] = []

    def region_name(self, code: str) -> str | None:
        self.asked.append(code)
        return self.names.get(code)


def nik_with(ddmmyy: str, district: str = TANIMBAR_SELATAN, serial: str = "0001") -> str:
    return f"{district}{ddmmyy}{serial}"


# --- a plain valid NIK ---------------------------------------------------------------------


def test_valid_male_nik_parts() -> None:
    info = parse_nik(MALE_NIK, today=TODAY)
    assert info == NikInfo(
        nik=MALE_NIK,
        valid=True,
        errors=(),
        warnings=(),
        birth_date=dt.date(1990, 5, 12),
        sex=Sex.MALE,
        province_code="81",
        regency_code="8103",
        district_code="810301",
        province=None,
        regency=None,
        district=None,
        serial="0001",
        region="",
    )


def test_valid_female_nik_day_minus_40() -> None:
    info = parse_nik(FEMALE_NIK, today=TODAY)
    assert info.valid is True
    assert info.errors == ()
    assert info.sex is Sex.FEMALE
    assert info.birth_date == dt.date(1990, 5, 12)


# --- day of birth and sex ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ddmmyy", "sex", "birth_date"),
    [
        ("010190", Sex.MALE, dt.date(1990, 1, 1)),
        ("310190", Sex.MALE, dt.date(1990, 1, 31)),
        ("410190", Sex.FEMALE, dt.date(1990, 1, 1)),
        ("500190", Sex.FEMALE, dt.date(1990, 1, 10)),
        ("710190", Sex.FEMALE, dt.date(1990, 1, 31)),
        ("701290", Sex.FEMALE, dt.date(1990, 12, 30)),
    ],
)
def test_day_field_gives_sex_and_day(ddmmyy: str, sex: Sex, birth_date: dt.date) -> None:
    info = parse_nik(nik_with(ddmmyy), today=TODAY)
    assert info.valid is True
    assert info.errors == ()
    assert info.sex is sex
    assert info.birth_date == birth_date


@pytest.mark.parametrize("day", ["00", "32", "39", "40", "72", "80", "99"])
def test_impossible_day_field_is_rejected(day: str) -> None:
    nik = nik_with(f"{day}0190")
    info = parse_nik(nik, today=TODAY)
    assert info.valid is False
    assert info.errors == (BAD_DAY.format(day),)
    assert info.birth_date is None
    assert info.sex is None


@pytest.mark.parametrize("month", ["00", "13", "99"])
def test_impossible_month_is_rejected(month: str) -> None:
    info = parse_nik(nik_with(f"12{month}90"), today=TODAY)
    assert info.valid is False
    assert info.errors == (f"Bulan lahir di NIK ({month}) tidak mungkin: harus 01-12.",)
    assert info.birth_date is None
    assert info.sex is None


def test_bad_day_and_bad_month_are_both_reported() -> None:
    info = parse_nik(nik_with("721390"), today=TODAY)
    assert info.errors == (
        BAD_DAY.format("72"),
        "Bulan lahir di NIK (13) tidak mungkin: harus 01-12.",
    )


@pytest.mark.parametrize(
    "ddmmyy",
    [
        "310490",  # 31 April
        "300290",  # 30 February
        "710290",  # a woman born 31 February
        "310690",  # 31 June
    ],
)
def test_day_not_in_that_month_is_rejected(ddmmyy: str) -> None:
    info = parse_nik(nik_with(ddmmyy), today=TODAY)
    assert info.valid is False
    assert info.errors == (NOT_ON_CALENDAR.format(ddmmyy),)
    assert info.birth_date is None


# --- 29 February ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ddmmyy", "today", "birth_date", "sex"),
    [
        ("290200", TODAY, dt.date(2000, 2, 29), Sex.MALE),  # 2000 is a leap year
        ("290296", TODAY, dt.date(1996, 2, 29), Sex.MALE),
        ("690296", TODAY, dt.date(1996, 2, 29), Sex.FEMALE),
        ("290204", TODAY, dt.date(2004, 2, 29), Sex.MALE),
        # 2024-02-29 is after today, so the previous century, and 1924 was a leap year too
        ("290224", dt.date(2024, 2, 28), dt.date(1924, 2, 29), Sex.MALE),
        ("290224", dt.date(2024, 2, 29), dt.date(2024, 2, 29), Sex.MALE),
    ],
)
def test_29_february_in_a_leap_year(
    ddmmyy: str, today: dt.date, birth_date: dt.date, sex: Sex
) -> None:
    info = parse_nik(nik_with(ddmmyy), today=today)
    assert info.valid is True
    assert info.birth_date == birth_date
    assert info.sex is sex


@pytest.mark.parametrize("ddmmyy", ["290201", "290225", "690225", "290299", "290290"])
def test_29_february_in_a_non_leap_year_is_rejected(ddmmyy: str) -> None:
    # 2001/1901, 2025/1925, 1999, 1990: neither century gives a leap year
    info = parse_nik(nik_with(ddmmyy), today=TODAY)
    assert info.valid is False
    assert info.errors == (NOT_ON_CALENDAR.format(ddmmyy),)
    assert info.birth_date is None


def test_29_february_1900_is_not_a_leap_day() -> None:
    # before 29-02-2000 the only other century is 1900, which was not a leap year
    info = parse_nik(nik_with("290200"), today=dt.date(2000, 1, 1))
    assert info.valid is False
    assert info.errors == (NOT_ON_CALENDAR.format("290200"),)


# --- the two-digit year --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ddmmyy", "today", "birth_date"),
    [
        ("300625", dt.date(2025, 6, 30), dt.date(2025, 6, 30)),  # born today
        ("010725", dt.date(2025, 6, 30), dt.date(1925, 7, 1)),  # tomorrow: a century ago
        ("010100", dt.date(2025, 6, 30), dt.date(2000, 1, 1)),
        ("311299", dt.date(2025, 6, 30), dt.date(1999, 12, 31)),
        ("010124", dt.date(2025, 6, 30), dt.date(2024, 1, 1)),
        ("010150", dt.date(2025, 6, 30), dt.date(1950, 1, 1)),
        ("010150", dt.date(2050, 1, 1), dt.date(2050, 1, 1)),
        ("020150", dt.date(2050, 1, 1), dt.date(1950, 1, 2)),
        ("010101", dt.date(2001, 1, 1), dt.date(2001, 1, 1)),
        ("020101", dt.date(2001, 1, 1), dt.date(1901, 1, 2)),
        ("311299", dt.date(1999, 12, 30), dt.date(1899, 12, 31)),
        ("150680", dt.date(1999, 12, 30), dt.date(1980, 6, 15)),
    ],
)
def test_two_digit_year_takes_the_latest_century_not_in_the_future(
    ddmmyy: str, today: dt.date, birth_date: dt.date
) -> None:
    info = parse_nik(nik_with(ddmmyy), today=today)
    assert info.valid is True
    assert info.birth_date == birth_date


def test_century_depends_on_today_not_the_real_date() -> None:
    nik = nik_with("150630")
    assert parse_nik(nik, today=dt.date(2031, 1, 1)).birth_date == dt.date(2030, 6, 15)
    assert parse_nik(nik, today=dt.date(2030, 6, 14)).birth_date == dt.date(1930, 6, 15)


# --- serial --------------------------------------------------------------------------------


def test_serial_0000_is_rejected() -> None:
    info = parse_nik(nik_with("120590", serial="0000"), today=TODAY)
    assert info.valid is False
    assert info.errors == (SERIAL_0000,)
    assert info.sex is None


def test_serial_0000_is_reported_with_a_bad_date() -> None:
    info = parse_nik(nik_with("320590", serial="0000"), today=TODAY)
    assert info.errors == (BAD_DAY.format("32"), SERIAL_0000)


@pytest.mark.parametrize("serial", ["0001", "0010", "1000", "9999"])
def test_other_serials_are_accepted(serial: str) -> None:
    info = parse_nik(nik_with("120590", serial=serial), today=TODAY)
    assert info.valid is True
    assert info.serial == serial


# --- length, characters and normalising ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("810301120590001", 15),
        ("81030112059000011", 17),
        ("8", 1),
        ("8103011205900001" * 2, 32),
    ],
)
def test_wrong_length_is_rejected(text: str, count: int) -> None:
    info = parse_nik(text, today=TODAY)
    assert info.valid is False
    assert info.errors == (f"NIK harus 16 digit, yang diisi {count} digit.",)
    assert info.birth_date is None
    assert info.sex is None


@pytest.mark.parametrize("text", ["", "   ", " . - ", "\t"])
def test_empty_nik_is_rejected(text: str) -> None:
    info = parse_nik(text, today=TODAY)
    assert info.valid is False
    assert info.nik == ""
    assert info.errors == ("NIK kosong: isi 16 digit NIK.",)


@pytest.mark.parametrize(
    "text",
    [
        "81030112059000O1",  # letter O for zero
        "8103011205900OO1",
        "abcdefghijklmnop",
        "8103011205900001x",
        "810301120590000l",
        "８１０３０１１２０５９０００01",  # full-width digits
        "810301120590000١",  # Arabic-Indic one
        "810301120590000²",  # superscript two: isdigit() but not a NIK digit
        "8103011205/900001",
        "+8103011205900001",
    ],
)
def test_non_digits_are_rejected(text: str) -> None:
    info = parse_nik(text, today=TODAY)
    assert info.valid is False
    assert info.errors == (ONLY_DIGITS,)
    assert info.birth_date is None


@pytest.mark.parametrize(
    "text",
    [
        "8103011205900001",
        "8103 0112 0590 0001",
        "81.03.01.120590.0001",
        "810301-120590-0001",
        "  8103011205900001  ",
        "\t8103011205900001\t",
        "81 03 01 12 05 90 0001",
        "81.03.01 - 120590 - 0001",
    ],
)
def test_normalise_nik_drops_grouping(text: str) -> None:
    assert normalise_nik(text) == MALE_NIK


def test_normalise_nik_keeps_other_characters() -> None:
    assert normalise_nik("81/03") == "81/03"
    assert normalise_nik("81x03") == "81x03"
    assert normalise_nik("") == ""


@pytest.mark.parametrize(
    "text", ["8103 0112 0590 0001", "81.03.01.120590.0001", " 810301-120590-0001"]
)
def test_parse_nik_accepts_grouped_input(text: str) -> None:
    info = parse_nik(text, today=TODAY)
    assert info.valid is True
    assert info.nik == MALE_NIK
    assert info.birth_date == dt.date(1990, 5, 12)


# --- regions -------------------------------------------------------------------------------


def test_no_region_lookup_means_no_region_warning() -> None:
    info = parse_nik("9901011205900001", today=TODAY)
    assert info.valid is True
    assert info.warnings == ()
    assert info.province is None
    assert info.region == ""


def test_known_region_is_named(regions: RegionDirectory) -> None:
    info = parse_nik(MALE_NIK, regions=regions, today=TODAY)
    assert info.valid is True
    assert info.warnings == ()
    assert info.province == "Maluku"
    assert info.regency == "Kabupaten Kepulauan Tanimbar"
    assert info.district == "Tanimbar Selatan"
    assert info.region == "Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku"


def test_unknown_province_is_a_warning_not_an_error(regions: RegionDirectory) -> None:
    info = parse_nik("9901011205900001", regions=regions, today=TODAY)
    assert info.valid is True
    assert info.errors == ()
    assert info.birth_date == dt.date(1990, 5, 12)
    assert info.sex is Sex.MALE
    assert info.warnings == (
        "Kode wilayah tidak dikenal di daftar Kemendagri: provinsi 99, kabupaten/kota 9901, "
        "kecamatan 990101 (mungkin wilayah sudah dimekarkan; periksa KTP).",
    )
    assert (info.province, info.regency, info.district) == (None, None, None)
    assert info.region == ""


def test_unknown_district_in_a_known_regency_warns_about_the_district_only(
    regions: RegionDirectory,
) -> None:
    info = parse_nik("8103991205900001", regions=regions, today=TODAY)
    assert info.valid is True
    assert info.warnings == (
        "Kode wilayah tidak dikenal di daftar Kemendagri: kecamatan 810399 "
        "(mungkin wilayah sudah dimekarkan; periksa KTP).",
    )
    assert info.province == "Maluku"
    assert info.regency == "Kabupaten Kepulauan Tanimbar"
    assert info.district is None
    assert info.region == "Kabupaten Kepulauan Tanimbar, Maluku"


def test_region_warning_does_not_hide_errors(regions: RegionDirectory) -> None:
    info = parse_nik("9901013205900000", regions=regions, today=TODAY)
    assert info.valid is False
    assert info.errors == (BAD_DAY.format("32"), SERIAL_0000)
    assert len(info.warnings) == 1


@pytest.mark.parametrize(
    ("district", "province", "regency"),
    [
        ("650101", "Kalimantan Utara", "Kabupaten Bulungan"),
        ("920203", "Papua Barat", "Kabupaten Manokwari"),
        ("930101", "Papua Selatan", "Kabupaten Merauke"),
        ("940101", "Papua Tengah", "Kabupaten Nabire"),
        ("950101", "Papua Pegunungan", "Kabupaten Jayawijaya"),
        ("960101", "Papua Barat Daya", "Kabupaten Sorong"),
    ],
)
def test_north_kalimantan_and_new_papua_provinces_are_accepted(
    regions: RegionDirectory, district: str, province: str, regency: str
) -> None:
    nik = nik_with("520885", district=district, serial="0042")
    bare = parse_nik(nik, today=TODAY)
    assert bare.valid is True
    assert bare.errors == ()
    named = parse_nik(nik, regions=regions, today=TODAY)
    assert named.valid is True
    assert named.warnings == ()
    assert named.province == province
    assert named.regency == regency
    assert named.birth_date == dt.date(1985, 8, 12)
    assert named.sex is Sex.FEMALE


def test_region_lookup_gets_plain_digit_codes() -> None:
    fake = FakeRegions({"81": "Maluku", "8103": "Kab. KKT", "810301": "Tansel"})
    info = parse_nik(MALE_NIK, regions=fake, today=TODAY)
    assert fake.asked == ["81", "8103", "810301"]
    assert info.region == "Tansel, Kab. KKT, Maluku"
    assert info.warnings == ()


def test_region_lookup_only_province_known() -> None:
    info = parse_nik(MALE_NIK, regions=FakeRegions({"81": "Maluku"}), today=TODAY)
    assert info.valid is True
    assert info.region == "Maluku"
    assert info.warnings == (
        "Kode wilayah tidak dikenal di daftar Kemendagri: kabupaten/kota 8103, "
        "kecamatan 810301 (mungkin wilayah sudah dimekarkan; periksa KTP).",
    )


# --- disagreements -------------------------------------------------------------------------


def test_no_disagreement_when_form_matches() -> None:
    info = parse_nik(FEMALE_NIK, today=TODAY)
    assert disagreements(info, dt.date(1990, 5, 12), Sex.FEMALE) == ()


def test_birth_date_disagreement() -> None:
    info = parse_nik(MALE_NIK, today=TODAY)
    assert disagreements(info, dt.date(1990, 5, 13), Sex.MALE) == (
        "Tanggal lahir yang diisi (13-05-1990) berbeda dengan NIK (12-05-1990).",
    )


def test_sex_disagreement_for_a_male_nik() -> None:
    info = parse_nik(MALE_NIK, today=TODAY)
    assert disagreements(info, dt.date(1990, 5, 12), Sex.FEMALE) == (
        "Jenis kelamin yang diisi berbeda dengan NIK (NIK: laki-laki).",
    )


def test_sex_disagreement_for_a_female_nik() -> None:
    info = parse_nik(FEMALE_NIK, today=TODAY)
    assert disagreements(info, dt.date(1990, 5, 12), Sex.MALE) == (
        "Jenis kelamin yang diisi berbeda dengan NIK (NIK: perempuan).",
    )


def test_both_disagreements_in_order() -> None:
    info = parse_nik(FEMALE_NIK, today=TODAY)
    assert disagreements(info, dt.date(1991, 5, 12), Sex.MALE) == (
        "Tanggal lahir yang diisi (12-05-1991) berbeda dengan NIK (12-05-1990).",
        "Jenis kelamin yang diisi berbeda dengan NIK (NIK: perempuan).",
    )


def test_century_difference_is_a_disagreement() -> None:
    info = parse_nik(MALE_NIK, today=TODAY)
    assert disagreements(info, dt.date(1890, 5, 12), None) == (
        "Tanggal lahir yang diisi (12-05-1890) berbeda dengan NIK (12-05-1990).",
    )


def test_nothing_typed_means_no_disagreement() -> None:
    info = parse_nik(MALE_NIK, today=TODAY)
    assert disagreements(info, None, None) == ()


def test_invalid_nik_gives_no_disagreement() -> None:
    info = parse_nik(nik_with("320590"), today=TODAY)
    assert info.valid is False
    assert disagreements(info, dt.date(1990, 5, 12), Sex.FEMALE) == ()


# --- build_nik -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth_date", "sex", "serial", "expected"),
    [
        (dt.date(1990, 5, 12), Sex.MALE, 1, MALE_NIK),
        (dt.date(1990, 5, 12), Sex.FEMALE, 1, FEMALE_NIK),
        (dt.date(2000, 2, 29), Sex.FEMALE, 9999, "8103016902009999"),
        (dt.date(1965, 12, 31), Sex.FEMALE, 123, "8103017112650123"),
        (dt.date(2005, 1, 1), Sex.MALE, 10, "8103010101050010"),
    ],
)
def test_build_nik(birth_date: dt.date, sex: Sex, serial: int, expected: str) -> None:
    assert build_nik(TANIMBAR_SELATAN, birth_date, sex, serial) == expected


@pytest.mark.parametrize("district", ["81030", "8103011", "81.03.01", "abcdef", ""])
def test_build_nik_refuses_a_bad_district(district: str) -> None:
    with pytest.raises(ValueError, match="district code must be 6 digits"):
        build_nik(district, dt.date(1990, 1, 1), Sex.MALE, 1)


@pytest.mark.parametrize("serial", [0, -1, 10000])
def test_build_nik_refuses_a_bad_serial(serial: int) -> None:
    with pytest.raises(ValueError, match=f"serial must be 1..9999: {serial}"):
        build_nik(TANIMBAR_SELATAN, dt.date(1990, 1, 1), Sex.MALE, serial)


@settings(max_examples=200, deadline=None)
@given(
    data=st.data(),
    today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2039, 12, 31)),
    sex=st.sampled_from(Sex),
    serial=st.integers(min_value=1, max_value=9999),
    district=st.sampled_from(["810301", "650101", "920203", "960101", "110101", "990101"]),
)
def test_build_then_parse_round_trips(
    data: st.DataObject, today: dt.date, sex: Sex, serial: int, district: str
) -> None:
    # From 1940 on, and with `today` before 2040, a two-digit year is never ambiguous.
    birth_date = data.draw(st.dates(min_value=dt.date(1940, 1, 1), max_value=today))
    nik = build_nik(district, birth_date, sex, serial)
    assert len(nik) == 16
    info = parse_nik(nik, today=today)
    assert info.valid is True
    assert info.errors == ()
    assert info.birth_date == birth_date
    assert info.sex is sex
    assert info.serial == f"{serial:04d}"
    assert info.district_code == district
    assert disagreements(info, birth_date, sex) == ()


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=24))
def test_parse_nik_never_raises_and_valid_means_no_errors(text: str) -> None:
    info = parse_nik(text, today=TODAY)
    assert info.valid is (not info.errors)
    if info.valid:
        assert len(info.nik) == 16
        assert info.birth_date is not None
        assert info.birth_date <= TODAY
        assert info.sex is not None

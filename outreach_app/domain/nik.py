"""NIK (Nomor Induk Kependudukan) parsing: `PP KK CC DDMMYY SSSS`.

Only Dukcapil can say a NIK is real; this module says whether it *can* be one, and what it
tells about its holder. The rules that matter in the field:

- the region is where the card was issued, so a code missing from our region list (a region
  split since, a list that is behind) is a warning, never a reason to refuse a person;
- women's day of birth is stored +40 (41..71);
- the serial is never 0000;
- the two-digit year is read as the latest century that does not put the birth in the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from outreach_app.domain.models import Sex

NIK_LENGTH = 16
FEMALE_DAY_OFFSET = 40


class RegionLookup(Protocol):
    """Names a Kemendagri region code given as plain digits (2, 4 or 6 of them)."""

    def region_name(self, code: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class NikInfo:
    """What a NIK says. `valid` is False when `errors` is not empty; warnings never block."""

    nik: str
    valid: bool
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    birth_date: dt.date | None = None
    sex: Sex | None = None
    province_code: str = ""
    regency_code: str = ""
    district_code: str = ""
    province: str | None = None
    regency: str | None = None
    district: str | None = None
    serial: str = ""
    region: str = field(default="")


def normalise_nik(text: str) -> str:
    """Drops the spaces, dots and dashes people type to group the digits."""
    return "".join(ch for ch in text.strip() if ch not in " .-\t")


def parse_nik(
    text: str, regions: RegionLookup | None = None, today: dt.date | None = None
) -> NikInfo:
    """Parses and checks a NIK; never raises for bad input, the problems are in `errors`."""
    nik = normalise_nik(text)
    if not nik:
        return NikInfo(nik=nik, valid=False, errors=("NIK kosong: isi 16 digit NIK.",))
    if not nik.isascii() or not nik.isdigit():
        return NikInfo(nik=nik, valid=False, errors=("NIK hanya boleh berisi angka (16 digit).",))
    if len(nik) != NIK_LENGTH:
        return NikInfo(
            nik=nik,
            valid=False,
            errors=(f"NIK harus 16 digit, yang diisi {len(nik)} digit.",),
        )

    errors: list[str] = []
    province_code, regency_code, district_code = nik[:2], nik[:4], nik[:6]
    day, month, year2, serial = int(nik[6:8]), int(nik[8:10]), int(nik[10:12]), nik[12:]

    sex: Sex | None = None
    if 1 <= day <= 31:
        sex = Sex.MALE
    elif FEMALE_DAY_OFFSET + 1 <= day <= FEMALE_DAY_OFFSET + 31:
        sex = Sex.FEMALE
        day -= FEMALE_DAY_OFFSET
    else:
        errors.append(
            f"Tanggal lahir di NIK ({nik[6:8]}) tidak mungkin: 01-31 untuk laki-laki, "
            "41-71 untuk perempuan."
        )
    if not 1 <= month <= 12:
        errors.append(f"Bulan lahir di NIK ({nik[8:10]}) tidak mungkin: harus 01-12.")

    birth_date = None
    if not errors:
        birth_date = _birth_date(day, month, year2, today or dt.date.today())
        if birth_date is None:
            errors.append(f"Tanggal lahir di NIK ({nik[6:12]}) tidak ada di kalender.")
    if serial == "0000":
        errors.append("Nomor urut NIK (4 digit terakhir) tidak boleh 0000.")

    province = regency = district = None
    warnings: list[str] = []
    if regions is not None:
        province = regions.region_name(province_code)
        regency = regions.region_name(regency_code)
        district = regions.region_name(district_code)
        unknown = [
            label
            for label, name in (
                (f"provinsi {province_code}", province),
                (f"kabupaten/kota {regency_code}", regency),
                (f"kecamatan {district_code}", district),
            )
            if name is None
        ]
        if unknown:
            warnings.append(
                "Kode wilayah tidak dikenal di daftar Kemendagri: "
                + ", ".join(unknown)
                + " (mungkin wilayah sudah dimekarkan; periksa KTP)."
            )
    region = ", ".join(name for name in (district, regency, province) if name)
    return NikInfo(
        nik=nik,
        valid=not errors,
        errors=tuple(errors),
        warnings=tuple(warnings),
        birth_date=birth_date,
        sex=sex if not errors else None,
        province_code=province_code,
        regency_code=regency_code,
        district_code=district_code,
        province=province,
        regency=regency,
        district=district,
        serial=serial,
        region=region,
    )


def _birth_date(day: int, month: int, year2: int, today: dt.date) -> dt.date | None:
    """The latest century that gives a real date not after today; None if none does."""
    for century in (today.year // 100 * 100, today.year // 100 * 100 - 100):
        try:
            candidate = dt.date(century + year2, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def disagreements(
    info: NikInfo, typed_birth_date: dt.date | None, typed_sex: Sex | None
) -> tuple[str, ...]:
    """Warnings for a form where what was typed does not match what the NIK says."""
    warnings = []
    if info.birth_date and typed_birth_date and info.birth_date != typed_birth_date:
        warnings.append(
            f"Tanggal lahir yang diisi ({typed_birth_date:%d-%m-%Y}) berbeda dengan NIK "
            f"({info.birth_date:%d-%m-%Y})."
        )
    if info.sex and typed_sex and info.sex != typed_sex:
        said = "perempuan" if info.sex is Sex.FEMALE else "laki-laki"
        warnings.append(f"Jenis kelamin yang diisi berbeda dengan NIK (NIK: {said}).")
    return tuple(warnings)


def build_nik(district_code: str, birth_date: dt.date, sex: Sex, serial: int) -> str:
    """The NIK a person with these facts would carry: used by demo data and tests."""
    if len(district_code) != 6 or not district_code.isdigit():
        raise ValueError(f"district code must be 6 digits: {district_code!r}")
    if not 1 <= serial <= 9999:
        raise ValueError(f"serial must be 1..9999: {serial}")
    day = birth_date.day + (FEMALE_DAY_OFFSET if sex is Sex.FEMALE else 0)
    return f"{district_code}{day:02d}{birth_date:%m%y}{serial:04d}"


def masked_nik(nik: str | None) -> str:
    """A NIK as printed on a receipt or a payer's list: the district of issue and the serial
    stay, the birth date in the middle is hidden. "—" when there is none."""
    if not nik:
        return "—"
    if len(nik) != 16:
        return nik
    return f"{nik[:6]}••••••{nik[12:]}"

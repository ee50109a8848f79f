"""Cell values as spreadsheets hold them, read into what a participant record needs.

Lists come from many hands: dates as "15-08-1995", "15/08/1995", "1995-08-15",
"15 Agustus 1995", "15 Agu 1995" or Excel date cells; sex as L/P; JHT as Ya/Tidak; incomes
as "Rp1.500.000" or a number cell. Each reader returns the value or raises `ValueError` with
a message for the user (in Indonesian), which the import puts next to the row and field.

Spreadsheet formula injection: a cell whose text starts with "=", "+", "-" or "@" is run as a
formula by Excel and LibreOffice when a CSV is opened. Every text cell the app writes is
`neutralised` with a leading apostrophe (the OWASP advice; spreadsheets show the text as
typed), and reading strips that apostrophe again (`restore`), so exported files import back
unchanged. Text that still looks like a formula when read is refused (`looks_like_formula`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from outreach_app.domain.amounts import parse_rupiah
from outreach_app.domain.models import MembershipType, Sector, Segment, Sex
from outreach_app.domain.sectors import TRANSPORT_WORKERS

#: The first characters a spreadsheet treats as the start of a formula (tab and carriage
#: return too: some spreadsheets skip them and read what follows).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_LENGTH = 500  # longer than any name or address; a longer cell is a pasted document


@dataclass(frozen=True, slots=True)
class FormulaCell:
    """A spreadsheet cell holding a formula, with the value Excel last computed for it (None
    when the file was written by a program that computes nothing). The import takes the
    value the user saw; a formula without one is refused, never evaluated."""

    formula: str
    cached: object


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undoes `neutralise`: our own apostrophe before a formula character goes."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def looks_like_formula(text: str) -> bool:
    """ "=HYPERLINK(...)", "@SUM(A1)", "+cmd|' /C calc'!A0": refused. A phone number
    ("+62 812-...") or a dash for "none" is not a formula."""
    if text.startswith(("=", "@")):
        return True
    return text.startswith(("+", "-")) and any(ch in text for ch in "(!|")


def cell_text(value: object) -> str:
    """Any cell as the text a person would read in it (a whole number without ".0")."""
    if value is None:
        return ""
    if isinstance(value, FormulaCell):
        return cell_text(value.cached)
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y") if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return restore(str(value).strip())


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "peb", "pebruari", "february"),
            ("maret", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("agustus", "agu", "agt", "ags", "agst", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "des", "dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?)?")
_WORDED_DATE = re.compile(r"(\d{1,2})[\s\-/.]+([a-z]+)\.?[\s\-/.]+(\d{4})")
DATE_FORMATS_HINT = "hh-bb-tttt (15-08-1995), 15/08/1995, 1995-08-15 atau 15 Agustus 1995"


def parse_date(value: object) -> dt.date:
    """An Excel date cell, or text in a common Indonesian way of writing dates."""
    if isinstance(value, FormulaCell):
        value = value.cached
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = cell_text(value).lower()
    day = month = year = None
    if match := _NUMERIC_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _WORDED_DATE.fullmatch(text):
        month = _MONTHS.get(match.group(2))
        if month is None:
            raise ValueError(f"Nama bulan {match.group(2)!r} tidak dikenal.")
        day, year = int(match.group(1)), int(match.group(3))
    if day is None or month is None or year is None:
        raise ValueError(f"{cell_text(value)!r} bukan tanggal: tulis sebagai {DATE_FORMATS_HINT}.")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"Tanggal {cell_text(value)!r} tidak ada di kalender.") from None


def split_place_and_date(value: object) -> tuple[str, object]:
    """ "Saumlaki, 15-08-1995" (a "tempat, tanggal lahir" column) -> ("Saumlaki", "15-08-1995");
    anything else comes back as it is, with no place."""
    if isinstance(value, str) and "," in value:
        place, _, day = value.rpartition(",")
        if any(ch.isdigit() for ch in day):
            return place.strip(), day.strip()
    return "", value


_SEXES = {
    **dict.fromkeys(("l", "lk", "laki", "laki laki", "laki-laki", "pria", "m", "male"), Sex.MALE),
    **dict.fromkeys(("p", "pr", "perempuan", "wanita", "w", "f", "female"), Sex.FEMALE),
}


def parse_sex(value: object) -> Sex | None:
    """L/P as on the KTP (or Laki-laki/Perempuan, M/F); None when empty."""
    text = cell_text(value).lower().rstrip(".")
    if not text or text == "-":
        return None
    if text in _SEXES:
        return _SEXES[text]
    raise ValueError(f"Jenis kelamin {cell_text(value)!r} tidak dikenal: tulis L atau P.")


_YES = {"ya", "y", "yes", "1", "true", "benar", "ikut", "iya", "v", "x", "✓"}
_NO = {"tidak", "t", "tdk", "no", "n", "0", "false", "", "-", "salah"}


def parse_yes_no(value: object) -> bool:
    text = cell_text(value).lower().rstrip(".")
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"{cell_text(value)!r} bukan Ya atau Tidak.")


def parse_income(value: object) -> int:
    """Whole rupiah from a number cell or text such as "Rp1.500.000"."""
    if isinstance(value, FormulaCell):
        value = value.cached
    if isinstance(value, bool):
        raise ValueError(f"Penghasilan {value!r} bukan jumlah rupiah.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError(f"Penghasilan {value} bukan rupiah utuh.")
    text = cell_text(value)
    if not text:
        raise ValueError("Penghasilan belum diisi.")
    try:
        return parse_rupiah(text)
    except ValueError:
        raise ValueError(
            f"Penghasilan {text!r} bukan jumlah rupiah: tulis seperti 1500000 atau 1.500.000."
        ) from None


_MONTHS_TEXT = re.compile(r"(\d{1,3})\s*(?:bulan|bln|bl|months?)?\.?")


def parse_months(value: object) -> int:
    """ "3", "3 bulan", 3 -> 3; whether the period is allowed is a registration rule."""
    if isinstance(value, FormulaCell):
        value = value.cached
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if match := _MONTHS_TEXT.fullmatch(text):
        return int(match.group(1))
    raise ValueError(f"Periode {cell_text(value)!r} bukan jumlah bulan.")


_SECTORS = {
    # PP 50/2025: ojek online and pangkalan, drivers, parcel and logistics couriers
    **dict.fromkeys(("transport", "transportasi", "angkutan", "ojek", "ojol", "ojek online",
                     "ojek pangkalan", "pengemudi", "sopir", "kurir", "transport workers"),
                    Sector.TRANSPORT),
    # fishers are not transport workers under PP 50/2025
    **dict.fromkeys(("other", "lainnya", "lain lain", "lain-lain", "lain", "umum", "",
                     "bukan transportasi", "nelayan", "perikanan"),
                    Sector.OTHER),
}  # fmt: skip


def parse_sector(value: object) -> Sector:
    text = cell_text(value).lower()
    if text in _SECTORS:
        return _SECTORS[text]
    raise ValueError(
        f"Sektor {cell_text(value)!r} tidak dikenal: tulis Transportasi ({TRANSPORT_WORKERS}; "
        "bukan nelayan) atau Lainnya."
    )


SEGMENT_LABELS = {
    Segment.APARATUR_DESA: "Aparatur desa",
    Segment.NELAYAN: "Nelayan",
    Segment.PETANI: "Petani",
    Segment.PEKERJA_RENTAN: "Pekerja rentan",
    Segment.PEDAGANG: "Pedagang",
    Segment.LAINNYA: "Lainnya",
}
SECTOR_LABELS = {Sector.TRANSPORT: "Transportasi", Sector.OTHER: "Lainnya"}
MEMBERSHIP_LABELS = {MembershipType.BPU: "BPU", MembershipType.PU: "PU"}
SEX_LABELS = {Sex.MALE: "L", Sex.FEMALE: "P"}


def parse_segment(value: object) -> Segment:
    text = cell_text(value).lower().replace("_", " ")
    if not text:
        return Segment.LAINNYA
    for segment, label in SEGMENT_LABELS.items():
        if text in (label.lower(), segment.value.replace("_", " ")):
            return segment
    if text in ("perangkat desa", "aparat desa"):
        return Segment.APARATUR_DESA
    choices = ", ".join(SEGMENT_LABELS.values())
    raise ValueError(f"Segmen {cell_text(value)!r} tidak dikenal: pilih {choices}.")


def parse_membership(value: object) -> MembershipType:
    text = cell_text(value).lower()
    if text in ("", "bpu", "bukan penerima upah"):
        return MembershipType.BPU
    if text in ("pu", "penerima upah"):
        return MembershipType.PU
    raise ValueError(f"Kepesertaan {cell_text(value)!r} tidak dikenal: tulis BPU atau PU.")

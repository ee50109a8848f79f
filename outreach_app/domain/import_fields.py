"""The columns a participant list can have, and guessing them from the file's header row.

Village offices, regencies and sponsors send lists with their own headers ("No. KTP",
"Tgl Lhr", "Nama Lengkap Sesuai KTP", "Gaji (Rp)"). Each field has the names people use for
it, in Indonesian and English; a header is matched after normalising (case, punctuation and
spaces), exactly first, then by the longest known name it contains. The user corrects the
guess in the mapping step, and the mapping is remembered per file layout: the hash of the
normalised header row (`layout_key`), so next month's list in the same layout maps itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum


class ImportField(StrEnum):
    """Where a column's values go; the values are the Participant attributes where one fits."""

    NIK = "nik"
    FULL_NAME = "full_name"
    BIRTH_PLACE = "birth_place"
    BIRTH_DATE = "birth_date"
    SEX = "sex"
    ADDRESS = "address"
    VILLAGE_CODE = "village_code"
    VILLAGE_NAME = "village_name"
    POSTAL_CODE = "postal_code"
    PHONE = "phone"
    EMAIL = "email"
    OCCUPATION = "occupation"
    SECTOR = "sector"
    WORK_LOCATION = "work_location"
    DECLARED_INCOME = "declared_income"
    INCLUDE_JHT = "include_jht"
    PAYMENT_MONTHS = "payment_months"
    PAYER = "payer"
    SEGMENT = "segment"
    MEMBERSHIP = "membership"
    MOTHERS_MAIDEN_NAME = "mothers_maiden_name"
    KPJ = "kpj"
    REGISTERED_ON = "registered_on"


#: What the app calls each field: the export's headers and the mapping step's choices.
FIELD_LABELS: dict[ImportField, str] = {
    ImportField.NIK: "NIK",
    ImportField.FULL_NAME: "Nama lengkap",
    ImportField.BIRTH_PLACE: "Tempat lahir",
    ImportField.BIRTH_DATE: "Tanggal lahir",
    ImportField.SEX: "Jenis kelamin",
    ImportField.ADDRESS: "Alamat",
    ImportField.VILLAGE_CODE: "Kode desa",
    ImportField.VILLAGE_NAME: "Desa",
    ImportField.POSTAL_CODE: "Kode pos",
    ImportField.PHONE: "Telepon",
    ImportField.EMAIL: "Email",
    ImportField.OCCUPATION: "Pekerjaan",
    ImportField.SECTOR: "Sektor",
    ImportField.WORK_LOCATION: "Lokasi kerja",
    ImportField.DECLARED_INCOME: "Penghasilan",
    ImportField.INCLUDE_JHT: "JHT",
    ImportField.PAYMENT_MONTHS: "Periode (bulan)",
    ImportField.PAYER: "Pembayar",
    ImportField.SEGMENT: "Segmen",
    ImportField.MEMBERSHIP: "Kepesertaan",
    ImportField.MOTHERS_MAIDEN_NAME: "Nama ibu kandung",
    ImportField.KPJ: "KPJ",
    ImportField.REGISTERED_ON: "Tanggal daftar",
}

#: The fields without which a row cannot be told apart from another: the mapping needs both.
KEY_FIELDS = (ImportField.NIK, ImportField.FULL_NAME)

#: The column the error file adds; read back, it is dropped, so a fixed error file keeps the
#: layout (and the remembered mapping) of the file it came from.
REASON_HEADER = "Alasan penolakan"

_SYNONYMS: dict[ImportField | None, tuple[str, ...]] = {
    ImportField.NIK: (
        "nik", "no nik", "nomor nik", "nik ktp", "no ktp", "nomor ktp", "ktp", "no induk",
        "nomor induk kependudukan", "national id", "id number", "nik peserta",
    ),
    ImportField.FULL_NAME: (
        "nama", "nama lengkap", "nama peserta", "nama pekerja", "nama tenaga kerja",
        "nama sesuai ktp", "nama lengkap sesuai ktp", "name", "full name", "nama aparatur",
        "nama perangkat desa",
    ),
    ImportField.BIRTH_PLACE: (
        "tempat lahir", "tmp lahir", "tmpt lahir", "tempat lhr", "place of birth",
        "birth place", "birthplace",
    ),
    ImportField.BIRTH_DATE: (
        "tanggal lahir", "tgl lahir", "tgl lhr", "tanggal lhr", "tgl lahir dd mm yyyy",
        "date of birth", "birth date", "birthdate", "dob", "lahir",
        # "Saumlaki, 15-08-1995" in one column: the place goes to the birth place
        "ttl", "tempat tanggal lahir", "tempat tgl lahir",
    ),
    ImportField.SEX: ("jenis kelamin", "jk", "kelamin", "l p", "sex", "gender", "jns kelamin"),
    ImportField.ADDRESS: ("alamat", "alamat lengkap", "alamat rumah", "alamat ktp", "address"),
    ImportField.VILLAGE_CODE: (
        "kode desa", "kode wilayah", "kode kelurahan", "kode desa kelurahan", "kode kemendagri",
        "village code",
    ),
    ImportField.VILLAGE_NAME: (
        "desa", "kelurahan", "desa kelurahan", "nama desa", "nama kelurahan", "village",
    ),
    ImportField.POSTAL_CODE: ("kode pos", "kodepos", "postal code", "zip", "zip code"),
    ImportField.PHONE: (
        "telepon", "no telepon", "nomor telepon", "no hp", "nomor hp", "hp", "telp", "no telp",
        "handphone", "whatsapp", "no wa", "nomor wa", "phone", "phone number", "mobile",
    ),
    ImportField.EMAIL: ("email", "e mail", "surel", "alamat email", "alamat surel"),
    ImportField.OCCUPATION: (
        "pekerjaan", "jenis pekerjaan", "profesi", "jabatan", "occupation", "job",
    ),
    ImportField.SECTOR: ("sektor", "sektor usaha", "sector"),
    ImportField.WORK_LOCATION: (
        "lokasi kerja", "lokasi pekerjaan", "tempat kerja", "tempat bekerja", "work location",
        "workplace",
    ),
    ImportField.DECLARED_INCOME: (
        "penghasilan", "penghasilan per bulan", "penghasilan bulan", "penghasilan bulanan",
        "upah", "gaji", "pendapatan", "income", "monthly income",
    ),
    ImportField.INCLUDE_JHT: ("jht", "ikut jht", "program jht", "include jht"),
    ImportField.PAYMENT_MONTHS: (
        "periode", "periode bulan", "periode pembayaran", "periode bayar", "lama bayar",
        "bulan", "months", "payment period", "period",
    ),
    ImportField.PAYER: ("pembayar", "penanggung iuran", "sumber dana", "payer"),
    ImportField.SEGMENT: ("segmen", "segment", "kelompok"),
    ImportField.MEMBERSHIP: ("kepesertaan", "jenis kepesertaan", "membership"),
    ImportField.MOTHERS_MAIDEN_NAME: (
        "nama ibu kandung", "ibu kandung", "nama ibu", "mother s maiden name",
        "mothers maiden name",
    ),
    ImportField.KPJ: ("kpj", "no kpj", "nomor kpj", "nomor peserta", "no peserta"),
    ImportField.REGISTERED_ON: (
        "tanggal daftar", "tgl daftar", "tanggal pendaftaran", "registered on",
        "registration date",
    ),
    # Columns known to carry nothing to import: numbering, derived figures, our own status.
    None: (
        "no", "nomor", "no urut", "nomor urut", "status", "dasar penghasilan", "keterangan",
        "ket", "catatan",
    ),
}  # fmt: skip

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise_header(text: object) -> str:
    """ "No. NIK (KTP)" -> "no nik ktp": what two spellings of one header have in common."""
    return _NON_WORD.sub(" ", str(text or "").lower()).strip()


_EXACT: dict[str, ImportField | None] = {
    normalise_header(name): field for field, names in _SYNONYMS.items() for name in names
}
_BY_LENGTH = sorted(_EXACT.items(), key=lambda item: -len(item[0]))


def guess_field(header: object) -> ImportField | None:
    """The field a header names, or None (unknown, or a column known to hold nothing)."""
    normal = normalise_header(header)
    if not normal:
        return None
    if normal in _EXACT:
        return _EXACT[normal]
    padded = f" {normal} "
    for name, field in _BY_LENGTH:
        if len(name) >= 2 and f" {name} " in padded:
            return field
    return None


def guess_mapping(headers: Sequence[object]) -> dict[int, ImportField]:
    """Column index -> field for every header recognised; a field goes to its first column."""
    mapping: dict[int, ImportField] = {}
    for index, header in enumerate(headers):
        field = guess_field(header)
        if field is not None and field not in mapping.values():
            mapping[index] = field
    return mapping


def layout_key(headers: Iterable[object]) -> str:
    """Names a file layout: the same headers (however spelled in case and punctuation) give
    the same key, so a mapping corrected once applies to the next file like it."""
    normal = [normalise_header(h) for h in headers]
    while normal and not normal[-1]:
        normal.pop()
    return hashlib.sha256("\x1f".join(normal).encode("utf-8")).hexdigest()[:32]


def mapping_problems(mapping: Mapping[int, ImportField]) -> list[str]:
    """Why a mapping cannot be imported with: a key field missing, a field chosen twice."""
    problems = []
    chosen = list(mapping.values())
    for field in KEY_FIELDS:
        if field not in chosen:
            problems.append(f"Kolom {FIELD_LABELS[field]} belum dipilih.")
    twice = sorted({f for f in chosen if chosen.count(f) > 1}, key=chosen.index)
    for field in twice:
        problems.append(f"Kolom {FIELD_LABELS[field]} dipilih untuk lebih dari satu kolom.")
    return problems

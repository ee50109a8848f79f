"""Reading a participant list from a CSV or XLSX file, or saying plainly why it cannot be.

Nothing is imported from a file that fails here. The checks, in the order they run:

- size: above `MAX_FILE_BYTES` (20 MiB) the file is refused before it is read at all;
- kind, by content, not by name: an XLSX renamed .csv is read as XLSX; an old .xls, a PDF,
  an image or any other binary file is refused with its kind named;
- CSV text: UTF-8 (with or without BOM), UTF-16 with a BOM, then Windows-1252, then
  Latin-1, and the encoding used is reported; text that decodes only into control
  characters is refused as unreadable;
- CSV separator: comma, semicolon (Excel's choice on Indonesian Windows), tab or bar,
  whichever splits the first lines most consistently;
- header: the first row (of the first ten) that names at least two known columns, one of
  them NIK or name; a first row that holds data (a NIK, a date) is refused as "no header";
- XLSX formulas: the value Excel computed and saved is read (what the user saw); a formula
  cell without one is left to the row check, which refuses that cell (nothing is evaluated);
- limits: `MAX_ROWS` rows and `MAX_COLUMNS` columns; CSV cells longer than Python's csv
  limit (128 KiB) refuse the file, long cells within it are refused per row.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from outreach_app.domain.errors import DomainError
from outreach_app.domain.import_fields import (
    KEY_FIELDS,
    REASON_HEADER,
    guess_mapping,
    normalise_header,
)
from outreach_app.domain.import_values import FormulaCell, cell_text
from outreach_app.domain.nik import normalise_nik
from outreach_app.tabular.writing import DEMO_KEYWORD, DEMO_NOTICE

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200
HEADER_SEARCH_ROWS = 10
SNIFF_LINES = 50
DELIMITERS = (";", ",", "\t", "|")
DELIMITER_NAMES = {";": "titik koma", ",": "koma", "\t": "tab", "|": "garis tegak"}

_MAGIC = (
    (b"\xd0\xcf\x11\xe0", "old-excel"),
    (b"%PDF", "PDF"),
    (b"\x89PNG", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"GIF8", "gambar GIF"),
    (b"SQLite format 3", "basis data SQLite"),
    (b"\x1f\x8b", "arsip gzip"),
    (b"Rar!", "arsip RAR"),
    (b"7z\xbc\xaf", "arsip 7-Zip"),
    (b"MZ", "program Windows"),
    (b"\x7fELF", "program"),
)


class UnusableFile(DomainError):
    """The file as a whole cannot be imported (nothing is): the message says why and what
    to do about it."""


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """How the file was read, to tell the user (a wrong guess shows at once)."""

    name: str
    kind: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""

    def describe(self) -> str:
        if self.kind == "xlsx":
            return f"XLSX, lembar {self.sheet!r}"
        return f"CSV, {self.encoding}, pemisah {DELIMITER_NAMES.get(self.delimiter, 'koma')}"


Row = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """The file's header and data rows (empty rows dropped), each with its row number."""

    info: SourceInfo
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[int, Row], ...]
    demo: bool = False  # written from a demo database (its notice, or "DEMO" in its keywords)


def read_table(path: Path) -> Table:
    """The list in `path`; raises UnusableFile with the reason when it cannot be used."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnusableFile(f"Berkas {name} tidak bisa dibuka: {exc.strerror or exc}.") from exc
    if size > MAX_FILE_BYTES:
        raise UnusableFile(
            f"Berkas {name} terlalu besar ({size / 1024 / 1024:.0f} MB; paling besar "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB). Bagi daftarnya menjadi beberapa berkas."
        )
    if size == 0:
        raise UnusableFile(f"Berkas {name} kosong: tidak ada baris untuk diimpor.")
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise UnusableFile(f"Berkas {name} tidak bisa dibuka: {exc.strerror or exc}.") from exc
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "old-excel":
                raise UnusableFile(
                    f"Berkas {name} berformat Excel lama (.xls) atau terkunci kata sandi: "
                    "buka di Excel dan simpan sebagai .xlsx atau CSV tanpa kata sandi."
                )
            raise UnusableFile(
                f"Berkas {name} bukan daftar CSV atau XLSX: isinya {kind}. Simpan daftar "
                "dari Excel sebagai CSV atau XLSX."
            )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise UnusableFile(
            f"Berkas {name} bukan berkas XLSX yang sah (rusak, atau bukan buatan Excel)."
        )
    return _read_csv(path)


# --- CSV ----------------------------------------------------------------------------------


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if (ch < " " and ch not in "\t\r\n") or "\x7f" <= ch <= "\x9f")
    return controls / max(1, len(text))


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, the encoding used, as told to the user)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" in raw[:8192]:
        raise UnusableFile(
            f"Berkas {name} bukan CSV teks: isinya data biner. Simpan daftar dari Excel "
            "sebagai CSV atau XLSX."
        )
    attempts = (("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))
    for codec, label in attempts:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= 0.001:
            bom = " dengan BOM" if codec == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf") else ""
            return text, label + bom
    raise UnusableFile(
        f"Huruf di berkas {name} tidak terbaca (bukan UTF-8, Windows-1252 atau Latin-1): "
        'simpan ulang dari Excel sebagai "CSV UTF-8".'
    )


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the same number of columns most often."""
    sample = [line for line in text.splitlines()[:SNIFF_LINES] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(sample, delimiter=delimiter)]
        except csv.Error:
            continue
        wide = [n for n in counts if n > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = (wide.count(mode), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path) -> Table:
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnusableFile(f"Berkas {name} tidak bisa dibuka: {exc.strerror or exc}.") from exc
    text, encoding = decode(raw, name)
    if not text.strip():
        raise UnusableFile(f"Berkas {name} kosong: tidak ada baris untuk diimpor.")
    delimiter = sniff_delimiter(text)
    rows: list[tuple[int, Row]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise _too_many_rows(name)
            trimmed = _trim(cells)
            if trimmed:
                rows.append((number, trimmed))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise UnusableFile(
                f"Berkas {name} berisi sel yang sangat panjang (lebih dari 128 ribu karakter) "
                "di sekitar baris {line}: ini bukan daftar peserta biasa.".format(
                    line=reader.line_num
                )
            ) from exc
        raise UnusableFile(
            f"Berkas {name} tidak bisa dibaca sebagai CSV (baris {reader.line_num}): {exc}."
        ) from exc
    info = SourceInfo(name=name, kind="csv", encoding=encoding, delimiter=delimiter)
    return _table(info, rows)


def _trim(cells: Sequence[object]) -> Row:
    """Cells without the empty ones at the end; () for a row with nothing in it."""
    end = len(cells)
    while end and not isinstance(cells[end - 1], FormulaCell) and cell_text(cells[end - 1]) == "":
        end -= 1
    return tuple(cells[:end])


def _too_many_rows(name: str) -> UnusableFile:
    return UnusableFile(
        f"Berkas {name} berisi lebih dari {MAX_ROWS:,} baris".replace(",", ".")
        + ": bagi daftarnya menjadi beberapa berkas."
    )


# --- the header ---------------------------------------------------------------------------


def _looks_like_data(cells: Row) -> str | None:
    """A cell that says this row is data, not a header (a NIK, a date, a number)."""
    import datetime as dt

    for cell in cells:
        if isinstance(cell, dt.date | int | float) and not isinstance(cell, bool):
            return cell_text(cell)
        text = cell_text(cell)
        digits = normalise_nik(text)
        if len(digits) >= 8 and digits.isdigit():
            return text
    return None


def find_header(rows: Sequence[tuple[int, Row]]) -> int:
    """Index in `rows` of the header row; the first row if none names a known column."""
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = set(guess_mapping([cell_text(c) for c in cells]).values())
        if len(fields) >= 2 and fields & set(KEY_FIELDS):
            return index
    return 0


def _table(info: SourceInfo, rows: list[tuple[int, Row]]) -> Table:
    name = info.name
    if not rows:
        raise UnusableFile(f"Berkas {name} kosong: tidak ada baris untuk diimpor.")
    at = find_header(rows)
    header_number, header_cells = rows[at]
    if at == 0 and not guess_mapping([cell_text(c) for c in header_cells]):
        sample = _looks_like_data(header_cells)
        if sample is not None:
            raise UnusableFile(
                f"Baris pertama berkas {name} bukan judul kolom: isinya data (mis. {sample}). "
                "Tambahkan baris judul seperti NIK, Nama lengkap, Tanggal lahir, Desa."
            )
    if len(header_cells) > MAX_COLUMNS:
        raise UnusableFile(
            f"Berkas {name} punya {len(header_cells)} kolom (paling banyak {MAX_COLUMNS}): "
            "ini bukan daftar peserta biasa."
        )
    headers = [cell_text(c) for c in header_cells]
    reason = normalise_header(REASON_HEADER)
    keep = [i for i, h in enumerate(headers) if normalise_header(h) != reason]
    data = rows[at + 1 :]
    if not data:
        raise UnusableFile(f"Berkas {name} hanya berisi judul kolom, tanpa data peserta.")
    if len(data) > MAX_ROWS:
        raise _too_many_rows(name)
    if len(keep) != len(headers):  # an error file read back: its reason column goes
        headers = [headers[i] for i in keep]
        data = [(n, tuple(c[i] if i < len(c) else "" for i in keep)) for n, c in data]
    demo = any(
        cell_text(cell).startswith(DEMO_NOTICE[:10]) for _n, cells in rows[:at] for cell in cells
    )
    return Table(info, header_number, tuple(headers), tuple(data), demo)


# --- XLSX ---------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> Table:
    """Two streaming passes in step: one sees formulas, the other the values Excel saved."""
    from openpyxl import load_workbook

    name = path.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # styles and extensions openpyxl does not model
            formulas = load_workbook(path, read_only=True, data_only=False)
            values = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise UnusableFile(
            f"Berkas {name} bukan berkas XLSX yang sah (rusak, atau bukan buatan Excel)."
        ) from exc
    try:
        first: Table | UnusableFile | None = None
        for sheet in formulas.sheetnames:
            info = SourceInfo(name=name, kind="xlsx", sheet=sheet)
            rows = list(_sheet_rows(formulas[sheet], values[sheet], name))
            if not rows:
                continue
            try:
                table = _table(info, rows)
            except UnusableFile as exc:
                first = first or exc
                continue
            if set(guess_mapping(table.headers).values()) & set(KEY_FIELDS):
                keywords = str(formulas.properties.keywords or "").split(";")
                demo = DEMO_KEYWORD in (word.strip() for word in keywords)
                return replace(table, demo=table.demo or demo)
            first = first or table
    finally:
        formulas.close()
        values.close()
    if isinstance(first, UnusableFile):
        raise first
    if first is None:
        raise UnusableFile(f"Berkas {name} kosong: tidak ada baris untuk diimpor.")
    return first


def _sheet_rows(formula_sheet: object, value_sheet: object, name: str) -> Iterator[tuple[int, Row]]:
    found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pairs = zip(
            formula_sheet.iter_rows(),  # type: ignore[attr-defined]
            value_sheet.iter_rows(),  # type: ignore[attr-defined]
            strict=False,
        )
        for number, (formula_row, value_row) in enumerate(pairs, start=1):
            cells: list[object] = []
            for index, cell in enumerate(formula_row[: MAX_COLUMNS + 1]):
                value = cell.value
                if getattr(cell, "data_type", None) == "f" or (
                    isinstance(value, str) and value.startswith("=") and len(value) > 1
                    and getattr(cell, "data_type", None) != "s"
                ):  # fmt: skip
                    cached = value_row[index].value if index < len(value_row) else None
                    cells.append(FormulaCell(str(value), cached))
                else:
                    cells.append(value)
            trimmed = _trim(cells)
            if trimmed:
                found += 1
                if found > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise _too_many_rows(name)
                yield number, trimmed

"""Writing rows to CSV or XLSX (chosen by the file's extension) the way every export must:

- every text cell is neutralised against formula injection (`domain.import_values.neutralise`:
  a leading apostrophe before "=", "+", "-", "@", tab or carriage return), so no cell of a
  file we write starts with a character a spreadsheet would run;
- each file says it holds personal data: a CSV's first line is that notice (the import skips
  it when it looks for the header); an XLSX opens on a first sheet "PERHATIAN" with the
  notice, and carries it in its document properties (subject, keywords, description);
- the file appears whole or not at all (written beside the target, then renamed over it);
- a file written from the demo database says so first (`DEMO_NOTICE`, and "DEMO" in an
  XLSX's keywords), so made-up people are never taken for real ones, and the import refuses
  it anywhere but in a demo database.

XLSX cells keep their kinds: numbers as numbers, dates as dates shown dd-mm-yyyy, and text
(a NIK among them) as text, so Excel neither rounds a 16-digit NIK nor reads it as a number.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, cast

from outreach_app.domain.errors import DomainError
from outreach_app.domain.import_values import FormulaCell, neutralise
from outreach_app.files import replace_atomically

PERSONAL_DATA_NOTICE = (
    "PERHATIAN: berkas ini berisi data pribadi peserta BPJS Ketenagakerjaan (NIK, tanggal "
    "lahir, alamat, telepon). Simpan di tempat aman, bagikan hanya kepada yang berhak, dan "
    "hapus bila tidak diperlukan lagi."
)
DEMO_NOTICE = (
    "DATA DEMO: orang-orang dalam berkas ini buatan untuk latihan, bukan peserta sebenarnya. "
    "Jangan dikirim ke kantor cabang dan jangan diimpor ke laptop kerja."
)
DEMO_KEYWORD = "DEMO"
NOTICE_SHEET = "PERHATIAN"
FORMATS = (".csv", ".xlsx")
# Characters XML 1.0 cannot hold (openpyxl refuses them); a stray one must not stop an export.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Progress = Callable[[int], None]


class UnsupportedFormat(DomainError):
    """A target whose extension names no format we write."""


def format_of(target: Path) -> str:
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormat(
            f"Akhiran berkas {target.name!r} tidak dikenal: pakai .xlsx atau .csv."
        )
    return suffix[1:]


def csv_text(value: object) -> str:
    """A cell as CSV text, neutralised: dates dd-mm-yyyy, booleans Ya/Tidak."""
    if isinstance(value, FormulaCell):  # as the user saw it; the formula itself if no value
        value = value.formula if value.cached is None else value.cached
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, dt.datetime):
        shown = "%d-%m-%Y" if value.time() == dt.time() else "%d-%m-%Y %H:%M"
        return value.strftime(shown)
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return neutralise(str(int(value)))
    return neutralise(str(value))


def write_table(
    target: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    title: str,
    delimiter: str = ",",
    progress: Progress | None = None,
    demo: bool = False,
) -> Path:
    """Writes the table to `target` (CSV or XLSX by its extension); returns the path.
    `demo`: the rows come from the demo database, and the file says so first."""
    kind = format_of(target)
    notices = [DEMO_NOTICE, PERSONAL_DATA_NOTICE] if demo else [PERSONAL_DATA_NOTICE]

    def write(path: Path) -> None:
        if kind == "csv":
            _write_csv(path, headers, rows, delimiter, progress, notices)
        else:
            _write_xlsx(path, headers, rows, title, progress, notices)

    return replace_atomically(target, write)


def _write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    delimiter: str,
    progress: Progress | None,
    notices: Sequence[str],
) -> None:
    # UTF-8 with a BOM: Excel on Windows reads it as UTF-8 only then.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerows([notice] for notice in notices)
        writer.writerow([neutralise(h) for h in headers])
        for count, row in enumerate(rows, start=1):
            writer.writerow([csv_text(v) for v in row])
            if progress is not None and count % 1000 == 0:
                progress(count)


def _xlsx_value(value: object) -> object:
    if isinstance(value, FormulaCell):
        value = value.formula if value.cached is None else value.cached
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("", neutralise(value))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
        return neutralise(str(value))  # never a cell starting with "-"
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # the local time written on the receipt
    return value


def _write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    title: str,
    progress: Progress | None,
    notices: Sequence[str],
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    book.properties.title = title
    book.properties.subject = "Data pribadi peserta BPJS Ketenagakerjaan"
    book.properties.keywords = "; ".join(
        ["data pribadi", "rahasia", "Perisai Outreach"]
        + ([DEMO_KEYWORD] if DEMO_NOTICE in notices else [])
    )
    book.properties.description = " ".join(notices)
    book.properties.creator = "Perisai Outreach"
    notice = book.create_sheet(NOTICE_SHEET)
    notice.column_dimensions["A"].width = 110
    bold = Font(bold=True)
    for text in notices:
        line = WriteOnlyCell(notice, value=text)
        line.font = bold
        notice.append([line])
    notice.append([f"Isi: {title}. Data ada di lembar berikutnya."])
    sheet = book.create_sheet(_sheet_title(title))
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers):
        letter = _column_letter(index)
        sheet.column_dimensions[letter].width = max(10, min(40, len(header) + 4))
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=_ILLEGAL_XML.sub("", neutralise(header)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for count, row in enumerate(rows, start=1):
        cells: list[object] = []
        for value in row:
            plain = _xlsx_value(value)
            if isinstance(plain, dt.date):
                cell = WriteOnlyCell(sheet, value=cast(Any, plain))
                cell.number_format = "DD-MM-YYYY" if not isinstance(plain, dt.datetime) else (
                    "DD-MM-YYYY HH:MM")  # fmt: skip
                cells.append(cell)
            else:
                cells.append(plain)
        sheet.append(cells)
        if progress is not None and count % 1000 == 0:
            progress(count)
    book.save(path)


def _sheet_title(title: str) -> str:
    """Excel's sheet names: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Data"


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

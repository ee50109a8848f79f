"""A table as an XLSX workbook (openpyxl): the numbers behind a dashboard chart, or a list.

(Beside tabular/writing.py, which streams long exports to a file: this one lays out a short
table with a title and notes, in memory, for the dashboard's Simpan XLSX. Both neutralise
text with the same rule and say the same personal-data notice.)

Numbers stay numbers and dates stay dates, so the branch can sum and filter them. Text that a
spreadsheet would run as a formula (it starts with =, +, - or @, or a tab or carriage return
that some programs skip) is written with a leading apostrophe: a participant named
"=HYPERLINK(...)" is shown, never run. A sheet that lists people says so above the table and
in the file's properties, because it holds personal data.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from outreach_app.domain.import_values import neutralise
from outreach_app.tabular.writing import PERSONAL_DATA_NOTICE

if TYPE_CHECKING:  # openpyxl loads when a workbook is written, not with the dashboard page
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | dt.date | None

_HEADER_FILL_COLOUR = "E8EEF5"
_MAX_WIDTH = 60


@dataclass(frozen=True, slots=True)
class SheetContent:
    """One table: `rows` hold native values (int rupiah, dates), not formatted text."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    personal_data: bool = False
    notes: tuple[str, ...] = ()  # lines under the title (the day, the rules applied, ...)
    number_formats: tuple[str | None, ...] = ()  # per column, e.g. '"Rp"#,##0' or "0.0"


def safe_text(value: str) -> str:
    """Text as a spreadsheet shows it, never as a formula it would run."""
    return neutralise(value)


def _cell(value: Cell) -> Cell:
    return safe_text(value) if isinstance(value, str) else value


def render_xlsx(content: SheetContent) -> bytes:
    """The workbook as bytes: title, notes (and the personal-data notice), then the table with
    its header row frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    if any(len(row) != len(content.headers) for row in content.rows):
        raise ValueError("every row needs one value per header")
    book = Workbook()
    sheet = book.create_sheet(index=0)  # a Worksheet, typed as one (book.active may be None)
    book.remove(book.worksheets[1])  # the default empty sheet
    sheet.title = safe_text(content.title)[:31].replace("/", "-") or "Data"
    book.properties.title = safe_text(content.title)
    book.properties.creator = "Perisai Outreach"
    lines: list[str] = list(content.notes)
    if content.personal_data:
        lines.insert(0, PERSONAL_DATA_NOTICE)
        book.properties.keywords = "data pribadi"
        book.properties.description = PERSONAL_DATA_NOTICE
    sheet.append([safe_text(content.title)])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    for line in lines:
        sheet.append([safe_text(line)])
        if line == PERSONAL_DATA_NOTICE:
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, color="B45309")
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append([safe_text(text) for text in content.headers])
    for column in range(1, len(content.headers) + 1):
        cell = sheet.cell(row=header_row, column=column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL_COLOUR)
    for row in content.rows:
        sheet.append([_cell(value) for value in row])
    _format_columns(sheet, content, header_row)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _format_columns(sheet: Worksheet, content: SheetContent, header_row: int) -> None:
    from openpyxl.utils import get_column_letter

    for index, header in enumerate(content.headers):
        column = index + 1
        values: Sequence[Cell] = [row[index] for row in content.rows]
        number_format = (
            content.number_formats[index] if index < len(content.number_formats) else None
        )
        for offset, value in enumerate(values):
            cell = sheet.cell(row=header_row + 1 + offset, column=column)
            if isinstance(value, dt.date):
                cell.number_format = "DD-MM-YYYY"
            elif number_format and isinstance(value, int | float):
                cell.number_format = number_format
        widest = max([len(header), *(len(str(v)) for v in values if v is not None)], default=8)
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(_MAX_WIDTH, widest + 3)

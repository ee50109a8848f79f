"""XLSX export (tabular/sheets.py): numbers stay numbers, text never runs as a formula,
and a sheet that lists people says it holds personal data."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from outreach_app.tabular.sheets import (
    PERSONAL_DATA_NOTICE,
    SheetContent,
    render_xlsx,
    safe_text,
)

HEADERS = ("Nama", "Desa", "Iuran", "Dibayar s.d.")


def read(content: SheetContent) -> list[tuple[object, ...]]:
    book = load_workbook(io.BytesIO(render_xlsx(content)))
    return [tuple(row) for row in book.active.iter_rows(values_only=True)]


def test_the_table_keeps_native_values_under_its_title() -> None:
    content = SheetContent(
        "Cakupan per desa",
        HEADERS,
        (("Yohanis", "Wowonda", 16_800, dt.date(2026, 11, 30)),),
        notes=("Data per 21-11-2026",),
    )
    rows = read(content)
    assert rows[0][0] == "Cakupan per desa"
    assert rows[1][0] == "Data per 21-11-2026"
    assert rows[3] == HEADERS
    name, place, amount, until = rows[4]
    assert (name, place, amount) == ("Yohanis", "Wowonda", 16_800)
    assert until.date() == dt.date(2026, 11, 30)  # a date cell, not text
    assert PERSONAL_DATA_NOTICE not in [row[0] for row in rows]


@pytest.mark.parametrize("text", ["=1+1", "+62812", "-5", "@SUM(A1)", "\t=cmd", "\r=x"])
def test_no_cell_starts_with_a_formula_character(text: str) -> None:
    content = SheetContent(text, HEADERS, ((text, text, 1, None),))
    rows = read(content)
    book = load_workbook(io.BytesIO(render_xlsx(content)))
    cells = [cell for row in book.active.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    texts = [v for row in rows for v in row if isinstance(v, str)]
    assert texts and not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in texts)
    assert rows[-1][0] == "'" + text.replace("\r", "\n")  # XML reads a CR back as LF


def test_safe_text_leaves_ordinary_text_alone() -> None:
    assert safe_text("Wowonda") == "Wowonda"
    assert safe_text("Rp16.800") == "Rp16.800"
    assert safe_text("=HYPERLINK()") == "'=HYPERLINK()"


def test_a_list_of_people_says_it_holds_personal_data() -> None:
    content = SheetContent("Pengingat iuran", HEADERS, (("A", "B", 1, None),),
                           personal_data=True)  # fmt: skip
    data = render_xlsx(content)
    rows = read(content)
    assert rows[1][0] == PERSONAL_DATA_NOTICE
    book = load_workbook(io.BytesIO(data))
    assert book.properties.keywords == "data pribadi"
    assert "data pribadi" in book.properties.description


def test_a_row_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="one value per header"):
        render_xlsx(SheetContent("x", HEADERS, (("only one",),)))

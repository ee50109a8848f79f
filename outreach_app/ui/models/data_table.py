"""The numbers behind a dashboard chart as a table: headers, rows of native values (counts,
rupiah, percentages, dates) and how each column reads, so the same rows are shown here,
sorted as numbers, and exported to XLSX as numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt

from outreach_app.reference.dates_text import short_date
from outreach_app.reference.money_text import format_count, format_rupiah
from outreach_app.tabular.sheets import Cell, SheetContent
from outreach_app.ui.models.base import Index, RowsTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2  # the record a row stands for, when there is one


class Kind(Enum):
    TEXT = "text"
    COUNT = "count"
    RUPIAH = "rupiah"
    PERCENT = "percent"  # a float, 0-100
    DATE = "date"


_XLSX_FORMATS = {Kind.COUNT: "#,##0", Kind.RUPIAH: '"Rp"#,##0', Kind.PERCENT: "0.0"}


@dataclass(frozen=True)
class TableData:
    """A table as the page fills it; `objects` (optional) are the records of the rows."""

    title: str
    headers: tuple[str, ...]
    kinds: tuple[Kind, ...]
    rows: tuple[tuple[Cell, ...], ...] = ()
    personal_data: bool = False
    notes: tuple[str, ...] = ()
    objects: tuple[Any, ...] = field(default=())

    def sheet(self) -> SheetContent:
        return SheetContent(
            title=self.title,
            headers=self.headers,
            rows=self.rows,
            personal_data=self.personal_data,
            notes=self.notes,
            number_formats=tuple(_XLSX_FORMATS.get(kind) for kind in self.kinds),
        )


def display(value: Cell, kind: Kind) -> str:
    if value is None:
        return "—"
    if kind is Kind.COUNT and isinstance(value, int):
        return format_count(value)
    if kind is Kind.RUPIAH and isinstance(value, int):
        return format_rupiah(value)
    if kind is Kind.PERCENT and isinstance(value, int | float):
        return f"{value:.1f}%".replace(".", ",")
    if kind is Kind.DATE and isinstance(value, dt.date):
        return short_date(value)
    return str(value)


class DataTableModel(RowsTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = TableData("", (), ())
        self._headers: Sequence[str] = ()
        self._rows: Sequence[tuple[Cell, ...]] = ()

    def set_table(self, table: TableData) -> None:
        self.beginResetModel()
        self.table = table
        self._headers = table.headers
        self._rows = table.rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        kind = self.table.kinds[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(value, kind)
        if role == SortRole:
            return value
        if role == ObjectRole:
            objects = self.table.objects
            return objects[index.row()] if index.row() < len(objects) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and kind not in (Kind.TEXT, Kind.DATE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

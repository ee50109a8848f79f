"""The participant list as a lazy table model: rows arrive a page at a time as the view
scrolls (canFetchMore/fetchMore), so 200k participants never sit in memory at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from outreach_app.domain.models import Participant, Sex
from outreach_app.services.overview import Overview
from outreach_app.storage.participants import ParticipantFilter

Index = QModelIndex | QPersistentModelIndex

COL_NIK, COL_NAME, COL_SEX, COL_BIRTH, COL_VILLAGE, COL_OCCUPATION, COL_STATUS = range(7)
HEADERS = ("NIK", "Nama lengkap", "L/P", "Tanggal lahir", "Desa", "Pekerjaan", "Status")
STATUS_LABELS = {
    "draft": "Draf",
    "registered": "Terdaftar",
    "active": "Aktif",
    "grace": "Masa tenggang",
    "lapsed": "Berhenti",
}

SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2


class ParticipantTableModel(QAbstractTableModel):
    PAGE_SIZE = 500

    def __init__(self, overview: Overview, parent: Any = None) -> None:
        super().__init__(parent)
        self._overview = overview
        self._filters = ParticipantFilter()
        self._rows: list[Participant] = []
        self._total = 0
        self._villages: dict[str, str] = {}

    def reload(self, filters: ParticipantFilter | None = None) -> None:
        self.beginResetModel()
        if filters is not None:
            self._filters = filters
        self._villages = self._overview.village_names()
        self._total = self._overview.count_participants(self._filters)
        self._rows = []
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()  # the first page now, so the view never shows an empty list

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        page = self._overview.participants_page(self._filters, len(self._rows), self.PAGE_SIZE)
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        if role == ObjectRole:
            return person
        if role == SortRole:
            return self._sort_value(person, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, index.column())
        return None

    def _display(self, person: Participant, column: int) -> str:
        if column == COL_NIK:
            return person.nik or "—"
        if column == COL_NAME:
            return person.full_name
        if column == COL_SEX:
            return {Sex.MALE: "L", Sex.FEMALE: "P"}.get(person.sex, "") if person.sex else ""
        if column == COL_BIRTH:
            return person.birth_date.strftime("%d-%m-%Y") if person.birth_date else ""
        if column == COL_VILLAGE:
            return self._villages.get(person.village_id or "", "")
        if column == COL_OCCUPATION:
            return person.occupation
        return STATUS_LABELS.get(person.status.value, person.status.value)

    def _sort_value(self, person: Participant, column: int) -> Any:
        if column == COL_BIRTH:
            return person.birth_date
        return self._display(person, column)

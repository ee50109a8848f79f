"""The participant list as a lazy table model over 200k rows.

`reload(filters)` loads a first page of a few screens on a worker thread (a search never blocks
typing) and shows it at once; only when that page came back full does a second background
task count the matches, so the rows appear before the count instead of waiting for it. Answers
to searches the user has already typed past are dropped. Later pages come by keyset on
`fetchMore` as the view scrolls (about a millisecond each), so memory holds only what was
scrolled through.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from outreach_app.domain.models import ParticipantStatus, Sex
from outreach_app.services.participants import (
    LIST_COUNT_CAP,
    ParticipantDirectory,
    ParticipantFilter,
    ParticipantListing,
)
from outreach_app.ui.models.base import Index, RowsTableModel
from outreach_app.ui.workers import TaskContext, Worker

COL_NIK, COL_NAME, COL_SEX, COL_BIRTH, COL_VILLAGE, COL_OCCUPATION, COL_STATUS, COL_PAID = range(8)
SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2


class ParticipantTableModel(RowsTableModel):
    FIRST_PAGE = 100  # four screens or so: small enough to show within a keystroke
    PAGE_SIZE = 500  # each later page, fetched as the view scrolls
    COUNT_CAP = LIST_COUNT_CAP
    rows_shown = Signal()  # the first page of the current search is on screen
    loaded = Signal(int)  # ... and its total is known: rows matching the current filters

    def __init__(self, directory: ParticipantDirectory, worker: Worker, parent: Any = None):
        super().__init__(parent)
        self._directory = directory
        self._worker = worker
        self._filters = ParticipantFilter()
        self._rows: list[ParticipantListing] = []
        self._total = 0
        self._counting = False
        self._more = False  # the last page came back full: there may be more rows
        self._generation = 0
        self._villages: dict[str, str] = {}
        self._headers = (
            self.tr("NIK"),
            self.tr("Nama lengkap"),
            self.tr("L/P"),
            self.tr("Tanggal lahir"),
            self.tr("Desa"),
            self.tr("Pekerjaan"),
            self.tr("Status"),
            self.tr("Dibayar s.d."),
        )
        self._status_labels = {
            ParticipantStatus.DRAFT: self.tr("Draf"),
            ParticipantStatus.REGISTERED: self.tr("Terdaftar"),
            ParticipantStatus.ACTIVE: self.tr("Aktif"),
            ParticipantStatus.GRACE: self.tr("Masa tenggang"),
            ParticipantStatus.LAPSED: self.tr("Berhenti"),
        }

    @property
    def total(self) -> int:
        """Matching rows, exact up to LIST_COUNT_CAP; see `total_is_capped`."""
        return self._total

    @property
    def total_is_capped(self) -> bool:
        return self._total > self.COUNT_CAP

    @property
    def counting(self) -> bool:
        """The rows are shown but their total is still being counted."""
        return self._counting

    @property
    def filters(self) -> ParticipantFilter:
        return self._filters

    def status_label(self, status: ParticipantStatus) -> str:
        return self._status_labels[status]

    def status_labels(self) -> list[str]:
        return list(self._status_labels.values())

    def reload(self, filters: ParticipantFilter | None = None) -> None:
        """Loads the first page in the background and shows it (`rows_shown`), then counts the
        matches when there may be more than that page (`loaded` with the total)."""
        if filters is not None:
            self._filters = filters
        self._generation += 1
        generation, wanted = self._generation, self._filters
        directory, first_page_size = self._directory, self.FIRST_PAGE

        def load(_context: TaskContext) -> list[ParticipantListing]:
            # on the worker thread: the reader connection only
            return directory.page(wanted, first_page_size)

        def show(first_page: list[ParticipantListing]) -> None:
            if generation != self._generation:
                return  # the user typed on: a newer search is on its way
            self.beginResetModel()
            if not self._villages:
                self._villages = {v.stamp.id: v.name for v in directory.villages()}
            self._rows = first_page
            self._more = len(first_page) == first_page_size
            self._total = len(first_page)
            self._counting = self._more
            self.endResetModel()
            if self._more:  # counted on the worker while the page shows the rows (and the
                self._worker.run(count, counted)  # first person's detail); told after them
            self.rows_shown.emit()
            if not self._more:
                counted(len(first_page))  # a short page is the whole answer: nothing to count

        def count(_context: TaskContext) -> int:
            return directory.count(wanted, cap=self.COUNT_CAP)

        def counted(total: int) -> None:
            if generation != self._generation:
                return
            self._total, self._counting = total, False
            self.loaded.emit(total)

        self._worker.run(load, show)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._rows:
            return
        page = self._directory.page(self._filters, self.PAGE_SIZE, after=self._rows[-1])
        self._more = len(page) == self.PAGE_SIZE
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        listing = self._rows[index.row()]
        if role == ObjectRole:
            return listing
        if role == SortRole:
            return self._sort_value(listing, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(listing, index.column())
        return None

    def _display(self, listing: ParticipantListing, column: int) -> str:
        person = listing.participant
        if column == COL_NIK:
            return person.nik or "—"
        if column == COL_NAME:
            return person.full_name
        if column == COL_SEX:
            return {Sex.MALE: "L", Sex.FEMALE: "P"}[person.sex] if person.sex else ""
        if column == COL_BIRTH:
            return person.birth_date.strftime("%d-%m-%Y") if person.birth_date else ""
        if column == COL_VILLAGE:
            return self._villages.get(person.village_id or "", "")
        if column == COL_OCCUPATION:
            return person.occupation
        if column == COL_STATUS:
            return self._status_labels[listing.coverage.status]
        until = listing.coverage.paid_through
        return until.strftime("%d-%m-%Y") if until else "—"

    def _sort_value(self, listing: ParticipantListing, column: int) -> Any:
        if column == COL_BIRTH:
            return listing.participant.birth_date
        if column == COL_PAID:
            return listing.coverage.paid_through
        return self._display(listing, column)

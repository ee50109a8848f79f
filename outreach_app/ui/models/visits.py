"""Visit plans as a table model. A branch has hundreds of visits a month, not hundreds of
thousands, so the page loads the list in one go on a worker thread and hands it over with
`set_visits`; there is no lazy fetching here, unlike the participant list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from outreach_app.domain.models import VisitPlan, VisitStatus
from outreach_app.reference.dates_text import short_date
from outreach_app.ui.labels import segment_labels, visit_status_labels
from outreach_app.ui.models.base import Index, RowsTableModel

(
    COL_DATE,
    COL_VILLAGE,
    COL_AGENT,
    COL_SEGMENT,
    COL_PURPOSE,
    COL_TARGET,
    COL_STATUS,
    COL_ENROLLED,
) = range(8)
SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2

_NUMBERS = (COL_TARGET, COL_ENROLLED)
_CANCELLED_COLOUR = QColor("#8a929c")


class VisitTableModel(RowsTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[VisitPlan] = []
        self._villages: Mapping[str, str] = {}
        self._agents: Mapping[str, str] = {}
        self._segments = segment_labels()
        self._statuses = visit_status_labels()
        self._headers = (
            self.tr("Tanggal"),
            self.tr("Desa"),
            self.tr("Agen"),
            self.tr("Segmen"),
            self.tr("Tujuan"),
            self.tr("Target"),
            self.tr("Status"),
            self.tr("Terdaftar"),
        )

    def set_visits(
        self,
        visits: Sequence[VisitPlan],
        villages: Mapping[str, str],
        agents: Mapping[str, str],
    ) -> None:
        self.beginResetModel()
        self._rows = list(visits)
        self._villages = villages
        self._agents = agents
        self.endResetModel()

    def visits(self) -> list[VisitPlan]:
        return list(self._rows)

    def row_of(self, visit_id: str) -> int | None:
        for row, visit in enumerate(self._rows):
            if visit.stamp.id == visit_id:
                return row
        return None

    def village_name(self, village_id: str) -> str:
        return self._villages.get(village_id, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        visit = self._rows[index.row()]
        column = index.column()
        if role == ObjectRole:
            return visit
        if role == SortRole:
            return self._sort_value(visit, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(visit, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PURPOSE:
            return visit.outcome_notes or visit.purpose
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and visit.status is VisitStatus.CANCELLED:
            return _CANCELLED_COLOUR
        return None

    def _display(self, visit: VisitPlan, column: int) -> str:
        if column == COL_DATE:
            return short_date(visit.visit_date)
        if column == COL_VILLAGE:
            return self._villages.get(visit.village_id, "")
        if column == COL_AGENT:
            return self._agents.get(visit.agent_id, "")
        if column == COL_SEGMENT:
            return self._segments[visit.segment]
        if column == COL_PURPOSE:
            return visit.purpose
        if column == COL_TARGET:
            return str(visit.target_count)
        if column == COL_STATUS:
            return self._statuses[visit.status]
        return str(visit.enrolled_count) if visit.status is VisitStatus.DONE else "—"

    def _sort_value(self, visit: VisitPlan, column: int) -> dt.date | int | str:
        if column == COL_DATE:
            return visit.visit_date
        if column == COL_TARGET:
            return visit.target_count
        if column == COL_ENROLLED:
            return visit.enrolled_count if visit.status is VisitStatus.DONE else -1
        return self._display(visit, column)


class VisitSortProxy(QSortFilterProxyModel):
    """Sorts by `SortRole` in Python. Qt cannot order the Python dates the role returns (it
    would compare them as opaque objects and scramble the list), so the comparison is ours."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        a, b = left.data(SortRole), right.data(SortRole)
        if a == b or a is None or b is None:
            return left.row() < right.row() if a == b else a is None and b is not None
        return bool(a < b)

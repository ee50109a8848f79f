"""A month calendar that marks the days with visits, and its legend.

Colour says what still needs doing at a glance: blue while a visit that day is still planned,
green once they are all done, grey when all were cancelled; bold in every case, so the marks
survive a colour-blind reader and a washed-out laptop screen.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QLabel, QVBoxLayout, QWidget

from outreach_app.domain.models import VisitPlan, VisitStatus

PLANNED_COLOUR, DONE_COLOUR, CANCELLED_COLOUR = "#0b5394", "#1d7a3a", "#8a929c"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class VisitCalendar(QCalendarWidget):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(QLocale())  # the app's language: Qt's CLDR names "Sen", "Sel"… or "Mon"
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setSelectedDate(qdate(today))
        self.setMinimumWidth(300)

    def selected_day(self) -> dt.date:
        return pydate(self.selectedDate())

    def shown_range(self) -> tuple[dt.date, dt.date]:
        """The days on screen: the month shown plus the ends of the months around it."""
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first - dt.timedelta(days=7), following + dt.timedelta(days=13)

    def mark(self, visits: Iterable[VisitPlan]) -> None:
        self.setDateTextFormat(QDate(), QTextCharFormat())  # clears every earlier mark
        statuses: defaultdict[dt.date, set[VisitStatus]] = defaultdict(set)
        for visit in visits:
            statuses[visit.visit_date].add(visit.status)
        for day, found in statuses.items():
            if VisitStatus.PLANNED in found:
                colour = PLANNED_COLOUR
            elif VisitStatus.DONE in found:
                colour = DONE_COLOUR
            else:
                colour = CANCELLED_COLOUR
            mark = QTextCharFormat()
            mark.setFontWeight(QFont.Weight.Bold)
            mark.setForeground(QBrush(QColor(colour)))
            self.setDateTextFormat(qdate(day), mark)


class CalendarLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for colour, text in (
            (PLANNED_COLOUR, self.tr("ada kunjungan direncanakan")),
            (DONE_COLOUR, self.tr("semua kunjungan selesai")),
            (CANCELLED_COLOUR, self.tr("hanya kunjungan batal")),
        ):
            layout.addWidget(QLabel(f"<span style='color:{colour}'>■</span> {text}"))

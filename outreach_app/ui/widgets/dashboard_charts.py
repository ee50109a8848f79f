"""The dashboard's charts (Qt Charts), each drawn from the same rows its table shows.

Bar charts name their categories below; a target is drawn as a line across the bars. A chart
shows at most CHART_LIMIT categories (the first rows given: the page sorts them, largest
first); the table beside it has them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPen

CHART_LIMIT = 15
BLUE, AMBER, RED, GREY, GREEN = "#0b5394", "#d97706", "#b91c1c", "#6b7280", "#15803d"
PIE_COLOURS = ("#0b5394", "#15803d", "#d97706", "#7c3aed", "#b91c1c")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSize(11)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _short(label: str, width: int = 16) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def bar_chart(
    title: str,
    categories: Sequence[str],
    bars: Sequence[tuple[str, str, Sequence[int]]],
    stacked: bool = False,
    line: tuple[str, str, Sequence[int]] | None = None,
) -> QChart:
    """Bars per category, `bars` as (name, colour, values); `line` (name, colour, values) is
    drawn over them (a target). Only the first CHART_LIMIT categories are drawn."""
    if len(categories) > CHART_LIMIT:
        title = QCoreApplication.translate(
            "DashboardCharts", "{title} ({n} teratas dari {total})"
        ).format(title=title, n=CHART_LIMIT, total=len(categories))
    chart = _chart(title)
    shown = [_short(c) for c in categories[:CHART_LIMIT]]
    series: QAbstractBarSeries = QStackedBarSeries() if stacked else QBarSeries()
    highest = 0
    for name, colour, values in bars:
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        for value in values[:CHART_LIMIT]:
            bar_set.append(value)
        series.append(bar_set)
        highest = max(highest, max(values[:CHART_LIMIT], default=0))
    if stacked:
        totals = [sum(v[i] for _, _, v in bars) for i in range(len(shown))]
        highest = max(totals, default=0)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(shown)
    if len(shown) > 8:
        axis_x.setLabelsAngle(-40)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    if line is not None:
        name, colour, values = line
        target = QLineSeries()
        target.setName(name)
        pen = QPen(QColor(colour))
        pen.setWidth(3)
        target.setPen(pen)
        target.setPointsVisible(True)
        drawn = values[: len(shown)]
        if drawn and len(set(drawn)) == 1:  # one figure for all: a level line edge to edge
            target.append(-0.5, drawn[0])
            target.append(len(drawn) - 0.5, drawn[0])
            target.setPointsVisible(False)
        else:
            for index, value in enumerate(drawn):
                target.append(index, value)
        chart.addSeries(target)
        target.attachAxis(axis_x)
        target.attachAxis(axis_y)
        highest = max(highest, max(values[: len(shown)], default=0))
    axis_y.setRange(0, max(5, highest * 1.1))
    axis_y.applyNiceNumbers()
    return chart


def pie_chart(title: str, slices: Sequence[tuple[str, int]]) -> QChart:
    """A slice per (label, count), labelled with its share; empty slices are left out."""
    chart = _chart(title)
    series = QPieSeries()
    total = sum(count for _, count in slices)
    for index, (label, count) in enumerate(slices):
        if count <= 0:
            continue
        share = 100 * count / total
        pie = series.append(f"{label} {share:.1f}%".replace(".", ","), count)
        pie.setColor(QColor(PIE_COLOURS[index % len(PIE_COLOURS)]))
        pie.setLabelVisible(True)
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart

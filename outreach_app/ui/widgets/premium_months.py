"""The premium month by month, with lines that add up to the total on screen.

A period's months can cost different amounts: three months from December 2026 for a
participant outside transport are one month with the PP 50/2025 relief and two without. A
single "this month" figure next to a total for the period then does not add up on screen,
and the agent cannot explain the amount. This widget shows one line per run of months that
cost the same (each month, when they all differ), with the month's parts, the count and the
line's amount, then the total: the line amounts always sum to the total shown.

Used by the payment dialog and the enrolment form (one widget, the same words in both).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from outreach_app.domain.premiums import MonthlyPremium, PremiumBreakdown
from outreach_app.reference.dates_text import month_span
from outreach_app.reference.money_text import amount_in_words, format_rupiah
from outreach_app.ui.translations import date_locale


@dataclass(frozen=True, slots=True)
class MonthRun:
    """Consecutive months that cost the same: `first` is a representative month."""

    first: MonthlyPremium
    last: MonthlyPremium
    count: int

    @property
    def amount(self) -> int:
        return self.first.total * self.count


def month_runs(months: Sequence[MonthlyPremium]) -> list[MonthRun]:
    """The months grouped into runs of equal amounts (same programmes and discount)."""
    runs: list[MonthRun] = []
    for month in months:
        key = (month.jkk, month.jkm, month.jht, month.discount)
        if runs:
            last = runs[-1]
            if (last.first.jkk, last.first.jkm, last.first.jht, last.first.discount) == key:
                runs[-1] = MonthRun(last.first, month, last.count + 1)
                continue
        runs.append(MonthRun(month, month, 1))
    return runs


class PremiumMonthsView(QWidget):
    """A small table: months | parts of one month's premium | amount; then the total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("premiumMonths")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 4, 0, 4)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        self.setMinimumWidth(640)  # the parts of a month on one or two lines, not five
        self.period_labels: list[QLabel] = []
        self.part_labels: list[QLabel] = []
        self.count_labels: list[QLabel] = []  # "2 × Rp16.800": months times one month's amount
        self.amount_labels: list[QLabel] = []  # one per line: they add up to the total
        self.total_label = QLabel()
        self.words_label = QLabel()
        self.note_label = QLabel()
        self.breakdown: PremiumBreakdown | None = None

    def clear(self) -> None:
        self.breakdown = None
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.period_labels, self.part_labels, self.amount_labels = [], [], []
        self.count_labels = []
        self.total_label = QLabel()
        self.words_label = QLabel()
        self.note_label = QLabel()

    def show_breakdown(self, breakdown: PremiumBreakdown) -> None:
        self.clear()
        self.breakdown = breakdown
        locale = date_locale()
        row = 0
        for run in month_runs(breakdown.per_month):
            period = month_span(run.first.month, run.last.month, locale)
            count = self.tr("{n} × {monthly}").format(
                n=run.count, monthly=format_rupiah(run.first.total)
            )
            self._add_row(row, period, self._parts(run.first), count, format_rupiah(run.amount))
            row += 1
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self._place(rule, row, 0, 1, 4)
        row += 1
        total_text = self.tr("Jumlah {n} bulan").format(n=breakdown.months)
        heading = QLabel(f"<b>{total_text}</b>")
        self.words_label.setText(amount_in_words(breakdown.total))
        self.words_label.setWordWrap(True)
        self.total_label.setText(f"<b>{format_rupiah(breakdown.total)}</b>")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.total_label.setObjectName("premiumTotal")
        heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._place(heading, row, 0)
        self._place(self.words_label, row, 1, 1, 2)
        self._place(self.total_label, row, 3)
        row += 1
        rules = dict.fromkeys(
            f"{name} ({basis})"
            for m in breakdown.per_month
            for name, basis in zip(m.discount_rules, m.discount_bases, strict=False)
        )
        if rules:
            note = self.tr("Potongan: {rules}.").format(rules=", ".join(rules))
            if breakdown.total_jht:
                note += " " + self.tr("JHT tidak dipotong.")
            self.note_label.setText(note)
            self.note_label.setWordWrap(True)
            self.note_label.setStyleSheet("color: #555;")
            self._place(self.note_label, row, 0, 1, 4)

    def _parts(self, month: MonthlyPremium) -> str:
        parts = [f"JKK {format_rupiah(month.jkk)}", f"JKM {format_rupiah(month.jkm)}"]
        if month.jht:
            parts.append(f"JHT {format_rupiah(month.jht)}")
        text = " + ".join(parts)
        if month.discount:
            text += " − " + self.tr("potongan {amount}").format(
                amount=format_rupiah(month.discount)
            )
        return text

    def _add_row(self, row: int, period: str, parts: str, count: str, amount: str) -> None:
        labels = [QLabel(period), QLabel(parts), QLabel(count), QLabel(amount)]
        labels[1].setWordWrap(True)
        for column, label in enumerate(labels):
            right = column >= 2
            label.setAlignment(
                (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignTop
            )
            self._place(label, row, column)
        self.period_labels.append(labels[0])
        self.part_labels.append(labels[1])
        self.count_labels.append(labels[2])
        self.amount_labels.append(labels[3])

    def _place(
        self, widget: QWidget, row: int, column: int, rows: int = 1, columns: int = 1
    ) -> None:
        """Adds to the grid and shows at once: a layout shows a new child of a visible widget
        only on the next turn of the event loop, and a screenshot or a reader may come first."""
        self._grid.addWidget(widget, row, column, rows, columns)
        if self.isVisible():
            widget.show()

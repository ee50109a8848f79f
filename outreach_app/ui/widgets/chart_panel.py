"""A dashboard chart with its numbers beside it: a Grafik/Tabel switch over one chart and its
table, and saving either as PNG or the numbers as XLSX.

Qt Charts is imported here and by the dashboard page only, so it loads when the page is first
opened, never at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach_app.tabular.sheets import SheetContent
from outreach_app.ui.models.data_table import DataTableModel, SortRole, TableData

SaveXlsx = Callable[[SheetContent, Path], Path]


def file_stem(title: str) -> str:
    """ "Cakupan per desa" -> "cakupan-per-desa", for a file name."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "dasbor"


class ChartPanel(QWidget):
    exported = Signal(str)  # the file written
    export_failed = Signal(str)  # why not

    def __init__(
        self, save_xlsx: SaveXlsx, folder: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._save_xlsx = save_xlsx
        self._folder = folder
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.model = DataTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table_view = QTableView()
        self.table_view.setModel(self.proxy)
        self.table_view.setSortingEnabled(True)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.verticalHeader().setVisible(False)
        self.table_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart_view)
        self.stack.addWidget(self.table_view)

        self.chart_button = QPushButton(self.tr("Grafik"))
        self.table_button = QPushButton(self.tr("Tabel"))
        group = QButtonGroup(self)
        for button in (self.chart_button, self.table_button):
            button.setCheckable(True)
            group.addButton(button)
        self.chart_button.setChecked(True)
        self.chart_button.toggled.connect(lambda on: self.show_table(not on))
        self.png_button = QPushButton(self.tr("Simpan PNG…"))
        self.xlsx_button = QPushButton(self.tr("Simpan XLSX…"))
        self.png_button.clicked.connect(self._ask_png)
        self.xlsx_button.clicked.connect(self._ask_xlsx)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.addWidget(self.chart_button)
        bar.addWidget(self.table_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.png_button)
        bar.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    def set_content(self, chart: QChart, table: TableData) -> None:
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()  # the view does not own a chart it is given a new one for
        self.model.set_table(table)
        self.table_view.resizeColumnsToContents()

    def show_table(self, table: bool) -> None:
        self.stack.setCurrentWidget(self.table_view if table else self.chart_view)
        self.table_button.setChecked(table)
        self.chart_button.setChecked(not table)

    @property
    def showing_table(self) -> bool:
        return self.stack.currentWidget() is self.table_view

    # --- saving -----------------------------------------------------------------------------

    def export_png(self, path: Path) -> bool:
        """The chart or the table, as shown, at its size on screen."""
        ok = self.stack.currentWidget().grab().save(str(path), "PNG")
        self._report(path, None if ok else self.tr("gambar tidak dapat ditulis"))
        return ok

    def export_xlsx(self, path: Path) -> bool:
        try:
            self._save_xlsx(self.model.table.sheet(), path)
        except OSError as exc:
            self._report(path, exc.strerror or str(exc))
            return False
        self._report(path, None)
        return True

    def _report(self, path: Path, error: str | None) -> None:
        if error is None:
            self.status.setText(self.tr("Tersimpan: {path}").format(path=path))
            self.exported.emit(str(path))
        else:
            text = self.tr("Tidak tersimpan ({error}): {path}").format(error=error, path=path)
            self.status.setText(text)
            self.export_failed.emit(text)

    def _ask(self, suffix: str, kind: str) -> Path | None:
        suggested = self._folder() / f"{file_stem(self.model.table.title)}.{suffix}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan sebagai"), str(suggested),
                                              kind)  # fmt: skip
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{suffix}" else path.with_suffix(f".{suffix}")

    def _ask_png(self) -> None:
        if (path := self._ask("png", self.tr("Gambar PNG (*.png)"))) is not None:
            self.export_png(path)

    def _ask_xlsx(self) -> None:
        if (path := self._ask("xlsx", self.tr("Buku kerja Excel (*.xlsx)"))) is not None:
            self.export_xlsx(path)

"""Today (home): the agent's visits, who is in grace, what waits to sync, village coverage."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.models import User
from outreach_app.reference.dates_text import long_date, short_date
from outreach_app.reference.money_text import format_count
from outreach_app.services.today import TodayService, TodaySummary
from outreach_app.ui.widgets.cards import StatCard, title
from outreach_app.ui.workers import Worker


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """Fills, then sizes the columns once: a ResizeToContents header would measure every row
    again at each cell set (a quarter of a second for a few hundred rows)."""
    table.setUpdatesEnabled(False)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    table.setUpdatesEnabled(True)


class TodayPage(QWidget):
    loaded = Signal()

    def __init__(self, service: TodayService, worker: Worker, agent: User | None) -> None:
        super().__init__()
        self._service = service
        self._worker = worker
        self._agent = agent
        self.heading = title(self.tr("Hari ini"))
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")

        self.visits_card = StatCard(self.tr("Kunjungan hari ini"))
        self.week_card = StatCard(self.tr("Kunjungan 7 hari ke depan"))
        self.due_card = StatCard(self.tr("Iuran jatuh tempo"))
        self.grace_card = StatCard(self.tr("Peserta masa tenggang (perlu ditagih)"))
        self.lapsed_card = StatCard(self.tr("Peserta berhenti (lewat 3 bulan)"))
        self.pending_card = StatCard(self.tr("Perubahan menunggu sinkron"))
        cards = QHBoxLayout()
        for card in (
            self.visits_card,
            self.week_card,
            self.due_card,
            self.grace_card,
            self.lapsed_card,
            self.pending_card,
        ):
            cards.addWidget(card)

        self.visits_table = _table(
            [self.tr("Tanggal"), self.tr("Desa"), self.tr("Tujuan"), self.tr("Target"),
             self.tr("Status")]
        )  # fmt: skip
        self.grace_table = _table(
            [self.tr("Nama"), self.tr("Desa"), self.tr("Dibayar s.d."), self.tr("Bulan tertunggak")]
        )
        self.coverage_table = _table(
            [self.tr("Desa"), self.tr("Kecamatan"), self.tr("Target"), self.tr("Terdaftar"),
             self.tr("Capaian")]
        )  # fmt: skip

        grid = QGridLayout()
        grid.addWidget(title(self.tr("Kunjungan 7 hari ke depan"), "sectionTitle"), 0, 0)
        grid.addWidget(self.visits_table, 1, 0)
        grid.addWidget(
            title(self.tr("Perlu ditagih: jatuh tempo dan masa tenggang"), "sectionTitle"), 0, 1
        )
        grid.addWidget(self.grace_table, 1, 1)
        grid.addWidget(title(self.tr("Cakupan desa terhadap target"), "sectionTitle"), 2, 0, 1, 2)
        grid.addWidget(self.coverage_table, 3, 0, 1, 2)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(3, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addLayout(cards)
        layout.addLayout(grid, 1)

    def load(self) -> None:
        agent, service = self._agent, self._service
        self._worker.run(lambda _context: service.summary(agent), self._show)

    def _show(self, summary: TodaySummary) -> None:
        who = (
            self.tr("Agen: {name}").format(name=summary.agent.full_name)
            if summary.agent
            else self.tr("Semua agen cabang")
        )
        self.subtitle.setText(f"{long_date(summary.day)}  ·  {who}")
        self.visits_card.value.setText(format_count(len(summary.visits_today)))
        self.week_card.value.setText(format_count(len(summary.visits_this_week)))
        self.due_card.value.setText(format_count(summary.due_count))
        self.due_card.caption.setText(
            self.tr("Iuran jatuh tempo s.d. {day}").format(day=short_date(summary.due_date))
        )
        self.grace_card.value.setText(format_count(summary.in_grace_count))
        self.lapsed_card.value.setText(format_count(summary.lapsed_count))
        self.pending_card.value.setText(format_count(summary.pending_changes))
        names = summary.village_names
        status_text = {
            "planned": self.tr("Rencana"),
            "done": self.tr("Selesai"),
            "cancelled": self.tr("Batal"),
        }
        _fill(
            self.visits_table,
            [
                (short_date(v.visit_date), names.get(v.village_id, ""), v.purpose,
                 str(v.target_count), status_text[v.status.value])
                for v in summary.visits_this_week
            ],
        )  # fmt: skip
        _fill(
            self.grace_table,
            [
                (
                    item.participant.full_name,
                    names.get(item.participant.village_id or "", ""),
                    short_date(item.coverage.paid_through),
                    str(item.coverage.unpaid_months),
                )
                for item in summary.to_collect
            ],
        )
        _fill(
            self.coverage_table,
            [
                (c.village.name, c.village.district, format_count(c.village.target_participants),
                 format_count(c.registered), f"{c.percent_of_target}%")
                for c in summary.coverage
            ],
        )  # fmt: skip
        self.loaded.emit()

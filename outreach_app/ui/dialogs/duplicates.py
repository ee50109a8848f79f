"""The branch's duplicate-NIK review: two records of one person side by side, keep one.

The queue lives on the server (the staff laptop may hold one of the pair unapplied), so the
dialog reads and decides over the network on the worker thread. Deciding is final: the other
record is merged into the one kept, so the choice is confirmed in place before it is sent,
with what it will do spelled out. After a decision the app syncs, and the outcome (and the
record held until now) arrives like any change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.reference.dates_text import short_date
from outreach_app.reference.money_text import format_count, format_rupiah
from outreach_app.services.duplicates import ReviewQueue
from outreach_app.sync.protocol import DuplicateReview, ReviewedRecord
from outreach_app.ui.workers import Worker

_DIFFERENT = QColor("#fef3c7")  # rows where the two records disagree


class DuplicateReviewDialog(QDialog):
    resolved = Signal(int)  # the review decided: the app syncs to bring the outcome here

    def __init__(self, queue: ReviewQueue, worker: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self._queue, self._worker = queue, worker
        self._reviews: list[DuplicateReview] = []
        self._keep: str | None = None
        self.setWindowTitle(self.tr("Pemeriksaan duplikat NIK"))
        self.resize(900, 560)
        self.status = QLabel(self.tr("Memuat antrean dari server..."))
        self.status.setWordWrap(True)
        self.pairs = QListWidget()
        self.pairs.currentRowChanged.connect(self._show)
        self.table = QTableWidget(len(self._rows()), 2)
        self.table.setVerticalHeaderLabels([label for label, _ in self._rows()])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.keep_first = QPushButton()
        self.keep_second = QPushButton()
        self.keep_first.clicked.connect(lambda: self._ask(0))
        self.keep_second.clicked.connect(lambda: self._ask(1))
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm = QPushButton(self.tr("Ya, gabungkan"))
        self.confirm.clicked.connect(self._resolve)
        self.not_now = QPushButton(self.tr("Jangan dulu"))
        self.not_now.clicked.connect(lambda: self._confirming(False))
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)

        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.table, 1)
        side.addWidget(QLabel(self.tr(
            "Data yang tidak dipertahankan digabung ke data yang dipertahankan: kuitansinya "
            "tetap berlaku dan dihitung untuk peserta itu, ahli warisnya dipindah, dan isian "
            "yang kosong dilengkapi. Kedua agen melihat hasilnya setelah sinkron."
        ), wordWrap=True))  # fmt: skip
        choose = QHBoxLayout()
        choose.addWidget(self.keep_first)
        choose.addWidget(self.keep_second)
        side.addLayout(choose)
        self.confirm_bar = QWidget()
        bar = QHBoxLayout(self.confirm_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.confirm_text, 1)
        bar.addWidget(self.confirm)
        bar.addWidget(self.not_now)
        side.addWidget(self.confirm_bar)
        splitter = QSplitter()
        splitter.addWidget(self.pairs)
        splitter.addWidget(right)
        splitter.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.finished.connect(lambda _result: self._queue.close())
        self._confirming(False)
        self._choosing(False)
        self.load()

    def _rows(self) -> list[tuple[str, Any]]:
        """(label, how to show that line of a record)."""

        def field(name: str) -> Any:
            return lambda record: str(record.fields.get(name) or "")

        def day(name: str) -> Any:
            def shown(record: ReviewedRecord) -> str:
                value = record.fields.get(name)
                return short_date(dt.date.fromisoformat(value)) if value else ""

            return shown

        def born(record: ReviewedRecord) -> str:
            place, when = record.fields.get("birth_place"), day("birth_date")(record)
            return ", ".join(part for part in (place, when) if part)

        return [
            (self.tr("Nama"), field("full_name")),
            (self.tr("NIK"), field("nik")),
            (self.tr("Tempat, tanggal lahir"), born),
            (self.tr("Alamat"), field("address")),
            (self.tr("Desa"), lambda record: record.village or ""),
            (self.tr("Telepon"), field("phone")),
            (self.tr("Pekerjaan"), field("occupation")),
            (self.tr("Nama ibu kandung"), field("mothers_maiden_name")),
            (self.tr("Agen"), lambda record: record.agent or ""),
            (self.tr("Terdaftar"), day("registered_on")),
            (self.tr("Kuitansi"), lambda record: self.tr("{n} kuitansi, {total}").format(
                n=format_count(record.receipts), total=format_rupiah(record.paid_total))),
            (self.tr("Ahli waris"), lambda record: format_count(record.heirs)),
        ]  # fmt: skip

    # --- loading -------------------------------------------------------------------------

    def load(self) -> None:
        queue = self._queue
        self._worker.run(lambda _context: queue.open_reviews(), self._loaded, self._failed)

    def _loaded(self, reviews: list[DuplicateReview]) -> None:
        self._reviews = [review for review in reviews if len(review.records) == 2]
        self.pairs.clear()
        for review in self._reviews:
            names = " / ".join(str(r.fields.get("full_name") or "") for r in review.records)
            item = QListWidgetItem(f"{review.nik}\n{names}")
            item.setData(Qt.ItemDataRole.UserRole, review.id)
            self.pairs.addItem(item)
        if self._reviews:
            self.status.setText(self.tr("{n} pasangan menunggu keputusan cabang.").format(
                n=format_count(len(self._reviews))))  # fmt: skip
            self.pairs.setCurrentRow(0)
        else:
            self.status.setText(self.tr("Tidak ada data duplikat yang menunggu keputusan."))
            self.table.clearContents()
            self._choosing(False)

    def _failed(self, error: Exception) -> None:
        from outreach_app.sync.client import SyncDenied, SyncUnavailable

        if not isinstance(error, SyncDenied | SyncUnavailable):
            raise error
        self.status.setText(str(error))
        self._confirming(False)
        self._choosing(bool(self._reviews))

    # --- showing and deciding ------------------------------------------------------------

    def current(self) -> DuplicateReview | None:
        row = self.pairs.currentRow()
        return self._reviews[row] if 0 <= row < len(self._reviews) else None

    def _show(self, _row: int) -> None:
        review = self.current()
        self._confirming(False)
        if review is None:
            return
        records = review.records
        self.table.setHorizontalHeaderLabels([self._title(i, r) for i, r in enumerate(records)])
        for line, (_label, text) in enumerate(self._rows()):
            values = [text(record) for record in records]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if values[0] != values[1]:
                    item.setBackground(_DIFFERENT)
                self.table.setItem(line, column, item)
        self.table.resizeRowsToContents()
        self.keep_first.setText(self.tr("Pertahankan data A"))
        self.keep_second.setText(self.tr("Pertahankan data B"))
        self._choosing(True)

    def _title(self, index: int, record: ReviewedRecord) -> str:
        letter = "AB"[index]
        return self.tr("Data {letter} — {agent}").format(letter=letter, agent=record.agent or "?")

    def _ask(self, index: int) -> None:
        review = self.current()
        if review is None:
            return
        kept, other = review.records[index], review.records[1 - index]
        self._keep = kept.row_id
        self.confirm_text.setText(self.tr(
            "Pertahankan data {kept} ({kept_agent}) dan gabungkan data {other} ({other_agent}) "
            "ke dalamnya? Keputusan ini tidak dapat dibatalkan."
        ).format(kept="AB"[index], kept_agent=kept.agent or "?", other="AB"[1 - index],
                 other_agent=other.agent or "?"))  # fmt: skip
        self._confirming(True)

    def _resolve(self) -> None:
        review, keep = self.current(), self._keep
        if review is None or keep is None:
            return
        queue, review_id = self._queue, review.id
        self._confirming(False)
        self._choosing(False)
        self.status.setText(self.tr("Mengirim keputusan ke server..."))

        def done(_answer: object) -> None:
            self.resolved.emit(review_id)
            self.load()

        self._worker.run(lambda _context: queue.resolve(review_id, keep), done, self._failed)

    def _confirming(self, on: bool) -> None:
        self.confirm_bar.setVisible(on)

    def _choosing(self, on: bool) -> None:
        self.keep_first.setEnabled(on)
        self.keep_second.setEnabled(on)

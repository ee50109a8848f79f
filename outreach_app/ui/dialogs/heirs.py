"""The heirs (ahli waris) of a participant: a small editable table inside the enrolment form."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.models import Heir, SyncStamp

RELATIONSHIPS = ("Istri", "Suami", "Anak", "Orang tua", "Saudara kandung")


class HeirsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Nama ahli waris"), self.tr("Hubungan")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("Tambah ahli waris"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.add_button.clicked.connect(lambda: self.add_heir("", RELATIONSHIPS[0]))
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_heir(self, name: str, relationship: str, heir_id: str | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(relationship))
        self._ids.append(heir_id or SyncStamp.new().id)
        if not name:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def _remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._ids[row]

    def set_heirs(self, heirs: tuple[Heir, ...]) -> None:
        self.table.setRowCount(0)
        self._ids.clear()
        for heir in heirs:
            self.add_heir(heir.full_name, heir.relationship, heir.stamp.id)

    def heirs(self, participant_id: str) -> tuple[Heir, ...]:
        """Rows with a name; an id stays with its row so editing a heir updates it."""
        found = []
        for row, heir_id in enumerate(self._ids):
            name_item, relation_item = self.table.item(row, 0), self.table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            if name:
                relationship = relation_item.text().strip() if relation_item else ""
                found.append(
                    Heir(SyncStamp(heir_id, "", ""), participant_id, name, relationship or "—")
                )
        return tuple(found)

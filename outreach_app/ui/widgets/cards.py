"""A number with a caption: the Today page's headline figures."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

STYLE = (
    "#statCard { background: #f2f6fb; border: 1px solid #d5dfeb; border-radius: 6px; }"
    "#statValue { font-size: 18pt; font-weight: bold; color: #0b5394; }"
    "#statCaption { color: #44505c; }"
    "#pageTitle { font-size: 15pt; font-weight: bold; }"
    "#sectionTitle { font-weight: bold; margin-top: 6px; }"
    "#muted { color: #5b6470; }"
)


class StatCard(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        layout = QVBoxLayout(self)
        self.value = QLabel("…")
        self.value.setObjectName("statValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("statCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


def title(text: str, name: str = "pageTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label

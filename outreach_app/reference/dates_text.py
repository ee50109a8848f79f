"""Dates as Indonesians write them ("Sabtu, 21 November 2026"), by Babel's CLDR data."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def long_date(day: dt.date, locale: str = "id_ID") -> str:
    return str(format_date(day, format="full", locale=locale))


def short_date(day: dt.date | None) -> str:
    """dd-mm-yyyy, as on forms; empty for no date."""
    return "" if day is None else day.strftime("%d-%m-%Y")


def month_year(day: dt.date, locale: str = "id_ID") -> str:
    return str(format_date(day, format="MMMM y", locale=locale))


def month_span(first: dt.date, last: dt.date, locale: str = "id_ID") -> str:
    """The months a payment covers, as on a receipt: "Juli 2026", "Juli–Desember 2026",
    "Desember 2026–Mei 2027" (the year written once when both ends share it)."""
    if (first.year, first.month) == (last.year, last.month):
        return month_year(first, locale)
    if first.year == last.year:
        start = str(format_date(first, format="LLLL", locale=locale))
        return f"{start}–{month_year(last, locale)}"
    return f"{month_year(first, locale)}–{month_year(last, locale)}"

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

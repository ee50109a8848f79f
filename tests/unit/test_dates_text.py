"""Dates as printed on forms and receipts, in Indonesian and English."""

import datetime as dt

import pytest

from outreach_app.reference.dates_text import long_date, month_span, month_year, short_date


def test_long_and_short_dates() -> None:
    assert long_date(dt.date(2026, 11, 21)) == "Sabtu, 21 November 2026"
    assert short_date(dt.date(2026, 7, 3)) == "03-07-2026"
    assert short_date(None) == ""
    assert month_year(dt.date(2026, 2, 1)) == "Februari 2026"


@pytest.mark.parametrize(
    ("first", "last", "locale", "expected"),
    [
        (dt.date(2026, 7, 1), dt.date(2026, 7, 31), "id_ID", "Juli 2026"),
        (dt.date(2026, 7, 1), dt.date(2026, 12, 31), "id_ID", "Juli–Desember 2026"),
        (dt.date(2026, 12, 1), dt.date(2027, 5, 31), "id_ID", "Desember 2026–Mei 2027"),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30), "en", "July–September 2026"),
    ],
)
def test_month_spans(first: dt.date, last: dt.date, locale: str, expected: str) -> None:
    assert month_span(first, last, locale) == expected

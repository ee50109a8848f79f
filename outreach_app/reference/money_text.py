"""Rupiah as people read it on paper: "Rp16.800" and "enam belas ribu delapan ratus rupiah".

Babel applies CLDR's Indonesian rules (dot thousands, no decimals) and num2words spells the
amount, so neither is hand-written. Amounts are whole rupiah; anything else is refused.
"""

from __future__ import annotations

from fractions import Fraction

from babel.numbers import format_currency, format_decimal

from outreach_app.domain.amounts import parse_rupiah

__all__ = ["amount_in_words", "format_count", "format_percent", "format_rupiah", "parse_rupiah"]

_LOCALE = "id_ID"


def _whole(amount: object) -> int:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"rupiah amounts are int, got {amount!r}")
    return amount


def format_rupiah(amount: int) -> str:
    """16800 -> "Rp16.800"; -5000 -> "-Rp5.000"."""
    return str(
        format_currency(
            _whole(amount), "IDR", locale=_LOCALE, format="¤#,##0", currency_digits=False
        )
    )


def amount_in_words(amount: int) -> str:
    """16800 -> "enam belas ribu delapan ratus rupiah" (terbilang, for receipts)."""
    from num2words import num2words  # ~15 ms to import: only when a receipt needs words

    value = _whole(amount)
    words = str(num2words(abs(value), lang="id"))
    return f"{'minus ' if value < 0 else ''}{words} rupiah"


def format_count(count: int) -> str:
    """12345 -> "12.345": counts of people and receipts, Indonesian style."""
    return str(format_decimal(_whole(count), locale=_LOCALE))


def format_percent(rate: Fraction) -> str:
    """Fraction(1, 100) -> "1%"; Fraction(1, 200) -> "0,5%" (a rate of a rule, exact)."""
    value = rate * 100
    return f"{format_decimal(value.numerator / value.denominator, locale=_LOCALE)}%"

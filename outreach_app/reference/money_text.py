"""Rupiah as people read it on paper: "Rp16.800" and "enam belas ribu delapan ratus rupiah".

Babel applies CLDR's Indonesian rules (dot thousands, no decimals) and num2words spells the
amount, so neither is hand-written. Amounts are whole rupiah; anything else is refused.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import NumberFormatError, format_currency, parse_decimal
from num2words import num2words

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


def parse_rupiah(text: str) -> int:
    """ "Rp16.800" or "16.800" -> 16800. Raises ValueError for anything that is not whole rupiah."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("-")
    if cleaned[:2].lower() == "rp":
        cleaned = cleaned[2:]
    try:
        value = Decimal(parse_decimal(cleaned, locale=_LOCALE, strict=True))
    except NumberFormatError as exc:
        raise ValueError(f"bukan jumlah rupiah: {text!r}") from exc
    if value != value.to_integral_value():
        raise ValueError(f"rupiah tidak memakai sen: {text!r}")
    return -int(value) if negative else int(value)


def amount_in_words(amount: int) -> str:
    """16800 -> "enam belas ribu delapan ratus rupiah" (terbilang, for receipts)."""
    value = _whole(amount)
    words = str(num2words(abs(value), lang="id"))
    return f"{'minus ' if value < 0 else ''}{words} rupiah"

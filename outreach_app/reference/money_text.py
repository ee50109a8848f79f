"""Rupiah as people read it on paper: "Rp16.800" and "enam belas ribu delapan ratus rupiah".

Babel applies CLDR's Indonesian rules (dot thousands, no decimals) and num2words spells the
amount, so neither is hand-written. Amounts are whole rupiah; anything else is refused.
"""

from __future__ import annotations

import re

from babel.numbers import format_currency, format_decimal

_LOCALE = "id_ID"
_AMOUNT = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")


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
    """ "Rp16.800" or "16.800" -> 16800. Strict, because a misread amount is money lost.

    Thousands are dots; a comma starts sen, which rupiah amounts do not have (",00" is
    tolerated). "16,000" is refused rather than read as sixteen rupiah: whoever typed it meant
    sixteen thousand in the English style.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    negative = cleaned.startswith("-")
    cleaned = cleaned.removeprefix("-")
    if cleaned[:2].lower() == "rp":
        cleaned = cleaned[2:]
        if not negative and cleaned.startswith("-"):
            negative, cleaned = True, cleaned[1:]
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"bukan jumlah rupiah: {text!r}")
    whole, sen = match.groups()
    if sen is not None and len(sen) == 3:
        raise ValueError(f"pemisah ribuan rupiah adalah titik, bukan koma: {text!r}")
    if sen is not None and int(sen) != 0:
        raise ValueError(f"rupiah tidak memakai sen: {text!r}")
    value = int(whole.replace(".", ""))
    return -value if negative else value


def amount_in_words(amount: int) -> str:
    """16800 -> "enam belas ribu delapan ratus rupiah" (terbilang, for receipts)."""
    from num2words import num2words  # ~15 ms to import: only when a receipt needs words

    value = _whole(amount)
    words = str(num2words(abs(value), lang="id"))
    return f"{'minus ' if value < 0 else ''}{words} rupiah"


def format_count(count: int) -> str:
    """12345 -> "12.345": counts of people and receipts, Indonesian style."""
    return str(format_decimal(_whole(count), locale=_LOCALE))

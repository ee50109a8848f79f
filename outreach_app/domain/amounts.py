"""Reading rupiah amounts as people type them ("Rp1.500.000", "1.500.000,00", "1500000").

Pure and strict, because a misread amount is money lost: the enrolment form, the payment
dialogs and the spreadsheet import all read amounts through this one function.
"""

from __future__ import annotations

import re

_AMOUNT = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")


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

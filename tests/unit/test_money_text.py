"""Rupiah on paper: outreach_app/reference/money_text.py."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.reference.money_text import amount_in_words, format_rupiah, parse_rupiah


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Rp0"),
        (1, "Rp1"),
        (999, "Rp999"),
        (1_000, "Rp1.000"),
        (8_400, "Rp8.400"),
        (16_800, "Rp16.800"),
        (36_800, "Rp36.800"),
        (201_600, "Rp201.600"),
        (1_000_000, "Rp1.000.000"),
        (42_000_000, "Rp42.000.000"),
        (174_000_000, "Rp174.000.000"),
        (1_234_567_890, "Rp1.234.567.890"),
        (-5_000, "-Rp5.000"),
        (-16_800, "-Rp16.800"),
    ],
)
def test_format_rupiah(amount: int, text: str) -> None:
    assert format_rupiah(amount) == text


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "nol rupiah"),
        (1, "satu rupiah"),
        (11, "sebelas rupiah"),
        (100, "seratus rupiah"),
        (1_000, "seribu rupiah"),
        (8_400, "delapan ribu empat ratus rupiah"),
        (16_800, "enam belas ribu delapan ratus rupiah"),
        (36_800, "tiga puluh enam ribu delapan ratus rupiah"),
        (1_000_000, "satu juta rupiah"),
        (42_000_000, "empat puluh dua juta rupiah"),
        (174_000_000, "seratus tujuh puluh empat juta rupiah"),
        (
            1_234_567,
            "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh rupiah",
        ),
        (-5_000, "minus lima ribu rupiah"),
    ],
)
def test_amount_in_words(amount: int, words: str) -> None:
    assert amount_in_words(amount) == words


@pytest.mark.parametrize(
    "amount", [16_800.0, 16_800.5, True, False, None, "16800", Decimal(16_800), Fraction(16_800)]
)
def test_non_int_amounts_raise_type_error(amount: object) -> None:
    with pytest.raises(TypeError, match="rupiah amounts are int"):
        format_rupiah(amount)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="rupiah amounts are int"):
        amount_in_words(amount)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp16.800", 16_800),
        ("16.800", 16_800),
        ("16800", 16_800),
        ("rp16.800", 16_800),
        ("RP16.800", 16_800),
        ("Rp 16.800", 16_800),
        ("Rp\u00a016.800", 16_800),
        ("  Rp16.800  ", 16_800),
        ("Rp1.000.000", 1_000_000),
        ("Rp0", 0),
        ("-Rp5.000", -5_000),
        ("- Rp 5.000", -5_000),
        ("Rp-5.000", -5_000),
        ("16.800,00", 16_800),  # zero sen is still whole rupiah
    ],
)
def test_parse_rupiah(text: str, amount: int) -> None:
    result = parse_rupiah(text)
    assert result == amount
    assert type(result) is int


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("16.800,50", "rupiah tidak memakai sen: '16.800,50'"),
        ("Rp16.800,5", "rupiah tidak memakai sen: 'Rp16.800,5'"),
        ("16,5", "rupiah tidak memakai sen: '16,5'"),
        ("abc", "bukan jumlah rupiah: 'abc'"),
        ("", "bukan jumlah rupiah: ''"),
        ("Rp", "bukan jumlah rupiah: 'Rp'"),
        ("1.6800", "bukan jumlah rupiah: '1.6800'"),  # misplaced thousands separator
        ("16.80.0", "bukan jumlah rupiah: '16.80.0'"),
        ("16800.", "bukan jumlah rupiah: '16800.'"),
        ("Rp16.800-", "bukan jumlah rupiah: 'Rp16.800-'"),
        ("enam belas ribu", "bukan jumlah rupiah: 'enam belas ribu'"),
        ("US$16", "bukan jumlah rupiah: 'US$16'"),
        ("16,000", "pemisah ribuan rupiah adalah titik, bukan koma: '16,000'"),
        ("1e3", "bukan jumlah rupiah: '1e3'"),
        ("--5", "bukan jumlah rupiah: '--5'"),
        ("+5", "bukan jumlah rupiah: '+5'"),
        ("\u0661\u0666", "bukan jumlah rupiah: '\u0661\u0666'"),
    ],
)
def test_parse_rupiah_refuses(text: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_rupiah(text)
    assert str(raised.value) == message


@settings(max_examples=200, deadline=None)
@given(amount=st.integers(min_value=-(10**18), max_value=10**18))
def test_parse_rupiah_reads_what_format_rupiah_writes(amount: int) -> None:
    text = format_rupiah(amount)
    assert text.startswith("-Rp" if amount < 0 else "Rp")
    assert "," not in text
    assert parse_rupiah(text) == amount


@settings(max_examples=200, deadline=None)
@given(amount=st.integers(min_value=0, max_value=10**15))
def test_format_rupiah_groups_by_three(amount: int) -> None:
    digits = format_rupiah(amount).removeprefix("Rp")
    groups = digits.split(".")
    assert "".join(groups) == str(amount)
    assert 1 <= len(groups[0]) <= 3
    assert all(len(group) == 3 for group in groups[1:])


@settings(max_examples=200, deadline=None)
@given(amount=st.integers(min_value=-(10**12), max_value=10**12))
def test_amount_in_words_shape(amount: int) -> None:
    words = amount_in_words(amount)
    assert words.endswith(" rupiah")
    assert words.startswith("minus ") is (amount < 0)
    assert words == words.lower()
    assert "  " not in words
    assert amount_in_words(-amount).removeprefix("minus ") == words.removeprefix("minus ")

"""The base income (*dasar penghasilan*) a BPU premium is computed on.

PP 44/2015 Lampiran II (last amended by PP 49/2023) maps a declared income range to a fixed
base amount ("nilai nominal tertentu"), from the minimum (Rp1.000.000) to a ceiling
(Rp20.700.000: JKK Rp207.000, JHT Rp414.000 a month). The official rows are not transcribed
yet, so the table is data: when a branch adds them as `brackets`, a declared income in a
bracket is contributed on that bracket's base. Until then the declared income itself is the
base, at least the minimum and at most the ceiling. An income above the ceiling is never
charged more than the ceiling.

In a schema 2 rate table each contribution rule has a `base_income` object::

    "base_income": {"minimum": 1000000, "maximum": 20700000, "brackets": [
        {"lower": 0, "upper": 1000000, "base": 1000000}, ...],
     "legal_basis": "...", "check": "..."}

A schema 1 rule kept `minimum_base_income` and `income_brackets` flat and had no ceiling.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.table_values import rupiah


@dataclass(frozen=True, slots=True)
class IncomeBracket:
    """A declared income in [lower, upper] is contributed on `base` (PP 44/2015 Lampiran II)."""

    lower: int
    upper: int | None
    base: int


@dataclass(frozen=True, slots=True)
class BaseIncomeTable:
    minimum: int
    maximum: int | None  # None: no ceiling (a schema 1 table)
    brackets: tuple[IncomeBracket, ...]
    legal_basis: str


def bracket_base(table: BaseIncomeTable, declared_income: int) -> int:
    """The base for a declared income: its bracket's base, or the income itself when no bracket
    holds it; then at least the minimum and at most the ceiling."""
    base = declared_income
    for bracket in table.brackets:
        if declared_income >= bracket.lower and (
            bracket.upper is None or declared_income <= bracket.upper
        ):
            base = bracket.base
            break
    base = max(base, table.minimum)
    return base if table.maximum is None else min(base, table.maximum)


def base_income_table(item: dict[str, Any], schema: int, rule_basis: str) -> BaseIncomeTable:
    """The base-income part of one contribution rule, in either schema, checked."""
    if schema == 1:
        table = BaseIncomeTable(
            minimum=rupiah(item["minimum_base_income"]),
            maximum=None,
            brackets=_brackets(item.get("income_brackets", [])),
            legal_basis=rule_basis,
        )
    else:
        part = item["base_income"]
        if not isinstance(part, dict):
            raise RateTableError("Tabel tarif rusak: base_income harus berupa objek.")
        maximum = part.get("maximum")
        table = BaseIncomeTable(
            minimum=rupiah(part["minimum"]),
            maximum=None if maximum is None else rupiah(maximum),
            brackets=_brackets(part.get("brackets", [])),
            legal_basis=str(part["legal_basis"]),
        )
    _check(table)
    return table


def _brackets(items: object) -> tuple[IncomeBracket, ...]:
    if not isinstance(items, list):
        raise RateTableError("Tabel tarif rusak: daftar rentang penghasilan harus berupa daftar.")
    brackets = tuple(
        IncomeBracket(
            lower=rupiah(b["lower"]),
            upper=None if b.get("upper") is None else rupiah(b["upper"]),
            base=rupiah(b["base"]),
        )
        for b in items
    )
    return tuple(sorted(brackets, key=lambda b: b.lower))


def _check(table: BaseIncomeTable) -> None:
    if table.maximum is not None and table.maximum < table.minimum:
        raise RateTableError(
            f"Penghasilan dasar tertinggi {table.maximum} di bawah yang terendah {table.minimum}."
        )
    for bracket in table.brackets:
        if bracket.upper is not None and bracket.upper < bracket.lower:
            raise RateTableError(
                f"Rentang penghasilan {bracket.lower}-{bracket.upper}: batas atas di bawah "
                "batas bawah."
            )
    for earlier, later in pairwise(table.brackets):
        if earlier.upper is None or earlier.upper >= later.lower:
            raise RateTableError(
                f"Rentang penghasilan mulai {earlier.lower} dan {later.lower} bertumpang tindih."
            )

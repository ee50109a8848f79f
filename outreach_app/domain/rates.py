"""Effective-dated rate rules, built from data so a branch can correct a figure without code.

Percentages are kept as exact fractions (parsed from decimal strings such as "1" or "0.5") and
every amount is whole rupiah, so no float ever touches money. Each rule carries its legal basis
because a receipt prints it and a branch must be able to check it.

Schema 2 (the current file shape) gives each contribution rule a `base_income` object: the
minimum, the ceiling and the income brackets of PP 44/2015 Lampiran II with their own legal
basis. Schema 1 files (a branch may still hold one) kept the minimum and brackets flat in the
rule and had no ceiling; they still load, with no ceiling (see domain/base_income.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from typing import Any

from outreach_app.domain.base_income import (
    BaseIncomeTable,
    IncomeBracket,
    base_income_table,
    bracket_base,
)
from outreach_app.domain.errors import RateTableError
from outreach_app.domain.models import PayerType, Program, Sector
from outreach_app.domain.table_values import check_dates, parse_date, percent_fraction, rupiah

__all__ = ["IncomeBracket"]  # re-exported: older callers import it from here

SUPPORTED_SCHEMA = 2  # the shape written today
READABLE_SCHEMAS = (1, 2)  # what still loads: a branch may hold a schema 1 table


@dataclass(frozen=True, slots=True)
class ContributionRule:
    effective_from: dt.date
    effective_to: dt.date | None
    jkk_rate: Fraction
    jht_rate: Fraction
    jkm_flat: int
    minimum_base_income: int
    periods: tuple[int, ...]
    brackets: tuple[IncomeBracket, ...]
    legal_basis: str
    maximum_base_income: int | None = None  # the table's ceiling; None in a schema 1 table
    base_income_basis: str = ""  # the legal basis of minimum, ceiling and brackets

    def covers(self, day: dt.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    @property
    def base_table(self) -> BaseIncomeTable:
        return BaseIncomeTable(
            minimum=self.minimum_base_income,
            maximum=self.maximum_base_income,
            brackets=self.brackets,
            legal_basis=self.base_income_basis or self.legal_basis,
        )

    def base_income(self, declared_income: int) -> int:
        """The income contributions are computed on: the bracket's fixed base for the declared
        income, or (no bracket) the income itself; never below the minimum nor above the
        ceiling, so a higher income is never charged more than the table's highest base."""
        return bracket_base(self.base_table, declared_income)


@dataclass(frozen=True, slots=True)
class DiscountRule:
    """A dated relief such as PP 50/2025: a percentage off some programs for some sectors."""

    name: str
    percent: Fraction
    programs: frozenset[Program]
    sectors: frozenset[Sector]
    effective_from: dt.date
    effective_to: dt.date
    excluded_payers: frozenset[PayerType]
    legal_basis: str

    def applies(self, month: dt.date, sector: Sector, payer: PayerType) -> bool:
        return (
            sector in self.sectors
            and payer not in self.excluded_payers
            and self.effective_from <= month <= self.effective_to
        )


@dataclass(frozen=True, slots=True)
class RateSchedule:
    """All contribution and discount rules of one scheme, each valid for its own dates."""

    name: str
    contributions: tuple[ContributionRule, ...]
    discounts: tuple[DiscountRule, ...]

    def contribution_for(self, day: dt.date) -> ContributionRule:
        for rule in self.contributions:
            if rule.covers(day):
                return rule
        raise RateTableError(
            f"Tidak ada tarif iuran yang berlaku untuk {day:%d-%m-%Y} di tabel tarif {self.name}."
        )

    def discounts_for(
        self, month: dt.date, sector: Sector, payer: PayerType
    ) -> tuple[DiscountRule, ...]:
        return tuple(rule for rule in self.discounts if rule.applies(month, sector, payer))


def schedule_from_dict(data: dict[str, Any]) -> RateSchedule:
    """Builds a schedule from the JSON shape of resources/rates/*.json, checking every field."""
    try:
        schema = data.get("schema")
        if type(schema) is not int or schema not in READABLE_SCHEMAS:
            raise RateTableError(
                f"Versi tabel tarif {schema!r} tidak didukung "
                f"(yang didukung: {', '.join(str(s) for s in READABLE_SCHEMAS)})."
            )
        contributions = tuple(
            sorted(
                (_contribution(item, schema) for item in data["contributions"]),
                key=lambda rule: rule.effective_from,
            )
        )
        discounts = tuple(_discount(item) for item in data.get("discounts", []))
        name = str(data["name"])
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, RateTableError):
            raise
        raise RateTableError(f"Tabel tarif rusak: {exc!r}") from exc
    _check_no_overlap(contributions)
    return RateSchedule(name=name, contributions=contributions, discounts=discounts)


def _contribution(item: dict[str, Any], schema: int) -> ContributionRule:
    periods = tuple(item["periods_months"])
    if not periods or any(type(p) is not int or p <= 0 for p in periods):
        raise RateTableError(f"Periode pembayaran harus bulan bulat positif: {list(periods)}")
    effective_from = parse_date(item, "effective_from")
    effective_to = None if item.get("effective_to") is None else parse_date(item, "effective_to")
    check_dates(effective_from, effective_to)
    legal_basis = str(item["legal_basis"])
    base = base_income_table(item, schema, legal_basis)
    return ContributionRule(
        effective_from=effective_from,
        effective_to=effective_to,
        jkk_rate=percent_fraction(item["jkk_percent"]),
        jht_rate=percent_fraction(item["jht_percent"]),
        jkm_flat=rupiah(item["jkm_flat"]),
        minimum_base_income=base.minimum,
        periods=periods,
        brackets=base.brackets,
        legal_basis=legal_basis,
        maximum_base_income=base.maximum,
        base_income_basis=base.legal_basis,
    )


def _discount(item: dict[str, Any]) -> DiscountRule:
    check_dates(parse_date(item, "effective_from"), parse_date(item, "effective_to"))
    return DiscountRule(
        name=str(item["name"]),
        percent=percent_fraction(item["percent"]),
        programs=frozenset(Program(p) for p in item["programs"]),
        sectors=frozenset(Sector(s) for s in item["sectors"]),
        effective_from=parse_date(item, "effective_from"),
        effective_to=parse_date(item, "effective_to"),
        excluded_payers=frozenset(PayerType(p) for p in item.get("excluded_payers", [])),
        legal_basis=str(item["legal_basis"]),
    )


def _check_no_overlap(rules: tuple[ContributionRule, ...]) -> None:
    for earlier, later in pairwise(rules):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise RateTableError(
                f"Tarif yang berlaku mulai {earlier.effective_from} dan {later.effective_from} "
                "bertumpang tindih."
            )

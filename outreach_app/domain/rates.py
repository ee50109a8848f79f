"""Effective-dated rate rules, built from data so a branch can correct a figure without code.

Percentages are kept as exact fractions (parsed from decimal strings such as "1" or "0.5") and
every amount is whole rupiah, so no float ever touches money. Each rule carries its legal basis
because a receipt prints it and a branch must be able to check it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from typing import Any

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.models import PayerType, Program, Sector

SUPPORTED_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class IncomeBracket:
    """A declared income in [lower, upper] is contributed on `base` (PP 44/2015 Lampiran II)."""

    lower: int
    upper: int | None
    base: int


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

    def covers(self, day: dt.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def base_income(self, declared_income: int) -> int:
        """The income contributions are computed on: a bracket's base, never below the minimum."""
        for bracket in self.brackets:
            if declared_income >= bracket.lower and (
                bracket.upper is None or declared_income <= bracket.upper
            ):
                return max(bracket.base, self.minimum_base_income)
        return max(declared_income, self.minimum_base_income)


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
        if data.get("schema") != SUPPORTED_SCHEMA:
            raise RateTableError(
                f"Versi tabel tarif {data.get('schema')!r} tidak didukung "
                f"(yang didukung: {SUPPORTED_SCHEMA})."
            )
        contributions = tuple(
            sorted(
                (_contribution(item) for item in data["contributions"]),
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


def _contribution(item: dict[str, Any]) -> ContributionRule:
    periods = tuple(item["periods_months"])
    if not periods or any(type(p) is not int or p <= 0 for p in periods):
        raise RateTableError(f"Periode pembayaran harus bulan bulat positif: {list(periods)}")
    effective_from = _date(item, "effective_from")
    effective_to = None if item.get("effective_to") is None else _date(item, "effective_to")
    _check_dates(effective_from, effective_to)
    return ContributionRule(
        effective_from=effective_from,
        effective_to=effective_to,
        jkk_rate=_percent(item["jkk_percent"]),
        jht_rate=_percent(item["jht_percent"]),
        jkm_flat=_rupiah(item["jkm_flat"]),
        minimum_base_income=_rupiah(item["minimum_base_income"]),
        periods=periods,
        brackets=tuple(
            IncomeBracket(
                lower=_rupiah(b["lower"]),
                upper=None if b.get("upper") is None else _rupiah(b["upper"]),
                base=_rupiah(b["base"]),
            )
            for b in item.get("income_brackets", [])
        ),
        legal_basis=str(item["legal_basis"]),
    )


def _discount(item: dict[str, Any]) -> DiscountRule:
    _check_dates(_date(item, "effective_from"), _date(item, "effective_to"))
    return DiscountRule(
        name=str(item["name"]),
        percent=_percent(item["percent"]),
        programs=frozenset(Program(p) for p in item["programs"]),
        sectors=frozenset(Sector(s) for s in item["sectors"]),
        effective_from=_date(item, "effective_from"),
        effective_to=_date(item, "effective_to"),
        excluded_payers=frozenset(PayerType(p) for p in item.get("excluded_payers", [])),
        legal_basis=str(item["legal_basis"]),
    )


def _percent(value: object) -> Fraction:
    """ "1" or "0.5" percent as an exact fraction of one; floats are refused (they are inexact)."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise RateTableError(f"Persentase harus ditulis sebagai teks desimal: {value!r}")
    percent = Fraction(str(value))
    if not 0 <= percent <= 100:
        raise RateTableError(f"Persentase di luar 0-100: {value!r}")
    return percent / 100


def _rupiah(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise RateTableError(f"Jumlah rupiah harus bilangan bulat tidak negatif: {value!r}")
    return value


def _date(item: dict[str, Any], key: str) -> dt.date:
    value = item[key]
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise RateTableError(
            f"Tabel tarif rusak: {key} harus tanggal YYYY-MM-DD, bukan {value!r}."
        ) from exc


def _check_dates(start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise RateTableError(f"Tanggal akhir {end} sebelum tanggal mulai {start}.")


def _check_no_overlap(rules: tuple[ContributionRule, ...]) -> None:
    for earlier, later in pairwise(rules):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise RateTableError(
                f"Tarif yang berlaku mulai {earlier.effective_from} dan {later.effective_from} "
                "bertumpang tindih."
            )

"""Premium for a BPU participant: rates by the month the premium is for, discounts by date.

Each month of a period is priced on its own, because a payment made in December 2026 for
three months covers one discounted month and two full ones for most sectors. Rounding is half
up to whole rupiah, done once per program and month, so a receipt's lines add up exactly.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from outreach_app.domain.errors import InvalidPremiumRequest
from outreach_app.domain.models import PayerType, Program, Sector
from outreach_app.domain.months import add_months, month_start
from outreach_app.domain.rates import RateSchedule


@dataclass(frozen=True, slots=True)
class PremiumRequest:
    declared_income: int
    months: int
    first_month: dt.date
    include_jht: bool = False
    payer: PayerType = PayerType.SELF
    sector: Sector = Sector.OTHER


@dataclass(frozen=True, slots=True)
class MonthlyPremium:
    month: dt.date  # first day of the month
    base_income: int
    jkk: int
    jkm: int
    jht: int
    discount: int
    discount_rules: tuple[str, ...]
    discount_bases: tuple[str, ...] = ()  # the legal basis of each rule in discount_rules

    @property
    def gross(self) -> int:
        return self.jkk + self.jkm + self.jht

    @property
    def total(self) -> int:
        return self.gross - self.discount


@dataclass(frozen=True, slots=True)
class PremiumBreakdown:
    """What a receipt needs: per-month lines, the total, and the legal basis of each rule."""

    request: PremiumRequest
    per_month: tuple[MonthlyPremium, ...]
    legal_bases: tuple[str, ...]

    @property
    def first(self) -> MonthlyPremium:
        return self.per_month[0]

    @property
    def base_income(self) -> int:
        return self.first.base_income

    @property
    def monthly_total(self) -> int:
        """The first month's amount; equal for every month when `uniform` is True."""
        return self.first.total

    @property
    def uniform(self) -> bool:
        return len({(m.jkk, m.jkm, m.jht, m.discount) for m in self.per_month}) == 1

    @property
    def months(self) -> int:
        return len(self.per_month)

    @property
    def total(self) -> int:
        return sum(m.total for m in self.per_month)

    @property
    def total_jkk(self) -> int:
        return sum(m.jkk for m in self.per_month)

    @property
    def total_jkm(self) -> int:
        return sum(m.jkm for m in self.per_month)

    @property
    def total_jht(self) -> int:
        return sum(m.jht for m in self.per_month)

    @property
    def total_discount(self) -> int:
        return sum(m.discount for m in self.per_month)


def round_half_up(amount: Fraction) -> int:
    return math.floor(amount + Fraction(1, 2))


def check_income(declared_income: object) -> int:
    if not isinstance(declared_income, int) or isinstance(declared_income, bool):
        raise InvalidPremiumRequest(
            f"Penghasilan harus bilangan bulat rupiah, bukan {declared_income!r}."
        )
    if declared_income <= 0:
        raise InvalidPremiumRequest(
            f"Penghasilan harus lebih dari nol (yang diisi: {declared_income})."
        )
    return declared_income


def calculate_premium(schedule: RateSchedule, request: PremiumRequest) -> PremiumBreakdown:
    """Prices every month of the request; raises InvalidPremiumRequest for input a user can fix."""
    income = check_income(request.declared_income)
    if type(request.months) is not int:
        raise InvalidPremiumRequest(
            f"Periode harus bilangan bulat bulan, bukan {request.months!r}."
        )
    first = month_start(request.first_month)
    allowed = schedule.contribution_for(first).periods
    if request.months not in allowed:
        raise InvalidPremiumRequest(
            f"Periode pembayaran {request.months} bulan tidak sah: pilih "
            + ", ".join(str(p) for p in allowed)
            + " bulan."
        )
    per_month = []
    legal_bases: dict[str, None] = {}
    for offset in range(request.months):
        month = add_months(first, offset)
        rule = schedule.contribution_for(month)
        legal_bases[rule.legal_basis] = None
        base = rule.base_income(income)
        amounts = {
            Program.JKK: round_half_up(base * rule.jkk_rate),
            Program.JKM: rule.jkm_flat,
            Program.JHT: round_half_up(base * rule.jht_rate) if request.include_jht else 0,
        }
        discount = 0
        names, bases = [], []
        for discount_rule in schedule.discounts_for(month, request.sector, request.payer):
            eligible = sum(amounts[program] for program in discount_rule.programs)
            discount += round_half_up(eligible * discount_rule.percent)
            names.append(discount_rule.name)
            bases.append(discount_rule.legal_basis)
            legal_bases[discount_rule.legal_basis] = None
        per_month.append(
            MonthlyPremium(
                month=month,
                base_income=base,
                jkk=amounts[Program.JKK],
                jkm=amounts[Program.JKM],
                jht=amounts[Program.JHT],
                discount=min(discount, sum(amounts.values())),
                discount_rules=tuple(names),
                discount_bases=tuple(bases),
            )
        )
    return PremiumBreakdown(
        request=request, per_month=tuple(per_month), legal_bases=tuple(legal_bases)
    )

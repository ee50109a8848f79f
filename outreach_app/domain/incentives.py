"""A Perisai agent's estimated incentive (Perdir 13/PERDIR.02/042022, in force from April 2022,
as quoted in the agency's handbook: *check*).

The figures are data (resources/rates/incentive.json, each rule with its dates and legal
basis), like the premium rates, so a branch corrects them without a code change:

- acquisition: a fee per new participant, higher with JHT (three programmes) than with JKK+JKM
  alone, paid only when the agent enrolled at least `minimum_new_niks` new NIKs in the month;
- collection: a percentage of the premiums the agent collected in the month, by the month
  each premium pays counted from when the agent acquired the participant (month 1 is the
  month of acquisition, which is the participant's registration by that agent): 15% in months
  1-24, 5% in months 25-60, nothing after month 60 (the participant passes to the branch);
- the agent's Kantor Perisai receives an extra share (10%) of the agent's incentive, on top of
  it (not taken from it).

A payment of several months may straddle a band (months 23-25): its total is shared out
evenly over its months. Shares are exact fractions, rounded half up to the rupiah once per
band, so the estimate does not drift with the number of receipts. It stays an estimate: the
agency computes the real incentive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from typing import Any

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.premiums import round_half_up
from outreach_app.domain.table_values import check_dates as _check_dates
from outreach_app.domain.table_values import parse_date as _date
from outreach_app.domain.table_values import percent_fraction as _percent
from outreach_app.domain.table_values import rupiah as _rupiah

SUPPORTED_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class CollectionBand:
    """Premiums paying membership months `from_month`..`to_month` earn `rate` of themselves."""

    from_month: int
    to_month: int
    rate: Fraction

    def overlap(self, first: int, months: int) -> int:
        """How many of the months first..first+months-1 fall in this band."""
        low, high = max(first, self.from_month), min(first + months - 1, self.to_month)
        return max(0, high - low + 1)


@dataclass(frozen=True, slots=True)
class IncentiveRule:
    effective_from: dt.date
    effective_to: dt.date | None
    minimum_new_niks: int
    fee_three_programmes: int  # JKK + JKM + JHT
    fee_two_programmes: int  # JKK + JKM
    bands: tuple[CollectionBand, ...]
    legal_basis: str
    kantor_perisai_rate: Fraction = Fraction(0)  # of the agent's incentive; 0: not in the file

    def covers(self, day: dt.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


@dataclass(frozen=True, slots=True)
class IncentiveSchedule:
    name: str
    rules: tuple[IncentiveRule, ...]

    def rule_for(self, day: dt.date) -> IncentiveRule:
        for rule in self.rules:
            if rule.covers(day):
                return rule
        raise RateTableError(
            f"Tidak ada aturan insentif agen yang berlaku untuk {day:%d-%m-%Y} di {self.name}."
        )


@dataclass(frozen=True, slots=True)
class CollectedPremium:
    """Premiums an agent collected: `amount` rupiah paying `months` months of membership,
    the first of them month `first_month` of the participant's membership (1 = the month of
    registration). Receipts of the same shape may be summed into one."""

    amount: int
    first_month: int
    months: int


@dataclass(frozen=True, slots=True)
class BandShare:
    band: CollectionBand
    premiums: int  # rupiah of premiums paying months in this band (rounded)
    incentive: int


@dataclass(frozen=True, slots=True)
class IncentiveEstimate:
    """One agent's month: what the rules would pay, and why."""

    new_three_programmes: int
    new_two_programmes: int
    minimum_new_niks: int
    acquisition: int  # 0 unless the minimum was reached
    collected: int  # every premium collected in the month, whatever its band
    bands: tuple[BandShare, ...]
    legal_basis: str
    kantor_perisai_rate: Fraction = Fraction(0)

    @property
    def new_niks(self) -> int:
        return self.new_three_programmes + self.new_two_programmes

    @property
    def qualifies_for_acquisition(self) -> bool:
        return self.new_niks >= self.minimum_new_niks

    @property
    def niks_short(self) -> int:
        """New NIKs still needed this month for the acquisition fee (0 once reached)."""
        return max(0, self.minimum_new_niks - self.new_niks)

    @property
    def collection(self) -> int:
        return sum(share.incentive for share in self.bands)

    @property
    def total(self) -> int:
        """The agent's own incentive (the Kantor Perisai's share comes on top)."""
        return self.acquisition + self.collection

    @property
    def kantor_perisai(self) -> int:
        """The extra share the agent's Kantor Perisai receives, rounded once."""
        return round_half_up(self.total * self.kantor_perisai_rate)


def estimate_incentive(
    rule: IncentiveRule,
    new_three_programmes: int,
    new_two_programmes: int,
    premiums: Iterable[CollectedPremium],
) -> IncentiveEstimate:
    """The estimate for one agent and one month under `rule` (the rule of that month)."""
    if new_three_programmes < 0 or new_two_programmes < 0:
        raise ValueError("counts of new participants cannot be negative")
    new_niks = new_three_programmes + new_two_programmes
    acquisition = 0
    if new_niks >= rule.minimum_new_niks:
        acquisition = (
            new_three_programmes * rule.fee_three_programmes
            + new_two_programmes * rule.fee_two_programmes
        )
    shares = [Fraction(0)] * len(rule.bands)
    collected = 0
    for premium in premiums:
        if premium.months <= 0 or premium.amount < 0:
            raise ValueError(f"not a collected premium: {premium!r}")
        collected += premium.amount
        first = max(1, premium.first_month)  # paid before registration: counts as month 1
        for index, band in enumerate(rule.bands):
            months_in_band = band.overlap(first, premium.months)
            if months_in_band:
                shares[index] += Fraction(premium.amount * months_in_band, premium.months)
    return IncentiveEstimate(
        new_three_programmes=new_three_programmes,
        new_two_programmes=new_two_programmes,
        minimum_new_niks=rule.minimum_new_niks,
        acquisition=acquisition,
        collected=collected,
        bands=tuple(
            BandShare(band, round_half_up(share), round_half_up(share * band.rate))
            for band, share in zip(rule.bands, shares, strict=True)
        ),
        legal_basis=rule.legal_basis,
        kantor_perisai_rate=rule.kantor_perisai_rate,
    )


def months_since_acquisition(acquired: dt.date, month: dt.date) -> int:
    """Which month since the agent acquired the participant (on `acquired`) `month` is,
    1-based: the month of acquisition is month 1, so months 1-24 earn the first band."""
    return (month.year - acquired.year) * 12 + (month.month - acquired.month) + 1


membership_month = months_since_acquisition  # the older name; same count


# --- the data file ---------------------------------------------------------------------------


def incentive_schedule_from_dict(data: dict[str, Any]) -> IncentiveSchedule:
    """Builds the schedule from the JSON shape of resources/rates/incentive.json, checking
    every field (a wrong figure must stop the app with a clear message, not pay wrongly)."""
    try:
        if data.get("schema") != SUPPORTED_SCHEMA:
            raise RateTableError(
                f"Versi tabel insentif {data.get('schema')!r} tidak didukung "
                f"(yang didukung: {SUPPORTED_SCHEMA})."
            )
        rules = tuple(
            sorted((_rule(item) for item in data["rules"]), key=lambda r: r.effective_from)
        )
        name = str(data["name"])
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, RateTableError):
            raise
        raise RateTableError(f"Tabel insentif rusak: {exc!r}") from exc
    if not rules:
        raise RateTableError("Tabel insentif tidak memuat aturan apa pun.")
    for earlier, later in pairwise(rules):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise RateTableError(
                f"Aturan insentif yang berlaku mulai {earlier.effective_from} dan "
                f"{later.effective_from} bertumpang tindih."
            )
    return IncentiveSchedule(name=name, rules=rules)


def _rule(item: dict[str, Any]) -> IncentiveRule:
    effective_from = _date(item, "effective_from")
    effective_to = None if item.get("effective_to") is None else _date(item, "effective_to")
    _check_dates(effective_from, effective_to)
    minimum = item["minimum_new_niks"]
    if type(minimum) is not int or minimum < 0:
        raise RateTableError(f"Syarat NIK baru harus bilangan bulat tidak negatif: {minimum!r}")
    fees = item["per_new_participant"]
    bands = tuple(_band(band) for band in item["collection_bands"])
    for earlier, later in pairwise(bands):
        if later.from_month <= earlier.to_month:
            raise RateTableError(
                f"Rentang bulan kepesertaan {earlier.from_month}-{earlier.to_month} dan "
                f"{later.from_month}-{later.to_month} harus berurutan dan tidak bertumpang tindih."
            )
    return IncentiveRule(
        effective_from=effective_from,
        effective_to=effective_to,
        minimum_new_niks=minimum,
        fee_three_programmes=_rupiah(fees["jkk_jkm_jht"]),
        fee_two_programmes=_rupiah(fees["jkk_jkm"]),
        bands=bands,
        legal_basis=str(item["legal_basis"]),
        kantor_perisai_rate=_percent(item.get("kantor_perisai_percent", "0")),
    )


def _band(item: dict[str, Any]) -> CollectionBand:
    first, last = item["from_month"], item["to_month"]
    if type(first) is not int or type(last) is not int or not 1 <= first <= last:
        raise RateTableError(f"Rentang bulan kepesertaan tidak sah: {first!r}-{last!r}")
    return CollectionBand(from_month=first, to_month=last, rate=_percent(item["percent"]))

"""The base income's ceiling and brackets (domain/base_income.py, resources/rates/bpu.json).

An income above the table's ceiling (Rp20.700.000, PP 44/2015 Lampiran II as last amended by
PP 49/2023) is contributed on the ceiling: Rp627.800 a month with JHT, Rp213.800 without.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.models import PayerType, Sector
from outreach_app.domain.premiums import PremiumRequest, calculate_premium
from outreach_app.domain.rates import SUPPORTED_SCHEMA, schedule_from_dict
from outreach_app.reference.rate_tables import load_schedule

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = load_schedule()
CEILING = 20_700_000
EXAMPLES = int(os.environ.get("OUTREACH_HYPOTHESIS_EXAMPLES", "60"))


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "resources/rates/bpu.json").read_text("utf-8"))
    return data


def monthly(income: int, month: dt.date, *, jht: bool, sector: Sector = Sector.OTHER) -> int:
    request = PremiumRequest(
        declared_income=income, months=1, first_month=month, include_jht=jht, sector=sector
    )
    return calculate_premium(SCHEDULE, request).total


def test_the_shipped_table_is_schema_2_with_a_dated_ceiling() -> None:
    data = shipped()
    assert data["schema"] == SUPPORTED_SCHEMA == 2
    (rule,) = data["contributions"]
    assert rule["base_income"]["maximum"] == CEILING
    assert "PP 49/2023" in rule["base_income"]["legal_basis"]


@pytest.mark.parametrize(
    ("income", "jht", "expected"),
    [
        (30_000_000, True, 627_800),  # was Rp906.800 before the ceiling
        (30_000_000, False, 213_800),
        (CEILING, True, 627_800),
        (CEILING + 1, True, 627_800),
        (CEILING - 100, True, 627_800 - 3),  # 1% and 2% of Rp100 less
        (1, True, 36_800),  # the minimum
        (1, False, 16_800),
    ],
)
def test_full_months_from_minimum_to_ceiling(income: int, jht: bool, expected: int) -> None:
    assert monthly(income, dt.date(2028, 1, 1), jht=jht) == expected


def test_the_ceiling_in_a_relief_month() -> None:
    # JKK 207.000 + JKM 6.800 halved; JHT 414.000 not cut
    assert monthly(30_000_000, dt.date(2026, 12, 1), jht=True) == 414_000 + 106_900


def test_a_schema_1_table_still_loads_without_a_ceiling() -> None:
    data = shipped()
    data["schema"] = 1
    rule = data["contributions"][0]
    base = rule.pop("base_income")
    rule["minimum_base_income"] = base["minimum"]
    rule["income_brackets"] = []
    old = schedule_from_dict(data).contribution_for(dt.date(2028, 1, 1))
    assert old.maximum_base_income is None
    assert old.base_income(30_000_000) == 30_000_000
    assert old.base_table.legal_basis == rule["legal_basis"]


def test_official_brackets_drop_in_as_data() -> None:
    data = shipped()
    data["contributions"][0]["base_income"]["brackets"] = [
        {"lower": 0, "upper": 1_499_999, "base": 1_000_000},
        {"lower": 1_500_000, "upper": 2_999_999, "base": 2_000_000},
        {"lower": 18_000_000, "upper": None, "base": 25_000_000},  # above the ceiling: capped
    ]
    rule = schedule_from_dict(data).contribution_for(dt.date(2028, 1, 1))
    assert rule.base_income(1_499_999) == 1_000_000
    assert rule.base_income(1_500_000) == 2_000_000
    assert rule.base_income(2_999_999) == 2_000_000
    assert rule.base_income(5_432_100) == 5_432_100  # in no bracket: the income itself
    assert rule.base_income(18_000_000) == CEILING


def broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(shipped())
    base = data["contributions"][0]["base_income"]
    match change:
        case "ceiling below minimum":
            base["maximum"] = 999_999
        case "negative ceiling":
            base["maximum"] = -1
        case "float ceiling":
            base["maximum"] = 2.07e7
        case "overlapping brackets":
            base["brackets"] = [
                {"lower": 0, "upper": 2_000_000, "base": 1_000_000},
                {"lower": 2_000_000, "upper": None, "base": 3_000_000},
            ]
        case "upper below lower":
            base["brackets"] = [{"lower": 5, "upper": 4, "base": 1_000_000}]
        case "base_income not an object":
            data["contributions"][0]["base_income"] = [1_000_000]
        case "no base_income":
            del data["contributions"][0]["base_income"]
        case _:
            raise AssertionError(change)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("ceiling below minimum", "Penghasilan dasar tertinggi 999999 di bawah yang terendah"),
        ("negative ceiling", "tidak negatif: -1"),
        ("float ceiling", "tidak negatif: 20700000.0"),
        ("overlapping brackets", "bertumpang tindih"),
        ("upper below lower", "batas atas di bawah batas bawah"),
        ("base_income not an object", "base_income harus berupa objek"),
        ("no base_income", "Tabel tarif rusak"),
    ],
)
def test_a_broken_base_income_is_refused(change: str, message: str) -> None:
    with pytest.raises(RateTableError, match=message):
        schedule_from_dict(broken(change))


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    income=st.integers(min_value=1, max_value=10**12),
    extra=st.integers(min_value=1, max_value=10**12),
    first=st.dates(dt.date(2015, 7, 1), dt.date(2035, 12, 1)).map(lambda d: d.replace(day=1)),
    months=st.sampled_from([1, 3, 6, 12]),
    jht=st.booleans(),
    sector=st.sampled_from(list(Sector)),
    payer=st.sampled_from(list(PayerType)),
)
def test_a_higher_income_is_never_charged_more_than_the_ceiling(
    income: int,
    extra: int,
    first: dt.date,
    months: int,
    jht: bool,
    sector: Sector,
    payer: PayerType,
) -> None:
    def priced(declared: int) -> list[int]:
        request = PremiumRequest(declared, months, first, jht, payer, sector)
        return [m.total for m in calculate_premium(SCHEDULE, request).per_month]

    at_ceiling, this, higher = priced(CEILING), priced(income), priced(income + extra)
    for month_ceiling, month_this, month_higher in zip(at_ceiling, this, higher, strict=True):
        assert month_this <= month_ceiling and month_higher <= month_ceiling
        assert month_this <= month_higher  # a higher income never pays less either
        if income >= CEILING:
            assert month_this == month_ceiling

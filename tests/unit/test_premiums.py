"""Premiums: outreach_app/domain/premiums.py, domain/rates.py and reference/rate_tables.py.

The real rate table (resources/rates/bpu.json, via load_schedule()) is used for the figures of
the scheme; small tables built in the test check the rate rules and their error messages.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.errors import (
    DomainError,
    InvalidPremiumRequest,
    RateTableError,
)
from outreach_app.domain.models import PayerType, Program, Sector
from outreach_app.domain.premiums import (
    MonthlyPremium,
    PremiumBreakdown,
    PremiumRequest,
    calculate_premium,
    check_income,
    round_half_up,
)
from outreach_app.domain.rates import (
    ContributionRule,
    IncomeBracket,
    RateSchedule,
    schedule_from_dict,
)
from outreach_app.reference.rate_tables import load_schedule

SCHEDULE = load_schedule()
CONTRIBUTION_BASIS = (
    "PP 44/2015 sebagaimana terakhir diubah dengan PP 49/2023 (JKK 1%, JKM Rp6.800 bagi BPU); "
    "PP 46/2015 (JHT 2%)"
)
RELIEF_BASIS = "PP 50/2025"
RELIEF_OTHER = "Keringanan iuran JKK-JKM 50%"
RELIEF_TRANSPORT = "Keringanan iuran JKK-JKM 50% (sektor transportasi)"


def premium(
    income: int = 1_000_000,
    months: int = 1,
    first: dt.date = dt.date(2025, 1, 1),
    *,
    jht: bool = False,
    payer: PayerType = PayerType.SELF,
    sector: Sector = Sector.OTHER,
    schedule: RateSchedule = SCHEDULE,
) -> PremiumBreakdown:
    return calculate_premium(
        schedule,
        PremiumRequest(
            declared_income=income,
            months=months,
            first_month=first,
            include_jht=jht,
            payer=payer,
            sector=sector,
        ),
    )


# --- the shipped table ---------------------------------------------------------------------


def test_shipped_table_contents() -> None:
    assert SCHEDULE.name == "BPU (Bukan Penerima Upah)"
    assert len(SCHEDULE.contributions) == 1
    rule = SCHEDULE.contributions[0]
    assert rule.effective_from == dt.date(2015, 7, 1)
    assert rule.effective_to is None
    assert rule.jkk_rate == Fraction(1, 100)
    assert rule.jht_rate == Fraction(2, 100)
    assert rule.jkm_flat == 6800
    assert rule.minimum_base_income == 1_000_000
    assert rule.periods == (1, 3, 6, 12)
    assert rule.brackets == ()
    assert rule.maximum_base_income == 20_700_000
    assert "PP 44/2015 Lampiran II" in rule.base_table.legal_basis
    assert "PP 49/2023" in rule.base_table.legal_basis
    assert rule.legal_basis == CONTRIBUTION_BASIS
    relief = {d.name: d for d in SCHEDULE.discounts}
    assert set(relief) == {RELIEF_OTHER, RELIEF_TRANSPORT}
    transport, other = relief[RELIEF_TRANSPORT], relief[RELIEF_OTHER]
    assert (transport.effective_from, transport.effective_to) == (
        dt.date(2026, 1, 1),
        dt.date(2027, 3, 31),
    )
    assert (other.effective_from, other.effective_to) == (
        dt.date(2026, 4, 1),
        dt.date(2026, 12, 31),
    )
    for rule_ in (transport, other):
        assert rule_.percent == Fraction(1, 2)
        assert rule_.programs == frozenset({Program.JKK, Program.JKM})
        assert rule_.excluded_payers == frozenset({PayerType.APBN, PayerType.APBD})
        assert rule_.legal_basis == RELIEF_BASIS
    assert transport.sectors == frozenset({Sector.TRANSPORT})
    assert other.sectors == frozenset({Sector.OTHER})


def test_load_schedule_is_the_same_from_a_copy_of_the_file(tmp_path: Path) -> None:
    from importlib import resources

    raw = resources.files("outreach_app.resources").joinpath("rates", "bpu.json").read_text("utf-8")
    path = tmp_path / "bpu.json"
    path.write_text(raw, encoding="utf-8")
    assert load_schedule(path) == SCHEDULE


# --- the basic premium ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("income", "jht", "jkk", "jht_amount", "total"),
    [
        (1, False, 10_000, 0, 16_800),
        (500_000, False, 10_000, 0, 16_800),
        (999_999, False, 10_000, 0, 16_800),
        (1_000_000, False, 10_000, 0, 16_800),
        (1, True, 10_000, 20_000, 36_800),
        (999_999, True, 10_000, 20_000, 36_800),
        (1_000_000, True, 10_000, 20_000, 36_800),
        (2_500_000, False, 25_000, 0, 31_800),
        (2_500_000, True, 25_000, 50_000, 81_800),
        (5_000_000, True, 50_000, 100_000, 156_800),
    ],
)
def test_monthly_premium_outside_any_relief(
    income: int, jht: bool, jkk: int, jht_amount: int, total: int
) -> None:
    result = premium(income, jht=jht, first=dt.date(2025, 3, 1))
    assert result.months == 1
    month = result.first
    assert month.month == dt.date(2025, 3, 1)
    assert month.base_income == max(income, 1_000_000)
    assert (month.jkk, month.jkm, month.jht, month.discount) == (jkk, 6800, jht_amount, 0)
    assert month.discount_rules == ()
    assert month.gross == total
    assert month.total == total
    assert result.total == total
    assert result.monthly_total == total
    assert result.base_income == max(income, 1_000_000)
    assert result.legal_bases == (CONTRIBUTION_BASIS,)


@pytest.mark.parametrize(
    ("income", "jkk", "jht"),
    [
        (1_000_049, 10_000, 20_001),  # JKK 10.000,49 down; JHT 20.000,98 up
        (1_000_050, 10_001, 20_001),  # JKK 10.000,5 exactly: half goes up
        (1_000_051, 10_001, 20_001),
        (1_000_025, 10_000, 20_001),  # JHT 20.000,5 exactly: half goes up
        (1_000_024, 10_000, 20_000),  # JHT 20.000,48 down
        (1_000_150, 10_002, 20_003),  # JKK 10.001,5 up (not to even)
        (1_000_250, 10_003, 20_005),  # JKK 10.002,5 up (banker's rounding would give 10.002)
        (1_000_075, 10_001, 20_002),  # JHT 20.001,5 up
    ],
)
def test_rounding_is_half_up(income: int, jkk: int, jht: int) -> None:
    month = premium(income, jht=True, first=dt.date(2025, 3, 1)).first
    assert (month.jkk, month.jkm, month.jht) == (jkk, 6800, jht)
    assert month.total == jkk + 6800 + jht


@pytest.mark.parametrize(
    ("income", "discount", "total"),
    [
        (1_000_000, 8_400, 8_400),  # 16.800 / 2
        (1_000_050, 8_401, 8_400),  # JKK 10.001 + 6.800 = 16.801, half is 8.400,5 -> 8.401
        (1_000_100, 8_401, 8_400),
        (1_000_200, 8_401, 8_401),  # 16.802 / 2 = 8.401 exactly
    ],
)
def test_discount_is_rounded_half_up(income: int, discount: int, total: int) -> None:
    month = premium(income, first=dt.date(2026, 6, 1)).first
    assert month.discount == discount
    assert month.total == total


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Fraction(0), 0),
        (Fraction(1, 2), 1),
        (Fraction(3, 2), 2),
        (Fraction(5, 2), 3),
        (Fraction(49, 100), 0),
        (Fraction(51, 100), 1),
        (Fraction(200001, 20), 10000),  # 10.000,05
        (Fraction(20000, 1), 20000),
    ],
)
def test_round_half_up(amount: Fraction, expected: int) -> None:
    result = round_half_up(amount)
    assert result == expected
    assert type(result) is int


# --- invalid requests ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("income", "message"),
    [
        (0, "Penghasilan harus lebih dari nol (yang diisi: 0)."),
        (-1, "Penghasilan harus lebih dari nol (yang diisi: -1)."),
        (-1_000_000, "Penghasilan harus lebih dari nol (yang diisi: -1000000)."),
        (1_000_000.0, "Penghasilan harus bilangan bulat rupiah, bukan 1000000.0."),
        (1_500_000.5, "Penghasilan harus bilangan bulat rupiah, bukan 1500000.5."),
        (True, "Penghasilan harus bilangan bulat rupiah, bukan True."),
        (False, "Penghasilan harus bilangan bulat rupiah, bukan False."),
        ("1000000", "Penghasilan harus bilangan bulat rupiah, bukan '1000000'."),
        (None, "Penghasilan harus bilangan bulat rupiah, bukan None."),
        (
            Fraction(1_000_000),
            "Penghasilan harus bilangan bulat rupiah, bukan Fraction(1000000, 1).",
        ),
    ],
)
def test_bad_income_raises(income: object, message: str) -> None:
    with pytest.raises(InvalidPremiumRequest) as raised:
        premium(income)  # type: ignore[arg-type]
    assert str(raised.value) == message
    with pytest.raises(InvalidPremiumRequest):
        check_income(income)


def test_check_income_returns_the_income() -> None:
    assert check_income(1) == 1
    assert check_income(2_750_000) == 2_750_000


@pytest.mark.parametrize("months", [1, 3, 6, 12])
def test_allowed_periods(months: int) -> None:
    result = premium(months=months, first=dt.date(2025, 1, 1))
    assert result.months == months
    assert [m.month for m in result.per_month] == [
        dt.date(2025 + (i // 12), i % 12 + 1, 1) for i in range(months)
    ]
    assert result.total == months * 16_800
    assert result.uniform is True


@pytest.mark.parametrize("months", [0, 2, 4, 5, 24, -1, -3])
def test_other_periods_raise(months: int) -> None:
    with pytest.raises(InvalidPremiumRequest) as raised:
        premium(months=months)
    assert str(raised.value) == (
        f"Periode pembayaran {months} bulan tidak sah: pilih 1, 3, 6, 12 bulan."
    )


def test_month_before_the_first_rate_rule_is_refused() -> None:
    with pytest.raises(DomainError, match="Tidak ada tarif iuran yang berlaku untuk 01-06-2015"):
        premium(first=dt.date(2015, 6, 1))


def test_first_month_is_taken_from_any_day_of_the_month() -> None:
    result = premium(months=3, first=dt.date(2025, 11, 20))
    assert [m.month for m in result.per_month] == [
        dt.date(2025, 11, 1),
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
    ]


# --- PP 50/2025 relief ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sector", "first", "discounted"),
    [
        (Sector.OTHER, dt.date(2026, 3, 31), False),
        (Sector.OTHER, dt.date(2026, 4, 1), True),
        (Sector.OTHER, dt.date(2026, 12, 31), True),
        (Sector.OTHER, dt.date(2027, 1, 1), False),
        (Sector.OTHER, dt.date(2026, 1, 1), False),
        (Sector.TRANSPORT, dt.date(2025, 12, 31), False),
        (Sector.TRANSPORT, dt.date(2026, 1, 1), True),
        (Sector.TRANSPORT, dt.date(2027, 3, 31), True),
        (Sector.TRANSPORT, dt.date(2027, 4, 1), False),
        (Sector.TRANSPORT, dt.date(2026, 12, 31), True),
        (Sector.TRANSPORT, dt.date(2027, 1, 1), True),
    ],
)
def test_relief_first_and_last_day(sector: Sector, first: dt.date, discounted: bool) -> None:
    result = premium(first=first, sector=sector)
    month = result.first
    if discounted:
        name = RELIEF_TRANSPORT if sector is Sector.TRANSPORT else RELIEF_OTHER
        assert month.discount == 8_400
        assert month.total == 8_400
        assert month.discount_rules == (name,)
        assert result.legal_bases == (CONTRIBUTION_BASIS, RELIEF_BASIS)
    else:
        assert month.discount == 0
        assert month.total == 16_800
        assert month.discount_rules == ()
        assert result.legal_bases == (CONTRIBUTION_BASIS,)


@pytest.mark.parametrize(
    ("payer", "discounted"),
    [
        (PayerType.SELF, True),
        (PayerType.SPONSOR, True),
        (PayerType.APBDES, True),
        (PayerType.APBD, False),
        (PayerType.APBN, False),
    ],
)
@pytest.mark.parametrize("sector", [Sector.OTHER, Sector.TRANSPORT])
def test_relief_by_payer(payer: PayerType, discounted: bool, sector: Sector) -> None:
    result = premium(first=dt.date(2026, 6, 1), payer=payer, sector=sector)
    assert result.total_discount == (8_400 if discounted else 0)
    assert result.total == (8_400 if discounted else 16_800)
    expected_bases = (CONTRIBUTION_BASIS, RELIEF_BASIS) if discounted else (CONTRIBUTION_BASIS,)
    assert result.legal_bases == expected_bases


def test_jht_is_never_discounted() -> None:
    month = premium(1_000_000, jht=True, first=dt.date(2026, 6, 1)).first
    assert (month.jkk, month.jkm, month.jht) == (10_000, 6_800, 20_000)
    assert month.discount == 8_400
    assert month.total == 28_400  # 36.800 - half of 16.800


def test_jht_is_never_discounted_for_a_higher_income() -> None:
    month = premium(3_000_000, jht=True, first=dt.date(2026, 6, 1), sector=Sector.TRANSPORT).first
    assert (month.jkk, month.jkm, month.jht) == (30_000, 6_800, 60_000)
    assert month.discount == 18_400  # (30.000 + 6.800) / 2
    assert month.total == 78_400


def test_three_months_from_december_2026_other_sector() -> None:
    result = premium(months=3, first=dt.date(2026, 12, 1))
    assert [(m.month, m.discount, m.total) for m in result.per_month] == [
        (dt.date(2026, 12, 1), 8_400, 8_400),
        (dt.date(2027, 1, 1), 0, 16_800),
        (dt.date(2027, 2, 1), 0, 16_800),
    ]
    assert result.per_month[0].discount_rules == (RELIEF_OTHER,)
    assert result.per_month[1].discount_rules == ()
    assert result.uniform is False
    assert result.total == 42_000
    assert result.total_discount == 8_400
    assert result.total_jkk == 30_000
    assert result.total_jkm == 20_400
    assert result.total_jht == 0
    assert result.monthly_total == 8_400
    assert result.legal_bases == (CONTRIBUTION_BASIS, RELIEF_BASIS)


def test_three_months_from_december_2026_with_jht() -> None:
    result = premium(months=3, first=dt.date(2026, 12, 1), jht=True)
    assert [m.total for m in result.per_month] == [28_400, 36_800, 36_800]
    assert result.total == 102_000


def test_three_months_from_december_2026_transport_all_discounted() -> None:
    result = premium(months=3, first=dt.date(2026, 12, 1), sector=Sector.TRANSPORT)
    assert [m.total for m in result.per_month] == [8_400, 8_400, 8_400]
    assert result.uniform is True
    assert result.total == 25_200


@pytest.mark.parametrize(
    ("sector", "first", "totals"),
    [
        # other: Jan-Mar full, Apr-Dec discounted
        (Sector.OTHER, dt.date(2026, 1, 1), [16_800] * 3 + [8_400] * 9),
        # transport: Jun 2026 - Mar 2027 discounted, Apr-May 2027 full
        (Sector.TRANSPORT, dt.date(2026, 6, 1), [8_400] * 10 + [16_800] * 2),
        # other: Mar 2026 full, Apr-Aug discounted
        (Sector.OTHER, dt.date(2026, 3, 1), [16_800] + [8_400] * 5),
    ],
)
def test_periods_across_relief_edges(sector: Sector, first: dt.date, totals: list[int]) -> None:
    result = premium(months=len(totals), first=first, sector=sector)
    assert [m.total for m in result.per_month] == totals
    assert result.total == sum(totals)


def test_six_months_before_relief_has_no_relief_basis() -> None:
    result = premium(months=6, first=dt.date(2025, 7, 1), sector=Sector.TRANSPORT)
    assert result.total == 6 * 16_800
    assert result.total_discount == 0
    assert result.legal_bases == (CONTRIBUTION_BASIS,)


def test_monthly_premium_properties() -> None:
    month = MonthlyPremium(
        month=dt.date(2026, 1, 1),
        base_income=1_000_000,
        jkk=10_000,
        jkm=6_800,
        jht=20_000,
        discount=8_400,
        discount_rules=("x",),
    )
    assert month.gross == 36_800
    assert month.total == 28_400


# --- property tests ------------------------------------------------------------------------

requests = st.builds(
    PremiumRequest,
    declared_income=st.one_of(
        st.integers(min_value=1, max_value=1_100_000),
        st.integers(min_value=1, max_value=100_000_000),
    ),
    months=st.sampled_from([1, 3, 6, 12]),
    first_month=st.dates(min_value=dt.date(2015, 7, 1), max_value=dt.date(2035, 12, 31)),
    include_jht=st.booleans(),
    payer=st.sampled_from(PayerType),
    sector=st.sampled_from(Sector),
)


@settings(max_examples=200, deadline=None)
@given(request=requests)
def test_premium_properties(request: PremiumRequest) -> None:
    result = calculate_premium(SCHEDULE, request)
    assert result.request == request
    assert result.months == request.months
    assert result.total == sum(m.total for m in result.per_month)
    assert result.total == (
        result.total_jkk + result.total_jkm + result.total_jht - result.total_discount
    )
    if result.uniform:
        assert result.total == result.months * result.monthly_total
    assert result.legal_bases[0] == CONTRIBUTION_BASIS
    assert (RELIEF_BASIS in result.legal_bases) is (result.total_discount > 0)
    for month in result.per_month:
        for amount in (month.jkk, month.jkm, month.jht, month.discount, month.total):
            assert type(amount) is int
            assert amount >= 0
        assert month.discount <= month.jkk + month.jkm
        assert month.total >= month.jht
        assert month.month.day == 1


@settings(max_examples=200, deadline=None)
@given(request=requests)
def test_premium_matches_the_rules_of_the_scheme(request: PremiumRequest) -> None:
    """An independent integer oracle: 1% JKK, Rp6.800 JKM, 2% JHT, 50% off JKK+JKM in relief."""
    result = calculate_premium(SCHEDULE, request)
    base = min(max(request.declared_income, 1_000_000), 20_700_000)  # minimum and ceiling
    jkk = (base + 50) // 100
    jht = (2 * base + 50) // 100 if request.include_jht else 0
    relief_window = (
        (dt.date(2026, 1, 1), dt.date(2027, 3, 1))
        if request.sector is Sector.TRANSPORT
        else (dt.date(2026, 4, 1), dt.date(2026, 12, 1))
    )
    for month in result.per_month:
        relieved = (
            request.payer not in (PayerType.APBN, PayerType.APBD)
            and relief_window[0] <= month.month <= relief_window[1]
        )
        discount = (jkk + 6_800 + 1) // 2 if relieved else 0
        assert month.base_income == base
        assert (month.jkk, month.jkm, month.jht, month.discount) == (jkk, 6_800, jht, discount)
        assert len(month.discount_rules) == (1 if relieved else 0)


# --- rate rules built from data ------------------------------------------------------------


def table() -> dict[str, Any]:
    """A small valid table in the shape of resources/rates/bpu.json."""
    return {
        "schema": 1,
        "name": "Test",
        "contributions": [
            {
                "effective_from": "2020-01-01",
                "effective_to": "2024-12-31",
                "jkk_percent": "1",
                "jkm_flat": 6800,
                "jht_percent": "2",
                "minimum_base_income": 1_000_000,
                "periods_months": [1, 3, 6, 12],
                "income_brackets": [],
                "legal_basis": "old",
            },
            {
                "effective_from": "2025-01-01",
                "effective_to": None,
                "jkk_percent": "0.5",
                "jkm_flat": 7000,
                "jht_percent": "3",
                "minimum_base_income": 2_000_000,
                "periods_months": [1, 6],
                "legal_basis": "new",
            },
        ],
        "discounts": [
            {
                "name": "Relief",
                "percent": "25",
                "programs": ["jkm"],
                "sectors": ["other", "transport"],
                "effective_from": "2025-03-01",
                "effective_to": "2025-04-30",
                "excluded_payers": ["sponsor"],
                "legal_basis": "relief",
            }
        ],
    }


def test_schedule_from_dict_builds_exact_rules() -> None:
    schedule = schedule_from_dict(table())
    assert schedule.name == "Test"
    old, new = schedule.contributions
    assert old == ContributionRule(
        effective_from=dt.date(2020, 1, 1),
        effective_to=dt.date(2024, 12, 31),
        jkk_rate=Fraction(1, 100),
        jht_rate=Fraction(1, 50),
        jkm_flat=6800,
        minimum_base_income=1_000_000,
        periods=(1, 3, 6, 12),
        brackets=(),
        legal_basis="old",
        base_income_basis="old",  # a schema 1 rule: its own basis
    )
    assert new.jkk_rate == Fraction(1, 200)
    assert new.jht_rate == Fraction(3, 100)
    assert new.effective_to is None
    assert new.periods == (1, 6)
    (relief,) = schedule.discounts
    assert relief.percent == Fraction(1, 4)
    assert relief.programs == frozenset({Program.JKM})
    assert relief.sectors == frozenset({Sector.OTHER, Sector.TRANSPORT})
    assert relief.excluded_payers == frozenset({PayerType.SPONSOR})


def test_contributions_are_sorted_by_date() -> None:
    data = table()
    data["contributions"].reverse()
    schedule = schedule_from_dict(data)
    assert [r.legal_basis for r in schedule.contributions] == ["old", "new"]


def test_adjacent_rules_do_not_overlap() -> None:
    schedule = schedule_from_dict(table())
    assert schedule.contribution_for(dt.date(2024, 12, 31)).legal_basis == "old"
    assert schedule.contribution_for(dt.date(2025, 1, 1)).legal_basis == "new"
    assert schedule.contribution_for(dt.date(2099, 1, 1)).legal_basis == "new"
    with pytest.raises(RateTableError) as raised:
        schedule.contribution_for(dt.date(2019, 12, 31))
    assert str(raised.value) == (
        "Tidak ada tarif iuran yang berlaku untuk 31-12-2019 di tabel tarif Test."
    )


def test_discounts_are_optional() -> None:
    data = table()
    del data["discounts"]
    schedule = schedule_from_dict(data)
    assert schedule.discounts == ()
    assert schedule.discounts_for(dt.date(2025, 3, 1), Sector.OTHER, PayerType.SELF) == ()


def test_discounts_for() -> None:
    schedule = schedule_from_dict(table())
    (relief,) = schedule.discounts
    assert schedule.discounts_for(dt.date(2025, 3, 1), Sector.OTHER, PayerType.SELF) == (relief,)
    assert schedule.discounts_for(dt.date(2025, 4, 30), Sector.TRANSPORT, PayerType.APBN) == (
        relief,
    )
    assert schedule.discounts_for(dt.date(2025, 3, 1), Sector.OTHER, PayerType.SPONSOR) == ()
    assert schedule.discounts_for(dt.date(2025, 2, 28), Sector.OTHER, PayerType.SELF) == ()
    assert schedule.discounts_for(dt.date(2025, 5, 1), Sector.OTHER, PayerType.SELF) == ()


def test_premium_uses_the_rule_of_each_month() -> None:
    schedule = schedule_from_dict(table())
    # Dec 2024: old rule; Jan 2025 on: JKK 0.5%, JKM 7.000, JHT 3%, minimum 2.000.000
    result = premium(1_500_000, months=3, first=dt.date(2024, 12, 1), jht=True, schedule=schedule)
    assert [(m.base_income, m.jkk, m.jkm, m.jht, m.discount) for m in result.per_month] == [
        (1_500_000, 15_000, 6_800, 30_000, 0),
        (2_000_000, 10_000, 7_000, 60_000, 0),
        (2_000_000, 10_000, 7_000, 60_000, 0),
    ]
    assert result.legal_bases == ("old", "new")


def test_periods_come_from_the_rule_of_the_first_month() -> None:
    schedule = schedule_from_dict(table())
    with pytest.raises(InvalidPremiumRequest, match="pilih 1, 6 bulan"):
        premium(months=3, first=dt.date(2025, 1, 1), schedule=schedule)


def test_partial_discount_on_some_programs() -> None:
    schedule = schedule_from_dict(table())
    result = premium(2_000_000, months=6, first=dt.date(2025, 1, 1), jht=True, schedule=schedule)
    # 25% of JKM 7.000 = 1.750 in March and April only
    assert [m.discount for m in result.per_month] == [0, 0, 1_750, 1_750, 0, 0]
    assert result.per_month[2].discount_rules == ("Relief",)
    assert result.per_month[2].total == 10_000 + 7_000 + 60_000 - 1_750
    assert result.legal_bases == ("new", "relief")


def test_income_brackets_give_the_base_income() -> None:
    data = table()
    data["contributions"][1]["income_brackets"] = [
        {"lower": 0, "upper": 2_499_999, "base": 1_500_000},
        {"lower": 2_500_000, "upper": 4_999_999, "base": 3_000_000},
        {"lower": 10_000_000, "upper": None, "base": 10_000_000},
    ]
    rule = schedule_from_dict(data).contributions[1]
    assert rule.brackets[0] == IncomeBracket(lower=0, upper=2_499_999, base=1_500_000)
    assert rule.brackets[2] == IncomeBracket(lower=10_000_000, upper=None, base=10_000_000)
    assert rule.base_income(1) == 2_000_000  # bracket base below the minimum
    assert rule.base_income(2_499_999) == 2_000_000
    assert rule.base_income(2_500_000) == 3_000_000
    assert rule.base_income(4_999_999) == 3_000_000
    assert rule.base_income(7_000_000) == 7_000_000  # in no bracket: the income itself
    assert rule.base_income(10_000_000) == 10_000_000
    assert rule.base_income(55_000_000) == 10_000_000


def test_no_brackets_means_declared_income_at_least_the_minimum() -> None:
    rule = SCHEDULE.contributions[0]
    assert rule.base_income(1) == 1_000_000
    assert rule.base_income(1_000_001) == 1_000_001
    assert rule.base_income(7_654_321) == 7_654_321


@pytest.mark.parametrize(
    ("percent", "rate"),
    [
        ("1", Fraction(1, 100)),
        (1, Fraction(1, 100)),
        ("0.5", Fraction(1, 200)),
        ("0", Fraction(0)),
        ("100", Fraction(1)),
        ("1.25", Fraction(1, 80)),
    ],
)
def test_percent_forms_accepted(percent: object, rate: Fraction) -> None:
    data = table()
    data["contributions"][0]["jkk_percent"] = percent
    assert schedule_from_dict(data).contributions[0].jkk_rate == rate


# --- broken tables: every problem is a RateTableError with a readable message ----------


def broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(table())
    old = data["contributions"][0]
    discount = data["discounts"][0]
    match change:
        case "schema 3":
            data["schema"] = 3
        case "schema missing":
            del data["schema"]
        case "schema text":
            data["schema"] = "1"
        case "float percent":
            old["jkk_percent"] = 1.0
        case "float discount percent":
            discount["percent"] = 50.0
        case "bool percent":
            old["jht_percent"] = True
        case "percent over 100":
            old["jkk_percent"] = "101"
        case "negative percent":
            discount["percent"] = "-50"
        case "percent not a number":
            old["jkk_percent"] = "satu"
        case "negative jkm":
            old["jkm_flat"] = -6800
        case "negative minimum":
            old["minimum_base_income"] = -1
        case "float jkm":
            old["jkm_flat"] = 6800.0
        case "text jkm":
            old["jkm_flat"] = "6800"
        case "negative bracket":
            old["income_brackets"] = [{"lower": -1, "upper": None, "base": 1_000_000}]
        case "overlap":
            old["effective_to"] = "2025-01-01"
        case "open-ended overlap":
            old["effective_to"] = None
        case "same start":
            old["effective_from"] = "2025-01-01"
            old["effective_to"] = "2025-06-30"
        case "no periods":
            old["periods_months"] = []
        case "zero period":
            old["periods_months"] = [0, 1]
        case "bad date":
            old["effective_from"] = "2020-13-01"
        case "missing field":
            del old["jkk_percent"]
        case "missing contributions":
            del data["contributions"]
        case "unknown program":
            discount["programs"] = ["jkn"]
        case "unknown sector":
            discount["sectors"] = ["fishing"]
        case "unknown payer":
            discount["excluded_payers"] = ["bank"]
        case "missing discount end":
            del discount["effective_to"]
        case "contributions not a list":
            data["contributions"] = 5
        case _:
            raise AssertionError(change)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("schema 3", "Versi tabel tarif 3 tidak didukung (yang didukung: 1, 2)."),
        ("schema missing", "Versi tabel tarif None tidak didukung (yang didukung: 1, 2)."),
        ("schema text", "Versi tabel tarif '1' tidak didukung (yang didukung: 1, 2)."),
        ("float percent", "Persentase harus ditulis sebagai teks desimal: 1.0"),
        ("float discount percent", "Persentase harus ditulis sebagai teks desimal: 50.0"),
        ("bool percent", "Persentase harus ditulis sebagai teks desimal: True"),
        ("percent over 100", "Persentase di luar 0-100: '101'"),
        ("negative percent", "Persentase di luar 0-100: '-50'"),
        ("negative jkm", "Jumlah rupiah harus bilangan bulat tidak negatif: -6800"),
        ("negative minimum", "Jumlah rupiah harus bilangan bulat tidak negatif: -1"),
        ("float jkm", "Jumlah rupiah harus bilangan bulat tidak negatif: 6800.0"),
        ("text jkm", "Jumlah rupiah harus bilangan bulat tidak negatif: '6800'"),
        ("negative bracket", "Jumlah rupiah harus bilangan bulat tidak negatif: -1"),
        (
            "overlap",
            "Tarif yang berlaku mulai 2020-01-01 dan 2025-01-01 bertumpang tindih.",
        ),
        (
            "open-ended overlap",
            "Tarif yang berlaku mulai 2020-01-01 dan 2025-01-01 bertumpang tindih.",
        ),
        (
            "same start",
            "Tarif yang berlaku mulai 2025-01-01 dan 2025-01-01 bertumpang tindih.",
        ),
        ("no periods", "Periode pembayaran harus bulan bulat positif: []"),
        ("zero period", "Periode pembayaran harus bulan bulat positif: [0, 1]"),
    ],
)
def test_broken_table_messages(change: str, message: str) -> None:
    with pytest.raises(RateTableError) as raised:
        schedule_from_dict(broken(change))
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("change", "mentions"),
    [
        ("percent not a number", "satu"),
        ("bad date", "effective_from harus tanggal YYYY-MM-DD, bukan '2020-13-01'"),
        ("missing field", "jkk_percent"),
        ("missing contributions", "contributions"),
        ("unknown program", "jkn"),
        ("unknown sector", "fishing"),
        ("unknown payer", "bank"),
        ("missing discount end", "effective_to"),
        ("contributions not a list", "int"),
    ],
)
def test_malformed_table_is_a_rate_table_error(change: str, mentions: str) -> None:
    with pytest.raises(RateTableError) as raised:
        schedule_from_dict(broken(change))
    message = str(raised.value)
    assert message.startswith("Tabel tarif rusak: ")
    assert mentions in message


# --- load_schedule with files --------------------------------------------------------------


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "bpu.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_load_schedule_from_a_file(tmp_path: Path) -> None:
    schedule = load_schedule(write(tmp_path, table()))
    assert schedule == schedule_from_dict(table())


def test_load_schedule_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "bpu.json"
    path.write_text('{\n  "schema": 1,\n  "name":\n}\n', encoding="utf-8")
    with pytest.raises(RateTableError) as raised:
        load_schedule(path)
    assert str(raised.value) == (
        f"Tabel tarif {path} bukan JSON yang sah (baris 4): Expecting value"
    )


def test_load_schedule_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "bpu.json"
    path.write_text("", encoding="utf-8")
    with pytest.raises(RateTableError, match=r"bukan JSON yang sah \(baris 1\)"):
        load_schedule(path)


def test_load_schedule_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.json"
    with pytest.raises(RateTableError) as raised:
        load_schedule(path)
    assert str(raised.value) == (
        f"Tabel tarif tidak dapat dibaca (No such file or directory): {path}"
    )


def test_load_schedule_directory(tmp_path: Path) -> None:
    with pytest.raises(RateTableError, match="Tabel tarif tidak dapat dibaca"):
        load_schedule(tmp_path)


@pytest.mark.parametrize("data", [[], [table()], "bpu", 1, None])
def test_load_schedule_top_level_must_be_an_object(tmp_path: Path, data: object) -> None:
    path = write(tmp_path, data)
    with pytest.raises(RateTableError) as raised:
        load_schedule(path)
    assert str(raised.value) == f"Tabel tarif {path} harus berupa objek JSON."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("schema 3", "Versi tabel tarif 3 tidak didukung (yang didukung: 1, 2)."),
        ("float percent", "Persentase harus ditulis sebagai teks desimal: 1.0"),
        ("negative jkm", "Jumlah rupiah harus bilangan bulat tidak negatif: -6800"),
        ("overlap", "Tarif yang berlaku mulai 2020-01-01 dan 2025-01-01 bertumpang tindih."),
    ],
)
def test_load_schedule_bad_content(tmp_path: Path, change: str, message: str) -> None:
    with pytest.raises(RateTableError) as raised:
        load_schedule(write(tmp_path, broken(change)))
    assert str(raised.value) == message


def test_load_schedule_file_with_utf8_bom(tmp_path: Path) -> None:
    """Notepad writes a byte-order mark; the table is still read."""
    path = tmp_path / "bpu.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(table()).encode("utf-8"))
    assert load_schedule(path).contributions


def test_load_schedule_file_not_in_utf8(tmp_path: Path) -> None:
    """A branch's copy saved in Windows-1252 is a malformed table, not a crash."""
    data = table()
    data["name"] = "Tarif cabang Saumlaki – revisi"  # en dash: 0x96 in cp1252
    path = tmp_path / "bpu.json"
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode("cp1252"))
    with pytest.raises(RateTableError):
        load_schedule(path)

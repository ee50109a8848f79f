"""The agent incentive estimate (domain/incentives.py) and its data file
(resources/rates/incentive.json): the rules of Perdir 13/PERDIR.02/042022 (from April 2022) as
domain.md states them."""

from __future__ import annotations

import copy
import datetime as dt
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.incentives import (
    CollectedPremium,
    IncentiveRule,
    estimate_incentive,
    incentive_schedule_from_dict,
    membership_month,
    months_since_acquisition,
)
from outreach_app.reference.rate_tables import INCENTIVE_TABLE, load_incentive_schedule

SHIPPED = Path(__file__).parents[2] / "resources" / "rates" / INCENTIVE_TABLE


@pytest.fixture(scope="module")
def rule() -> IncentiveRule:
    return load_incentive_schedule().rule_for(dt.date(2026, 11, 1))


def shipped_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED.read_text("utf-8"))
    return data


def test_shipped_rule_has_the_figures_of_domain_md(rule: IncentiveRule) -> None:
    assert rule.minimum_new_niks == 25
    assert rule.fee_three_programmes == 15_000
    assert rule.fee_two_programmes == 10_000
    assert [(b.from_month, b.to_month, b.rate) for b in rule.bands] == [
        (1, 24, Fraction(15, 100)),
        (25, 60, Fraction(5, 100)),
    ]
    assert "13/PERDIR.02/042022" in rule.legal_basis
    assert rule.kantor_perisai_rate == Fraction(10, 100)
    assert "check" in shipped_data()["rules"][0]  # flagged for the branch to confirm


def test_acquisition_fee_needs_25_new_niks_in_the_month(rule: IncentiveRule) -> None:
    short = estimate_incentive(rule, 10, 14, [])  # 24 new NIKs: one short
    assert short.new_niks == 24
    assert not short.qualifies_for_acquisition
    assert short.niks_short == 1
    assert short.acquisition == 0
    reached = estimate_incentive(rule, 10, 15, [])
    assert reached.qualifies_for_acquisition and reached.niks_short == 0
    # Rp15.000 for each on three programmes, Rp10.000 for each on JKK+JKM
    assert reached.acquisition == 10 * 15_000 + 15 * 10_000 == 300_000
    assert reached.total == 300_000


def test_collection_is_15_percent_in_months_1_to_24_and_5_in_25_to_60(rule) -> None:
    estimate = estimate_incentive(
        rule,
        0,
        0,
        [
            CollectedPremium(amount=16_800, first_month=1, months=1),  # month 1: 15%
            CollectedPremium(amount=36_800, first_month=24, months=1),  # month 24: 15%
            CollectedPremium(amount=16_800, first_month=25, months=1),  # month 25: 5%
            CollectedPremium(amount=16_800, first_month=60, months=1),  # month 60: 5%
            CollectedPremium(amount=16_800, first_month=61, months=1),  # month 61: nothing
        ],
    )
    assert estimate.collected == 104_000
    early, late = estimate.bands
    assert early.premiums == 53_600 and early.incentive == 8_040  # 15% of 53.600
    assert late.premiums == 33_600 and late.incentive == 1_680  # 5% of 33.600
    assert estimate.collection == 9_720
    assert estimate.acquisition == 0  # no new NIKs: collection only
    assert estimate.total == 9_720


def test_a_payment_straddling_month_24_is_shared_by_its_months(rule) -> None:
    """Three months (23, 24, 25) for Rp50.400: two thirds at 15%, one third at 5%."""
    estimate = estimate_incentive(rule, 0, 0, [CollectedPremium(50_400, 23, 3)])
    early, late = estimate.bands
    assert (early.premiums, late.premiums) == (33_600, 16_800)
    assert (early.incentive, late.incentive) == (5_040, 840)


def test_shares_round_once_per_band_not_per_receipt(rule) -> None:
    """Three receipts of Rp8.403 for one month: 15% of each is Rp1.260,45. Rounded per
    receipt that would be 3 x 1.260 = 3.780; the exact sum, 3.781,35, rounds to 3.781."""
    estimate = estimate_incentive(rule, 0, 0, [CollectedPremium(8_403, 2, 1)] * 3)
    assert estimate.bands[0].incentive == 3_781


def test_paid_before_registration_counts_as_month_one(rule) -> None:
    estimate = estimate_incentive(rule, 0, 0, [CollectedPremium(16_800, -2, 1)])
    assert estimate.bands[0].incentive == 2_520


def test_acquisition_and_collection_add_up(rule) -> None:
    estimate = estimate_incentive(rule, 25, 0, [CollectedPremium(100_000, 5, 1)])
    assert estimate.acquisition == 375_000
    assert estimate.collection == 15_000
    assert estimate.total == 390_000


def test_bad_figures_are_refused(rule) -> None:
    with pytest.raises(ValueError, match="negative"):
        estimate_incentive(rule, -1, 0, [])
    with pytest.raises(ValueError, match="not a collected premium"):
        estimate_incentive(rule, 0, 0, [CollectedPremium(16_800, 1, 0)])


def test_membership_month_counts_from_the_registration_month() -> None:
    registered = dt.date(2024, 11, 28)
    assert membership_month(registered, dt.date(2024, 11, 1)) == 1
    assert membership_month(registered, dt.date(2024, 12, 1)) == 2
    assert membership_month(registered, dt.date(2026, 10, 1)) == 24
    assert membership_month(registered, dt.date(2026, 11, 1)) == 25


@pytest.mark.parametrize(
    ("month", "incentive"),
    [
        (1, 2_520),  # 15% of Rp16.800
        (24, 2_520),
        (25, 840),  # 5%
        (60, 840),
        (61, 0),  # after month 60 the participant passes to the branch
        (120, 0),
    ],
)
def test_collection_band_boundaries(rule: IncentiveRule, month: int, incentive: int) -> None:
    estimate = estimate_incentive(rule, 0, 0, [CollectedPremium(16_800, month, 1)])
    assert estimate.collection == incentive
    assert estimate.collected == 16_800  # collected all the same


def test_months_count_from_the_month_the_agent_acquired_the_participant() -> None:
    acquired = dt.date(2022, 4, 30)
    assert months_since_acquisition(acquired, dt.date(2022, 4, 1)) == 1
    assert months_since_acquisition(acquired, dt.date(2024, 3, 1)) == 24
    assert months_since_acquisition(acquired, dt.date(2024, 4, 1)) == 25
    assert months_since_acquisition(acquired, dt.date(2027, 3, 1)) == 60
    assert months_since_acquisition(acquired, dt.date(2027, 4, 1)) == 61


@pytest.mark.parametrize(
    ("three", "two", "fee"),
    [
        (24, 0, 0),  # 24 new NIKs: no fee at all
        (0, 24, 0),
        (25, 0, 375_000),  # Rp15.000 each on three programmes
        (0, 25, 250_000),  # Rp10.000 each on JKK+JKM
        (12, 13, 12 * 15_000 + 13 * 10_000),
    ],
)
def test_acquisition_fee_at_24_and_25_new_niks(
    rule: IncentiveRule, three: int, two: int, fee: int
) -> None:
    assert estimate_incentive(rule, three, two, []).acquisition == fee


def test_the_kantor_perisai_gets_10_percent_on_top(rule: IncentiveRule) -> None:
    estimate = estimate_incentive(rule, 25, 0, [CollectedPremium(100_000, 5, 1)])
    assert estimate.total == 390_000  # the agent's own, unchanged
    assert estimate.kantor_perisai == 39_000
    lone = estimate_incentive(rule, 0, 0, [CollectedPremium(16_805, 5, 1)])
    assert lone.total == 2_521 and lone.kantor_perisai == 252  # 252,1 rounded once


@given(
    st.lists(
        st.tuples(st.integers(0, 2_000_000), st.integers(-3, 80), st.sampled_from((1, 3, 6, 12))),
        max_size=30,
    )
)
def test_band_premiums_never_exceed_what_was_collected(
    payments: list[tuple[int, int, int]],
) -> None:
    rule = load_incentive_schedule().rules[0]
    estimate = estimate_incentive(rule, 0, 0, [CollectedPremium(*p) for p in payments])
    assert sum(share.premiums for share in estimate.bands) <= estimate.collected + len(rule.bands)
    assert estimate.collection <= estimate.collected * 15 // 100 + len(rule.bands)


# --- the data file ---------------------------------------------------------------------------


def test_a_later_rule_takes_over_on_its_date() -> None:
    data = shipped_data()
    first = data["rules"][0]
    first["effective_to"] = "2026-12-31"
    later = copy.deepcopy(first)
    later.update(effective_from="2027-01-01", effective_to=None, minimum_new_niks=30)
    data["rules"].append(later)
    schedule = incentive_schedule_from_dict(data)
    assert schedule.rule_for(dt.date(2026, 12, 31)).minimum_new_niks == 25
    assert schedule.rule_for(dt.date(2027, 1, 1)).minimum_new_niks == 30
    with pytest.raises(RateTableError, match="Tidak ada aturan insentif agen yang berlaku"):
        schedule.rule_for(dt.date(2021, 12, 31))


def test_the_rules_are_in_force_from_april_2022() -> None:
    schedule = load_incentive_schedule()
    assert schedule.rule_for(dt.date(2022, 4, 1)).minimum_new_niks == 25
    with pytest.raises(RateTableError, match="Tidak ada aturan insentif agen yang berlaku"):
        schedule.rule_for(dt.date(2022, 3, 31))


def test_a_file_without_the_kantor_share_gives_none() -> None:
    data = shipped_data()
    del data["rules"][0]["kantor_perisai_percent"]
    rule = incentive_schedule_from_dict(data).rules[0]
    estimate = estimate_incentive(rule, 25, 0, [CollectedPremium(100_000, 5, 1)])
    assert estimate.total == 390_000 and estimate.kantor_perisai == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema=2), "Versi tabel insentif 2 tidak didukung"),
        (lambda d: d.update(rules=[]), "tidak memuat aturan"),
        (lambda d: d["rules"][0].pop("minimum_new_niks"), "Tabel insentif rusak"),
        (lambda d: d["rules"][0].update(minimum_new_niks="25"), "Syarat NIK baru"),
        (lambda d: d["rules"][0]["per_new_participant"].update(jkk_jkm=10.5), "Jumlah rupiah"),
        (lambda d: d["rules"][0]["collection_bands"][0].update(percent=15.0), "Persentase"),
        (lambda d: d["rules"][0]["collection_bands"][1].update(from_month=24), "berurutan"),
        (lambda d: d["rules"][0]["collection_bands"][0].update(from_month=0), "tidak sah"),
        (lambda d: d["rules"][0].update(effective_from="1-1-2022"), "YYYY-MM-DD"),
        (lambda d: d["rules"][0].update(effective_to="2021-01-01"), "sebelum tanggal mulai"),
        (lambda d: d["rules"].append(copy.deepcopy(d["rules"][0])), "bertumpang tindih"),
    ],
)
def test_a_broken_table_is_refused_with_a_clear_message(change, message) -> None:
    data = shipped_data()
    change(data)
    with pytest.raises(RateTableError, match=message):
        incentive_schedule_from_dict(data)


def test_a_branch_copy_is_read_from_its_path(tmp_path: Path) -> None:
    data = shipped_data()
    data["rules"][0]["minimum_new_niks"] = 20
    path = tmp_path / "insentif.json"
    path.write_text(json.dumps(data), encoding="utf-8-sig")  # saved by Notepad
    assert load_incentive_schedule(path).rules[0].minimum_new_niks == 20
    path.write_text("{", encoding="utf-8")
    with pytest.raises(RateTableError, match=r"Tabel insentif .* bukan JSON yang sah"):
        load_incentive_schedule(path)

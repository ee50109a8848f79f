"""Finding double payments (outreach_app/domain/double_payments.py): every laptop finds the
same ones from the same receipts, whatever order it holds them in; voided receipts repeat
nothing; a credit counts less its uses on receipts still standing."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.double_payments import (
    CreditSource,
    PaymentSettlement,
    SettlementKind,
    credit_balance,
    find_double_payments,
)
from outreach_app.domain.models import Payment, SyncStamp
from outreach_app.domain.months import add_months

BASE = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def receipt(no: int, start: int, months: int, minute: int, voided: bool = False) -> Payment:
    return Payment(SyncStamp(f"id-{no}", "", ""), f"R-{no:03d}", "p", None,
                   add_months(dt.date(2026, 12, 1), start), months, 0, 0, 0, 0, 16_800 * months,
                   BASE + dt.timedelta(minutes=minute), "agent", voided=voided)  # fmt: skip


def test_the_later_receipt_is_the_double_one_and_names_the_months() -> None:
    first = receipt(1, 0, 3, minute=5)
    second = receipt(2, 2, 3, minute=1)  # paid earlier: the first one becomes the double
    [double] = find_double_payments([first, second])
    assert (double.payment, double.first) == (first, second)
    assert double.months == (dt.date(2027, 2, 1),)
    assert find_double_payments([receipt(3, 0, 3, 0, voided=True), first]) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 12), st.sampled_from([1, 3, 6, 12]), st.integers(0, 50), st.booleans()
        ),
        max_size=8,
    ),
    st.randoms(),
)
def test_any_order_gives_the_same_doubles_and_the_rest_cover_each_month_once(
    specs: list[tuple[int, int, int, bool]], rng: random.Random
) -> None:
    receipts = [receipt(i, s, m, minute, v) for i, (s, m, minute, v) in enumerate(specs)]
    found = find_double_payments(receipts)
    shuffled = list(receipts)
    rng.shuffle(shuffled)
    assert find_double_payments(shuffled) == found
    doubles = {d.payment.stamp.id for d in found}
    seen: set[dt.date] = set()
    for payment in receipts:
        if payment.voided or payment.stamp.id in doubles:
            continue
        months = {add_months(payment.period_start, i) for i in range(payment.months)}
        assert not months & seen
        seen |= months
    for double in found:  # each double really repeats a month a kept receipt pays
        assert set(double.months) <= seen


def test_a_credit_less_its_uses_on_standing_receipts() -> None:
    def row(kind: SettlementKind, amount: int, payment: str, source=CreditSource.DOUBLE_PAYMENT):
        return PaymentSettlement(SyncStamp(f"s-{payment}-{kind}", "", ""), "p", payment, kind,
                                 amount, "staff", BASE, source)  # fmt: skip

    rows = [row(SettlementKind.CREDIT, 50_400, "dbl"), row(SettlementKind.USE, 16_800, "next"),
            row(SettlementKind.USE, 9_000, "voided"),
            row(SettlementKind.CREDIT, 8_400, "prepaid", CreditSource.RELIEF),
            row(SettlementKind.CREDIT, 8_400, "gone", CreditSource.RELIEF),
            row(SettlementKind.REFUND, 16_800, "refunded")]  # fmt: skip
    assert credit_balance(rows, {"next", "prepaid"}) == 50_400 - 16_800 + 8_400

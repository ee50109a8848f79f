"""Double payments: the same month taken twice on two laptops that were offline, and how the
branch settles them.

On one laptop the month rule (payable_months.py) refuses a month already paid. Two laptops
that never saw each other's receipt can both take it; at sync both receipts arrive everywhere,
and neither may be dropped: the money was taken and the participant holds the paper. So a
double payment is not a stored flag that two laptops could disagree on: it is *found* from the
live receipts every laptop holds after sync, the same way everywhere. Of two live receipts
covering a month, the one paid later (then by receipt number) is the double one.

Staff settle it with an insert-only `PaymentSettlement` row (synced like receipts): *credit*
voids the double receipt and keeps its money as a credit the participant's next payment uses
(a `use` row names that receipt), *refund* voids it and the money goes back with a printed
note. Settlement rows are never edited, so two laptops cannot overwrite each other's: a
credit's balance is its amount less its uses on receipts still standing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from outreach_app.domain.models import Payment, SyncStamp
from outreach_app.domain.months import add_months


class SettlementKind(StrEnum):
    CREDIT = "credit"  # the money stays, for the participant's next months
    REFUND = "refund"  # the money went back to the participant, with a printed note
    USE = "use"  # a payment used (part of) the participant's credit


class CreditSource(StrEnum):
    """Why a credit exists: a double payment, or a relief that made prepaid months cheaper."""

    DOUBLE_PAYMENT = "double_payment"
    RELIEF = "relief"


@dataclass(frozen=True, slots=True)
class PaymentSettlement:
    """One decision about money on a receipt; never edited, like the receipt itself.

    `payment_id` is the receipt the money is on: the double receipt (credit, refund), the
    prepaid receipt (a relief credit) or the receipt that used a credit (use)."""

    stamp: SyncStamp
    participant_id: str
    payment_id: str
    kind: SettlementKind
    amount: int
    decided_by: str  # user id
    decided_at: dt.datetime
    source: CreditSource = CreditSource.DOUBLE_PAYMENT
    note: str = ""


@dataclass(frozen=True, slots=True)
class DoublePayment:
    """A live receipt covering months another, earlier live receipt covers."""

    payment: Payment  # the double one: paid later
    first: Payment  # the receipt it repeats (the first found, when several)
    months: tuple[dt.date, ...]  # the months both cover

    @property
    def amount(self) -> int:
        """What the branch settles: the whole double receipt (it is voided either way)."""
        return self.payment.total


def _months(payment: Payment) -> list[dt.date]:
    return [add_months(payment.period_start, i) for i in range(payment.months)]


def repeats(
    in_order_paid: Iterable[tuple[str, Sequence[dt.date]]],
) -> dict[str, tuple[str, tuple[dt.date, ...]]]:
    """The rule itself, on (receipt id, months it covers) of one participant's live receipts
    in the order they were paid: receipt id of each double → (the id of the receipt it
    repeats, the months both cover). A double does not cover its months for later ones.
    The laptops (`find_double_payments`) and the server's void rules ask this one function."""
    kept: dict[dt.date, str] = {}
    found: dict[str, tuple[str, tuple[dt.date, ...]]] = {}
    for receipt_id, months in in_order_paid:
        overlap = tuple(m for m in months if m in kept)
        if overlap:
            found[receipt_id] = (kept[overlap[0]], overlap)
            continue
        kept.update(dict.fromkeys(months, receipt_id))
    return found


def find_double_payments(payments: Iterable[Payment]) -> list[DoublePayment]:
    """The double receipts among one participant's receipts (voided ones ignored), earliest
    first. The same receipts give the same answer on every laptop and on the server."""
    live = sorted(
        (p for p in payments if not p.voided and not p.stamp.deleted),
        key=lambda p: (p.paid_at, p.receipt_no, p.stamp.id),
    )
    by_id = {p.stamp.id: p for p in live}
    found = repeats((p.stamp.id, _months(p)) for p in live)
    return [
        DoublePayment(p, by_id[found[p.stamp.id][0]], found[p.stamp.id][1])
        for p in live
        if p.stamp.id in found
    ]


def credit_balance(settlements: Iterable[PaymentSettlement], live_receipts: set[str]) -> int:
    """The participant's credit still to use: credits less their uses on receipts that still
    stand (a voided receipt gives back the credit it used; a relief credit counts while its
    receipt stands)."""
    balance = 0
    for row in settlements:
        if row.stamp.deleted:
            continue
        if row.kind is SettlementKind.CREDIT:
            # a relief credit lives with its receipt: voided, the whole receipt went back
            if row.source is CreditSource.RELIEF and row.payment_id not in live_receipts:
                continue
            balance += row.amount
        elif row.kind is SettlementKind.USE and row.payment_id in live_receipts:
            balance -= row.amount
    return balance

"""Which months a new payment may cover: each month is paid once, never before registration,
and arrears only as far back as the lapse rule allows.

A receipt is the participant's proof of protection, so a payment that covers a month a live
receipt already covers takes the same money twice, and a payment that leaves a gap behind the
coverage buys months that protect nobody (coverage stops at the gap). The rule is pure: the
service hands it the live receipts' periods and the day of payment, and shows its refusal to
the agent as it is. Arrears may be paid up to three months after protection ends; after more
than three consecutive unpaid months the membership has ended, and a payment starts a new run
from the current month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from outreach_app.domain.coverage import GRACE_MONTHS, unpaid_due_months
from outreach_app.domain.errors import ReceiptRefused
from outreach_app.domain.models import ParticipantStatus
from outreach_app.domain.months import add_months, month_start, months_between

PAYMENT_PERIODS = (1, 3, 6, 12)
# A first payment (or the first of a new run) may start a few months ahead (someone enrolled
# in November who wants protection from January), never years ahead: a typo, not a plan.
MAX_MONTHS_AHEAD_OF_NEW_RUN = 3

MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def month_label(month: dt.date) -> str:
    """'Januari 2027': how a month is named in a refusal."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def months_label(months: Sequence[dt.date]) -> str:
    return ", ".join(month_label(month) for month in months)


class RefusalReason(StrEnum):
    """Why months were refused, for a caller that wants more than the sentence (CLI --json)."""

    NOT_REGISTERED = "not_registered"
    BAD_PERIOD = "bad_period"
    BEFORE_REGISTRATION = "before_registration"
    ALREADY_PAID = "already_paid"
    ARREARS_TOO_OLD = "arrears_too_old"
    MEMBERSHIP_ENDED = "membership_ended"
    LEAVES_A_GAP = "leaves_a_gap"
    TOO_FAR_AHEAD = "too_far_ahead"


class MonthsRefused(ReceiptRefused):
    """A payment whose months the one-payment-per-month rule refuses; the message says why and
    what the agent may take instead (`allowed_start`)."""

    def __init__(
        self,
        reason: RefusalReason,
        message: str,
        months: Sequence[dt.date] = (),
        allowed_start: dt.date | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.months = tuple(months)
        self.allowed_start = allowed_start


@dataclass(frozen=True, slots=True)
class PaidPeriod:
    """The months one live (not voided) receipt covers."""

    start: dt.date
    months: int

    @property
    def month_list(self) -> list[dt.date]:
        first = month_start(self.start)
        return [add_months(first, i) for i in range(self.months)]


@dataclass(frozen=True, slots=True)
class PaymentStanding:
    """Where a participant stands on the day of payment, as far as new months go."""

    paid_months: frozenset[dt.date]
    run_end: dt.date | None  # first month of the current run not paid; None if never paid
    lapsed: bool  # more than GRACE_MONTHS consecutive unpaid months: the membership ended
    registration_month: dt.date | None
    current_month: dt.date

    @property
    def default_start(self) -> dt.date:
        """The first unpaid month: right after coverage, or this month for a new run."""
        if self.run_end is not None and not self.lapsed:
            return self.run_end
        if self.run_end is not None:  # lapsed: see new_run_start
            return self.new_run_start
        if self.registration_month is not None:
            return max(self.current_month, self.registration_month)
        return self.current_month

    @property
    def new_run_start(self) -> dt.date:
        """After a lapse, the first month of a new run: this month, or next month when the
        gap behind it would be only GRACE_MONTHS long (coverage would read so short a gap
        as arrears and not count the new run; coverage.current_run)."""
        assert self.run_end is not None
        return max(self.current_month, add_months(self.run_end, GRACE_MONTHS + 1))


def _current_run_end(periods: Sequence[PaidPeriod]) -> dt.date | None:
    """The first month after the current run of contiguous paid months (the rule of
    coverage.current_run: a gap of up to GRACE_MONTHS stops coverage, a longer one lapsed the
    membership and a payment after it started a new run)."""
    ordered = sorted((month_start(p.start), p.months) for p in periods if p.months > 0)
    if not ordered:
        return None
    covered_until = add_months(*ordered[0])
    for start, months in ordered[1:]:
        if start > covered_until:
            if months_between(covered_until, start) <= GRACE_MONTHS:
                break
            covered_until = add_months(start, months)
        else:
            covered_until = max(covered_until, add_months(start, months))
    return covered_until


def standing(
    registered_on: dt.date | None, paid: Iterable[PaidPeriod], today: dt.date
) -> PaymentStanding:
    periods = list(paid)
    run_end = _current_run_end(periods)
    lapsed = False
    if run_end is not None:
        last_paid_day = run_end - dt.timedelta(days=1)
        lapsed = unpaid_due_months(last_paid_day, today) > GRACE_MONTHS
    return PaymentStanding(
        paid_months=frozenset(m for p in periods for m in p.month_list),
        run_end=run_end,
        lapsed=lapsed,
        registration_month=month_start(registered_on) if registered_on else None,
        current_month=month_start(today),
    )


def check_payable(
    status: ParticipantStatus,
    registered_on: dt.date | None,
    paid: Iterable[PaidPeriod],
    today: dt.date,
    start: dt.date | None,
    months: int,
) -> dt.date:
    """The first month of a payment of `months` months starting at `start` (the first unpaid
    month when None), or MonthsRefused with the reason."""
    if status is ParticipantStatus.DRAFT:
        raise MonthsRefused(
            RefusalReason.NOT_REGISTERED,
            "Peserta masih draf: daftarkan dulu sebelum menerima iuran.",
        )
    if type(months) is not int or months not in PAYMENT_PERIODS:
        raise MonthsRefused(
            RefusalReason.BAD_PERIOD,
            f"Masa bayar harus 1, 3, 6 atau 12 bulan (yang diminta: {months}).",
        )
    where = standing(registered_on, paid, today)
    first = month_start(start) if start is not None else where.default_start
    wanted = [add_months(first, i) for i in range(months)]
    if where.registration_month is not None and first < where.registration_month:
        early = [m for m in wanted if m < where.registration_month]
        raise MonthsRefused(
            RefusalReason.BEFORE_REGISTRATION,
            f"Bulan sebelum pendaftaran ({month_label(where.registration_month)}) tidak dapat "
            f"dibayar: {months_label(early)}.",
            early,
            where.default_start,
        )
    taken = [m for m in wanted if m in where.paid_months]
    if taken:
        raise MonthsRefused(
            RefusalReason.ALREADY_PAID,
            f"Sudah dibayar dengan kuitansi lain: {months_label(taken)}. Satu bulan hanya "
            f"dibayar sekali; bulan pertama yang belum dibayar: "
            f"{month_label(where.default_start)}.",
            taken,
            where.default_start,
        )
    _check_run(where, first)
    return first


def _check_run(where: PaymentStanding, first: dt.date) -> None:
    """The payment continues the current run (arrears first, no gap), or starts a new one."""
    allowed = where.default_start
    if where.run_end is not None and not where.lapsed:
        if first < allowed:
            raise MonthsRefused(
                RefusalReason.ARREARS_TOO_OLD,
                f"{month_label(first)} di luar masa kepesertaan yang berjalan dan tidak dapat "
                f"dibayar lagi; bulan pertama yang belum dibayar: {month_label(allowed)}.",
                [first],
                allowed,
            )
        if first > allowed:
            gap = [add_months(allowed, i) for i in range(months_between(allowed, first))]
            raise MonthsRefused(
                RefusalReason.LEAVES_A_GAP,
                f"Bayar dulu bulan yang belum dibayar: {months_label(gap)}. Pembayaran "
                f"dimulai {month_label(allowed)}.",
                gap,
                allowed,
            )
        return
    earliest = where.new_run_start if where.run_end is not None else where.current_month
    if where.run_end is None:  # never paid: up to GRACE_MONTHS back, not before registration
        earliest = add_months(where.current_month, -GRACE_MONTHS)
        if where.registration_month is not None:
            earliest = max(earliest, where.registration_month)
    if first < earliest:
        if where.lapsed:
            assert where.run_end is not None
            message = (
                f"Kepesertaan sudah berakhir: lebih dari {GRACE_MONTHS} bulan berturut-turut "
                f"tidak dibayar sejak {month_label(where.run_end)}. Tunggakan itu tidak dapat "
                f"dibayar lagi; pembayaran ini memulai kepesertaan baru mulai "
                f"{month_label(earliest)}."
            )
            raise MonthsRefused(RefusalReason.MEMBERSHIP_ENDED, message, [first], allowed)
        raise MonthsRefused(
            RefusalReason.ARREARS_TOO_OLD,
            f"Tunggakan hanya dapat dibayar {GRACE_MONTHS} bulan ke belakang: paling awal "
            f"{month_label(earliest)}.",
            [first],
            allowed,
        )
    latest = add_months(where.current_month, MAX_MONTHS_AHEAD_OF_NEW_RUN)
    if first > latest:
        raise MonthsRefused(
            RefusalReason.TOO_FAR_AHEAD,
            f"Pembayaran pertama dimulai paling lambat {month_label(latest)}; "
            f"{month_label(first)} terlalu jauh ke depan.",
            [first],
            allowed,
        )

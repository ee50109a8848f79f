"""Who may void a receipt directly, and what becomes a void request for the branch.

A receipt is the participant's only proof of protection and the agent's proof of the cash it
took, so a void is the one way to take money off the books. The rule, one function for the
laptop and the server (`void_outcome`):

- An **agent** voids directly only a receipt it took itself, taken today (the local date of
  the receipt, the day the agent still has the cash and the person in front of it), and not
  yet deposited (once the cash is at the branch, the branch's books already hold it).
- Anything else (another agent's receipt, yesterday's, one already deposited) becomes a
  **void request**, with its reason, that branch staff approve or refuse.
- **Staff** follow the same rule for the receipts they take themselves (a branch officer who
  takes a premium at the counter corrects a same-day mistake at once). Any other receipt is a
  request for them too, and a request is decided by a staff member other than the one who
  filed it (four eyes on money: nobody approves their own request). Staff do not void another
  agent's receipt without a request: the agent must see why its receipt was voided, and the
  request is that record.
- A decided request is final: an approval or a refusal is never decided again (by a second
  staff member offline, a replayed change, or a hostile laptop); the first decision the
  server accepts stands.

Standard library only: the laptop (services/voids.py) and the server (server/void_rules.py)
both call these functions, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

# At least a real sentence: a few words, not "salah" or "batal".
MIN_REASON_CHARS = 15
MIN_REASON_WORDS = 3


# Common reasons offered in the dialog and by `outreach payment void --help`; the agent adds
# a sentence of its own to any of them.
COMMON_REASONS = (
    "Salah peserta",
    "Salah jumlah bulan",
    "Salah cara bayar",
    "Pembayaran ganda",
    "Peserta membatalkan pembayaran",
)


class VoidOutcome(StrEnum):
    VOID = "void"  # voided at once
    REQUEST = "request"  # a void request for staff


class VoidRequestStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


# Why the rule turns a void into a request; the codes the UI translates, the texts the CLI
# and the server print.
WHY_NOT_OWN = "not_own"
WHY_NOT_TODAY = "not_today"
WHY_DEPOSITED = "deposited"
WHY_TEXT = {
    WHY_NOT_OWN: "kuitansi ini diterbitkan petugas lain",
    WHY_NOT_TODAY: "kuitansi ini bukan dari hari ini",
    WHY_DEPOSITED: "uangnya sudah disetor",
}


@dataclass(frozen=True, slots=True)
class VoidVerdict:
    """What the rule says about one void: done at once, or a request (with why)."""

    outcome: VoidOutcome
    why: tuple[str, ...] = ()

    @property
    def direct(self) -> bool:
        return self.outcome is VoidOutcome.VOID

    def explain(self) -> str:
        return "; ".join(WHY_TEXT[code] for code in self.why)


def void_outcome(
    *,
    collected_by: str,
    paid_at: dt.datetime,
    deposited: bool,
    actor_id: str,
    now: dt.datetime,
) -> VoidVerdict:
    """Whether `actor_id` voids the receipt at once or files a request. `now` is read in the
    receipt's own time zone (a receipt taken at 07:00 in Saumlaki belongs to that day there),
    so an aware `now` and `paid_at` compare local dates; naive ones compare as given."""
    why = []
    if collected_by != actor_id:
        why.append(WHY_NOT_OWN)
    if local_day(now, paid_at) != paid_at.date():
        why.append(WHY_NOT_TODAY)
    if deposited:
        why.append(WHY_DEPOSITED)
    return VoidVerdict(VoidOutcome.REQUEST if why else VoidOutcome.VOID, tuple(why))


def local_day(moment: dt.datetime, like: dt.datetime) -> dt.date:
    """The date of `moment` on the clock of `like` (its UTC offset), when both are aware."""
    if moment.tzinfo is not None and like.tzinfo is not None:
        return moment.astimezone(like.tzinfo).date()
    return moment.date()


DepositMark = tuple[dt.datetime, frozenset[str]]  # (made at, receipt ids it lists; empty: none)


def cash_deposited(
    payment_id: str, paid_at: dt.datetime, cash: bool, deposits: Iterable[DepositMark]
) -> bool:
    """Whether a receipt's money has left the agent's hands. A transfer never passed
    through them (settled at once). A cash receipt is deposited when one of its agent's
    close-outs lists it, or a deposit from before close-outs (it lists nothing) was made at
    or after it was paid. The laptop's ledger and the server's void rules both ask this."""
    if not cash:
        return True
    for made_at, receipts in deposits:
        if payment_id in receipts if receipts else not _after(paid_at, made_at):
            return True
    return False


def _after(at: dt.datetime, paid_at: dt.datetime) -> bool:
    if (at.tzinfo is None) != (paid_at.tzinfo is None):
        at, paid_at = at.replace(tzinfo=None), paid_at.replace(tzinfo=None)
    return at > paid_at


def reason_problem(reason: str) -> str | None:
    """None when the reason is a real sentence someone can act on; else what is missing."""
    text = " ".join(reason.split())
    words = [w for w in text.split(" ") if any(c.isalpha() for c in w)]
    if len(text) < MIN_REASON_CHARS or len(words) < MIN_REASON_WORDS:
        return (
            f"Tulis alasan pembatalan sebagai kalimat (paling sedikit {MIN_REASON_WORDS} kata, "
            f"{MIN_REASON_CHARS} huruf), misalnya apa yang salah dan apa yang akan dibuat."
        )
    return None


def decision_problem(
    status: str, requested_by: str, decided_by: str, decider_is_staff: bool
) -> str | None:
    """None when `decided_by` may decide a request now in `status`; else why not."""
    if not decider_is_staff:
        return "Permintaan pembatalan hanya diputuskan staf cabang."
    if status != VoidRequestStatus.PENDING:
        return "Permintaan pembatalan ini sudah diputuskan; keputusan tidak bisa diubah."
    if decided_by == requested_by:
        return "Permintaan pembatalan diputuskan staf lain, bukan yang mengajukannya."
    return None

"""Closing out the cash: the receipts an agent's cash should match, the count, the difference
and its reason, saved as a deposit (domain/models.py CashDeposit) with a signed slip code.

Cash expected is always the sum of the agent's live cash receipts that no deposit covers
yet; a close-out covers exactly the receipts it lists, so a receipt taken while the dialog
was open, or voided since, is never swept in or counted twice: the close is refused and the
list shown again.
"""

from __future__ import annotations

from dataclasses import dataclass

from outreach_app.domain.deposit_payload import SlipClaim, slip_number
from outreach_app.domain.errors import DomainError
from outreach_app.domain.ids import uuid7
from outreach_app.domain.models import CashDeposit, Payment, SyncStamp, User
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.storage.store import ReadView, Store

MIN_REASON = 5
MAX_AMOUNT = 10**12  # Rp1 triliun: no agent carries that; beyond it is a typing slip


class CloseOutRefused(DomainError):
    """A close-out that cannot be saved as asked, with the reason the agent reads."""


@dataclass(frozen=True, slots=True)
class CloseOutLine:
    payment: Payment
    participant_name: str
    credit_used: int = 0  # what a settled double payment's credit paid of it

    @property
    def cash(self) -> int:
        """The cash this receipt took: its total less any credit that paid part of it."""
        return self.payment.total - self.credit_used


@dataclass(frozen=True, slots=True)
class CloseOutPreview:
    """The receipts a close-out made now would cover, oldest first."""

    agent: User
    lines: tuple[CloseOutLine, ...]

    @property
    def expected(self) -> int:
        return sum(line.cash for line in self.lines)

    @property
    def receipt_ids(self) -> tuple[str, ...]:
        return tuple(line.payment.stamp.id for line in self.lines)


def is_receipt_deposited(store: Store | ReadView, payment: Payment) -> bool:
    """THE answer to "is this receipt's cash already handed to the branch?": a close-out
    lists it, or (records from before close-outs) a deposit of its agent was made at or after
    it was paid. Void rules call this: a deposited receipt is no longer the agent's to void.
    Non-cash receipts are never deposited."""
    return store.deposits.is_deposited(payment)


def preview(store: Store | ReadView, agent: User) -> CloseOutPreview:
    waiting, _ = store.deposits.undeposited_cash(store.payments, agent.stamp.id)
    used = store.settlements.credits_used([payment.stamp.id for payment in waiting])
    names: dict[str, str] = {}
    lines = []
    for payment in waiting:
        if payment.participant_id not in names:
            person = store.participants.find(payment.participant_id)
            names[payment.participant_id] = person.full_name if person else "?"
        credit = used.get(payment.stamp.id, 0)
        lines.append(CloseOutLine(payment, names[payment.participant_id], credit))
    return CloseOutPreview(agent, tuple(lines))


class CashCloseOut:
    """Saves close-outs; the slip code is signed by this installation's receipt key."""

    def __init__(self, store: Store, signer: ReceiptSigner) -> None:
        self._store = store
        self._signer = signer

    def preview(self, agent: User) -> CloseOutPreview:
        return preview(self._store, agent)

    def close(
        self,
        agent: User,
        counted: int | None = None,
        reason: str = "",
        shown: CloseOutPreview | None = None,
    ) -> CashDeposit:
        """Records the count over the receipts now waiting. `counted` None means the cash
        matches; a difference needs `reason`. `shown`: the list the agent looked at, which
        must still be the list (else refused, so nothing is closed unseen)."""
        store = self._store
        reason = " ".join(reason.split())
        with store.transaction():
            now = store.now()
            current = self.preview(agent)
            if not current.lines:
                raise CloseOutRefused("Tidak ada kuitansi tunai yang belum disetor.")
            if shown is not None and set(shown.receipt_ids) != set(current.receipt_ids):
                raise CloseOutRefused(
                    "Daftar kuitansi berubah sejak ditampilkan (ada kuitansi baru atau dibatalkan);"
                    " periksa lagi lalu tutup kas."
                )
            expected = current.expected
            amount = expected if counted is None else counted
            if amount <= 0:
                raise CloseOutRefused(
                    "Uang yang dihitung harus lebih dari nol; bila uang hilang, laporkan ke "
                    "kantor cabang."
                )
            if amount > MAX_AMOUNT:
                raise CloseOutRefused(
                    f"Uang dihitung {format_rupiah(amount)} tidak masuk akal; periksa lagi."
                )
            if amount != expected and len(reason) < MIN_REASON:
                raise CloseOutRefused(
                    f"Ada selisih {format_rupiah(amount - expected)} (dihitung "
                    f"{format_rupiah(amount)}, seharusnya {format_rupiah(expected)}): tulis "
                    f"alasannya (paling sedikit {MIN_REASON} huruf)."
                )
            deposit_id = uuid7()
            slip_no = slip_number(now.date(), deposit_id)
            claim = SlipClaim(
                slip_no=slip_no,
                agent_id=agent.stamp.id,
                counted=amount,
                expected=expected,
                receipts=len(current.lines),
                closed_at=now.replace(second=0, microsecond=0, tzinfo=None),
                device_id=store.device.id,
            )
            signature, _ = self._signer.sign(claim.message().encode("ascii"))
            deposit = CashDeposit(
                stamp=SyncStamp(deposit_id, "", ""),
                agent_id=agent.stamp.id,
                amount=amount,
                deposited_at=now,
                reference=slip_no,
                note="Tutup kas",
                expected=expected,
                receipt_ids=" ".join(current.receipt_ids),
                difference_reason=reason if amount != expected else "",
                slip_payload=claim.payload(signature),
            )
            store.deposits.add(deposit)
            detail = f"{slip_no}: {format_rupiah(amount)} dari {format_rupiah(expected)}"
            store.audit.record(now, agent.username, "closeout", "cash_deposits", deposit_id,
                               detail)  # fmt: skip
        return store.deposits.get(deposit_id)

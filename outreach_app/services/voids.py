"""Voiding a receipt under the rule of domain/voids.py: at once when the rule allows it,
otherwise a void request that branch staff approve or refuse.

A direct void takes the existing void path (the receipt's `voided` and `void_reason`, an
audit entry with the reason). An approval is a decision with its audit entry; the receipt is
voided by the branch server when it accepts that decision (the first one on the request), and
reaches every laptop by pull. The server (server/void_rules.py) checks the same rule again,
so a laptop that skips this service gets nowhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from outreach_app.domain.errors import ReceiptRefused
from outreach_app.domain.models import Payment, Role, SyncStamp, User, VoidRequest
from outreach_app.domain.voids import (
    VoidOutcome,
    VoidRequestStatus,
    VoidVerdict,
    decision_problem,
    reason_problem,
    void_outcome,
)
from outreach_app.storage.store import Store
from outreach_app.storage.void_requests import receipt_deposited


@dataclass(frozen=True, slots=True)
class VoidPreview:
    """What the confirmation shows before anything is written."""

    payment: Payment
    person_name: str
    nik: str | None
    verdict: VoidVerdict
    open_request: VoidRequest | None
    refused: VoidRequest | None = None  # the latest refusal of a request for this receipt
    refused_by: str = ""  # its decider's full name


@dataclass(frozen=True, slots=True)
class VoidResult:
    outcome: VoidOutcome
    payment: Payment
    request: VoidRequest | None = None


@dataclass(frozen=True, slots=True)
class RequestLine:
    """A request as the review list shows it."""

    request: VoidRequest
    payment: Payment
    person_name: str
    nik: str | None
    requested_by: str  # full name


class VoidService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def preview(self, receipt_no: str, actor: User) -> VoidPreview:
        store = self._store
        payment = store.payments.by_receipt(receipt_no)
        person = store.participants.find(payment.participant_id)
        refusals = [
            r
            for r in store.void_requests.of_payment(payment.stamp.id)
            if r.status is VoidRequestStatus.REFUSED
        ]
        refused = refusals[-1] if refusals else None
        decider = store.users.find(refused.decided_by) if refused and refused.decided_by else None
        return VoidPreview(
            payment=payment,
            person_name=person.full_name if person else "?",
            nik=person.nik if person else None,
            verdict=self.verdict(payment, actor),
            open_request=store.void_requests.open_for(payment.stamp.id),
            refused=refused,
            refused_by=decider.full_name if decider else "",
        )

    def verdict(self, payment: Payment, actor: User) -> VoidVerdict:
        return void_outcome(
            collected_by=payment.collected_by,
            paid_at=payment.paid_at,
            deposited=receipt_deposited(self._store.db, payment),
            actor_id=actor.stamp.id,
            now=self._store.now(),
        )

    def void_or_request(self, receipt_no: str, reason: str, actor: User) -> VoidResult:
        """Voids the receipt when the rule allows it, else files a request (one per receipt
        at a time). Raises ReceiptRefused for a voided receipt or a reason too thin."""
        reason = " ".join(reason.split())
        problem = reason_problem(reason)
        if problem:
            raise ReceiptRefused(problem)
        store = self._store
        with store.transaction():
            payment = store.payments.by_receipt(receipt_no)
            if payment.voided:
                raise ReceiptRefused(f"Kuitansi {receipt_no} sudah dibatalkan sebelumnya.")
            verdict = self.verdict(payment, actor)
            if verdict.direct:
                return VoidResult(VoidOutcome.VOID, self._void(payment, reason, actor))
            waiting = store.void_requests.open_for(payment.stamp.id)
            if waiting is not None:
                raise ReceiptRefused(
                    f"Kuitansi {receipt_no} sudah diajukan untuk dibatalkan "
                    f"({short_time(waiting.requested_at)}); tunggu keputusan staf cabang."
                )
            now = store.now()
            request = VoidRequest(
                stamp=SyncStamp.new(),
                payment_id=payment.stamp.id,
                receipt_no=receipt_no,
                requested_by=actor.stamp.id,
                requested_at=now,
                reason=reason,
            )
            store.void_requests.add(request)
            store.audit.record(
                now, actor.username, "void_request", "void_requests", request.stamp.id,
                f"{receipt_no}: {reason} ({verdict.explain()})",
            )  # fmt: skip
        return VoidResult(VoidOutcome.REQUEST, payment, store.void_requests.get(request.stamp.id))

    def _void(self, payment: Payment, reason: str, actor: User) -> Payment:
        store = self._store
        voided = store.payments.void(payment.receipt_no, reason)
        store.audit.record(
            store.now(), actor.username, "void", "payments", payment.stamp.id,
            f"{payment.receipt_no}: {reason}",
        )  # fmt: skip
        return voided

    def pending(self) -> list[RequestLine]:
        """The requests staff still have to decide, oldest first."""
        store = self._store.reader()
        lines = []
        for request in store.void_requests.pending():
            payment = store.payments.find(request.payment_id)
            if payment is None:
                continue  # its receipt has not reached this laptop yet
            person = store.participants.find(payment.participant_id)
            asker = store.users.find(request.requested_by)
            lines.append(
                RequestLine(
                    request, payment, person.full_name if person else "?",
                    person.nik if person else None, asker.full_name if asker else "?",
                )
            )  # fmt: skip
        return lines

    def decide(self, request_id: str, approve: bool, reason: str, actor: User) -> VoidRequest:
        """Approves or refuses a request, once, with the reason. An approval does not void the
        receipt here: the branch server does, when it accepts the first decision on the
        request (server/void_approvals.py), so two staff members deciding apart can never
        both act; every laptop then pulls the void."""
        reason = " ".join(reason.split())
        problem = reason_problem(reason)
        if problem:
            raise ReceiptRefused(problem.replace("pembatalan", "keputusan"))
        store = self._store
        with store.transaction():
            request = store.void_requests.get(request_id)
            problem = decision_problem(
                request.status, request.requested_by, actor.stamp.id, actor.role is Role.STAFF
            )
            if problem:
                raise ReceiptRefused(problem)
            status = VoidRequestStatus.APPROVED if approve else VoidRequestStatus.REFUSED
            now = store.now()
            store.void_requests.decide(request_id, status, actor.stamp.id, now, reason)
            store.audit.record(
                now, actor.username, "void_approved" if approve else "void_refused",
                "void_requests", request_id, f"{request.receipt_no}: {reason}",
            )  # fmt: skip
        return store.void_requests.get(request_id)


def short_time(moment: dt.datetime) -> str:
    return moment.strftime("%d-%m-%Y %H:%M")

"""The branch's side of a deposit slip: checking its signed code and confirming the cash
received.

A slip is accepted only when it is the close-out this database holds, letter for letter: its
signature is checked against the signing device's public key when this database has it
(services/receipts.py), and the close-out itself arrived through the agent's own signed-in
sync, where the server refuses any change to its figures. So a slip whose figures, agent or
signature were altered is refused either way; the typed form (slip number and short code)
is matched against the close-out's own code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from outreach_app.domain.deposit_payload import SlipClaim, parse_slip, short_code
from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import CashDeposit, Role, User
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.receipts import signature_holds
from outreach_app.storage.store import Store


class SlipRefused(DomainError):
    """A slip that is not genuine, not known here, or already confirmed."""


@dataclass(frozen=True, slots=True)
class CheckedSlip:
    claim: SlipClaim
    deposit: CashDeposit | None  # None: genuine, but this database has not seen it yet
    device_name: str | None  # None: the signing key is not in this database

    @property
    def confirmed(self) -> bool:
        return self.deposit is not None and self.deposit.received_at is not None


class DepositSlips:
    def __init__(self, store: Store) -> None:
        self._store = store

    def verify(self, text: str) -> CheckedSlip:
        """A scanned or pasted slip code, checked; raises SlipRefused (or the format's own
        error) with the reason."""
        claim, signature = parse_slip(text)
        store = self._store
        key = store.signing_keys.find(claim.device_id)
        if key is not None and not signature_holds(key, claim.message(), signature):
            raise SlipRefused(
                "Tanda tangan slip tidak cocok: isi kode ini diubah atau slip ini palsu."
            )
        deposit = store.deposits.by_slip(claim.slip_no)
        if deposit is None:
            if key is None:
                raise SlipRefused(
                    f"Slip {claim.slip_no} belum tercatat di basis data ini dan kunci perangkat "
                    "penandatangannya tidak dikenal: sinkronkan dulu, lalu periksa lagi."
                )
            return CheckedSlip(claim, None, key.device_name)
        if "".join(text.split()).upper() != deposit.slip_payload:
            raise SlipRefused(
                f"Kode ini tidak sama dengan slip {claim.slip_no} yang tercatat (jumlah, agen "
                "atau tanda tangan berbeda): slip ini diubah atau palsu."
            )
        return CheckedSlip(claim, deposit, key.device_name if key else None)

    def find_typed(self, slip_no: str, code: str) -> CashDeposit:
        """The close-out a typed slip number and short code name (both as printed)."""
        number = slip_no.strip().upper()
        deposit = self._store.deposits.by_slip(number)
        if deposit is None:
            raise SlipRefused(
                f"Slip {number} belum tercatat di basis data ini: sinkronkan dulu, lalu "
                "periksa lagi."
            )
        typed = "".join(code.split()).upper().replace("-", "")
        if typed != short_code(deposit.slip_payload):
            raise SlipRefused(f"Kode pendek tidak cocok dengan slip {number}.")
        self.verify(deposit.slip_payload)  # its signature, when the key is known here
        return deposit

    def resolve(self, text: str) -> CashDeposit:
        """A slip code as scanned, or `SLIP_NO CODE` as typed."""
        parts = text.split()
        if len(parts) == 2 and not parts[0].upper().startswith("PS1:"):
            return self.find_typed(parts[0], parts[1])
        checked = self.verify(text)
        if checked.deposit is None:
            raise SlipRefused(
                f"Slip {checked.claim.slip_no} asli, tetapi belum tercatat di basis data ini: "
                "sinkronkan dulu, lalu konfirmasi."
            )
        return checked.deposit

    def confirm(self, actor: User, text: str, at: dt.datetime | None = None) -> CashDeposit:
        """Records that the branch received the cash: staff only, once per slip."""
        if actor.role is not Role.STAFF:
            raise SlipRefused("Hanya staf kantor cabang yang mengonfirmasi setoran diterima.")
        store = self._store
        with store.transaction():
            deposit = self.resolve(text)
            if deposit.received_at is not None:
                who = store.users.find(deposit.received_by or "")
                raise SlipRefused(
                    f"Slip {deposit.reference} sudah dikonfirmasi diterima"
                    f"{' oleh ' + who.full_name if who else ''} pada "
                    f"{deposit.received_at:%d-%m-%Y %H:%M}."
                )
            when = at or store.now()
            store.deposits.confirm(deposit.stamp.id, actor.stamp.id, when)
            store.audit.record(when, actor.username, "deposit_received", "cash_deposits",
                               deposit.stamp.id,
                               f"{deposit.reference}: {format_rupiah(deposit.amount)}")  # fmt: skip
        return store.deposits.get(deposit.stamp.id)

"""Signing receipts' QR codes, and checking them offline.

Each installation has its own Ed25519 key pair, made the first time it signs. The private key
stays in the laptop's local settings (never synced, never printed); the public key goes into
`signing_keys`, where any database that holds it (this laptop's, or the branch's once sync
carries it) can check a receipt without a network. Ed25519 rather than an HMAC because checking
needs only the public key: a branch can verify every agent's receipts without holding a secret
that could forge them.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.hlc import Timestamp
from outreach_app.domain.models import Payment
from outreach_app.domain.receipt_payload import ReceiptClaim, nik_hash, parse_payload
from outreach_app.storage.signing_keys import PublicKeyRecord
from outreach_app.storage.store import Store

PRIVATE_KEY_SETTING = "receipt_signing_key"


class ReceiptNotGenuine(DomainError):
    """The payload is well formed but its signature, its key or its amounts do not hold."""


@dataclass(frozen=True, slots=True)
class VerifiedReceipt:
    """A payload whose signature holds, and what this database knows about the receipt."""

    claim: ReceiptClaim
    device_name: str
    payment: Payment | None  # None when this database has not seen the receipt (yet)
    nik_matches: bool | None  # None when no NIK was given to compare

    @property
    def voided(self) -> bool:
        return self.payment is not None and self.payment.voided

    @property
    def voided_at(self) -> dt.datetime | None:
        """When the void was written (local time): a receipt changes only by its void, so
        its last change's clock is the void's."""
        if self.payment is None or not self.payment.voided:
            return None
        wall_ms = Timestamp.decode(self.payment.stamp.updated_hlc).wall_ms
        return dt.datetime.fromtimestamp(wall_ms / 1000).astimezone()


def claim_for(payment: Payment, nik: str, device_id: str) -> ReceiptClaim:
    return ReceiptClaim(
        receipt_no=payment.receipt_no,
        nik_hash=nik_hash(payment.receipt_no, nik),
        amount=payment.total,
        paid_on=payment.paid_at.date(),
        first_month=payment.period_start,
        months=payment.months,
        device_id=device_id,
    )


class ReceiptSigner:
    """Signs with this installation's key, making it on first use."""

    def __init__(self, store: Store, now: type[dt.datetime] = dt.datetime) -> None:
        self._store = store
        self._now = now
        self._key: Ed25519PrivateKey | None = None

    def _private_key(self) -> Ed25519PrivateKey:
        if self._key is not None:
            return self._key
        store = self._store
        stored = store.local_setting(PRIVATE_KEY_SETTING)
        if stored is not None:
            self._key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))
            return self._key
        key = Ed25519PrivateKey.generate()
        public = key.public_key().public_bytes_raw()
        with store.transaction():  # the key and its public half land together or not at all
            store.set_local_setting(
                PRIVATE_KEY_SETTING, base64.b64encode(key.private_bytes_raw()).decode("ascii")
            )
            store.signing_keys.add(
                PublicKeyRecord(
                    device_id=store.device.id,
                    device_name=store.device.name,
                    public_key=base64.b64encode(public).decode("ascii"),
                    created_at=self._now.now().astimezone(),
                )
            )
        self._key = key
        return key

    def sign(self, data: bytes) -> tuple[bytes, str]:
        """(signature, public key in base64) with this installation's key: receipts' QR
        codes and sync bundles are signed by the same device key."""
        key = self._private_key()
        public = base64.b64encode(key.public_key().public_bytes_raw()).decode("ascii")
        return key.sign(data), public

    def payload(self, payment: Payment, nik: str) -> str:
        """The QR text for a receipt this installation issued."""
        claim = claim_for(payment, nik, self._store.device.id)
        signature = self._private_key().sign(claim.message().encode("ascii"))
        return claim.payload(signature)


def signature_holds(key: PublicKeyRecord, message: str, signature: bytes) -> bool:
    """Whether `signature` is the key's Ed25519 signature of `message` (receipts' and deposit
    slips' codes alike)."""
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key.public_key))
        public.verify(signature, message.encode("ascii"))
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True


class ReceiptVerifier:
    """Checks a payload against the public keys and the receipts this database holds."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def verify(self, text: str, nik: str | None = None) -> VerifiedReceipt:
        claim, signature = parse_payload(text)
        record = self._store.signing_keys.find(claim.device_id)
        if record is None:
            raise ReceiptNotGenuine(
                "Kuitansi ini ditandatangani perangkat yang kuncinya tidak dikenal basis data "
                f"ini (perangkat {claim.device_id}). Sinkronkan dengan kantor cabang, lalu "
                "periksa lagi."
            )
        if not signature_holds(record, claim.message(), signature):
            raise ReceiptNotGenuine(
                "Tanda tangan tidak cocok: isi kode ini diubah atau kuitansi ini palsu."
            )
        payment = self._store.payments.find_by_receipt(claim.receipt_no)
        if payment is not None:
            self._compare(claim, payment)
        return VerifiedReceipt(
            claim=claim,
            device_name=record.device_name,
            payment=payment,
            nik_matches=None if nik is None else claim.matches_nik(nik),
        )

    @staticmethod
    def _compare(claim: ReceiptClaim, payment: Payment) -> None:
        """A genuine signature over figures that differ from the record means two receipts
        share a number: never quietly accept it."""
        recorded = (payment.total, payment.period_start, payment.months)
        if (claim.amount, claim.first_month, claim.months) != recorded:
            raise ReceiptNotGenuine(
                f"Kode bertanda tangan sah, tetapi kuitansi {claim.receipt_no} di basis data "
                "ini berbeda (jumlah atau periode). Laporkan ke kantor cabang."
            )

"""What a receipt's QR code says, and how it is written: a signed claim branch staff can check
offline that a receipt is genuine and unaltered.

The text uses only QR's alphanumeric characters (digits, capitals, `:` and `-`), which pack
about 45% tighter than bytes, so the code stays small enough to read from a creased receipt
with a phone. Fields, separated by `:`:

    PO1:<receipt no>:<NIK hash>:<amount>:<paid on YYYYMMDD>:<first month YYYYMM>:<months>:
    <device>:<signature>

- The NIK is never in the code: only a hash of it salted with the receipt number, so staff
  holding the person's KTP can check it belongs to this receipt. (A NIK has too little
  randomness for a hash to hide it from someone set on guessing it; the hash is there to
  match, not to keep a secret. The receipt prints the NIK partly masked.)
- The device is the installation whose key signed it; its public key tells the verifier which
  key to check against.
- The signature (Ed25519, made in services/receipts.py) covers everything before it.

This module is the format only: the standard library, no keys, no cryptography.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import uuid
from dataclasses import dataclass

from outreach_app.domain.errors import DomainError

VERSION = "PO1"
SIGNATURE_BYTES = 64
NIK_HASH_CHARS = 16  # 80 bits of SHA-256, base32
_FIELDS = 9
_RECEIPT_NO = re.compile(r"^[A-Z0-9]{2,12}-[0-9]{6,}$")
_BASE32 = re.compile(r"^[A-Z2-7]+$")


class ReceiptPayloadError(DomainError):
    """A QR payload that is not one of ours, or was damaged or altered."""


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str, what: str) -> bytes:
    if not _BASE32.match(text):
        raise ReceiptPayloadError(f"{what} rusak: ada huruf yang tidak mungkin.")
    try:
        data = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError as exc:
        raise ReceiptPayloadError(f"{what} rusak.") from exc
    if _b32(data) != text:  # the last letter's spare bits must be zero: one spelling only
        raise ReceiptPayloadError(f"{what} rusak: huruf terakhirnya tidak mungkin.")
    return data


def nik_hash(receipt_no: str, nik: str) -> str:
    """The NIK as the QR carries it: matched, never shown."""
    digest = hashlib.sha256(f"{VERSION}:{receipt_no}:{nik}".encode("ascii")).digest()
    return _b32(digest)[:NIK_HASH_CHARS]


@dataclass(frozen=True, slots=True)
class ReceiptClaim:
    """What a printed receipt asserts, before and after it is signed."""

    receipt_no: str
    nik_hash: str
    amount: int
    paid_on: dt.date
    first_month: dt.date  # the first day of the first month paid for
    months: int
    device_id: str  # the installation that issued and signed it (a UUID)

    def message(self) -> str:
        """The signed text: every field, in order, ending with the separator."""
        device = _b32(uuid.UUID(self.device_id).bytes)
        return (
            f"{VERSION}:{self.receipt_no}:{self.nik_hash}:{self.amount}:"
            f"{self.paid_on:%Y%m%d}:{self.first_month:%Y%m}:{self.months}:{device}:"
        )

    def payload(self, signature: bytes) -> str:
        if len(signature) != SIGNATURE_BYTES:
            raise ValueError("an Ed25519 signature is 64 bytes")
        return self.message() + _b32(signature)

    def matches_nik(self, nik: str) -> bool:
        return nik_hash(self.receipt_no, nik) == self.nik_hash


def parse_payload(text: str) -> tuple[ReceiptClaim, bytes]:
    """(claim, signature) from a scanned or typed payload; refuses anything malformed with the
    field at fault. Whether the signature is right is for the verifier to say."""
    cleaned = "".join(text.split()).upper()
    fields = cleaned.split(":")
    if len(fields) != _FIELDS or fields[0] != VERSION:
        raise ReceiptPayloadError(
            "Ini bukan kode kuitansi Perisai Outreach (awalan PO1 dan 9 bagian diharapkan)."
        )
    _, receipt_no, hashed, amount, paid_on, first_month, months, device, signature = fields
    if not _RECEIPT_NO.match(receipt_no):
        raise ReceiptPayloadError(f"Nomor kuitansi {receipt_no!r} tidak sah.")
    if len(hashed) != NIK_HASH_CHARS or not _BASE32.match(hashed):
        raise ReceiptPayloadError("Sidik NIK rusak.")
    if not amount.isdigit() or not months.isdigit() or not 1 <= int(months) <= 12:
        raise ReceiptPayloadError("Jumlah atau banyaknya bulan rusak.")
    try:
        paid = dt.datetime.strptime(paid_on, "%Y%m%d").date()
        first = dt.datetime.strptime(first_month, "%Y%m").date()
    except ValueError as exc:
        raise ReceiptPayloadError("Tanggal bayar atau bulan pertama rusak.") from exc
    device_bytes = _unb32(device, "Kode perangkat")
    if len(device_bytes) != 16:
        raise ReceiptPayloadError("Kode perangkat rusak.")
    if len(signature) != len(_b32(bytes(SIGNATURE_BYTES))):
        raise ReceiptPayloadError("Tanda tangan terpotong atau rusak.")
    signature_bytes = _unb32(signature, "Tanda tangan")
    if len(signature_bytes) != SIGNATURE_BYTES:
        raise ReceiptPayloadError("Tanda tangan terpotong atau rusak.")
    claim = ReceiptClaim(
        receipt_no=receipt_no,
        nik_hash=hashed,
        amount=int(amount),
        paid_on=paid,
        first_month=first,
        months=int(months),
        device_id=str(uuid.UUID(bytes=device_bytes)),
    )
    return claim, signature_bytes

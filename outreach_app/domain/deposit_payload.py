"""What a deposit slip's QR code says: a signed claim, checked by the branch offline, that an
agent closed out this much cash over these receipts.

Written like a receipt's code (domain/receipt_payload.py, whose base32 spelling it shares):
QR alphanumeric characters only, fields separated by `:`:

    PS1:<slip no>:<agent>:<counted>:<expected>:<receipts>:<closed at YYYYMMDDHHMM>:<device>:
    <signature>

- the agent and the device are UUIDs in base32; the device's key signed it (Ed25519, made by
  services/receipts.py's signer), over everything before the signature;
- the short code the branch may type instead of scanning is the signature's first letters.

Standard library only: no keys, no cryptography.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from outreach_app.domain.receipt_payload import SIGNATURE_BYTES, ReceiptPayloadError
from outreach_app.domain.receipt_payload import _b32 as b32
from outreach_app.domain.receipt_payload import _unb32 as unb32

VERSION = "PS1"
SHORT_CODE_CHARS = 8
_FIELDS = 9
SLIP_NO = re.compile(r"^ST[0-9]{8}-[0-9A-F]{6}$")
_SIGNATURE_CHARS = len(b32(bytes(SIGNATURE_BYTES)))


class SlipPayloadError(ReceiptPayloadError):
    """A slip code that is not one of ours, or was damaged or altered."""


def slip_number(day: dt.date, deposit_id: str) -> str:
    """`ST<YYYYMMDD>-<6 hex>`: the date it was closed and the random end of the close-out's
    id, so two laptops never print the same number."""
    return f"ST{day:%Y%m%d}-{uuid.UUID(deposit_id).hex[-6:].upper()}"


@dataclass(frozen=True, slots=True)
class SlipClaim:
    """What a printed deposit slip asserts."""

    slip_no: str
    agent_id: str
    counted: int
    expected: int
    receipts: int
    closed_at: dt.datetime  # to the minute, as the slip prints it
    device_id: str

    def message(self) -> str:
        agent = b32(uuid.UUID(self.agent_id).bytes)
        device = b32(uuid.UUID(self.device_id).bytes)
        return (
            f"{VERSION}:{self.slip_no}:{agent}:{self.counted}:{self.expected}:{self.receipts}:"
            f"{self.closed_at:%Y%m%d%H%M}:{device}:"
        )

    def payload(self, signature: bytes) -> str:
        if len(signature) != SIGNATURE_BYTES:
            raise ValueError("an Ed25519 signature is 64 bytes")
        return self.message() + b32(signature)


def short_code(payload: str) -> str:
    """The letters the branch types with the slip number when the code cannot be scanned."""
    return payload.rsplit(":", 1)[-1][:SHORT_CODE_CHARS]


def _bytes(text: str, what: str) -> bytes:
    try:
        return unb32(text, what)
    except ReceiptPayloadError as exc:
        raise SlipPayloadError(str(exc)) from exc


def _uuid(text: str, what: str) -> str:
    data = _bytes(text, what)
    if len(data) != 16:
        raise SlipPayloadError(f"{what} rusak.")
    return str(uuid.UUID(bytes=data))


def parse_slip(text: str) -> tuple[SlipClaim, bytes]:
    """(claim, signature) from a scanned or typed slip code; refuses anything malformed with
    the field at fault. Whether the signature holds is for the verifier to say."""
    cleaned = "".join(text.split()).upper()
    fields = cleaned.split(":")
    if len(fields) != _FIELDS or fields[0] != VERSION:
        raise SlipPayloadError(
            "Ini bukan kode slip setoran Perisai Outreach (awalan PS1 dan 9 bagian diharapkan)."
        )
    _, slip_no, agent, counted, expected, receipts, closed_at, device, signature = fields
    if not SLIP_NO.match(slip_no):
        raise SlipPayloadError(f"Nomor slip {slip_no!r} tidak sah.")
    for value in (counted, expected, receipts):
        if not value.isdigit() or len(value) > 15:
            raise SlipPayloadError("Jumlah uang atau banyaknya kuitansi rusak.")
    try:
        closed = dt.datetime.strptime(closed_at, "%Y%m%d%H%M")
    except ValueError as exc:
        raise SlipPayloadError("Waktu tutup kas rusak.") from exc
    if len(signature) != _SIGNATURE_CHARS:
        raise SlipPayloadError("Tanda tangan terpotong atau rusak.")
    signature_bytes = _bytes(signature, "Tanda tangan")
    claim = SlipClaim(
        slip_no=slip_no,
        agent_id=_uuid(agent, "Kode agen"),
        counted=int(counted),
        expected=int(expected),
        receipts=int(receipts),
        closed_at=closed,
        device_id=_uuid(device, "Kode perangkat"),
    )
    return claim, signature_bytes

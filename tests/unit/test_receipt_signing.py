"""Receipt QR payloads: the format, Ed25519 signing, and every way verification must refuse."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from outreach_app.domain.receipt_payload import (
    ReceiptClaim,
    ReceiptPayloadError,
    nik_hash,
    parse_payload,
)
from outreach_app.services.receipts import (
    PRIVATE_KEY_SETTING,
    ReceiptNotGenuine,
    ReceiptSigner,
    ReceiptVerifier,
)
from outreach_app.storage.store import Store

ALNUM = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@pytest.fixture
def receipt(demo_store: Store):
    payment = demo_store.payments.by_receipt("DEMO-000035")
    person = demo_store.participants.get(payment.participant_id)
    return payment, person


def test_payload_round_trips_in_qr_alphanumeric_characters(demo_store: Store, receipt) -> None:
    payment, person = receipt
    payload = ReceiptSigner(demo_store).payload(payment, person.nik)
    assert set(payload) <= ALNUM  # the dense QR mode
    assert person.nik not in payload
    claim, signature = parse_payload(payload)
    assert claim.receipt_no == payment.receipt_no
    assert claim.amount == payment.total
    assert (claim.first_month, claim.months) == (payment.period_start, payment.months)
    assert claim.device_id == demo_store.device.id
    assert claim.matches_nik(person.nik) and not claim.matches_nik("8103011508950001")
    assert claim.payload(signature) == payload
    assert parse_payload(payload.lower() + "\n")[0] == claim  # typed in by hand


def test_a_genuine_receipt_verifies_with_what_the_database_knows(demo_store, receipt) -> None:
    payment, person = receipt
    payload = ReceiptSigner(demo_store).payload(payment, person.nik)
    checked = ReceiptVerifier(demo_store).verify(payload, nik=person.nik)
    assert checked.payment == payment and not checked.voided
    assert checked.nik_matches is True
    assert checked.device_name == demo_store.device.name
    assert ReceiptVerifier(demo_store).verify(payload, nik="8103011508950001").nik_matches is False


def test_the_key_is_made_once_and_kept(demo_store: Store, receipt) -> None:
    payment, person = receipt
    first = ReceiptSigner(demo_store).payload(payment, person.nik)
    stored = demo_store.local_setting(PRIVATE_KEY_SETTING)
    assert stored and stored not in first
    assert ReceiptSigner(demo_store).payload(payment, person.nik) == first  # Ed25519: same text
    assert demo_store.signing_keys.get(demo_store.device.id).public_key not in (stored, "")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount", 1),
        ("months", 12),
        ("receipt_no", "DEMO-000036"),
        ("nik_hash", "AAAAAAAAAAAAAAAA"),
        ("paid_on", dt.date(2026, 4, 21)),
    ],
)
def test_any_altered_field_fails_the_signature(demo_store, receipt, field, value) -> None:
    payment, person = receipt
    payload = ReceiptSigner(demo_store).payload(payment, person.nik)
    claim, signature = parse_payload(payload)
    forged = replace(claim, **{field: value}).payload(signature)
    with pytest.raises(ReceiptNotGenuine, match="Tanda tangan tidak cocok"):
        ReceiptVerifier(demo_store).verify(forged)


@pytest.mark.parametrize("position", [-1, -2, -50, -103])
def test_any_changed_character_of_the_signature_fails(demo_store, receipt, position) -> None:
    """Including the last letter, whose spare bits a lax base32 decoder would ignore."""
    payment, person = receipt
    payload = ReceiptSigner(demo_store).payload(payment, person.nik)
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567":
        if letter == payload[position]:
            continue
        changed = list(payload)
        changed[position] = letter
        with pytest.raises((ReceiptNotGenuine, ReceiptPayloadError)):
            ReceiptVerifier(demo_store).verify("".join(changed))


def test_an_unknown_device_is_refused_with_what_to_do(demo_store, store, receipt) -> None:
    payment, person = receipt
    payload = ReceiptSigner(demo_store).payload(payment, person.nik)
    with pytest.raises(ReceiptNotGenuine, match="Sinkronkan"):
        ReceiptVerifier(store).verify(payload)  # another laptop that never saw this key


def test_a_signed_claim_that_disagrees_with_the_record_is_refused(demo_store, receipt) -> None:
    """Genuinely signed, but the database holds different figures under that number."""
    payment, person = receipt
    signer = ReceiptSigner(demo_store)
    other = replace(payment, total=payment.total + 1000)
    payload = signer.payload(other, person.nik)
    with pytest.raises(ReceiptNotGenuine, match="berbeda"):
        ReceiptVerifier(demo_store).verify(payload)


def test_a_voided_receipt_still_verifies_and_says_so(demo_store, receipt) -> None:
    payment, person = receipt
    payload = ReceiptSigner(demo_store).payload(payment, person.nik)
    demo_store.payments.void(payment.receipt_no, "Salah orang")
    assert ReceiptVerifier(demo_store).verify(payload).voided


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "bukan kode kuitansi"),
        ("https://example.com/qr", "bukan kode kuitansi"),
        ("PO2:DEMO-000001:A:1:20260101:202601:1:A:A", "bukan kode kuitansi"),
        ("PO1:DEMO:GI5TQFC4Y6QFNSPH:1:20260101:202601:1:AA:AA", "Nomor kuitansi"),
        ("PO1:DEMO-000001:SHORT:1:20260101:202601:1:AA:AA", "Sidik NIK"),
        ("PO1:DEMO-000001:GI5TQFC4Y6QFNSPH:1X:20260101:202601:1:AA:AA", "Jumlah"),
        ("PO1:DEMO-000001:GI5TQFC4Y6QFNSPH:1:20260101:202601:13:AA:AA", "bulan"),
        ("PO1:DEMO-000001:GI5TQFC4Y6QFNSPH:1:20261301:202601:1:AA:AA", "Tanggal"),
        ("PO1:DEMO-000001:GI5TQFC4Y6QFNSPH:1:20260101:202601:1:A1:AA", "perangkat"),
        ("PO1:DEMO-000001:GI5TQFC4Y6QFNSPH:1:20260101:202601:1:AA:AA", "perangkat"),
    ],
)
def test_malformed_payloads_say_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(ReceiptPayloadError, match=f"(?i){reason}"):
        parse_payload(text)


def test_a_truncated_signature_is_refused(demo_store, receipt) -> None:
    payment, person = receipt
    payload = ReceiptSigner(demo_store).payload(payment, person.nik)
    with pytest.raises(ReceiptPayloadError, match="terpotong"):
        parse_payload(payload[:-8])


def test_nik_hash_is_salted_by_the_receipt_number() -> None:
    assert nik_hash("DEMO-000001", "8103011508950001") != nik_hash(
        "DEMO-000002", "8103011508950001"
    )
    claim = ReceiptClaim("A1-000001", "X" * 16, 1, dt.date(2026, 1, 1), dt.date(2026, 1, 1), 1,
                         "0192b3c4-d5e6-7f8a-9b0c-1d2e3f4a5b6c")  # fmt: skip
    with pytest.raises(ValueError):
        claim.payload(b"short")

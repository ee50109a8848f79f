"""The deposit slip's code: one spelling per claim, and anything damaged refused with the
field at fault (never an exception other than the format's own)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.deposit_payload import (
    SlipClaim,
    SlipPayloadError,
    parse_slip,
    short_code,
    slip_number,
)
from outreach_app.domain.ids import uuid7

CLAIM = SlipClaim(
    slip_no=slip_number(dt.date(2026, 11, 21), "01a25304-cf88-7805-a50b-273fe12f9bf1"),
    agent_id="01a25304-cf88-7805-a50b-273fe12f9bf1",
    counted=1_250_000,
    expected=1_255_000,
    receipts=42,
    closed_at=dt.datetime(2026, 11, 21, 17, 5),
    device_id="01a25304-cf7e-742b-9bf5-65f9dbbbba5a",
)
PAYLOAD = CLAIM.payload(bytes(range(64)))


def test_round_trip_and_short_code() -> None:
    assert CLAIM.slip_no == "ST20261121-2F9BF1"
    claim, signature = parse_slip(f"  {PAYLOAD.lower()}\n")
    assert claim == CLAIM and signature == bytes(range(64))
    assert short_code(PAYLOAD) == PAYLOAD.rsplit(":", 1)[1][:8]
    assert slip_number(dt.date(2026, 11, 21), uuid7()) != slip_number(
        dt.date(2026, 11, 21), uuid7()
    )


@pytest.mark.parametrize(
    ("index", "value", "reason"),
    [(0, "PO1", "bukan kode slip"), (1, "ST2026-1", "Nomor slip"), (3, "-5", "Jumlah"),
     (4, "1" * 16, "Jumlah"), (6, "202613011200", "Waktu"), (7, "AAAA", "Kode perangkat"),
     (8, "A" * 10, "Tanda tangan"), (2, "1" * 26, "Kode agen")],
)  # fmt: skip
def test_damaged_fields_are_named(index: int, value: str, reason: str) -> None:
    fields = PAYLOAD.split(":")
    fields[index] = value
    with pytest.raises(SlipPayloadError, match=reason):
        parse_slip(":".join(fields))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_refused_or_parsed_never_crashes(text: str) -> None:
    with contextlib.suppress(SlipPayloadError):
        parse_slip(text)

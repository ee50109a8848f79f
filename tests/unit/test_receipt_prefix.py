"""The derived receipt prefix (domain/receipt_prefix.py): valid for the laptop's device
table, stable for a device id, different for different ids, never the shape of a prefix a
person may ask for; and the rule for the ones people ask for."""

from __future__ import annotations

import os
import re
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.receipt_prefix import (
    DERIVED_LENGTH,
    derived_prefix,
    is_derived_form,
    normalize_requested,
    random_derived,
)
from outreach_app.storage.store import Store, legacy_receipt_prefix

EXAMPLES = int(os.environ.get("OUTREACH_HYPOTHESIS_EXAMPLES", "60"))
DEVICE_TABLE = re.compile(r"[A-Za-z0-9]{2,12}")  # the CHECK and Store.set_device's rule


@settings(max_examples=EXAMPLES)
@given(st.text(max_size=200))
def test_a_derived_prefix_is_valid_and_stable(device_id: str) -> None:
    prefix = derived_prefix(device_id)
    assert DEVICE_TABLE.fullmatch(prefix) and prefix.isascii()
    assert len(prefix) == DERIVED_LENGTH == 11 and is_derived_form(prefix)
    assert derived_prefix(device_id) == prefix
    with pytest.raises(ValueError):  # nobody asks for it by typing it
        normalize_requested(prefix)


def test_different_device_ids_get_different_prefixes() -> None:
    """50 bits: 200,000 device ids (twice the country's laptops) and not one shared prefix
    (expected shared pairs: 200000^2 / 2^51, about 0.02)."""
    ids = [str(uuid.UUID(int=n, version=4)) for n in range(200_000)]
    assert len({derived_prefix(device_id) for device_id in ids}) == len(ids)
    assert len({random_derived(os.urandom(8)) for _ in range(1_000)}) == 1_000


@settings(max_examples=EXAMPLES)
@given(st.text(max_size=30))
def test_a_requested_prefix_is_2_to_10_ascii_letters_or_digits(text: str) -> None:
    try:
        prefix = normalize_requested(text)
    except ValueError as exc:
        assert "2-10 huruf" in str(exc)
        stripped = text.strip()
        assert not (stripped.isascii() and re.fullmatch(r"[A-Za-z0-9]{2,10}", stripped))
        return
    assert re.fullmatch(r"[A-Z0-9]{2,10}", prefix) and not is_derived_form(prefix)


def test_a_new_laptop_numbers_with_its_derived_prefix(tmp_path) -> None:
    with Store(tmp_path / "a.db") as store:
        assert store.device.receipt_prefix == derived_prefix(store.device.id)
        device_id = store.device.id
        store.db.execute("UPDATE device SET receipt_prefix = ?", [legacy_receipt_prefix(device_id)])
    with Store(tmp_path / "a.db") as store:  # the old default moves to the derived one
        assert store.device.receipt_prefix == derived_prefix(device_id)

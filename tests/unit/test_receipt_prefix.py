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


def server_answering(*answers: tuple[int, dict[str, object]]):
    """A laptop's client to a server that gives these answers in turn (and what it asked)."""
    import json

    import httpx

    from outreach_app.sync.client import SyncClient

    asked: list[dict[str, object]] = []
    queue = list(answers)

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(json.loads(request.content))
        status, body = queue.pop(0)
        return httpx.Response(status, json=body)

    client = SyncClient("http://127.0.0.1:8750", "token", transport=httpx.MockTransport(handle),
                        sleep=lambda _s: None)  # fmt: skip
    return client, asked


def test_a_prefix_another_device_holds_is_replaced_for_the_next_receipts(tmp_path) -> None:
    from outreach_app.services.receipt_prefix import prefix_status, settle_prefix

    with Store(tmp_path / "a.db") as store:
        own = store.device.receipt_prefix
        client, asked = server_answering(
            (409, {"detail": f"Awalan kuitansi {own} sudah dipakai perangkat lain"}),
            (200, {"prefix": "P0000000001", "source": "assigned", "reserved_at": "2026-12-01"}),
        )
        status = settle_prefix(store, client)
        assert [a["prefix"] for a in asked] == [own, None]
        assert status.confirmed and store.device.receipt_prefix == "P0000000001"
        assert prefix_status(store) == status
        assert settle_prefix(store, client) == status  # confirmed: nothing more is asked
        assert len(asked) == 2


def test_a_hostile_answer_never_changes_the_prefix_nor_fails_the_sync(tmp_path) -> None:
    from outreach_app.services.receipt_prefix import settle_prefix

    with Store(tmp_path / "a.db") as store:
        own = store.device.receipt_prefix
        for body in ({"prefix": "x" * 40, "source": "assigned", "reserved_at": "-"},
                     {"prefix": "SML 01", "source": "assigned", "reserved_at": "-"},
                     {"prefix": ["SML"], "source": "assigned", "reserved_at": "-"}):  # fmt: skip
            client, _asked = server_answering((200, body))
            status = settle_prefix(store, client)
            assert not status.confirmed and store.device.receipt_prefix == own
        client, _asked = server_answering((404, {"detail": "Alamat ini tidak dikenal server."}))
        assert not settle_prefix(store, client).confirmed  # an older server: left alone

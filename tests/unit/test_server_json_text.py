"""The server's JSON text: orjson where it can, the standard library where it cannot."""

from __future__ import annotations

import json

from outreach_app.server.store.json_text import dumps, loads


def test_keys_are_sorted_and_text_stays_text() -> None:
    text = dumps({"nama": "Ñoman Ratuanak", "alamat": "RT 001", "umur": 31, "x": None})
    assert text == '{"alamat":"RT 001","nama":"Ñoman Ratuanak","umur":31,"x":null}'
    assert loads(text) == json.loads(text)


def test_numbers_past_64_bits_fall_back_instead_of_failing() -> None:
    big = {"monthly_income": 2**70, "b": [-(2**65)]}
    assert loads(dumps(big)) == big

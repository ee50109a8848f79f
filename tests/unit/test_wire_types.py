"""The wire's constrained types, as both sides parse them: what the server refuses in a push
(422) a laptop refuses in a pull page, so neither stores what the other cannot."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from pydantic import ValidationError

from outreach_app.domain.ids import uuid7
from outreach_app.sync.protocol import (
    MAX_PUSH_BATCH,
    Change,
    PullResponse,
    PushRequest,
    SignInRequest,
)
from outreach_app.sync.wire_types import MAX_TEXT, check_column, text_problem

DEVICE = uuid7()


def a_change(seq: int, **fields: Any) -> Change:
    return Change.model_construct(device_id=DEVICE, seq=seq, table="participants",
                                  row_id=uuid7(), op="update", fields=fields,
                                  hlc="1795254011601-0000")  # fmt: skip


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("a\x00b", "NUL"), ("a\ud800", "surrogate"), ({"a": 1}, "not dict"), ([1], "not list"),
        (2**63, "out of range"), (float("nan"), "not finite"), ("x" * (MAX_TEXT + 1), "longer"),
    ],
)  # fmt: skip
def test_field_values_are_scalars_that_a_column_holds(value: Any, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        check_column("phone", ["ok", value])
    check_column("phone", ["Désa – RT 1", 5, 1.5, True, None, "x" * MAX_TEXT])


@pytest.mark.parametrize(
    "value", [5, "not-a-uuid", "01A25338-A7F1-7393-914F-2C45E5341D40", {"id": 1}]
)
def test_fields_that_point_at_a_row_hold_an_id_or_null(value: Any) -> None:
    with pytest.raises(ValueError, match="row id"):
        check_column("village_id", [uuid7(), value])
    check_column("village_id", [uuid7(), None])


def test_text_problems() -> None:
    assert text_problem("Nurhayati Ratuanak – Désa") is None
    assert text_problem("a\x00") == "contains a NUL character"
    assert text_problem("é\ud83d") == "contains a lone surrogate"
    assert text_problem("😀") is None  # a pair, not a lone surrogate


def test_a_laptop_refuses_a_pull_page_it_could_not_store() -> None:
    page = PullResponse.of([], cursor=1, more=False).model_dump(mode="json")
    good = PushRequest.of(DEVICE, [a_change(1, phone="0812")]).model_dump(mode="json")
    group = {**good["groups"][0], "device_id": "server-MAL", "server_seqs": [7]}
    assert PullResponse.model_validate({**page, "groups": [group]}).decoded()[0]["seq"] == 1
    for bad in ({"device_id": "laptop-lain"}, {"columns": [[{"a": 1}]]},
                {"columns": [["0812\x00"]]}, {"versions": [{"phone": "x@y"}]}):  # fmt: skip
        with pytest.raises(ValidationError):
            PullResponse.model_validate({**page, "groups": [{**group, **bad}]})


def test_sign_in_is_bounded() -> None:
    good = {"username": "agen", "password": "sandi", "device_id": DEVICE, "device_name": "x"}
    SignInRequest.model_validate(good)
    for field, bad in (("username", ""), ("username", "u" * 65), ("password", "p" * 1025),
                       ("device_id", "server-MAL"), ("device_name", "n" * 129)):  # fmt: skip
        with pytest.raises(ValidationError):
            SignInRequest.model_validate({**good, field: bad})


def test_validating_a_full_push_stays_cheap() -> None:
    """200 changes of 12 fields each, checked a column at a time: a few milliseconds."""
    fields = {f"f{n}": f"nilai {n} Désa" for n in range(10)} | {"village_id": uuid7(), "n": 5}
    body = PushRequest.of(DEVICE, [a_change(s, **fields) for s in range(1, MAX_PUSH_BATCH + 1)])
    text = body.model_dump_json()
    started = time.perf_counter()
    for _ in range(10):
        PushRequest.model_validate(json.loads(text))
    assert (time.perf_counter() - started) / 10 < 0.05

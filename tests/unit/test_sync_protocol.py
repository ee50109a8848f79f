"""The sync wire encoding: changes grouped per table and fields, column by column, numbers as
steps, UUIDs split. Whatever goes in comes out exactly, in order; bad input from the network
is a validation error (a 4xx), never a crash; the push answer lists plain acceptances as
ranges and everything else in full."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from outreach_app.domain.ids import uuid7
from outreach_app.sync.packing import (
    MAX_HLC,
    deltas,
    hlc_number,
    hlc_text,
    pack_uuids,
    undelta,
    unpack_uuids,
)
from outreach_app.sync.protocol import (
    MAX_PUSH_BATCH,
    ChangeResult,
    FieldWrite,
    PullResponse,
    PushRequest,
    PushResponse,
)

DEVICE = "0192b3c4-d5e6-7f8a-9b0c-1d2e3f4a5b6c"
AUDIT_ID = "0192b3c4-d5e6-7f8a-9b0c-000000000001"
CLOCK = 1_795_254_011_601


@dataclass(frozen=True)
class Sent:
    seq: int
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]
    hlc: str
    device_id: str = DEVICE
    server_seq: int = 0


def over_the_wire(request: PushRequest) -> PushRequest:
    return PushRequest.model_validate_json(request.model_dump_json())


def test_steps_and_clocks_round_trip_and_keep_their_order() -> None:
    assert deltas([5, 6, 7, 9, 3]) == [5, 1, 1, 2, -6]
    assert undelta(deltas([5, 6, 7, 9, 3])) == [5, 6, 7, 9, 3]
    clocks = ["1795254011601-0000", "1795254011601-002a", "1795254011602-0000",
              "9999999999999-ffff", "0000000000000-0000"]  # fmt: skip
    numbers = [hlc_number(c) for c in clocks]
    assert [hlc_text(n) for n in numbers] == clocks
    assert sorted(numbers) == [hlc_number(c) for c in sorted(clocks)]
    assert hlc_number("9999999999999-ffff") == MAX_HLC
    for bad in ("1795254011601-00", "1795254011601-00ZZ", "x"):
        with pytest.raises(ValueError):
            hlc_number(bad)
    for bad_number in (-1, MAX_HLC + 1):
        with pytest.raises(ValueError):
            hlc_text(bad_number)


def test_uuids_travel_split_and_come_back_exactly() -> None:
    ids = [uuid7() for _ in range(50)] + ["00000000-0000-0000-0000-000000000000",
                                          "ffffffff-ffff-4fff-bfff-ffffffffffff"]  # fmt: skip
    packed = pack_uuids(ids)
    assert packed is not None
    ms, tails = packed
    assert len(tails) == -(-len(ids) * 10 * 4 // 3)  # base64 without padding
    assert unpack_uuids(ms, tails) == ids
    assert pack_uuids(["row-1"]) is None  # not a UUID: the ids travel as text
    assert pack_uuids([ids[0].upper()]) is None  # would not come back the same
    with pytest.raises(ValueError, match="10 bytes"):
        unpack_uuids(ms[:-1], tails)
    with pytest.raises(ValueError, match="base64"):
        unpack_uuids(ms, tails[:-4] + "!!!!")
    with pytest.raises(ValueError, match="out of range"):
        unpack_uuids([-1], tails[:14])


def mixed_outbox() -> list[Sent]:
    """A day's work: inserts of several tables interleaved, updates of different fields, a
    gap in the seqs (a parked change), a clock that stepped back, None and non-ASCII values.
    (Ids are UUIDs and values scalars: the wire refuses anything else, see test_wire_types.)"""
    person, other = uuid7(), uuid7()
    base = 1795254011601
    return [
        Sent(3, "participants", person, "insert",
             {"nik": "8103011508950001", "full_name": "Yohanis Ratuanak", "payer_id": None},
             f"{base:013d}-0000"),
        Sent(4, "heirs", uuid7(), "insert", {"participant_id": person, "full_name": "Maria"},
             f"{base:013d}-0001"),
        Sent(5, "participants", other, "insert",
             {"nik": "8103015702674081", "full_name": "Nurhayati Ratuanak", "payer_id": None},
             f"{base + 7:013d}-0000"),
        Sent(7, "participants", person, "update", {"phone": "0812-3456"}, f"{base + 9:013d}-0000"),
        Sent(8, "participants", other, "update", {"address": "Désa Wowonda – RT 1"},
             f"{base + 4:013d}-0003"),
        Sent(9, "participants", other, "update", {"phone": "0813"}, f"{base + 10:013d}-0000"),
        Sent(10, "audit_log", AUDIT_ID, "insert", {"action": "register", "detail": "a: 1"},
             f"{base + 10:013d}-0001"),
        Sent(11, "participants", person, "delete", {"deleted": 1}, f"{base + 11:013d}-0000"),
    ]  # fmt: skip


def as_dict(change: Any) -> dict[str, Any]:
    return {"device_id": change.device_id, "seq": change.seq, "table": change.table,
            "row_id": change.row_id, "op": change.op, "fields": change.fields,
            "hlc": change.hlc}  # fmt: skip


def test_a_push_comes_back_change_for_change_in_seq_order() -> None:
    sent = mixed_outbox()
    request = PushRequest.of(DEVICE, reversed(sent))  # any order in, seq order out
    received = over_the_wire(request).decoded()
    assert [as_dict(c) for c in received] == [as_dict(c) for c in sent]
    groups = {(g.table, g.op, tuple(g.fields)) for g in request.groups}
    assert ("participants", "update", ("phone",)) in groups  # both phone edits in one group
    assert len(request.groups) == 6
    body = json.loads(request.model_dump_json())
    assert '"nik"' in json.dumps(body) and json.dumps(body).count('"nik"') == 1  # names once
    audit = next(g for g in body["groups"] if g["table"] == "audit_log")
    assert audit["row_ids"] is None and audit["uuid_tails"]
    # ids may also travel as text (the older form), if they are UUIDs all the same
    audit["row_ids"], audit["uuid_ms"], audit["uuid_tails"] = [AUDIT_ID], None, None
    assert PushRequest.model_validate(body).decoded()[-2].row_id == AUDIT_ID


def test_a_pull_comes_back_in_the_servers_order() -> None:
    sent = mixed_outbox()
    numbered = [
        Sent(c.seq, c.table, c.row_id, c.op, c.fields, c.hlc,
             device_id=DEVICE if i % 2 else "server-MAL", server_seq=100 + 3 * i)
        for i, c in enumerate(sent)
    ]  # fmt: skip
    page = PullResponse.of(numbered, cursor=121, more=True)
    again = PullResponse.model_validate_json(page.model_dump_json())
    assert again.cursor == 121 and again.more
    assert again.decoded() == [{**as_dict(c), "server_seq": c.server_seq} for c in numbered]
    assert PullResponse.model_validate_json('{"cursor": 5, "more": false}').decoded() == []


@st.composite
def outboxes(draw: st.DrawFn) -> list[Sent]:
    tables = ["participants", "heirs", "payments"]
    names = ["nik", "phone", "address", "voided", "amount"]
    text = st.text(st.characters(blacklist_characters="\x00"), max_size=8)  # NUL: refused
    values = st.none() | st.booleans() | st.integers(-(2**40), 2**40) | text
    count = draw(st.integers(1, 40))
    seqs = sorted(draw(st.sets(st.integers(1, 10_000), min_size=count, max_size=count)))
    changes = []
    for seq in seqs:
        fields = draw(st.dictionaries(st.sampled_from(names), values, min_size=0, max_size=4))
        row_id = draw(st.sampled_from([uuid7(), uuid7(), AUDIT_ID]))
        ms, counter = draw(st.integers(0, 10**13 - 1)), draw(st.integers(0, 0xFFFF))
        changes.append(Sent(seq, draw(st.sampled_from(tables)), row_id,
                            draw(st.sampled_from(["insert", "update", "delete"])), fields,
                            f"{ms:013d}-{counter:04x}"))  # fmt: skip
    return changes


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a loaded CI machine
@given(outboxes())
def test_any_outbox_survives_the_wire(sent: list[Sent]) -> None:
    received = over_the_wire(PushRequest.of(DEVICE, sent)).decoded()
    assert [as_dict(c) for c in received] == [as_dict(c) for c in sent]


def group(**changes: Any) -> dict[str, Any]:
    good = PushRequest.of(DEVICE, mixed_outbox()[:1]).model_dump()["groups"][0]
    return {**good, **changes}


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ({"hlcs": []}, "at least 1"),
        ({"seqs": [3, 1]}, "one entry for each"),
        ({"fields": ["nik", "nik", "payer_id"]}, "appears twice"),
        ({"columns": [["x"]]}, "one list per field"),
        ({"row_ids": [DEVICE]}, "either as row_ids"),
        ({"uuid_ms": None}, "row ids are missing"),
        ({"uuid_tails": "AAAA"}, "10 bytes"),
        ({"seqs": [0]}, "from 1 to"),
        ({"seqs": [2**63]}, "less than or equal"),
        ({"hlcs": [-5]}, "out of range"),
        ({"op": "upsert"}, "insert"),
    ],
)
def test_bad_groups_are_refused_with_a_reason(bad: dict[str, Any], why: str) -> None:
    body = {"device_id": DEVICE, "groups": [group(**bad)]}
    with pytest.raises(ValidationError, match=why):
        PushRequest.model_validate_json(json.dumps(body))


def test_a_push_holds_at_most_one_batch() -> None:
    many = [
        Sent(n, "participants", uuid7(), "update", {"phone": str(n)}, f"{CLOCK + n:013d}-0000")
        for n in range(1, MAX_PUSH_BATCH + 2)
    ]
    body = PushRequest.of(DEVICE, many).model_dump_json()
    with pytest.raises(ValidationError, match=f"at most {MAX_PUSH_BATCH}"):
        PushRequest.model_validate_json(body)


def test_the_answer_lists_plain_acceptances_as_ranges() -> None:
    newer = {"phone": FieldWrite(value="0811", version=f"1795254011609-0000@{DEVICE}")}
    results = [
        ChangeResult(seq=3, status="accepted"),
        ChangeResult(seq=4, status="accepted"),
        ChangeResult(seq=5, status="rejected", reason="NIK tidak sah"),
        ChangeResult(seq=6, status="accepted"),
        ChangeResult(seq=7, status="accepted", newer=newer),
        ChangeResult(seq=8, status="already_had"),
        ChangeResult(seq=9, status="already_had"),
        ChangeResult(seq=12, status="accepted"),
    ]
    answer = PushResponse.of(results)
    assert answer.accepted == [(3, 4), (6, 6), (12, 12)]
    assert answer.already_had == [(8, 9)]
    assert [r.seq for r in answer.results] == [5, 7]
    again = PushResponse.model_validate_json(answer.model_dump_json())
    asked = [12, 3, 4, 5, 6, 7, 8, 9, 10]  # 10: never answered, so it stays unsent
    found = again.results_for(asked)
    assert [(r.seq, r.status) for r in found] == [
        (12, "accepted"), (3, "accepted"), (4, "accepted"), (5, "rejected"), (6, "accepted"),
        (7, "accepted"), (8, "already_had"), (9, "already_had"),
    ]  # fmt: skip
    assert found[3].reason == "NIK tidak sah" and found[5].newer == newer
    assert PushResponse.of([]).results_for([1, 2]) == []

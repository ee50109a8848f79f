"""Random sequences of honest and hostile requests from five accounts of two branches; after
every request: no answer held a row outside what the caller may ever have seen, an agent's
accepted change never moved a row to another holder or branch, staff never reached into
another branch, and every honest enrolment is on the server as sent.

The model keeps, per account, the rows it was ever entitled to (its branch's rows for staff;
for an agent the people it held or that lived in a village staff granted it), updated from
the server's record only after a change the write rules below accepted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_app.domain.ids import uuid7
from outreach_app.domain.synced_tables import SYNCED_FIELDS
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.sync.protocol import ChangeResult
from tests.integration.scope_world import ACCOUNTS, VILLAGES, ScopeWorld, build_world
from tests.integration.sync_world import store_url

AGENTS = [name for name, (role, _code) in ACCOUNTS.items() if role == "agent"]
EVERYONE = list(ACCOUNTS)


@dataclass
class Model:
    world: ScopeWorld
    people: dict[str, str] = field(default_factory=dict)  # row id -> branch code
    entitled: dict[str, set[str]] = field(default_factory=dict)  # account -> row ids
    honest: dict[str, dict[str, Any]] = field(default_factory=dict)  # row id -> fields
    grants: dict[str, set[str]] = field(default_factory=dict)  # agent -> villages staff gave

    def granted(self, agent: str) -> set[str]:
        first = {self.world.village_ids[v] for v, (_c, _k, a) in VILLAGES.items() if a == agent}
        return first | self.grants.get(agent, set())

    def note(self, row_id: str) -> None:
        """Who may see this participant as the server now holds it."""
        record = self.world.record("participants", row_id)
        assert record is not None
        code = self.people[row_id]
        for name, (role, account_code) in ACCOUNTS.items():
            if account_code != code:
                continue
            if (
                role == "staff"
                or record.get("agent_id") == self.world.user_ids[name]
                or record.get("village_id") in self.granted(name)
            ):
                self.entitled.setdefault(name, set()).add(row_id)

    def check_answer(self, who: str, results: list[ChangeResult], rows: dict[int, str]) -> None:
        for result in results:
            if result.newer:
                assert rows[result.seq] in self.entitled.get(who, set()), (
                    f"{who} was answered with fields of a row it may not see"
                )


def village_of(world: ScopeWorld, code: str) -> st.SearchStrategy[str]:
    names = [v for v, (c, _k, _a) in VILLAGES.items() if c == code]
    return st.sampled_from(names)


@st.composite
def requests(draw: st.DrawFn, world: ScopeWorld) -> tuple[str, str, dict[str, Any]]:
    """(account, kind, details) of one request."""
    who = draw(st.sampled_from(EVERYONE))
    kind = draw(st.sampled_from(["enrol", "update", "resend", "visit", "pull"]))
    details: dict[str, Any] = {
        "village": draw(st.sampled_from(list(VILLAGES))),
        "holder": draw(st.sampled_from([*EVERYONE, None])),
        "target": draw(st.integers(0, 50)),
        "fields": draw(
            st.sets(
                st.sampled_from(["agent_id", "village_id", "full_name", "phone", "payer_id"]),
                min_size=1,
            )
        ),
    }
    return who, kind, details


def run(model: Model, who: str, kind: str, details: dict[str, Any]) -> None:
    world = model.world
    role, code = ACCOUNTS[who]
    targets = sorted(model.people)
    if kind == "enrol":
        row_id = uuid7()
        fields = world.person(details["village"], details["holder"])
        [result] = world.push(who, world.change(who, "participants", row_id, "insert", fields))
        if result.status == "accepted":
            record = world.record("participants", row_id)
            assert record is not None and record["nik"] == fields["nik"]
            village_code = next(c for v, (c, _k, _a) in VILLAGES.items()
                                if world.village_ids[v] == fields["village_id"])  # fmt: skip
            assert village_code == code, "a row was filed in another branch's village"
            if role == "agent":
                assert fields["agent_id"] == world.user_ids[who], "an agent enrolled for another"
            model.people[row_id] = code
            model.honest[row_id] = fields
            model.note(row_id)
    elif kind in ("update", "resend") and targets:
        row_id = targets[details["target"] % len(targets)]
        before = world.record("participants", row_id)
        values = {
            "agent_id": world.user_ids.get(details["holder"] or "", None),
            "village_id": world.village_ids[details["village"]],
            "full_name": "Nama Baru",
            "phone": "0812",
            "payer_id": world.payer_ids["BTN" if code == "MAL" else "MAL"],
        }
        if kind == "update":
            fields = {name: values[name] for name in details["fields"]}
            change = world.change(who, "participants", row_id, "update", fields)
        else:  # a seq this account used before, naming the target, every field null
            nulls = dict.fromkeys(SYNCED_FIELDS["participants"])
            change = world.change(who, "participants", row_id, "update", nulls, seq=1, at=-1)
        [result] = world.push(who, change)
        model.check_answer(who, [result], {change.seq: row_id})
        after = world.record("participants", row_id)
        assert before is not None and after is not None
        if result.status == "accepted":
            assert model.people[row_id] == code, "a change reached another branch's row"
            if role == "agent":
                assert after.get("agent_id") == before.get("agent_id"), "an agent moved a holder"
            model.note(row_id)
        else:
            assert after == before
    elif kind == "visit":
        holder = details["holder"] or who
        if holder in world.user_ids:
            [result] = world.push(who, world.visit(who, details["village"], holder))
            if result.status == "accepted" and role == "agent":
                assert holder == who, "an agent planned a visit for someone else"
            if result.status == "accepted" and role == "staff":
                assert ACCOUNTS[holder][1] == code, "staff assigned another branch's agent"
                model.grants.setdefault(holder, set()).add(world.village_ids[details["village"]])
                for row_id in model.people:
                    model.note(row_id)
    elif kind == "pull":
        for change in world.pull(who):
            if change["table"] in ("participants", "heirs", "payments"):
                row = change["row_id"] if change["table"] == "participants" else None
                if row is not None and row in model.people:
                    assert row in model.entitled.get(who, set()), f"{who} pulled a foreign row"
    for row_id, fields in model.honest.items():  # nothing honest is ever lost
        record = world.record("participants", row_id)
        assert record is not None and record["nik"] == fields["nik"]


@pytest.fixture(params=["sqlite", "postgresql"])
def model(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Model]:
    url = store_url(request.param, tmp_path) or f"sqlite:///{tmp_path / 'server.db'}"
    store = ServerStore(open_engine(url))
    store.migrate()
    yield Model(build_world(SyncServer(store), store))
    store.engine.dispose()


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_answer_leaves_scope_and_nothing_honest_is_lost(
    model: Model, data: st.DataObject
) -> None:
    steps = data.draw(st.lists(requests(model.world), min_size=5, max_size=20))
    for who, kind, details in steps:
        run(model, who, kind, details)

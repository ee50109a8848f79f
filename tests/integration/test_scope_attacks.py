"""Scope, tried as a hostile laptop would: every answer holds only rows the caller may read,
and a row changes hands, village or branch only by a staff decision. On SQLite and
PostgreSQL. Each test here failed on the server before scope became one function
(server/scope.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from outreach_app.domain.ids import uuid7
from outreach_app.domain.synced_tables import SYNCED_FIELDS
from outreach_app.server.duplicate_reviews import DuplicateReviews
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncRefused, SyncServer
from tests.integration.scope_world import VILLAGES, ScopeWorld, build_world
from tests.integration.sync_world import store_url


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ScopeWorld]:
    url = store_url(request.param, tmp_path) or f"sqlite:///{tmp_path / 'server.db'}"
    store = ServerStore(open_engine(url))
    store.migrate()
    yield build_world(SyncServer(store), store)
    store.engine.dispose()


def pulled_ids(world: ScopeWorld, who: str, table: str) -> set[str]:
    return {c["row_id"] for c in world.pull(who) if c["table"] == table}


# --- 1. the answer to a batch sent again ------------------------------------------------


@pytest.mark.parametrize("victim_branch", ["BTN", "MAL"])
def test_a_resent_seq_never_answers_with_a_row_out_of_scope(
    world: ScopeWorld, victim_branch: str
) -> None:
    """Push seq N harmlessly, then 'resend' seq N as an update of someone else's participant
    with every field null and an old clock: the answer must not carry that row's fields."""
    victim = (world.enrol("agen.banten", "Cikeusik") if victim_branch == "BTN"
              else world.enrol("agen.saumlaki", "Wowonda"))  # fmt: skip
    entry = {"at": "2026-12-01T08:00:00", "actor": "agen.ambon", "action": "login",
             "entity": "", "entity_id": "", "detail": ""}  # fmt: skip
    harmless = world.change("agen.ambon", "audit_log", uuid7(), "insert", entry)
    [first] = world.push("agen.ambon", harmless)
    assert first.status == "accepted"
    nulls = dict.fromkeys(SYNCED_FIELDS["participants"])
    probe = world.change("agen.ambon", "participants", victim, "update", nulls,
                         seq=harmless.seq, at=-10_000)  # fmt: skip
    [answer] = world.push("agen.ambon", probe)
    assert answer.status != "accepted"
    assert answer.newer == {}, "a resent change leaked the row's fields"


def test_a_resent_seq_still_answers_its_own_newer_writes(world: ScopeWorld) -> None:
    """The fix keeps what resends are for: the newer write a lost answer carried."""
    person = world.enrol("agen.saumlaki", "Wowonda")
    old = world.change("agen.saumlaki", "participants", person, "update", {"phone": "0811"},
                       at=1000)  # fmt: skip
    newer = world.change("staf.maluku", "participants", person, "update", {"phone": "0822"},
                         at=2000)  # fmt: skip
    assert world.push("staf.maluku", newer)[0].status == "accepted"
    assert world.push("agen.saumlaki", old)[0].newer["phone"].value == "0822"
    [again] = world.push("agen.saumlaki", old)
    assert again.status == "already_had" and again.newer["phone"].value == "0822"


# --- 3. taking over rows and growing scope ------------------------------------------------


def test_an_agent_cannot_take_another_agents_participant(world: ScopeWorld) -> None:
    person = world.enrol("agen.saumlaki", "Wowonda")
    ambon = world.user_ids["agen.ambon"]
    grab = world.change("agen.ambon", "participants", person, "update", {"agent_id": ambon})
    [answer] = world.push("agen.ambon", grab)
    assert answer.status == "rejected"
    assert world.record("participants", person)["agent_id"] == world.user_ids["agen.saumlaki"]
    rename = world.change("agen.ambon", "participants", person, "update", {"full_name": "X"})
    assert world.push("agen.ambon", rename)[0].status == "rejected"
    assert person not in pulled_ids(world, "agen.ambon", "participants")


def test_an_agent_cannot_give_away_or_take_a_row_even_in_its_own_village(
    world: ScopeWorld,
) -> None:
    """Agen.saumlaki holds Wowonda, where agen.ambon has no grant: saumlaki may edit its own
    participant but not hand it to ambon, nor enrol someone in ambon's name."""
    mine = world.enrol("agen.saumlaki", "Wowonda")
    ambon = world.user_ids["agen.ambon"]
    give = world.change("agen.saumlaki", "participants", mine, "update", {"agent_id": ambon})
    assert world.push("agen.saumlaki", give)[0].status == "rejected"
    forged = world.change("agen.saumlaki", "participants", uuid7(), "insert",
                          world.person("Wowonda", "agen.ambon"))  # fmt: skip
    assert world.push("agen.saumlaki", forged)[0].status == "rejected"


def test_a_participant_in_a_village_granted_to_nobody_cannot_be_claimed(
    world: ScopeWorld,
) -> None:
    person = world.enrol("staf.maluku", "Olilit", agent="")
    assert world.record("participants", person)["agent_id"] is None
    me = world.user_ids["agen.ambon"]
    grab = world.change("agen.ambon", "participants", person, "update", {"agent_id": me})
    assert world.push("agen.ambon", grab)[0].status == "rejected"
    assert person not in pulled_ids(world, "agen.ambon", "participants")


def test_an_agents_own_visit_grants_it_nothing(world: ScopeWorld) -> None:
    """Planning a visit in Wowonda (saumlaki's) is the agent's business; it does not open
    Wowonda's people to agen.ambon: scope grows only by a staff decision."""
    someone = world.enrol("agen.saumlaki", "Wowonda")
    [plan] = world.push("agen.ambon", world.visit("agen.ambon", "Wowonda", "agen.ambon"))
    assert plan.status == "accepted"
    assert someone not in pulled_ids(world, "agen.ambon", "participants")
    edit = world.change("agen.ambon", "participants", someone, "update", {"phone": "0813"})
    assert world.push("agen.ambon", edit)[0].status == "rejected"
    # the same visit assigned by staff opens the village
    [assigned] = world.push("staf.maluku", world.visit("staf.maluku", "Wowonda", "agen.ambon"))
    assert assigned.status == "accepted"
    assert someone in pulled_ids(world, "agen.ambon", "participants")
    assert world.push("agen.ambon", world.change("agen.ambon", "participants", someone,
                                                 "update", {"phone": "0814"}))[0].status == (
        "accepted"
    )  # fmt: skip


def test_an_agent_cannot_plan_a_visit_for_another_agent(world: ScopeWorld) -> None:
    [answer] = world.push("agen.ambon", world.visit("agen.ambon", "Olilit", "agen.saumlaki"))
    assert answer.status == "rejected"


def test_an_agent_who_moves_a_staff_visit_gives_its_grant_up(world: ScopeWorld) -> None:
    someone = world.enrol("staf.maluku", "Olilit", agent="")
    assign = world.visit("staf.maluku", "Latta", "agen.ambon")
    assert world.push("staf.maluku", assign)[0].status == "accepted"
    moved = world.change("agen.ambon", "visit_plans", assign.row_id, "update",
                         {"village_id": world.village_ids["Olilit"]})  # fmt: skip
    assert world.push("agen.ambon", moved)[0].status == "accepted"
    assert someone not in pulled_ids(world, "agen.ambon", "participants")


def test_staff_cannot_reach_into_another_branch(world: ScopeWorld) -> None:
    """BTN's staff cannot assign a MAL agent, file a person in a MAL village or under a MAL
    payer, or give a MAL agent a BTN village."""
    [visit] = world.push("staf.banten", world.visit("staf.banten", "Cikeusik", "agen.ambon"))
    assert visit.status == "rejected"
    elsewhere = world.person("Wowonda", None)
    [person] = world.push(
        "staf.banten", world.change("staf.banten", "participants", uuid7(), "insert", elsewhere)
    )
    assert person.status == "rejected"
    mal_payer = world.payer_ids["MAL"]
    [paid_by] = world.push("staf.banten", world.change(
        "staf.banten", "participants", uuid7(), "insert",
        {**world.person("Cikeusik", "agen.banten"), "payer_id": mal_payer}))  # fmt: skip
    assert paid_by.status == "rejected"
    assert "agen.ambon" not in str(world.pull("staf.banten"))


def test_another_branchs_user_row_with_my_username_is_not_me(world: ScopeWorld) -> None:
    """BTN's staff make a user row named agen.ambon in BTN: refused (usernames are one per
    server), and agen.ambon keeps its own scope."""
    row = {"username": "agen.ambon", "full_name": "X", "role": "agent",
           "branch_id": world.branch_ids["BTN"], "active": 1}  # fmt: skip
    [answer] = world.push("staf.banten", world.change("staf.banten", "users", uuid7(), "insert",
                                                      row))  # fmt: skip
    assert answer.status == "rejected"
    latta = world.enrol("agen.ambon", "Latta")
    assert latta in pulled_ids(world, "staf.maluku", "participants")
    assert latta not in pulled_ids(world, "staf.banten", "participants")


def test_pulls_hold_only_the_callers_rows(world: ScopeWorld) -> None:
    """(A device never pulls its own changes, so staff enrol the agents' people and the
    agents enrol what staff pull.)"""
    by_staff = {
        agent: world.enrol(staff, village, agent=agent)
        for staff, agent, village in (
            ("staf.maluku", "agen.saumlaki", "Wowonda"), ("staf.maluku", "agen.ambon", "Latta"),
            ("staf.banten", "agen.banten", "Cikeusik"),
        )
    }  # fmt: skip
    by_agents = {
        agent: world.enrol(agent, village)
        for agent, village in (
            ("agen.saumlaki", "Lorulun"), ("agen.ambon", "Latta"), ("agen.banten", "Cikeusik"),
        )
    }  # fmt: skip
    for agent, person in by_staff.items():
        assert pulled_ids(world, agent, "participants") == {person}
    mal = {by_agents["agen.saumlaki"], by_agents["agen.ambon"]}
    assert pulled_ids(world, "staf.maluku", "participants") == mal
    assert pulled_ids(world, "staf.banten", "participants") == {by_agents["agen.banten"]}


# --- duplicate reviews across branches -------------------------------------------------


def test_a_duplicate_across_branches_shows_nothing_of_the_other_branch(
    world: ScopeWorld,
) -> None:
    mal = world.enrol("agen.saumlaki", "Wowonda")
    nik = world.record("participants", mal)["nik"]
    btn = uuid7()
    fields: dict[str, Any] = {**world.person("Cikeusik", "agen.banten"), "nik": nik}
    [answer] = world.push("agen.banten", world.change("agen.banten", "participants", btn,
                                                      "insert", fields))  # fmt: skip
    assert answer.status == "accepted"
    desk = DuplicateReviews(world.store)
    for staff in ("staf.banten", "staf.maluku"):
        for review in desk.open_reviews(world.sessions[staff]):
            mine = world.branch_ids["BTN" if staff == "staf.banten" else "MAL"]
            for shown in review.records:
                held = world.record("participants", shown.row_id)
                assert held is not None
                if held.get("village_id") not in _villages_of(world, mine):
                    assert shown.fields == {} and shown.village is None and shown.agent is None
                    with pytest.raises(SyncRefused) as refused:
                        desk.resolve(world.sessions[staff], review.id, shown.row_id)
                    assert refused.value.status == 403


def _villages_of(world: ScopeWorld, branch_id: str) -> set[str]:
    return {
        world.village_ids[name]
        for name, (code, _code, _agent) in VILLAGES.items()
        if world.branch_ids[code] == branch_id
    }

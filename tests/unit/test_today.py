"""The Today page's figures on the demo database: the village coverage counts only the villages
shown (the agent's), and counts them exactly as counting every village would."""

from __future__ import annotations

from outreach_app.services.today import TodayService
from outreach_app.storage.participant_list import MAX_VILLAGES_LISTED
from outreach_app.storage.store import Store
from tests.conftest import TODAY


def counted_by_hand(store: Store) -> dict[str, int]:
    rows = store.db.execute(
        "SELECT village_id, status FROM participants WHERE deleted = 0 AND village_id IS NOT NULL"
    ).fetchall()
    counts: dict[str, int] = {}
    for village_id, status in rows:
        if status != "draft":
            counts[village_id] = counts.get(village_id, 0) + 1
    return counts


def test_counting_chosen_villages_gives_their_counts_from_all(demo_store: Store) -> None:
    people = demo_store.participant_list
    everywhere = people.registered_by_village()
    assert everywhere == counted_by_hand(demo_store) and len(everywhere) > 3
    chosen = sorted(everywhere)[:2]
    nobody = "a village with nobody registered"
    assert people.registered_by_village([*chosen, nobody]) == {v: everywhere[v] for v in chosen}
    assert people.registered_by_village([]) == {}


def test_a_long_list_of_villages_is_counted_with_all_and_still_answers_only_for_it(
    demo_store: Store,
) -> None:
    people = demo_store.participant_list
    everywhere = people.registered_by_village()
    chosen = sorted(everywhere)[:3]
    unknown = [f"no such village {n}" for n in range(MAX_VILLAGES_LISTED)]
    assert people.registered_by_village([*unknown, *chosen]) == {v: everywhere[v] for v in chosen}


def test_the_agents_coverage_is_its_villages_counted_in_full(demo_store: Store) -> None:
    agent = demo_store.users.by_username("agen.saumlaki")
    summary = TodayService(demo_store, lambda: TODAY).summary(agent)
    mine = demo_store.visits.villages_of_agent(agent.stamp.id)
    everywhere = counted_by_hand(demo_store)
    shown = {c.village.stamp.id: c.registered for c in summary.coverage}
    assert set(shown) == mine and len(shown) < len(demo_store.villages.all())
    assert shown == {v: everywhere.get(v, 0) for v in mine}
    assert any(n > 0 for n in shown.values())


def test_branch_staff_see_every_village(demo_store: Store) -> None:
    summary = TodayService(demo_store, lambda: TODAY).summary(None)
    everywhere = counted_by_hand(demo_store)
    shown = {c.village.stamp.id: c.registered for c in summary.coverage}
    assert set(shown) == {v.stamp.id for v in demo_store.villages.all()}
    assert shown == {v: everywhere.get(v, 0) for v in shown}

"""Visit planning on the demo database: outreach_app/services/visits.py.

Who sees and changes which visits, the rules a plan must meet (with the messages an agent
reads), villages made from the Kemendagri list, and the audit record every write leaves."""

from __future__ import annotations

import datetime as dt

import pytest

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Role, Segment, User, VisitStatus
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.visits import VisitFilter, VisitRefused, VisitService
from outreach_app.storage.store import Store
from tests.conftest import TODAY

WOWONDA = "8103012002"  # stored by the demo, branch MAL (Maluku)
OLILIT_RAYA = "8103012007"  # a Kemendagri village of Tanimbar Selatan the demo does not store
SUMBERJAYA = "3601012001"  # stored by the demo, branch PDG (Pandeglang)


@pytest.fixture(scope="module")
def regions() -> RegionDirectory:
    return RegionDirectory()


@pytest.fixture
def service(demo_store: Store, regions: RegionDirectory) -> VisitService:
    return VisitService(demo_store, regions, lambda: TODAY)


def user(store: Store, username: str) -> User:
    return store.users.by_username(username)


@pytest.fixture
def agent(demo_store: Store) -> User:
    return user(demo_store, "agen.saumlaki")


@pytest.fixture
def staff(demo_store: Store) -> User:
    return user(demo_store, "staf.maluku")


def audit_actions(store: Store, entity_id: str) -> list[tuple[str, str, str]]:
    rows = store.db.execute(
        "SELECT actor, action, detail FROM audit_log WHERE entity_id = ? ORDER BY rowid",
        [entity_id],
    )
    return [tuple(row) for row in rows]


def plan(service: VisitService, store: Store, actor: User, **changes):
    values = {
        "village_id": store.villages.by_code(WOWONDA).stamp.id,
        "agent_id": None if actor.role is Role.AGENT else user(store, "agen.saumlaki").stamp.id,
        "visit_date": TODAY + dt.timedelta(days=3),
        "segment": Segment.NELAYAN,
        "purpose": "Sosialisasi nelayan",
        "target_count": 12,
        "actor": actor,
    }
    values.update(changes)
    return service.create(**values)


def test_list_is_sorted_by_date_and_filters_combine(service: VisitService, demo_store) -> None:
    everything = service.list(VisitFilter())
    assert len(everything) == demo_store.visits.count() > 20
    dates = [v.visit_date for v in everything]
    assert dates == sorted(dates)
    week = service.list(VisitFilter(TODAY, TODAY + dt.timedelta(days=6)))
    assert week and all(TODAY <= v.visit_date <= TODAY + dt.timedelta(days=6) for v in week)
    done = service.list(VisitFilter(status=VisitStatus.DONE))
    assert done and {v.status for v in done} == {VisitStatus.DONE}
    wowonda = demo_store.villages.by_code(WOWONDA).stamp.id
    assert {v.village_id for v in service.list(VisitFilter(village_id=wowonda))} == {wowonda}


def test_an_empty_filter_means_any_and_an_open_end(service: VisitService) -> None:
    assert VisitFilter() == VisitFilter(None, None, None, None, None)
    upcoming = service.list(VisitFilter(start=TODAY))
    assert upcoming and min(v.visit_date for v in upcoming) >= TODAY
    assert len(service.list(VisitFilter())) > len(upcoming)
    assert service.list(VisitFilter(status="done")) == service.list(  # a combo's str value
        VisitFilter(status=VisitStatus.DONE)
    )
    assert service.visible_to(None) == service.list(VisitFilter())  # nobody chosen yet


def test_agent_sees_only_its_own_visits(service: VisitService, agent: User, demo_store) -> None:
    mine = service.visible_to(agent)
    assert mine and {v.agent_id for v in mine} == {agent.stamp.id}
    other = user(demo_store, "agen.ambon")
    assert service.visible_to(agent, VisitFilter(agent_id=other.stamp.id)) == []
    assert service.agents_for(agent) == [agent]


def test_staff_see_every_visit_of_their_branch(service: VisitService, staff, demo_store) -> None:
    seen = service.visible_to(staff)
    branch_villages = {v.stamp.id for v in demo_store.villages.in_branch(staff.branch_id)}
    assert {v.village_id for v in seen} <= branch_villages
    agents = {v.agent_id for v in seen}
    assert {
        user(demo_store, "agen.saumlaki").stamp.id,
        user(demo_store, "agen.ambon").stamp.id,
    } == agents
    assert len(seen) < len(service.list(VisitFilter()))  # not Pandeglang's or Kupang's
    assert {a.username for a in service.agents_for(staff)} == {"agen.saumlaki", "agen.ambon"}


def test_an_agent_plans_for_itself(service: VisitService, agent: User, demo_store) -> None:
    visit = plan(service, demo_store, agent)
    assert visit.agent_id == agent.stamp.id
    assert visit.status is VisitStatus.PLANNED
    assert visit in service.visible_to(agent)
    [(actor, action, detail)] = audit_actions(demo_store, visit.stamp.id)
    assert (actor, action) == ("agen.saumlaki", "create")
    assert WOWONDA in detail
    other = user(demo_store, "agen.ambon")
    with pytest.raises(VisitRefused, match="untuk dirinya sendiri"):
        plan(service, demo_store, agent, agent_id=other.stamp.id)


def test_staff_plan_for_an_agent_of_their_branch(service, staff, demo_store) -> None:
    with pytest.raises(VisitRefused, match="Pilih agen"):
        plan(service, demo_store, staff, agent_id=None)
    with pytest.raises(VisitRefused, match="bukan agen cabang Anda"):
        plan(service, demo_store, staff, agent_id=user(demo_store, "agen.sumur").stamp.id)
    with pytest.raises(VisitRefused, match="bukan agen lapangan"):
        plan(service, demo_store, staff, agent_id=staff.stamp.id)
    with pytest.raises(VisitRefused, match="tidak ditemukan"):
        plan(service, demo_store, staff, agent_id="no-such-user")
    pandeglang = demo_store.villages.by_code(SUMBERJAYA).stamp.id
    with pytest.raises(VisitRefused, match="bukan wilayah cabang Anda"):
        plan(service, demo_store, staff, village_id=pandeglang)


def test_only_staff_assign_a_visit_to_another_agent(service, agent, staff, demo_store) -> None:
    visit = plan(service, demo_store, agent)
    ambon = user(demo_store, "agen.ambon")
    with pytest.raises(VisitRefused, match="Hanya staf cabang"):
        service.assign(visit.stamp.id, ambon.stamp.id, agent)
    moved = service.assign(visit.stamp.id, ambon.stamp.id, staff)
    assert moved.agent_id == ambon.stamp.id
    assert moved not in service.visible_to(agent)
    assert moved in service.visible_to(ambon)
    assert audit_actions(demo_store, visit.stamp.id)[-1][:2] == ("staf.maluku", "update")
    assert ambon.stamp.id in audit_actions(demo_store, visit.stamp.id)[-1][2]
    with pytest.raises(VisitRefused, match="milik agen lain"):
        service.cancel(visit.stamp.id, "Cuaca buruk", agent)  # no longer the agent's visit
    with pytest.raises(VisitRefused, match="bukan agen cabang Anda"):
        service.assign(visit.stamp.id, user(demo_store, "agen.sumur").stamp.id, staff)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target_count": -1}, "Target peserta tidak boleh negatif."),
        ({"visit_date": TODAY + dt.timedelta(days=366)}, "paling jauh satu tahun"),
        ({"visit_date": TODAY - dt.timedelta(days=366)}, "paling jauh satu tahun"),
    ],
)
def test_plans_outside_the_rules_are_refused_in_plain_words(
    service, agent, demo_store, changes, message
) -> None:
    before = demo_store.visits.count()
    with pytest.raises(VisitRefused, match=message) as refused:
        plan(service, demo_store, agent, **changes)
    assert isinstance(refused.value, DomainError)  # shown as is by the window and the CLI
    assert demo_store.visits.count() == before


def test_a_year_ahead_is_still_allowed(service, agent, demo_store) -> None:
    visit = plan(service, demo_store, agent, visit_date=dt.date(2027, 11, 21))
    assert visit.visit_date == dt.date(2027, 11, 21)


def test_record_outcome_marks_done_and_audits(service, agent, demo_store) -> None:
    visit = plan(service, demo_store, agent, visit_date=TODAY)
    done = service.record_outcome(visit.stamp.id, 7, "  Kepala desa hadir ", agent)
    assert (done.status, done.enrolled_count, done.outcome_notes) == (
        VisitStatus.DONE,
        7,
        "Kepala desa hadir",
    )
    assert [a[1] for a in audit_actions(demo_store, visit.stamp.id)] == ["create", "outcome"]
    with pytest.raises(VisitRefused, match="tidak boleh negatif"):
        service.record_outcome(visit.stamp.id, -1, "", agent)


def test_a_done_visit_keeps_its_date_but_other_fields_change(service, agent, demo_store):
    visit = plan(service, demo_store, agent, visit_date=TODAY)
    service.record_outcome(visit.stamp.id, 3, "", agent)
    with pytest.raises(VisitRefused, match="sudah selesai tidak dapat diubah"):
        service.update(visit.stamp.id, agent, visit_date=TODAY + dt.timedelta(days=1))
    changed = service.update(visit.stamp.id, agent, purpose="Pendaftaran nelayan", target_count=9)
    assert (changed.purpose, changed.target_count, changed.visit_date) == (
        "Pendaftaran nelayan",
        9,
        TODAY,
    )
    assert "Pendaftaran nelayan" in audit_actions(demo_store, visit.stamp.id)[-1][2]
    with pytest.raises(VisitRefused, match="sudah selesai tidak dapat dibatalkan"):
        service.cancel(visit.stamp.id, "Salah catat", agent)


def test_no_outcome_before_the_visit_day(service, agent, demo_store) -> None:
    visit = plan(service, demo_store, agent)  # in three days
    with pytest.raises(VisitRefused, match="belum terjadi"):
        service.record_outcome(visit.stamp.id, 4, "", agent)


def test_cancel_keeps_the_reason_and_closes_the_visit(service, agent, demo_store) -> None:
    visit = plan(service, demo_store, agent, visit_date=TODAY)
    with pytest.raises(VisitRefused, match="alasan pembatalan"):
        service.cancel(visit.stamp.id, "   ", agent)
    cancelled = service.cancel(visit.stamp.id, "Kapal tidak berangkat", agent)
    assert cancelled.status is VisitStatus.CANCELLED
    assert cancelled.outcome_notes == "Kapal tidak berangkat"
    assert audit_actions(demo_store, visit.stamp.id)[-1] == (
        "agen.saumlaki",
        "cancel",
        "Kapal tidak berangkat",
    )
    with pytest.raises(VisitRefused, match="dibatalkan tidak dapat dicatat hasilnya"):
        service.record_outcome(visit.stamp.id, 2, "", agent)
    with pytest.raises(VisitRefused, match="dibatalkan tidak dapat diubah"):
        service.update(visit.stamp.id, agent, purpose="Lagi")
    with pytest.raises(VisitRefused, match="sudah dibatalkan sebelumnya"):
        service.cancel(visit.stamp.id, "Lagi", agent)


def test_a_refused_write_leaves_no_trace(service, agent, demo_store) -> None:
    visit = plan(service, demo_store, agent)
    outbox = demo_store.pending_changes()
    with pytest.raises(VisitRefused):
        service.update(visit.stamp.id, agent, target_count=5, visit_date=dt.date(2030, 1, 1))
    assert demo_store.visits.get(visit.stamp.id).target_count == 12
    assert demo_store.pending_changes() == outbox
    assert len(audit_actions(demo_store, visit.stamp.id)) == 1


def test_update_refuses_fields_with_their_own_method(service, agent, demo_store) -> None:
    visit = plan(service, demo_store, agent)
    with pytest.raises(TypeError, match="status"):
        service.update(visit.stamp.id, agent, status=VisitStatus.DONE)


def test_ensure_village_creates_it_from_the_region_list(service, agent, demo_store) -> None:
    before = demo_store.villages.count()
    village = service.ensure_village(OLILIT_RAYA, agent.branch_id, agent)
    assert (village.code, village.name, village.district, village.regency, village.province) == (
        OLILIT_RAYA,
        "Olilit Raya",
        "Tanimbar Selatan",
        "Kabupaten Kepulauan Tanimbar",
        "Maluku",
    )
    assert (village.informal_workers, village.target_participants) == (0, 0)
    assert village.branch_id == agent.branch_id
    assert demo_store.villages.count() == before + 1
    assert audit_actions(demo_store, village.stamp.id)[0][:2] == ("agen.saumlaki", "add")
    again = service.ensure_village(OLILIT_RAYA, agent.branch_id)
    assert again == village
    assert demo_store.villages.count() == before + 1
    stored = service.ensure_village(WOWONDA, agent.branch_id)
    assert stored == demo_store.villages.by_code(WOWONDA)
    for bad in ("8103012999", "810301", "abc"):
        with pytest.raises(VisitRefused, match="tidak ada dalam daftar wilayah Kemendagri"):
            service.ensure_village(bad, agent.branch_id)


def test_find_villages_offers_stored_villages_first(service, agent) -> None:
    found = service.find_villages("wowon")
    assert found[0].code == WOWONDA and not found[0].is_new
    assert found[0].path == "Wowonda, Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku"
    assert all(choice.is_new for choice in found[1:])  # other Wowon... villages, not stored
    assert len({choice.code for choice in found}) == len(found)
    passo = service.find_villages("Passo", limit=5)
    assert [(c.code, c.is_new) for c in passo[:2]] == [("8171032001", False), ("7102202005", True)]
    assert service.find_villages("o") == []  # one letter is no search
    assert len(service.find_villages("desa", limit=3)) <= 3


def test_a_kemendagri_village_once_stored_is_offered_with_its_id(service, agent) -> None:
    [choice] = service.find_villages("Olilit Raya")
    assert choice.is_new and choice.code == OLILIT_RAYA
    village = service.ensure_village(choice.code, agent.branch_id)
    [again] = service.find_villages("Olilit Raya")
    assert again.village_id == village.stamp.id

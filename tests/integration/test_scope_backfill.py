"""An agent assigned a village it had no visit in receives what the village already holds
(its pull cursor is past those records), with each field's version, and no one else is sent
the copy; against a real server process on SQLite and PostgreSQL."""

from __future__ import annotations

from outreach_app.domain.models import Segment, SyncStamp, VisitPlan
from tests.factories import make_participant
from tests.integration.sync_world import TODAY, services


def field_version(machine, table: str, row_id: str, field: str) -> str:
    row = machine.store.db.execute(
        "SELECT version FROM field_versions WHERE table_name = ? AND row_id = ? AND field = ?",
        [table, row_id, field],
    ).fetchone()
    return row[0] if row else ""


def test_a_newly_assigned_village_arrives_whole(branch, schedule) -> None:
    staff, saumlaki, ambon, villages = branch
    enrol, pay = services(saumlaki, schedule)
    actor = saumlaki.user("agen.saumlaki")
    people = []
    for n in range(3):
        nik, name = f"810301150895000{n + 1}", f"Nelayan {n}"
        person = make_participant(villages["Wowonda"], agent_id=None, nik=nik, full_name=name)
        person_id, _ = enrol.register(person, actor)
        pay.record(person_id, 3, actor)
        people.append(person_id)
    saumlaki.sync.sync()
    ambon.sync.sync()
    assert not ambon.rows("participants", set(people))  # not Ambon's village
    staff.sync.sync()
    staff.store.participants.update(people[0], phone="085200001111")  # a later edit
    staff.sync.sync()
    saumlaki.sync.sync()

    # staff assign Wowonda to Ambon too
    staff.store.visits.add(VisitPlan(
        SyncStamp.new(), villages["Wowonda"], staff.user("agen.ambon").stamp.id, TODAY,
        Segment.NELAYAN, "Penagihan iuran", 5,
    ))  # fmt: skip
    assert staff.sync.sync().pulled == 0  # staff are not sent the copy: they have it
    assert saumlaki.sync.sync().applied == 1  # Saumlaki: just the new visit in Wowonda
    report = ambon.sync.sync()
    assert report.held == 0 and report.rejected == 0
    ids = set(people)
    assert ambon.rows("participants", ids) == staff.rows("participants", ids)
    receipts = {row_id for row_id, row in staff.rows("payments").items() if row[3] in ids}
    assert len(receipts) == 3
    assert ambon.rows("payments", receipts) == staff.rows("payments", receipts)
    assert ambon.store.participants.get(people[0]).phone == "085200001111"
    # the versions came too: the phone's is the staff edit's, so merging stays per field
    assert field_version(ambon, "participants", people[0], "phone") == field_version(
        staff, "participants", people[0], "phone"
    )
    assert ambon.store.payments.coverage_run(people[0]) is not None  # paid run derived

    # afterwards the village flows like any other: a later edit reaches Ambon
    saumlaki.store.participants.update(people[1], phone="081399990000")
    saumlaki.sync.sync()
    ambon.sync.sync()
    assert ambon.store.participants.get(people[1]).phone == "081399990000"
    # and a second visit in the same village sends nothing again
    staff.store.visits.add(VisitPlan(
        SyncStamp.new(), villages["Wowonda"], staff.user("agen.ambon").stamp.id, TODAY,
        Segment.NELAYAN, "Kunjungan ulang", 5,
    ))  # fmt: skip
    staff.sync.sync()
    assert ambon.sync.sync().applied == 1


def test_a_snapshot_never_overwrites_an_unsent_edit(branch, schedule) -> None:
    staff, saumlaki, ambon, villages = branch
    enrol, _pay = services(ambon, schedule)
    # Ambon enrolled someone in Wowonda (its own record) and edits it offline
    person_id, _ = enrol.register(
        make_participant(villages["Wowonda"], agent_id=None), ambon.user("agen.ambon")
    )
    ambon.sync.sync()
    saumlaki.sync.sync()
    staff.sync.sync()
    staff.store.participants.update(person_id, occupation="Petani rumput laut")
    staff.sync.sync()
    ambon.store.participants.update(person_id, phone="081200000001")  # not yet sent
    staff.store.visits.add(VisitPlan(
        SyncStamp.new(), villages["Wowonda"], staff.user("agen.ambon").stamp.id, TODAY,
        Segment.NELAYAN, "Penagihan iuran", 5,
    ))  # fmt: skip
    staff.sync.sync()
    ambon.sync.sync()
    mine = ambon.store.participants.get(person_id)
    assert mine.phone == "081200000001" and mine.occupation == "Petani rumput laut"
    staff.sync.sync()
    assert staff.store.participants.get(person_id).phone == "081200000001"


def test_a_participant_moved_to_another_village_reaches_its_agent_whole(branch, schedule) -> None:
    """The office corrects a fisherman's village from Wowonda (Saumlaki's) to Latta (Ambon's):
    Ambon, who never held him, receives him with his receipts, nothing waits, and his next
    receipt reaches Ambon too (his receipts are filed under Latta now)."""
    staff, saumlaki, ambon, villages = branch
    enrol, pay = services(saumlaki, schedule)
    actor = saumlaki.user("agen.saumlaki")
    person_id, _ = enrol.register(make_participant(villages["Wowonda"], agent_id=None), actor)
    pay.record(person_id, 3, actor)
    saumlaki.sync.sync()
    ambon.sync.sync()  # its cursor passes his enrolment: not Ambon's village then
    staff.sync.sync()
    staff.store.participants.update(person_id, village_id=villages["Latta"])
    staff.sync.sync()

    report = ambon.sync.sync()
    assert report.held == 0 and report.rejected == 0
    assert ambon.rows("participants", {person_id}) == staff.rows("participants", {person_id})
    receipts = {row_id for row_id, row in staff.rows("payments").items() if row[3] == person_id}
    assert len(receipts) == 1
    assert ambon.rows("payments", receipts) == staff.rows("payments", receipts)

    saumlaki.sync.sync()  # his agent still holds him and takes the next payment
    pay.record(person_id, 1, actor)
    saumlaki.sync.sync()
    assert ambon.sync.sync().held == 0
    staff.sync.sync()
    everyone = {row_id for row_id, row in staff.rows("payments").items() if row[3] == person_id}
    assert len(everyone) == 2
    assert ambon.rows("payments", everyone) == staff.rows("payments", everyone)

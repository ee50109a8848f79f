"""The server judges a push batch in memory and writes it at the end: changes of one batch
that depend on each other see each other, a refused change leaves nothing behind even when
accepted ones around it depend on the same rows, the log numbers the accepted changes in
the order they were accepted. On SQLite and on PostgreSQL (OUTREACH_TEST_POSTGRES)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from outreach_app.domain.ids import uuid7
from outreach_app.domain.models import Heir, Segment, SyncStamp, VisitPlan
from outreach_app.server.store.store import ServerStore, Session, open_engine
from outreach_app.server.store.tables import changes, duplicate_reviews, field_versions
from outreach_app.server.sync_server import SyncServer
from outreach_app.storage.rows import data_columns
from outreach_app.sync.protocol import Change, SignInRequest
from tests.factories import make_participant
from tests.integration.sync_world import PASSWORDS, Laptop, laptop, seed_branch, store_url

CLOCK = 1_795_254_011_601  # ms


@dataclass
class Branch:
    server: SyncServer
    store: ServerStore
    office: Laptop
    villages: dict[str, str]
    staff: Session
    next_seq: int

    def session(self, username: str, device: str) -> Session:
        return signed_in(self.server, username, device)

    def change(self, table: str, row_id: str, op: str, fields: dict[str, Any], at: int,
               session: Session | None = None, seq: int | None = None) -> Change:  # fmt: skip
        if seq is None:
            seq, self.next_seq = self.next_seq, self.next_seq + 1
        device = (session or self.staff).device_id
        return Change(device_id=device, seq=seq, table=table, row_id=row_id, op=op,  # type: ignore[arg-type]
                      fields=fields, hlc=f"{CLOCK + at:013d}-0000")  # fmt: skip

    def push(self, batch: list[Change], session: Session | None = None) -> list[tuple[str, str]]:
        results = self.server.push_changes(session or self.staff, batch)
        assert [r.seq for r in results] == [c.seq for c in batch]
        return [(r.status, r.reason or "") for r in results]

    def data(self, table: str, row_id: str) -> dict[str, Any] | None:
        with self.store.engine.connect() as conn:
            record = self.store.record(conn, table, row_id)
        return None if record is None else record.data

    def versions(self, table: str, row_id: str) -> dict[str, str]:
        query = select(field_versions.c.field, field_versions.c.version).where(
            field_versions.c.table_name == table, field_versions.c.row_id == row_id
        )
        with self.store.engine.connect() as conn:
            return {field: stamp for field, stamp in conn.execute(query)}

    def logged(self) -> list[int]:
        """The seqs of the staff laptop's logged changes past the seed, by server_seq."""
        query = (
            select(changes.c.seq)
            .where(changes.c.device_id == self.staff.device_id, changes.c.seq >= 1000)
            .order_by(changes.c.server_seq)
        )
        with self.store.engine.connect() as conn:
            return [seq for (seq,) in conn.execute(query)]


def signed_in(server: SyncServer, username: str, device: str) -> Session:
    answer = server.sign_in(SignInRequest(username=username, password=PASSWORDS[username],
                                          device_id=device, device_name=device))  # fmt: skip
    return server.session(answer.token)


@pytest.fixture(params=["sqlite", "postgresql"])
def branch(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Branch]:
    url = store_url(request.param, tmp_path) or f"sqlite:///{tmp_path / 'server.db'}"
    store = ServerStore(open_engine(url))
    store.migrate()
    server = SyncServer(store)
    for name, role in (("staf.maluku", "staff"), ("agen.ambon", "agent")):
        server.add_user(name, PASSWORDS[name], role, "MAL")
    office = laptop(tmp_path, "kantor")
    villages = seed_branch(office)
    staff = signed_in(server, "staf.maluku", office.store.device.id)
    world = Branch(server, store, office, villages, staff, next_seq=1000)
    seed = office.sync.state.outgoing(100)
    results = server.push_changes(world.staff, [
        Change(device_id=c.device_id, seq=c.seq, table=c.table, row_id=c.row_id, op=c.op,  # type: ignore[arg-type]
               fields=c.fields, hlc=c.hlc) for c in seed
    ])  # fmt: skip
    assert {r.status for r in results} == {"accepted"}
    yield world
    office.store.close()
    store.engine.dispose()


def person(branch: Branch, village: str = "Wowonda", **changes: object) -> dict[str, Any]:
    return data_columns(make_participant(branch.villages[village], **changes))


def heir(participant_id: str) -> dict[str, Any]:
    return data_columns(Heir(SyncStamp.new(), participant_id, "Maria Ratuanak", "istri"))


def test_a_refused_change_between_dependent_ones_leaves_nothing(branch: Branch) -> None:
    p, q, child, orphan = uuid7(), uuid7(), uuid7(), uuid7()
    nowhere = {**person(branch, nik="8103011508950002"), "village_id": uuid7()}  # unknown
    batch = [
        branch.change("participants", p, "insert", person(branch), 1),
        branch.change("participants", p, "update", {"nik": "123"}, 2),  # refused
        branch.change("heirs", child, "insert", heir(p), 3),  # needs p, made in this batch
        branch.change("participants", q, "insert", nowhere, 4),
        branch.change("heirs", orphan, "insert", heir(q), 5),  # q was refused
        branch.change("participants", p, "update", {"phone": "0811-1"}, 6),
    ]
    answers = branch.push(batch)
    assert [status for status, _ in answers] == [
        "accepted", "rejected", "accepted", "rejected", "rejected", "accepted",
    ]  # fmt: skip
    assert "NIK 123 tidak sah" in answers[1][1]
    assert "tidak dikenal" in answers[3][1] and "tidak dikenal" in answers[4][1]
    stored = branch.data("participants", p)
    assert stored is not None
    assert stored["nik"] == "8103011508950001" and stored["phone"] == "0811-1"
    assert branch.data("heirs", child) is not None
    assert branch.data("participants", q) is None and branch.data("heirs", orphan) is None
    assert branch.logged() == [1000, 1002, 1005]  # accepted ones only, in order
    assert set(branch.versions("participants", p)) == {"*", "phone"}
    assert branch.versions("participants", p)["phone"].startswith(f"{CLOCK + 6:013d}-0000@")


def test_one_row_changed_several_times_in_one_batch(branch: Branch) -> None:
    p = uuid7()
    assert branch.push([branch.change("participants", p, "insert", person(branch), 1)]) == [
        ("accepted", "")
    ]
    batch = [
        branch.change("participants", p, "update", {"phone": "A"}, 10),
        branch.change("participants", p, "update", {"phone": "B"}, 30),
        branch.change("participants", p, "update", {"phone": "C"}, 20),  # older than B
        branch.change("participants", p, "update", {"address": "RT 9"}, 40),
    ]
    results = branch.server.push_changes(branch.staff, batch)
    assert [r.status for r in results] == ["accepted"] * 4
    assert [r.newer for r in results[:2]] == [{}, {}]
    assert results[2].newer["phone"].value == "B"  # the laptop takes the newer write back
    assert results[2].newer["phone"].version.startswith(f"{CLOCK + 30:013d}")
    stored = branch.data("participants", p)
    assert stored is not None and (stored["phone"], stored["address"]) == ("B", "RT 9")
    versions = branch.versions("participants", p)
    assert versions["phone"].startswith(f"{CLOCK + 30:013d}")
    assert versions["address"].startswith(f"{CLOCK + 40:013d}")
    assert branch.logged() == [1000, 1001, 1002, 1003, 1004]


def test_the_same_nik_twice_in_one_batch_goes_to_review(branch: Branch) -> None:
    first, second = uuid7(), uuid7()
    branch.push([
        branch.change("participants", first, "insert", person(branch), 1),
        branch.change("participants", second, "insert", person(branch, village="Lorulun"), 2),
        branch.change("participants", second, "update", {"phone": "0812"}, 3),  # no 2nd review
    ])  # fmt: skip
    with branch.store.engine.connect() as conn:
        reviews = conn.execute(
            select(duplicate_reviews.c.first_row_id, duplicate_reviews.c.second_row_id)
        ).all()
    assert [tuple(r) for r in reviews] == [(first, second)]


def test_an_agents_own_visit_in_the_same_batch_grants_no_scope(branch: Branch) -> None:
    """An agent may plan its own visit anywhere, but only staff grant it a village: the
    people of Lorulun stay out of its reach before and after the visit (issue 13)."""
    agent = branch.session("agen.ambon", uuid7())  # another laptop
    ambon = branch.office.user("agen.ambon").stamp.id
    lorulun = branch.villages["Lorulun"]
    day = dt.date(2026, 11, 23)
    visit = data_columns(VisitPlan(SyncStamp.new(), lorulun, ambon, day, Segment.NELAYAN, "X", 5))
    before, plan, after = uuid7(), uuid7(), uuid7()
    answers = branch.push([
        branch.change("participants", before, "insert", person(branch, village="Lorulun"), 1,
                      agent, seq=1),
        branch.change("visit_plans", plan, "insert", visit, 2, agent, seq=2),
        branch.change("participants", after, "insert",
                      person(branch, village="Lorulun", nik="8103011508950003"), 3, agent, seq=3),
    ], agent)  # fmt: skip
    assert [status for status, _ in answers] == ["rejected", "accepted", "rejected"]
    assert all("tidak ditugaskan" in answers[i][1] for i in (0, 2))


def test_a_seq_taken_twice_falls_back_to_one_change_at_a_time(branch: Branch) -> None:
    """(device, seq) is unique: the batch's write fails as a whole, and each change is tried
    again alone (as when another server process took the same seqs meanwhile)."""
    p, q = uuid7(), uuid7()
    batch = [
        branch.change("participants", p, "insert", person(branch), 1, seq=1000),
        branch.change("participants", q, "insert", person(branch, nik="8103011508950002"), 2,
                      seq=1000),
    ]  # fmt: skip
    # the second is another change under the seq the first took: not "already had" (the
    # laptop would count it as sent and lose it) but seq_reused (issue 13)
    assert [status for status, _ in branch.push(batch)] == ["accepted", "seq_reused"]
    assert branch.data("participants", p) is not None
    assert branch.data("participants", q) is None
    assert branch.push(batch[:1]) == [("already_had", "")]

"""Faults: the link drops before a request reaches the server or after the server applied it
(the reply lost), over and over, in random places; devices edit the same participants in
random order and sync in random order. Afterwards everyone syncs once more over a good link,
and every database holds the same rows, and every edit the server acknowledged is there.

The server runs in-process here (its ASGI app behind httpx's transport) so hypothesis can try
many histories quickly; test_sync.py covers the same protocol against a real server process.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_app.domain.synced_tables import SYNCED_FIELDS
from outreach_app.server.app import create_app
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.services.sync import SyncService
from outreach_app.sync.client import SyncClient, SyncUnavailable
from outreach_app.sync.tls import ServerTrust
from tests.factories import make_participant
from tests.integration.sync_world import PASSWORDS, laptop, seed_branch


class AppTransport(httpx.BaseTransport):
    """The server's ASGI app behind a synchronous httpx transport, in this process."""

    def __init__(self, app: object) -> None:
        self._app = app

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self._app)  # type: ignore[arg-type]
            async with httpx.AsyncClient(transport=transport) as client:
                copy = httpx.Request(request.method, request.url, headers=request.headers,
                                     content=request.read())  # fmt: skip
                answer = await client.send(copy)
                body = await answer.aread()  # decoded: drop the encoding header with it
                headers = [(k, v) for k, v in answer.headers.items()
                           if k.lower() not in ("content-encoding", "content-length")]  # fmt: skip
                return httpx.Response(answer.status_code, headers=headers, content=body)

        return asyncio.run(send())


FIELDS = ("phone", "occupation", "address", "work_location")


@dataclass
class FlakyLink(httpx.BaseTransport):
    """Drops the link before the request reaches the server, or after the server handled it
    (the reply is lost), as told; then works again."""

    inner: httpx.BaseTransport
    rng: random.Random
    drop_rate: float = 0.0
    drops: list[str] = field(default_factory=list)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.rng.random() < self.drop_rate:
            self.drops.append("before")
            raise httpx.ConnectError("signal lost before sending")
        response = self.inner.handle_request(request)
        if self.rng.random() < self.drop_rate:
            response.read()
            self.drops.append("after")
            raise httpx.ReadError("signal lost before the reply")
        return response


def world(folder: Path, seed: int):
    store = ServerStore(open_engine(f"sqlite:///{folder / 'server.db'}"))
    store.migrate()
    server = SyncServer(store)
    for name, role in (("staf.maluku", "staff"), ("agen.saumlaki", "agent"),
                       ("agen.ambon", "agent")):  # fmt: skip
        server.add_user(name, PASSWORDS[name], role, "MAL")
    inner = AppTransport(create_app(server))
    link = FlakyLink(inner, random.Random(seed))

    def client(url: str, token: str | None, trust: ServerTrust) -> SyncClient:
        return SyncClient(url, token, transport=link, sleep=lambda _s: None, trust=trust)

    machines = [laptop(folder, name) for name in ("kantor", "laptop-sml", "laptop-sml-2")]
    villages = seed_branch(machines[0])
    for machine, user in zip(machines, ("staf.maluku", "agen.saumlaki", "agen.saumlaki"),
                             strict=True):  # fmt: skip
        machine.sync = SyncService(machine.store, client)
        machine.sync.sign_in("http://localhost", user, PASSWORDS[user])
    link.server_store = store  # type: ignore[attr-defined]  # for the tests' final checks
    return machines, villages, link


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 2**31),
    steps=st.lists(
        st.tuples(
            st.integers(0, 2),
            st.sampled_from(["edit", "edit", "enrol", "sync"]),
            st.sampled_from(FIELDS),
            st.integers(0, 99),
        ),
        min_size=5,
        max_size=25,
    ),
    drop_rate=st.sampled_from([0.0, 0.3, 0.6]),
)
def test_random_histories_with_dropped_links_converge(seed, steps, drop_rate) -> None:
    with tempfile.TemporaryDirectory() as folder:
        machines, villages, link = world(Path(folder), seed)
        try:
            staff = machines[0]
            staff.sync.sync()
            for machine in machines[1:]:
                machine.sync.sync()  # the agents receive the branch
            link.drop_rate = drop_rate
            serial = 1
            for who, action, name, value in steps:
                machine = machines[who]
                people = [p.stamp.id for p in machine.store.participants.all()]
                if action == "enrol" or not people:
                    serial += 1
                    agent_id = machine.user("agen.saumlaki").stamp.id
                    nik = f"81030115089{serial:05d}"
                    person = make_participant(villages["Wowonda"], nik=nik, agent_id=agent_id)
                    machine.store.participants.add(person)
                elif action == "edit":
                    target = people[value % len(people)]
                    machine.store.participants.update(target, **{name: f"{machine.name}-{value}"})
                else:
                    with contextlib.suppress(SyncUnavailable):  # no signal this time
                        machine.sync.sync()
            link.drop_rate = 0.0
            for _round in range(2):
                for machine in machines:
                    machine.sync.sync()
            expected = machines[0].rows("participants")
            for machine in machines[1:]:
                assert machine.rows("participants") == expected
            for machine in machines:
                assert machine.store.pending_changes() == 0  # every edit sent and acknowledged
                assert machine.sync.state.held() == []
            # the server's merged rows are the laptops' rows too
            with link.server_store.engine.connect() as conn:  # type: ignore[attr-defined]
                names = sorted(SYNCED_FIELDS["participants"])
                for person in staff.store.participants.all():
                    record = link.server_store.record(conn, "participants", person.stamp.id)  # type: ignore[attr-defined]
                    assert record is not None
                    local = staff.store.db.execute(
                        f"SELECT {', '.join(names)} FROM participants WHERE id = ?",
                        [person.stamp.id],
                    ).fetchone()
                    server_values = tuple(record.data.get(n) for n in names)
                    assert _same(server_values, local), person.stamp.id
            # every acknowledged edit is there: each field holds its newest write
            for machine in machines:
                for table, row_id, field_name, stamp in machine.store.db.execute(
                    "SELECT table_name, row_id, field, version FROM field_versions "
                    "WHERE table_name = 'participants' AND field != '*'"
                ).fetchall():
                    assert (
                        stamp
                        <= staff.store.db.execute(
                            "SELECT version FROM field_versions "
                            "WHERE table_name = ? AND row_id = ? AND field = ?",
                            [table, row_id, field_name],
                        ).fetchone()[0]
                    )
        finally:
            for machine in machines:
                machine.store.close()


def test_a_lost_reply_is_answered_already_had_and_nothing_doubles(tmp_path: Path) -> None:
    machines, villages, link = world(tmp_path, seed=3)
    staff, agent, _ = machines
    staff.sync.sync()
    agent.sync.sync()
    for serial in range(3):
        agent.store.participants.add(make_participant(
            villages["Lorulun"], nik=f"8103011508950{serial + 11:03d}",
            agent_id=agent.user("agen.saumlaki").stamp.id))  # fmt: skip

    class DropFirstReply(httpx.BaseTransport):
        dropped = False

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = link.inner.handle_request(request)
            if request.url.path == "/v1/push" and not self.dropped:
                self.dropped = True
                response.read()
                raise httpx.ReadError("reply lost")
            return response

    once = DropFirstReply()
    agent.sync = SyncService(agent.store, lambda url, token, trust: SyncClient(
        url, token, transport=once, sleep=lambda _s: None, trust=trust))  # fmt: skip
    report = agent.sync.sync()
    assert once.dropped and report.already_had == 3 and report.pushed == 0
    staff.sync.sync()
    assert len(staff.rows("participants")) == 3


@pytest.mark.parametrize("stage", ["push", "pull"])
def test_a_link_that_never_comes_back_loses_nothing(tmp_path: Path, stage: str) -> None:
    machines, villages, link = world(tmp_path, seed=5)
    staff, agent, _ = machines
    staff.sync.sync()
    agent.sync.sync()
    agent.store.participants.add(make_participant(
        villages["Wowonda"], agent_id=agent.user("agen.saumlaki").stamp.id))  # fmt: skip
    if stage == "pull":
        agent.sync.sync()  # sent; now the office changes something for the agent to pull
        staff.sync.sync()
        staff.store.villages.update(villages["Wowonda"], target_participants=999)
        staff.sync.sync()
    waiting, cursor = agent.store.pending_changes(), agent.sync.state.cursor()
    link.drop_rate = 1.0
    with pytest.raises(SyncUnavailable, match="aman di laptop"):
        agent.sync.sync()
    assert agent.store.pending_changes() == waiting  # nothing marked sent
    assert agent.sync.state.cursor() == cursor  # nothing marked received
    link.drop_rate = 0.0
    agent.sync.sync()
    assert agent.store.pending_changes() == 0
    if stage == "pull":
        assert agent.store.villages.get(villages["Wowonda"]).target_participants == 999


def _same(server: tuple, local: tuple) -> bool:
    """The server keeps JSON values as sent (booleans as 0/1, absent fields as None)."""
    return all(
        (a == b) or (a is None and b in ("", 0)) or (b is None and a in ("", 0))
        for a, b in zip(server, local, strict=True)
    )


def test_the_server_keeps_the_newest_write_whatever_order_it_arrives(tmp_path: Path) -> None:
    machines, villages, link = world(tmp_path, seed=7)
    _staff, first, second = machines
    for machine in machines:
        machine.sync.sync()
    person = make_participant(villages["Wowonda"], agent_id=first.user("agen.saumlaki").stamp.id)
    first.store.participants.add(person)
    first.sync.sync()
    second.sync.sync()
    first.store.participants.update(person.stamp.id, phone="0811-older")
    second.store.participants.update(person.stamp.id, phone="0812-newer")  # later on the clock
    second.sync.sync()  # the newer write reaches the server first
    first.sync.sync()  # the older one arrives after it: the server must keep the newer
    store = link.server_store  # type: ignore[attr-defined]
    with store.engine.connect() as conn:
        assert store.record(conn, "participants", person.stamp.id).data["phone"] == "0812-newer"
    for machine in machines:
        machine.sync.sync()
        assert machine.store.participants.get(person.stamp.id).phone == "0812-newer"

"""The worst moments of a sync, through real processes and real sockets: the server process
SIGKILLed after it applied a batch but before its reply left, or while a batch was still
arriving, and a pull reply cut in the middle. A small proxy between the laptop and the
`outreach serve` process reads just enough HTTP to pick the moment; nothing in the app knows.

Afterwards the server is started again on the same database and port and the laptop syncs
again: every change of its outbox is on the server exactly once, the re-sent batch is answered
"already had", and another laptop that pulls ends with the same records.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest

from outreach_app.services.sync import SyncService
from outreach_app.sync.client import SyncClient, SyncUnavailable
from outreach_app.sync.protocol import MAX_PUSH_BATCH, PULL_PAGE
from outreach_app.sync.tls import ServerTrust
from tests.integration.slow_link import Connection, Relay
from tests.integration.sync_world import (
    PASSWORDS,
    Laptop,
    ServerProcess,
    everything,
    field_work,
    laptop,
    outbox_changes,
    seed_branch,
    server_changes,
    store_url,
)

Moment = Literal["request_half", "applying", "reply_start", "reply_half"]


@dataclass
class Fault:
    """What happens to the `nth` request to `path` (counted from arming), and when:
    - request_half: half its body reaches the server, then `action`, then the link is cut;
    - applying: all of it reaches the server, `delay` seconds later `action` and the cut (the
      reply, if the server managed one, never reaches the laptop);
    - reply_start: the first bytes of the reply arrive (the server has committed), `action`,
      and the cut, nothing of the reply forwarded;
    - reply_half: the reply's head and half its body are forwarded, `action`, the cut."""

    path: str
    nth: int
    moment: Moment
    action: Callable[[], None] = lambda: None
    delay: float = 0.0
    done: threading.Event = field(default_factory=threading.Event)  # acted and cut


class FaultProxy(Relay):
    """A relay that understands HTTP/1.1 requests with a Content-Length (all the laptop
    sends) and replies with one (all the server sends), one request at a time per connection,
    as httpx talks: enough to find the moment of a `Fault`."""

    def __init__(self, upstream_port: int) -> None:
        self.fault: Fault | None = None
        self._seen: Counter[str] = Counter()
        self._lock = threading.Lock()
        super().__init__(upstream_port)

    def arm(self, fault: Fault) -> Fault:
        with self._lock:
            self._seen.clear()
            self.fault = fault
        return fault

    def relay(self, conn: Connection) -> None:
        current: list[Fault | None] = [None]  # the fault of the request in flight, if any
        replies = threading.Thread(target=self._replies, args=(conn, current), daemon=True)
        replies.start()
        self._requests(conn, current)

    def _matching(self, path: str) -> Fault | None:
        with self._lock:
            self._seen[path] += 1
            fault = self.fault
            if fault is not None and fault.path == path and self._seen[path] == fault.nth:
                self.fault = None  # once
                return fault
        return None

    def _fire(self, conn: Connection, fault: Fault) -> None:
        fault.action()
        conn.close()
        fault.done.set()

    def _requests(self, conn: Connection, current: list[Fault | None]) -> None:
        buffer = b""
        try:
            while True:
                head, buffer = _until(conn.laptop, buffer, b"\r\n\r\n")
                if head is None:
                    conn.end_direction(conn.server)
                    return
                body, buffer = _exactly(conn.laptop, buffer, _content_length(head))
                fault = self._matching(head.split(b" ")[1].split(b"?")[0].decode())
                current[0] = fault
                if fault is not None and fault.moment == "request_half":
                    conn.server.sendall(head + body[: len(body) // 2])
                    time.sleep(0.3)  # the server has read the half and waits for the rest
                    self._fire(conn, fault)
                    return
                conn.server.sendall(head + body)
                if fault is not None and fault.moment == "applying":
                    time.sleep(fault.delay)
                    self._fire(conn, fault)
                    return
        except OSError:
            conn.close()

    def _replies(self, conn: Connection, current: list[Fault | None]) -> None:
        buffer = b""
        while True:
            try:
                data = conn.server.recv(65536)
            except OSError:
                conn.close()
                return
            if not data:
                conn.end_direction(conn.laptop)
                return
            fault = current[0]
            if fault is None:
                try:
                    conn.laptop.sendall(data)
                except OSError:
                    conn.close()
                    return
                continue
            if fault.moment == "reply_start":
                self._fire(conn, fault)
                return
            if fault.moment != "reply_half":
                continue  # "applying": held back until the request side fires
            buffer += data
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                continue
            cut = end + 4 + _content_length(buffer[: end + 4]) // 2
            if len(buffer) >= cut:
                conn.laptop.sendall(buffer[:cut])
                time.sleep(0.1)  # the laptop has the head and part of the body
                self._fire(conn, fault)
                return


def _until(sock: socket.socket, buffer: bytes, mark: bytes) -> tuple[bytes | None, bytes]:
    while mark not in buffer:
        data = sock.recv(65536)
        if not data:
            return None, buffer
        buffer += data
    end = buffer.index(mark) + len(mark)
    return buffer[:end], buffer[end:]


def _exactly(sock: socket.socket, buffer: bytes, size: int) -> tuple[bytes, bytes]:
    while len(buffer) < size:
        data = sock.recv(65536)
        if not data:
            raise OSError("the laptop went away in the middle of a request")
        buffer += data
    return buffer[:size], buffer[size:]


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


# --- the branch ---------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path):
    running = ServerProcess(tmp_path, store_url(request.param, tmp_path))
    running.add_users_here(("staf.maluku", "staff"), ("agen.saumlaki", "agent"))
    running.start()
    yield running
    running.stop()


def impatient(url: str, token: str | None, trust: ServerTrust) -> SyncClient:
    """The laptop's real client, its retries without the waits between them."""
    return SyncClient(url, token, timeout=15, sleep=lambda _s: None, trust=trust)


@pytest.fixture
def branch(tmp_path: Path, server: ServerProcess):
    """(office laptop, agent laptop, the proxy, village ids): the office talks to the server
    directly, the agent through the proxy; both have synced once."""
    office, agent = laptop(tmp_path, "kantor"), laptop(tmp_path, "laptop-sml")
    villages = seed_branch(office)
    proxy = FaultProxy(server.port)
    for machine, username, url in ((office, "staf.maluku", server.url),
                                   (agent, "agen.saumlaki", proxy.url)):  # fmt: skip
        machine.sync = SyncService(machine.store, impatient)
        machine.sync.sign_in(url, username, PASSWORDS[username])
        machine.sync.sync()
    yield office, agent, proxy, villages
    proxy.close()
    for machine in (office, agent):
        machine.store.close()


def assert_exactly_once(server: ServerProcess, machine: Laptop) -> None:
    """Every change the laptop made is on the server once, as made; nothing else from it."""
    assert machine.store.pending_changes() == 0
    assert server_changes(server, machine.store.device.id) == outbox_changes(machine)


def assert_pulled_alike(server: ServerProcess, machine: Laptop, tmp_path: Path) -> None:
    """A second laptop of the same agent, new, pulls everything: it ends with the same rows."""
    other = laptop(tmp_path, "laptop-sml-2")
    other.sync = SyncService(other.store, impatient)
    other.sync.sign_in(server.url, "agen.saumlaki", PASSWORDS["agen.saumlaki"])
    other.sync.sync()
    try:
        assert everything(other) == everything(machine)
    finally:
        other.store.close()


def accept_order(server: ServerProcess, row_ids: list[str]) -> dict[str, int]:
    """The number (server_seq) the server gave each of these rows' changes: the order a
    laptop pulls them in, and what its cursor counts."""
    from sqlalchemy import create_engine, select

    from outreach_app.server.store.tables import changes

    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(changes.c.row_id, changes.c.server_seq).where(changes.c.row_id.in_(row_ids))
            ).all()
    finally:
        engine.dispose()
    return {row: int(number) for row, number in rows}


# --- the tests ----------------------------------------------------------------------------


def test_server_killed_after_applying_a_batch_before_replying(
    branch, server: ServerProcess, schedule, tmp_path: Path
) -> None:
    _office, agent, proxy, villages = branch
    field_work(agent, villages["Wowonda"], "agen.saumlaki", schedule, people=300, paid=60)
    total = agent.store.pending_changes()
    assert total > 2 * MAX_PUSH_BATCH  # three batches: the second one's reply is lost
    fault = proxy.arm(Fault("/v1/push", nth=2, moment="reply_start", action=server.kill))

    with pytest.raises(SyncUnavailable, match="aman di laptop"):
        agent.sync.sync()  # its retries find no server
    assert fault.done.wait(10) and server.process is None
    assert agent.store.pending_changes() == total - MAX_PUSH_BATCH  # only the first answered
    # ... yet the server committed the second batch before it died
    assert len(server_changes(server, agent.store.device.id)) == 2 * MAX_PUSH_BATCH

    server.start()  # same database, same port
    report = agent.sync.sync()
    assert report.already_had == MAX_PUSH_BATCH  # the lost reply's batch, sent again
    assert report.pushed == total - 2 * MAX_PUSH_BATCH and report.rejected == 0
    assert_exactly_once(server, agent)
    assert_pulled_alike(server, agent, tmp_path)


def test_server_killed_while_a_batch_arrives_or_is_applied(
    branch, server: ServerProcess, schedule
) -> None:
    """First killed with half the batch's body received (nothing can be committed); then,
    after a restart, killed at a random moment after the whole batch arrived: before or
    after its commit, the batch is all there or not at all, and the next sync settles it."""
    _office, agent, proxy, villages = branch
    field_work(agent, villages["Wowonda"], "agen.saumlaki", schedule, people=150, paid=30)
    total = agent.store.pending_changes()
    fault = proxy.arm(Fault("/v1/push", nth=1, moment="request_half", action=server.kill))
    with pytest.raises(SyncUnavailable):
        agent.sync.sync()
    assert fault.done.wait(10) and server.process is None
    assert agent.store.pending_changes() == total
    server.start()
    assert server_changes(server, agent.store.device.id) == []  # not a change of it applied

    delay = random.Random(20261121).uniform(0.0, 0.25)
    fault = proxy.arm(Fault("/v1/push", nth=1, moment="applying", action=server.kill, delay=delay))
    with pytest.raises(SyncUnavailable):
        agent.sync.sync()
    assert fault.done.wait(10) and agent.store.pending_changes() == total
    applied = len(server_changes(server, agent.store.device.id))
    assert applied in (0, MAX_PUSH_BATCH)  # one transaction: all of the batch or none

    server.start()
    report = agent.sync.sync()
    assert report.already_had == applied and report.pushed == total - applied
    assert report.rejected == 0
    assert_exactly_once(server, agent)


def test_a_pull_reply_cut_in_the_middle_keeps_the_cursor_at_what_was_applied(
    branch, server: ServerProcess, schedule
) -> None:
    office, agent, proxy, villages = branch
    # The office enrols a village's worth of people in the agent's village: two pages to pull
    count = PULL_PAGE + 100
    people = field_work(office, villages["Wowonda"], "staf.maluku", schedule, count, paid=0)
    office.sync.sync()
    start = agent.sync.state.cursor()

    # The second page's reply is cut halfway, and the signal stays gone for the retries
    fault = proxy.arm(Fault("/v1/pull", nth=2, moment="reply_half",
                            action=lambda: setattr(proxy, "down", True)))  # fmt: skip
    with pytest.raises(SyncUnavailable):
        agent.sync.sync()
    assert fault.done.wait(10)
    cursor = agent.sync.state.cursor()
    numbered = accept_order(server, people)
    have = set(agent.rows("participants"))
    # the first page is applied and the cursor stands right after it: nothing of the second
    # page (half received) applied, nothing below the cursor missing
    assert have == {row for row, number in numbered.items() if number <= cursor}
    assert len(have) == PULL_PAGE and cursor > start

    proxy.down = False
    report = agent.sync.sync()
    assert report.pulled == len(people) - PULL_PAGE and report.held == 0
    assert set(agent.rows("participants")) == set(people)
    assert agent.rows("participants") == office.rows("participants")

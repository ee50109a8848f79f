"""Wrong passwords make the next sign-in wait, per account name and per client address, in
the server's database (every server process counts the same attempts): 30 wrong passwords
and then the right one no longer sign in; the wait grows, is capped, ends, and a success
clears it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from outreach_app.server.app import create_app
from outreach_app.server.sync_server import SyncServer
from outreach_app.sync.client import SyncClient, SyncDenied
from outreach_app.sync.protocol import SignInRequest
from tests.integration.auth_world import URL, Link, World, auth_world
from tests.integration.sync_world import PASSWORDS


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    built = auth_world(request.param, tmp_path)
    yield built
    built.close()


def laptop_of(username: str) -> str:
    """A device id of the form laptops make (a UUID), the same for a user every time."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"laptop-{username}"))


def wrong(world: World, username: str, address: str | None = None) -> httpx.Response:
    return world.sign_in(username, laptop_of(username), "bukan-sandinya", address)


def right(world: World, username: str, address: str | None = None) -> httpx.Response:
    return world.sign_in(username, laptop_of(username), PASSWORDS[username], address)


def test_thirty_wrong_passwords_then_the_right_one_is_refused(world: World) -> None:
    statuses = [wrong(world, "agen.ambon").status_code for _ in range(30)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    refused = right(world, "agen.ambon")
    assert refused.status_code == 429
    assert "coba lagi" in refused.json()["detail"]
    assert 0 < int(refused.headers["Retry-After"]) <= 30

    world.clock.advance(seconds=31)  # the wait is over: the right password signs in
    assert right(world, "agen.ambon").status_code == 200
    assert wrong(world, "agen.ambon").status_code == 401  # and the count started again


def test_the_wait_grows_is_capped_and_never_locks_out_for_good(world: World) -> None:
    waits = []
    for _ in range(12):
        answer = wrong(world, "agen.saumlaki")
        assert answer.status_code == 401
        wait = int(answer.headers.get("Retry-After", "0"))
        waits.append(wait)
        if wait:  # during the wait even the right password is refused, and not counted
            assert right(world, "agen.saumlaki").status_code == 429
        world.clock.advance(seconds=wait)
    assert waits[:4] == [0, 0, 0, 0]
    assert waits[4:9] == [30, 60, 120, 240, 480]
    assert max(waits) == 900  # 15 minutes at most
    assert right(world, "agen.saumlaki").status_code == 200

    for _ in range(5):  # an hour after the last wrong password, the count is forgotten
        wrong(world, "agen.ambon")
    world.clock.advance(hours=1, seconds=1)
    assert wrong(world, "agen.ambon").status_code == 401
    assert "Retry-After" not in wrong(world, "agen.ambon").headers


def test_guessing_many_accounts_from_one_address_is_throttled(world: World) -> None:
    """A password sprayed over many names (two tries each, never five on one) is stopped
    by its address; another address, an office's agents, is not."""
    names = [f"agen.tebakan{n}" for n in range(10)]
    statuses = [wrong(world, name, "203.0.113.9").status_code for name in names for _ in "ab"]
    assert set(statuses) == {401}
    answer = right(world, "agen.ambon", "203.0.113.9")
    assert answer.status_code == 429 and answer.headers["Retry-After"]
    assert right(world, "agen.ambon", "10.20.0.7").status_code == 200


def test_every_server_process_sees_the_same_count(world: World) -> None:
    """Two apps on one store, as two processes behind a load balancer: failures counted by
    one make the other wait."""
    second = create_app(SyncServer(world.store, clock=world.clock))
    for _ in range(5):
        assert wrong(world, "staf.maluku").status_code == 401
    with world.http(app=second) as client:
        answer = client.post("/v1/sign-in", json={
            "username": "staf.maluku", "password": PASSWORDS["staf.maluku"],
            "device_id": "0190a000-0000-7000-8000-000000000001", "device_name": "kantor",
        })  # fmt: skip
    assert answer.status_code == 429


def test_an_unknown_name_waits_like_a_real_one(world: World) -> None:
    """Whether a name exists cannot be read from when the waits start."""
    known = [wrong(world, "agen.ambon").status_code for _ in range(6)]
    unknown = [wrong(world, "agen.tidakada").status_code for _ in range(6)]
    assert known == unknown == [401] * 5 + [429]


def test_the_laptop_says_how_long_to_wait_at_once(world: World) -> None:
    """The laptop's client does not retry a sign-in the server asks to wait minutes for;
    it shows the server's reason."""
    for _ in range(5):
        wrong(world, "agen.ambon")
    request = SignInRequest(username="agen.ambon", password=PASSWORDS["agen.ambon"],
                            device_id=world.ambon.store.device.id, device_name="amb")  # fmt: skip
    slept: list[float] = []
    link = Link(world.link.app)
    with (
        SyncClient(URL, None, transport=link, sleep=slept.append) as client,
        pytest.raises(SyncDenied) as denied,
    ):
        client.sign_in(request)
    assert denied.value.status == 429 and "coba lagi" in str(denied.value)
    assert slept == []

"""A branch for the sign-in and device tests: the server's real ASGI app on either store, in
this process behind httpx, with a clock the tests move (tokens expire, waits end) and the
client address each request comes from chosen by the test."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from outreach_app.server.app import create_app
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.services.sync import SyncService
from outreach_app.sync.client import SyncClient
from outreach_app.sync.tls import NO_PIN, ServerTrust
from tests.integration.sync_world import PASSWORDS, Laptop, laptop, seed_branch, store_url

URL = "http://localhost"
KUPANG = "kupang-rahasia"  # staf.kupang's password (another branch)


class Clock:
    """The server's clock, moved by the tests."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


class Link(httpx.BaseTransport):
    """The app behind a synchronous httpx transport; requests come from `address`."""

    def __init__(self, app: Any, address: str = "10.20.0.5") -> None:
        self.app = app
        self.address = address

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, client=(self.address, 40123))
            async with httpx.AsyncClient(transport=transport) as client:
                copy = httpx.Request(request.method, request.url, headers=request.headers,
                                     content=request.read())  # fmt: skip
                answer = await client.send(copy)
                body = await answer.aread()
                headers = [(k, v) for k, v in answer.headers.items()
                           if k.lower() not in ("content-encoding", "content-length")]  # fmt: skip
                return httpx.Response(answer.status_code, headers=headers, content=body)

        return asyncio.run(send())


@dataclass
class World:
    store: ServerStore
    server: SyncServer
    clock: Clock
    link: Link
    staff: Laptop
    saumlaki: Laptop
    ambon: Laptop
    villages: dict[str, str]
    database_url: str

    def http(self, address: str | None = None, app: Any = None) -> httpx.Client:
        """A bare HTTP client (an attacker's, or a script's) from `address`."""
        link = Link(app or self.link.app, address or self.link.address)
        return httpx.Client(transport=link, base_url=URL)

    def sign_in(
        self,
        username: str,
        device_id: str,
        password: str | None = None,
        address: str | None = None,
    ) -> httpx.Response:
        with self.http(address) as client:
            return client.post("/v1/sign-in", json={
                "username": username, "password": password or PASSWORDS.get(username, KUPANG),
                "device_id": device_id, "device_name": "laptop lain",
            })  # fmt: skip

    def token_of(self, machine: Laptop) -> str:
        return str(machine.store.local_setting("sync_token"))

    def close(self) -> None:
        for machine in (self.staff, self.saumlaki, self.ambon):
            machine.store.close()
        self.store.engine.dispose()


def auth_world(kind: str, folder: Path) -> World:
    """Branch MAL (staf.maluku, agen.saumlaki, agen.ambon, each with a synced laptop) and
    branch KUP (staf.kupang, no laptop yet) on one server."""
    url = store_url(kind, folder) or f"sqlite:///{folder / 'server.db'}"
    store = ServerStore(open_engine(url))
    store.migrate()
    clock = Clock()
    server = SyncServer(store, clock=clock)
    for name, role in (("staf.maluku", "staff"), ("agen.saumlaki", "agent"),
                       ("agen.ambon", "agent")):  # fmt: skip
        server.add_user(name, PASSWORDS[name], role, "MAL")
    server.add_user("staf.kupang", KUPANG, "staff", "KUP")
    link = Link(create_app(server))

    def client(url: str, token: str | None, trust: ServerTrust = NO_PIN) -> SyncClient:
        return SyncClient(url, token, transport=link, sleep=lambda _s: None, trust=trust)

    machines = [laptop(folder, name) for name in ("kantor", "laptop-sml", "laptop-amb")]
    villages = seed_branch(machines[0])
    for machine, user in zip(machines, ("staf.maluku", "agen.saumlaki", "agen.ambon"),
                             strict=True):  # fmt: skip
        machine.sync = SyncService(machine.store, client, clock=clock)
        machine.sync.sign_in(URL, user, PASSWORDS[user])
        machine.sync.sync()
        machine.setup.set_current_user(user)
    return World(store, server, clock, link, *machines, villages, url)

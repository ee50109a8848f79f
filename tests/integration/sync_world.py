"""A branch in miniature for sync tests: a real server process on 127.0.0.1, a staff laptop
that holds the branch's reference data, and agent laptops that start empty."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx

from outreach_app.domain.models import (
    Branch,
    Heir,
    Payer,
    PayerType,
    Role,
    Segment,
    SyncStamp,
    User,
    Village,
    VisitPlan,
)
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.payments import PaymentService
from outreach_app.services.setup import SetupService
from outreach_app.services.sync import SyncService
from outreach_app.storage.store import Store
from tests.factories import make_participant

TODAY = dt.date(2026, 11, 21)
PASSWORDS = {
    "staf.maluku": "kantor-ambon-1",
    "agen.saumlaki": "tanimbar-2026",
    "agen.ambon": "ambon-manise",
}
SYNCED = ("branches", "users", "villages", "payers", "participants", "heirs", "visit_plans",
          "payments", "cash_deposits")  # fmt: skip


def outreach(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_app", *args],
        input=stdin, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip


POSTGRES_ENV = "OUTREACH_TEST_POSTGRES"  # e.g. postgresql+psycopg://outreach:...@127.0.0.1/db


def store_url(kind: str, folder: Path) -> str | None:
    """None for SQLite (a file in `folder`); for PostgreSQL the test database, emptied first.
    .ci/run starts PostgreSQL and sets the variable; elsewhere the PostgreSQL runs skip."""
    if kind == "sqlite":
        return None
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        import pytest

        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set: .ci/run should have started PostgreSQL")
        pytest.skip(f"no PostgreSQL for the tests ({POSTGRES_ENV} not set)")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """`outreach serve` in its own process, as a branch would run it."""

    def __init__(self, folder: Path, database_url: str | None = None) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.where = (
            ["--database-url", database_url]
            if database_url
            else ["--db", str(folder / "server.db")]
        )
        self.process: subprocess.Popen[bytes] | None = None
        self._log: Any = None

    def add_user(self, username: str, role: str, branch: str = "MAL") -> None:
        result = outreach(
            "server",
            "add-user",
            username,
            "--role",
            role,
            "--branch",
            branch,
            *self.where,
            stdin=PASSWORDS.get(username, "sandi-rahasia") + "\n",
        )
        assert result.returncode == 0, result.stderr  # fmt: skip

    def start(self) -> None:
        self._log = (self.folder / "server.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "outreach_app", "serve", *self.where, "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=self._log,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/v1/info", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError((self.folder / "server.log").read_text())

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None


@dataclass
class Laptop:
    name: str
    store: Store
    sync: SyncService
    setup: SetupService

    def sign_in(self, server: ServerProcess, username: str) -> None:
        self.sync.sign_in(server.url, username, PASSWORDS[username])

    def user(self, username: str) -> User:
        return self.store.users.by_username(username)

    def rows(self, table: str, ids: set[str] | None = None) -> dict[str, tuple]:
        """Every synced column of the table, by row id (sync bookkeeping columns left out)."""
        cursor = self.store.db.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cursor.description]
        keep = [i for i, n in enumerate(names) if n not in ("updated_hlc", "device_id")]
        found = {row[0]: tuple(row[i] for i in keep) for row in cursor.fetchall()}
        return found if ids is None else {k: v for k, v in found.items() if k in ids}


def laptop(folder: Path, name: str) -> Laptop:
    store = Store(folder / f"{name}.db")
    store.set_device(name, name.replace("-", "")[:10].upper())
    return Laptop(name, store, SyncService(store), SetupService(store, folder / f"{name}.json"))


def seed_branch(staff: Laptop) -> dict[str, str]:
    """The branch as its staff keep it: the office, three users, three villages, a payer,
    and visits that assign two villages to agen.saumlaki and one to agen.ambon."""
    store = staff.store
    branch = Branch(SyncStamp.new(), "MAL", "Kantor Cabang Maluku (Ambon)", "8171")
    store.branches.add(branch)
    users = {
        name: User(SyncStamp.new(), name, full, role, branch.stamp.id)
        for name, full, role in (
            ("staf.maluku", "Maria Latuheru", Role.STAFF),
            ("agen.saumlaki", "Yosina Ratuanak", Role.AGENT),
            ("agen.ambon", "Nus Pattiasina", Role.AGENT),
        )
    }
    store.users.add_many(users.values())
    villages = {
        name: Village(
            SyncStamp.new(),
            code,
            name,
            "Tanimbar Selatan",
            "Kabupaten Kepulauan Tanimbar",
            "Maluku",
            branch.stamp.id,
            400,
            120,
        )
        for name, code in (
            ("Wowonda", "8103012002"),
            ("Lorulun", "8103012005"),
            ("Latta", "8171031003"),
        )
    }
    store.villages.add_many(villages.values())
    store.payers.add(Payer(SyncStamp.new(), PayerType.APBDES, "Dana Desa Wowonda", branch.stamp.id))
    for village, agent in (("Wowonda", "agen.saumlaki"), ("Lorulun", "agen.saumlaki"),
                           ("Latta", "agen.ambon")):  # fmt: skip
        store.visits.add(
            VisitPlan(
                SyncStamp.new(),
                villages[village].stamp.id,
                users[agent].stamp.id,
                TODAY,
                Segment.NELAYAN,
                "Sosialisasi dan pendaftaran",
                10,
            )
        )
    staff.setup.set_current_user("staf.maluku")
    return {name: v.stamp.id for name, v in villages.items()}


def services(laptop: Laptop, schedule: RateSchedule) -> tuple[EnrolmentService, PaymentService]:
    return (
        EnrolmentService(laptop.store, schedule, RegionDirectory(), lambda: TODAY),
        PaymentService(laptop.store, schedule),
    )


def branch_of_three(
    folder: Path, server: ServerProcess
) -> tuple[Laptop, Laptop, Laptop, dict[str, str]]:
    """(staff, agent Saumlaki, agent Ambon, village ids), all signed in and synced once (the
    server needs the three accounts)."""
    staff, saumlaki, ambon = (laptop(folder, n) for n in ("kantor", "laptop-sml", "laptop-amb"))
    villages = seed_branch(staff)
    staff.sign_in(server, "staf.maluku")
    staff.sync.sync()
    for agent, username in ((saumlaki, "agen.saumlaki"), (ambon, "agen.ambon")):
        agent.sign_in(server, username)
        agent.sync.sync()
        agent.setup.set_current_user(username)
    return staff, saumlaki, ambon, villages


def enrolled_twice(
    staff: Laptop, saumlaki: Laptop, ambon: Laptop, villages: dict[str, str], schedule: RateSchedule
) -> tuple[str, str]:
    """Yohanis enrolled twice in Wowonda: by agen.saumlaki (no phone, 3 months paid) and by
    agen.ambon (a phone, an heir, 1 month paid); everyone synced, so the branch has a review.
    Returns (Saumlaki's record id, Ambon's)."""
    enrol, pay = services(saumlaki, schedule)
    first, _ = enrol.register(
        make_participant(villages["Wowonda"], agent_id=None, phone=""),
        saumlaki.user("agen.saumlaki"),
    )
    pay.record(first, 3, saumlaki.user("agen.saumlaki"))
    enrol, pay = services(ambon, schedule)
    second = make_participant(villages["Wowonda"], agent_id=None, phone="081311112222")
    second = replace(
        second, heirs=(Heir(SyncStamp.new(), second.stamp.id, "Maria Ratuanak", "istri"),)
    )
    second_id, _ = enrol.register(second, ambon.user("agen.ambon"))
    pay.record(second_id, 1, ambon.user("agen.ambon"))
    for machine in (saumlaki, ambon, staff, saumlaki):
        machine.sync.sync()
    return first, second_id

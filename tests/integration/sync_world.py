"""A branch in miniature for sync tests: a real server process on 127.0.0.1, a staff laptop
that holds the branch's reference data, and agent laptops that start empty."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
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
    url = worker_database(url)
    empty_postgres(url)
    return url


def worker_database(url: str) -> str:
    """The test database of this pytest-xdist worker (`<name>_gw0`, ...), made on first use,
    so workers running at once never empty each other's database; `url` itself without
    xdist."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        found = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if found.first() is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def empty_postgres(url: str) -> None:
    """Drops everything in the database's public schema (a test or benchmark database)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


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
        self.database_url = database_url or f"sqlite:///{folder / 'server.db'}"
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

    def add_users_here(self, *accounts: tuple[str, str]) -> None:
        """(username, role) accounts of branch MAL, made in this process with the server's
        own code: what `add-user` does, without a process start per account (for tests
        that make many, or that must stay fast)."""
        from outreach_app.server.store.store import ServerStore, open_engine
        from outreach_app.server.sync_server import SyncServer

        store = ServerStore(open_engine(self.database_url))
        try:
            store.migrate()
            server = SyncServer(store)
            for username, role in accounts:
                server.add_user(username, PASSWORDS.get(username, "sandi-rahasia"), role, "MAL")
        finally:
            store.engine.dispose()

    def start(self) -> None:
        self._log = (self.folder / "server.log").open("ab")  # a restart adds to it
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

    def kill(self) -> None:
        """SIGKILL, as a power cut or the OOM killer would: no shutdown, no cleanup."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

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


def field_work(
    machine: Laptop,
    village_id: str,
    username: str,
    schedule: RateSchedule,
    people: int,
    paid: int,
    first: int = 0,
) -> list[str]:
    """A day in the field, offline: `people` plausible villagers (the demo's PeopleFactory:
    varied names, ages, phones, incomes) enrolled in one go, a change each, and `paid` of them
    paying three months (a payment and its audit entry each). NIK serials run from `first`,
    so two laptops given apart ranges never register the same NIK. Returns their ids."""
    from dataclasses import replace

    from outreach_app.domain.nik import build_nik
    from outreach_app.services.demo import PeopleFactory, load_seed

    user = machine.user(username)
    village = machine.store.villages.get(village_id)
    factory = PeopleFactory(load_seed(), random.Random(first), TODAY, schedule)
    owner = user.stamp.id if user.role is Role.AGENT else None
    records = []
    for serial in range(first + 1, first + people + 1):
        person = factory.person(village, owner)
        nik = build_nik(village.code[:6], person.birth_date, person.sex, serial)
        records.append(replace(person, nik=nik, registered_on=TODAY))
    machine.store.participants.add_many(records)
    _enrol, pay = services(machine, schedule)
    for person in records[:paid]:
        pay.record(person.stamp.id, 3, user)
    return [person.stamp.id for person in records]


def outbox_changes(machine: Laptop) -> list[tuple[int, str, str, str, dict[str, Any]]]:
    """The laptop's own changes, (seq, table, row id, op, fields), whether sent or not."""
    rows = machine.store.db.execute(
        "SELECT seq, table_name, row_id, op, fields FROM outbox ORDER BY seq"
    ).fetchall()
    return [(seq, table, row, op, json.loads(fields)) for seq, table, row, op, fields in rows]


def server_changes(
    server: ServerProcess, device_id: str
) -> list[tuple[int, str, str, str, dict[str, Any]]]:
    """What the server logged from one device, in the same shape, read from its database
    (every accepted change is one row there)."""
    from sqlalchemy import create_engine, select

    from outreach_app.server.store.tables import changes

    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(changes.c.seq, changes.c.table_name, changes.c.row_id, changes.c.op,
                       changes.c.fields)
                .where(changes.c.device_id == device_id)
                .order_by(changes.c.seq, changes.c.server_seq)
            ).all()  # fmt: skip
    finally:
        engine.dispose()
    return [(int(seq), table, row, op, json.loads(fields)) for seq, table, row, op, fields in rows]


def everything(machine: Laptop) -> dict[str, dict[str, tuple]]:
    return {table: machine.rows(table) for table in SYNCED}

"""A branch for money tests: the sync server's real ASGI app in this process (SQLite or the
test PostgreSQL), the staff laptop and two agents whose scopes both hold Wowonda (the staff
assigned agen.ambon a visit there too), so both can take the same person's premium offline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from outreach_app.domain.models import Segment, SyncStamp, User, VisitPlan
from outreach_app.domain.rates import RateSchedule
from outreach_app.server.app import create_app
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.services.double_payments import DoublePaymentService
from outreach_app.services.payments import PaymentService
from outreach_app.services.sync import SyncService
from outreach_app.sync.client import SyncClient
from outreach_app.sync.tls import ServerTrust
from tests.factories import make_participant
from tests.integration.sync_world import PASSWORDS, TODAY, Laptop, laptop, seed_branch, store_url
from tests.integration.test_sync_faults import AppTransport

AGENTS = {"laptop-sml": "agen.saumlaki", "laptop-amb": "agen.ambon"}


@dataclass
class MoneyWorld:
    server_store: ServerStore
    staff: Laptop
    agents: list[Laptop]
    villages: dict[str, str]
    schedule: RateSchedule

    @property
    def laptops(self) -> list[Laptop]:
        return [self.staff, *self.agents]

    def user_of(self, machine: Laptop) -> User:
        return machine.user(AGENTS.get(machine.name, "staf.maluku"))

    def payments(self, machine: Laptop) -> PaymentService:
        return PaymentService(machine.store, self.schedule)

    def doubles(self, machine: Laptop) -> DoublePaymentService:
        return DoublePaymentService(machine.store)

    def enrol(self, machine: Laptop, serial: int) -> str:
        """A person of Wowonda registered today by this laptop's agent; returns the id."""
        person = make_participant(
            self.villages["Wowonda"],
            nik=f"8103011508{95 + serial // 10000:02d}{serial % 10000:04d}",
            agent_id=self.user_of(machine).stamp.id,
            registered_on=dt.date.today(),
        )
        machine.store.participants.add(person)
        return person.stamp.id

    def sync_all(self, rounds: int = 2) -> None:
        for _round in range(rounds):
            for machine in self.laptops:
                machine.sync.sync()

    def close(self) -> None:
        for machine in self.laptops:
            machine.store.close()
        self.server_store.engine.dispose()


def money_world(folder: Path, kind: str, schedule: RateSchedule) -> MoneyWorld:
    url = store_url(kind, folder) or f"sqlite:///{folder / 'server.db'}"
    store = ServerStore(open_engine(url))
    store.migrate()
    server = SyncServer(store)
    for name, role in (("staf.maluku", "staff"), ("agen.saumlaki", "agent"),
                       ("agen.ambon", "agent")):  # fmt: skip
        server.add_user(name, PASSWORDS[name], role, "MAL")
    link = AppTransport(create_app(server))

    def client(url: str, token: str | None, trust: ServerTrust) -> SyncClient:
        return SyncClient(url, token, transport=link, sleep=lambda _s: None, trust=trust)

    staff = laptop(folder, "kantor")
    villages = seed_branch(staff)
    ambon = staff.store.users.by_username("agen.ambon")
    staff.store.visits.add(
        VisitPlan(SyncStamp.new(), villages["Wowonda"], ambon.stamp.id, TODAY,
                  Segment.NELAYAN, "Penagihan iuran", 5)
    )  # fmt: skip
    machines = [staff, *(laptop(folder, name) for name in AGENTS)]
    for machine in machines:
        user = AGENTS.get(machine.name, "staf.maluku")
        machine.sync = SyncService(machine.store, client)
        machine.sync.sign_in("http://localhost", user, PASSWORDS[user])
        machine.sync.sync()
        machine.setup.set_current_user(user)
    return MoneyWorld(store, staff, machines[1:], villages, schedule)


def server_rows(world: MoneyWorld, table: str) -> dict[str, dict[str, object]]:
    """The server's rows of a table, by id (what every laptop should hold after syncing)."""
    from sqlalchemy import select

    from outreach_app.server.store.tables import records

    with world.server_store.engine.connect() as conn:
        query = select(records).where(records.c.table_name == table)
        found = {}
        for row in conn.execute(query):
            record = world.server_store.record(conn, table, row.row_id)
            assert record is not None
            found[row.row_id] = record.data
        return found

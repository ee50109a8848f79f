"""Two branches on one sync server, driven change by change, for the scope attacks.

Maluku (MAL): staff, agen.saumlaki (granted Wowonda and Lorulun by staff), agen.ambon
(granted Latta), and Olilit, granted to nobody. Banten (BTN): staff and agen.banten (granted
Cikeusik). Changes go straight to the server's rules (`SyncServer.push_changes`, `pull`) as
a laptop's push and pull would, without HTTP, so hundreds of hostile requests stay fast; the
HTTP layer has tests of its own."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

from outreach_app.domain.ids import uuid7
from outreach_app.domain.models import (
    Branch,
    Payer,
    PayerType,
    Role,
    Segment,
    SyncStamp,
    User,
    Village,
    VisitPlan,
)
from outreach_app.server.store.store import ServerStore, Session
from outreach_app.server.sync_server import SyncServer
from outreach_app.storage.rows import data_columns
from outreach_app.sync.protocol import Change, ChangeResult, SignInRequest
from tests.factories import make_participant

CLOCK = 1_795_254_011_601  # ms
PASSWORD = "sandi-rahasia-1"
ACCOUNTS = {
    "staf.maluku": ("staff", "MAL"),
    "agen.saumlaki": ("agent", "MAL"),
    "agen.ambon": ("agent", "MAL"),
    "staf.banten": ("staff", "BTN"),
    "agen.banten": ("agent", "BTN"),
}
VILLAGES = {  # name: (branch, code, the agent staff granted it)
    "Wowonda": ("MAL", "8103012002", "agen.saumlaki"),
    "Lorulun": ("MAL", "8103012005", "agen.saumlaki"),
    "Latta": ("MAL", "8171031003", "agen.ambon"),
    "Olilit": ("MAL", "8103012001", None),
    "Cikeusik": ("BTN", "3601120001", "agen.banten"),
}
STAFF = {"MAL": "staf.maluku", "BTN": "staf.banten"}


@dataclass
class ScopeWorld:
    server: SyncServer
    store: ServerStore
    sessions: dict[str, Session] = field(default_factory=dict)
    branch_ids: dict[str, str] = field(default_factory=dict)
    user_ids: dict[str, str] = field(default_factory=dict)
    village_ids: dict[str, str] = field(default_factory=dict)
    payer_ids: dict[str, str] = field(default_factory=dict)
    seqs: dict[str, itertools.count[int]] = field(default_factory=dict)
    clock: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    niks: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    # --- making changes ------------------------------------------------------------------

    def change(
        self, who: str, table: str, row_id: str, op: str, fields: dict[str, Any],
        seq: int | None = None, at: int | None = None,
    ) -> Change:  # fmt: skip
        session = self.sessions[who]
        if seq is None:
            seq = next(self.seqs.setdefault(who, itertools.count(1)))
        stamp = CLOCK + (next(self.clock) if at is None else at)
        return Change(device_id=session.device_id, seq=seq, table=table, row_id=row_id,
                      op=op, fields=fields, hlc=f"{stamp:013d}-0000")  # type: ignore[arg-type]  # fmt: skip

    def push(self, who: str, *changes: Change) -> list[ChangeResult]:
        return self.server.push_changes(self.sessions[who], list(changes))

    def pull(self, who: str) -> list[dict[str, Any]]:
        """Everything the account would pull from the start."""
        found: list[dict[str, Any]] = []
        cursor = 0
        while True:
            page = self.server.pull(self.sessions[who], cursor, 500)
            found += page.decoded()
            cursor = page.cursor
            if not page.more:
                return found

    def person(self, village: str, agent: str | None, **changes: Any) -> dict[str, Any]:
        nik = f"8103011508950{next(self.niks) % 1000:03d}"
        if nik.endswith("000"):
            nik = nik[:-1] + "1"
        agent_id = self.user_ids[agent] if agent else None
        return data_columns(
            make_participant(self.village_ids[village], agent_id=agent_id, nik=nik, **changes)
        )

    def enrol(self, who: str, village: str, agent: str | None = None) -> str:
        """A participant enrolled by `who` (holder `agent`, by default `who` itself)."""
        row_id = uuid7()
        holder = who if agent is None else agent
        [result] = self.push(who, self.change(who, "participants", row_id, "insert",
                                              self.person(village, holder)))  # fmt: skip
        assert result.status == "accepted", result.reason
        return row_id

    def visit(self, who: str, village: str, agent: str) -> Change:
        plan = VisitPlan(SyncStamp.new(), self.village_ids[village], self.user_ids[agent],
                         dt.date(2026, 12, 1), Segment.NELAYAN, "Sosialisasi", 10)  # fmt: skip
        return self.change(who, "visit_plans", plan.stamp.id, "insert", data_columns(plan))

    def record(self, table: str, row_id: str) -> dict[str, Any] | None:
        with self.store.engine.connect() as conn:
            found = self.store.record(conn, table, row_id)
        return None if found is None else found.data


def build_world(server: SyncServer, store: ServerStore) -> ScopeWorld:
    """Both branches seeded by their own staff, every village granted as VILLAGES says."""
    world = ScopeWorld(server, store)
    for name, (role, code) in ACCOUNTS.items():
        server.add_user(name, PASSWORD, role, code)
        request = SignInRequest(
            username=name, password=PASSWORD, device_id=uuid7(), device_name=name
        )
        answer = server.sign_in(request)
        world.sessions[name] = server.session(answer.token)
    for code, staff in STAFF.items():
        branch = Branch(SyncStamp.new(), code, f"Kantor Cabang {code}", "8171")
        world.branch_ids[code] = branch.stamp.id
        rows: list[tuple[str, str, dict[str, Any]]] = [
            ("branches", branch.stamp.id, data_columns(branch))
        ]
        for name, (role, account_code) in ACCOUNTS.items():
            if account_code == code:
                user = User(SyncStamp.new(), name, name.title(), Role(role), branch.stamp.id)
                world.user_ids[name] = user.stamp.id
                rows.append(("users", user.stamp.id, data_columns(user)))
        for name, (village_code, branch_code, _agent) in (
            (n, (v[1], v[0], v[2])) for n, v in VILLAGES.items()
        ):
            if branch_code == code:
                village = Village(SyncStamp.new(), village_code, name, "Kecamatan", "Kabupaten",
                                  "Provinsi", branch.stamp.id, 400, 120)  # fmt: skip
                world.village_ids[name] = village.stamp.id
                rows.append(("villages", village.stamp.id, data_columns(village)))
        payer = Payer(SyncStamp.new(), PayerType.APBDES, f"Dana Desa {code}", branch.stamp.id)
        rows.append(("payers", payer.stamp.id, data_columns(payer)))
        world.payer_ids[code] = payer.stamp.id
        results = world.push(staff, *(world.change(staff, t, r, "insert", f) for t, r, f in rows))
        assert {r.status for r in results} == {"accepted"}, [r.reason for r in results]
    for name, (code, _village_code, agent) in VILLAGES.items():
        if agent is not None:
            [result] = world.push(STAFF[code], world.visit(STAFF[code], name, agent))
            assert result.status == "accepted", result.reason
    return world

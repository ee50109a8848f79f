"""What the server accepts of payment settlements, change by change (both stores): credits
and refunds from staff only, an agent's credit use only on its own receipt, never an edit or
a delete, and no row a laptop could not read back (bad kind, amount, date, ids). Each refusal
is a rejected change with the reason, never a server error; the rows are scoped like
receipts (the agent of another village never pulls them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from outreach_app.domain.double_payments import PaymentSettlement, SettlementKind
from outreach_app.domain.ids import uuid7
from outreach_app.domain.models import Payment, SyncStamp
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.storage.rows import data_columns
from tests.integration.scope_world import ScopeWorld, build_world
from tests.integration.sync_world import store_url

NOW = dt.datetime(2026, 12, 8, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ScopeWorld]:
    """One server per store for the module (each test enrols its own person)."""
    folder = tmp_path_factory.mktemp(f"settlements-{request.param}")
    url = store_url(request.param, folder) or f"sqlite:///{folder / 'server.db'}"
    store = ServerStore(open_engine(url))
    store.migrate()
    yield build_world(SyncServer(store), store)
    store.engine.dispose()


def receipt(world: ScopeWorld, who: str, person: str) -> str:
    payment = Payment(SyncStamp.new(), f"R-{uuid7()[-6:]}", person, None, dt.date(2026, 12, 1),
                      1, 10_000, 6_800, 0, 0, 16_800, NOW, world.user_ids[who])  # fmt: skip
    [result] = world.push(who, world.change(who, "payments", payment.stamp.id, "insert",
                                            data_columns(payment)))  # fmt: skip
    assert result.status == "accepted", result.reason
    return payment.stamp.id


def settlement(world: ScopeWorld, who: str, person: str, payment: str, **changes: Any):
    row = PaymentSettlement(SyncStamp.new(), person, payment, SettlementKind.CREDIT, 16_800,
                            world.user_ids[who], NOW)  # fmt: skip
    fields = {**data_columns(row), **changes}
    return row.stamp.id, world.change(who, "payment_settlements", row.stamp.id, "insert", fields)


def pushed(world: ScopeWorld, who: str, change) -> tuple[str, str | None]:
    [result] = world.push(who, change)
    return result.status, result.reason


def test_who_may_write_which_settlement(world: ScopeWorld) -> None:
    person = world.enrol("agen.saumlaki", "Wowonda")
    paid = receipt(world, "agen.saumlaki", person)
    _, agent_credit = settlement(world, "agen.saumlaki", person, paid)
    assert pushed(world, "agen.saumlaki", agent_credit) == (
        "rejected", "Pembayaran ganda dan kredit hanya diselesaikan oleh staf cabang.")  # fmt: skip
    row_id, staff_credit = settlement(world, "staf.maluku", person, paid)
    assert pushed(world, "staf.maluku", staff_credit)[0] == "accepted"
    _, own_use = settlement(world, "agen.saumlaki", person, paid, kind="use", amount=5_000)
    assert pushed(world, "agen.saumlaki", own_use)[0] == "accepted"
    # an edit or a delete of a settlement, even by staff
    edit = world.change("staf.maluku", "payment_settlements", row_id, "update", {"amount": 1})
    assert "tidak boleh diubah" in (pushed(world, "staf.maluku", edit)[1] or "")
    gone = world.change("staf.maluku", "payment_settlements", row_id, "delete", {"deleted": 1})
    assert pushed(world, "staf.maluku", gone)[0] == "rejected"
    # agen.ambon (Latta) does not see Wowonda's settlements; agen.saumlaki and staff do
    pulled = {c["row_id"] for c in world.pull("agen.ambon") if c["table"] == "payment_settlements"}
    assert pulled == set()
    pulled = {c["row_id"] for c in world.pull("agen.saumlaki")
              if c["table"] == "payment_settlements"}  # fmt: skip
    assert row_id in pulled
    # an agent out of the village cannot use the credit on that person's receipt
    _, stranger = settlement(world, "agen.ambon", person, paid, kind="use", amount=1_000)
    assert pushed(world, "agen.ambon", stranger)[0] == "rejected"


HOSTILE = [
    ({"kind": "gift"}, "Jenis penyelesaian"),
    ({"amount": -5}, "lebih dari nol"),
    ({"amount": "16800"}, "lebih dari nol"),
    ({"amount": 10**12}, "lebih dari nol"),
    ({"source": "lottery"}, "Asal kredit"),
    ({"decided_at": "kemarin"}, "Waktu penyelesaian"),
    ({"decided_at": "2026-12-08T10:00:00"}, "zona waktu"),
    ({"decided_at": 5}, "Waktu penyelesaian"),
    ({"note": "x" * 501}, "Catatan"),
    ({"decided_by": None}, "decided_by"),
    ({"payment_id": "tidak-ada"}, "tidak dikenal"),
]


def test_a_settlement_no_laptop_could_read_is_refused(world: ScopeWorld) -> None:
    """One world for every case: building one signs in five accounts (seconds)."""
    person = world.enrol("agen.saumlaki", "Wowonda")
    paid = receipt(world, "agen.saumlaki", person)
    for changes, says in HOSTILE:
        _, change = settlement(world, "staf.maluku", person, paid, **changes)
        status, reason = pushed(world, "staf.maluku", change)
        assert status == "rejected" and says in (reason or ""), (changes, reason)

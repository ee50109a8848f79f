"""Close-outs at the branch server, tried as a hostile laptop would, on SQLite and
PostgreSQL: a close-out covers only its own agent's live cash receipts, once; its figures
never change; only staff of its branch confirm it received, once. Each test failed before
server/deposit_rules.py (the server took any deposit row its agent sent)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from outreach_app.domain.ids import uuid7
from outreach_app.domain.models import CashDeposit, Payment, PaymentMethod, SyncStamp
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.storage.rows import data_columns
from tests.integration.scope_world import ScopeWorld, build_world
from tests.integration.sync_world import store_url

PAID = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ScopeWorld]:
    """One world per store for the module (building one takes seconds: accounts, sign-ins);
    every test makes rows of its own in it."""
    tmp_path: Path = tmp_path_factory.mktemp("closeouts")
    url = store_url(request.param, tmp_path) or f"sqlite:///{tmp_path / 'server.db'}"
    store = ServerStore(open_engine(url))
    store.migrate()
    yield build_world(SyncServer(store), store)
    store.engine.dispose()


def receipt(world: ScopeWorld, who: str, village: str, total: int = 16_800,
            method: PaymentMethod = PaymentMethod.CASH) -> tuple[str, int]:  # fmt: skip
    person = world.enrol(who, village)
    number = next(world.clock)
    payment = Payment(SyncStamp.new(), f"TST-{number:06d}", person, None, dt.date(2026, 12, 1),
                      1, 10_000, 6_800, 0, 0, total, PAID, world.user_ids[who], method)  # fmt: skip
    [result] = world.push(who, world.change(who, "payments", payment.stamp.id, "insert",
                                            data_columns(payment)))  # fmt: skip
    assert result.status == "accepted", result.reason
    return payment.stamp.id, total


def closeout(world: ScopeWorld, agent: str, receipts: list[tuple[str, int]],
             **changes: Any) -> dict[str, Any]:  # fmt: skip
    expected = sum(total for _, total in receipts)
    deposit = CashDeposit(SyncStamp.new(), world.user_ids[agent], expected, PAID,
                          f"ST20261201-{uuid7()[-6:].upper()}", "Tutup kas", expected,
                          " ".join(row_id for row_id, _ in receipts), "", "PS1:x")  # fmt: skip
    return {**data_columns(deposit), **changes}


def push(world: ScopeWorld, who: str, row_id: str, op: str, fields: dict[str, Any]):
    [result] = world.push(who, world.change(who, "cash_deposits", row_id, op, fields))
    return result


def test_a_close_out_of_its_own_receipts_is_taken(world: ScopeWorld) -> None:
    mine = [receipt(world, "agen.saumlaki", "Wowonda"), receipt(world, "agen.saumlaki", "Lorulun")]
    row = uuid7()
    fields = closeout(world, "agen.saumlaki", mine, amount=30_000,
                      difference_reason="uang kembalian kurang")  # fmt: skip
    assert push(world, "agen.saumlaki", row, "insert", fields).status == "accepted"
    assert world.record("cash_deposits", row)["receipt_ids"] == fields["receipt_ids"]


ATTACKS = ["other_agent", "transfer", "unknown", "twice_in_one", "expected_wrong", "no_reason",
           "zero", "self_confirmed", "no_receipts_far_future", "huge",
           "reason_not_text"]  # fmt: skip


def test_hostile_close_outs_are_refused(world: ScopeWorld) -> None:
    """One world for every attack: building one costs seconds (accounts, sign-ins)."""
    for attack in ATTACKS:
        refused_close_out(world, attack)


def refused_close_out(world: ScopeWorld, attack: str) -> None:
    mine = [receipt(world, "agen.saumlaki", "Wowonda")]
    changes: dict[str, Any] = {}
    if attack == "other_agent":
        mine.append(receipt(world, "agen.ambon", "Latta"))
    elif attack == "transfer":
        mine.append(receipt(world, "agen.saumlaki", "Wowonda", method=PaymentMethod.TRANSFER))
    elif attack == "unknown":
        mine.append((uuid7(), 1_000))
    elif attack == "twice_in_one":
        mine.append(mine[0])
    elif attack == "expected_wrong":
        changes = {"expected": 1, "amount": 1}
    elif attack == "no_reason":
        changes = {"amount": 1_000, "difference_reason": " "}
    elif attack == "zero":
        changes = {"amount": 0, "difference_reason": "semua hilang"}
    elif attack == "no_receipts_far_future":  # would cover, by date, everything before 2099
        changes = {"receipt_ids": "", "expected": 0, "deposited_at": "2099-01-01T00:00:00+00:00"}
    elif attack == "reason_not_text":
        changes = {"amount": 1_000, "difference_reason": 1234567}
    elif attack == "huge":
        changes = {"amount": 10**13, "difference_reason": "uang banyak sekali"}
    elif attack == "self_confirmed":
        changes = {"received_by": world.user_ids["agen.saumlaki"],
                   "received_at": "2026-12-01T10:00:00+00:00"}  # fmt: skip
    row = uuid7()
    result = push(world, "agen.saumlaki", row, "insert", closeout(world, "agen.saumlaki", mine,
                                                                 **changes))  # fmt: skip
    assert result.status == "rejected", attack
    assert world.record("cash_deposits", row) is None


def test_a_receipt_is_closed_out_once(world: ScopeWorld) -> None:
    first, second = receipt(world, "agen.saumlaki", "Wowonda"), receipt(world, "agen.saumlaki",
                                                                        "Lorulun")  # fmt: skip
    assert push(world, "agen.saumlaki", uuid7(), "insert",
                closeout(world, "agen.saumlaki", [first])).status == "accepted"  # fmt: skip
    again = push(world, "agen.saumlaki", uuid7(), "insert",
                 closeout(world, "agen.saumlaki", [first, second]))  # fmt: skip
    assert again.status == "rejected" and "sudah disetor" in (again.reason or "")


def test_figures_never_change_and_only_staff_confirm_once(world: ScopeWorld) -> None:
    row = uuid7()
    fields = closeout(world, "agen.saumlaki", [receipt(world, "agen.saumlaki", "Wowonda")])
    assert push(world, "agen.saumlaki", row, "insert", fields).status == "accepted"
    for who, change in (
        ("agen.saumlaki", {"amount": 1}),
        ("agen.saumlaki", {"receipt_ids": ""}),
        ("staf.maluku", {"expected": 1, "amount": 1}),
        ("agen.saumlaki", {"deleted": 1}),
        ("agen.saumlaki", {"received_by": world.user_ids["agen.saumlaki"],
                           "received_at": "2026-12-01T10:00:00+00:00"}),
        ("staf.maluku", {"received_by": world.user_ids["agen.ambon"],
                         "received_at": "2026-12-01T10:00:00+00:00"}),
        ("staf.banten", {"received_by": world.user_ids["staf.banten"],
                         "received_at": "2026-12-01T10:00:00+00:00"}),
        ("staf.maluku", {"received_by": world.user_ids["staf.maluku"], "received_at": "kemarin"}),
        ("staf.maluku", {"received_by": world.user_ids["staf.maluku"], "received_at": 5}),
    ):  # fmt: skip
        assert push(world, who, row, "update", change).status == "rejected", (who, change)
    assert push(world, "agen.saumlaki", row, "delete", {}).status == "rejected"
    confirm = {"received_by": world.user_ids["staf.maluku"],
               "received_at": "2026-12-01T10:00:00+00:00"}  # fmt: skip
    assert push(world, "staf.maluku", row, "update", confirm).status == "accepted"
    stored = world.record("cash_deposits", row)
    assert stored["received_by"] == world.user_ids["staf.maluku"] and stored["amount"] == 16_800
    for change in (confirm | {"received_at": "2026-12-02T10:00:00+00:00"},
                   {"received_by": None, "received_at": None}):  # fmt: skip
        assert push(world, "staf.maluku", row, "update", change).status == "rejected", change
    pulled = {c["row_id"] for c in world.pull("agen.ambon") if c["table"] == "cash_deposits"}
    assert row not in pulled  # another agent never reads it

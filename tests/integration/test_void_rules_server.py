"""Voids and void requests, tried as a hostile laptop would, on SQLite and PostgreSQL: the
server judges every void, request and decision again (server/void_rules.py), so only the
rule of domain/voids.py gets through, a request is decided once, and the audit log names who
actually voided or decided."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from outreach_app.domain.ids import uuid7
from outreach_app.domain.models import CashDeposit, Payment, Role, SyncStamp, User
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.storage.rows import data_columns
from outreach_app.sync.protocol import SignInRequest
from tests.integration.scope_world import CLOCK, PASSWORD, ScopeWorld, build_world
from tests.integration.sync_world import store_url

WIT = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime.fromtimestamp(CLOCK / 1000, WIT)  # 21-11-2026 18:40 in Saumlaki
DAY_MS = 86_400_000
REASON = "Salah jumlah bulan: peserta minta tiga bulan"
DECISION = "Sudah dicek ke peserta lewat telepon"


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ScopeWorld]:
    """One branch per store for the module (signing six accounts in costs seconds): every
    test makes receipts of its own, so none sees another's."""
    tmp_path = tmp_path_factory.mktemp("voids")
    url = store_url(request.param, tmp_path) or f"sqlite:///{tmp_path / 'server.db'}"
    store = ServerStore(open_engine(url))
    store.migrate()
    built = build_world(SyncServer(store), store)
    _second_staff(built)
    yield built
    store.engine.dispose()


def _second_staff(world: ScopeWorld) -> None:
    """staf.kedua: a second staff member of Maluku, on a laptop of their own."""
    world.server.add_user("staf.kedua", PASSWORD, "staff", "MAL")
    answer = world.server.sign_in(
        SignInRequest(
            username="staf.kedua", password=PASSWORD, device_id=uuid7(), device_name="staf.kedua"
        )
    )
    world.sessions["staf.kedua"] = world.server.session(answer.token)
    user = User(SyncStamp.new(), "staf.kedua", "Staf Kedua", Role.STAFF, world.branch_ids["MAL"])
    world.user_ids["staf.kedua"] = user.stamp.id
    accepted(world, "staf.maluku", "users", user.stamp.id, "insert", data_columns(user))


def accepted(
    world: ScopeWorld,
    who: str,
    table: str,
    row_id: str,
    op: str,
    fields: dict[str, Any],
    at: int | None = None,
) -> None:
    [result] = world.push(who, world.change(who, table, row_id, op, fields, at=at))
    assert result.status == "accepted", result.reason


def refused(
    world: ScopeWorld,
    who: str,
    table: str,
    row_id: str,
    op: str,
    fields: dict[str, Any],
    at: int | None = None,
) -> str:
    [result] = world.push(who, world.change(who, table, row_id, op, fields, at=at))
    assert result.status == "rejected", (table, op, fields)
    return str(result.reason)


def receipt(
    world: ScopeWorld,
    who: str,
    collector: str,
    paid_at: dt.datetime = NOW,
    method: str = "cash",
    village: str = "Wowonda",
) -> str:
    """A receipt `who` pushes for a new participant of Wowonda (saumlaki's village)."""
    holder = "agen.ambon" if village == "Latta" else "agen.saumlaki"
    person = world.enrol(who, village, agent=holder)
    payment = Payment(
        SyncStamp.new(),
        f"PRS-{uuid7()[-6:]}",
        person,
        None,
        dt.date(2026, 11, 1),
        1,
        10_000,
        6_800,
        0,
        8_400,
        8_400,
        paid_at - dt.timedelta(hours=1),
        world.user_ids[collector],
    )
    fields = data_columns(payment)
    fields["method"] = method
    accepted(world, who, "payments", payment.stamp.id, "insert", fields)
    return payment.stamp.id


def void(reason: str = REASON) -> dict[str, Any]:
    return {"voided": 1, "void_reason": reason}


def audit(world: ScopeWorld, who: str, entity: str, entity_id: str, action: str) -> dict[str, Any]:
    return {
        "at": NOW.isoformat(),
        "actor": who,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "detail": "x",
    }


def request_fields(world: ScopeWorld, who: str, payment: str, **changes: Any) -> dict[str, Any]:
    number = world.record("payments", payment)["receipt_no"]  # type: ignore[index]
    fields = {
        "payment_id": payment,
        "receipt_no": number,
        "requested_by": world.user_ids[who],
        "requested_at": NOW.isoformat(),
        "reason": REASON,
        "status": "pending",
        "decided_by": None,
        "decided_at": None,
        "decision_reason": "",
    }
    return {**fields, **changes}


def decision(world: ScopeWorld, who: str, status: str = "approved") -> dict[str, Any]:
    return {
        "status": status,
        "decided_by": world.user_ids[who],
        "decided_at": NOW.isoformat(),
        "decision_reason": DECISION,
    }


def file_request(world: ScopeWorld, who: str, payment_id: str) -> str:
    row_id = uuid7()
    accepted(world, who, "void_requests", row_id, "insert", request_fields(world, who, payment_id))
    return row_id


# --- direct voids --------------------------------------------------------------------------


def test_an_agent_voids_its_own_receipt_of_today_once(world: ScopeWorld) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    accepted(world, "agen.saumlaki", "payments", payment, "update", void())
    accepted(
        world,
        "agen.saumlaki",
        "audit_log",
        uuid7(),
        "insert",
        audit(world, "agen.saumlaki", "payments", payment, "void"),
    )
    assert "sudah dibatalkan" in refused(
        world,
        "staf.maluku",
        "payments",
        payment,
        "update",
        void("Alasan lain yang menimpa alasan pertama"),
    )


def test_an_agent_cannot_void_its_receipt_of_yesterday(world: ScopeWorld) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    reason = refused(world, "agen.saumlaki", "payments", payment, "update", void(), at=DAY_MS)
    assert "bukan dari hari ini" in reason and "ajukan permintaan" in reason
    assert not world.record("payments", payment)["voided"]  # type: ignore[index]


def test_an_agent_cannot_void_another_agents_receipt(world: ScopeWorld) -> None:
    payment = receipt(world, "staf.maluku", "staf.maluku")  # in saumlaki's village: it sees it
    reason = refused(world, "agen.saumlaki", "payments", payment, "update", void())
    assert "petugas lain" in reason


def test_an_agent_cannot_void_a_deposited_receipt(world: ScopeWorld) -> None:
    # agen.ambon in Latta: its deposit leaves the other tests' receipts alone
    payment = receipt(world, "agen.ambon", "agen.ambon", village="Latta")
    deposit = CashDeposit(
        SyncStamp.new(), world.user_ids["agen.ambon"], 8_400, NOW, "SLIP-1",
        expected=8_400, receipt_ids=payment,
    )  # fmt: skip
    accepted(
        world, "agen.ambon", "cash_deposits", deposit.stamp.id, "insert", data_columns(deposit)
    )
    assert "disetor" in refused(world, "agen.ambon", "payments", payment, "update", void())


def test_an_agent_cannot_void_a_transfer(world: ScopeWorld) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki", method="transfer")
    assert "disetor" in refused(world, "agen.saumlaki", "payments", payment, "update", void())


def test_staff_cannot_void_an_agents_receipt_without_an_approved_request(
    world: ScopeWorld,
) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    assert "ajukan permintaan" in refused(
        world, "staf.maluku", "payments", payment, "update", void()
    )


def test_an_audit_entry_of_a_void_that_did_not_happen_is_refused(world: ScopeWorld) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    refused(world, "agen.saumlaki", "payments", payment, "update", void(), at=DAY_MS)
    refused(
        world,
        "agen.saumlaki",
        "audit_log",
        uuid7(),
        "insert",
        audit(world, "agen.saumlaki", "payments", payment, "void"),
    )


# --- requests -----------------------------------------------------------------------------


def test_a_request_names_its_author_a_visible_receipt_and_no_decision(world: ScopeWorld) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    who = "agen.saumlaki"
    for bad in (
        {"requested_by": world.user_ids["agen.ambon"]},
        {"status": "approved"},
        {"decided_by": world.user_ids["agen.saumlaki"]},
        {"reason": "salah"},
        {"receipt_no": "PALSU-1"},
        {"payment_id": uuid7()},
        {"requested_at": "kemarin"},
        {"reason": 123456789012345},
        {"decision_reason": 42},
    ):
        refused(
            world,
            who,
            "void_requests",
            uuid7(),
            "insert",
            request_fields(world, who, payment, **bad),
        )
    # agen.ambon does not see Wowonda's receipts
    refused(
        world,
        "agen.ambon",
        "void_requests",
        uuid7(),
        "insert",
        request_fields(world, "agen.ambon", payment),
    )
    # another branch's staff neither
    refused(
        world,
        "staf.banten",
        "void_requests",
        uuid7(),
        "insert",
        request_fields(world, "staf.banten", payment),
    )
    file_request(world, who, payment)  # and the request as the app writes it gets in


def test_an_agent_reads_its_own_requests_only(world: ScopeWorld) -> None:
    payment = receipt(world, "staf.maluku", "agen.ambon")  # ambon's receipt in Wowonda
    mine = file_request(world, "agen.saumlaki", payment)

    def pulled(who: str) -> set[str]:
        return {c["row_id"] for c in world.pull(who) if c["table"] == "void_requests"}

    assert mine in pulled("staf.kedua")
    assert mine not in pulled("agen.ambon")  # the receipt is ambon's, the request is not
    assert mine not in pulled("staf.banten")


def test_agents_cannot_decide_nor_edit_nor_delete_a_request(world: ScopeWorld) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    request = file_request(world, "agen.saumlaki", payment)
    who = "agen.saumlaki"
    assert "staf" in refused(world, who, "void_requests", request, "update", decision(world, who))
    refused(
        world, who, "void_requests", request, "update", {"reason": "Alasan yang diganti diam-diam"}
    )
    refused(world, who, "void_requests", request, "delete", {"deleted": 1})
    refused(
        world,
        "staf.maluku",
        "void_requests",
        request,
        "update",
        {**decision(world, "staf.maluku"), "decision_reason": 123456789012345},
    )
    refused(
        world,
        "staf.maluku",
        "void_requests",
        request,
        "update",
        {"payment_id": receipt(world, "agen.saumlaki", "agen.saumlaki")},
    )


def test_staff_do_not_decide_their_own_request(world: ScopeWorld) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    request = file_request(world, "staf.maluku", payment)
    assert "staf lain" in refused(
        world, "staf.maluku", "void_requests", request, "update", decision(world, "staf.maluku")
    )
    accepted(world, "staf.kedua", "void_requests", request, "update", decision(world, "staf.kedua"))


def test_a_decision_is_final_against_replays_and_forgeries(world: ScopeWorld) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    request = file_request(world, "agen.saumlaki", payment)
    first = world.change(
        "staf.maluku", "void_requests", request, "update", decision(world, "staf.maluku", "refused")
    )
    [result] = world.push("staf.maluku", first)
    assert result.status == "accepted"
    [again] = world.push("staf.maluku", first)  # the same change sent again
    assert again.status == "already_had"
    # the same staff member, a new change (a replay under a new number, a newer clock)
    assert "sudah diputuskan" in refused(
        world,
        "staf.maluku",
        "void_requests",
        request,
        "update",
        decision(world, "staf.maluku"),
        at=DAY_MS,
    )
    # and the receipt stays: a void claiming the refused request gets nowhere
    refused(world, "staf.maluku", "payments", payment, "update", void())
    assert world.record("void_requests", request)["status"] == "refused"  # type: ignore[index]


def test_two_staff_deciding_offline_the_first_stands_and_the_log_names_them(
    world: ScopeWorld,
) -> None:
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    request = file_request(world, "agen.saumlaki", payment)

    def decide(who: str, status: str) -> list[str]:
        """What the app writes for a decision: the decision and its audit entry (an
        approval's void is the server's own change)."""
        action = "void_approved" if status == "approved" else "void_refused"
        changes = [
            world.change(who, "void_requests", request, "update", decision(world, who, status)),
            world.change(
                who,
                "audit_log",
                uuid7(),
                "insert",
                audit(world, who, "void_requests", request, action),
            ),
        ]
        return [r.status for r in world.push(who, *changes)]

    # both decided offline; staf.maluku's push arrives first
    assert decide("staf.maluku", "approved") == ["accepted"] * 2
    assert decide("staf.kedua", "refused") == ["rejected"] * 2
    assert decide("staf.kedua", "approved") == ["rejected"] * 2
    held = world.record("void_requests", request)
    assert held is not None and held["status"] == "approved"
    assert held["decided_by"] == world.user_ids["staf.maluku"]
    # what the branch's log holds (a device never pulls its own changes: staf.kedua reads it)
    voids = [c for c in world.pull("staf.kedua") if c["table"] == "audit_log"]
    assert [
        c["fields"]["actor"] for c in voids if c["fields"]["entity_id"] in (payment, request)
    ] == ["staf.maluku"]
    # the server voided the receipt once; the agent and the approver pull the void
    voided = world.record("payments", payment)
    assert voided is not None and voided["voided"] == 1 and DECISION in voided["void_reason"]
    for who in ("agen.saumlaki", "staf.maluku"):
        pulled = [c for c in world.pull(who) if c["row_id"] == payment and c["op"] == "update"]
        assert [c["fields"]["voided"] for c in pulled] == [1]
    assert ("void_requests", request) in {
        (c["table"], c["row_id"]) for c in world.pull("agen.saumlaki")
    }


def test_a_late_approval_voids_nothing(world: ScopeWorld) -> None:
    """The reverse order: a refusal reaches the server first; the approval decided offline
    after it is refused, and the receipt stays (the server alone voids on approval)."""
    payment = receipt(world, "agen.saumlaki", "agen.saumlaki")
    request = file_request(world, "agen.saumlaki", payment)
    accepted(
        world,
        "staf.kedua",
        "void_requests",
        request,
        "update",
        decision(world, "staf.kedua", "refused"),
    )
    assert "sudah diputuskan" in refused(
        world, "staf.maluku", "void_requests", request, "update", decision(world, "staf.maluku")
    )
    refused(
        world,
        "staf.maluku",
        "audit_log",
        uuid7(),
        "insert",
        audit(world, "staf.maluku", "void_requests", request, "void_approved"),
    )
    assert not world.record("payments", payment)["voided"]  # type: ignore[index]

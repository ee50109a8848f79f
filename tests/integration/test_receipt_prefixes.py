"""Receipt prefixes reserved by the branch server (server/prefix_desk.py), through the real
ASGI app on both stores: one device per prefix server-wide, hostile requests answered 4xx
with a reason, limits on how many one laptop or account takes, a laptop switching to an
assigned prefix across a real sync, and a receipt number another device already used
flagged in the audit log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from outreach_app.domain.rates import RateSchedule
from outreach_app.domain.receipt_prefix import derived_prefix, is_derived_form
from outreach_app.server.prefix_desk import MAX_PER_ACCOUNT, MAX_PER_DEVICE
from outreach_app.server.store.receipt_prefixes import reserve
from outreach_app.services.receipt_prefix import PrefixRefused, prefix_status, request_prefix
from outreach_app.storage.store import Store
from tests.integration.auth_world import KUPANG, World, auth_world

OTHER_DEVICE = "0190a000-0000-7000-8000-0000000000aa"


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    built = auth_world(request.param, tmp_path)
    yield built
    built.close()


def post(world: World, token: str | None, body: object, raw: bytes | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    headers["Content-Type"] = "application/json"
    content = raw if raw is not None else json.dumps(body).encode("ascii")  # \ud800 as JSON
    with world.http() as client:
        return client.post("/v1/receipt-prefix", content=content, headers=headers)


def audit_events(world: World, event: str) -> list[str]:
    return [row.detail or "" for row in world.store.audit.rows() if row.event == event]


def fresh_token(world: World, username: str, device: str, password: str | None = None) -> str:
    answer = world.sign_in(username, device, password)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def laptops_reserve_their_prefix_at_sign_in(world: World) -> None:
    """The three laptops of the world signed in and synced: each prefix is confirmed."""
    for machine in (world.staff, world.saumlaki, world.ambon):
        status = prefix_status(machine.store)
        assert status.confirmed and status.prefix == machine.store.device.receipt_prefix
    assert len(audit_events(world, "prefix_reserved")) == 3


def a_prefix_belongs_to_one_device_on_the_whole_server(world: World) -> None:
    saumlaki, ambon = world.token_of(world.saumlaki), world.token_of(world.ambon)
    kupang = fresh_token(world, "staf.kupang", OTHER_DEVICE, KUPANG)

    taken = post(world, saumlaki, {"prefix": "sml01", "intent": "request"})
    assert taken.status_code == 200, taken.text
    assert taken.json()["prefix"] == "SML01" and taken.json()["source"] == "requested"
    for token in (ambon, kupang):  # the same branch, another branch
        for intent in ("request", "keep"):
            refused = post(world, token, {"prefix": "SML01", "intent": intent})
            assert refused.status_code == 409, refused.text
            assert "SML01 sudah dipakai perangkat lain" in refused.json()["detail"]
    # another laptop's prefix (hand-typed, kept) is just as much its own
    held = world.ambon.store.device.receipt_prefix
    assert post(world, saumlaki, {"prefix": held}).status_code == 409

    again = post(world, saumlaki, {"prefix": "SML01", "intent": "request"})  # a replay
    assert again.status_code == 200 and again.json()["prefix"] == "SML01"
    assert sorted(again.json()["held"]) == sorted([world.saumlaki.store.device.receipt_prefix,
                                                   "SML01"])  # fmt: skip
    assert [d for d in audit_events(world, "prefix_reserved") if "SML01" in d] == [
        "SML01 (requested)"
    ]
    assert len(audit_events(world, "prefix_refused")) == 5


def hostile_prefixes_get_a_reason_never_a_500(world: World) -> None:
    token = world.token_of(world.saumlaki)
    for body in (
        {"prefix": "S"}, {"prefix": "SML 01"}, {"prefix": "SML-01"}, {"prefix": "ŠML01"},
        {"prefix": "SM\x00L"}, {"prefix": "\ud800AB"}, {"prefix": "A" * 10_000},
        {"prefix": "ABCDEFGHIJKLM"}, {"prefix": ["SML"]}, {"prefix": 12345},
        {"prefix": "１２３"}, {"prefix": "SML01", "intent": "steal"}, {"prefix": {"$gt": ""}},
        {"prefix": "ıML"}, {"prefix": "ßML"},
    ):  # fmt: skip
        answer = post(world, token, body)
        assert answer.status_code == 422, (body, answer.text)
        assert answer.json()["detail"]
    for raw in (b"{", b"\xff\xfe", b"[]", b"null", b'{"prefix": "AB", "prefix": 1}'):
        answer = post(world, token, None, raw=raw)
        assert 400 <= answer.status_code < 500, (raw, answer.text)
    # a readable request is 2-10 characters: 11 or 12 would look like a derived prefix
    long = post(world, token, {"prefix": "ABCDEFGHIJK", "intent": "request"})
    assert long.status_code == 400 and "2-10 huruf" in long.json()["detail"]
    # another device's derived prefix, typed: refused, whatever the intent
    theirs = derived_prefix(world.ambon.store.device.id)
    for intent in ("keep", "request"):
        refused = post(world, token, {"prefix": theirs, "intent": intent})
        assert refused.status_code in (400, 409), refused.text
    assert post(world, token, {"prefix": "AB", "protocol": 99}).status_code == 426
    assert post(world, None, {"prefix": "AB"}).status_code == 401
    assert post(world, "bukan-token", {"prefix": "AB"}).status_code == 401


def a_revoked_device_reserves_nothing(world: World) -> None:
    victim, staff = world.saumlaki.store.device.id, world.token_of(world.staff)
    token = world.token_of(world.saumlaki)
    with world.http() as client:
        revoked = client.post(f"/v1/devices/{victim}/revoke",
                              headers={"Authorization": f"Bearer {staff}"})  # fmt: skip
    assert revoked.status_code == 200
    answer = post(world, token, {"prefix": "SML02", "intent": "request"})
    assert answer.status_code == 401
    assert post(world, world.token_of(world.ambon), {"prefix": "SML02"}).status_code == 200


def a_hostile_laptop_cannot_reserve_thousands(world: World) -> None:
    token = world.token_of(world.saumlaki)
    codes = []
    for number in range(MAX_PER_DEVICE + 3):
        codes.append(post(world, token, {"prefix": f"X{number:04d}", "intent": "request"}))
    statuses = [answer.status_code for answer in codes]
    assert statuses == [200] * (MAX_PER_DEVICE - 1) + [403] * 4  # one held since sign-in
    assert "batas" in codes[-1].json()["detail"]
    # forking itself into new devices: the account's limit holds
    for _ in range(MAX_PER_ACCOUNT + 2):
        with world.http() as client:
            forked = client.post("/v1/devices/fork", json={},
                                 headers={"Authorization": f"Bearer {token}"})  # fmt: skip
        assert forked.status_code == 200
        last = post(world, forked.json()["token"], {"prefix": None})
    assert last.status_code == 403 and "Akun ini" in last.json()["detail"]
    with world.store.engine.connect() as conn:
        from outreach_app.server.store.receipt_prefixes import count_for_account

        account = world.store.account("agen.saumlaki")
        assert account is not None
        assert count_for_account(conn, account.id) == MAX_PER_ACCOUNT


def an_assigned_prefix_replaces_a_taken_one_for_the_next_receipts(
    world: World, tmp_path: Path
) -> None:
    """A laptop whose derived prefix someone else holds (improbable, so made here) is
    assigned another one at its first sync and numbers its next receipts with it."""
    newcomer = Store(tmp_path / "baru.db")
    try:
        own = newcomer.device.receipt_prefix
        assert own == derived_prefix(newcomer.device.id) and is_derived_form(own)
        account = world.store.account("agen.ambon")
        assert account is not None
        with world.store.transaction() as conn:  # taken by another device first
            reserve(conn, own, OTHER_DEVICE, account.id, "MAL", "derived", "2026-12-01")
        from outreach_app.services.sync import SyncService

        sync = SyncService(newcomer, world.saumlaki.sync.client_factory, clock=world.clock)
        sync.sign_in("http://localhost", "agen.ambon", "ambon-manise")
        status = prefix_status(newcomer)
        assert status.confirmed and status.prefix != own and is_derived_form(status.prefix)
        assert newcomer.device.receipt_prefix == status.prefix
        assert audit_events(world, "prefix_refused")[-1] == f"{own}: dipakai"
    finally:
        newcomer.close()


def staff_ask_for_a_readable_prefix_from_the_laptop(world: World) -> None:
    """Settings' request: reserved and used for the next receipts; one in use refused with
    the reason and the laptop keeps its own."""
    before = prefix_status(world.saumlaki.store)
    status = request_prefix(world.saumlaki.sync, "sml01")
    assert status.prefix == "SML01" and status.confirmed
    assert world.saumlaki.store.device.receipt_prefix == "SML01"
    with pytest.raises(PrefixRefused, match="sudah dipakai perangkat lain"):
        request_prefix(world.ambon.sync, "SML01")
    with pytest.raises(PrefixRefused, match="2-10 huruf"):
        request_prefix(world.ambon.sync, "SML 01")
    assert prefix_status(world.ambon.store).confirmed
    assert before.prefix != "SML01"


def a_receipt_number_another_device_used_is_flagged(world: World, schedule: RateSchedule) -> None:
    """Two laptops issuing under the same prefix (set by hand on a copy, before prefixes were
    reserved): the second receipt with a number the server has seen is accepted (the money
    was taken) and flagged in the audit log; so is a receipt under another device's prefix."""
    from tests.factories import make_participant
    from tests.integration.sync_world import services

    numbers = []
    for machine, user, village in ((world.saumlaki, "agen.saumlaki", "Wowonda"),
                                   (world.ambon, "agen.ambon", "Latta")):  # fmt: skip
        # what a copied database or a hand-typed prefix did: the same prefix on both
        machine.store.db.execute("UPDATE device SET receipt_prefix = 'SAMA'")
        enrol, pay = services(machine, schedule)
        person, _ = enrol.register(
            make_participant(world.villages[village], agent_id=None), machine.user(user)
        )
        numbers.append(pay.record(person, 1, machine.user(user)).receipt_no)
        report = machine.sync.sync()
        assert report.rejected == 0, report.rejections
    assert numbers[0] == numbers[1]
    reused = audit_events(world, "receipt_reused")
    assert len(reused) == 1 and numbers[0] in reused[0]
    # Saumlaki's laptop reserved SAMA after its sync: Ambon's receipt is under its prefix
    foreign = audit_events(world, "receipt_foreign_prefix")
    assert foreign == [f"Kuitansi {numbers[0]}: awalan SAMA milik perangkat "
                       f"{world.saumlaki.store.device.id}"]  # fmt: skip
    # and the laptop that synced second was told to number with a prefix of its own: its
    # next receipt, while the one issued keeps its number
    assigned = world.ambon.store.device.receipt_prefix
    assert assigned != "SAMA" and prefix_status(world.ambon.store).confirmed
    _enrol, pay = services(world.ambon, schedule)
    assert pay.record(person, 1, world.ambon.user("agen.ambon")).receipt_no == f"{assigned}-000002"
    held = world.ambon.store.db.execute("SELECT receipt_no FROM payments ORDER BY receipt_no")
    assert [number for (number,) in held] == [f"{assigned}-000002", "SAMA-000001"]
    payload = json.dumps([row.detail for row in world.store.audit.rows()])
    assert "Wowonda" not in payload and "3201" not in payload  # no personal data


# Each world costs about 3 s to build (three laptops signed in and synced), so the cases
# share three worlds a store.


def test_prefixes_are_reserved_one_device_each_and_hostile_requests_refused(world: World) -> None:
    laptops_reserve_their_prefix_at_sign_in(world)
    a_prefix_belongs_to_one_device_on_the_whole_server(world)
    hostile_prefixes_get_a_reason_never_a_500(world)
    a_revoked_device_reserves_nothing(world)


def test_limits_and_assignment(world: World, tmp_path: Path) -> None:
    a_hostile_laptop_cannot_reserve_thousands(world)
    an_assigned_prefix_replaces_a_taken_one_for_the_next_receipts(world, tmp_path)


def test_readable_prefixes_and_receipt_numbers_used_twice(
    world: World, schedule: RateSchedule
) -> None:
    staff_ask_for_a_readable_prefix_from_the_laptop(world)
    a_receipt_number_another_device_used_is_flagged(world, schedule)

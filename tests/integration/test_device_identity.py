"""A device id belongs to the account that first used it; tokens are bound to (account,
device), expire, and are renewed. Each breach found on the old server is a test here: another
agent (or another branch's staff) signing in, or sending a bundle, under an agent's device id
to use up its sequence numbers; an old token still working after signing in again; a token
working for ever."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from outreach_app.server.store.sessions import TOKEN_LIFETIME
from outreach_app.services.sync_session import TOKEN_EXPIRES_KEY
from outreach_app.sync.bundle import new_signing_key, pack_signed
from outreach_app.sync.client import SyncDenied
from tests.integration.auth_world import KUPANG, World, auth_world
from tests.integration.sync_world import PASSWORDS


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    built = auth_world(request.param, tmp_path)
    yield built
    built.close()


def edit_phone(world: World, phone: str) -> str:
    """Saumlaki's agent edits a participant of Wowonda; returns his id."""
    from tests.factories import make_participant

    people = world.saumlaki.store.participants.all()
    if not people:
        person = make_participant(world.villages["Wowonda"], agent_id=None)
        world.saumlaki.store.participants.add(person)
        return person.stamp.id
    world.saumlaki.store.participants.update(people[0].stamp.id, phone=phone)
    return people[0].stamp.id


def phone_on_server(world: World, person_id: str) -> str | None:
    with world.store.engine.connect() as conn:
        found = world.store.record(conn, "participants", person_id)
    return None if found is None else found.data.get("phone")


@pytest.mark.parametrize("intruder", ["agen.ambon", "staf.kupang"])
def test_another_account_cannot_sign_in_as_an_agents_device(world: World, intruder: str) -> None:
    """Device ids travel in every pull: another agent, or another branch's staff, signing in
    with Saumlaki's laptop's id is refused, and the laptop's own later changes all arrive
    (none answered "already had" for a change the intruder sent under its numbers)."""
    person = edit_phone(world, "")
    world.saumlaki.sync.sync()
    victim = world.saumlaki.store.device.id

    answer = world.sign_in(intruder, victim)
    assert answer.status_code == 403, answer.text
    assert "akun lain" in answer.json()["detail"]

    world.saumlaki.store.participants.update(person, phone="081211112222")
    report = world.saumlaki.sync.sync()
    assert (report.pushed, report.already_had, report.rejected) == (1, 0, 0)
    assert phone_on_server(world, person) == "081211112222"
    events = [(row.event, row.account, row.device_id) for row in world.store.audit.rows()]
    assert ("device_refused", intruder, victim) in events


def test_the_server_s_own_device_ids_are_not_for_laptops(world: World) -> None:
    """Refused at the edge (a laptop's device id is a UUID), with a reason."""
    for device in ("server-MAL", "x" * 65, ""):
        answer = world.sign_in("agen.ambon", device)
        assert answer.status_code in (400, 422) and answer.json()["detail"]


def test_malformed_sign_in_fields_get_a_reason(world: World) -> None:
    """JSON may carry lone surrogates no column takes, and names with terminal escapes:
    refused with a reason (never a server error), and nothing unprintable kept."""
    good = {"username": "agen.ambon", "password": PASSWORDS["agen.ambon"],
            "device_id": "0190a000-0000-7000-8000-000000000004", "device_name": "baru"}  # fmt: skip
    with world.http() as client:
        for field in good:
            body = json.dumps({**good, field: "\ud800"})  # a lone surrogate, escaped
            answer = client.post("/v1/sign-in", content=body,
                                 headers={"Content-Type": "application/json"})  # fmt: skip
            assert answer.status_code in (400, 422) and answer.json()["detail"], field
        escaped = client.post("/v1/sign-in", json={**good, "device_name": "\x1b[31mmerah\x07"})
        assert escaped.status_code == 200
        odd = client.post("/v1/sign-in", json={**good, "password": "salah",
                                                "device_id": "\x1b[2J" + "x" * 100})  # fmt: skip
        assert odd.status_code in (401, 422)  # not a device id laptops make
    assert (
        world.store.sessions.device("0190a000-0000-7000-8000-000000000004").device_name
        == "[31mmerah"
    )
    assert all(row.device_id is None or row.device_id.isprintable()
               for row in world.store.audit.rows())  # fmt: skip


def bundle_claiming(device_id: str, username: str, person_id: str, seq: int) -> bytes:
    """A bundle made by someone else's key, saying it comes from `device_id`."""
    private, _public = new_signing_key()
    change = {
        "device_id": device_id, "seq": seq, "table": "participants", "row_id": person_id,
        "op": "update", "fields": {"phone": "089900000000"}, "hlc": "9999999999999-0000",
    }  # fmt: skip
    return pack_signed({
        "kind": "changes", "device_id": device_id, "device_name": "laptop-sml",
        "username": username, "cursor": 0, "changes": [change],
    }, private)  # fmt: skip


@pytest.mark.parametrize(("claimant", "importer"), [
    ("agen.ambon", "staf.maluku"), ("staf.kupang", "staf.kupang"),
])  # fmt: skip
def test_a_bundle_under_another_account_s_device_is_refused(
    world: World, claimant: str, importer: str
) -> None:
    """The same takeover by file: a bundle naming Saumlaki's device under another account
    (imported by that account's own branch) is refused, whoever signs it."""
    person = edit_phone(world, "")
    world.saumlaki.sync.sync()
    victim = world.saumlaki.store.device.id
    next_seq = world.saumlaki.store.pending_changes() + 1_000  # any seq not used yet
    password = KUPANG if importer == "staf.kupang" else PASSWORDS[importer]
    operator = world.sign_in(
        importer, str(uuid.uuid5(uuid.NAMESPACE_URL, importer)), password
    ).json()["token"]
    with world.http() as client:
        answer = client.post(
            "/v1/bundle", content=bundle_claiming(victim, claimant, person, next_seq),
            headers={"Authorization": f"Bearer {operator}",
                     "Content-Type": "application/octet-stream"},
        )  # fmt: skip
    assert answer.status_code == 403, answer.text
    assert "akun lain" in answer.json()["detail"]
    assert phone_on_server(world, person) != "089900000000"
    with world.store.engine.connect() as conn:
        assert not world.store.already_had(conn, victim, next_seq)


def test_a_bundle_binds_a_device_that_never_signed_in(world: World) -> None:
    """A laptop that only ever syncs by file: its first bundle binds its device to its
    account, so afterwards no one else can sign in with that id."""
    private, _public = new_signing_key()
    body = {
        "kind": "changes", "device_id": "0190a000-0000-7000-8000-000000000005",
        "device_name": "desa", "username": "agen.ambon", "cursor": 0, "changes": [],
    }  # fmt: skip
    answer, _summary = world.server.import_bundle(pack_signed(body, private))
    assert answer
    assert world.sign_in("agen.saumlaki", "0190a000-0000-7000-8000-000000000005").status_code == 403
    assert world.sign_in("agen.ambon", "0190a000-0000-7000-8000-000000000005").status_code == 200


def pull_status(world: World, token: str) -> int:
    with world.http() as client:
        return client.get("/v1/pull", headers={"Authorization": f"Bearer {token}"}).status_code


def test_signing_in_again_retires_the_old_token(world: World) -> None:
    device = world.ambon.store.device.id
    first = world.sign_in("agen.ambon", device).json()["token"]
    second = world.sign_in("agen.ambon", device).json()["token"]
    assert pull_status(world, first) == 401
    assert pull_status(world, second) == 200
    assert pull_status(world, world.token_of(world.ambon)) == 401  # the laptop's own, older


def test_an_expired_token_is_refused_and_the_laptop_is_asked_to_sign_in(world: World) -> None:
    answer = world.sign_in("agen.ambon", world.ambon.store.device.id).json()
    assert answer["expires_at"] == (world.clock.now + TOKEN_LIFETIME).isoformat()
    token = answer["token"]
    world.clock.advance(days=30, seconds=1)
    with world.http() as client:
        refused = client.get("/v1/pull", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401 and "kedaluwarsa" in refused.json()["detail"]

    # a laptop back from a long trip: its sync is refused with 401 (the app asks for the
    # password), and signing in again works
    world.clock.advance(days=30)
    with pytest.raises(SyncDenied) as denied:
        world.saumlaki.sync.sync()
    assert denied.value.status == 401
    world.saumlaki.sync.sign_in("http://localhost", "agen.saumlaki", PASSWORDS["agen.saumlaki"])
    assert world.saumlaki.sync.sync().rejected == 0


def test_renewal_gives_a_new_token_and_retires_the_old_one(world: World) -> None:
    old = world.sign_in("agen.ambon", world.ambon.store.device.id).json()["token"]
    world.clock.advance(days=20)
    with world.http() as client:
        renewed = client.post("/v1/token/renew", headers={"Authorization": f"Bearer {old}"})
        assert renewed.status_code == 200, renewed.text
        again = client.post("/v1/token/renew", headers={"Authorization": f"Bearer {old}"})
    assert again.status_code == 401  # the old one cannot be renewed twice
    new = renewed.json()
    assert new["expires_at"] == (world.clock.now + TOKEN_LIFETIME).isoformat()
    assert pull_status(world, old) == 401
    assert pull_status(world, new["token"]) == 200
    rotated = [row for row in world.store.audit.rows() if row.event == "token_rotated"]
    assert [(row.account, row.device_id) for row in rotated] == [
        ("agen.ambon", world.ambon.store.device.id)
    ]


def test_the_laptop_renews_its_token_in_the_second_half_of_its_life(world: World) -> None:
    laptop = world.saumlaki
    first, expires = world.token_of(laptop), laptop.store.local_setting(TOKEN_EXPIRES_KEY)
    world.clock.advance(days=10)
    laptop.sync.sync()
    assert world.token_of(laptop) == first  # still young: kept
    world.clock.advance(days=10)  # 20 days old: traded for a new one during the sync
    laptop.sync.sync()
    assert world.token_of(laptop) != first
    assert laptop.store.local_setting(TOKEN_EXPIRES_KEY) != expires
    assert pull_status(world, first) == 401
    world.clock.advance(days=25)  # 45 days after the first sign-in: the new token still works
    assert laptop.sync.sync().rejected == 0

"""Branch staff list and revoke their branch's devices (HTTP and the server's console); agents
and other branches' staff cannot; a revoked device signs in with no account until enabled.
The server's audit log records all of it, and holds no NIK, person's name or password."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.factories import make_participant
from tests.integration.auth_world import KUPANG, World, auth_world
from tests.integration.sync_world import PASSWORDS, outreach


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    built = auth_world(request.param, tmp_path)
    yield built
    built.close()


def token(world: World, username: str, device: str) -> str:
    password = KUPANG if username == "staf.kupang" else PASSWORDS[username]
    answer = world.sign_in(username, device, password)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def call(world: World, who: str, method: str, path: str) -> httpx.Response:
    with world.http() as client:
        return client.request(method, path, headers={"Authorization": f"Bearer {who}"})


def test_staff_see_and_revoke_only_their_own_branch_s_devices(world: World) -> None:
    victim = world.saumlaki.store.device.id
    maluku = world.token_of(world.staff)
    kupang = token(world, "staf.kupang", "0190a000-0000-7000-8000-000000000002")
    agent = world.token_of(world.ambon)

    listed = call(world, maluku, "GET", "/v1/devices")
    assert listed.status_code == 200
    assert {(d["device_id"], d["username"]) for d in listed.json()} == {
        (world.staff.store.device.id, "staf.maluku"), (victim, "agen.saumlaki"),
        (world.ambon.store.device.id, "agen.ambon"),
    }  # fmt: skip
    assert [d["device_id"] for d in call(world, kupang, "GET", "/v1/devices").json()] == [
        "0190a000-0000-7000-8000-000000000002"
    ]
    assert call(world, agent, "GET", "/v1/devices").status_code == 403
    for who in (kupang, agent):  # another branch's staff, an agent of the same branch
        for action in ("revoke", "enable"):
            refused = call(world, who, "POST", f"/v1/devices/{victim}/{action}")
            assert refused.status_code == 403 and refused.json()["detail"]
    assert world.saumlaki.sync.sync().rejected == 0  # untouched

    revoked = call(world, maluku, "POST", f"/v1/devices/{victim}/revoke")
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["tokens_revoked"] == 1
    assert revoked.json()["device"]["revoked_by"] == "staf.maluku"
    assert call(world, world.token_of(world.saumlaki), "GET", "/v1/pull").status_code == 401
    for username in ("agen.saumlaki", "agen.ambon", "staf.maluku"):  # no account at all
        assert world.sign_in(username, victim).status_code == 403

    assert call(world, maluku, "POST", f"/v1/devices/{victim}/enable").status_code == 200
    assert world.sign_in("agen.ambon", victim).status_code == 403  # still Saumlaki's
    assert world.sign_in("agen.saumlaki", victim).status_code == 200
    assert call(world, maluku, "POST", "/v1/devices/tidak-ada/revoke").status_code == 404


def test_the_console_lists_revokes_and_enables_devices(world: World) -> None:
    victim = world.saumlaki.store.device.id
    where = ["--database-url", world.database_url]
    listed = outreach("server", "devices", "--user", "agen.saumlaki", *where)
    assert listed.returncode == 0, listed.stderr
    assert victim in listed.stdout and world.ambon.store.device.id not in listed.stdout

    revoked = outreach("server", "revoke-device", victim, *where)
    assert revoked.returncode == 0 and "dicabut" in revoked.stdout
    assert "DICABUT" in outreach("server", "devices", *where).stdout
    assert world.sign_in("agen.saumlaki", victim).status_code == 403
    assert outreach("server", "enable-device", victim, *where).returncode == 0
    assert world.sign_in("agen.saumlaki", victim).status_code == 200

    unknown = outreach("server", "revoke-device", "tidak-ada", *where)
    assert unknown.returncode == 1 and "tidak dikenal" in unknown.stderr

    # `revoke NAME --device ID`: a lost laptop, its device revoked with its tokens
    assert outreach("server", "revoke", "agen.ambon", "--device",
                    world.ambon.store.device.id, *where).returncode == 0  # fmt: skip
    assert world.sign_in("agen.ambon", world.ambon.store.device.id).status_code == 403


def test_the_audit_log_records_what_happened_without_niks_names_or_passwords(
    world: World,
) -> None:
    person = make_participant(world.villages["Wowonda"], agent_id=None)
    world.saumlaki.store.participants.add(person)
    world.saumlaki.sync.sync()
    victim = world.saumlaki.store.device.id
    secrets = [*PASSWORDS.values(), KUPANG, "bukan-sandinya", "Rahasia-Yosina-99"]
    # a NIK and a password typed in the name field, a person's name as the device's name
    world.sign_in(person.nik, "0190a000-0000-7000-8000-000000000003", "bukan-sandinya")
    world.sign_in("Rahasia-Yosina-99", "0190a000-0000-7000-8000-000000000003", "bukan-sandinya")
    for _ in range(6):
        world.sign_in("agen.ambon", "0190a000-0000-7000-8000-000000000003", "bukan-sandinya")
    world.sign_in("agen.ambon", victim)  # throttled
    world.clock.advance(minutes=1)
    world.sign_in("agen.ambon", victim)  # another account's device
    with world.http() as client:
        client.post(
            "/v1/sign-in",
            json={
                "username": "agen.saumlaki",
                "password": PASSWORDS["agen.saumlaki"],
                "device_id": victim,
                "device_name": person.full_name,
            },
        )
        renewed = client.post(
            "/v1/token/renew", headers={"Authorization": f"Bearer {world.token_of(world.staff)}"}
        )
    assert renewed.status_code == 200
    assert outreach("server", "revoke", "agen.saumlaki", "--device", victim,
                    "--database-url", world.database_url).returncode == 0  # fmt: skip
    call(
        world,
        token(world, "staf.kupang", "0190a000-0000-7000-8000-000000000002"),
        "GET",
        "/v1/devices",
    )
    call(world, world.token_of(world.ambon), "POST", f"/v1/devices/{victim}/enable")

    rows = world.store.audit.rows()
    events = {row.event for row in rows}
    assert events >= {
        "sign_in_ok", "sign_in_failed", "sign_in_throttled", "device_refused", "token_rotated",
        "device_revoked", "tokens_revoked", "forbidden",
    }  # fmt: skip
    assert all(row.address for row in rows if row.event.startswith("sign_in"))
    failed = [row.account for row in rows if row.event == "sign_in_failed"]
    assert failed.count(None) == 2 and failed.count("agen.ambon") == 5
    names = [
        row[0]
        for machine in (world.staff, world.saumlaki)
        for row in machine.store.db.execute("SELECT full_name FROM users UNION "
                                            "SELECT full_name FROM participants").fetchall()
    ]  # fmt: skip
    assert person.full_name in names and len(names) >= 4
    printed = outreach("server", "audit", "--since", "2026-11-30",
                       "--database-url", world.database_url)  # fmt: skip
    assert printed.returncode == 0 and "device_refused" in printed.stdout
    text = " ".join(str(value) for row in rows for value in vars_of(row)) + printed.stdout
    for forbidden in (person.nik, *names, *secrets):
        assert forbidden not in text, forbidden
    later = outreach("server", "audit", "--since", "2030-01-01", "--database-url",
                     world.database_url)  # fmt: skip
    assert later.returncode == 0 and "device_refused" not in later.stdout


def vars_of(row: object) -> list[object]:
    return [getattr(row, name) for name in row.__slots__]  # type: ignore[attr-defined]

"""Sync against a real server process on 127.0.0.1: two agents and a staff member work offline,
sync in different orders, and end with the same data; duplicates go to review; refusals are
per change and parked; a batch sent twice changes nothing."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from outreach_app.domain.ids import uuid7
from outreach_app.services.receipts import PRIVATE_KEY_SETTING
from outreach_app.services.sync import NotSignedIn
from outreach_app.sync.bundle import new_signing_key, pack, pack_signed
from outreach_app.sync.client import SyncClient, SyncDenied
from outreach_app.sync.protocol import Change, PushRequest
from tests.factories import make_participant
from tests.integration.sync_world import (
    SYNCED,
    Laptop,
    laptop,
    outreach,
    services,
)


def everything(machine: Laptop) -> dict[str, dict[str, tuple]]:
    return {table: machine.rows(table) for table in SYNCED}


def test_agents_receive_the_branch_and_only_their_villages(branch) -> None:
    staff, saumlaki, ambon, villages = branch
    for agent in (saumlaki, ambon):
        assert agent.rows("users") == staff.rows("users")
        assert agent.rows("villages") == staff.rows("villages")
        assert agent.rows("payers") == staff.rows("payers")
    mine = {v.village_id for v in saumlaki.store.visits.all()}
    assert mine == {villages["Wowonda"], villages["Lorulun"]}  # not Ambon's Latta
    assert {v.village_id for v in ambon.store.visits.all()} == {villages["Latta"]}
    assert saumlaki.store.pending_changes() == 0  # nothing of theirs to send


def test_offline_edits_in_any_order_end_identical(branch, schedule) -> None:
    staff, saumlaki, ambon, villages = branch
    enrol, pay = services(saumlaki, schedule)
    actor = saumlaki.user("agen.saumlaki")
    person_id, _warnings = enrol.register(
        make_participant(villages["Wowonda"], agent_id=None), actor
    )
    pay.record(person_id, 3, actor)
    saumlaki.sync.sync()

    staff.sync.sync()  # the office now has the fisherman, and edits his phone
    person = staff.store.participants.get(person_id)
    staff.store.participants.update(person_id, phone="081299990000")
    # Meanwhile, offline in Wowonda, the agent corrects his address: another field
    saumlaki.store.participants.update(person_id, address="RT 003/RW 001, Desa Wowonda")
    assert person.address != "RT 003/RW 001, Desa Wowonda"

    # and both edit the occupation: the later write must win everywhere
    staff.store.participants.update(person_id, occupation="Nelayan tangkap")
    saumlaki.store.participants.update(person_id, occupation="Nelayan rumput laut")

    for machine in (saumlaki, staff, ambon, saumlaki, staff):  # any order, twice round
        machine.sync.sync()

    agreed = staff.rows("participants", {person_id})[person_id]
    assert saumlaki.rows("participants", {person_id})[person_id] == agreed
    final = saumlaki.store.participants.get(person_id)
    assert final.phone == "081299990000" and final.address == "RT 003/RW 001, Desa Wowonda"
    assert final.occupation == "Nelayan rumput laut"  # the agent's edit came last
    assert person_id not in ambon.rows("participants")  # not Ambon's village
    for table in ("payments", "heirs", "visit_plans", "villages", "users"):
        shared = set(saumlaki.rows(table))
        assert staff.rows(table, shared) == saumlaki.rows(table)
    assert saumlaki.store.pending_changes() == staff.store.pending_changes() == 0


def test_the_cursor_moves_past_changes_a_laptop_does_not_receive(branch, server, schedule) -> None:
    """Ambon's own enrolments come back to no one but the others in scope: after a sync,
    neither Ambon (its own changes) nor Saumlaki (another village) reads through them again."""
    from outreach_app.server.store.store import ServerStore, open_engine

    _staff, saumlaki, ambon, villages = branch
    enrol, _pay = services(ambon, schedule)
    for n in range(3):
        enrol.register(make_participant(villages["Latta"], agent_id=None,
                                        nik=f"810301150895000{n + 2}"),
                       ambon.user("agen.ambon"))  # fmt: skip
    ambon.sync.sync()
    saumlaki.sync.sync()
    store = ServerStore(open_engine(server.database_url))
    try:
        newest = store.latest_seq()
    finally:
        store.engine.dispose()
    assert ambon.sync.state.cursor() == saumlaki.sync.state.cursor() == newest
    assert saumlaki.rows("participants") == {}  # and nothing of Latta arrived


def phone_edited_on_both(staff: Laptop, agent: Laptop, villages, schedule) -> str:
    """A participant both have; the agent edits his phone offline, then the office edits it
    later (by the clock, not only by device id) and syncs. Returns his id."""
    enrol, _pay = services(agent, schedule)
    person_id, _ = enrol.register(make_participant(villages["Wowonda"], agent_id=None),
                                  agent.user("agen.saumlaki"))  # fmt: skip
    agent.sync.sync()
    staff.sync.sync()
    agent.store.participants.update(person_id, phone="081200000001")
    time.sleep(0.005)
    staff.store.participants.update(person_id, phone="081200000002")
    staff.sync.sync()
    return person_id


def test_a_newer_write_answered_for_an_early_edit_never_beats_a_later_one(branch, schedule) -> None:
    """The agent edits a phone, the office edits it after that, the agent edits it once more;
    all of it offline. The push answers the first edit with the office's newer write, but the
    agent's second edit is newer still: it must stay, here and on the server."""
    staff, saumlaki, _ambon, villages = branch
    person_id = phone_edited_on_both(staff, saumlaki, villages, schedule)
    time.sleep(0.005)
    saumlaki.store.participants.update(person_id, phone="081200000003")
    saumlaki.sync.sync()
    staff.sync.sync()
    assert saumlaki.store.participants.get(person_id).phone == "081200000003"
    assert staff.store.participants.get(person_id).phone == "081200000003"
    assert staff.rows("participants", {person_id}) == saumlaki.rows("participants", {person_id})


def test_a_lost_reply_with_newer_writes_is_answered_again(branch, server, schedule) -> None:
    """The laptop pulled the office's write of a phone while its own older edit of it was
    unsent (made during the last sync), so only the push's answer can bring the office's
    value back; that reply is lost. The batch sent again is "already had", and its answer
    must still carry the newer write."""
    staff, saumlaki, _ambon, villages = branch
    person_id = phone_edited_on_both(staff, saumlaki, villages, schedule)
    state = saumlaki.sync.state
    batch = state.outgoing(50)
    with SyncClient(server.url, state.setting("sync_token")) as client:
        page = client.pull(state.cursor())  # the office's write arrives; the edit is unsent
        state.apply_pulled(page.decoded(), page.cursor)
        assert saumlaki.store.participants.get(person_id).phone == "081200000001"
        first = client.push(PushRequest.of(saumlaki.store.device.id, batch))  # reply lost
    [edit] = [c for c in batch if c.table == "participants"]
    [answered] = first.results_for([edit.seq])
    assert answered.status == "accepted" and answered.newer["phone"].value == "081200000002"
    report = saumlaki.sync.sync()
    assert report.already_had == 1
    assert saumlaki.store.participants.get(person_id).phone == "081200000002"
    assert staff.rows("participants", {person_id}) == saumlaki.rows("participants", {person_id})


def test_a_batch_sent_twice_changes_nothing(branch, server, schedule) -> None:
    staff, saumlaki, _ambon, villages = branch
    enrol, _pay = services(saumlaki, schedule)
    enrol.register(make_participant(villages["Lorulun"], agent_id=None),
                   saumlaki.user("agen.saumlaki"))  # fmt: skip
    batch = saumlaki.sync.state.outgoing(50)
    request = PushRequest.of(saumlaki.store.device.id, batch)
    seqs = [c.seq for c in batch]
    token = saumlaki.sync.state.setting("sync_token")
    with SyncClient(server.url, token) as client:
        first = client.push(request)  # ... and the answer is "lost": nothing acknowledged
        second = client.push(request)
    assert [r.status for r in first.results_for(seqs)] == ["accepted"] * len(seqs)
    assert [r.status for r in second.results_for(seqs)] == ["already_had"] * len(seqs)
    report = saumlaki.sync.sync()  # the normal run sends it a third time
    assert report.already_had == len(batch) and report.pushed == 0
    staff.sync.sync()
    assert len(staff.rows("participants")) == 1  # once, not three times


def test_oversized_ids_and_unreadable_bundles_get_a_reason_not_a_crash(branch, server) -> None:
    """The server's columns hold ids of 64 characters (PostgreSQL enforces it): ids that are
    not UUIDs are refused as input (422), never a 500; a key field longer than a column is a
    rejected change; a signed bundle whose changes do not parse is a 400."""
    staff, saumlaki, _ambon, villages = branch
    token = saumlaki.sync.state.setting("sync_token")
    device = saumlaki.store.device.id
    person = make_participant(villages["Wowonda"])
    fields = {"nik": person.nik, "full_name": person.full_name, "agent_id": "a" * 65,
              "village_id": villages["Wowonda"]}  # fmt: skip
    change = {"device_id": device, "seq": 9_000, "table": "participants", "row_id": uuid7(),
              "op": "insert", "fields": fields, "hlc": "1763700000000-0000"}  # fmt: skip
    headers = {"Authorization": f"Bearer {token}"}

    def push(one: dict[str, Any]) -> httpx.Response:
        body = PushRequest.of(device, [Change.model_construct(**one)]).model_dump(mode="json")
        return httpx.post(f"{server.url}/v1/push", headers=headers, json=body)

    answer = push(change)
    assert answer.status_code == 422 and "agent_id" in answer.json()["detail"]
    answer = push({**change, "table": "villages", "fields": {"code": "k" * 65}})
    assert answer.status_code == 200
    [result] = answer.json()["results"]
    assert result["status"] == "rejected" and "terlalu panjang" in result["reason"]
    answer = push({**change, "seq": 9_001, "row_id": "r" * 65})
    assert answer.status_code == 422
    assert "row_ids" in answer.text

    body = {"kind": "changes", "device_id": "laptop-asing", "device_name": "asing",
            "username": "agen.saumlaki", "cursor": 0, "changes": [{"seq": "satu"}]}  # fmt: skip
    staff_token = staff.sync.state.setting("sync_token")
    answer = httpx.post(f"{server.url}/v1/bundle", content=pack_signed(body, new_signing_key()[0]),
                        headers={"Authorization": f"Bearer {staff_token}",
                                 "Content-Type": "application/octet-stream"})  # fmt: skip
    assert answer.status_code == 400 and "rusak" in answer.json()["detail"]


def test_refusals_are_per_change_parked_and_explained(branch, schedule) -> None:
    staff, saumlaki, _ambon, villages = branch
    enrol, _pay = services(saumlaki, schedule)
    actor = saumlaki.user("agen.saumlaki")
    good, _ = enrol.register(make_participant(villages["Wowonda"], agent_id=None), actor)
    # Latta is agen.ambon's village: the server refuses this one, the rest goes through
    outside = make_participant(villages["Latta"], nik="8171034508950002", full_name="Orang Latta",
                               agent_id=staff.user("agen.ambon").stamp.id)  # fmt: skip
    saumlaki.store.participants.add(outside)
    saumlaki.store.villages.update(villages["Wowonda"], name="Wowonda Baru")  # reference data
    report = saumlaki.sync.sync()
    assert report.rejected == 2 and report.pushed >= 1
    parked = saumlaki.sync.state.parked()
    reasons = {p.table: p.reason for p in parked}
    assert "tidak ditugaskan" in reasons["participants"]
    assert "staf cabang" in reasons["villages"]
    staff.sync.sync()
    assert good in staff.rows("participants") and outside.stamp.id not in staff.rows("participants")
    assert saumlaki.store.pending_changes() == 2  # parked, still counted, never blocking
    saumlaki.sync.state.discard(parked[0].seq)
    assert len(saumlaki.sync.state.parked()) == 1


def test_the_same_nik_on_two_laptops_goes_to_review(branch, server, schedule) -> None:
    staff, saumlaki, ambon, villages = branch
    # Both agents meet the same person (she lives in Wowonda, works in Latta)
    first, _ = services(saumlaki, schedule)[0].register(
        make_participant(villages["Wowonda"], agent_id=None), saumlaki.user("agen.saumlaki")
    )
    second, _ = services(ambon, schedule)[0].register(
        make_participant(villages["Latta"], agent_id=None), ambon.user("agen.ambon")
    )
    saumlaki.sync.sync()
    ambon.sync.sync()
    report = staff.sync.sync()
    token = staff.sync.state.setting("sync_token")
    reviews = httpx.get(f"{server.url}/v1/duplicate-reviews",
                        headers={"Authorization": f"Bearer {token}"}).json()  # fmt: skip
    assert [(r["first_row_id"], r["second_row_id"], r["status"]) for r in reviews] == [
        (first, second, "open")
    ]
    # The staff laptop holds the second record rather than merge or drop it
    assert report.held == 1
    assert any("duplikat" in reason for reason in report.held_reasons)
    assert first in staff.rows("participants") and second not in staff.rows("participants")
    assert staff.sync.state.held()[0][1] == second


def test_authentication_and_scope_refusals(branch, server, tmp_path: Path) -> None:
    staff, saumlaki, _ambon, _villages = branch
    with pytest.raises(SyncDenied) as wrong_password:
        laptop(tmp_path, "curian").sync.sign_in(server.url, "agen.saumlaki", "tebak-tebak")
    assert wrong_password.value.status == 401
    with SyncClient(server.url, "token-palsu") as client, pytest.raises(SyncDenied) as forged:
        client.pull(0)
    assert forged.value.status == 401 and "masuk lagi" in str(forged.value)

    # a lost laptop: its token is revoked on the server, and it can no longer sync
    revoked = outreach("server", "revoke", "agen.saumlaki", *server.where)
    assert revoked.returncode == 0 and "dicabut" in revoked.stdout
    with pytest.raises(SyncDenied):
        saumlaki.sync.sync()

    # another branch's staff sees nothing of Maluku
    server.add_user("staf.kupang", "staff", branch="KUP")  # password "sandi-rahasia"
    kupang = laptop(tmp_path, "kupang")
    kupang.sync.sign_in(server.url, "staf.kupang", "sandi-rahasia")
    assert kupang.sync.sync().pulled == 0
    assert kupang.rows("participants") == {} and kupang.rows("villages") == {}

    with pytest.raises(NotSignedIn):
        laptop(tmp_path, "baru").sync.sync()
    assert staff.sync.sync().rejected == 0  # the branch's own staff are unaffected


def test_a_village_with_no_signal_syncs_by_bundle(branch, server, schedule, tmp_path) -> None:
    """The agent exports to a file, the branch imports it on the server (twice: harmless),
    the answer file brings the pull back, and the office sees the enrolment."""
    staff, saumlaki, _ambon, villages = branch
    enrol, pay = services(saumlaki, schedule)
    actor = saumlaki.user("agen.saumlaki")
    person, _ = enrol.register(make_participant(villages["Lorulun"], agent_id=None), actor)
    pay.record(person, 1, actor)
    staff.store.villages.update(villages["Lorulun"], target_participants=150)  # office edit
    staff.sync.sync()

    bundle, answer = tmp_path / "sml.bundle", tmp_path / "sml-jawaban.bundle"
    db = ["--db", str(saumlaki.store.path)]
    exported = outreach("bundle", "export", str(bundle), *db)
    assert exported.returncode == 0, exported.stderr
    assert "data pribadi" in exported.stdout
    assert person.encode() not in bundle.read_bytes()  # compressed, not plain text

    imported = outreach("server", "import-bundle", str(bundle), "-o", str(answer), *server.where)
    assert imported.returncode == 0, imported.stderr
    assert "0 ditolak" in imported.stdout
    again = outreach("server", "import-bundle", str(bundle), "-o", str(answer), *server.where)
    assert again.returncode == 0 and "0 ditolak" in again.stdout  # already had: nothing new

    saumlaki.store.db.execute("DELETE FROM local_settings WHERE key = 'last_sync'")
    took = outreach("bundle", "import", str(answer), *db)
    assert took.returncode == 0, took.stderr
    assert saumlaki.sync.last_sync() is not None  # the status bar's "last sync" moves
    assert saumlaki.store.pending_changes() == 0
    assert saumlaki.store.villages.get(villages["Lorulun"]).target_participants == 150
    staff.sync.sync()
    assert person in staff.rows("participants")
    assert len(staff.rows("payments")) == 1  # once, though the bundle was imported twice


def test_altered_or_foreign_bundles_are_refused(branch, server, schedule, tmp_path) -> None:
    _staff, saumlaki, _ambon, villages = branch
    enrol, _pay = services(saumlaki, schedule)
    enrol.register(make_participant(villages["Wowonda"], agent_id=None),
                   saumlaki.user("agen.saumlaki"))  # fmt: skip
    bundle = tmp_path / "sml.bundle"
    assert (
        outreach("bundle", "export", str(bundle), "--db", str(saumlaki.store.path)).returncode == 0
    )

    document = json.loads(gzip.decompress(bundle.read_bytes()))
    document["body"]["changes"][0]["fields"]["full_name"] = "Nama Palsu"
    tampered = tmp_path / "tampered.bundle"
    tampered.write_bytes(gzip.compress(json.dumps(document).encode()))
    refused = outreach("server", "import-bundle", str(tampered), "-o", str(tmp_path / "a"),
                       *server.where)  # fmt: skip
    assert refused.returncode == 1 and "diubah" in refused.stderr
    assert not (tmp_path / "a").exists()

    not_a_bundle = tmp_path / "foto.jpg"
    not_a_bundle.write_bytes(b"\xff\xd8\xff\xe0 not gzip")
    result = outreach("server", "import-bundle", str(not_a_bundle), "-o", str(tmp_path / "b"),
                      *server.where)  # fmt: skip
    assert result.returncode == 1 and "bukan bundel" in result.stderr

    # the device is known by its key now; a bundle claiming it with another key is refused
    assert outreach("server", "import-bundle", str(bundle), "-o", str(tmp_path / "c"),
                    *server.where).returncode == 0  # fmt: skip
    saumlaki.store.db.execute("DELETE FROM local_settings WHERE key = ?", [PRIVATE_KEY_SETTING])
    saumlaki.store.db.execute("DELETE FROM signing_keys")
    forged = tmp_path / "forged.bundle"
    assert (
        outreach("bundle", "export", str(forged), "--db", str(saumlaki.store.path)).returncode == 0
    )
    result = outreach("server", "import-bundle", str(forged), "-o", str(tmp_path / "d"),
                      *server.where)  # fmt: skip
    assert result.returncode == 1 and "kunci yang berbeda" in result.stderr


def test_only_the_branch_servers_answers_are_taken(branch, server, tmp_path) -> None:
    """An answer bundle writes data straight into a laptop: it must come from the server the
    laptop signed in to (its key was given at sign-in), never from a hand-made file."""
    _staff, saumlaki, _ambon, villages = branch
    assert saumlaki.sync.state.setting("sync_server_key")
    db = ("--db", str(saumlaki.store.path))
    body = {"kind": "answer", "device_id": saumlaki.store.device.id, "results": [],
            "changes": [{"server_seq": 10**6, "device_id": "x", "seq": 1, "table": "villages",
                         "row_id": villages["Wowonda"], "op": "update",
                         "fields": {"name": "Desa Palsu"}, "hlc": "9999999999999-0000"}],
            "cursor": 10**6}  # fmt: skip
    unsigned, forged = tmp_path / "unsigned.bundle", tmp_path / "forged.bundle"
    unsigned.write_bytes(pack(body))
    forged.write_bytes(pack_signed(body, new_signing_key()[0]))
    refused = outreach("bundle", "import", str(unsigned), *db)
    assert refused.returncode == 1 and "tidak bertanda tangan" in refused.stderr
    refused = outreach("bundle", "import", str(forged), *db)
    assert refused.returncode == 1 and "tidak ditandatangani server cabang" in refused.stderr
    assert saumlaki.store.villages.get(villages["Wowonda"]).name == "Wowonda"


def test_the_protocol_is_described_by_openapi(server) -> None:
    spec = httpx.get(f"{server.url}/openapi.json").json()
    assert {"/v1/sign-in", "/v1/push", "/v1/pull", "/v1/bundle"} <= set(spec["paths"])
    push = spec["paths"]["/v1/push"]["post"]["requestBody"]["content"]["application/json"]
    assert push["schema"]["$ref"].endswith("/PushRequest")
    schemas = spec["components"]["schemas"]
    group = schemas["ChangeGroup"]["properties"]
    assert {"table", "op", "fields", "seqs", "hlcs", "row_ids", "uuid_ms", "uuid_tails",
            "columns"} <= set(group)  # fmt: skip
    assert "delta-encoded" in group["seqs"]["description"]
    assert {"device_id", "server_seqs"} <= set(schemas["PulledGroup"]["properties"])
    assert {"accepted", "already_had", "results"} <= set(schemas["PushResponse"]["properties"])
    info = httpx.get(f"{server.url}/v1/info").json()
    assert info["protocols"] == [1]
    too_old = httpx.post(f"{server.url}/v1/sign-in", json={
        "protocol": 0, "username": "x", "password": "y", "device_id": "d", "device_name": "n",
    })  # fmt: skip
    assert too_old.status_code == 426 and "perbarui aplikasi" in too_old.json()["detail"]

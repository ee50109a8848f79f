"""Bundles as the desktop runs them (services.bundles), against the server's app in process:
exporting marks nothing, exporting twice and importing an answer twice are harmless, edits
made after the export stay waiting, refusals are parked, and every failure changes nothing."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import httpx
import pytest

from outreach_app.services.bundles import (
    BundleJobs,
    bundle_file_name,
    exporting_user,
    relay_bundle,
    with_suffix,
)
from outreach_app.services.sync import NotSignedIn
from outreach_app.sync.bundle import BundleError, new_signing_key, pack_signed
from outreach_app.sync.client import SyncClient, SyncDenied, SyncUnavailable
from tests.factories import make_participant
from tests.integration.sync_world import Laptop
from tests.integration.test_sync_faults import world


@pytest.fixture
def branch(tmp_path: Path):
    """(staff, agent, a second agent laptop, villages, the link), all synced once."""
    machines, villages, link = world(tmp_path, seed=11)
    for machine in machines:
        machine.sync.sync()
    machines[1].setup.set_current_user("agen.saumlaki")
    yield (*machines, villages, link)
    for machine in machines:
        machine.store.close()


def enrol(agent: Laptop, village: str, serial: int, **fields: object) -> str:
    person = make_participant(village, nik=f"8103011508950{serial:03d}",
                              agent_id=agent.user("agen.saumlaki").stamp.id, **fields)  # fmt: skip
    agent.store.participants.add(person)
    return person.stamp.id


def relay(staff: Laptop, link: httpx.BaseTransport, data: bytes):
    token = staff.store.local_setting("sync_token")
    with SyncClient("http://localhost", token, transport=link) as client:
        return relay_bundle(client, data)


def unacked(machine: Laptop) -> int:
    return int(machine.store.db.execute(
        "SELECT count(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0])  # fmt: skip


def test_export_marks_nothing_and_answers_are_taken_once(branch, tmp_path: Path) -> None:
    staff, agent, _second, villages, link = branch
    people = [enrol(agent, villages["Lorulun"], n) for n in (11, 12, 13)]
    waiting, cursor = agent.store.pending_changes(), agent.sync.state.cursor()
    jobs = BundleJobs.of(agent.sync)

    first = jobs.export_to(tmp_path / "a.bundle", "agen.saumlaki")
    second = jobs.export_to(tmp_path / "b.bundle", "agen.saumlaki")
    assert first.changes == second.changes == waiting == 3
    assert agent.store.pending_changes() == waiting and unacked(agent) == waiting  # not sent
    bodies = [json.loads(gzip.decompress(b.path.read_bytes()))["body"] for b in (first, second)]
    assert bodies[0]["changes"] == bodies[1]["changes"]  # the same changes, twice

    staff.store.villages.update(villages["Lorulun"], target_participants=150)  # office edit
    staff.sync.sync()
    took = relay(staff, link, first.path.read_bytes())
    again = relay(staff, link, second.path.read_bytes())
    assert (took.accepted, took.already_had, took.rejected) == (3, 0, 0)
    assert (again.accepted, again.already_had, again.rejected) == (0, 3, 0)
    assert took.device_name == "laptop-sml" and took.username == "agen.saumlaki"
    answer = tmp_path / "jawaban.bundle"
    answer.write_bytes(took.answer)

    report = jobs.import_answer(answer)
    assert report.pushed == 3 and report.rejected == 0 and report.applied == 1
    assert agent.store.villages.get(villages["Lorulun"]).target_participants == 150
    assert agent.store.pending_changes() == 0 and agent.sync.state.cursor() > cursor
    moved = agent.sync.state.cursor()
    repeat = jobs.import_answer(answer)  # the same answer again: nothing left to take
    assert (repeat.pushed, repeat.already_had, repeat.rejected, repeat.pulled) == (0, 0, 0, 0)
    late = tmp_path / "jawaban-2.bundle"
    late.write_bytes(again.answer)  # the answer to the second export: also nothing new
    assert jobs.import_answer(late).pushed == 0
    assert agent.sync.state.cursor() == moved
    staff.sync.sync()
    assert set(people) <= set(staff.rows("participants"))
    assert len(staff.rows("participants")) == 3  # once each, though sent twice


def test_edits_after_the_export_stay_waiting(branch, tmp_path: Path) -> None:
    staff, agent, _second, villages, link = branch
    enrol(agent, villages["Wowonda"], 21)
    exported = BundleJobs.of(agent.sync).export_to(tmp_path / "x", "agen.saumlaki")
    later = enrol(agent, villages["Wowonda"], 22)  # made while the stick travels
    answer = tmp_path / "answer.bundle"
    answer.write_bytes(relay(staff, link, exported.path.read_bytes()).answer)
    BundleJobs.of(agent.sync).import_answer(answer)
    assert [c.row_id for c in agent.sync.state.outgoing(10)] == [later]
    agent.sync.sync()
    assert agent.store.pending_changes() == 0


def test_the_answer_brings_the_branch_back_and_parks_refusals(branch, tmp_path: Path) -> None:
    staff, agent, _second, villages, link = branch
    enrol(agent, villages["Wowonda"], 0, full_name="NIK Salah")  # serial 000: refused
    staff.store.villages.update(villages["Wowonda"], target_participants=777)
    staff.sync.sync()
    exported = BundleJobs.of(agent.sync).export_to(tmp_path / "x.bundle", "agen.saumlaki")
    relayed = relay(staff, link, exported.path.read_bytes())
    assert relayed.rejected == 1 and relayed.reasons and relayed.pulled >= 1
    answer = tmp_path / "answer.bundle"
    answer.write_bytes(relayed.answer)
    report = BundleJobs.of(agent.sync).import_answer(answer)
    assert report.rejected == 1 and report.applied >= 1
    assert agent.sync.state.parked_count() == 1
    assert agent.store.villages.get(villages["Wowonda"]).target_participants == 777


def test_failures_change_nothing(branch, tmp_path: Path) -> None:
    staff, agent, second, villages, link = branch
    enrol(agent, villages["Lorulun"], 31)
    jobs = BundleJobs.of(agent.sync)
    own = jobs.export_to(tmp_path / "own.bundle", "agen.saumlaki").path
    before = (agent.store.pending_changes(), unacked(agent), agent.sync.state.cursor())

    with pytest.raises(BundleError, match="bukan bundel jawaban"):
        jobs.import_answer(own)  # its own export picked instead of the answer
    foreign = tmp_path / "foreign.bundle"
    enrol(second, villages["Lorulun"], 32)
    second_bundle = BundleJobs.of(second.sync).export_to(tmp_path / "2.bundle", "agen.saumlaki")
    foreign.write_bytes(relay(staff, link, second_bundle.path.read_bytes()).answer)
    with pytest.raises(BundleError, match="laptop lain"):
        jobs.import_answer(foreign)
    damaged = tmp_path / "damaged.bundle"
    damaged.write_bytes(own.read_bytes()[:40])
    with pytest.raises(BundleError, match="terpotong"):
        jobs.import_answer(damaged)
    with pytest.raises(FileNotFoundError):
        jobs.import_answer(tmp_path / "gone.bundle")
    made_up = tmp_path / "made-up.bundle"  # well formed as a bundle, not as an answer
    good_result = {"seq": 1, "status": "accepted"}
    for results, changes in (([{"seq": "satu", "status": "ok"}], []),
                             ([good_result], [{"table": "participants"}])):  # fmt: skip
        body = {"kind": "answer", "device_id": agent.store.device.id, "results": results,
                "changes": changes, "cursor": 99}  # fmt: skip
        made_up.write_bytes(pack_signed(body, new_signing_key()[0]))
        with pytest.raises(BundleError, match="jawaban rusak"):
            jobs.import_answer(made_up)  # refused whole: not the good result, then a crash
    with pytest.raises(OSError):
        jobs.export_to(own / "inside-a-file.bundle", "agen.saumlaki")
    assert (agent.store.pending_changes(), unacked(agent), agent.sync.state.cursor()) == before

    sent: list[str] = []

    class Counting(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            sent.append(request.url.path)
            return link.handle_request(request)

    document = json.loads(gzip.decompress(own.read_bytes()))
    document["body"]["changes"][0]["fields"]["full_name"] = "Nama Palsu"
    with pytest.raises(BundleError, match="diubah"):
        relay(staff, Counting(), gzip.compress(json.dumps(document).encode()))
    with pytest.raises(BundleError, match="bukan bundel perubahan"):
        relay(staff, Counting(), foreign.read_bytes())  # an answer is not an agent's bundle
    assert sent == []  # refused here, before anything left the laptop
    portal = httpx.MockTransport(lambda _request: httpx.Response(200, text="<html>wifi</html>"))
    with pytest.raises(SyncUnavailable, match="Jawaban server tidak bisa dibaca"):
        relay(staff, portal, own.read_bytes())  # a captive portal answered, not the server
    with pytest.raises(SyncDenied, match="Hanya staf") as denied:
        relay(agent, Counting(), own.read_bytes())  # an agent's token
    assert denied.value.status == 403
    second.store.db.execute("DELETE FROM local_settings WHERE key = 'sync_token'")
    with pytest.raises(NotSignedIn):
        BundleJobs.of(second.sync).relay(own)
    assert (agent.store.pending_changes(), unacked(agent), agent.sync.state.cursor()) == before


def test_names_and_whose_bundle(branch) -> None:
    _staff, agent, second, _villages, _link = branch
    day = dt.date(2026, 11, 21)
    assert bundle_file_name("bundel", "Laptop Saumlaki #2", day) == (
        "bundel-laptop-saumlaki-2-2026-11-21.bundle"
    )
    assert bundle_file_name("jawaban", "////", day) == "jawaban-laptop-2026-11-21.bundle"
    assert with_suffix(Path("a/b")) == Path("a/b.bundle")
    assert with_suffix(Path("a/b.BUNDLE")) == Path("a/b.BUNDLE")
    assert with_suffix(Path("a/b.zip")) == Path("a/b.zip.bundle")
    assert exporting_user(agent.sync) == "agen.saumlaki"  # the account it signed in with
    second.store.db.execute("DELETE FROM local_settings WHERE key = 'sync_username'")
    assert exporting_user(second.sync) is None  # no account and no chosen user


def test_a_bundle_says_it_holds_personal_data() -> None:
    from outreach_app.sync.bundle import NOTICE, pack

    document = json.loads(gzip.decompress(pack({"kind": "changes"}, b"sig", "key")))
    assert document["notice"] == NOTICE and "data pribadi" in NOTICE

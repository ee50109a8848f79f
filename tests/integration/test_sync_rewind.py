"""A laptop that goes back in time loses nothing (issue 13): a restored backup, a database
copied to a second laptop (online and through bundles), and two syncs of one database at
once, each with real `outreach` processes against a real server on both stores."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from outreach_app.domain.receipt_prefix import derived_prefix
from outreach_app.server.store.auth_tables import server_audit
from outreach_app.server.store.tables import changes, records
from outreach_app.services.payments import PaymentService
from outreach_app.services.receipt_prefix import prefix_status
from outreach_app.services.setup import SetupService
from outreach_app.services.sync import SyncService
from outreach_app.storage.store import Store
from outreach_app.storage.sync_state import SERVER_KEY, TOKEN_KEY, OutgoingChange
from outreach_app.sync.client import SyncClient, SyncDenied
from outreach_app.sync.protocol import PULL_PAGE, PullResponse, PushRequest, SignInRequest
from outreach_app.sync.tls import NO_PIN, ServerTrust
from tests.integration.slow_link import SlowLink
from tests.integration.sync_world import Laptop, ServerProcess, field_work, outreach

NEW_DEVICE = "perangkat baru"
DB_FILES = ("", "-wal", "-shm", ".kunci")  # the database, its WAL, and its key file


def open_laptop(path: Path) -> Laptop:
    store = Store(path)
    return Laptop(
        path.stem, store, SyncService(store), SetupService(store, path.with_suffix(".json"))
    )


def copy_database(source: Path, target: Path) -> None:
    """What a backup, a restore or a copy to another laptop does: the files, as they are on
    disk (the database closed: no half-written WAL)."""
    for suffix in DB_FILES:
        Path(f"{target}{suffix}").unlink(missing_ok=True)
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def closed(machine: Laptop) -> Path:
    path = Path(machine.store.path)
    machine.store.close()
    return path


def cli_sync(path: Path) -> subprocess.CompletedProcess[str]:
    result = outreach("sync", "--db", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def server_rows(server: ServerProcess, table: str) -> set[str]:
    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            found = conn.execute(select(records.c.row_id).where(records.c.table_name == table))
            return {row_id for (row_id,) in found}
    finally:
        engine.dispose()


def logged_inserts(server: ServerProcess, table: str) -> dict[str, int]:
    """How many times the server accepted an insert of each row (once, or the log doubled)."""
    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            found = conn.execute(
                select(changes.c.row_id, func.count())
                .where(changes.c.table_name == table, changes.c.op == "insert")
                .group_by(changes.c.row_id)
            )
            return {row_id: int(count) for row_id, count in found}
    finally:
        engine.dispose()


def enrol(machine: Laptop, village: str, schedule, people: int, first: int) -> set[str]:
    return set(field_work(machine, village, "agen.saumlaki", schedule, people, 0, first))


def assert_everywhere(server: ServerProcess, ids: set[str], *machines: Laptop) -> None:
    assert ids <= server_rows(server, "participants")
    inserts = logged_inserts(server, "participants")
    assert {row_id: inserts.get(row_id) for row_id in ids} == dict.fromkeys(ids, 1)
    for machine in machines:
        assert ids <= set(machine.rows("participants")), machine.name
        assert machine.store.pending_changes() == 0, machine.name


def test_a_restored_backup_loses_nothing(branch, server, schedule, tmp_path) -> None:
    """Backup, 5 enrolled and synced, the backup restored, 4 enrolled and synced: all of them
    on the server once and on the laptop, and the laptop now syncs as a new device. (Before:
    "0 sent, 10 already on the server", 0 waiting, the 4 lost, the 5 never back.)"""
    staff, saumlaki, _ambon, villages = branch
    wowonda = villages["Wowonda"]
    before = enrol(saumlaki, wowonda, schedule, 3, 0)
    saumlaki.sync.sync()
    old_device = saumlaki.store.device.id
    path = closed(saumlaki)
    copy_database(path, tmp_path / "cadangan.db")

    saumlaki = open_laptop(path)
    after_backup = enrol(saumlaki, wowonda, schedule, 5, 100)
    user = saumlaki.user("agen.saumlaki")
    pay = PaymentService(saumlaki.store, schedule)
    receipts = [pay.record(person, 1, user).receipt_no for person in sorted(after_backup)[:3]]
    closed(saumlaki)
    cli_sync(path)

    copy_database(tmp_path / "cadangan.db", path)  # the laptop goes back in time
    saumlaki = open_laptop(path)
    after_restore = enrol(saumlaki, wowonda, schedule, 4, 200)
    waiting = saumlaki.store.pending_changes()
    assert waiting == 4
    closed(saumlaki)
    result = cli_sync(path)
    assert NEW_DEVICE in result.stdout
    assert "Terkirim 4 perubahan" in result.stdout, result.stdout

    saumlaki = open_laptop(path)
    assert saumlaki.store.device.id != old_device
    # the app tells the agent once (storage/device_fork.py's notice)
    assert saumlaki.store.local_setting("rewind_notice") == old_device
    staff.sync.sync()
    assert_everywhere(server, before | after_backup | after_restore, saumlaki, staff)
    # its own older changes came back and re-applied to the same values: field for field
    for table in ("participants", "payments"):
        assert saumlaki.rows(table) == staff.rows(table), table
    # the receipt counter moved past the receipts issued after the backup
    person = sorted(after_restore)[0]
    again = PaymentService(saumlaki.store, schedule).record(person, 1, user).receipt_no
    assert again not in receipts and again > max(receipts)
    saumlaki.store.close()


def test_a_receipt_number_issued_twice_before_a_sync_is_shown(
    branch, server, schedule, tmp_path
) -> None:
    """Restored and back in the field before any sync: the laptop issues a receipt number it
    had already issued after the backup. Both receipts stay (money was taken twice); the
    pulled one is held with a reason the agent reads, never merged into the other."""
    _staff, saumlaki, _ambon, villages = branch
    people = sorted(enrol(saumlaki, villages["Wowonda"], schedule, 2, 0))
    saumlaki.sync.sync()
    path = closed(saumlaki)
    copy_database(path, tmp_path / "cadangan.db")
    saumlaki = open_laptop(path)
    user = saumlaki.user("agen.saumlaki")
    first = PaymentService(saumlaki.store, schedule).record(people[0], 1, user).receipt_no
    saumlaki.sync.sync()
    closed(saumlaki)
    copy_database(tmp_path / "cadangan.db", path)
    saumlaki = open_laptop(path)
    second = PaymentService(saumlaki.store, schedule).record(people[1], 1, user).receipt_no
    assert second == first  # issued offline: nothing could know yet
    report = saumlaki.sync.sync()
    assert len(server_rows(server, "payments")) == 2  # both receipts reached the branch
    assert [reason for reason in report.held_reasons if "sudah dipakai kuitansi lain" in reason]
    assert report.new_device
    # the new device numbers under a prefix of its own, derived and reserved by the server
    assert saumlaki.store.device.receipt_prefix == derived_prefix(saumlaki.store.device.id)
    assert prefix_status(saumlaki.store).confirmed
    third = PaymentService(saumlaki.store, schedule).record(people[0], 1, user).receipt_no
    assert third.startswith(derived_prefix(saumlaki.store.device.id) + "-")
    # and the branch was told: the number reached the server from two devices
    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            flagged = (
                conn.execute(
                    select(server_audit.c.detail).where(server_audit.c.event == "receipt_reused")
                )
                .scalars()
                .all()
            )
    finally:
        engine.dispose()
    assert len(flagged) == 1 and first in flagged[0]
    saumlaki.store.close()


def test_a_database_copied_to_a_second_laptop_syncs_as_two_devices(
    branch, server, schedule, tmp_path
) -> None:
    """Both copies enrol and sync in turns (`outreach sync` processes): each sees all of the
    other's work, and the server holds every enrolment once."""
    staff, saumlaki, _ambon, villages = branch
    wowonda = villages["Wowonda"]
    made = enrol(saumlaki, wowonda, schedule, 2, 0)
    first = closed(saumlaki)
    second = tmp_path / "salinan.db"
    copy_database(first, second)
    for turn in range(3):
        for number, path in enumerate((first, second)):
            machine = open_laptop(path)
            made |= enrol(machine, wowonda, schedule, 3, 1000 * (turn + 1) + 100 * number)
            closed(machine)
            cli_sync(path)
    for path in (first, second):
        cli_sync(path)
    a, b = open_laptop(first), open_laptop(second)
    staff.sync.sync()
    assert_everywhere(server, made, a, b, staff)
    assert set(a.rows("participants")) == set(b.rows("participants"))
    assert a.store.device.id != b.store.device.id
    a.store.close()
    b.store.close()


def test_a_copied_database_through_bundles(branch, server, schedule, tmp_path) -> None:
    """No signal at all: both copies sync by bundle (export, import at the server, answer back)
    in turns; the copy that finds out makes its own new id, and each ends with the other's
    work, the server with everything once."""
    staff, saumlaki, _ambon, villages = branch
    wowonda = villages["Wowonda"]
    made = enrol(saumlaki, wowonda, schedule, 2, 0)
    first = closed(saumlaki)
    second = tmp_path / "salinan.db"

    summaries: list[str] = []  # what the branch reads when it imports each bundle

    def round_trip(path: Path, name: str) -> str:
        bundle, answer = tmp_path / f"{name}.bundle", tmp_path / f"{name}-jawaban.bundle"
        exported = outreach("bundle", "export", str(bundle), "--db", str(path))
        assert exported.returncode == 0, exported.stderr
        imported = outreach("server", "import-bundle", str(bundle), "-o", str(answer),
                            *server.where)  # fmt: skip
        assert imported.returncode == 0, imported.stderr
        summaries.append(imported.stdout)
        took = outreach("bundle", "import", str(answer), "--db", str(path))
        assert took.returncode == 0, took.stderr
        return took.stdout

    # a laptop that syncs by bundle has its signing key (made at its first export) when it
    # is copied; the copy signs with the same key, so the server takes its bundles
    told = [round_trip(first, "awal")]
    copy_database(first, second)
    for turn in range(2):
        for number, path in enumerate((first, second)):
            machine = open_laptop(path)
            made |= enrol(machine, wowonda, schedule, 3, 1000 * (turn + 1) + 100 * number)
            closed(machine)
            told.append(round_trip(path, f"b{turn}{number}"))
    for _ in range(2):
        for number, path in enumerate((first, second)):
            told.append(round_trip(path, f"akhir{number}"))
    a, b = open_laptop(first), open_laptop(second)
    staff.sync.sync()
    assert_everywhere(server, made, a, b, staff)
    assert a.store.device.id != b.store.device.id
    assert any(NEW_DEVICE in text for text in told)
    assert any("bernomor ganda" in text for text in summaries)
    a.store.close()
    b.store.close()


def test_two_syncs_of_one_database_at_once(branch, server, schedule) -> None:
    """The app's background sync and `outreach sync` on the same file at the same moment:
    the second says a sync is already running (exit 2), and nothing is sent or applied twice."""
    staff, saumlaki, _ambon, villages = branch
    made = enrol(saumlaki, villages["Wowonda"], schedule, 600, 0)
    # a slow link (as in the field), so the first sync is still at work when the second starts
    link = SlowLink(server.port, rate_bps=64_000, latency=0.1)
    saumlaki.sync.state.set_setting(SERVER_KEY, link.url)
    path = closed(saumlaki)
    command = [sys.executable, "-m", "outreach_app", "sync", "--db", str(path)]
    with link:
        first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)  # fmt: skip
        assert first.stderr is not None
        started = first.stderr.read(1)  # its progress line: the first batch was answered
        assert started, first.communicate()
        second = subprocess.run(command, capture_output=True, text=True, timeout=120)
        still_running = first.poll() is None
        out, err = first.communicate(timeout=120)
    assert still_running
    assert first.returncode == 0, out + err
    assert second.returncode == 2, second.stdout + second.stderr
    assert "sedang berjalan" in second.stderr
    assert "Terkirim 600 perubahan (0 sudah ada di server)" in out
    saumlaki = open_laptop(path)
    staff.sync.sync()
    assert_everywhere(server, made, saumlaki, staff)
    saumlaki.store.close()


def test_the_server_answers_a_reused_seq_and_forks_a_device(branch, server, schedule) -> None:
    """The wire: a different change under a held (device, seq) is `seq_reused`, the same one
    `already_had`; every answer carries the device's highest seq; `POST /v1/devices/fork`
    gives the same account a new device and token (the old token keeps working), and bad
    requests get a 4xx with a reason."""
    from outreach_app.sync.devices import ForkRequest  # here: the old code has none

    _staff, saumlaki, _ambon, villages = branch
    enrol(saumlaki, villages["Wowonda"], schedule, 2, 0)
    saumlaki.sync.sync()
    device, token = saumlaki.store.device.id, saumlaki.sync.state.setting(TOKEN_KEY)
    rows = saumlaki.store.db.execute(
        "SELECT seq, table_name, row_id, op, fields, hlc FROM outbox ORDER BY seq"
    ).fetchall()
    seq, table, row_id, op, fields, hlc = rows[0]
    first = OutgoingChange(seq, device, table, row_id, op, json.loads(fields), hlc)
    other = OutgoingChange(first.seq, device, first.table, "01a00000-0000-7000-8000-000000000001",
                           "insert", first.fields, first.hlc)  # fmt: skip
    top = rows[-1][0]
    with SyncClient(server.url, token) as client:
        again = client.push(PushRequest.of(device, [first]))
        assert [r.status for r in again.results_for([first.seq])] == ["already_had"]
        reused = client.push(PushRequest.of(device, [other]))
        assert [r.status for r in reused.results_for([first.seq])] == ["seq_reused"]
        assert reused.device_seq == again.device_seq == top
        assert client.pull(0).device_seq == top

        forked = client.fork_device(ForkRequest())
        assert forked.device_id != device and forked.token != token
        with SyncClient(server.url, forked.token) as new:
            answer = new.push(PushRequest.of(forked.device_id, [
                OutgoingChange(1, forked.device_id, other.table, other.row_id, "insert",
                               {**other.fields, "nik": None}, other.hlc)
            ]))  # fmt: skip
            assert [r.status for r in answer.results_for([1])] == ["accepted"]
            assert new.pull(0).device_seq == 1
        assert client.pull(0).device_seq == 1  # the client goes on as the new device
    with SyncClient(server.url, token) as old_token:  # still works: the other copy's
        assert old_token.pull(0).device_seq == top

    with SyncClient(server.url, None) as anonymous:
        signed = anonymous.sign_in(SignInRequest(username="agen.saumlaki",
                                                 password="tanimbar-2026", device_id=device,
                                                 device_name="x"))  # fmt: skip
        assert signed.device_seq == top
    headers = {"Authorization": f"Bearer {signed.token}"}  # signing in retired the old one
    fork = f"{server.url}/v1/devices/fork"
    assert httpx.post(fork, json={}).status_code == 401
    assert httpx.post(fork, json={}, headers={"Authorization": "Bearer palsu"}).status_code == 401
    assert httpx.post(fork, json={"device_name": "x" * 500}, headers=headers).status_code == 422
    old = httpx.post(fork, json={"protocol": 99}, headers=headers)
    assert old.status_code == 426 and "perbarui" in old.json()["detail"]
    assert httpx.post(fork, content=b"{bukan json", headers=headers).status_code == 422
    with SyncClient(server.url, "palsu") as stranger, pytest.raises(SyncDenied) as refused:
        stranger.fork_device(ForkRequest())
    assert refused.value.status == 401


def test_signing_in_again_after_a_restore_makes_a_new_device(branch, server, schedule, tmp_path):
    """A restored laptop that signs in again (as `outreach sync --user` does) learns at once
    that the server holds more of its device than it remembers."""
    staff, saumlaki, _ambon, villages = branch
    path = closed(saumlaki)
    copy_database(path, tmp_path / "cadangan.db")
    saumlaki = open_laptop(path)
    made = enrol(saumlaki, villages["Wowonda"], schedule, 2, 0)
    saumlaki.sync.sync()
    old = saumlaki.store.device.id
    closed(saumlaki)
    copy_database(tmp_path / "cadangan.db", path)
    saumlaki = open_laptop(path)
    saumlaki.sign_in(server, "agen.saumlaki")
    assert saumlaki.store.device.id != old
    assert saumlaki.store.local_setting("rewind_notice") == old
    report = saumlaki.sync.sync()
    assert not report.new_device  # already done at sign-in
    staff.sync.sync()
    assert_everywhere(server, made, saumlaki, staff)
    saumlaki.store.close()


def test_work_written_during_a_sync_never_hides_the_other_copy(
    branch, server, schedule, tmp_path
) -> None:
    """The agent enrols while the app's background sync runs (between its push and its pull):
    those seqs, not yet sent, are the very numbers the other copy already used. The pull must
    still see that the server holds more of this device than it ever acknowledged here, or
    the cursor would move past the other copy's work for good."""
    staff, saumlaki, _ambon, villages = branch
    wowonda = villages["Wowonda"]
    made = enrol(saumlaki, wowonda, schedule, 2, 0)
    saumlaki.sync.sync()
    first = closed(saumlaki)
    second = tmp_path / "salinan.db"
    copy_database(first, second)
    a = open_laptop(first)
    made |= enrol(a, wowonda, schedule, 3, 1000)
    a.sync.sync()

    b = open_laptop(second)
    during: set[str] = set()

    def client(url: str, token: str | None, trust: ServerTrust = NO_PIN) -> SyncClient:
        real = SyncClient(url, token, trust=trust)
        pull = real.pull

        def pull_after_the_agent_wrote(cursor: int, limit: int = PULL_PAGE) -> PullResponse:
            if not during:  # the app's own connection, writing while the sync runs
                app = open_laptop(second)
                during.update(enrol(app, wowonda, schedule, 3, 2000))
                app.store.close()
            return pull(cursor, limit)

        real.pull = pull_after_the_agent_wrote  # type: ignore[method-assign]
        return real

    b.sync = SyncService(b.store, client)
    b.sync.sync()
    assert during
    b.sync.sync()
    a.sync.sync()
    staff.sync.sync()
    assert_everywhere(server, made | during, a, b, staff)
    assert a.store.device.id != b.store.device.id
    a.store.close()
    b.store.close()

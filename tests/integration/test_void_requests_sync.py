"""Void requests through a real `outreach serve` on SQLite and PostgreSQL: an agent's request
reaches staff, the approval voids the receipt on every laptop, and two staff members deciding
the same request offline end with one decision, one void and an audit log naming who."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from outreach_app.domain.models import Role, SyncStamp, User
from outreach_app.domain.voids import VoidOutcome, VoidRequestStatus
from outreach_app.services.voids import VoidService
from outreach_app.storage.store import Store
from tests.factories import make_participant
from tests.integration.sync_world import (
    Laptop,
    ServerProcess,
    branch_of_three,
    laptop,
    services,
    store_url,
)

REASON = "Salah jumlah bulan: peserta minta tiga bulan, bukan satu"


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    running = ServerProcess(tmp_path, store_url(request.param, tmp_path))
    running.add_users_here(
        ("staf.maluku", "staff"), ("staf.kedua", "staff"),
        ("agen.saumlaki", "agent"), ("agen.ambon", "agent"),
    )  # fmt: skip
    running.start()
    yield running
    running.stop()


def second_staff(folder: Path, server: ServerProcess, staff: Laptop) -> Laptop:
    """staf.kedua's laptop: its user row made by the first staff member, then signed in."""
    branch = staff.store.branches.all()[0]
    staff.store.users.add(
        User(SyncStamp.new(), "staf.kedua", "Ruben Tanamal", Role.STAFF, branch.stamp.id)
    )
    staff.sync.sync()
    other = laptop(folder, "kantor-2")
    other.sync.sign_in(server.url, "staf.kedua", "sandi-rahasia")
    other.sync.sync()
    other.setup.set_current_user("staf.kedua")
    return other


def yesterdays_receipt(agent: Laptop, village_id: str, schedule) -> str:
    """A receipt agen.saumlaki took yesterday: only staff can void it now."""
    enrol, pay = services(agent, schedule)
    user = agent.user("agen.saumlaki")
    person, _ = enrol.register(make_participant(village_id, agent_id=None), user)
    yesterday = agent.store.now() - dt.timedelta(days=1)
    return pay.record(person, 1, user, paid_at=yesterday).receipt_no


def voided(store: Store, receipt_no: str) -> bool:
    return store.payments.by_receipt(receipt_no).voided


def test_two_staff_decide_offline_the_first_decision_stands(
    tmp_path: Path, server: ServerProcess, schedule
) -> None:
    staff, saumlaki, _ambon, villages = branch_of_three(tmp_path, server)
    other = second_staff(tmp_path, server, staff)
    number = yesterdays_receipt(saumlaki, villages["Wowonda"], schedule)
    agent = saumlaki.user("agen.saumlaki")
    result = VoidService(saumlaki.store).void_or_request(number, REASON, agent)
    assert result.outcome is VoidOutcome.REQUEST and not voided(saumlaki.store, number)
    saumlaki.sync.sync()

    # both staff laptops pull the request, then decide it without a signal
    for desk in (staff, other):
        desk.sync.sync()
        [line] = VoidService(desk.store).pending()
        assert line.payment.receipt_no == number and line.request.reason == REASON
    request_id = result.request.stamp.id  # type: ignore[union-attr]
    VoidService(staff.store).decide(
        request_id, True, "Disetujui, sudah dicek ke peserta", staff.user("staf.maluku")
    )
    VoidService(other.store).decide(
        request_id, False, "Ditolak, uangnya sudah di bank", other.user("staf.kedua")
    )
    staff.sync.sync()  # the approval reaches the server first
    report = other.sync.sync()
    # the late refusal and its audit entry are refused, with the reason staf.kedua reads
    assert report.rejected == 2, report.rejections
    assert any("sudah diputuskan" in reason for reason in report.rejections)

    for machine in (saumlaki, staff, other):
        machine.sync.sync()
    # one decision (the first), one void, on every laptop that holds the receipt
    for machine in (saumlaki, staff):
        held = machine.store.void_requests.get(request_id)
        assert held.status is VoidRequestStatus.APPROVED
        assert held.decided_by == staff.user("staf.maluku").stamp.id
        assert voided(machine.store, number)
    # the late decider's laptop holds the server's void too; its own refusal stays parked
    # with the reason until staf.kedua discards it (a pull never overwrites an unsent edit)
    assert voided(other.store, number)
    assert any("sudah diputuskan" in p.reason for p in other.sync.state.parked())
    # the branch's audit log names the one who voided; the late refusal is not in it
    entries = staff.store.db.execute(
        "SELECT actor, action FROM audit_log WHERE action != 'payment' AND entity_id IN "
        "(SELECT id FROM payments WHERE receipt_no = ?) OR entity_id = ? ORDER BY at",
        [number, request_id],
    ).fetchall()
    assert entries == [("agen.saumlaki", "void_request"), ("staf.maluku", "void_approved")]

"""`outreach payment void` and `outreach verify-receipt` on voids, as a user runs them: real
processes, a copy of the demo database, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from outreach_app.domain.models import Payment
from outreach_app.services.payments import PaymentService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.services.setup import SetupService
from outreach_app.storage.store import Store
from tests.integration.test_cli import outreach

REASON = "Salah jumlah bulan: peserta minta tiga bulan, bukan satu"


@pytest.fixture
def demo_db(tmp_path: Path, demo_db_template: Path) -> Path:
    target = tmp_path / "demo.db"
    shutil.copy(demo_db_template, target)
    with Store(target) as store:
        SetupService(store, tmp_path / "settings.json").set_current_user("agen.saumlaki")
        ReceiptSigner(store).payload(store.payments.all()[0], "")  # the device's key, made now
    return target


def take(db: Path, schedule, days_ago: int = 0) -> tuple[Payment, str]:
    """A receipt agen.saumlaki takes now (or `days_ago`), and its signed QR text."""
    with Store(db) as store:
        agent = store.users.by_username("agen.saumlaki")
        person = next(
            p for p in store.participants.all() if p.registered_on and p.agent_id == agent.stamp.id
        )
        paid_at = store.now() - dt.timedelta(days=days_ago)
        payment = PaymentService(store, schedule).record(person.stamp.id, 1, agent, paid_at=paid_at)
        return payment, ReceiptSigner(store).payload(payment, person.nik or "")


def test_an_agent_voids_its_receipt_of_today_and_verify_says_batal(
    demo_db: Path, tmp_path: Path, schedule
) -> None:
    unsynced = tmp_path / "other.db"  # a database that knows the device's key, not the receipt
    shutil.copy(demo_db, unsynced)
    payment, payload = take(demo_db, schedule)
    done = outreach("payment", "void", payment.receipt_no, "--reason", REASON, "--db", str(demo_db))
    assert done.returncode == 0, done.stderr
    assert f"Kuitansi {payment.receipt_no}" in done.stdout and "dibatalkan" in done.stdout

    checked = outreach("verify-receipt", payload, "--db", str(demo_db))
    assert checked.returncode == 1
    assert checked.stdout.startswith(f"BATAL: kuitansi {payment.receipt_no}")
    assert "DIBATALKAN pada" in checked.stdout and REASON in checked.stdout
    as_json = outreach("verify-receipt", payload, "--db", str(demo_db), "--json")
    assert as_json.returncode == 1
    (fields,) = json.loads(as_json.stdout)
    assert fields["genuine"] and fields["void_state"] == "voided"
    assert fields["void_reason"] == REASON and fields["voided_at"]

    unknown = outreach("verify-receipt", payload, "--db", str(unsynced))
    assert unknown.returncode == 0, unknown.stderr
    assert unknown.stdout.startswith("ASLI") and "TIDAK DAPAT DIKETAHUI" in unknown.stdout


def test_yesterdays_receipt_becomes_a_request_and_exits_1(demo_db: Path, schedule) -> None:
    payment, payload = take(demo_db, schedule, days_ago=1)
    asked = outreach(
        "payment", "void", payment.receipt_no, "--reason", REASON, "--db", str(demo_db)
    )
    assert asked.returncode == 1
    assert "Permintaan pembatalan sudah diajukan" in asked.stderr
    assert "bukan dari hari ini" in asked.stderr
    with Store(demo_db) as store:
        assert not store.payments.by_receipt(payment.receipt_no).voided
        [request] = store.void_requests.pending()
        assert request.receipt_no == payment.receipt_no and request.reason == REASON
    again = outreach(
        "payment", "void", payment.receipt_no, "--reason", REASON, "--db", str(demo_db)
    )
    assert again.returncode == 1 and "sudah diajukan" in again.stderr
    standing = outreach("verify-receipt", payload, "--db", str(demo_db), "--json")
    assert standing.returncode == 0
    assert json.loads(standing.stdout)[0]["void_state"] == "not_voided_here"

"""`outreach payment take`, run as a script would: a real process on a real database. The same
PaymentService as the dialog issues the receipt, so the month rule refuses the same things."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from outreach_app.domain.models import ParticipantStatus
from outreach_app.domain.months import add_months, month_start
from outreach_app.storage.store import Store
from tests.factories import make_participant
from tests.integration.test_cli import outreach

NIK = "8103015502900007"  # born 15-02-1990, Tanimbar Selatan; not in the demo


def ym(month: dt.date) -> str:
    return month.strftime("%Y-%m")


def test_take_a_payment_then_refuse_paid_months_and_gaps(
    tmp_path: Path, demo_db_template: Path
) -> None:
    db = tmp_path / "field.db"
    shutil.copy(demo_db_template, db)
    today = dt.date.today()  # the command takes today's date from the clock
    with Store(db) as store:
        village = store.villages.by_code("8103012002")
        store.participants.add(
            make_participant(
                village.stamp.id,
                nik=NIK,
                full_name="Fransina Batlayeri",
                status=ParticipantStatus.REGISTERED,
                registered_on=today,
                payment_months=1,
            )
        )
    this_month = month_start(today)

    taken = outreach("payment", "take", "--db", str(db), "--nik", NIK, "--months", "3", "--json")
    assert taken.returncode == 0, taken.stderr
    receipt = json.loads(taken.stdout)
    assert receipt["months"] == [ym(add_months(this_month, i)) for i in range(3)]
    assert receipt["method"] == "cash" and receipt["total"] > 0
    assert receipt["credit_used"] == 0 and receipt["to_collect"] == receipt["total"]
    with Store(db) as store:
        stored = store.payments.by_receipt(receipt["receipt_no"])
        assert (stored.period_start, stored.months) == (this_month, 3)

    again = outreach(
        "payment", "take", "--db", str(db), "--nik", NIK, "--start", ym(add_months(this_month, 2))
    )
    assert again.returncode == 1
    assert "Sudah dibayar dengan kuitansi lain" in again.stderr
    assert again.stdout == ""

    gap = outreach(
        "payment", "take", "--db", str(db), "--nik", NIK, "--json",
        "--start", ym(add_months(this_month, 5)),
    )  # fmt: skip
    assert gap.returncode == 1 and "Bayar dulu bulan yang belum dibayar" in gap.stderr
    refusal = json.loads(gap.stdout)
    assert refusal["refused"] == "leaves_a_gap"
    assert refusal["allowed_start"] == ym(add_months(this_month, 3))

    before = outreach(
        "payment", "take", "--db", str(db), "--nik", NIK, "--start", ym(add_months(this_month, -1))
    )
    assert before.returncode == 1 and "sebelum pendaftaran" in before.stderr

    text = outreach(
        "payment", "take", "--db", str(db), "--nik", NIK, "--method", "transfer"
    )  # the default start: the first unpaid month, right after the receipt
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Kuitansi ") and "(1 bulan)" in text.stdout
    with Store(db) as store:
        person = store.participants.by_nik(NIK)
        assert person is not None
        live = store.payments.live_periods(person.stamp.id)
        assert [(p.start, p.months) for p in live] == [
            (this_month, 3), (add_months(this_month, 3), 1),
        ]  # fmt: skip


def test_unknown_nik_and_bad_input_exit_1(tmp_path: Path, demo_db_template: Path) -> None:
    db = tmp_path / "field.db"
    shutil.copy(demo_db_template, db)
    unknown = outreach("payment", "take", "--db", str(db), "--nik", "0000")
    assert unknown.returncode == 1 and "Tidak ada peserta" in unknown.stderr
    bad = outreach("payment", "take", "--db", str(db), "--nik", NIK, "--start", "2026-13")
    assert bad.returncode == 1 and "YYYY-MM" in bad.stderr
    months = outreach("payment", "take", "--db", str(db), "--nik", NIK, "--months", "2")
    assert months.returncode == 2  # argparse: not one of 1, 3, 6, 12


def test_staff_list_and_settle_a_double_payment_by_command(
    tmp_path: Path, demo_db_template: Path
) -> None:
    """A receipt synced from another laptop repeats a paid month: `payment doubles` lists it,
    an agent cannot settle it, staff refund it with a printed note, and it leaves the list."""
    import dataclasses

    from outreach_app.domain.models import Role, SyncStamp, User
    from outreach_app.settings import CURRENT_USER_KEY

    db = tmp_path / "branch.db"
    shutil.copy(demo_db_template, db)
    with Store(db) as store:
        paid = next(p for p in store.payments.all() if not p.voided and p.months == 3)
        twin = dataclasses.replace(
            paid, stamp=SyncStamp.new(), receipt_no="LAPTOPB-000009", months=1,
            paid_at=paid.paid_at + dt.timedelta(hours=1),
        )  # fmt: skip
        store.payments.add(twin)
        agent = store.users.all()[0]
        staff = User(SyncStamp.new(), "staf.cli", "Maria Latuheru", Role.STAFF, agent.branch_id)
        store.users.add(staff)
    listed = outreach("payment", "doubles", "--db", str(db), "--json")
    assert listed.returncode == 0, listed.stderr
    found = json.loads(listed.stdout)
    assert [d["receipt_no"] for d in found["open"]] == ["LAPTOPB-000009"]
    assert found["open"][0]["first_receipt_no"] == paid.receipt_no

    refused = outreach("payment", "settle", "LAPTOPB-000009", "--refund", "--db", str(db))
    assert refused.returncode == 1 and "staf cabang" in refused.stderr  # the demo agent
    with Store(db) as store:
        store.set_local_setting(CURRENT_USER_KEY, "staf.cli")
    note = tmp_path / "refund.pdf"
    done = outreach(
        "payment", "settle", "LAPTOPB-000009", "--refund", "--db", str(db), "-o", str(note)
    )
    assert done.returncode == 0, done.stderr
    assert "dikembalikan" in done.stdout and note.read_bytes().startswith(b"%PDF")
    after = json.loads(outreach("payment", "doubles", "--db", str(db), "--json").stdout)
    assert after["open"] == [] and [s["kind"] for s in after["settled"]] == ["refund"]
    again = outreach("payment", "settle", "LAPTOPB-000009", "--credit", "--db", str(db))
    assert again.returncode == 1 and "bukan pembayaran ganda" in again.stderr


def test_relief_credits_by_command(tmp_path: Path, demo_db_template: Path, schedule) -> None:
    """A December 2026 month charged in full (taken before the relief was in the rate table)
    is owed a credit under the shipped table (PP 50/2025: April-December 2026)."""
    import dataclasses

    from outreach_app.domain.models import Payment, Role, SyncStamp, User
    from outreach_app.services.payments import PaymentService
    from outreach_app.settings import CURRENT_USER_KEY

    db = tmp_path / "relief.db"
    shutil.copy(demo_db_template, db)
    december = dt.date(2026, 12, 1)
    with Store(db) as store:
        village = store.villages.by_code("8103012002")
        person = make_participant(village.stamp.id, nik="8103011508950099",
                                  status=ParticipantStatus.REGISTERED,
                                  registered_on=dt.date(2026, 11, 2))  # fmt: skip
        store.participants.add(person)
        before_relief = dataclasses.replace(schedule, discounts=())
        full = PaymentService(store, before_relief).quote(person, 1, december)
        now = PaymentService(store, schedule).quote(person, 1, december)
        agent = store.users.all()[0]
        store.payments.add(
            Payment(
                SyncStamp.new(),
                "OLD-000001",
                person.stamp.id,
                None,
                december,
                1,
                full.total_jkk,
                full.total_jkm,
                0,
                0,
                full.total,
                dt.datetime(2026, 11, 2, 9, 0).astimezone(),
                agent.stamp.id,
            )
        )
        store.users.add(User(SyncStamp.new(), "staf.relief", "Staf", Role.STAFF, agent.branch_id))
    owed = full.total - now.total
    assert owed > 0
    listed = outreach("payment", "relief-credits", "--db", str(db), "--json")
    assert listed.returncode == 0, listed.stderr
    credits = json.loads(listed.stdout)["credits"]
    assert {"receipt_no": "OLD-000001", "nik": "8103011508950099", "amount": owed} in credits
    refused = outreach("payment", "relief-credits", "--db", str(db), "--apply")
    assert refused.returncode == 1 and "staf" in refused.stderr  # the demo agent
    with Store(db) as store:
        store.set_local_setting(CURRENT_USER_KEY, "staf.relief")
    applied = outreach("payment", "relief-credits", "--db", str(db), "--apply")
    assert applied.returncode == 0, applied.stderr
    again = json.loads(outreach("payment", "relief-credits", "--db", str(db), "--json").stdout)
    assert not [c for c in again["credits"] if c["receipt_no"] == "OLD-000001"]  # once

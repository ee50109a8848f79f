"""Use cases on a demo database: enrolment rules, payments and receipts, the cash ledger."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace

import pytest

from outreach_app.domain.errors import InvalidNik, ReceiptRefused, RegistrationRefused
from outreach_app.domain.models import (
    Participant,
    ParticipantStatus,
    PayerType,
    Sector,
    Segment,
    Sex,
    User,
)
from outreach_app.domain.nik import parse_nik
from outreach_app.reference.regions import RegionDirectory
from outreach_app.services.cash_closeout import CashCloseOut
from outreach_app.services.demo import seed_demo
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.participants import ParticipantDirectory, ParticipantFilter
from outreach_app.services.payments import PaymentService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.storage.errors import DuplicateNik, ReceiptLocked
from outreach_app.storage.store import Store
from tests.conftest import TODAY
from tests.factories import make_participant

# paid on TODAY, so the one-payment-per-month rule judges the months as of that day
AT_TODAY = dt.datetime.combine(TODAY, dt.time(10, 0)).astimezone()


@pytest.fixture
def agent(demo_store: Store) -> User:
    return demo_store.users.by_username("agen.saumlaki")


@pytest.fixture
def enrolment(demo_store: Store, schedule) -> EnrolmentService:
    return EnrolmentService(demo_store, schedule, RegionDirectory(), lambda: TODAY)


@pytest.fixture
def payments(demo_store: Store, schedule) -> PaymentService:
    return PaymentService(demo_store, schedule)


def new_person(store: Store, **changes) -> Participant:
    """A woman trader from Wowonda, not yet registered, declaring less than the minimum."""
    village = store.villages.by_code("8103012002")
    woman = {
        "nik": "8103015502900007",  # born 15-02-1990, issued in Tanimbar Selatan
        "full_name": "Fransina Batlayeri",
        "birth_date": dt.date(1990, 2, 15),
        "sex": Sex.FEMALE,
        "occupation": "Pedagang ikan",
        "declared_income": 800_000,
        "base_income": 0,
        "payment_months": 1,
        "segment": Segment.PEDAGANG,
        "status": ParticipantStatus.DRAFT,
        "registered_on": None,
    }
    fields = {**woman, **changes}
    return make_participant(fields.pop("village_id", village.stamp.id), **fields)


def test_register_applies_the_minimum_base_income(
    enrolment: EnrolmentService, demo_store: Store, agent: User
) -> None:
    participant_id, warnings = enrolment.register(new_person(demo_store), agent)
    stored = demo_store.participants.get(participant_id)
    assert stored.status is ParticipantStatus.REGISTERED
    assert stored.base_income == 1_000_000
    assert stored.registered_on == TODAY
    assert stored.agent_id == agent.stamp.id
    assert warnings == ()


def test_invalid_nik_is_refused_and_nothing_is_stored(
    enrolment: EnrolmentService, demo_store: Store, agent: User
) -> None:
    before = demo_store.participants.count()
    with pytest.raises(InvalidNik, match="0000"):
        enrolment.register(new_person(demo_store, nik="8103015502900000"), agent)
    assert demo_store.participants.count() == before


def test_duplicate_nik_is_caught_before_saving(
    enrolment: EnrolmentService, demo_store: Store, agent: User
) -> None:
    existing = ParticipantDirectory(demo_store, lambda: TODAY).page(ParticipantFilter(), 1)[0]
    existing = existing.participant
    check = enrolment.check_nik(existing.nik or "")
    assert check.existing is not None and check.existing.stamp.id == existing.stamp.id
    with pytest.raises(DuplicateNik) as caught:
        enrolment.register(new_person(demo_store, nik=existing.nik), agent)
    assert caught.value.existing_id == existing.stamp.id


def test_nik_disagreeing_with_the_form_is_a_warning(
    enrolment: EnrolmentService, demo_store: Store, agent: User
) -> None:
    person = new_person(demo_store, birth_date=dt.date(1990, 2, 16), sex=Sex.MALE)
    _, warnings = enrolment.register(person, agent)
    assert any("Tanggal lahir" in w for w in warnings)
    assert any("Jenis kelamin" in w for w in warnings)


def test_age_65_on_registration_day_is_refused(
    enrolment: EnrolmentService, demo_store: Store, agent: User
) -> None:
    born = dt.date(1961, 11, 21)  # 65 today
    person = new_person(demo_store, nik="8103012111610003", birth_date=born, sex=Sex.MALE)
    with pytest.raises(RegistrationRefused, match="65"):
        enrolment.register(person, agent)
    younger = replace(person, nik="8103012211610003", birth_date=dt.date(1961, 11, 22))
    enrolment.register(younger, agent)  # 64 until tomorrow


def test_missing_fields_are_named(
    enrolment: EnrolmentService, demo_store: Store, agent: User
) -> None:
    with pytest.raises(RegistrationRefused, match="alamat"):
        enrolment.register(new_person(demo_store, address="  "), agent)


def test_a_draft_saves_whatever_was_typed(
    enrolment: EnrolmentService, demo_store: Store, agent: User
) -> None:
    draft = new_person(demo_store, nik=None, address="", declared_income=0, payment_months=2)
    draft_id = enrolment.save_draft(draft, agent)
    assert demo_store.participants.get(draft_id).status is ParticipantStatus.DRAFT
    # completing the draft and registering it keeps the same record
    completed = replace(draft, nik="8103015502900007", address="RT 002", declared_income=900_000,
                        payment_months=3)  # fmt: skip
    registered_id, _ = enrolment.register(completed, agent)
    assert registered_id == draft_id
    assert demo_store.participants.get(draft_id).status is ParticipantStatus.REGISTERED


def test_payment_amount_comes_from_the_rules(
    enrolment: EnrolmentService, payments: PaymentService, demo_store: Store, agent: User
) -> None:
    participant_id, _ = enrolment.register(new_person(demo_store), agent)
    payment = payments.record(
        participant_id, 3, agent, first_month=dt.date(2026, 12, 1), paid_at=AT_TODAY
    )
    # December discounted (PP 50/2025, other sectors until 31-12-2026), Jan and Feb full
    assert (payment.jkk, payment.jkm, payment.jht) == (30_000, 20_400, 0)
    assert payment.discount == 8_400
    assert payment.total == 42_000
    assert payment.receipt_no.startswith("DEMO-")
    assert "PP 50/2025" in payment.rules
    assert payments.coverage(demo_store.participants.get(participant_id), TODAY).paid_through == (
        dt.date(2027, 2, 28)
    )


def test_apbd_payers_get_no_relief(
    enrolment: EnrolmentService, payments: PaymentService, demo_store: Store, agent: User
) -> None:
    apbd = demo_store.payers.of_type(PayerType.APBD)[0]
    participant_id, _ = enrolment.register(new_person(demo_store, payer_id=apbd.stamp.id), agent)
    payment = payments.record(
        participant_id, 1, agent, first_month=dt.date(2026, 11, 1), paid_at=AT_TODAY
    )
    assert (payment.discount, payment.total) == (0, 16_800)


def test_a_draft_cannot_pay(
    enrolment: EnrolmentService, payments: PaymentService, demo_store: Store, agent: User
) -> None:
    draft_id = enrolment.save_draft(new_person(demo_store), agent)
    with pytest.raises(ReceiptRefused, match="draf"):
        payments.record(draft_id, 1, agent)


def test_void_keeps_the_receipt_and_frees_the_months(
    enrolment: EnrolmentService, payments: PaymentService, demo_store: Store, agent: User
) -> None:
    participant_id, _ = enrolment.register(new_person(demo_store), agent)
    payment = payments.record(participant_id, 1, agent, first_month=dt.date(2026, 11, 1))
    with pytest.raises(ReceiptRefused, match="alasan"):
        payments.void(payment.receipt_no, "", agent)
    voided = payments.void(payment.receipt_no, "Salah nama peserta di kuitansi", agent)
    assert voided.voided and voided.void_reason == "Salah nama peserta di kuitansi"
    assert voided.total == payment.total  # the amounts stay as printed
    with pytest.raises(ReceiptRefused, match="sudah dibatalkan"):
        payments.void(payment.receipt_no, "Dibatalkan lagi oleh agen", agent)
    person = demo_store.participants.get(participant_id)
    assert payments.coverage(person, TODAY).paid_through is None
    assert payments.next_unpaid_month(person, TODAY) == dt.date(2026, 11, 1)


def test_the_database_refuses_to_change_an_issued_receipt(
    enrolment: EnrolmentService, payments: PaymentService, demo_store: Store, agent: User
) -> None:
    participant_id, _ = enrolment.register(new_person(demo_store), agent)
    payment = payments.record(participant_id, 1, agent)
    with pytest.raises(sqlite3.IntegrityError, match="receipt locked"):
        demo_store.db.execute(
            "UPDATE payments SET total = 1 WHERE receipt_no = ?", [payment.receipt_no]
        )
    with pytest.raises(sqlite3.IntegrityError, match="receipt locked"):
        demo_store.db.execute("DELETE FROM payments WHERE receipt_no = ?", [payment.receipt_no])
    demo_store.payments.void(payment.receipt_no, "Uang palsu")
    with pytest.raises(ReceiptLocked):
        demo_store.payments.void(payment.receipt_no, "unvoid attempt")


def test_cash_ledger_and_deposits(
    enrolment: EnrolmentService, payments: PaymentService, demo_store: Store
) -> None:
    agent = demo_store.users.by_username("agen.belinyu")
    before = payments.ledger(agent)
    village = demo_store.villages.by_code("1901022004")
    person = new_person(demo_store, village_id=village.stamp.id, nik="1901025502900007")
    participant_id, _ = enrolment.register(person, agent)
    payment = payments.record(
        participant_id, 1, agent, first_month=dt.date(2027, 1, 1), paid_at=AT_TODAY
    )
    ledger = payments.ledger(agent)
    assert ledger.collected == before.collected + payment.total == before.collected + 16_800
    assert ledger.in_hand == before.in_hand + payment.total
    CashCloseOut(demo_store, ReceiptSigner(demo_store)).close(agent)
    assert payments.ledger(agent).in_hand == 0


def test_demo_seed_is_idempotent_and_its_people_are_consistent(demo_store: Store, schedule) -> None:
    again = seed_demo(demo_store, schedule, TODAY)
    assert again.already_seeded
    villages = {v.stamp.id: v for v in demo_store.villages.all()}
    people = [
        listing.participant
        for listing in ParticipantDirectory(demo_store, lambda: TODAY).page(
            ParticipantFilter(), 10_000
        )
    ]
    assert len(people) > 1000
    for person in people:
        info = parse_nik(person.nik or "", today=TODAY)
        assert info.valid, person
        assert info.district_code == villages[person.village_id].code[:6]
        assert info.birth_date == person.birth_date
        assert info.sex == person.sex
        assert person.base_income == max(person.declared_income, 1_000_000)
    statuses = {
        PaymentService(demo_store, schedule).coverage(p, TODAY).status for p in people[:400]
    }
    assert {ParticipantStatus.ACTIVE, ParticipantStatus.GRACE, ParticipantStatus.LAPSED} <= statuses


def test_coverage_cache_follows_payments_and_voids(
    enrolment: EnrolmentService, payments: PaymentService, demo_store: Store, agent: User
) -> None:
    participant_id, _ = enrolment.register(new_person(demo_store), agent)
    assert demo_store.payments.coverage_run(participant_id) is None
    first = payments.record(
        participant_id, 1, agent, first_month=dt.date(2026, 11, 1), paid_at=AT_TODAY
    )
    payments.record(participant_id, 3, agent, first_month=dt.date(2026, 12, 1), paid_at=AT_TODAY)
    assert demo_store.payments.coverage_run(participant_id) == (
        dt.date(2026, 11, 1), dt.date(2027, 2, 28),
    )  # fmt: skip
    demo_store.payments.void(first.receipt_no, "Salah bulan")
    assert demo_store.payments.coverage_run(participant_id) == (
        dt.date(2026, 12, 1), dt.date(2027, 2, 28),
    )  # fmt: skip
    directory = ParticipantDirectory(demo_store, lambda: TODAY)
    assert directory.detail(participant_id).coverage.status is ParticipantStatus.REGISTERED


def test_migration_0002_derives_coverage_for_existing_payments(tmp_path, demo_db_template):
    import shutil
    import sqlite3 as raw

    from outreach_app.storage.coverage_cache import rebuild_coverage
    from outreach_app.storage.database import open_database

    path = tmp_path / "old.db"
    shutil.copy(demo_db_template, path)
    db = open_database(path)
    expected = db.execute("SELECT * FROM participant_coverage ORDER BY 1").fetchall()
    db.execute("DROP TABLE participant_coverage")
    db.execute("DROP TABLE local_settings")
    db.execute("DROP INDEX participants_live_name")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_participant_coverage'")
    undo_dashboard_migration(db)  # 0011 adds to that table: undone too, so both run again
    db.conn.commit()
    db.close()
    with Store(path) as store:  # an older database: 0002 runs and derives the table
        rows = store.db.execute("SELECT * FROM participant_coverage ORDER BY 1").fetchall()
        assert rows == expected and len(rows) > 1000
        assert rebuild_coverage(store.db) == len(rows)
    assert raw.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_draft_keeps_a_half_typed_nik_and_its_heirs_follow_the_form(
    enrolment: EnrolmentService, demo_store: Store, agent: User
) -> None:
    from outreach_app.domain.models import Heir, SyncStamp

    draft = new_person(demo_store, nik="81030155029")  # 11 digits typed so far
    wife = Heir(SyncStamp.new(), draft.stamp.id, "Markus Batlayeri", "Suami")
    draft = replace(draft, heirs=(wife,))
    draft_id = enrolment.save_draft(draft, agent)
    stored = demo_store.participants.get(draft_id)
    assert (stored.nik, stored.nik_typed) == (None, "81030155029")
    child = Heir(SyncStamp.new(), draft_id, "Sara Batlayeri", "Anak")
    renamed = replace(wife, full_name="Markus P. Batlayeri")
    enrolment.register(replace(draft, nik="8103015502900007", heirs=(renamed, child)), agent)
    stored = demo_store.participants.with_heirs(demo_store.participants.get(draft_id))
    assert (stored.nik, stored.nik_typed) == ("8103015502900007", "")
    assert sorted(h.full_name for h in stored.heirs) == ["Markus P. Batlayeri", "Sara Batlayeri"]
    enrolment.register(replace(draft, nik="8103015502900007", heirs=(child,)), agent)
    stored = demo_store.participants.with_heirs(demo_store.participants.get(draft_id))
    assert [h.full_name for h in stored.heirs] == ["Sara Batlayeri"]


def test_premium_preview_follows_payer_and_period(enrolment: EnrolmentService, demo_store) -> None:
    apbd = demo_store.payers.of_type(PayerType.APBD)[0]
    own = enrolment.preview(800_000, 1, False, None, Sector.OTHER)
    assert (own.base_income, own.total) == (1_000_000, 8_400)  # November 2026: relief
    by_apbd = enrolment.preview(800_000, 3, True, apbd.stamp.id, Sector.OTHER)
    assert (by_apbd.total, by_apbd.monthly_total) == (3 * 36_800, 36_800)


def test_a_collective_payer_pays_for_all_its_members_at_once(
    payments: PaymentService, demo_store: Store, agent: User
) -> None:
    payer = demo_store.payers.of_type(PayerType.APBDES)[0]
    quote = payments.quote_group(payer.stamp.id, 3, dt.date(2027, 1, 1))
    members = demo_store.participants.of_payer(payer.stamp.id)
    refused = len(quote.refused)  # in arrears or lapsed: January 2027 would leave a gap
    assert len(quote.lines) + quote.already_paid + refused == len(members)
    assert len(quote.lines) > 5 and quote.already_paid > 0  # some paid ahead into 2027
    # 2027: no relief; APBDes members on the minimum pay Rp16.800 a month
    assert quote.total == sum(b.total for _, b in quote.lines) >= len(quote.lines) * 3 * 16_800
    receipts = payments.record_group(payer.stamp.id, 3, dt.date(2027, 1, 1), agent)
    assert len({r.receipt_no for r in receipts}) == len(quote.lines)
    again = payments.quote_group(payer.stamp.id, 3, dt.date(2027, 1, 1))
    assert again.lines == () and again.already_paid == len(members) - refused  # never twice
    assert sum(r.total for r in receipts) == quote.total
    assert all(r.payer_id == payer.stamp.id for r in receipts)


def test_a_collective_payment_is_all_or_nothing(
    payments: PaymentService, demo_store: Store, agent: User, monkeypatch
) -> None:
    payer = demo_store.payers.of_type(PayerType.APBDES)[0]
    before = demo_store.payments.count()
    calls = []
    original = payments.record

    def fail_on_the_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise ReceiptRefused("simulated failure mid-list")
        return original(*args, **kwargs)

    monkeypatch.setattr(payments, "record", fail_on_the_third)
    with pytest.raises(ReceiptRefused):
        payments.record_group(payer.stamp.id, 1, dt.date(2027, 1, 1), agent)
    assert demo_store.payments.count() == before  # the first two were rolled back too


def undo_dashboard_migration(db) -> None:
    """Takes a database back to before 0011_dashboard_aggregates (its table columns went with
    the dropped participant_coverage)."""
    db.execute("DROP TRIGGER IF EXISTS participants_keep_coverage_area")
    for index in ("participants_village_payer", "participants_registered",
                  "participants_registration", "payments_collected"):  # fmt: skip
        db.execute(f"DROP INDEX {index}")
    db.execute(
        "CREATE INDEX participants_village_status ON participants (deleted, village_id, status)"
    )
    db.execute("CREATE INDEX payments_collector_day ON payments (collected_by, paid_at)")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0011_dashboard_aggregates'")

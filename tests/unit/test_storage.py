"""The store: migrations, the outbox written with every change, and rules the database keeps."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from outreach_app.domain.hlc import Timestamp
from outreach_app.domain.models import (
    Branch,
    Heir,
    Participant,
    ParticipantStatus,
    Role,
    SyncStamp,
    User,
    Village,
)
from outreach_app.storage.errors import DuplicateNik, NotFound, ReceiptLocked, StorageUnavailable
from outreach_app.storage.migrations import known_migration_names
from outreach_app.storage.rows import from_row, to_row
from outreach_app.storage.store import Store
from tests.factories import make_participant


def outbox(store: Store) -> list[tuple[str, str, str, str]]:
    return store.db.execute(
        "SELECT table_name, row_id, op, fields FROM outbox ORDER BY seq"
    ).fetchall()


def make_branch(store: Store) -> Branch:
    branch = Branch(SyncStamp.new(), "MAL", "Kantor Cabang Maluku", "8171")
    store.branches.add(branch)
    return store.branches.get(branch.stamp.id)


def make_village(store: Store, branch: Branch) -> Village:
    village = Village(
        SyncStamp.new(), "8103012002", "Wowonda", "Tanimbar Selatan",
        "Kabupaten Kepulauan Tanimbar", "Maluku", branch.stamp.id, 420, 231,
    )  # fmt: skip
    store.villages.add(village)
    return village


def make_person(village: Village, **changes) -> Participant:
    return make_participant(changes.pop("village_id", village.stamp.id), **changes)


@pytest.fixture
def village(store: Store) -> Village:
    return make_village(store, make_branch(store))


def test_new_database_has_wal_foreign_keys_and_full_sync(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_reopening_migrates_nothing_and_keeps_the_device(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as first:
        device = first.device
    with Store(tmp_path / "a.db") as second:
        assert second.device == device
        applied = second.db.execute("SELECT name FROM _sqlite_migrations").fetchall()
        assert [name for (name,) in applied] == sorted(known_migration_names())
        assert applied[:2] == [("0001_initial",), ("0002_participant_coverage",)]


def test_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    with Store(path) as store:
        store.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('outreach', '9999_from_the_future', 'x')"
        )
        store.db.conn.commit()
    before = path.read_bytes()
    with pytest.raises(StorageUnavailable, match="versi Perisai Outreach yang lebih baru"):
        Store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_advice(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is a shopping list, not a database\n" * 100)
    with pytest.raises(StorageUnavailable, match="bukan basis data"):
        Store(path)


def test_insert_records_all_fields_in_the_outbox(store: Store, village: Village) -> None:
    person = make_person(village)
    participant_id = store.participants.add(person)
    table, row_id, op, fields = outbox(store)[-1]
    assert (table, row_id, op) == ("participants", participant_id, "insert")
    assert '"nik":"8103011508950001"' in fields
    assert '"declared_income":1500000' in fields
    stored = store.participants.get(participant_id)
    assert stored.stamp.device_id == store.device.id
    assert Timestamp.decode(stored.stamp.updated_hlc) > Timestamp(0, 0)


def test_update_records_only_the_changed_fields(store: Store, village: Village) -> None:
    participant_id = store.participants.add(make_person(village))
    before = store.participants.get(participant_id).stamp.updated_hlc
    assert store.participants.update(participant_id, phone="081111111111", occupation="Nelayan")
    table, row_id, op, fields = outbox(store)[-1]
    assert (table, row_id, op, fields) == (
        "participants", participant_id, "update", '{"phone":"081111111111"}',
    )  # fmt: skip
    assert store.participants.get(participant_id).stamp.updated_hlc > before


def test_an_update_that_changes_nothing_writes_nothing(store: Store, village: Village) -> None:
    participant_id = store.participants.add(make_person(village))
    count = len(outbox(store))
    assert not store.participants.update(participant_id, phone="081234567890")
    assert len(outbox(store)) == count


def test_delete_is_a_tombstone_that_travels(store: Store, village: Village) -> None:
    participant_id = store.participants.add(make_person(village))
    store.participants.delete(participant_id)
    assert store.participants.find(participant_id) is None
    assert store.db.execute(
        "SELECT deleted FROM participants WHERE id = ?", [participant_id]
    ).fetchone() == (1,)
    assert outbox(store)[-1][2:] == ("delete", '{"deleted":1}')


def test_a_failed_transaction_leaves_neither_row_nor_change(store: Store, village: Village) -> None:
    count = len(outbox(store))
    with pytest.raises(RuntimeError), store.transaction():
        store.participants.add(make_person(village))
        raise RuntimeError("power cut")
    assert store.participants.count() == 0
    assert len(outbox(store)) == count


def test_duplicate_nik_is_refused_with_the_existing_record(store: Store, village: Village) -> None:
    first = store.participants.add(make_person(village))
    with pytest.raises(DuplicateNik) as caught:
        store.participants.add(make_person(village, full_name="Someone Else"))
    assert caught.value.existing_id == first
    assert store.participants.count() == 1


def test_the_database_itself_refuses_a_duplicate_live_nik(store: Store, village: Village) -> None:
    store.participants.add(make_person(village))
    with pytest.raises(sqlite3.IntegrityError):
        store.writer.insert(
            "participants", {**to_row(make_person(village)), "id": "x", "deleted": 0}
        )


def test_a_deleted_participants_nik_can_be_enrolled_again(store: Store, village: Village) -> None:
    first = store.participants.add(make_person(village))
    store.participants.delete(first)
    second = store.participants.add(make_person(village))
    assert store.participants.by_nik("8103011508950001").stamp.id == second


def test_drafts_without_nik_do_not_collide(store: Store, village: Village) -> None:
    store.participants.add(make_person(village, nik=None, status=ParticipantStatus.DRAFT))
    store.participants.add(make_person(village, nik=None, status=ParticipantStatus.DRAFT))
    assert store.participants.count() == 2


def test_heirs_are_saved_with_their_participant(store: Store, village: Village) -> None:
    person = make_person(village)
    heir = Heir(SyncStamp.new(), person.stamp.id, "Maria Ratuanak", "Istri")
    participant_id = store.participants.add(replace(person, heirs=(heir,)))
    loaded = store.participants.with_heirs(store.participants.get(participant_id))
    assert [h.full_name for h in loaded.heirs] == ["Maria Ratuanak"]


def test_rows_round_trip_to_the_same_record(store: Store, village: Village) -> None:
    participant_id = store.participants.add(make_person(village))
    stored = store.participants.get(participant_id)
    assert from_row(Participant, to_row(stored)) == stored


def test_unknown_village_is_refused_by_the_foreign_key(store: Store, village: Village) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.participants.add(make_person(village, village_id="no-such-village"))


def test_receipt_numbers_are_sequential_with_the_device_prefix(store: Store) -> None:
    store.set_device("Laptop Saumlaki", "sml01")
    with store.transaction():
        numbers = [store.next_receipt_no() for _ in range(3)]
    assert numbers == ["SML01-000001", "SML01-000002", "SML01-000003"]
    with pytest.raises(RuntimeError):
        store.next_receipt_no()


def test_a_rolled_back_payment_gives_its_receipt_number_back(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.next_receipt_no()
        raise RuntimeError("crash before the payment was written")
    with store.transaction():
        assert store.next_receipt_no().endswith("-000001")


def test_bad_receipt_prefix_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="Awalan kuitansi"):
        store.set_device("x", "a b")


def test_clock_resumes_after_its_last_change_when_reopened(tmp_path: Path) -> None:
    frozen = dt.datetime(2026, 11, 21, 8, 0, tzinfo=dt.UTC)
    with Store(tmp_path / "c.db", now=lambda: frozen) as store:
        branch = make_branch(store)
        last = store.branches.get(branch.stamp.id).stamp.updated_hlc
    # the laptop's clock went back a day: new changes must still sort after the old ones
    with Store(tmp_path / "c.db", now=lambda: frozen - dt.timedelta(days=1)) as store:
        store.branches.update(branch.stamp.id, name="Cabang Ambon")
        assert store.branches.get(branch.stamp.id).stamp.updated_hlc > last


def test_audit_log_is_append_only(store: Store) -> None:
    store.audit.record(dt.datetime(2026, 11, 21, 9, 0), "agen", "register", "participants", "p1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE audit_log SET actor = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM audit_log")


def test_users_and_lookups(store: Store) -> None:
    branch = make_branch(store)
    agent = User(SyncStamp.new(), "agen.saumlaki", "Yosina Ratuanak", Role.AGENT, branch.stamp.id)
    store.users.add(agent)
    assert store.users.by_username("agen.saumlaki").full_name == "Yosina Ratuanak"
    assert [u.username for u in store.users.agents(branch.stamp.id)] == ["agen.saumlaki"]
    with pytest.raises(NotFound, match="Pengguna tidak ditemukan"):
        store.users.by_username("nobody")


def test_receipts_cannot_be_edited_or_deleted_through_the_repository(store: Store) -> None:
    with pytest.raises(ReceiptLocked):
        store.payments.update("any", total=1)
    with pytest.raises(ReceiptLocked):
        store.payments.delete("any")


def test_nik_prefix_lists_in_nik_order_and_pages_by_nik(store: Store, village: Village) -> None:
    import datetime as dt

    from outreach_app.storage.participant_list import ParticipantFilter

    for serial, name in ((3, "Ada"), (1, "Zed"), (2, "Mia")):
        store.participants.add(make_person(village, nik=f"810301150895000{serial}", full_name=name))
    today = dt.date(2026, 11, 21)
    first = store.participant_list.page(ParticipantFilter(text="8103"), today, 2)
    assert [p.participant.full_name for p in first] == ["Zed", "Mia"]  # by NIK, not by name
    rest = store.participant_list.page(ParticipantFilter(text="8103"), today, 2, after=first[-1])
    assert [p.participant.full_name for p in rest] == ["Ada"]
    by_name = store.participant_list.page(ParticipantFilter(text="a"), today, 5)
    assert [p.participant.full_name for p in by_name] == ["Ada", "Mia"]


def test_pending_changes_counter_follows_the_outbox(store: Store, village: Village) -> None:
    def counted() -> int:
        return store.db.execute("SELECT count(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0]

    store.participants.add(make_person(village))
    store.participants.add_many([make_person(village, nik=None), make_person(village, nik=None)])
    assert store.pending_changes() == counted() == 5  # branch, village, three participants
    with store.transaction():  # what the sync will do: acknowledge, then prune acked rows
        store.db.execute("UPDATE outbox SET acked_at = 'now' WHERE seq <= 2")
        store.db.execute("DELETE FROM outbox WHERE acked_at IS NOT NULL")
        store.db.execute("DELETE FROM outbox WHERE seq = 3")  # a dropped, unacked change
    assert store.pending_changes() == counted() == 2
    with pytest.raises(RuntimeError), store.transaction():
        store.participants.add(make_person(village, nik=None))
        raise RuntimeError("rolled back with its count")
    assert store.pending_changes() == counted() == 2

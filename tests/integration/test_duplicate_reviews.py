"""The same person enrolled on two laptops, resolved by the branch: one record kept, the other
retired into it with its receipts and heirs, and every laptop in scope told, against a real
server process on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from outreach_app.domain.ids import uuid7
from outreach_app.services.duplicates import DuplicateDesk
from outreach_app.sync.client import SyncDenied
from tests.integration.sync_world import enrolled_twice, services

NIK = "8103011508950001"


@pytest.fixture
def duplicate(branch, schedule):
    """(staff, Saumlaki, Ambon, Saumlaki's record, Ambon's record of the same person)."""
    staff, saumlaki, ambon, villages = branch
    kept, retired = enrolled_twice(staff, saumlaki, ambon, villages, schedule)
    return staff, saumlaki, ambon, kept, retired


def test_staff_see_both_records_side_by_side(duplicate) -> None:
    staff, saumlaki, _ambon, kept, retired = duplicate
    [review] = DuplicateDesk(staff.sync).open_reviews()
    assert (review.nik, review.status) == (NIK, "open")
    records = {record.row_id: record for record in review.records}
    assert set(records) == {kept, retired}
    assert records[kept].agent == "Yosina Ratuanak" and records[retired].agent == "Nus Pattiasina"
    assert records[kept].village == "Wowonda"
    assert (records[kept].receipts, records[retired].receipts) == (1, 1)
    assert records[kept].paid_total > records[retired].paid_total > 0
    assert (records[kept].heirs, records[retired].heirs) == (0, 1)
    # the second record (with its heir and receipt) waits, unapplied, on the laptops that had
    # the first
    for machine in (staff, saumlaki):
        held = machine.sync.state.held()
        assert sorted(table for table, _row, _reason in held) == [
            "heirs",
            "participants",
            "payments",
        ]
        assert [row for table, row, _r in held if table == "participants"] == [retired]
    # only staff review
    with pytest.raises(SyncDenied) as refused:
        DuplicateDesk(saumlaki.sync).open_reviews()
    assert refused.value.status == 403


def test_keeping_one_retires_the_other_on_every_laptop(duplicate) -> None:
    staff, saumlaki, ambon, kept, retired = duplicate
    desk = DuplicateDesk(staff.sync)
    [review] = desk.open_reviews()
    report = desk.resolve(review.id, kept)
    assert report.held == 0 and staff.sync.state.held() == []
    assert desk.open_reviews() == []
    for agent in (saumlaki, ambon):
        agent.sync.sync()

    # the kept record took the phone it lacked and the heir; the other is a tombstone
    person = staff.store.participants.with_heirs(staff.store.participants.get(kept))
    assert person.phone == "081311112222"
    assert [heir.full_name for heir in person.heirs] == ["Maria Ratuanak"]
    assert staff.store.participants.find(retired) is None
    assert staff.rows("participants") == saumlaki.rows("participants")
    assert staff.rows("heirs") == saumlaki.rows("heirs")
    # both receipts, never edited, count for the person kept
    receipts = staff.store.payments.of_participant(kept)
    assert {receipt.participant_id for receipt in receipts} == {kept, retired}
    assert staff.store.payments.coverage_run(kept) is not None
    assert staff.store.payments.coverage_run(retired) is None
    assert saumlaki.store.payments.of_participant(kept) == receipts
    assert saumlaki.sync.state.held() == []

    # both agents see the outcome: Ambon's record was retired into one outside its scope
    [outcome] = DuplicateDesk(ambon.sync).outcomes()
    assert outcome.retired.stamp.id == retired and outcome.retired.merged_into == kept
    assert outcome.kept is None and ambon.store.participants.find(retired) is None
    [outcome] = DuplicateDesk(saumlaki.sync).outcomes()
    assert outcome.kept is not None and outcome.kept.stamp.id == kept


def test_a_decision_is_final_and_sent_twice_changes_nothing(duplicate) -> None:
    staff, _saumlaki, _ambon, kept, retired = duplicate
    desk = DuplicateDesk(staff.sync)
    [review] = desk.open_reviews()
    with staff.sync.connect() as client:  # the raw API, to send the same answer twice
        first = client.resolve_review(review.id, kept)
        again = client.resolve_review(review.id, kept)
        assert first.changes == 3 and again.changes == 0  # retire, move the heir, fill
        assert again.review.status == "resolved" and again.review.kept_row_id == kept
        with pytest.raises(SyncDenied) as other:
            client.resolve_review(review.id, retired)
        assert other.value.status == 409
        with pytest.raises(SyncDenied) as stranger:
            client.resolve_review(review.id, uuid7())  # a row, but not one of this pair
        assert stranger.value.status == 400
        with pytest.raises(SyncDenied) as missing:
            client.resolve_review(review.id + 100, kept)
        assert missing.value.status == 404


def test_receipts_taken_before_the_agent_heard_still_count(duplicate, schedule) -> None:
    staff, _saumlaki, ambon, kept, retired = duplicate
    desk = DuplicateDesk(staff.sync)
    desk.resolve(desk.open_reviews()[0].id, kept)
    # Ambon, still offline, takes another month from the same person on the old record
    late = services(ambon, schedule)[1].record(retired, 1, ambon.user("agen.ambon"))
    report = ambon.sync.sync()
    assert report.rejected == 0
    staff.sync.sync()
    assert late.receipt_no in {p.receipt_no for p in staff.store.payments.of_participant(kept)}


def test_no_laptop_merges_records_by_itself(duplicate) -> None:
    _staff, saumlaki, _ambon, kept, retired = duplicate
    other = saumlaki.store.participants.get(kept)
    saumlaki.store.participants.update(other.stamp.id, merged_into=retired)
    report = saumlaki.sync.sync()
    assert report.rejected == 1
    assert "staf cabang" in report.rejections[0]

"""Receipts of a record the branch retired into another count for the record kept: the run of
paid months, the receipts listed and the months already paid follow the `merged_into` link,
through chains, and stop at a record this laptop does not have."""

from __future__ import annotations

import datetime as dt

from outreach_app.domain.models import Payment, Role, SyncStamp, User
from outreach_app.storage.coverage_cache import holder, rebuild_coverage, refresh_coverage
from outreach_app.storage.store import Store
from tests.factories import make_participant
from tests.unit.test_storage import make_branch, make_village


def receipt(
    participant_id: str, number: int, start: dt.date, months: int, agent: str = "agent-1"
) -> Payment:
    return Payment(
        stamp=SyncStamp.new(), receipt_no=f"R-{number:05d}", participant_id=participant_id,
        payer_id=None, period_start=start, months=months, jkk=10_000 * months,
        jkm=6_800 * months, jht=0, discount=0, total=16_800 * months,
        paid_at=dt.datetime(2026, 1, 5, 9, 0), collected_by=agent,
    )  # fmt: skip


def three_records(store: Store) -> tuple[str, str, str]:
    """kept <- middle <- oldest: oldest was merged into middle, middle later into kept."""
    branch = make_branch(store)
    village = make_village(store, branch).stamp.id
    store.users.add(
        User(SyncStamp("agent-1", "", ""), "agen", "Agen Satu", Role.AGENT, branch.stamp.id)
    )
    kept = store.participants.add(make_participant(village, nik="8103011508950001"))
    middle = store.participants.add(make_participant(village, nik="8103011508950002"))
    oldest = store.participants.add(make_participant(village, nik="8103011508950003"))
    store.payments.add(receipt(kept, 1, dt.date(2026, 1, 1), 2))  # Jan-Feb
    store.payments.add(receipt(middle, 2, dt.date(2026, 3, 1), 2))  # Mar-Apr
    store.payments.add(receipt(oldest, 3, dt.date(2026, 5, 1), 1))  # May
    return kept, middle, oldest


def retire(store: Store, record: str, into: str) -> None:
    store.participants.update(record, merged_into=into)
    store.participants.delete(record)


def test_a_chain_of_merges_gathers_every_receipt_into_one_run(store: Store) -> None:
    kept, middle, oldest = three_records(store)
    assert store.payments.coverage_run(kept) == (dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    retire(store, oldest, middle)
    retire(store, middle, kept)
    assert holder(store.db, oldest) == kept
    refresh_coverage(store.db, oldest)
    assert store.payments.coverage_run(kept) == (dt.date(2026, 1, 1), dt.date(2026, 5, 31))
    assert store.payments.coverage_run(oldest) is None
    assert [p.receipt_no for p in store.payments.of_participant(kept)] == [
        "R-00001", "R-00002", "R-00003",
    ]  # fmt: skip
    assert store.payments.covers(kept, dt.date(2026, 5, 1))  # no second receipt for May
    assert not store.payments.covers(kept, dt.date(2026, 6, 1))
    # a rebuild (after a migration or an import) agrees
    store.db.execute("DELETE FROM participant_coverage")
    rebuild_coverage(store.db)
    assert store.payments.coverage_run(kept) == (dt.date(2026, 1, 1), dt.date(2026, 5, 31))
    assert store.payments.coverage_run(middle) is None


def test_the_chain_stops_at_a_record_this_laptop_does_not_have(store: Store) -> None:
    kept, _middle, oldest = three_records(store)
    # the record kept lives outside this laptop's scope: it never arrived here
    store.db.execute(
        "UPDATE participants SET merged_into = 'elsewhere', deleted = 1 WHERE id = ?", [oldest]
    )
    assert holder(store.db, oldest) == oldest
    assert refresh_coverage(store.db, oldest) == (dt.date(2026, 5, 1), dt.date(2026, 5, 31))
    assert holder(store.db, kept) == kept


def test_a_loop_no_review_makes_does_not_hang(store: Store) -> None:
    kept, middle, _oldest = three_records(store)
    retire(store, kept, middle)
    retire(store, middle, kept)
    assert holder(store.db, kept) in {kept, middle}
    assert refresh_coverage(store.db, kept) is not None


def test_merged_records_are_listed_with_the_record_kept(store: Store) -> None:
    kept, middle, _oldest = three_records(store)
    retire(store, middle, kept)
    [(retired, kept_record)] = store.participants.merged_away()
    assert retired.stamp.id == middle and retired.merged_into == kept
    assert kept_record is not None and kept_record.stamp.id == kept

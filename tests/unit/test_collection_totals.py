"""collection_totals (migration 0012): the premiums each agent collected per month, grouped as
the incentive estimate reads them and kept by triggers, must always equal a plain
recomputation from the receipts, whatever wrote them: receipts recorded here or pulled, voided
here or by a pulled change, registration dates corrected here or by sync, duplicates merged."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.models import Payment, Role, SyncStamp, User
from outreach_app.domain.months import add_months
from outreach_app.storage.collection_totals import (
    rebuild_totals,
    recomputed_totals,
    stored_totals,
)
from outreach_app.storage.coverage_cache import refresh_coverage
from outreach_app.storage.dashboard import CollectionGroup
from outreach_app.storage.migrations import _split_statements
from outreach_app.storage.rows import STAMP_COLUMNS, to_row
from outreach_app.storage.store import Store
from outreach_app.storage.sync_state import SyncState
from tests.factories import make_participant
from tests.unit.test_storage import make_branch, make_village

OTHER = "0192b3c4-d5e6-7f8a-9b0c-1d2e3f4a5b6c"  # another laptop, as in test_sync_state
NOVEMBER = dt.date(2026, 11, 1)


@dataclass
class Laptop:
    store: Store
    agents: list[str]
    people: list[str]
    sync: SyncState
    numbers: Counter[str] = field(default_factory=Counter)
    pulled: int = 0

    def receipt(self, person: int, agent: int, paid_at: dt.datetime, start: dt.date,
                months: int, total: int, voided: bool = False) -> Payment:  # fmt: skip
        self.numbers["receipt"] += 1
        return Payment(
            stamp=SyncStamp.new(), receipt_no=f"T-{self.numbers['receipt']:05d}",
            participant_id=self.people[person], payer_id=None, period_start=start,
            months=months, jkk=total, jkm=0, jht=0, discount=0, total=total, paid_at=paid_at,
            collected_by=self.agents[agent], voided=voided,
            void_reason="Salah bulan" if voided else "",
        )  # fmt: skip

    def pull(self, table: str, row_id: str, fields: dict[str, object], op: str = "update") -> None:
        """As a page from the server writes it (another laptop's change, newer than ours; what
        this laptop wrote counts as sent, or the pull would keep its unsent edits)."""
        self.store.db.execute("UPDATE outbox SET acked_at = 'sent' WHERE acked_at IS NULL")
        self.pulled += 1
        hlc = f"{self.store.clock.last.wall_ms + 60_000:013d}-0000"
        change = {"server_seq": self.pulled, "device_id": OTHER, "seq": self.pulled,
                  "table": table, "row_id": row_id, "op": op, "fields": fields,
                  "hlc": hlc}  # fmt: skip
        report = self.sync.apply_pulled([change], cursor=self.pulled)
        assert report.applied == 1, report


def laptop(store: Store, registered: list[dt.date | None]) -> Laptop:
    branch = make_branch(store)
    village = make_village(store, branch).stamp.id
    agents = [
        User(SyncStamp.new(), f"agen{n}", f"Agen {n}", Role.AGENT, branch.stamp.id) for n in (1, 2)
    ]
    store.users.add_many(agents)
    people = [
        store.participants.add(
            make_participant(village, nik=f"81030115089500{n:02d}", registered_on=day)
        )
        for n, day in enumerate(registered, start=1)
    ]
    return Laptop(store, [a.stamp.id for a in agents], people, SyncState(store))


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def groups(store: Store, month: dt.date) -> set[CollectionGroup]:
    return set(store.reader().dashboard.collections(month))


def test_receipts_add_voids_take_out_and_an_emptied_group_goes(store: Store) -> None:
    pc = laptop(store, [dt.date(2026, 10, 20), None])
    first = pc.receipt(0, 0, at("2026-11-03T09:00:00+09:00"), NOVEMBER, 3, 50_400)
    second = pc.receipt(0, 0, at("2026-11-04T10:00:00+09:00"), NOVEMBER, 3, 50_400)
    store.payments.add_many([first, second])
    store.payments.add(pc.receipt(1, 1, at("2026-11-05T10:00:00+09:00"), NOVEMBER, 1, 16_800))
    # written just after midnight in Saumlaki: a November receipt, though still October in UTC
    store.payments.add(pc.receipt(1, 1, at("2026-11-01T00:30:00+09:00"), NOVEMBER, 1, 16_800))
    october = dt.date(2026, 10, 1)
    assert groups(store, NOVEMBER) == {
        CollectionGroup(pc.agents[0], october, NOVEMBER, 3, 100_800, 2),
        CollectionGroup(pc.agents[1], None, NOVEMBER, 1, 33_600, 2),  # no registration date
    }
    assert groups(store, october) == set()
    store.payments.void(first.receipt_no, "Salah bulan")
    assert CollectionGroup(pc.agents[0], october, NOVEMBER, 3, 50_400, 1) in groups(store, NOVEMBER)
    store.payments.void(second.receipt_no, "Salah bulan")
    assert {g.agent_id for g in groups(store, NOVEMBER)} == {pc.agents[1]}  # no empty group left
    assert stored_totals(store.db) == recomputed_totals(store.db)


def test_a_corrected_registration_date_moves_the_receipts_to_its_month(store: Store) -> None:
    pc = laptop(store, [dt.date(2026, 10, 20), dt.date(2026, 10, 2)])
    store.payments.add(pc.receipt(0, 0, at("2026-11-03T09:00:00+09:00"), NOVEMBER, 1, 16_800))
    store.payments.add(pc.receipt(1, 0, at("2026-11-03T09:00:00+09:00"), NOVEMBER, 1, 16_800))
    october, june = dt.date(2026, 10, 1), dt.date(2026, 6, 1)
    assert groups(store, NOVEMBER) == {CollectionGroup(pc.agents[0], october, NOVEMBER, 1,
                                                       33_600, 2)}  # fmt: skip
    pc.pull("participants", pc.people[0], {"registered_on": "2026-06-30"})  # by sync
    assert groups(store, NOVEMBER) == {
        CollectionGroup(pc.agents[0], october, NOVEMBER, 1, 16_800, 1),
        CollectionGroup(pc.agents[0], june, NOVEMBER, 1, 16_800, 1),
    }
    store.participants.update(pc.people[1], registered_on=dt.date(2026, 6, 5))  # here
    assert groups(store, NOVEMBER) == {CollectionGroup(pc.agents[0], june, NOVEMBER, 1, 33_600,
                                                       2)}  # fmt: skip
    store.participants.update(pc.people[1], registered_on=dt.date(2026, 6, 28))  # same month
    store.participants.update(pc.people[1], registered_on=None)
    assert CollectionGroup(pc.agents[0], None, NOVEMBER, 1, 16_800, 1) in groups(store, NOVEMBER)
    assert stored_totals(store.db) == recomputed_totals(store.db)


def test_a_pulled_receipt_counts_unless_it_comes_voided(store: Store) -> None:
    pc = laptop(store, [dt.date(2026, 10, 20)])
    for voided in (False, True):
        receipt = pc.receipt(0, 1, at("2026-11-03T09:00:00+08:00"), NOVEMBER, 2, 33_600, voided)
        fields = {k: v for k, v in to_row(receipt).items() if k not in STAMP_COLUMNS}
        pc.pull("payments", receipt.stamp.id, fields, op="insert")
    assert groups(store, NOVEMBER) == {
        CollectionGroup(pc.agents[1], dt.date(2026, 10, 1), NOVEMBER, 2, 33_600, 1)
    }
    [standing] = [p for p in store.payments.matching() if not p.voided]
    pc.pull("payments", standing.stamp.id, {"voided": 1, "void_reason": "Dobel"})
    assert groups(store, NOVEMBER) == set()
    assert stored_totals(store.db) == recomputed_totals(store.db)


def test_a_merge_leaves_the_receipts_with_their_own_registration_date(store: Store) -> None:
    pc = laptop(store, [dt.date(2025, 1, 10), dt.date(2026, 10, 20)])
    store.payments.add(pc.receipt(1, 0, at("2026-11-03T09:00:00+09:00"), NOVEMBER, 1, 16_800))
    store.participants.update(pc.people[1], merged_into=pc.people[0])
    store.participants.delete(pc.people[1])
    refresh_coverage(store.db, pc.people[1])
    # the record kept now holds the run of paid months; the receipt stays where it was
    assert store.payments.coverage_run(pc.people[0]) is not None
    assert groups(store, NOVEMBER) == {
        CollectionGroup(pc.agents[0], dt.date(2026, 10, 1), NOVEMBER, 1, 16_800, 1)
    }


def test_migration_0012_fills_the_table_from_the_receipts_already_there(tmp_path: Path) -> None:
    path = tmp_path / "outreach.db"
    with Store(path) as store:
        pc = laptop(store, [dt.date(2026, 10, 20), dt.date(2025, 3, 1)])
        store.payments.add(pc.receipt(0, 0, at("2026-11-03T09:00:00+09:00"), NOVEMBER, 3, 1))
        store.payments.add(pc.receipt(1, 1, at("2026-10-03T09:00:00+09:00"), NOVEMBER, 1, 2))
        expected = stored_totals(store.db)
        # back to a database of migration 0011, its receipts in place
        for name in ("payments_add_to_collection_totals", "payments_void_in_collection_totals",
                     "participants_move_collection_totals"):  # fmt: skip
            store.db.execute(f"DROP TRIGGER {name}")
        store.db.execute("DROP TABLE collection_totals")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_collection_totals'")
    with Store(path) as store:
        assert len(expected) == 2 and stored_totals(store.db) == expected
        assert recomputed_totals(store.db) == expected
        assert rebuild_totals(store.db) == 2


def test_the_migrations_statements_split_whole() -> None:
    from outreach_app.storage.collection_totals import SCHEMA

    statements = _split_statements(SCHEMA)
    assert len(statements) == 4 and all(s.rstrip().endswith(";") for s in statements)


# --- against a plain recomputation, on random histories ---------------------------------------

MONTHS = [dt.date(2026, 9, 1), dt.date(2026, 10, 1), NOVEMBER]
ZONES = ["+07:00", "+08:00", "+09:00"]

registrations = st.one_of(st.none(), st.sampled_from([*MONTHS, dt.date(2024, 12, 1)]).map(
    lambda first: first + dt.timedelta(days=19)))  # fmt: skip
payment = st.tuples(
    st.just("pay"),
    st.integers(0, 3),  # person
    st.integers(0, 1),  # agent
    st.sampled_from(MONTHS),  # month paid
    st.sampled_from(["01T00:30:00", "15T12:00:00", "30T23:30:00"]),  # local time of day
    st.sampled_from(ZONES),
    st.integers(-2, 2),  # period start, months after the month paid
    st.integers(1, 12),
    st.integers(0, 500_000),
    st.sampled_from(["here", "here in a batch", "pulled", "pulled voided"]),
)
void = st.tuples(st.just("void"), st.integers(0, 50), st.sampled_from(["here", "pulled"]))
registration = st.tuples(st.just("register"), st.integers(0, 3), registrations,
                         st.sampled_from(["here", "pulled"]))  # fmt: skip
merge = st.tuples(st.just("merge"), st.integers(0, 3), st.integers(0, 3))
operations = st.lists(st.one_of(payment, payment, void, registration, merge), max_size=25)


def apply(pc: Laptop, operation: tuple[Any, ...]) -> None:
    store = pc.store
    kind = operation[0]
    if kind == "pay":
        _, person, agent, month, time, zone, shift, months, total, how = operation
        paid_at = at(f"{month.isoformat()[:8]}{time}{zone}")
        receipt = pc.receipt(person, agent, paid_at, add_months(month, shift), months, total,
                             voided=how == "pulled voided")  # fmt: skip
        if how == "here":
            store.payments.add(receipt)
        elif how == "here in a batch":
            store.payments.add_many([receipt])
        else:
            fields = {k: v for k, v in to_row(receipt).items() if k not in STAMP_COLUMNS}
            pc.pull("payments", receipt.stamp.id, fields, op="insert")
    elif kind == "void":
        _, index, how = operation
        standing = [p for p in store.payments.matching() if not p.voided]
        if not standing:
            return
        chosen = standing[index % len(standing)]
        if how == "here":
            store.payments.void(chosen.receipt_no, "Salah bulan")
        else:
            pc.pull("payments", chosen.stamp.id, {"voided": 1, "void_reason": "Dobel"})
    elif kind == "register":
        _, person, day, how = operation
        text = None if day is None else day.isoformat()
        if how == "here":
            store.participants.update(pc.people[person], registered_on=day)
        elif text != column(store, pc.people[person], "registered_on"):
            pc.pull("participants", pc.people[person], {"registered_on": text})  # else no change
    else:
        _, retired, kept = operation
        if retired != kept and not column(store, pc.people[retired], "deleted"):
            store.participants.update(pc.people[retired], merged_into=pc.people[kept])
            store.participants.delete(pc.people[retired])
            refresh_coverage(store.db, pc.people[retired])


def column(store: Store, person: str, name: str) -> object:
    """A participant's column as stored, retired records too (repositories skip those)."""
    return store.db.execute(f"SELECT {name} FROM participants WHERE id = ?", [person]).fetchone()[0]


Key = tuple[str, dt.date | None, dt.date, int]  # agent, registration month, period, months


def by_hand(store: Store, month: dt.date) -> dict[Key, tuple[int, int]]:
    """The month's standing receipts summed in Python, one at a time: no SQL but the reads."""
    registered = dict(store.db.execute("SELECT id, registered_on FROM participants").fetchall())
    sums: dict[Key, tuple[int, int]] = {}
    for receipt in store.payments.matching():
        if receipt.voided or receipt.paid_at.strftime("%Y-%m") != month.strftime("%Y-%m"):
            continue  # paid_at keeps the offset it was written with: its month is local
        day = registered[receipt.participant_id]
        key = (receipt.collected_by, None if day is None else dt.date.fromisoformat(day[:8] + "01"),
               receipt.period_start, receipt.months)  # fmt: skip
        amount, count = sums.get(key, (0, 0))
        sums[key] = (amount + receipt.total, count + 1)
    return sums


@settings(max_examples=60, deadline=None)
@given(st.lists(registrations, min_size=4, max_size=4), operations)
def test_the_kept_totals_equal_a_plain_recomputation(
    registered: list[dt.date | None], history: list[tuple[Any, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "o.db") as store:
        pc = laptop(store, registered)
        for operation in history:
            apply(pc, operation)
        assert stored_totals(store.db) == recomputed_totals(store.db)
        for month in MONTHS:
            read = store.reader().dashboard.collections(month)
            assert {
                (g.agent_id, g.registered_month, g.period_start, g.months): (g.amount, g.receipts)
                for g in read
            } == by_hand(store, month)
            assert len(read) == len(by_hand(store, month))  # one group per key, none empty

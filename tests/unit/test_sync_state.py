"""Merging pulled changes on a laptop: last writer wins per field, unsent edits stay, a page
and its cursor land together, what cannot land yet is held and released later."""

from __future__ import annotations

import pytest

from outreach_app.domain.models import Participant
from outreach_app.domain.versions import version, wins
from outreach_app.services.sync import SyncService
from outreach_app.storage.rows import data_columns
from outreach_app.storage.store import Store
from outreach_app.storage.sync_state import DUPLICATE_NIK, WAITING_FOR_EARLIER, SyncState
from tests.factories import make_participant

OTHER = "0192b3c4-d5e6-7f8a-9b0c-1d2e3f4a5b6c"


def remote(seq: int, row_id: str, fields: dict, hlc: str, op: str = "update") -> dict:
    return {"server_seq": seq, "device_id": OTHER, "seq": seq, "table": "participants",
            "row_id": row_id, "op": op, "fields": fields, "hlc": hlc}  # fmt: skip


def hlc_after(store: Store, ms: int) -> str:
    return f"{store.clock.last.wall_ms + ms:013d}-0000"


def test_versions_order_by_clock_then_device() -> None:
    assert wins(version("0000000000002-0000", "a"), version("0000000000001-ffff", "z"))
    assert wins(version("0000000000001-0000", "b"), version("0000000000001-0000", "a"))
    assert not wins(version("0000000000001-0000", "a"), version("0000000000001-0000", "a"))
    assert wins("x", None)


def test_newer_fields_win_older_lose_unsent_stay(store: Store) -> None:
    state = SyncState(store)
    person_id = store.participants.add(make_participant(None))
    store.db.execute("UPDATE outbox SET acked_at = 'x'")  # as if sent
    store.participants.update(person_id, phone="0811")  # unsent local edit
    newer, older = hlc_after(store, 60_000), "0000000000001-0000"
    report = state.apply_pulled([
        remote(1, person_id, {"occupation": "Petani", "phone": "0899"}, newer),
        remote(2, person_id, {"address": "dari masa lalu"}, older),
    ], cursor=2)  # fmt: skip
    person = store.participants.get(person_id)
    assert person.occupation == "Petani"  # newer: taken
    assert person.phone == "0811"  # unsent here: never overwritten by a pull
    assert person.address != "dari masa lalu"  # older: ignored
    assert (report.applied, report.skipped_older) == (1, 1)
    assert state.cursor() == 2
    assert store.pending_changes() == 1  # pulled changes never enter the outbox
    assert store.clock.last.encode() >= newer  # later local edits sort after what was seen


def test_a_page_and_its_cursor_land_together(store: Store) -> None:
    state = SyncState(store)
    person_id = store.participants.add(make_participant(None))
    bad = remote(2, person_id, {"no_such_column": 1}, hlc_after(store, 1000))
    with pytest.raises(ValueError, match="unknown columns"):
        state.apply_pulled([remote(1, person_id, {"occupation": "Petani"},
                                   hlc_after(store, 1000)), bad], cursor=2)  # fmt: skip
    assert store.participants.get(person_id).occupation == "Nelayan"  # rolled back
    assert state.cursor() == 0


def test_a_duplicate_nik_is_held_until_the_other_is_gone(store: Store) -> None:
    state = SyncState(store)
    mine = store.participants.add(make_participant(None))
    theirs = make_participant(None, full_name="Yohanis dari laptop lain")
    insert = remote(1, theirs.stamp.id, {"nik": theirs.nik, "full_name": theirs.full_name,
                                         "status": "registered", "birth_place": "",
                                         "address": "", "postal_code": "", "phone": "",
                                         "email": "", "occupation": "", "sector": "other",
                                         "work_location": "", "declared_income": 1,
                                         "base_income": 1, "include_jht": 0,
                                         "payment_months": 1, "segment": "lainnya",
                                         "membership": "bpu"},
                    hlc_after(store, 1000), op="insert")  # fmt: skip
    report = state.apply_pulled([insert], cursor=1)
    assert report.held == 1 and state.held() == [("participants", theirs.stamp.id, DUPLICATE_NIK)]
    # the branch resolves it: this laptop's record is merged away (a tombstone arrives)
    store.participants.delete(mine)
    report = state.apply_pulled([], cursor=1)
    assert report.released == 1 and state.held() == []
    assert store.participants.get(theirs.stamp.id).full_name == "Yohanis dari laptop lain"


def test_cancelled_before_anything_sends_nothing(store: Store) -> None:
    store.set_local_setting("sync_server", "http://127.0.0.1:1")
    store.set_local_setting("sync_token", "t")
    store.participants.add(make_participant(None))

    class Quiet:
        def __enter__(self):
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    service = SyncService(store, client=lambda *_: Quiet())  # type: ignore[arg-type,return-value]
    report = service.sync(cancelled=lambda: True)
    assert report.cancelled and report.pushed == 0
    assert store.pending_changes() == 1
    assert service.last_sync() is None  # a cancelled run is not a sync


def insert_of(seq: int, person: Participant, hlc: str) -> dict:
    return remote(seq, person.stamp.id, data_columns(person), hlc, op="insert")


def test_new_rows_land_together_and_the_one_that_cannot_is_held(store: Store) -> None:
    """A page's new rows go in one statement; one whose NIK is here already makes them go one
    by one, so only it is held (with the later change to it), and the rest of the page lands:
    a row inserted and then changed in the same page ends with the change."""
    state = SyncState(store)
    mine = store.participants.add(make_participant(None))
    store.db.execute("UPDATE outbox SET acked_at = 'x'")
    first, then = hlc_after(store, 1000), hlc_after(store, 2000)
    two, three, four = (make_participant(None, nik=f"810301150895000{n}", full_name=f"Orang {n}")
                        for n in (2, 3, 4))  # fmt: skip
    twin = make_participant(None, full_name="Kembar")  # the same NIK as mine
    report = state.apply_pulled([
        insert_of(1, two, first),
        insert_of(2, twin, first),
        insert_of(3, three, first),
        remote(4, twin.stamp.id, {"phone": "0899"}, then),
        insert_of(5, four, first),
        remote(6, four.stamp.id, {"phone": "0877"}, then),
    ], cursor=6)  # fmt: skip
    assert (report.applied, report.held) == (4, 2)
    assert state.held() == [("participants", twin.stamp.id, DUPLICATE_NIK),
                            ("participants", twin.stamp.id, WAITING_FOR_EARLIER)]  # fmt: skip
    assert store.participants.get(two.stamp.id).full_name == "Orang 2"
    assert store.participants.get(three.stamp.id).full_name == "Orang 3"
    assert store.participants.get(four.stamp.id).phone == "0877"
    assert state.cursor() == 6 and store.pending_changes() == 0
    store.participants.delete(mine)  # the branch merged mine away
    report = state.apply_pulled([], cursor=6)
    assert report.released == 2 and state.held() == []
    assert store.participants.get(twin.stamp.id).phone == "0899"


def test_a_change_to_a_held_row_waits_even_in_a_later_page(store: Store) -> None:
    state = SyncState(store)
    store.participants.add(make_participant(None))
    twin = make_participant(None, full_name="Kembar")
    state.apply_pulled([insert_of(1, twin, hlc_after(store, 1000))], cursor=1)
    report = state.apply_pulled(
        [remote(2, twin.stamp.id, {"phone": "0899"}, hlc_after(store, 2000))], cursor=2
    )
    assert report.held == 1 and [reason for *_, reason in state.held()] == [
        DUPLICATE_NIK, WAITING_FOR_EARLIER,
    ]  # fmt: skip


def test_acknowledging_more_than_one_statement_holds(store: Store) -> None:
    store.participants.add_many(
        make_participant(None, nik=f"8103011508{n:06d}", full_name=f"Orang {n}")
        for n in range(1, 1202)
    )
    state = SyncState(store)
    sent = state.outgoing(2000)
    assert len(sent) == 1201 and store.pending_changes() == 1201
    state.acknowledge(change.seq for change in sent)
    assert store.pending_changes() == 0 and state.outgoing(10) == []


def test_the_sync_flushes_less_and_the_agents_work_stays_full(store: Store) -> None:
    """Inside a sync the connection commits without a disk flush (what it writes can be had
    again); afterwards, even after a failure, it is back to synchronous=FULL."""
    state = SyncState(store)

    def level() -> int:
        return int(store.db.execute("PRAGMA synchronous").fetchone()[0])

    assert level() == 2  # FULL
    with state.replayable_writes():
        assert level() == 1  # NORMAL
    assert level() == 2
    with pytest.raises(RuntimeError), state.replayable_writes():
        raise RuntimeError("link dropped")
    assert level() == 2


def test_a_snapshot_lands_past_an_edit_that_waits_for_its_row(store: Store) -> None:
    """The office edited someone's phone before assigning his village to this agent: the
    edit arrives first and waits for the row; the snapshot that brings the row must not wait
    behind it. Once it lands the edit merges by version (the snapshot already holds it)."""
    state = SyncState(store)
    person = make_participant(None, nik="8103011508950002", full_name="Baru")
    inserted, edited = hlc_after(store, 1000), hlc_after(store, 2000)
    report = state.apply_pulled([remote(7, person.stamp.id, {"phone": "0855"}, edited)], 7)
    assert report.held == 1
    fields = {**data_columns(person), "phone": "0855"}
    snapshot = {**remote(9, person.stamp.id, fields, edited, op="snapshot"),
                "device_id": "server-MAL",
                "versions": {name: version(inserted, OTHER) for name in fields}
                | {"phone": version(edited, OTHER)}}  # fmt: skip
    report = state.apply_pulled([snapshot], cursor=9)
    assert state.held() == [] and report.released == 1
    assert store.participants.get(person.stamp.id).phone == "0855"
    assert store.participants.get(person.stamp.id).full_name == "Baru"

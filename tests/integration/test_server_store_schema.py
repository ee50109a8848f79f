"""The server store's schema on SQLite and PostgreSQL: made on an empty database, brought up
from an older version with its data kept, and a newer one refused and left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, insert, inspect, select, text, update

from outreach_app.server.store.sessions import token_hash
from outreach_app.server.store.store import SCHEMA_VERSION, ServerStore, open_engine
from outreach_app.server.store.tables import changes, schema_info, tokens
from outreach_app.storage.errors import StorageUnavailable
from tests.integration.sync_world import store_url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    url = store_url(request.param, tmp_path) or f"sqlite:///{tmp_path / 'server.db'}"
    engine = open_engine(url)
    yield ServerStore(engine)
    engine.dispose()


def version_of(store: ServerStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(schema_info.c.version)).scalar_one())


def test_an_older_store_is_brought_up_with_its_accounts_kept(store: ServerStore) -> None:
    store.migrate()
    store.add_account("staf.maluku", "hash", "staff", "MAL")
    with store.engine.begin() as conn:  # as schema 1 left it
        conn.execute(text("DROP INDEX records_village"))
        conn.execute(text("ALTER TABLE changes DROP COLUMN versions"))
        as_schema_2(conn)
        conn.execute(update(schema_info).values(version=1))
    store.migrate()
    assert version_of(store) == SCHEMA_VERSION == 5
    columns = {column["name"] for column in inspect(store.engine).get_columns("changes")}
    assert "versions" in columns
    indexes = {index["name"] for index in inspect(store.engine).get_indexes("records")}
    assert "records_village" in indexes
    assert "village_grants" in inspect(store.engine).get_table_names()
    assert {"receipt_prefixes", "receipt_numbers"} <= set(inspect(store.engine).get_table_names())
    assert store.account("staf.maluku") is not None
    store.migrate()  # again: nothing to do
    assert version_of(store) == SCHEMA_VERSION


def as_schema_2(conn: Connection) -> None:
    """Takes away what schemas 3, 4 and 8 added."""
    as_schema_4(conn)
    conn.execute(text("DROP TABLE IF EXISTS village_grants"))
    for table in ("devices", "sign_in_failures", "server_audit"):
        conn.execute(text(f"DROP TABLE {table}"))
    conn.execute(text("ALTER TABLE tokens DROP COLUMN expires_at"))


def test_schema_3_binds_each_device_to_its_first_account(store: ServerStore) -> None:
    """A store from before devices were bound: each device goes to the first account that
    used it (by its tokens, else by its changes), a live token of any other account on it is
    revoked, and the tokens of before keep working (they get an expiry on first use)."""
    store.migrate()
    owner = store.add_account("agen.saumlaki", "hash", "agent", "MAL")
    intruder = store.add_account("agen.ambon", "hash", "agent", "MAL")
    with store.engine.begin() as conn:
        as_schema_2(conn)
        conn.execute(update(schema_info).values(version=2))
        conn.execute(insert(tokens), [
            {"token_hash": token_hash(name), "account_id": account, "device_id": device,
             "device_name": device, "created_at": created}
            for name, account, device, created in (
                ("pemilik", owner, "laptop-sml", "2026-10-01T08:00:00+00:00"),
                ("penyusup", intruder, "laptop-sml", "2026-11-01T08:00:00+00:00"),
                ("ambon", intruder, "laptop-amb", "2026-10-02T08:00:00+00:00"),
                ("palsu", intruder, "server-MAL", "2026-10-03T08:00:00+00:00"),
            )
        ])  # fmt: skip
        conn.execute(insert(changes), [
            {"device_id": device, "seq": 1, "table_name": "branches", "row_id": device,
             "op": "insert", "fields": "{}", "hlc": "0001795254011601-002a",
             "account_id": account, "branch_id": "b", "accepted_at": at}
            for device, account, at in (
                ("laptop-desa", owner, "2026-09-01T08:00:00+00:00"),  # bundles only
                ("server-MAL", intruder, "2026-09-02T08:00:00+00:00"),  # the server's own
            )
        ])  # fmt: skip
    store.migrate()
    assert version_of(store) == SCHEMA_VERSION
    bound = {row.device_id: row.username for row in store.sessions.devices()}
    assert bound == {"laptop-sml": "agen.saumlaki", "laptop-amb": "agen.ambon",
                     "laptop-desa": "agen.saumlaki"}  # fmt: skip
    assert store.session("pemilik") is not None and store.session("ambon") is not None
    assert store.session("penyusup") is None and store.session("palsu") is None
    with store.engine.connect() as conn:
        expiry = conn.execute(
            select(tokens.c.expires_at).where(tokens.c.token_hash == token_hash("pemilik"))
        ).scalar()
    assert expiry is not None  # given one when first used


def test_a_store_from_a_newer_server_is_refused_untouched(store: ServerStore) -> None:
    store.migrate()
    with store.engine.begin() as conn:
        conn.execute(update(schema_info).values(version=SCHEMA_VERSION + 1))
    with pytest.raises(StorageUnavailable, match="lebih baru"):
        store.migrate()
    assert version_of(store) == SCHEMA_VERSION + 1


def test_schema_4_grants_the_visits_held_before_it(store: ServerStore) -> None:
    """Before schema 4 the server could not tell who planned a visit: every live visit it
    held keeps granting its village, a cancelled one does not."""
    from outreach_app.server.store.grants import granted_villages
    from outreach_app.server.store.tables import records, village_grants

    store.migrate()
    with store.engine.begin() as conn:
        for row_id, village, deleted in (("v1", "desa-1", 0), ("v2", "desa-2", 1)):
            conn.execute(records.insert().values(
                table_name="visit_plans", row_id=row_id, branch_id="b", village_id=village,
                owner_id="agen", data=f'{{"deleted": {deleted}}}',
            ))  # fmt: skip
        conn.execute(village_grants.delete())
        conn.execute(text("DROP TABLE village_grants"))
        conn.execute(update(schema_info).values(version=3))
    store.migrate()
    with store.engine.connect() as conn:
        assert granted_villages(conn, "agen") == {"desa-1"}


def as_schema_4(conn: Connection) -> None:
    """Takes away what schema 5 added (receipt prefixes and numbers)."""
    for table in ("receipt_prefixes", "receipt_numbers"):
        conn.execute(text(f"DROP TABLE IF EXISTS {table}"))


def test_schema_8_knows_the_receipt_numbers_held_before_it(store: ServerStore) -> None:
    """A store from before receipt numbers were recorded: every receipt it holds is known by
    its number and the device that made it (the first one, when two share a number), so a
    later receipt with the same number from another device is flagged, and a prefix with
    another device's receipts on it cannot be reserved."""
    from outreach_app.server.store.receipt_prefixes import (
        note_receipt,
        other_device_receipts,
        receipt_numbers,
    )

    store.migrate()
    account = store.add_account("agen.saumlaki", "hash", "agent", "MAL")
    with store.engine.begin() as conn:
        as_schema_4(conn)
        conn.execute(update(schema_info).values(version=4))
        conn.execute(insert(changes), [
            {"device_id": device, "seq": seq, "table_name": "payments", "row_id": row_id,
             "op": "insert", "fields": f'{{"receipt_no": "{number}", "total": 1}}',
             "hlc": "0001795254011601-002a", "account_id": account, "branch_id": "b",
             "accepted_at": "2026-10-01T08:00:00+00:00"}
            for device, seq, row_id, number in (
                ("laptop-a", 1, "pay-1", "SML01-000001"),
                ("laptop-b", 1, "pay-2", "SML01-000001"),  # a copy: the same number
                ("laptop-a", 2, "pay-3", "SML01-000002"),
            )
        ])  # fmt: skip
    store.migrate()
    assert version_of(store) == SCHEMA_VERSION
    with store.engine.begin() as conn:
        held = {row.receipt_no: (row.device_id, row.payment_id)
                for row in conn.execute(select(receipt_numbers))}  # fmt: skip
        assert held == {"SML01-000001": ("laptop-a", "pay-1"),
                        "SML01-000002": ("laptop-a", "pay-3")}  # fmt: skip
        assert other_device_receipts(conn, "SML01", "laptop-c") == "laptop-a"
        clashes = note_receipt(conn, "SML01-000002", "pay-9", "laptop-b", "b", "agen", "now")
    assert [clash.event for clash in clashes] == ["receipt_reused"]

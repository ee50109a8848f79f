"""The server store's schema on SQLite and PostgreSQL: made on an empty database, brought up
from an older version with its data kept, and a newer one refused and left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text, update

from outreach_app.server.store.store import SCHEMA_VERSION, ServerStore, open_engine
from outreach_app.server.store.tables import schema_info
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
        conn.execute(text("DROP TABLE village_grants"))
        conn.execute(update(schema_info).values(version=1))
    store.migrate()
    assert version_of(store) == SCHEMA_VERSION == 3
    columns = {column["name"] for column in inspect(store.engine).get_columns("changes")}
    assert "versions" in columns
    indexes = {index["name"] for index in inspect(store.engine).get_indexes("records")}
    assert "records_village" in indexes
    assert "village_grants" in inspect(store.engine).get_table_names()
    assert store.account("staf.maluku") is not None
    store.migrate()  # again: nothing to do
    assert version_of(store) == SCHEMA_VERSION


def test_a_store_from_a_newer_server_is_refused_untouched(store: ServerStore) -> None:
    store.migrate()
    with store.engine.begin() as conn:
        conn.execute(update(schema_info).values(version=SCHEMA_VERSION + 1))
    with pytest.raises(StorageUnavailable, match="lebih baru"):
        store.migrate()
    assert version_of(store) == SCHEMA_VERSION + 1


def test_schema_3_grants_the_visits_held_before_it(store: ServerStore) -> None:
    """Before schema 3 the server could not tell who planned a visit: every live visit it
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
        conn.execute(update(schema_info).values(version=2))
    store.migrate()
    with store.engine.connect() as conn:
        assert granted_villages(conn, "agen") == {"desa-1"}

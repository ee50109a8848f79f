"""Schema changes on start: a copy of an older database first, all-or-nothing migrations, a
newer database refused untouched."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from outreach_app.storage.backup import check_backup
from outreach_app.storage.database import open_database
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.migration_backup import (
    MigrationFailed,
    migrate_with_backup,
    prune_safety_copies,
    safety_copies,
)
from outreach_app.storage.migrations import known_migration_names, migrations
from outreach_app.storage.store import Store

LAST_OLD = "0010_merged_participants"
FIRST_NEW = "0011_dashboard_aggregates"


def older_database(path: Path, branches: int = 3, stop_before: str = FIRST_NEW) -> None:
    """A database as an older version left it (up to 0010), with some branches in it."""
    db = open_database(path)
    migrations.apply(db, stop_before=stop_before)
    with db.atomic():
        for n in range(branches):
            db.execute(
                "INSERT INTO branches (id, updated_hlc, device_id, deleted, code, name, "
                "regency_code) VALUES (?, '0000000000001-0000', 'd', 0, ?, ?, '8171')",
                [f"b{n}", f"C{n}", f"Cabang {n}"],
            )
    db.close()


def applied(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")}
    finally:
        conn.close()


def test_an_older_database_is_copied_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "outreach.db"
    older_database(path)
    before = applied(path)
    with Store(path) as store:
        assert store.schema.applied[0] == FIRST_NEW  # and every migration made after it
        assert store.schema.applied == tuple(sorted(known_migration_names() - before))
        copy = store.schema.backup
        assert copy == tmp_path / f"outreach.sebelum-{FIRST_NEW}.db"
        assert len(store.branches.all()) == 3
    assert applied(path) == known_migration_names()
    assert copy is not None and check_backup(copy) == ""  # a whole, restorable database
    assert FIRST_NEW not in applied(copy) and LAST_OLD in applied(copy)
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM branches").fetchone() == (3,)
    conn.close()


def test_a_new_database_or_an_up_to_date_one_gets_no_copy(tmp_path: Path) -> None:
    path = tmp_path / "outreach.db"
    with Store(path) as store:
        assert store.schema.backup is None and FIRST_NEW in store.schema.applied
    with Store(path) as store:
        assert store.schema.applied == () and store.schema.backup is None
    assert safety_copies(path) == []


def test_a_failing_migration_leaves_the_file_as_it_was_and_says_where_the_copy_is(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outreach.db"
    older_database(path, stop_before=LAST_OLD)  # two to apply: 0010, then 0011
    # An index someone made by hand, with the name 0011 creates: 0011 fails half-way, after
    # its ALTER TABLEs and UPDATE have run, and after 0010 went through.
    conn = sqlite3.connect(path)
    conn.execute("CREATE INDEX participants_registered ON participants (nik)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(MigrationFailed) as failure:
        Store(path)
    message = str(failure.value)
    copy = tmp_path / f"outreach.sebelum-{LAST_OLD}.db"
    assert "gagal" in message and "tetap seperti sebelumnya" in message
    assert str(copy) in message and failure.value.backup == copy
    assert path.read_bytes() == before  # byte for byte: nothing of 0011 stayed
    assert applied(path) == applied(copy) and LAST_OLD not in applied(path)
    conn = sqlite3.connect(path)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(participant_coverage)")}
    assert "village_id" not in columns  # 0011's first statement was undone too
    conn.execute("DROP INDEX participants_registered")  # the branch fixes it ...
    conn.commit()
    conn.close()
    with Store(path) as store:  # ... and the next start migrates
        assert store.schema.applied[:2] == (LAST_OLD, FIRST_NEW)
        assert set(store.schema.applied) == known_migration_names() - applied(copy)
        assert len(store.branches.all()) == 3


def test_a_newer_database_is_refused_untouched_and_not_copied(tmp_path: Path) -> None:
    path = tmp_path / "outreach.db"
    older_database(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('outreach', '9999_from_the_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageUnavailable, match=r"lebih baru.*9999_from_the_future"):
        Store(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outreach.db"]


def test_no_copy_no_migration(tmp_path: Path) -> None:
    """If the copy cannot be written (disk full, a folder it may not write), nothing changes."""
    path = tmp_path / "outreach.db"
    older_database(path)
    before = path.read_bytes()

    def disk_full(_db: Database, _target: Path) -> None:
        raise OSError(28, "No space left on device")

    db = open_database(path)
    with pytest.raises(StorageUnavailable, match="salinan pengamannya tidak dapat dibuat"):
        migrate_with_backup(db, path, copy=disk_full)
    db.close()
    assert path.read_bytes() == before and FIRST_NEW not in applied(path)


def test_only_the_last_few_copies_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "outreach.db"
    names = [f"outreach.sebelum-00{n:02d}_step.db" for n in range(12, 17)]
    for age, name in enumerate(names):
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (1_000_000 + age, 1_000_000 + age))
    restore_copy = tmp_path / "outreach.sebelum-pulih-20260101-120000.db"
    restore_copy.write_bytes(b"x")  # a restore's safety copy is not a migration's
    removed = prune_safety_copies(path, keep=3)
    assert sorted(p.name for p in removed) == names[:2]
    assert [p.name for p in safety_copies(path)] == names[:1:-1]
    assert restore_copy.exists()

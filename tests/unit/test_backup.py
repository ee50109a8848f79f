"""Backup while writing, restore with checks, and refusal of files that are not backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from outreach_app.storage.backup import backup_database, check_backup, restore_database
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.store import Store


def count(path: Path, table: str = "participants") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_a_consistent_copy_with_progress(demo_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "cadangan.db"
    steps: list[tuple[int, int]] = []
    backup_database(demo_store.path, target, lambda done, total: steps.append((done, total)))
    assert check_backup(target) == ""
    assert count(target) == demo_store.participants.count()
    assert count(target, "outbox") == demo_store.pending_changes()
    assert steps and steps[-1][0] == steps[-1][1] > 0
    assert not list(tmp_path.glob("*.partial"))


def test_a_cancelled_backup_leaves_no_file(demo_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "cadangan.db"

    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt  # what a cancel from the progress callback looks like

    with pytest.raises(KeyboardInterrupt):
        backup_database(demo_store.path, target, cancel)
    assert not target.exists() and not list(tmp_path.glob("*.partial"))


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(
    demo_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "cadangan.db"
    backup_database(demo_store.path, target)
    before = demo_store.participants.count()
    victim = demo_store.participants.all()[0]
    demo_store.participants.delete(victim.stamp.id)  # a change made after the backup
    assert demo_store.participants.count() == before - 1

    safety = restore_database(demo_store.db, demo_store.path, target)
    assert demo_store.participants.count() == before
    assert count(safety) == before  # tombstoned rows are still rows in the safety copy
    assert check_backup(safety) == ""


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "bukan cadangan"),
        (b"SQLite format 3\x00" + b"\x00" * 100, "bukan cadangan"),
        (b"hello, this is a shopping list" * 100, "bukan cadangan"),
    ],
)
def test_restore_refuses_what_is_not_a_backup(
    demo_store: Store, tmp_path: Path, content: bytes, reason: str
) -> None:
    bad = tmp_path / "bukan.db"
    bad.write_bytes(content)
    before = demo_store.participants.count()
    with pytest.raises(StorageUnavailable, match=reason):
        restore_database(demo_store.db, demo_store.path, bad)
    assert demo_store.participants.count() == before


def test_restore_refuses_an_unrelated_sqlite_file_and_a_newer_one(
    demo_store: Store, tmp_path: Path
) -> None:
    other = tmp_path / "lain.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    assert "bukan cadangan" in check_backup(other)
    newer = tmp_path / "baru.db"
    backup_database(demo_store.path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('outreach', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    assert "lebih baru" in check_backup(newer)
    assert "tidak ditemukan" in check_backup(tmp_path / "nowhere.db")

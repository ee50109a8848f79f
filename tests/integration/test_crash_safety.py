"""Killing the app in the middle of writing loses nothing that was committed and leaves no half
of a write behind (a row without its outbox record, or the reverse)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app.storage.store import Store

WRITER = Path(__file__).with_name("crash_writer.py")


def start_writer(db: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), mode],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )


def counts(db: Path, *tables: str) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables]
    finally:
        conn.close()


def run_until_killed(db: Path, mode: str, lines: int) -> list[str]:
    """Starts a writer, reads `lines` announcements, then SIGKILLs it mid-work. Returns every
    announcement it made: the writer runs ahead of our reading (the pipe holds what it printed
    while we read), so what was still in the pipe at the kill counts as announced too."""
    with start_writer(db, mode) as child:
        assert child.stdout is not None
        announced = [child.stdout.readline().strip() for _ in range(lines)]
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        announced += [line.strip() for line in child.stdout.read().splitlines() if line.strip()]
    assert child.returncode == -signal.SIGKILL
    return announced


def consistent(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    orphans = conn.execute(
        "SELECT count(*) FROM participants p WHERE NOT EXISTS "
        "(SELECT 1 FROM outbox o WHERE o.table_name = 'participants' AND o.row_id = p.id)"
    ).fetchone()[0]
    assert orphans == 0, "a participant was stored without its change record"
    ghosts = conn.execute(
        "SELECT count(*) FROM outbox o WHERE o.table_name = 'participants' AND NOT EXISTS "
        "(SELECT 1 FROM participants p WHERE p.id = o.row_id)"
    ).fetchone()[0]
    assert ghosts == 0, "a change record points at a participant that was never stored"
    return conn


@pytest.mark.slow
def test_sigkill_between_commits_keeps_every_committed_record(
    tmp_path: Path, demo_db_template: Path
) -> None:
    db = tmp_path / "crash.db"
    shutil.copy(demo_db_template, db)
    [before] = counts(db, "participants")
    committed = run_until_killed(db, "single", lines=60)

    conn = consistent(db)
    stored = {row[0] for row in conn.execute("SELECT id FROM participants")}
    assert set(committed) <= stored
    # at most the one transaction in flight when the kill came may have committed unannounced
    assert len(stored) - before - len(committed) in (0, 1)
    audited = conn.execute("SELECT count(*) FROM audit_log WHERE actor = 'crash-test'").fetchone()
    assert audited[0] == len(stored) - before
    conn.close()
    with Store(db) as reopened:  # and the app opens it again without complaint
        assert reopened.participants.count() == len(stored)


@pytest.mark.slow
def test_sigkill_inside_a_bulk_write_leaves_none_of_it(
    tmp_path: Path, demo_db_template: Path
) -> None:
    db = tmp_path / "crash.db"
    shutil.copy(demo_db_template, db)
    before = counts(db, "participants", "outbox")
    assert run_until_killed(db, "bulk", lines=1)[0] == "BULK"
    consistent(db).close()
    assert counts(db, "participants", "outbox") == before

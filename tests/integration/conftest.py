"""Fixtures of the sync tests: a real server process on each store, and a branch of three
laptops (staff and two agents) signed in to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.sync_world import ServerProcess, branch_of_three, store_url


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path):
    """The same tests against both stores the server supports."""
    running = ServerProcess(tmp_path, store_url(request.param, tmp_path))
    running.add_user("staf.maluku", "staff")
    running.add_user("agen.saumlaki", "agent")
    running.add_user("agen.ambon", "agent")
    running.start()
    yield running
    running.stop()


@pytest.fixture
def branch(tmp_path: Path, server: ServerProcess):
    """(staff, agent Saumlaki, agent Ambon, village ids), all signed in and synced once."""
    staff, saumlaki, ambon, villages = branch_of_three(tmp_path, server)
    yield staff, saumlaki, ambon, villages
    for machine in (staff, saumlaki, ambon):
        machine.store.close()

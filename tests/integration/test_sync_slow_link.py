"""A sync over a throttled, lossy link to a real server process completes, loses and doubles
nothing, and sends at most one batch again per drop (issue 5; benchmarks/bench_sync_slow_link.py
measures the same at 256 kbit/s with a day's work). Small here: two batches through a 1 Mbit/s,
30 ms link cut three times, once in each kind of place: a push's request, a push's reply (the
batch was applied: it is the one sent again) and a pull's reply."""

from __future__ import annotations

from pathlib import Path

from outreach_app.services.sync import SyncService
from outreach_app.storage.sync_state import SERVER_KEY
from outreach_app.sync.client import SyncClient
from outreach_app.sync.protocol import MAX_PUSH_BATCH
from tests.integration.slow_link import PushLog, SlowLink
from tests.integration.sync_world import (
    PASSWORDS,
    ServerProcess,
    everything,
    field_work,
    laptop,
    outbox_changes,
    seed_branch,
    server_changes,
)


def test_a_sync_over_a_slow_lossy_link_completes_resending_at_most_a_batch_a_drop(
    tmp_path: Path, schedule
) -> None:
    server = ServerProcess(tmp_path)
    server.add_users_here(("staf.maluku", "staff"), ("agen.saumlaki", "agent"))
    server.start()
    office, agent, other = (laptop(tmp_path, n) for n in ("kantor", "laptop-sml", "laptop-sml-2"))
    try:
        villages = seed_branch(office)
        for machine, username in ((office, "staf.maluku"), (agent, "agen.saumlaki"),
                                  (other, "agen.saumlaki")):  # fmt: skip
            machine.sync.sign_in(server.url, username, PASSWORDS[username])
            machine.sync.sync()
        field_work(agent, villages["Wowonda"], "agen.saumlaki", schedule, people=150, paid=40)
        added = field_work(office, villages["Lorulun"], "staf.maluku", schedule, people=120,
                           paid=0, first=5000)  # fmt: skip
        office.sync.sync()
        total = agent.store.pending_changes()
        assert MAX_PUSH_BATCH < total <= 2 * MAX_PUSH_BATCH

        log = PushLog()
        agent.sync = SyncService(
            agent.store,  # the app's client; its retries without the waits between them
            lambda url, token, trust: SyncClient(
                url, token, transport=log, sleep=lambda _s: None, trust=trust
            ),
        )
        # Up byte 5,000 falls inside the first push's request (about 9 kB): the server never
        # has it whole. Down byte 100 then falls inside the reply to its second sending (a
        # push's reply is about 200 bytes, headers included): the batch was applied, so the
        # third sending is answered "already had". Down 2,500 falls inside the pull's reply
        # (about 6 kB).
        link = SlowLink(server.port, rate_bps=1_000_000, latency=0.03, drops_up=[5_000],
                        drops_down=[100, 2_500])  # fmt: skip
        agent.sync.state.set_setting(SERVER_KEY, link.url)
        with link:
            report = agent.sync.sync()  # one run: its own retries ride out the drops
        assert link.pending_drops == 0 and len(link.stats.drops) == 3, link.stats.drops
        assert log.batches == 2 and log.failed == 3
        assert log.resent == 1  # the batch whose reply was cut; at most one a drop
        assert report.already_had == MAX_PUSH_BATCH
        assert report.pushed == total - MAX_PUSH_BATCH and report.rejected == 0
        assert report.pulled == len(added)

        assert server_changes(server, agent.store.device.id) == outbox_changes(agent)
        other.sync.sync()  # another laptop of the agent, over a good link: the same rows
        assert everything(other) == everything(agent)
        assert set(added) <= set(agent.rows("participants"))
    finally:
        for machine in (office, agent, other):
            machine.store.close()
        server.stop()

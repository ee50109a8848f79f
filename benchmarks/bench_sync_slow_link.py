"""An agent's day synced over 2G: a laptop with hundreds of enrolments and payments syncs with a
real `outreach serve` process through a throttled, lossy proxy on 127.0.0.1 (SlowLink: 256
kbit/s and 300 ms each way, connections cut at seeded random points of the byte stream).

It must complete (the laptop tries again, as the app's automatic sync does, if one run gives
up), leave every change on the server exactly once and bring back what the office added, and
resend at most one batch per drop (issue 5). A batch counts as re-sent when the server answers
any of its changes "already had", i.e. the batch was applied and its reply lost.

Baseline in the same run: the same work synced over a clean loopback link (the same relay
with no limit, so bytes are counted alike), on a fresh server. The slow run's figure is also
compared with the wire's floor: its bytes at the bit rate plus one round trip per request.

    .venv/bin/python benchmarks/bench_sync_slow_link.py [--people 800] [--paid 400] [--office 300]
        [--rate 256000] [--latency 0.3] [--drops 4] [--seed 5] [--database-url URL]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outreach_app.reference.rate_tables import load_schedule
from outreach_app.services.sync import SyncService
from outreach_app.storage.sync_state import SERVER_KEY
from outreach_app.sync.client import SyncClient, SyncUnavailable
from outreach_app.sync.tls import NO_PIN
from tests.integration.slow_link import PushLog, SlowLink
from tests.integration.sync_world import (
    PASSWORDS,
    ServerProcess,
    empty_postgres,
    field_work,
    laptop,
    outbox_changes,
    seed_branch,
    server_changes,
)

MAX_RUNS = 20  # sync runs before the benchmark gives up (each run retries 3 times itself)


@dataclass
class Run:
    seconds: float
    sent: int
    received: int
    pushed: int
    already_had: int
    pulled: int
    batches: int
    sends: int  # push requests, answered or not
    resent: int
    failed: int
    requests: int
    drops: list[str]
    runs: int
    complete: bool


def one_sync(folder: Path, args: argparse.Namespace, limited: bool, drops: list[int]) -> Run:
    """A fresh server and branch; the agent works offline, the office adds records for the
    agent's village; then the agent syncs once through the link."""
    folder.mkdir()
    if args.database_url:
        empty_postgres(args.database_url)
    server = ServerProcess(folder, args.database_url)
    server.add_users_here(("staf.maluku", "staff"), ("agen.saumlaki", "agent"))
    server.start()
    try:
        office, agent = laptop(folder, "kantor"), laptop(folder, "laptop-sml")
        villages = seed_branch(office)
        for machine, username in ((office, "staf.maluku"), (agent, "agen.saumlaki")):
            machine.sync.sign_in(server.url, username, PASSWORDS[username])
            machine.sync.sync()
        agent.setup.set_current_user("agen.saumlaki")
        schedule = load_schedule()
        field_work(agent, villages["Wowonda"], "agen.saumlaki", schedule, args.people, args.paid)
        added = field_work(office, villages["Lorulun"], "staf.maluku", schedule, args.office,
                           paid=0, first=5000)  # fmt: skip
        office.sync.sync()

        log = PushLog()
        agent.sync = SyncService(
            agent.store,
            lambda url, token, trust=NO_PIN: SyncClient(url, token, transport=log, trust=trust),
        )
        link = (
            SlowLink(server.port, args.rate, args.latency, drops)
            if limited
            else SlowLink(server.port)
        )
        agent.sync.state.set_setting(SERVER_KEY, link.url)  # the laptop now goes through it
        runs = 0
        start = time.perf_counter()
        with link:
            while runs < MAX_RUNS:
                runs += 1
                try:
                    agent.sync.sync()
                except SyncUnavailable:
                    continue
                break
            seconds = time.perf_counter() - start
        complete = (
            agent.store.pending_changes() == 0
            and server_changes(server, agent.store.device.id) == outbox_changes(agent)
            and set(added) <= set(agent.rows("participants"))
        )
        for machine in (office, agent):
            machine.store.close()
        return Run(
            seconds, link.stats.sent, link.stats.received, log.answered_as("accepted"),
            log.answered_as("already_had"), log.pulled, log.batches, log.requests["/v1/push"],
            log.resent, log.failed, sum(log.requests.values()), link.stats.drops, runs, complete,
        )  # fmt: skip
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=800, help="participants the agent enrols")
    parser.add_argument("--paid", type=int, default=400, help="of them paying (a receipt each)")
    parser.add_argument("--office", type=int, default=300, help="records the office adds")
    parser.add_argument("--rate", type=int, default=256_000, help="bits per second each way")
    parser.add_argument("--latency", type=float, default=0.3, help="seconds each way")
    parser.add_argument("--drops", type=int, default=4, help="connections cut during the sync")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--database-url", help="PostgreSQL for the server (emptied first)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        clean = one_sync(Path(folder) / "clean", args, limited=False, drops=[])
        drops = SlowLink.seeded_drops(args.seed, args.drops, clean.sent + clean.received)
        slow = one_sync(Path(folder) / "slow", args, limited=True, drops=drops)

    store = "PostgreSQL" if args.database_url else "SQLite"
    print(f"An agent's day over {args.rate / 1000:.0f} kbit/s, {args.latency * 1000:.0f} ms each "
          f"way, {args.drops} drops (seed {args.seed}); {store} store")  # fmt: skip
    print(f"  work: {args.people} enrolments, {args.paid} payments: "
          f"{slow.pushed + slow.already_had:,} changes pushed ({slow.already_had} of them "
          f"answered already had); {slow.pulled:,} pulled from the office")  # fmt: skip
    columns = ("time", "bytes up", "bytes down", "batches", "sends", "re-sent", "requests",
               "failed", "drops", "runs")  # fmt: skip
    print("  " + " " * 11 + "".join(f"{name:>11}" for name in columns))
    for name, run in (("clean link", clean), ("slow link", slow)):
        values = (
            f"{run.seconds:.2f} s", f"{run.sent:,}", f"{run.received:,}", run.batches, run.sends,
            run.resent, run.requests, run.failed, len(run.drops), run.runs,
        )  # fmt: skip
        print(f"  {name:<11}" + "".join(f"{value:>11}" for value in values))
    floor = (slow.sent + slow.received) * 8 / args.rate + slow.requests * 2 * args.latency
    print(f"  slow / clean: {slow.seconds / clean.seconds:.1f}x;  slow / the wire's floor "
          f"({floor:.1f} s: bytes at the rate, a round trip per request): "
          f"{slow.seconds / floor:.2f}x")  # fmt: skip
    print(f"  drops: {', '.join(slow.drops) or 'none'}")
    ok_resent = slow.resent <= len(slow.drops)
    print(f"  resends at most one batch per drop ({slow.resent} re-sent, {len(slow.drops)} "
          f"drops): {'PASS' if ok_resent else 'FAIL'}")  # fmt: skip
    ok = slow.complete and clean.complete
    print(f"  completes, every change on the server exactly once, the office's records "
          f"pulled: {'PASS' if ok else 'FAIL'}")  # fmt: skip
    if len(slow.drops) < args.drops:
        print(f"  note: only {len(slow.drops)} of {args.drops} drops happened (the slow run "
              "moved fewer bytes than the clean one)")  # fmt: skip


if __name__ == "__main__":
    main()

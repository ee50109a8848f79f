"""200 laptops syncing at the same moment against one `outreach serve` process (issue 5: "200
devices syncing at once against one server process with no errors (report p95)").

Each device is a real laptop database (its own SQLite file and device id) of its own agent:
200 agent accounts of one branch, one laptop each, as a region's morning looks when the
signal comes back. Each has enrolled and taken payments offline (by default 15 people, 10
paying: 35 changes), then all sync (push, then pull) at the same instant. The clients run in
several processes (`--processes`, a thread per device in each), started beforehand and
released together at a given clock time, so neither Python's GIL nor start-up is what is
measured; their CPU time is printed beside the server's to show who had the machine.

Baseline in the same run: one more laptop with the same amount of work syncing alone against
the same server just before. Reported: errors (any sync that failed), p50/p95/max of a
device's sync duration and their ratio to the one alone, and changes per second over the
burst. Afterwards every device's outbox must be on the server exactly once, and every laptop
must have nothing left to send.

    .venv/bin/python benchmarks/bench_sync_devices.py [--devices 200] [--people 15] [--paid 10]
        [--processes 4] [--database-url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outreach_app.domain.models import Role, SyncStamp, User
from outreach_app.reference.rate_tables import load_schedule
from outreach_app.services.setup import SetupService
from outreach_app.services.sync import SyncService
from outreach_app.storage.store import Store
from outreach_app.sync.client import SyncClient
from outreach_app.sync.tls import NO_PIN
from tests.integration.sync_world import (
    PASSWORDS,
    Laptop,
    ServerProcess,
    empty_postgres,
    field_work,
    laptop,
    outbox_changes,
    seed_branch,
)

PASSWORD = "sandi-rahasia"  # every agent account's (ServerProcess.add_users_here's default)


class Stopwatch(httpx.HTTPTransport):
    """A laptop's transport that notes when its last push was answered."""

    def __init__(self) -> None:
        super().__init__()
        self.pushed_at = 0.0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/v1/push":
            response.read()
            self.pushed_at = time.time()
        return response


def agent_name(number: int) -> str:
    return f"agen.{number:03d}"


def prepare(folder: Path, server: ServerProcess, count: int, people: int, paid: int) -> list[Path]:
    """The branch (staff laptop), `count` + 1 agent accounts and laptops, each signed in,
    synced once, then working offline. Returns the laptops' files; the last is the one that
    syncs alone. Four at a time: the server hashes each sign-in's password (argon2)."""
    office = laptop(folder, "kantor")
    villages = seed_branch(office)
    branch_id = office.store.branches.all()[0].stamp.id
    office.store.users.add_many(
        User(SyncStamp.new(), agent_name(n), f"Agen {n:03d}", Role.AGENT, branch_id)
        for n in range(count + 1)
    )
    office.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
    office.sync.sync()
    office.store.close()
    schedule = load_schedule()

    def one(number: int) -> Path:
        machine = laptop(folder, f"dev-{number:03d}")
        try:
            machine.sync.sign_in(server.url, agent_name(number), PASSWORD)
            machine.sync.sync()
            field_work(machine, villages["Wowonda"], agent_name(number), schedule, people, paid,
                       first=number * people)  # fmt: skip
            return Path(machine.store.path)
        finally:
            machine.store.close()

    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(one, range(count + 1)))


def sync_devices(paths: list[str], start_at: float, results: Any) -> None:
    """In a client process: a thread per laptop, each opening its database first, then all
    syncing at `start_at` (wall clock, shared by the processes). Puts one list of
    (path, started, seconds, error, changes sent, seconds until the push was answered) and
    this process's CPU seconds."""
    found: list[tuple[str, float, float, str | None, int, float]] = []
    lock = threading.Lock()

    def one(path: str) -> None:
        watch = Stopwatch()
        with Store(path) as store:
            service = SyncService(
                store,
                lambda url, token, trust=NO_PIN: SyncClient(
                    url, token, transport=watch, trust=trust
                ),
            )
            waiting = store.pending_changes()
            time.sleep(max(0.0, start_at - time.time()))
            began = time.time()
            error = None
            try:
                report = service.sync()
                if report.rejected or store.pending_changes():
                    error = f"{report.rejected} ditolak, {store.pending_changes()} tersisa"
            except Exception as exc:  # any failed sync is an error to count, not to stop on
                error = f"{type(exc).__name__}: {exc}"
            seconds = time.time() - began
        with lock:
            found.append((path, began, seconds, error, waiting, watch.pushed_at - began))

    cpu = os.times()
    threads = [threading.Thread(target=one, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after = os.times()
    results.put((found, (after.user - cpu.user) + (after.system - cpu.system)))


def burst(paths: list[Path], processes: int) -> tuple[list[tuple[Any, ...]], float]:
    """All `paths` syncing at once from `processes` client processes."""
    context = multiprocessing.get_context("spawn")  # clean processes: no inherited connections
    results = context.Queue()
    start_at = time.time() + 3.0 + 0.02 * len(paths)  # time to import and open every database
    workers = [
        context.Process(
            target=sync_devices, args=([str(p) for p in paths[i::processes]], start_at, results)
        )
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()
    found: list[tuple[Any, ...]] = []
    cpu = 0.0
    for _ in workers:
        part, seconds = results.get()
        found += part
        cpu += seconds
    for worker in workers:
        worker.join()
    return found, cpu


def server_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc), 0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def exactly_once(server: ServerProcess, paths: list[Path]) -> tuple[int, int, int]:
    """(devices whose outbox is on the server exactly once as made, devices checked, changes
    on the server from them)."""
    from sqlalchemy import create_engine, select

    from outreach_app.server.store.tables import changes

    engine = create_engine(server.database_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(changes.c.device_id, changes.c.seq, changes.c.table_name, changes.c.row_id,
                   changes.c.op, changes.c.fields).order_by(changes.c.device_id, changes.c.seq,
                                                            changes.c.server_seq)
        ).all()  # fmt: skip
    engine.dispose()
    logged: dict[str, list[tuple[Any, ...]]] = {}
    for device, seq, table, row, op, fields in rows:
        logged.setdefault(device, []).append((int(seq), table, row, op, json.loads(fields)))
    good = total = 0
    for path in paths:
        with Store(path) as store:
            machine = Laptop(path.stem, store, SyncService(store),
                             SetupService(store, path.with_suffix(".json")))  # fmt: skip
            mine = logged.get(store.device.id, [])
            total += len(mine)
            good += mine == outbox_changes(machine) and store.pending_changes() == 0
    return good, len(paths), total


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--people", type=int, default=15, help="enrolments on each laptop")
    parser.add_argument("--paid", type=int, default=10, help="of them paying (2 changes each)")
    parser.add_argument("--processes", type=int, default=4, help="client processes")
    parser.add_argument("--database-url", help="PostgreSQL for the server (emptied first)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.database_url:
            empty_postgres(args.database_url)
        server = ServerProcess(work, args.database_url)
        started = time.perf_counter()
        agents = [(agent_name(n), "agent") for n in range(args.devices + 1)]
        server.add_users_here(("staf.maluku", "staff"), *agents)
        server.start()
        try:
            paths = prepare(work, server, args.devices, args.people, args.paid)
            print(f"set-up: {args.devices + 1} accounts and laptops in "
                  f"{time.perf_counter() - started:.0f} s")  # fmt: skip
            assert server.process is not None
            alone, _cpu = burst(paths[-1:], 1)
            before = server_cpu(server.process.pid)
            found, client_cpu = burst(paths[:-1], args.processes)
            used = server_cpu(server.process.pid) - before
            good, checked, on_server = exactly_once(server, paths)
        finally:
            server.stop()

    solo = alone[0][2]
    seconds = [row[2] for row in found]
    errors = [row[3] for row in found if row[3]]
    changes = sum(row[4] for row in found)
    first = min(row[1] for row in found)
    wall = max(row[1] + row[2] for row in found) - first
    store = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{len(found)} laptops syncing at once against one `outreach serve` ({store} store), "
          f"{changes // len(found)} changes each, {args.processes} client processes")  # fmt: skip
    print(f"  errors: {len(errors)}  {'PASS' if not errors else 'FAIL'}")
    for message, times in Counter(errors).most_common(5):
        print(f"    {times} x {message[:160]}")
    print(f"  one laptop alone: {solo:.2f} s")
    for name, value in (("p50", statistics.median(seconds)), ("p95", percentile(seconds, 0.95)),
                        ("max", max(seconds))):  # fmt: skip
        print(f"  {name}: {value:6.2f} s  ({value / solo:5.1f}x alone)")
    pushed = [row[5] for row in found if not row[3]]
    print(
        f"  of which until the push was answered: p50 {statistics.median(pushed):.2f} s, "
        f"p95 {percentile(pushed, 0.95):.2f} s (the rest: the pull, queued behind the pushes)"
    )
    print(f"  burst: {wall:.1f} s wall for {changes:,} changes: {changes / wall:,.0f} changes/s "
          f"({len(found) / wall:.1f} syncs/s)")  # fmt: skip
    cores = os.cpu_count() or 1
    print(f"  CPU during the burst: server {used:.1f} s, clients {client_cpu:.1f} s "
          f"(of {cores * wall:.0f} s on {cores} cores)" if used else "")  # fmt: skip
    print(f"  every change on the server exactly once: {good}/{checked} laptops, "
          f"{on_server:,} changes  {'PASS' if good == checked else 'FAIL'}")  # fmt: skip


if __name__ == "__main__":
    main()

"""Sync throughput: 10k changes pushed from one laptop and pulled by another over loopback,
against a real `outreach serve` process (SQLite store), and the bytes they cost on the wire.

The changes are realistic participant enrolments (the demo generator's people: varied names,
birth places, addresses, phone numbers, occupations and incomes), so the byte ratio measures
the protocol's overhead rather than the compressibility of made-up data.

Baselines measured in the same run: for time, plain sqlite-utils inserting the same rows into
one database file in one transaction (the storage floor with no protocol at all); for bytes,
gzip of the changed fields alone (a JSON list of the fields of each change: the information
that has to travel, without even the rows' ids). Both directions are counted against that
same floor: the push (request bodies as sent, gzip, plus the answers) and the pull (the
answers as received, gzip). HTTP headers are counted apart.
Targets (issue 5): push + pull of 10k changes <= 2 s; bytes on the wire <= 1.3x the floor.

    .venv/bin/python benchmarks/bench_sync.py [--changes 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlite_utils import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outreach_app.reference.rate_tables import load_schedule
from outreach_app.services.demo import PeopleFactory, load_seed
from outreach_app.services.sync import SyncService
from outreach_app.sync.client import SyncClient
from outreach_app.sync.tls import NO_PIN, ServerTrust
from tests.integration.sync_world import PASSWORDS, TODAY, ServerProcess, laptop, seed_branch

TARGET_SECONDS, TARGET_BYTES = 2.0, 1.3


class CountingTransport(httpx.HTTPTransport):
    """Counts the bodies as they go over the socket (compressed, as sent and received) and,
    apart, the HTTP headers."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = self.received = self.headers = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += len(request.read())
        response = super().handle_request(request)
        raw = b"".join(response.iter_raw())  # before httpx undoes the gzip
        response.close()
        self.received += len(raw)
        self.headers += _header_bytes(request.headers) + _header_bytes(response.headers)
        return httpx.Response(response.status_code, headers=response.headers, content=raw,
                              extensions=response.extensions)  # fmt: skip

    def reset(self) -> tuple[int, int, int]:
        counts = (self.sent, self.received, self.headers)
        self.sent = self.received = self.headers = 0
        return counts


def _header_bytes(headers: httpx.Headers) -> int:
    """As HTTP/1.1 writes them ("Name: value\\r\\n"), plus about 30 bytes of request or
    status line."""
    return 30 + sum(len(name) + len(value) + 4 for name, value in headers.raw)


@dataclass
class Run:
    pushed: int
    pulled: int
    push_s: float
    pull_s: float
    baseline_s: float
    floor: int
    columnar: int  # the same fields column by column: what the layout alone saves
    push_bytes: tuple[int, int, int]  # (sent, received, headers)
    pull_bytes: tuple[int, int, int]
    laptop_cpu: float  # both laptops (this process), push + pull
    server_cpu: float | None  # the server process, where /proc tells

    @property
    def total_s(self) -> float:
        return self.push_s + self.pull_s


def one_run(work: Path, count: int, seed: int) -> Run:
    server = ServerProcess(work)
    server.add_user("staf.maluku", "staff")
    server.start()
    try:
        office, other = laptop(work, "kantor"), laptop(work, "kantor-2")
        villages = [office.store.villages.get(v) for v in seed_branch(office).values()]
        agents = office.store.users.agents()
        people = PeopleFactory(load_seed(), random.Random(seed), TODAY, load_schedule())
        office.store.participants.add_many(
            people.person(villages[n % len(villages)], agents[n % len(agents)].stamp.id)
            for n in range(count)
        )
        rows = office.store.db.execute(  # the branch's 11 rows, then the people
            "SELECT table_name, row_id, fields FROM outbox WHERE acked_at IS NULL ORDER BY seq"
        ).fetchall()
        fields = [json.loads(text) for _table, _row_id, text in rows]
        floor, columnar = (len(gzip.compress(json.dumps(v, separators=(",", ":")).encode()))
                           for v in (fields, by_columns(fields)))  # fmt: skip

        counting = CountingTransport()

        def factory(url: str, token: str | None, trust: ServerTrust = NO_PIN) -> SyncClient:
            return SyncClient(url, token, transport=counting, trust=trust)

        for machine in (office, other):
            machine.sync = SyncService(machine.store, factory)
            machine.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
        counting.reset()
        cpu, server_cpu = time.process_time(), process_cpu(server)
        start = time.perf_counter()
        pushed = office.sync.sync()
        push_s = time.perf_counter() - start
        push_bytes = counting.reset()
        start = time.perf_counter()
        pulled = other.sync.sync()
        pull_s = time.perf_counter() - start
        pull_bytes = counting.reset()
        cpu = time.process_time() - cpu
        after = process_cpu(server)
        server_cpu = after - server_cpu if after is not None and server_cpu is not None else None
        if pushed.rejected or pulled.held or pulled.applied != pushed.pushed:
            raise SystemExit(f"the sync went wrong: {pushed} / {pulled}")

        raw = Database(work / "floor.db")
        table = [
            {"id": row_id, **values}
            for (name, row_id, _), values in zip(rows, fields, strict=True)
            if name == "participants"
        ]
        start = time.perf_counter()
        with raw.atomic():  # one transaction, as the sync has one a batch
            raw["participants"].insert_all(table, pk="id", batch_size=1000)
        baseline_s = time.perf_counter() - start
        for machine in (office, other):
            machine.store.close()
    finally:
        server.stop()
    return Run(pushed.pushed, pulled.applied, push_s, pull_s, baseline_s, floor, columnar,
               push_bytes, pull_bytes, cpu, server_cpu)  # fmt: skip


def process_cpu(server: ServerProcess) -> float | None:
    """CPU seconds the server process has used (Linux), to tell its work from the wait for
    a core on a busy machine."""
    try:
        assert server.process is not None
        stat = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, AssertionError):
        return None
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def by_columns(fields: list[dict[str, object]]) -> list[list[object]]:
    """The changes' fields as the wire lays them out: per set of names, one list a name."""
    groups: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for values in fields:
        groups.setdefault(tuple(sorted(values)), []).append(values)
    return [[list(names), *([v[n] for v in group] for n in names)]
            for names, group in groups.items()]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="best and median of this many")
    parser.add_argument("--seed", type=int, default=2024, help="the generated people")
    args = parser.parse_args()

    runs = []
    for index in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            runs.append(one_run(Path(folder), args.changes, args.seed))
        run = runs[-1]
        print(f"run {index + 1}: push {run.push_s:.2f} s + pull {run.pull_s:.2f} s = "
              f"{run.total_s:.2f} s", file=sys.stderr, flush=True)  # fmt: skip

    best = min(runs, key=lambda r: r.total_s)
    median = statistics.median(r.total_s for r in runs)
    print(f"Sync of {best.pushed:,} pushed / {best.pulled:,} pulled changes over loopback "
          f"({dt.date.today()}, best and median of {len(runs)} runs)")  # fmt: skip
    print(
        f"push {best.push_s:6.2f} s   pull {best.pull_s:6.2f} s   total {best.total_s:6.2f} s "
        f"(median {median:.2f} s; sqlite-utils insert_all of the same rows "
        f"{best.baseline_s:.2f} s: {best.total_s / best.baseline_s:.0f}x)"
    )
    print(f"  target <= {TARGET_SECONDS} s: {'PASS' if best.total_s <= TARGET_SECONDS else 'FAIL'}"
          f" (median: {'PASS' if median <= TARGET_SECONDS else 'FAIL'})")  # fmt: skip
    server_cpu = "?" if best.server_cpu is None else f"{best.server_cpu:.2f}"
    print(f"  CPU: laptops {best.laptop_cpu:.2f} s, server {server_cpu} s (the two overlap on "
          f"two cores; a busy machine shows as wall time above CPU time)")  # fmt: skip
    floor = best.floor
    print(f"gzip of the changed fields alone (the floor): {floor:,} bytes, "
          f"{floor / best.pushed:.1f} a change (laid out column by column, as the protocol "
          f"sends them: {best.columnar:,}, {best.columnar / floor:.2f}x)")  # fmt: skip
    for name, (sent, received, headers) in (("push", best.push_bytes), ("pull", best.pull_bytes)):
        body = sent + received
        ratio = body / floor
        print(
            f"{name}: {body:,} bytes of bodies ({sent:,} sent + {received:,} received), "
            f"{body / best.pushed:.1f} a change: {ratio:.3f}x the floor  target <= "
            f"{TARGET_BYTES}x: {'PASS' if ratio <= TARGET_BYTES else 'FAIL'}"
            f"   (+ {headers:,} bytes of HTTP headers: {(body + headers) / floor:.2f}x)"
        )


if __name__ == "__main__":
    main()

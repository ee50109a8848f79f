"""Sync throughput: 10k changes pushed from one laptop and pulled by another over loopback,
against a real `outreach serve` process (SQLite store), and the bytes they cost on the wire.

Baselines measured in the same run: for time, plain sqlite-utils inserting the same 10k rows
into one database file (the storage floor with no protocol at all); for bytes, gzip of the
changed fields alone (the information that has to travel).
Targets (issue 5): push + pull of 10k changes <= 2 s; bytes on the wire <= 1.3x the gzip of
the fields.

    .venv/bin/python benchmarks/bench_sync.py [--changes 10000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

import httpx
from sqlite_utils import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outreach_app.services.sync import SyncService
from tests.factories import make_participant
from tests.integration.sync_world import (
    PASSWORDS,
    ServerProcess,
    laptop,
    seed_branch,
)

TARGET_SECONDS, TARGET_BYTES = 2.0, 1.3


class CountingTransport(httpx.HTTPTransport):
    """Counts request and response bytes as they go over the socket (compressed)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = self.received = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.sent += len(request.content)
        response = super().handle_request(request)
        raw = response.read()
        self.received += len(raw) if response.headers.get("content-encoding") != "gzip" else len(
            gzip.compress(raw))  # fmt: skip
        return response


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=10_000)
    args = parser.parse_args()
    import datetime as dt

    from outreach_app.domain.models import Sex
    from outreach_app.domain.nik import build_nik

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        server = ServerProcess(work)
        server.add_user("staf.maluku", "staff")
        server.start()
        try:
            office, other = laptop(work, "kantor"), laptop(work, "kantor-2")
            villages = seed_branch(office)

            def nik(n: int) -> str:
                born = dt.date(1990, 1, 1) + dt.timedelta(days=n % 9000)
                return build_nik("810301", born, Sex.MALE, 1 + n // 9000)

            people = [
                make_participant(villages["Wowonda"], full_name=f"Peserta {n:05d}", nik=nik(n))
                for n in range(args.changes)
            ]
            office.store.participants.add_many(people)
            fields = [json.loads(f) for (f,) in office.store.db.execute(
                "SELECT fields FROM outbox WHERE acked_at IS NULL ORDER BY seq")]  # fmt: skip
            floor = gzip.compress(json.dumps(fields, separators=(",", ":")).encode())

            counting = CountingTransport()
            from outreach_app.sync.client import SyncClient

            def factory(url: str, token: str | None) -> SyncClient:
                return SyncClient(url, token, transport=counting)

            for machine in (office, other):
                machine.sync = SyncService(machine.store, factory)
                machine.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
            counting.sent = counting.received = 0
            start = time.perf_counter()
            pushed = office.sync.sync()
            push_seconds = time.perf_counter() - start
            wire_push = counting.sent + counting.received
            start = time.perf_counter()
            pulled = other.sync.sync()
            pull_seconds = time.perf_counter() - start

            rows = [{"id": p.stamp.id, "full_name": p.full_name, "nik": p.nik} for p in people]
            raw = Database(work / "floor.db")
            start = time.perf_counter()
            raw["participants"].insert_all(rows, pk="id", batch_size=1000)
            floor_seconds = time.perf_counter() - start
        finally:
            server.stop()
    total = push_seconds + pull_seconds
    print(f"Sync of {pushed.pushed:,} pushed / {pulled.applied:,} pulled changes over loopback")
    print(
        f"push {push_seconds:6.2f} s   pull {pull_seconds:6.2f} s   total {total:6.2f} s  "
        f"(sqlite-utils insert_all floor {floor_seconds:.2f} s: {total / floor_seconds:.0f}x)"
    )
    print(f"  target <= {TARGET_SECONDS} s: {'PASS' if total <= TARGET_SECONDS else 'FAIL'}")
    print(
        f"bytes on the wire for the push {wire_push:,}  vs gzip of the fields {len(floor):,}: "
        f"{wire_push / len(floor):.2f}x  target <= {TARGET_BYTES}x: "
        f"{'PASS' if wire_push / len(floor) <= TARGET_BYTES else 'FAIL'}"
    )


if __name__ == "__main__":
    main()

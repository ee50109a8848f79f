"""Links between a laptop and a real server process, for sync tests and benchmarks: TCP relays
on 127.0.0.1 that the laptop connects to instead of the server.

`SlowLink` is a field agent's 2G connection: each direction limited to a bit rate, every byte
delayed by a latency, connections cut in the middle of a transfer at chosen points of the byte
stream (a schedule, or seeded at random). A cut closes both ends at once, as a modem losing
the cell does, only without the minutes a real timeout would take to notice it.

`Relay` is the plain part (accepting, connecting to the server, cutting, going down); the
server-kill tests build their HTTP-aware fault proxy on it. `PushLog` is the laptop's side of
the count: which batches the server answered "already had", i.e. were sent again.
"""

from __future__ import annotations

import contextlib
import json
import queue
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

Chunks = queue.SimpleQueue[tuple[float, bytes]]  # (when the bytes arrived, the bytes)


class Connection:
    """A laptop's connection and the relay's own connection to the server."""

    def __init__(self, laptop: socket.socket, server: socket.socket) -> None:
        self.laptop = laptop
        self.server = server
        self.cut = False
        self.ended = 0  # directions finished; both closed when it reaches 2
        self.lock = threading.Lock()

    def close(self) -> None:
        with self.lock:
            self.cut = True
            for sock in (self.laptop, self.server):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def end_direction(self, destination: socket.socket) -> None:
        """The sender finished: pass the end on (a half close), and close both sockets once
        both directions have ended."""
        with contextlib.suppress(OSError):
            destination.shutdown(socket.SHUT_WR)
        with self.lock:
            self.ended += 1
            done = self.ended == 2
        if done:
            self.close()


class Relay:
    """Listens on a free port of 127.0.0.1 and connects every laptop connection to the server's
    port; subclasses move the bytes in `relay`. While `down` (no signal), connections are
    accepted and closed at once; when the server is not running they are closed too."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.down = False
        self.refused = 0  # connections closed at once: link down or server not running
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._connections: list[Connection] = []
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="relay", daemon=True)
        self._thread.start()

    def __enter__(self) -> Relay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._closed.set()
        self._thread.join(timeout=5)
        self._listener.close()
        self.cut_all()

    def cut_all(self) -> None:
        for conn in list(self._connections):
            conn.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                laptop, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            laptop.settimeout(None)
            threading.Thread(target=self._open, args=(laptop,), daemon=True).start()

    def _open(self, laptop: socket.socket) -> None:
        self.connecting()
        server = None
        if not self.down:
            with contextlib.suppress(OSError):
                server = socket.create_connection(("127.0.0.1", self.upstream_port))
        if server is None:
            self.refused += 1
            with contextlib.suppress(OSError):
                laptop.shutdown(socket.SHUT_RDWR)
            laptop.close()
            return
        for sock in (laptop, server):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn = Connection(laptop, server)
        self._connections.append(conn)
        self.relay(conn)

    def connecting(self) -> None:
        """Called before the relay connects to the server (a slow link waits a round trip)."""

    def relay(self, conn: Connection) -> None:
        """Moves the bytes both ways until either side ends (on the accepting thread)."""
        other = threading.Thread(target=self._copy, args=(conn, conn.server, conn.laptop),
                                 daemon=True)  # fmt: skip
        other.start()
        self._copy(conn, conn.laptop, conn.server)

    @staticmethod
    def _copy(conn: Connection, source: socket.socket, destination: socket.socket) -> None:
        while True:
            try:
                data = source.recv(65536)
                if data:
                    destination.sendall(data)
            except OSError:
                conn.close()
                return
            if not data:
                conn.end_direction(destination)
                return


@dataclass
class LinkStats:
    sent: int = 0  # bytes delivered from the laptop to the server
    received: int = 0  # bytes delivered from the server to the laptop
    connections: int = 0
    drops: list[str] = field(default_factory=list)  # where each cut happened


class _Direction:
    """One direction of the link: bytes leave no faster than the bit rate, `latency` late.
    Shared by every connection, as one radio link is."""

    def __init__(self, rate_bps: float | None, latency: float) -> None:
        self.rate = rate_bps
        self.latency = latency
        self.free_at = 0.0
        self.lock = threading.Lock()

    def delivery_time(self, arrived: float, size: int) -> float:
        if self.rate is None:
            return arrived + self.latency
        with self.lock:
            start = max(arrived, self.free_at)
            self.free_at = start + size * 8 / self.rate
            return self.free_at + self.latency


class SlowLink(Relay):
    """A throttled, lossy link: `rate_bps` bits a second each way (None: no limit), `latency`
    seconds each way, and a cut at each position of `drops_at` (bytes delivered so far, both
    directions counted together, so a cut lands in a request or in a reply alike), of
    `drops_up` (bytes from the laptop: a cut in a request) and of `drops_down` (bytes from
    the server: a cut in a reply)."""

    CHUNK = 1024  # bytes moved at a time: 32 ms at 256 kbit/s

    def __init__(
        self,
        upstream_port: int,
        rate_bps: float | None = None,
        latency: float = 0.0,
        drops_at: Sequence[int] = (),
        drops_up: Sequence[int] = (),
        drops_down: Sequence[int] = (),
    ) -> None:
        self.stats = LinkStats()
        self._up = _Direction(rate_bps, latency)
        self._down = _Direction(rate_bps, latency)
        self._latency = latency
        self._drops = {"both": sorted(drops_at), "up": sorted(drops_up),
                       "down": sorted(drops_down)}  # fmt: skip
        self._count = threading.Lock()
        super().__init__(upstream_port)

    @staticmethod
    def seeded_drops(seed: int, count: int, within: int) -> list[int]:
        """`count` cut positions at random in the first `within` bytes (none in the first
        5%, where the sign-in would be)."""
        rng = random.Random(seed)
        return sorted(rng.randrange(within // 20, within) for _ in range(count))

    @property
    def pending_drops(self) -> int:
        return sum(len(positions) for positions in self._drops.values())

    def connecting(self) -> None:
        self.stats.connections += 1
        time.sleep(2 * self._latency)  # the TCP handshake's round trip

    def relay(self, conn: Connection) -> None:
        for source, destination, direction, name in (
            (conn.laptop, conn.server, self._up, "up"),
            (conn.server, conn.laptop, self._down, "down"),
        ):
            chunks: Chunks = queue.SimpleQueue()
            threading.Thread(target=self._read, args=(conn, source, chunks), daemon=True).start()
            threading.Thread(target=self._write, args=(conn, destination, chunks, direction, name),
                             daemon=True).start()  # fmt: skip

    def _read(self, conn: Connection, source: socket.socket, chunks: Chunks) -> None:
        while True:
            try:
                data = source.recv(self.CHUNK)
            except OSError:
                data = b""
            chunks.put((time.monotonic(), data))
            if not data:
                return

    def _write(
        self,
        conn: Connection,
        destination: socket.socket,
        chunks: Chunks,
        direction: _Direction,
        name: str,
    ) -> None:
        while True:
            arrived, data = chunks.get()
            if conn.cut:
                return
            if not data:
                time.sleep(max(0.0, arrived + direction.latency - time.monotonic()))
                conn.end_direction(destination)
                return
            time.sleep(max(0.0, direction.delivery_time(arrived, len(data)) - time.monotonic()))
            if conn.cut:
                return
            keep = self._take(len(data), name)
            try:
                destination.sendall(data if keep is None else data[:keep])
            except OSError:
                conn.close()
                return
            if keep is not None:
                conn.close()
                return

    def _take(self, size: int, name: str) -> int | None:
        """Counts `size` bytes as delivered; if a cut falls inside them, how many go first."""
        with self._count:
            mine = self.stats.sent if name == "up" else self.stats.received
            keep = None
            for positions, done in ((self._drops["both"], self.stats.sent + self.stats.received),
                                    (self._drops[name], mine)):  # fmt: skip
                if positions and done + size >= positions[0]:
                    keep = max(0, positions.pop(0) - done)
                    break
            delivered = size if keep is None else keep
            if keep is not None:
                self.stats.drops.append(f"{name} at byte {mine + keep:,}")
            if name == "up":
                self.stats.sent += delivered
            else:
                self.stats.received += delivered
            return keep


class PushLog(httpx.HTTPTransport):
    """The laptop's own transport, noting each push and pull it sends and each answer it
    gets. A batch counts as re-sent when the server answers any of its changes "already had"
    (it had applied the batch, and the reply was lost on the way)."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: Counter[str] = Counter()  # attempts by path, failed ones included
        self.answered: Counter[str] = Counter()
        self.push_answers: list[Counter[str]] = []  # statuses of each answered batch
        self.pulled = 0  # changes in the pull pages answered

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.requests[path] += 1
        response = super().handle_request(request)
        if response.status_code == 200:
            response.read()  # a cut in the middle of the body is the client's error, as before
            self.answered[path] += 1
            if path == "/v1/push":
                self.push_answers.append(_statuses(json.loads(response.content)))
            elif path == "/v1/pull":
                groups = json.loads(response.content)["groups"]
                self.pulled += sum(len(group["seqs"]) for group in groups)
        return response

    @property
    def batches(self) -> int:
        """Batches the server answered: each one once (the laptop moves on after an answer)."""
        return len(self.push_answers)

    def answered_as(self, status: str) -> int:
        """Changes answered with `status` (accepted, already_had, rejected) over all batches."""
        return sum(statuses[status] for statuses in self.push_answers)

    @property
    def resent(self) -> int:
        return sum(1 for statuses in self.push_answers if statuses["already_had"])

    @property
    def failed(self) -> int:
        """Requests that got no answer (cut, refused, timed out) and were tried again."""
        return sum(self.requests.values()) - sum(self.answered.values())


def _statuses(answer: dict[str, Any]) -> Counter[str]:
    """How many changes a push answer gives each status (plain ones come as seq ranges)."""
    statuses = Counter(result["status"] for result in answer["results"])
    for status in ("accepted", "already_had"):
        statuses[status] += sum(last - first + 1 for first, last in answer[status])
    return statuses

"""Hybrid logical clock: timestamps that order changes across devices whose clocks disagree.

A field laptop's clock may be wrong by hours. An HLC never goes backwards, moves past any
timestamp it has seen from another device, and still stays close to wall time, so "last writer
wins per field" picks the change that really came last. Timestamps are fixed-width strings
(`<13-digit ms>-<4 hex counter>`) so SQLite and Python compare them the same way; the device id
breaks ties between equal timestamps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_FORMAT = re.compile(r"(\d{13})-([0-9a-f]{4})")
_MAX_COUNTER = 0xFFFF


@dataclass(frozen=True, slots=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int

    def encode(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:04x}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        match = _FORMAT.fullmatch(text)
        if not match:
            raise ValueError(f"not a hybrid logical clock timestamp: {text!r}")
        return cls(int(match.group(1)), int(match.group(2), 16))


class HybridClock:
    """One per device. Not thread-safe by itself: storage ticks it inside its write lock."""

    def __init__(self, wall_ms: Callable[[], int], last: Timestamp | None = None) -> None:
        self._wall_ms = wall_ms
        self._last = last or Timestamp(0, 0)

    @property
    def last(self) -> Timestamp:
        return self._last

    def tick(self) -> Timestamp:
        """A timestamp for a local change, later than every one issued or seen before."""
        wall = self._wall_ms()
        if wall > self._last.wall_ms:
            self._last = Timestamp(wall, 0)
        else:
            self._last = self._bump(self._last.wall_ms, self._last.counter + 1)
        return self._last

    def observe(self, remote: Timestamp) -> Timestamp:
        """Merges a timestamp received from another device, so later local ticks sort after it."""
        wall = self._wall_ms()
        top = max(wall, self._last.wall_ms, remote.wall_ms)
        if top == self._last.wall_ms == remote.wall_ms:
            counter = max(self._last.counter, remote.counter) + 1
        elif top == self._last.wall_ms:
            counter = self._last.counter + 1
        elif top == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._last = self._bump(top, counter)
        return self._last

    @staticmethod
    def _bump(wall_ms: int, counter: int) -> Timestamp:
        if counter > _MAX_COUNTER:  # 65k changes in one millisecond: borrow the next one
            return Timestamp(wall_ms + 1, 0)
        return Timestamp(wall_ms, counter)

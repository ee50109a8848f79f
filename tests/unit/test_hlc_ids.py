"""Hybrid logical clock and UUIDv7: outreach_app/domain/hlc.py and domain/ids.py."""

from __future__ import annotations

import time
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.domain.hlc import HybridClock, Timestamp
from outreach_app.domain.ids import uuid7

MAX_COUNTER = 0xFFFF
MAX_WALL = 10**13 - 1  # 13 digits: good until the year 2286


class FakeWall:
    """A wall clock the test sets by hand; it may go backwards like a badly set laptop."""

    def __init__(self, ms: int = 0) -> None:
        self.ms = ms
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.ms


# --- Timestamp -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("timestamp", "text"),
    [
        (Timestamp(0, 0), "0000000000000-0000"),
        (Timestamp(1, 1), "0000000000001-0001"),
        (Timestamp(1_767_225_600_000, 10), "1767225600000-000a"),
        (Timestamp(1_767_225_600_000, 255), "1767225600000-00ff"),
        (Timestamp(MAX_WALL, MAX_COUNTER), "9999999999999-ffff"),
    ],
)
def test_encode_and_decode(timestamp: Timestamp, text: str) -> None:
    assert timestamp.encode() == text
    assert len(text) == 18
    assert Timestamp.decode(text) == timestamp


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1767225600000",
        "1767225600000-",
        "176722560000-0000",  # 12 digits
        "17672256000000-0000",  # 14 digits
        "1767225600000-000",
        "1767225600000-00000",
        "1767225600000-000A",  # upper-case hex is not the canonical form
        "1767225600000-000g",
        "1767225600000_0000",
        " 1767225600000-0000",
        "1767225600000-0000 ",
        "-767225600000-0000",
        "1767225600000-0000\n",  # a stray newline must not pass for a timestamp
    ],
)
def test_decode_refuses_other_text(text: str) -> None:
    with pytest.raises(ValueError, match="not a hybrid logical clock timestamp"):
        Timestamp.decode(text)


def test_timestamps_order_by_wall_then_counter() -> None:
    assert Timestamp(1, 0xFFFF) < Timestamp(2, 0)
    assert Timestamp(2, 0) < Timestamp(2, 1)
    assert Timestamp(5, 3) == Timestamp(5, 3)
    assert max(Timestamp(5, 3), Timestamp(4, 9), Timestamp(5, 2)) == Timestamp(5, 3)


timestamps = st.builds(
    Timestamp,
    wall_ms=st.integers(min_value=0, max_value=MAX_WALL),
    counter=st.integers(min_value=0, max_value=MAX_COUNTER),
)


@settings(max_examples=200, deadline=None)
@given(timestamp=timestamps)
def test_decode_encode_round_trips(timestamp: Timestamp) -> None:
    text = timestamp.encode()
    assert len(text) == 18
    assert Timestamp.decode(text) == timestamp
    assert Timestamp.decode(text).encode() == text


@settings(max_examples=200, deadline=None)
@given(a=timestamps, b=timestamps)
def test_string_order_is_tuple_order(a: Timestamp, b: Timestamp) -> None:
    assert (a.encode() < b.encode()) is (a < b)
    assert (a.encode() == b.encode()) is (a == b)
    assert (a < b) is ((a.wall_ms, a.counter) < (b.wall_ms, b.counter))


# --- HybridClock.tick ----------------------------------------------------------------------


def test_new_clock_starts_at_zero() -> None:
    assert HybridClock(FakeWall(5)).last == Timestamp(0, 0)


def test_tick_follows_a_wall_clock_that_moves_forward() -> None:
    wall = FakeWall(1_000)
    clock = HybridClock(wall)
    assert clock.tick() == Timestamp(1_000, 0)
    wall.ms = 1_005
    assert clock.tick() == Timestamp(1_005, 0)
    assert clock.last == Timestamp(1_005, 0)


def test_tick_in_the_same_millisecond_counts_up() -> None:
    clock = HybridClock(FakeWall(1_000))
    assert [clock.tick() for _ in range(3)] == [
        Timestamp(1_000, 0),
        Timestamp(1_000, 1),
        Timestamp(1_000, 2),
    ]


def test_tick_when_the_wall_clock_goes_backwards() -> None:
    wall = FakeWall(1_000)
    clock = HybridClock(wall)
    clock.tick()
    wall.ms = 400  # someone set the laptop's clock back
    assert clock.tick() == Timestamp(1_000, 1)
    assert clock.tick() == Timestamp(1_000, 2)
    wall.ms = 1_000
    assert clock.tick() == Timestamp(1_000, 3)
    wall.ms = 1_001
    assert clock.tick() == Timestamp(1_001, 0)


def test_clock_resumes_after_the_last_timestamp_it_was_given() -> None:
    clock = HybridClock(FakeWall(10), last=Timestamp(2_000, 7))
    assert clock.last == Timestamp(2_000, 7)
    assert clock.tick() == Timestamp(2_000, 8)


def test_tick_counter_overflow_borrows_the_next_millisecond() -> None:
    wall = FakeWall(50)
    clock = HybridClock(wall, last=Timestamp(100, MAX_COUNTER - 1))
    assert clock.tick() == Timestamp(100, MAX_COUNTER)
    assert clock.tick() == Timestamp(101, 0)
    assert clock.tick() == Timestamp(101, 1)


def test_tick_reads_the_wall_clock_each_time() -> None:
    wall = FakeWall(7)
    clock = HybridClock(wall)
    clock.tick()
    clock.tick()
    assert wall.calls == 2


# --- HybridClock.observe -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wall", "last", "remote", "expected"),
    [
        # the wall clock is ahead of everything: wall time, counter 0
        (5_000, Timestamp(1_000, 3), Timestamp(2_000, 9), Timestamp(5_000, 0)),
        # the remote is ahead: its time, one more than its counter
        (1_000, Timestamp(1_000, 3), Timestamp(2_000, 9), Timestamp(2_000, 10)),
        (500, Timestamp(100, 3), Timestamp(2_000, 0), Timestamp(2_000, 1)),
        # our last timestamp is ahead: one more than our counter
        (1_000, Timestamp(3_000, 3), Timestamp(2_000, 9), Timestamp(3_000, 4)),
        # all equal: one more than the higher counter
        (1_000, Timestamp(3_000, 3), Timestamp(3_000, 9), Timestamp(3_000, 10)),
        (1_000, Timestamp(3_000, 12), Timestamp(3_000, 9), Timestamp(3_000, 13)),
        (3_000, Timestamp(3_000, 2), Timestamp(3_000, 2), Timestamp(3_000, 3)),
        # wall equal to the remote, ahead of ours
        (2_000, Timestamp(1_000, 3), Timestamp(2_000, 9), Timestamp(2_000, 10)),
        # wall equal to ours, ahead of the remote
        (3_000, Timestamp(3_000, 4), Timestamp(1_000, 9), Timestamp(3_000, 5)),
        # counter overflow
        (0, Timestamp(100, MAX_COUNTER), Timestamp(100, MAX_COUNTER), Timestamp(101, 0)),
        (0, Timestamp(100, 0), Timestamp(200, MAX_COUNTER), Timestamp(201, 0)),
    ],
)
def test_observe(wall: int, last: Timestamp, remote: Timestamp, expected: Timestamp) -> None:
    clock = HybridClock(FakeWall(wall), last=last)
    assert clock.observe(remote) == expected
    assert clock.last == expected


def test_tick_after_observe_sorts_after_the_remote() -> None:
    wall = FakeWall(1_000)
    clock = HybridClock(wall)
    clock.observe(Timestamp(9_000, 4))  # a device whose clock runs fast
    assert clock.tick() == Timestamp(9_000, 6)
    wall.ms = 9_001
    assert clock.tick() == Timestamp(9_001, 0)


# --- properties ----------------------------------------------------------------------------

operations = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=10**12),  # the wall clock for this step
        # None: a local tick, else a remote timestamp to observe
        st.one_of(st.none(), timestamps.filter(lambda t: t.wall_ms < MAX_WALL)),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(
    start=st.one_of(st.none(), timestamps.filter(lambda t: t.wall_ms < MAX_WALL)),
    steps=operations,
)
def test_clock_never_goes_backwards(
    start: Timestamp | None, steps: list[tuple[int, Timestamp | None]]
) -> None:
    wall = FakeWall()
    clock = HybridClock(wall, last=start)
    previous = clock.last
    for wall_ms, remote in steps:
        wall.ms = wall_ms
        if remote is None:
            now = clock.tick()
        else:
            now = clock.observe(remote)
            assert now > remote
        assert now > previous
        assert now.wall_ms >= wall_ms
        assert 0 <= now.counter <= MAX_COUNTER
        assert clock.last == now
        assert now.encode() > previous.encode()
        previous = now


@settings(max_examples=200, deadline=None)
@given(
    walls=st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=100),
)
def test_tick_strictly_increases_whatever_the_wall_clock_does(walls: list[int]) -> None:
    wall = FakeWall()
    clock = HybridClock(wall)
    seen = []
    for ms in walls:
        wall.ms = ms
        seen.append(clock.tick())
    assert seen == sorted(seen)
    assert len(set(seen)) == len(seen)
    assert seen[-1].wall_ms >= max(walls)


@settings(max_examples=200, deadline=None)
@given(wall=st.integers(min_value=0, max_value=10**12), last=timestamps, remote=timestamps)
def test_observe_is_after_both(wall: int, last: Timestamp, remote: Timestamp) -> None:
    clock = HybridClock(FakeWall(wall), last=last)
    now = clock.observe(remote)
    assert now > last
    assert now > remote
    assert now.wall_ms >= wall
    # and stays close to the newest clock: never more than one millisecond past it
    assert now.wall_ms <= max(wall, last.wall_ms, remote.wall_ms) + 1


# --- uuid7 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ms", [0, 1, 1_767_225_600_000, 2**48 - 1])
def test_uuid7_layout(ms: int) -> None:
    text = uuid7(ms)
    value = uuid.UUID(text)
    assert str(value) == text
    assert text == text.lower()
    assert len(text) == 36
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert value.int >> 80 == ms
    assert text[14] == "7"
    assert text[19] in "89ab"


def test_uuid7_known_prefix() -> None:
    # 2026-01-01T00:00:00Z = 1767225600000 ms = 0x019b76daa800
    assert uuid7(1_767_225_600_000).startswith("019b76da-a800-7")


def test_uuid7_default_uses_the_current_time() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid.UUID(uuid7())
    after = time.time_ns() // 1_000_000
    assert before <= value.int >> 80 <= after
    assert value.version == 7


def test_uuid7_values_are_unique_within_one_millisecond() -> None:
    values = {uuid7(1_767_225_600_000) for _ in range(2_000)}
    assert len(values) == 2_000


@settings(max_examples=200, deadline=None)
@given(ms=st.integers(min_value=0, max_value=2**48 - 1))
def test_uuid7_properties(ms: int) -> None:
    value = uuid.UUID(uuid7(ms))
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert value.int >> 80 == ms


@settings(max_examples=200, deadline=None)
@given(
    a=st.integers(min_value=0, max_value=2**48 - 1),
    b=st.integers(min_value=0, max_value=2**48 - 1),
)
def test_uuid7_sorts_by_the_millisecond(a: int, b: int) -> None:
    first, second = uuid7(a), uuid7(b)
    if a < b:
        assert first < second
        assert uuid.UUID(first) < uuid.UUID(second)
    elif a > b:
        assert first > second
    else:
        assert first[:13] == second[:13]


@settings(max_examples=50, deadline=None)
@given(ms=st.lists(st.integers(min_value=0, max_value=2**48 - 1), min_size=2, max_size=30))
def test_sorted_uuid7_follow_their_milliseconds(ms: list[int]) -> None:
    ids = [uuid7(m) for m in ms]
    assert [uuid.UUID(i).int >> 80 for i in sorted(ids)] == sorted(ms)

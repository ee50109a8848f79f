"""Field versions for last-writer-wins merging: a hybrid-logical-clock timestamp and the device
that wrote it, as one string that sorts in the order the writes happened.

`0001732173600000-0000@0192b3c4-...`: the timestamp is fixed width, so comparing the strings
compares the clocks first and, for equal clocks, the device ids, which breaks every tie the
same way on every device and on the server.
"""

from __future__ import annotations


def version(hlc: str, device_id: str) -> str:
    return f"{hlc}@{device_id}"


def hlc_of(version_text: str) -> str:
    return version_text.partition("@")[0]


def wins(candidate: str, current: str | None) -> bool:
    """Whether a write stamped `candidate` replaces one stamped `current` (None: never set)."""
    return current is None or candidate > current

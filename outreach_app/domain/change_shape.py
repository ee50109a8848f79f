"""The shape every synced change has, wherever it lives: an outbox row on a laptop, a change
on the wire, a change in the server's log. Typing protocols only, so the wire's encoder and
the server's log take any of them without converting one into another (10k changes a sync).
"""

from __future__ import annotations

from typing import Any, Protocol


class ChangeLike(Protocol):
    """One row's change as its device made it, without saying which device."""

    @property
    def seq(self) -> int: ...
    @property
    def table(self) -> str: ...
    @property
    def row_id(self) -> str: ...
    @property
    def op(self) -> str: ...
    @property
    def fields(self) -> dict[str, Any]: ...
    @property
    def hlc(self) -> str: ...


class DeviceChange(ChangeLike, Protocol):
    """A change with the device that made it (what the server's log keeps)."""

    @property
    def device_id(self) -> str: ...


class PulledLike(DeviceChange, Protocol):
    """A change as the server numbered it when it took it."""

    @property
    def server_seq(self) -> int: ...

"""Files that appear whole or not at all: written beside the target, flushed to the disk, then
renamed over it. A crash, a full USB stick or a pulled cable leaves the old file or none, never
half a receipt PDF, a truncated bundle or a cut-off export."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Calls `write` with a temporary path beside `target`, then puts the file in its place;
    returns the target. If `write` fails, nothing is left behind."""
    target = target.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        with open(temporary, "rb+") as written:  # on the disk before it takes the name
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target


def write_bytes_atomically(data: bytes, target: Path) -> Path:
    def write(path: Path) -> None:
        path.write_bytes(data)

    return replace_atomically(target, write)

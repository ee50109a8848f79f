"""What every printed document shares on its way out: the job it comes from, the refusal when
there is nothing to print, and atomic writing of the PDF."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from outreach_app.domain.errors import DomainError


class NothingToPrint(DomainError):
    """The records asked for do not exist (or hold nothing to print)."""


@dataclass(frozen=True)
class PrintJob:
    """A document whose records have been read and whose QR codes are signed: `render` is
    pure drawing, safe to run on a worker thread while the GUI thread keeps the database."""

    title: str
    file_name: str
    render: Callable[[], bytes]


def write_atomically(data: bytes, target: Path) -> Path:
    """Writes beside the target and renames over it: a crash or a full disk leaves either the
    old file or nothing, never a truncated PDF or bundle."""
    target = target.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target


write_pdf = write_atomically

"""What every printed document shares on its way out: the job it comes from, the refusal when
there is nothing to print, and atomic writing of the PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from outreach_app.domain.errors import DomainError
from outreach_app.files import write_bytes_atomically


class NothingToPrint(DomainError):
    """The records asked for do not exist (or hold nothing to print)."""


@dataclass(frozen=True)
class PrintJob:
    """A document whose records have been read and whose QR codes are signed: `render` is
    pure drawing, safe to run on a worker thread while the GUI thread keeps the database."""

    title: str
    file_name: str
    render: Callable[[], bytes]


# Writes beside the target and renames over it (outreach_app/files.py).
write_atomically = write_bytes_atomically
write_pdf = write_atomically

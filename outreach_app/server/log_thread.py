"""The server's log written from a thread of its own, so the event loop never formats or
scrubs a line.

uvicorn writes its access line on the event loop, after each answer; the line holds the
request's path and query, which the client chose. Scrubbing it (NIKs, phone numbers, e-mail
addresses) is linear now, but it is still work on text of the client's choosing, and a slow
disk or a full pipe on stderr would stall every client at once. Here the loop only puts the
record on a queue; a listener thread formats, scrubs and writes it. A queue that is full (the
writer cannot keep up) drops lines rather than grow or block.
"""

from __future__ import annotations

import atexit
import logging
import queue
import sys
from logging.handlers import QueueHandler, QueueListener

from outreach_app.diagnostics import ScrubbingFormatter

MAX_WAITING = 10_000  # lines waiting to be written


class BackgroundStderrHandler(QueueHandler):
    """Hands records to a thread that writes them, scrubbed, to stderr."""

    def __init__(self) -> None:
        waiting: queue.Queue[logging.LogRecord] = queue.Queue(MAX_WAITING)
        super().__init__(waiting)
        writer = logging.StreamHandler(sys.stderr)
        writer.setFormatter(ScrubbingFormatter())
        self.listener = QueueListener(waiting, writer)
        self.listener.start()
        atexit.register(self.listener.stop)  # the last lines are written before the exit
        self.dropped = 0

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        """The record as it is: the writer's formatter scrubs it (the default would format it
        here, on the loop, and keep the exception's message, which the scrubber leaves out)."""
        return record

    def enqueue(self, record: logging.LogRecord) -> None:
        try:
            self.queue.put_nowait(record)
        except queue.Full:
            self.dropped += 1

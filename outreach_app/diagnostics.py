"""The app's log file and crash reports, written without NIKs or names.

A log or a crash report travels: it is mailed to a developer, pasted into a chat, left in a
user folder that is not encrypted. So personal data is kept out by construction, not by hope:

- Our own log calls pass values as arguments (`log.info("pulled %d", n)`, never f-strings:
  tests/unit/test_diagnostics.py checks the code); in the file, a text argument is replaced
  by `‹…›` unless it is wrapped in `Safe` (an id, a count, a code), so a name passed by
  mistake never reaches the file. Other libraries' messages are kept but scrubbed.
- Exceptions are written as their type and their stack (file, line, function, the line of
  code): never their message, which is text for the user and may hold a NIK or a name
  (`DuplicateNik("NIK 3171... sudah terdaftar")`). The database drivers' messages are kept
  (they name tables and constraints, never values), scrubbed.
- Everything written is scrubbed as well: 16-digit runs (NIK) become `[NIK]`, Indonesian
  mobile numbers `[TELEPON]`, e-mail addresses `[EMAIL]`, the home folder (often the user's
  own name) `~`. Names cannot be recognised by a pattern; the two rules above keep them out.
- A fatal crash in C code (Qt, SQLite) is written by `faulthandler`: only file names, line
  numbers and function names, never values.

Standard library only, at the bottom of the layers: the CLI, the desktop app and the server
all install it once from the composition root (app.py).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

LOG_NAME = "outreach.log"
FAULT_NAME = "outreach-crash.log"
HIDDEN = "‹…›"
OWN_LOGGERS = "outreach_app"
MAX_LOG_BYTES = 1_000_000

# Every pattern runs in time linear in the text (a log line can be an attacker's 60 KB URL,
# scrubbed on the server's event loop): each may start only where a run of its characters
# starts (the look-behinds) or holds a bounded count of them, and its runs are possessive, so
# no start position rescans a long run. (`[\w.+-]+@...` without the look-behind tried every
# position of a long word and rescanned the rest of it: quadratic, 9 s for 60 KB.)
_PATTERNS = (
    (re.compile(r"(?<!\d)(?:\+?62|0)8\d{7,11}(?!\d)"), "[TELEPON]"),
    (re.compile(r"(?<!\d)\d{16,}+(?!\d)"), "[NIK]"),
    (re.compile(r"(?<![\d:])(?:\d[ .-]?){15}\d(?!\d)"), "[NIK]"),  # 3171 0123 4567 8901
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
_EMAIL_PASSES = 4
# Drivers' messages name tables and constraints, never values: kept (scrubbed all the same).
_MESSAGES_KEPT = ("sqlite3.", "sqlcipher3.")


@dataclass(frozen=True, slots=True)
class Safe:
    """A log argument known to hold no personal data (an id, a count, a page name)."""

    value: object

    def __str__(self) -> str:
        return str(self.value)


def home_folder() -> str:
    return str(Path.home())


def scrub(text: str, home: str | None = None) -> str:
    """`text` without NIKs, phone numbers, e-mail addresses or the home folder."""
    if home and len(home) > 1:
        text = text.replace(home, "~")
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return _scrub_emails(text)


def _scrub_emails(text: str) -> str:
    """An address may start right where the one before ended inside a run (`a@b.c+x@y.id`):
    the look-behind skips it in the first pass, and the `]` of `[EMAIL]` lets the next pass
    take it (two passes suffice; the bound keeps it linear whatever the text)."""
    for _ in range(_EMAIL_PASSES):
        scrubbed = _EMAIL.sub("[EMAIL]", text)
        if scrubbed == text:
            break
        text = scrubbed
    return text


def _safe_argument(value: object) -> object:
    if isinstance(value, Safe) or value is None or isinstance(value, (bool, int, float)):
        return value
    return HIDDEN


def _describe_one(error: BaseException) -> str:
    name = f"{type(error).__module__}.{type(error).__qualname__}"
    text = str(error)
    message = (
        text if name.startswith(_MESSAGES_KEPT) else f"[pesan disembunyikan, {len(text)} huruf]"
    )
    frames = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
    return f"Traceback (most recent call last):\n{frames}{name}: {message}"


def describe_exception(
    kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
) -> str:
    """The stack of an exception and of its causes (oldest first, as Python prints them),
    with no message but the database drivers'."""
    if error is None:
        return ""
    blocks: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        blocks.append(_describe_one(current))
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return "\n\nThe exception above led to the one below:\n\n".join(reversed(blocks))


class ScrubbingFormatter(logging.Formatter):
    """Formats a record as described in the module docstring."""

    def __init__(self, fmt: str | None = None, datefmt: str | None = None) -> None:
        super().__init__(fmt or "%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt)
        self._home = home_folder()

    def format(self, record: logging.LogRecord) -> str:
        own = record.name == OWN_LOGGERS or record.name.startswith(OWN_LOGGERS + ".")
        args: Any = record.args
        if own and args:
            if isinstance(args, dict):
                args = {key: _safe_argument(value) for key, value in args.items()}
            else:
                args = tuple(_safe_argument(value) for value in args)
        try:
            message = str(record.msg) % args if args else str(record.msg)
        except (TypeError, ValueError):
            message = str(record.msg)
        copy = logging.makeLogRecord(record.__dict__)
        copy.msg = scrub(message, self._home)
        copy.args = copy.exc_info = copy.exc_text = copy.stack_info = None
        text = super().format(copy)
        if record.exc_info:
            text += "\n" + scrub(describe_exception(*record.exc_info), self._home)
        return text


@dataclass
class Diagnostics:
    """What `install` set up; `close()` puts everything back (tests, and the end of main)."""

    log_file: Path
    handler: logging.Handler
    fault_file: IO[str] | None
    previous_hooks: tuple[Any, Any]
    version: Callable[[], str]
    notify: Callable[[str], None] | None = None

    def report_crash(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
        where: str = "",
    ) -> None:
        """An exception nobody caught: written to the log and to stderr, scrubbed."""
        if issubclass(kind, KeyboardInterrupt):
            self.previous_hooks[0](kind, error, tb)
            return
        log = logging.getLogger(OWN_LOGGERS)
        log.critical(
            "Kesalahan tak terduga%s, versi %s", Safe(where), Safe(self.version()),
            exc_info=(kind, error, tb),
        )  # fmt: skip
        print(
            scrub(describe_exception(kind, error, tb), home_folder())
            + f"\nLaporan kesalahan (tanpa data peserta): {self.log_file}",
            file=sys.stderr,
        )
        if self.notify is not None:
            self.notify(str(self.log_file))

    def close(self) -> None:
        root = logging.getLogger()
        root.removeHandler(self.handler)
        self.handler.close()
        sys.excepthook, threading.excepthook = self.previous_hooks
        logging.captureWarnings(False)
        if self.fault_file is not None:
            faulthandler.disable()
            self.fault_file.close()


def _rotate(log_file: Path) -> None:
    """At start, a log past its limit becomes the `.1` (the older one goes): the file stays
    small, without logging.handlers (10 ms of every start-up)."""
    try:
        if log_file.stat().st_size > MAX_LOG_BYTES:
            os.replace(log_file, log_file.with_name(log_file.name + ".1"))
    except OSError:
        pass


def install(
    log_dir: Path,
    level: int = logging.INFO,
    notify: Callable[[str], None] | None = None,
    version: Callable[[], str] = lambda: "?",
) -> Diagnostics:
    """The log file (about 1 MB, and the one before it; created at the first record), the
    crash hooks for the main thread and other threads (Qt's slots reach sys.excepthook too),
    and faulthandler."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / LOG_NAME
    _rotate(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    handler.setFormatter(ScrubbingFormatter())
    handler.setLevel(level)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.WARNING, level))
    logging.captureWarnings(True)
    fault_file: IO[str] | None = None
    try:
        fault_file = open(log_dir / FAULT_NAME, "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(fault_file)
    except OSError:
        fault_file = None
    previous = (sys.excepthook, threading.excepthook)
    diagnostics = Diagnostics(log_file, handler, fault_file, previous, version, notify)
    sys.excepthook = diagnostics.report_crash

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            where = f" (thread {args.thread.name})" if args.thread is not None else ""
            diagnostics.report_crash(args.exc_type, args.exc_value, args.exc_traceback, where)

    threading.excepthook = thread_hook
    return diagnostics

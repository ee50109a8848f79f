"""How long wrong passwords make the next sign-in wait, per account name and per client
address.

A few free attempts (a typo, caps lock), then a wait that doubles with each further wrong
password, capped at 15 minutes: a guesser gets a handful of tries an hour, while a real agent
is never locked out for good. The right password during a wait is refused too (otherwise the
wait would stop nothing) and does not count as a failure; a success clears the account's
count, and any count is forgotten an hour after its last failure. The address gets more free
attempts than the account (a branch office's agents share one address behind its router).
The address is the TCP peer as the server sees it: behind a reverse proxy, run uvicorn with
its proxy-headers options so it is the laptop's and not the proxy's.
"""

from __future__ import annotations

import datetime as dt

ACCOUNT_FREE = 5
ADDRESS_FREE = 20
FIRST_WAIT = dt.timedelta(seconds=30)
MAX_WAIT = dt.timedelta(minutes=15)
FORGET_AFTER = dt.timedelta(hours=1)  # longer than MAX_WAIT, or waiting would reset the count
FREE = {"account": ACCOUNT_FREE, "address": ADDRESS_FREE}


def wait_after(failures: int, free: int) -> dt.timedelta:
    """The wait after `failures` wrong passwords in a row: none before `free` of them."""
    if failures < free:
        return dt.timedelta(0)
    wait: dt.timedelta = FIRST_WAIT * 2 ** min(failures - free, 16)
    return min(MAX_WAIT, wait)


def retry_after(blocked_until: str | None, now: dt.datetime) -> int:
    """Whole seconds still to wait (0: none). A clock gone back cannot make the wait longer
    than MAX_WAIT."""
    if blocked_until is None:
        return 0
    left = dt.datetime.fromisoformat(blocked_until) - now
    seconds = min(left, MAX_WAIT).total_seconds()
    return max(0, int(seconds + 0.999))


def format_wait(seconds: int) -> str:
    minutes, rest = divmod(max(0, seconds), 60)
    if not minutes:
        return f"{rest} detik"
    return f"{minutes} menit" + (f" {rest} detik" if rest else "")

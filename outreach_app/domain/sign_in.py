"""The rules of signing in to a laptop: how good a new password must be, and how long a
wrong one makes the next attempt wait.

A laptop's password also unlocks its database key, so anyone holding the laptop can only
guess through the app: five free attempts, then a wait that doubles with each further wrong
one (30 s, 1 min, 2 min ... at most an hour). The count is kept on disk by the caller, so
restarting the app does not reset it. The right password during a wait is refused too,
otherwise the wait would stop nothing.
"""

from __future__ import annotations

FREE_ATTEMPTS = 5
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 3600
MIN_PASSWORD_LENGTH = 8


def wait_after(failures: int) -> int:
    """Seconds to wait after `failures` wrong passwords in a row before the next try."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_ATTEMPTS)))


def seconds_to_wait(failures: int, last_failure: float | None, now: float) -> int:
    """How long the next attempt must still wait. A clock set back before the last failure
    restarts the whole wait rather than ending it."""
    wait = wait_after(failures)
    if wait == 0 or last_failure is None:
        return 0
    elapsed = now - last_failure
    if elapsed < 0:
        return wait
    return max(0, int(wait - elapsed + 0.999))


def attempts_before_wait(failures: int) -> int:
    return max(0, FREE_ATTEMPTS - failures)


def new_password_problem(password: str, repeat: str) -> str | None:
    """Why `password` cannot be the new password, in words for the user; None when it can."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter."
    if password.isdigit():
        return "Kata sandi tidak boleh hanya angka: tambahkan huruf."
    if password.strip() != password:
        return "Kata sandi tidak boleh diawali atau diakhiri spasi."
    if len(set(password)) < 4:
        return "Kata sandi terlalu mudah ditebak: pakai lebih banyak huruf dan angka yang berbeda."
    if password != repeat:
        return "Kedua kata sandi tidak sama."
    return None


def format_wait(seconds: int) -> str:
    """ "45 detik", "2 menit", "1 menit 30 detik"."""
    minutes, rest = divmod(max(0, seconds), 60)
    if not minutes:
        return f"{rest} detik"
    return f"{minutes} menit" + (f" {rest} detik" if rest else "")

"""The two kinds of sync failure the app treats differently, and the laptop's own refusals.

`SyncUnavailable` is no signal, a timeout, the server busy or down: try again later, nothing is
lost. `SyncDenied` needs the user: the token was revoked, the password is wrong, the app is too
old, or (`UntrustedServer`) the laptop itself refused to talk to the address, before a token or
a change left it. Each carries a message in plain Indonesian.
"""

from __future__ import annotations


class SyncUnavailable(Exception):
    """The server could not be reached or answered with a temporary error."""


class SyncDenied(Exception):
    """The server refused: sign in again, or update the app. `status` is the HTTP status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class UntrustedServer(SyncDenied):
    """The laptop refused the server itself (status 0: nothing was asked of the server): a
    plain-http address on the network, or a certificate it cannot trust."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 0)


class PlainHttpRefused(UntrustedServer):
    """http:// to an address that is not this machine: the token and every NIK would cross
    the network readable by anyone on the way."""

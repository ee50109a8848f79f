"""The refusal every part of the server raises and the HTTP API answers as it says."""

from __future__ import annotations

from outreach_app.domain.errors import DomainError


class SyncRefused(DomainError):
    """A request the server will not serve: bad credentials, a revoked token, an old protocol.
    `status` is the HTTP status the API answers with; `headers` go with the answer (a wait's
    Retry-After)."""

    def __init__(
        self, message: str, status: int = 403, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}

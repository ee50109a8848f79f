"""The SQL of the server's audit log and of the wrong-password counters that make sign-in
wait. Both are small tables that only grow with refusals and sign-ins; `prune` keeps them
bounded (the caller decides how long, see server/auth.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from outreach_app.server.store.auth_tables import server_audit, sign_in_failures

COLUMN = 64  # account, device and address columns: longer values are cut, never refused
DETAIL = 200


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: str
    event: str
    account: str | None
    device_id: str | None
    address: str | None
    detail: str | None


@dataclass(frozen=True, slots=True)
class FailureCount:
    """Wrong passwords in a row for one key (`kind`: "account" or "address")."""

    kind: str
    key: str
    failures: int
    last_failure_at: str
    blocked_until: str | None
    refused: int


def _cut(value: str | None, width: int = COLUMN) -> str | None:
    return None if value is None else value[:width]


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def write(
        self,
        event: str,
        at: str,
        account: str | None = None,
        device_id: str | None = None,
        address: str | None = None,
        detail: str | None = None,
    ) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                insert(server_audit).values(
                    at=at, event=event[:32], account=_cut(account), device_id=_cut(device_id),
                    address=_cut(address), detail=_cut(detail, DETAIL),
                )
            )  # fmt: skip

    def rows(self, since: str | None = None, limit: int | None = None) -> list[AuditRow]:
        """Oldest first, from `since` (ISO text) on."""
        query = select(server_audit).order_by(server_audit.c.at, server_audit.c.id)
        if since is not None:
            query = query.where(server_audit.c.at >= since)
        if limit is not None:
            query = query.limit(limit)
        with self._engine.connect() as conn:
            return [
                AuditRow(
                    int(row.id),
                    row.at,
                    row.event,
                    row.account,
                    row.device_id,
                    row.address,
                    row.detail,
                )
                for row in conn.execute(query)
            ]

    def prune(self, before: str) -> int:
        with self._engine.begin() as conn:
            return int(
                conn.execute(delete(server_audit).where(server_audit.c.at < before)).rowcount
            )


class FailureCounts:
    """Wrong-password counters, shared by every server process through the database."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def read(self, keys: list[tuple[str, str]]) -> list[FailureCount]:
        found = []
        with self._engine.connect() as conn:
            for kind, key in keys:
                row = conn.execute(
                    select(sign_in_failures).where(
                        sign_in_failures.c.kind == kind, sign_in_failures.c.key == key
                    )
                ).first()
                if row is not None:
                    found.append(
                        FailureCount(
                            row.kind,
                            row.key,
                            int(row.failures),
                            row.last_failure_at,
                            row.blocked_until,
                            int(row.refused or 0),
                        )
                    )
        return found

    def note_failure(
        self, kind: str, key: str, now: str, forget_before: str, until: Callable[[int], str | None]
    ) -> FailureCount:
        """One more wrong password for the key, counted from one again when the last was
        before `forget_before`; `until(failures)` says till when the next attempt must wait.
        Read and written in one transaction (locked on PostgreSQL), so two processes
        counting at once both count."""
        where = (sign_in_failures.c.kind == kind) & (sign_in_failures.c.key == key)
        for attempt in (1, 2):
            try:
                with self._engine.begin() as conn:
                    query = select(sign_in_failures).where(where)
                    if conn.dialect.name == "postgresql":
                        query = query.with_for_update()
                    row = conn.execute(query).first()
                    failures = 1
                    if row is not None and row.last_failure_at >= forget_before:
                        failures = int(row.failures) + 1
                    count = FailureCount(kind, key, failures, now, until(failures), 0)
                    values = {
                        "failures": count.failures, "last_failure_at": count.last_failure_at,
                        "blocked_until": count.blocked_until, "refused": 0,
                    }  # fmt: skip
                    if row is None:
                        conn.execute(insert(sign_in_failures).values(kind=kind, key=key, **values))
                    else:
                        conn.execute(update(sign_in_failures).where(where).values(**values))
                    return count
            except IntegrityError:  # another process made the row first: count on it
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def note_refused(self, kind: str, key: str) -> int:
        """Counts an attempt refused during a wait; returns how many were refused in it."""
        where = (sign_in_failures.c.kind == kind) & (sign_in_failures.c.key == key)
        with self._engine.begin() as conn:
            conn.execute(
                update(sign_in_failures).where(where).values(refused=sign_in_failures.c.refused + 1)
            )
            found = conn.execute(select(sign_in_failures.c.refused).where(where)).scalar()
        return int(found or 0)

    def clear(self, kind: str, key: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                delete(sign_in_failures).where(
                    sign_in_failures.c.kind == kind, sign_in_failures.c.key == key
                )
            )

    def prune(self, before: str) -> int:
        """Forgets counters whose last failure is older than `before`."""
        with self._engine.begin() as conn:
            return int(
                conn.execute(
                    delete(sign_in_failures).where(sign_in_failures.c.last_failure_at < before)
                ).rowcount
            )

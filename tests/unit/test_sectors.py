"""The transport sector described as PP 50/2025 does (ojek online and pangkalan, drivers,
parcel and logistics couriers; not fishers) wherever it is explained or chosen outside the UI:
the printed registration form, the import's words and messages, the premium command's help."""

from __future__ import annotations

import pytest

from outreach_app.documents.registration_form import SECTORS
from outreach_app.domain.import_values import parse_sector
from outreach_app.domain.models import Sector
from outreach_app.domain.sectors import SECTOR_NAMES, SECTOR_RULE, TRANSPORT_WORKERS


def test_transport_is_ojek_drivers_and_couriers_and_never_fishers() -> None:
    for words in ("ojek online", "ojek pangkalan", "pengemudi", "kurir paket dan logistik"):
        assert words in TRANSPORT_WORKERS
    assert "nelayan" not in SECTOR_NAMES[Sector.TRANSPORT].lower()
    assert "nelayan" in SECTOR_NAMES[Sector.OTHER].lower()  # a fisher sees where they belong
    assert "PP 50/2025" in SECTOR_RULE and "Nelayan tidak termasuk" in SECTOR_RULE


def test_the_printed_form_uses_the_same_words() -> None:
    assert SECTORS == SECTOR_NAMES


@pytest.mark.parametrize(
    ("cell", "sector"),
    [
        ("Ojek", Sector.TRANSPORT),
        ("ojek online", Sector.TRANSPORT),
        ("Ojek pangkalan", Sector.TRANSPORT),
        ("Kurir", Sector.TRANSPORT),
        ("Pengemudi", Sector.TRANSPORT),
        ("Nelayan", Sector.OTHER),  # not transport under PP 50/2025
        ("Bukan transportasi", Sector.OTHER),
        ("Lainnya", Sector.OTHER),
    ],
)
def test_import_reads_the_sector_words(cell: str, sector: Sector) -> None:
    assert parse_sector(cell) is sector


def test_an_unknown_sector_says_what_transport_means() -> None:
    with pytest.raises(ValueError) as raised:
        parse_sector("nelayan angkut")
    message = str(raised.value)
    assert "ojek online dan ojek pangkalan" in message and "bukan nelayan" in message

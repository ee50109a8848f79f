"""The corpus of bad import files (tests/data/import/, made by make_corpus.py): each gives
exactly the message in expected.json and, when the file itself is unusable, imports nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from outreach_app.domain.models import User
from outreach_app.services.importing import ImportService, UnusableFile
from outreach_app.services.setup import current_user
from outreach_app.storage.store import Store
from outreach_app.tabular.reading import MAX_FILE_BYTES, read_table
from tests.conftest import TODAY

CORPUS = Path(__file__).parents[1] / "data" / "import"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def service(demo_store: Store, schedule) -> ImportService:
    return ImportService(demo_store, schedule, lambda: TODAY)


@pytest.fixture
def actor(demo_store: Store) -> User:
    user = current_user(demo_store)
    assert user is not None
    return user


def counts(store: Store) -> tuple[int, int]:
    outbox = store.db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    return store.participants.count(), outbox


@pytest.mark.parametrize("name", sorted(EXPECTED["unusable"]))
def test_an_unusable_file_is_refused_whole_with_its_message(
    name: str, service: ImportService, demo_store: Store, actor: User
) -> None:
    before = counts(demo_store)
    with pytest.raises(UnusableFile) as refused:
        service.run(service.open(CORPUS / name), actor)
    assert str(refused.value) == EXPECTED["unusable"][name]
    assert counts(demo_store) == before


@pytest.mark.parametrize("name", sorted(EXPECTED["importable"]))
def test_a_file_with_bad_cells_imports_the_rest_and_names_each_problem(
    name: str, service: ImportService, demo_store: Store, actor: User
) -> None:
    expected = EXPECTED["importable"][name]
    source = service.open(CORPUS / name)
    assert source.table.info.describe() == expected["read_as"]
    before = counts(demo_store)
    report = service.run(source, actor)
    assert [[p.row, p.label, p.message] for p in report.problems] == expected["problems"]
    assert report.imported == expected["new"]
    participants, outbox = counts(demo_store)
    # each participant and its audit entry reach the outbox, like a typed enrolment
    assert (participants, outbox) == (before[0] + report.imported, before[1] + 2 * report.imported)


def test_the_corpus_files_really_are_what_they_say() -> None:
    """Guards the corpus against a regenerated file that no longer shows the fault."""
    assert (CORPUS / "empty.csv").stat().st_size == 0
    assert (CORPUS / "photo-renamed.csv").read_bytes().startswith(b"\x89PNG")
    assert b"\x00" in (CORPUS / "binary-renamed.csv").read_bytes()
    assert (CORPUS / "huge-cell.csv").stat().st_size > 128 * 1024
    assert (CORPUS / "semicolon-cp1252.csv").read_bytes().count(b"\xe9") >= 2  # é in cp1252


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "daftar-besar.csv"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.write(b"NIK;Nama\r\n")
        handle.truncate(50 * 1024 * 1024)
    opened: list[Path] = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self) or b"")
    with pytest.raises(UnusableFile) as refused:
        read_table(big)
    assert str(refused.value) == (
        "Berkas daftar-besar.csv terlalu besar (50 MB; paling besar 20 MB). Bagi daftarnya "
        "menjadi beberapa berkas."
    )
    assert opened == []  # refused on its size alone
    assert MAX_FILE_BYTES == 20 * 1024 * 1024  # the limit README documents


def test_formula_cells_import_the_value_excel_saved(service: ImportService, demo_store: Store,
                                                   actor: User) -> None:  # fmt: skip
    service.run(service.open(CORPUS / "formulas.xlsx"), actor)
    person = demo_store.participants.by_nik("8103011508950001")
    assert person is not None
    assert (person.full_name, person.declared_income) == ("Yohanis Ratuanak", 1_500_000)
    assert demo_store.participants.by_nik("8103015502900007") is None  # no value: refused


def test_cp1252_names_keep_their_letters(service: ImportService, demo_store: Store,
                                         actor: User) -> None:  # fmt: skip
    service.run(service.open(CORPUS / "semicolon-cp1252.csv"), actor)
    names = {demo_store.participants.by_nik(n).full_name for n in  # type: ignore[union-attr]
             ("8103011508950001", "8103015502900007", "8103014503850009")}  # fmt: skip
    assert names == {"José Rénmaur", "Maria Ñiñu", "Agnès Batlayeri"}

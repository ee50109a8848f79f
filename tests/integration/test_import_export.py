"""Import and export as a user runs them: `outreach import participants` and `outreach export`
in real processes (exit codes, the error file fixed and imported again), and the round trip
export -> import into an empty database with the same villages and payers."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from outreach_app.domain.models import ParticipantStatus, Sex
from outreach_app.domain.nik import build_nik
from outreach_app.services.exporting import ExportKind, ExportService
from outreach_app.services.importing import ImportService
from outreach_app.services.setup import current_user
from outreach_app.settings import CURRENT_USER_KEY, DEMO_MARK_KEY
from outreach_app.storage.store import Store
from outreach_app.tabular.reading import UnusableFile
from outreach_app.tabular.writing import DEMO_NOTICE, PERSONAL_DATA_NOTICE
from tests.conftest import TODAY
from tests.integration.test_cli import outreach

HEADER = ["No", "NIK", "Nama Lengkap", "Tgl Lahir", "L/P", "Alamat", "Kode Desa", "Gaji (Rp)"]


def person(serial: int, name: str, born: dt.date, sex: Sex = Sex.MALE) -> list[str]:
    nik = build_nik("810301", born, sex, serial)
    return [str(serial), nik, name, born.strftime("%d-%m-%Y"), "L" if sex is Sex.MALE else "P",
            f"RT {serial % 9:03d}", "8103012002", "1.500.000"]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ";") -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=delimiter).writerows([HEADER, *rows])
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as source:
        first = source.readline()  # the personal-data notice
        assert PERSONAL_DATA_NOTICE in first
        return list(csv.reader(source, delimiter=";"))


def participants(db: Path) -> int:
    with Store(db) as store:
        return store.participants.count()


@pytest.fixture
def demo_db(tmp_path: Path, demo_db_template: Path) -> Path:
    target = tmp_path / "field.db"
    shutil.copy(demo_db_template, target)
    return target


@pytest.mark.slow
def test_refused_rows_go_to_an_error_file_that_imports_once_fixed(
    tmp_path: Path, demo_db: Path
) -> None:
    good = [person(9991, "Yakobus Ratuanak", dt.date(1990, 5, 1)),
            person(9992, "Maria Ulath", dt.date(1992, 7, 3), Sex.FEMALE)]  # fmt: skip
    bad_date = person(9993, "Lukas Fenanlampir", dt.date(1988, 2, 10))
    bad_date[3] = "30-02-1988"
    old = person(9994, "Agustinus Batlayeri", dt.date(1955, 1, 4))  # 71: too old
    source = write_csv(tmp_path / "aparatur.csv", [*good, bad_date, old])
    before = participants(demo_db)

    first = outreach("import", "participants", str(source), "--db", str(demo_db))
    assert first.returncode == 1, first.stderr
    assert "Diimpor: 2 peserta; sudah ada: 0; ditolak: 2" in first.stdout
    assert "baris 4, Tanggal lahir: ditolak: Tanggal '30-02-1988' tidak ada di kalender." in (
        first.stderr
    )
    errors = tmp_path / "aparatur-ditolak.csv"
    rows = read_csv(errors)
    assert rows[0] == [*HEADER, "Alasan penolakan"]
    assert [r[:-1] for r in rows[1:]] == [bad_date, old]  # as they came
    assert rows[2][-1].startswith("Tanggal lahir: Umur peserta 71 tahun")
    assert participants(demo_db) == before + 2

    # The agent fixes both rows in the error file (the reason column may stay) ...
    rows[1][3] = "28-02-1988"
    rows[2][1] = build_nik("810301", dt.date(1975, 1, 4), Sex.MALE, 9994)
    rows[2][3] = "04-01-1975"
    with errors.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    fixed = outreach("import", "participants", str(errors), "--db", str(demo_db))
    assert fixed.returncode == 0, fixed.stderr
    assert "diingat dari impor sebelumnya" in fixed.stdout  # same layout, reason column aside
    assert "Diimpor: 2 peserta; sudah ada: 0; ditolak: 0" in fixed.stdout
    assert participants(demo_db) == before + 4

    again = outreach("import", "participants", str(errors), "--db", str(demo_db))
    assert again.returncode == 0
    assert "Diimpor: 0 peserta; sudah ada: 2; ditolak: 0" in again.stdout
    assert participants(demo_db) == before + 4  # no duplicates


@pytest.mark.slow
def test_exit_2_for_an_unusable_file_and_dry_run_writes_nothing(
    tmp_path: Path, demo_db: Path
) -> None:
    before = participants(demo_db)
    binary = tmp_path / "daftar.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    refused = outreach("import", "participants", str(binary), "--db", str(demo_db))
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "Tidak ada yang diimpor: Berkas daftar.csv bukan daftar CSV atau XLSX: isinya gambar "
        "PNG. Simpan daftar dari Excel sebagai CSV atau XLSX."
    )
    assert not (tmp_path / "daftar-ditolak.csv").exists()

    bad = person(9995, "Petrus Kelbulan", dt.date(1990, 1, 1))
    bad[7] = "banyak"
    source = write_csv(tmp_path / "uji.csv", [person(9996, "Frans Ulath", dt.date(1991, 1, 1)),
                                              bad])  # fmt: skip
    dry = outreach("import", "participants", str(source), "--dry-run", "--db", str(demo_db))
    assert dry.returncode == 1
    assert "Uji coba (tidak ada yang disimpan): 1 siap diimpor" in dry.stdout
    assert not (tmp_path / "uji-ditolak.csv").exists()
    chosen = tmp_path / "periksa.xlsx"
    dry = outreach("import", "participants", str(source), "--dry-run", "--errors", str(chosen),
                   "--db", str(demo_db))  # fmt: skip
    assert dry.returncode == 1 and chosen.exists()
    assert participants(demo_db) == before

    unknown = outreach("import", "participants", str(source), "--payer", "Tidak Ada",
                       "--db", str(demo_db))  # fmt: skip
    assert unknown.returncode == 2 and "Pembayar 'Tidak Ada' tidak ada" in unknown.stderr
    assert participants(demo_db) == before


@pytest.mark.slow
def test_a_payer_for_the_whole_file_and_an_export_by_village(tmp_path: Path, demo_db: Path) -> None:
    with Store(demo_db) as store:
        payer = next(p for p in store.payers.all() if p.payer_type == "apbdes")
    rows = [person(9981, "Simon Ranmalay", dt.date(1980, 3, 3)),
            person(9982, "Yuliana Kelyombar", dt.date(1985, 4, 4), Sex.FEMALE)]  # fmt: skip
    source = write_csv(tmp_path / "aparatur-desa.csv", rows, delimiter=",")
    done = outreach("import", "participants", str(source), "--payer", payer.name,
                    "--db", str(demo_db))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "pemisah koma" in done.stdout
    with Store(demo_db) as store:
        for row in rows:
            stored = store.participants.by_nik(row[1])
            assert stored is not None and stored.payer_id == payer.stamp.id
        outbox = store.db.execute(
            "SELECT count(*) FROM outbox WHERE table_name = 'participants' AND row_id IN "
            "(SELECT id FROM participants WHERE nik IN (?, ?))", [rows[0][1], rows[1][1]]
        ).fetchone()[0]  # fmt: skip
        assert outbox == 2  # they sync like typed ones

    target = tmp_path / "wowonda.xlsx"
    exported = outreach("export", "participants", str(target), "--village", "8103012002",
                        "--db", str(demo_db))  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    book = load_workbook(target, read_only=True)
    assert book.sheetnames[0] == "PERHATIAN"
    assert book.properties.subject == "Data pribadi peserta BPJS Ketenagakerjaan"
    data = list(book[book.sheetnames[1]].iter_rows(values_only=True))
    assert {r[7] for r in data[1:]} == {"Wowonda"}
    assert rows[0][1] in {r[0] for r in data[1:]}
    wrong = outreach("export", "visits", str(tmp_path / "x.pdf"), "--db", str(demo_db))
    assert wrong.returncode == 1
    assert "pakai .xlsx atau .csv" in wrong.stderr


# --- the round trip -----------------------------------------------------------------------

COMPARED = ("nik", "full_name", "birth_place", "birth_date", "sex", "address", "village_id",
            "postal_code", "phone", "email", "occupation", "sector", "work_location",
            "declared_income", "base_income", "include_jht", "payment_months", "payer_id",
            "segment", "membership", "mothers_maiden_name", "kpj", "registered_on")  # fmt: skip


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_into_an_empty_database_gives_the_same_participants(
    suffix: str, tmp_path: Path, demo_store: Store, schedule
) -> None:
    people = [p for p in demo_store.participants.all() if p.status is not ParticipantStatus.DRAFT]
    # Awkward values must survive: a phone with +, a name starting with "=" and with "-".
    first, second = people[0], people[1]
    demo_store.participants.update(first.stamp.id, phone="+6281234567890",
                                   address="=RT 1 (bukan rumus)")  # fmt: skip
    demo_store.participants.update(second.stamp.id, full_name="-Budi Ulath", email="@budi")
    demo_store.set_local_setting(DEMO_MARK_KEY, "0")  # as a working database's export
    target = tmp_path / f"semua{suffix}"
    result = ExportService(demo_store, lambda: TODAY).export(ExportKind.PARTICIPANTS, target)
    assert result.rows == demo_store.participants.count()

    with Store(tmp_path / "empty.db") as empty:
        for name in ("branches", "users", "villages", "payers"):
            getattr(empty, name).add_many(getattr(demo_store, name).all())
        empty.set_local_setting(CURRENT_USER_KEY, demo_store.local_setting(CURRENT_USER_KEY) or "")
        actor = current_user(empty)
        assert actor is not None
        service = ImportService(empty, schedule, lambda: TODAY)
        report = service.run(service.open(target), actor)
        assert report.plan.refused == ()
        assert report.imported == len(people)
        again = demo_store.participants.all()
        for before in again:
            if before.status is ParticipantStatus.DRAFT:
                continue
            after = empty.participants.by_nik(str(before.nik))
            assert after is not None
            assert {f: getattr(after, f) for f in COMPARED} == {
                f: getattr(before, f) for f in COMPARED
            }
        # and once more: nothing new
        assert service.run(service.open(target), actor).imported == 0


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_demo_export_says_so_and_a_working_database_refuses_it(
    suffix: str, tmp_path: Path, demo_store: Store, schedule
) -> None:
    """Made-up people must never pass for real ones: a file exported from the demo database
    says DEMO before anything else, and only another demo database imports it."""
    target = (
        ExportService(demo_store, lambda: TODAY)
        .export(ExportKind.PARTICIPANTS, tmp_path / f"latihan{suffix}")
        .path
    )
    if suffix == ".csv":
        with target.open(encoding="utf-8-sig", newline="") as source:
            first, second = next(csv.reader(source)), next(csv.reader(source))
        assert (first, second) == ([DEMO_NOTICE], [PERSONAL_DATA_NOTICE])
    else:
        book = load_workbook(target, read_only=True)
        notice = [row[0] for row in book["PERHATIAN"].iter_rows(values_only=True)]
        assert notice[:2] == [DEMO_NOTICE, PERSONAL_DATA_NOTICE]
        assert "DEMO" in book.properties.keywords.split("; ")
        book.close()
    with Store(tmp_path / "kerja.db") as working:
        with pytest.raises(UnusableFile, match="basis data DEMO"):
            ImportService(working, schedule, lambda: TODAY).open(target)
        working.set_local_setting(DEMO_MARK_KEY, "1")  # another demo database takes it
        source = ImportService(working, schedule, lambda: TODAY).open(target)
        assert source.table.demo and len(source.table.rows) == demo_store.participants.count()


def test_exported_cells_never_start_a_formula(tmp_path: Path, demo_store: Store) -> None:
    person = demo_store.participants.all()[0]
    demo_store.participants.update(person.stamp.id, full_name="=1+1", phone="+62812",
                                   address="@x", occupation="-", email="\tx")  # fmt: skip
    service = ExportService(demo_store, lambda: TODAY)
    for kind in ExportKind:
        for suffix in (".csv", ".xlsx"):
            target = service.export(kind, tmp_path / f"{kind}{suffix}").path
            if suffix == ".csv":
                with target.open(encoding="utf-8-sig", newline="") as source:
                    cells = [c for row in csv.reader(source) for c in row]
            else:
                book = load_workbook(target, read_only=True)
                cells = [c for sheet in book for row in sheet.iter_rows(values_only=True)
                         for c in row if isinstance(c, str)]  # fmt: skip
            starts = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
            assert starts == [], (kind, suffix)
            if kind is ExportKind.PARTICIPANTS:
                assert "'=1+1" in cells and "'+62812" in cells

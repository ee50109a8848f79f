"""Reference tables from the branch server: signed, for signed-in users only, taken on sync or
on demand, checked on the laptop like a file; and `outreach reference` / `serve
--reference-dir` on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
import pytest

import outreach_app
from outreach_app.reference.library import ReferenceLibrary, Source, TableKind, reference_folder
from outreach_app.server.app import create_app
from outreach_app.server.reference_publishing import ReferencePublisher
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.services.reference_updates import ReferenceRefused, ReferenceUpdates
from outreach_app.services.sync import SyncService
from outreach_app.storage.sync_state import SERVER_SIGNING_KEY
from outreach_app.sync.bundle import new_signing_key
from outreach_app.sync.client import SyncClient, SyncUnavailable
from outreach_app.sync.tls import ServerTrust
from tests.integration.sync_world import PASSWORDS, Laptop, laptop, outreach, seed_branch
from tests.integration.test_sync_faults import AppTransport

DATA = Path(__file__).parents[1] / "data" / "reference"
URL = "http://localhost"


@pytest.fixture
def published(tmp_path: Path) -> Path:
    folder = tmp_path / "cabang-referensi"
    folder.mkdir()
    shutil.copy(DATA / "bpu-future.json", folder / "bpu.json")
    shutil.copy(DATA / "regions-tanimbar.json", folder / "regions.json")
    return folder


def branch(tmp_path: Path, folder: Path | None) -> tuple[Laptop, ReferenceLibrary, SyncServer]:
    store = ServerStore(open_engine(f"sqlite:///{tmp_path / 'server.db'}"))
    store.migrate()
    server = SyncServer(store)
    server.add_user("staf.maluku", PASSWORDS["staf.maluku"], "staff", "MAL")
    publisher = None if folder is None else ReferencePublisher(folder)
    transport = AppTransport(create_app(server, reference=publisher))

    def client(url: str, token: str | None, trust: ServerTrust) -> SyncClient:
        return SyncClient(url, token, transport=transport, sleep=lambda _s: None, trust=trust)

    staff = laptop(tmp_path, "kantor")
    seed_branch(staff)
    library = ReferenceLibrary(reference_folder(Path(staff.store.path)))
    staff.sync = SyncService(staff.store, client, library)
    staff.sync.sign_in(URL, "staf.maluku", PASSWORDS["staf.maluku"])
    return staff, library, server


def test_the_server_s_tables_are_taken_on_sync_once(tmp_path: Path, published: Path) -> None:
    staff, library, _server = branch(tmp_path, published)
    report = staff.sync.sync()
    assert report.reference_problems == []
    assert sorted(report.reference) == sorted(
        [
            "BPU (Bukan Penerima Upah)",
            "Pembaruan wilayah Kabupaten Kepulauan Tanimbar (contoh pengujian)",
        ]
    )
    rates = library.table(TableKind.RATES)
    assert rates.origin.source is Source.SERVER and rates.origin.where == URL
    assert rates.origin.taken_at is not None
    assert (library.folder / "bpu.json").read_bytes() == (published / "bpu.json").read_bytes()
    assert library.regions().region_name("8103012099") == "Wowonda Baru"
    assert library.table(TableKind.INCENTIVES).origin.source is Source.SHIPPED  # not published
    assert staff.sync.sync().reference == []  # nothing new the second time


def test_on_demand_from_the_settings_or_the_command_line(tmp_path: Path, published: Path) -> None:
    staff, library, _server = branch(tmp_path, published)
    updates = ReferenceUpdates(library, staff.sync)
    assert updates.can_ask_server()
    download = updates.server_job()  # read on this thread; may run on a worker
    update = download()
    assert {table.kind for table in update.changed} == {TableKind.RATES, TableKind.REGIONS}
    assert updates.from_server().changed == []


def test_a_download_signed_by_another_key_is_refused(tmp_path: Path, published: Path) -> None:
    staff, library, _server = branch(tmp_path, published)
    staff.sync.state.set_setting(SERVER_SIGNING_KEY, new_signing_key()[1])
    with pytest.raises(ReferenceRefused, match="tidak ditandatangani server cabang"):
        ReferenceUpdates(library, staff.sync).from_server()
    assert not library.folder.exists()
    report = staff.sync.sync()  # the data still syncs; the tables are not taken
    assert report.reference == [] and "tidak ditandatangani" in report.reference_problems[0]


def test_a_table_that_changes_the_past_is_refused_on_the_laptop(
    tmp_path: Path, published: Path
) -> None:
    data = json.loads((published / "bpu.json").read_text())
    data["contributions"][0]["jkm_flat"] = 9000  # rewrites every month since 2015
    (published / "bpu.json").write_text(json.dumps(data))
    staff, library, _server = branch(tmp_path, published)
    update = ReferenceUpdates(library, staff.sync).from_server()
    assert [t.kind for t in update.changed] == [TableKind.REGIONS]
    assert "mengubah aturan untuk 01-07-2015" in update.refused[0]
    assert library.table(TableKind.RATES).origin.source is Source.SHIPPED


def test_a_bad_file_on_the_server_is_not_sent_and_the_sync_goes_on(
    tmp_path: Path, published: Path
) -> None:
    (published / "incentive.json").write_text('{"schema": 1, "rules": [}')
    staff, library, _server = branch(tmp_path, published)
    with pytest.raises(SyncUnavailable, match=r"incentive\.json tidak dikirim"):
        ReferenceUpdates(library, staff.sync).from_server()
    report = staff.sync.sync()
    assert report.pushed > 0 and report.reference == []
    assert "incentive.json tidak dikirim" in report.reference_problems[0]
    assert not library.folder.exists()


def test_without_a_reference_folder_there_is_nothing_to_take(tmp_path: Path) -> None:
    staff, library, _server = branch(tmp_path, None)
    report = staff.sync.sync()
    assert report.reference == [] and report.reference_problems == []
    assert not library.folder.exists()


def test_only_signed_in_users_get_the_tables(tmp_path: Path, published: Path) -> None:
    _staff, _library, server = branch(tmp_path, published)
    transport = AppTransport(create_app(server, reference=ReferencePublisher(published)))
    with httpx.Client(transport=transport, base_url=URL) as client:
        assert client.get("/v1/reference").status_code == 401
        headers = {"Authorization": "Bearer not-a-token"}
        assert client.get("/v1/reference", headers=headers).status_code == 401
        openapi = client.get("/openapi.json").json()
    assert "/v1/reference" in openapi["paths"]
    assert openapi["info"]["version"] == outreach_app.__version__  # the same one place


@pytest.mark.slow
def test_reference_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "outreach.db")
    taken = outreach("reference", "import", str(DATA / "bpu-future.json"), "--db", db)
    assert taken.returncode == 0, taken.stderr
    assert "Tabel tarif diambil: BPU" in taken.stdout
    bad = tmp_path / "rusak.json"
    bad.write_text('{"schema": 1, "contributions": [{"jkm_flat": -5}]}')
    refused = outreach("reference", "import", str(bad), "--db", db)
    assert refused.returncode == 1 and refused.stderr.startswith("Ditolak: Tabel tarif rusak")
    shown = outreach("reference", "show", "--json", "--db", db)
    tables = json.loads(shown.stdout)
    assert [t["source"] for t in tables] == ["file", "shipped", "shipped"]
    assert tables[0]["where"] == str(DATA / "bpu-future.json")
    assert any("01-01-2090 s.d. seterusnya" in rule for rule in tables[0]["rules"])
    premium = outreach("premium", "--income", "1000000", "--date", "2090-02-01", "--db", db)
    assert "JKM Rp7.200" in premium.stdout  # the next command prices with it
    folder = tmp_path / "server-referensi"
    folder.mkdir()
    (folder / "bpu.json").write_text("{}")
    serve = outreach("serve", "--db", str(tmp_path / "server.db"), "--reference-dir", str(folder))
    assert serve.returncode == 1 and "bpu.json tidak dikirim" in serve.stderr

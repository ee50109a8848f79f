"""An encrypted database used the way the app uses it: readers and jobs on other threads get
the key through their constructors, backups stay encrypted (and carry the key file), restores
work, and nothing but storage/database.py opens a connection."""

from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

import pytest

from outreach_app.services.bundles import BundleJobs
from outreach_app.services.keys import KdfParams
from outreach_app.services.protection import Protection
from outreach_app.services.setup import SetupService
from outreach_app.services.spreadsheets import SpreadsheetJobs
from outreach_app.services.sync import SyncService
from outreach_app.storage.backup import check_backup
from outreach_app.storage.database import FileKind, file_kind
from outreach_app.storage.errors import StorageUnavailable
from outreach_app.storage.keyring import keyring_path
from outreach_app.storage.store import Store
from tests.conftest import TODAY

FAST = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSWORD = "tanimbar2026"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def encrypted(demo_db_template: Path, tmp_path: Path):
    db = tmp_path / "laptop" / "outreach.db"
    db.parent.mkdir()
    shutil.copy(demo_db_template, db)
    protection = Protection(db, kdf=FAST)
    key = protection.protect_existing(PASSWORD, PASSWORD).key
    with Store(db, key=key) as store:
        yield store, protection


def a_nik(store: Store) -> str:
    return str(store.db.execute("SELECT nik FROM participants WHERE nik IS NOT NULL").fetchone()[0])


def test_readers_and_jobs_on_other_threads_open_it_with_the_key(encrypted, tmp_path) -> None:
    store, _protection = encrypted
    counted: list[int] = []
    reader = threading.Thread(target=lambda: counted.append(store.reader().pending_changes()))
    reader.start()
    reader.join()
    assert counted == [store.pending_changes()]
    with pytest.raises(StorageUnavailable):  # without the key, a job's own connection fails
        Store(store.path).close()
    bundle = BundleJobs.of(SyncService(store)).export_to(tmp_path / "b.bundle", "agen.saumlaki")
    assert bundle.changes == store.pending_changes()
    listing = tmp_path / "daftar.csv"
    listing.write_text("NIK;Nama lengkap\n8103011508950001;Yohanis Ratuanak\n", encoding="utf-8")
    jobs = SpreadsheetJobs(store, schedule=None, today=lambda: TODAY)  # type: ignore[arg-type]
    assert jobs.open(listing).path == listing


def test_a_backup_is_encrypted_carries_its_key_file_and_restores(encrypted, tmp_path) -> None:
    store, protection = encrypted
    nik = a_nik(store)
    setup = SetupService(store, tmp_path / "config.json", tmp_path, protection=protection)
    target = tmp_path / "usb" / "cadangan.db"
    target.parent.mkdir()
    setup.backup(target)
    assert file_kind(target) is FileKind.ENCRYPTED
    assert nik.encode() not in target.read_bytes()
    assert keyring_path(target).exists()
    assert setup.check_backup(target) == ""
    # on another laptop: the backup with its key file opens with the same password
    assert Protection(target, kdf=FAST).unlock(PASSWORD) == store.key
    before = store.participants.count()
    store.participants.delete(store.participants.by_nik(nik).stamp.id)  # type: ignore[union-attr]
    safety = setup.restore(target)
    assert store.participants.count() == before and store.participants.by_nik(nik) is not None
    assert file_kind(safety) is FileKind.ENCRYPTED and keyring_path(safety).exists()


def test_an_old_plain_backup_restores_into_the_encrypted_database(
    encrypted, demo_db_template: Path, tmp_path: Path
) -> None:
    store, protection = encrypted
    old = tmp_path / "cadangan-lama.db"
    shutil.copy(demo_db_template, old)  # made before the database was protected
    setup = SetupService(store, tmp_path / "config.json", tmp_path, protection=protection)
    assert setup.check_backup(old) == ""
    store.set_local_setting("after", "1")
    setup.restore(old)
    assert store.local_setting("after") is None  # the old content is back
    assert file_kind(Path(store.path)) is FileKind.ENCRYPTED
    assert not list(Path(store.path).parent.glob("*.partial"))


def test_a_backup_of_another_protected_database_is_refused(encrypted, tmp_path: Path) -> None:
    store, _protection = encrypted
    other = tmp_path / "lain.db"
    key = Protection(other, kdf=FAST).protect_new(PASSWORD, PASSWORD)
    Store(other, key=key).close()
    assert "kunci lain" in check_backup(other, store.key)
    assert "terenkripsi" in check_backup(other, None)  # into a plain database


def test_only_storage_database_opens_connections() -> None:
    """Every open goes through storage/database.connect() (the server's SQLAlchemy store and
    the test helpers aside), so no connection can miss the key."""
    opens = re.compile(r"\b(?:sqlite3|sqlcipher3)\.connect\(")
    found = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "outreach_app").rglob("*.py")
        if opens.search(path.read_text(encoding="utf-8"))
    )
    assert found == ["outreach_app/storage/database.py"]

"""A protected laptop database: encrypted at rest, opened only with the password, wrong
passwords counted across restarts, existing databases protected without loss, and the
branch's recovery path."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from outreach_app.domain.sign_in import FREE_ATTEMPTS
from outreach_app.services.keys import KdfParams, load_branch_private_key, new_branch_key
from outreach_app.services.protection import (
    PasswordRefused,
    Protection,
    ProtectionStatus,
    RecoveryRefused,
    SignInBlocked,
    WrongPassword,
    reset_password_at_branch,
)
from outreach_app.storage.database import FileKind, file_kind
from outreach_app.storage.encryption import finish_interrupted, leftover_path, partial_path
from outreach_app.storage.errors import DuplicateNik, StorageUnavailable
from outreach_app.storage.keyring import keyring_path
from outreach_app.storage.store import Store
from tests.factories import make_participant

FAST = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)  # tests only
PASSWORD = "tanimbar2026"
NIK = "8103011508950001"
NAME = "Yohanis Ratuanak"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def add_person(store: Store) -> str:
    from outreach_app.domain.models import Branch, SyncStamp, Village

    branch = Branch(SyncStamp.new(), "MAL", "Kantor Cabang Maluku", "8171")
    store.branches.add(branch)
    village = Village(
        SyncStamp.new(), "8103012002", "Wowonda", "Tanimbar Selatan",
        "Kabupaten Kepulauan Tanimbar", "Maluku", branch.stamp.id, 420, 231,
    )  # fmt: skip
    store.villages.add(village)
    return store.participants.add(make_participant(village.stamp.id))


def raw_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def assert_no_personal_data(folder: Path) -> None:
    for name, data in raw_files(folder).items():
        for secret in (NIK, NAME, "Ratuanak", "081234567890"):
            assert secret.encode() not in data, f"{secret} readable in {name}"
            assert secret.encode("utf-16-le") not in data, f"{secret} readable in {name}"


def test_a_copied_database_reveals_no_nik_or_name_without_the_password(tmp_path: Path) -> None:
    db = tmp_path / "laptop" / "outreach.db"
    db.parent.mkdir()
    protection = Protection(db, kdf=FAST)
    key = protection.protect_new(PASSWORD, PASSWORD)
    with Store(db, key=key) as store:
        add_person(store)
        # while the app runs: the WAL holds the newest pages, and it is encrypted too
        assert db.with_name("outreach.db-wal").stat().st_size > 0
        thief = tmp_path / "copied"
        shutil.copytree(db.parent, thief)
        assert_no_personal_data(thief)
    assert_no_personal_data(db.parent)
    assert file_kind(db) is FileKind.ENCRYPTED
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(thief / "outreach.db").execute("SELECT * FROM participants")
    guess = sqlcipher3.connect(str(thief / "outreach.db"))
    guess.execute(f"PRAGMA key = '{PASSWORD}'")  # the password itself is not the key
    with pytest.raises(sqlcipher3.DatabaseError):
        guess.execute("SELECT * FROM participants")
    # with the password, everything is there
    with Store(db, key=Protection(db, kdf=FAST).unlock(PASSWORD)) as again:
        assert again.participants.by_nik(NIK).full_name == NAME  # type: ignore[union-attr]


def test_an_integrity_error_from_an_encrypted_database_is_the_same_domain_error(
    tmp_path: Path,
) -> None:
    db = tmp_path / "outreach.db"
    key = Protection(db, kdf=FAST).protect_new(PASSWORD, PASSWORD)
    with Store(db, key=key) as store:
        person = store.participants.get(add_person(store))
        twin = make_participant(person.village_id)
        # past the service's own check: the unique index itself refuses it
        with pytest.raises(DuplicateNik):
            store.participants.add_many([twin])
        with pytest.raises(sqlcipher3.IntegrityError):
            store.db.execute("UPDATE participants SET village_id = 'nowhere'")


def test_wrong_passwords_are_refused_and_the_wait_survives_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "outreach.db"
    clock = Clock()
    protection = Protection(db, clock, FAST)
    protection.protect_new(PASSWORD, PASSWORD)
    for attempt in range(1, FREE_ATTEMPTS + 1):
        with pytest.raises(WrongPassword) as wrong:
            protection.unlock("bukan-sandinya")
        assert wrong.value.attempts_left == FREE_ATTEMPTS - attempt
    assert wrong.value.wait == 30
    restarted = Protection(db, clock, FAST)  # a restart reads the count from disk
    with pytest.raises(SignInBlocked) as blocked:
        restarted.unlock(PASSWORD)  # even the right one, during the wait
    assert blocked.value.seconds == 30
    assert restarted.sign_in_state().failed_attempts == FREE_ATTEMPTS
    clock.now += 31
    with pytest.raises(WrongPassword) as wrong:
        restarted.unlock("masih-salah")
    assert wrong.value.wait == 60  # it grows
    clock.now -= 3600  # the clock set back does not end the wait
    with pytest.raises(SignInBlocked):
        restarted.unlock(PASSWORD)
    clock.now += 3600 + 61
    assert restarted.unlock(PASSWORD) is not None
    assert restarted.sign_in_state().failed_attempts == 0
    with pytest.raises(PasswordRefused):
        restarted.unlock("")  # empty: refused without counting
    assert restarted.sign_in_state().failed_attempts == 0


@pytest.mark.parametrize(
    ("password", "repeat", "reason"),
    [
        ("pendek1", "pendek1", "minimal 8"),
        ("12345678", "12345678", "hanya angka"),
        ("aaaa1111", "aaaa1111", "mudah ditebak"),
        ("tanimbar2026", "tanimbar2027", "tidak sama"),
    ],
)
def test_a_weak_or_mistyped_new_password_is_refused(
    tmp_path: Path, password: str, repeat: str, reason: str
) -> None:
    protection = Protection(tmp_path / "outreach.db", kdf=FAST)
    with pytest.raises(PasswordRefused, match=reason):
        protection.protect_new(password, repeat)
    assert protection.status() is ProtectionStatus.NEW
    assert not protection.keyring_path.exists()


def test_an_existing_database_is_protected_without_losing_anything(
    demo_db_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "outreach.db"
    shutil.copy(demo_db_template, db)
    with Store(db) as plain:
        tables = [r[0] for r in plain.db.execute("SELECT name FROM sqlite_master "
                                                  "WHERE type = 'table'")]  # fmt: skip
        before = {t: plain.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        nik, name = plain.db.execute("SELECT nik, full_name FROM participants LIMIT 1").fetchone()
        outbox_seq = plain.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
        outbox_seq = outbox_seq.fetchone()
    assert nik.encode() in db.read_bytes()
    protection = Protection(db, kdf=FAST)
    assert protection.status() is ProtectionStatus.PLAIN
    protected = protection.protect_existing(PASSWORD, PASSWORD)
    assert protection.status() is ProtectionStatus.PROTECTED
    for path in tmp_path.iterdir():  # the plain file is gone; the backup is encrypted too
        assert nik.encode() not in path.read_bytes(), path
        assert name.encode() not in path.read_bytes(), path
    assert not leftover_path(db).exists() and not partial_path(db).exists()
    for copy in (db, protected.backup):
        assert copy is not None
        with Store(copy, key=protected.key) as store:
            after = {t: store.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                     for t in tables}  # fmt: skip
            assert after == before
            assert store.participants.by_nik(nik).full_name == name  # type: ignore[union-attr]
            seq = store.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
            assert seq.fetchone() == outbox_seq  # numbering of changes continues, no reuse
    assert protected.backup is not None
    assert Protection(protected.backup, kdf=FAST).unlock(PASSWORD) == protected.key


def test_protecting_refuses_while_another_program_holds_the_database(
    demo_db_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "outreach.db"
    shutil.copy(demo_db_template, db)
    with Store(db) as other:
        other.set_local_setting("held", "1")  # its WAL is open
        # the checkpoint succeeds, but the other connection keeps the WAL file
        with pytest.raises(StorageUnavailable, match="dipakai program lain"):
            Protection(db, kdf=FAST).protect_existing(PASSWORD, PASSWORD)
    assert file_kind(db) is FileKind.PLAIN
    assert not keyring_path(db).exists()
    with Store(db) as store:
        assert store.local_setting("held") == "1"


def test_a_crash_between_the_renames_is_finished_at_the_next_start(
    demo_db_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "outreach.db"
    shutil.copy(demo_db_template, db)
    protection = Protection(db, kdf=FAST)
    protected = protection.protect_existing(PASSWORD, PASSWORD)
    # replay the state of a crash after the plain file stepped aside
    db.rename(partial_path(db))
    shutil.copy(demo_db_template, leftover_path(db))
    finish_interrupted(db)
    assert file_kind(db) is FileKind.ENCRYPTED
    assert not leftover_path(db).exists() and not partial_path(db).exists()
    with Store(db, key=protected.key) as store:
        assert store.participants.count() > 0


def test_a_crash_before_the_swap_leaves_the_plain_database_in_charge(
    demo_db_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "outreach.db"
    shutil.copy(demo_db_template, db)
    partial_path(db).write_bytes(b"half a copy")
    keyring_path(db).write_text("{}")  # written just before the crash
    protection = Protection(db, kdf=FAST)
    assert protection.status() is ProtectionStatus.PLAIN
    assert not partial_path(db).exists() and not keyring_path(db).exists()


def test_an_encrypted_database_without_its_key_file_says_what_is_missing(tmp_path: Path) -> None:
    db = tmp_path / "outreach.db"
    key = Protection(db, kdf=FAST).protect_new(PASSWORD, PASSWORD)
    Store(db, key=key).close()
    keyring_path(db).unlink()
    protection = Protection(db, kdf=FAST)
    assert protection.status() is ProtectionStatus.KEY_FILE_MISSING
    assert "outreach.db.kunci" in protection.missing_key_file_advice()


def test_changing_the_password_keeps_the_data(tmp_path: Path) -> None:
    db = tmp_path / "outreach.db"
    protection = Protection(db, kdf=FAST)
    key = protection.protect_new(PASSWORD, PASSWORD)
    with Store(db, key=key) as store:
        add_person(store)
    protection.change_password(key, "sandi-baru-99", "sandi-baru-99")
    with pytest.raises(WrongPassword):
        protection.unlock(PASSWORD)
    with Store(db, key=protection.unlock("sandi-baru-99")) as store:
        assert store.participants.count() == 1


def test_the_branch_recovers_a_forgotten_password(tmp_path: Path) -> None:
    pem, public = new_branch_key("MAL", "frasa rahasia cabang")
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    db = laptop / "outreach.db"
    protection = Protection(db, kdf=FAST)
    key = protection.protect_new(PASSWORD, PASSWORD, public)
    with Store(db, key=key) as store:
        add_person(store)
    assert protection.branch_key() == ("MAL", public.fingerprint)
    # the agent forgot the password and sends this file to the branch
    request = protection.recovery_request(tmp_path / "untuk-cabang.kunci")
    assert NIK.encode() not in request.read_bytes()
    with pytest.raises(Exception, match="frasa sandinya salah"):
        load_branch_private_key(pem, "tebakan")
    private = load_branch_private_key(pem, "frasa rahasia cabang")
    reset_password_at_branch(request, private, "sementara-123", "sementara-123", FAST)
    # the answer comes back; the old password no longer opens anything
    protection.take_recovery_answer(request)
    state = protection.sign_in_state()
    assert state.must_change_password
    assert state.branch_label == "MAL"
    with pytest.raises(WrongPassword):
        protection.unlock(PASSWORD)
    recovered = protection.unlock("sementara-123")
    assert recovered == key
    protection.change_password(recovered, "sandi-baru-99", "sandi-baru-99")
    assert not protection.sign_in_state().must_change_password
    with Store(db, key=protection.unlock("sandi-baru-99")) as store:
        assert store.participants.by_nik(NIK) is not None


def test_recovery_refuses_the_wrong_branch_key_and_another_laptops_answer(tmp_path: Path) -> None:
    _pem, public = new_branch_key("MAL", "frasa rahasia cabang")
    other_pem, _other = new_branch_key("KPG", "cabang lain sekali")
    first = Protection(tmp_path / "a.db", kdf=FAST)
    first.protect_new(PASSWORD, PASSWORD, public)
    second = Protection(tmp_path / "b.db", kdf=FAST)
    second.protect_new(PASSWORD, PASSWORD, public)
    request = first.recovery_request(tmp_path / "a-request.kunci")
    with pytest.raises(RecoveryRefused, match="cabang lain"):
        reset_password_at_branch(
            request, load_branch_private_key(other_pem, "cabang lain sekali"),
            "sementara-123", "sementara-123", FAST,
        )  # fmt: skip
    with pytest.raises(RecoveryRefused, match="bukan jawaban"):
        first.take_recovery_answer(request)  # not answered by the branch yet
    with pytest.raises(RecoveryRefused, match="basis data lain"):
        second.take_recovery_answer(request)
    without_branch = Protection(tmp_path / "c.db", kdf=FAST)
    without_branch.protect_new(PASSWORD, PASSWORD)
    with pytest.raises(RecoveryRefused, match="belum memasang"):
        without_branch.recovery_request(tmp_path / "c-request.kunci")

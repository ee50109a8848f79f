"""Turning a plain database into an encrypted one without losing anything or leaving a plain
copy behind.

The plain file is never changed: an encrypted copy is written beside it (`sqlcipher_export`),
checked against it (the same schema, the same number of rows in every table, the same
AUTOINCREMENT counters, an intact file), and only then swapped in by two renames. The plain
file is then overwritten with zeros and removed. A crash at any step leaves either the plain
database or the encrypted one under the database's name; `finish_interrupted` tidies up at the
next start. (On an SSD or a journalling file system the old blocks may survive the overwrite:
full-disk encryption is the complete answer; this removes the plain file from every place the
app or a file manager would look.)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from outreach_app.storage.database import (
    Connection,
    DatabaseKey,
    FileKind,
    connect,
    encrypt_copy,
    file_kind,
)
from outreach_app.storage.errors import DB_ERRORS, StorageUnavailable

CHUNK = 1 << 20


def partial_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".enkripsi.partial")


def leftover_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".tidak-terenkripsi")


def shred(path: Path) -> None:
    """Overwrites the file with zeros, flushes it to disk, then removes it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with open(path, "r+b") as file:
        zeros = bytes(CHUNK)
        for _start in range(0, size, CHUNK):
            file.write(zeros)
        file.flush()
        os.fsync(file.fileno())
    path.unlink()


def _settle(path: Path) -> None:
    """Moves everything in the write-ahead log into the file; refuses while another program
    holds the database open (its WAL would not be copied)."""
    conn = connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    if path.with_name(path.name + "-wal").exists():
        raise StorageUnavailable(
            "Basis data sedang dipakai program lain (mungkin Perisai Outreach yang lain). "
            "Tutup program itu lalu coba lagi; tidak ada yang diubah."
        )


def _summary(conn: Connection) -> dict[str, object]:
    schema = sorted(
        conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(),
        key=lambda row: (str(row[0]), str(row[1])),
    )
    tables = [row[1] for row in schema if row[0] == "table"]
    counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
    return {"schema": schema, "counts": counts}


def compare(plain: Path, encrypted: Path, key: DatabaseKey) -> list[str]:
    """What differs between the plain database and its encrypted copy (empty: nothing)."""
    source = connect(plain, read_only=True)
    copy = connect(encrypted, key, read_only=True)
    try:
        before, after = _summary(source), _summary(copy)
        problems = []
        if before["schema"] != after["schema"]:
            problems.append("skema berbeda")
        counts_before = before["counts"]
        counts_after = after["counts"]
        assert isinstance(counts_before, dict) and isinstance(counts_after, dict)
        for table, count in counts_before.items():
            if counts_after.get(table) != count:
                problems.append(f"tabel {table}: {count} baris menjadi {counts_after.get(table)}")
        if copy.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            problems.append("pemeriksaan integritas salinan gagal")
        return problems
    finally:
        source.close()
        copy.close()


def encrypt_in_place(
    db_path: Path, key: DatabaseKey, before_swap: Callable[[Path], object] | None = None
) -> None:
    """Replaces the plain database at `db_path` by an encrypted copy with `key`.

    `before_swap(copy)` runs once the copy is checked and before it takes the database's
    name: the caller writes the key file there (and keeps a backup of the copy)."""
    if file_kind(db_path) is not FileKind.PLAIN:
        raise StorageUnavailable(f"{db_path} bukan basis data tanpa enkripsi.")
    partial = partial_path(db_path)
    partial.unlink(missing_ok=True)
    try:
        _settle(db_path)
        encrypt_copy(db_path, partial, key)
        problems = compare(db_path, partial, key)
    except DB_ERRORS as exc:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(
            f"Enkripsi gagal; basis data tidak diubah ({exc}). Periksa ruang disk lalu coba lagi."
        ) from exc
    if problems:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(
            "Salinan terenkripsi tidak sama dengan aslinya (" + "; ".join(problems) + "); "
            "basis data tidak diubah."
        )
    if before_swap is not None:
        before_swap(partial)
    leftover = leftover_path(db_path)
    os.replace(db_path, leftover)
    os.replace(partial, db_path)
    shred(leftover)


def finish_interrupted(db_path: Path) -> None:
    """After a crash during `encrypt_in_place`: completes the swap if the plain file had
    already stepped aside, and removes whatever the crash left behind."""
    partial, leftover = partial_path(db_path), leftover_path(db_path)
    if not db_path.exists() and partial.exists() and leftover.exists():
        os.replace(partial, db_path)  # crashed between the two renames: the copy was checked
    kind = file_kind(db_path)
    if kind is FileKind.ENCRYPTED and leftover.exists():
        shred(leftover)
    if partial.exists() and kind is not FileKind.MISSING:
        partial.unlink()  # crashed before the swap: the plain database is still the one

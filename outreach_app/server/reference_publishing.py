"""The branch server's side of reference updates: the tables in a folder the branch keeps
(`outreach serve --reference-dir DIR`), checked with the same loaders the laptops use and
sent signed with the server's key to signed-in users (GET /v1/reference).

The folder is read at each request, so the branch drops in a new file without restarting the
server; a file that does not pass the checks is not sent (laptops keep what they have) and
the request says which file is wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from outreach_app.domain.errors import DomainError, RateTableError
from outreach_app.reference.library import Origin, Source, Table, TableKind, read_table
from outreach_app.sync.bundle import pack_signed


class ReferenceFolderError(DomainError):
    """A file in the server's reference folder is not a valid table."""


class ReferencePublisher:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def tables(self) -> list[tuple[Table, bytes]]:
        """Every table in the folder, checked; ReferenceFolderError naming a bad one."""
        if not self.folder.is_dir():
            raise ReferenceFolderError(f"Folder data referensi {self.folder} tidak ada.")
        found = []
        for kind in TableKind:
            path = self.folder / kind.value
            if not path.is_file():
                continue
            origin = Origin(Source.SERVER, str(path), None)
            try:
                raw = path.read_bytes()
                table = read_table(raw, str(path), origin)
            except (OSError, RateTableError) as exc:
                raise ReferenceFolderError(
                    f"Berkas referensi server {path} tidak dikirim: {exc}"
                ) from exc
            if table.kind is not kind:
                raise ReferenceFolderError(
                    f"Berkas referensi server {path} berisi {table.name}, bukan {kind.value}."
                )
            found.append((table, raw))
        return found

    def package(self, private_key: str) -> bytes:
        """The signed document a laptop downloads: each table's text as it is in the folder."""
        files = {table.kind.value: raw.decode("utf-8-sig") for table, raw in self.tables()}
        body = {
            "kind": "reference",
            "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "files": files,
        }
        return pack_signed(body, private_key)

"""Writes the import corpus beside this file (committed; run again only to change a file):

    .venv/bin/python tests/data/import/make_corpus.py

Each file is a way a real list goes wrong; expected.json holds the exact message (or, for
files that import, the row problems) the import must give. The 50 MB file is made by the
test itself (a sparse file), not kept here.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
HEADER = "NIK;Nama lengkap;Tanggal lahir;Jenis kelamin;Alamat;Kode desa;Penghasilan"
# A fisherman from Wowonda (Tanimbar Selatan), as in tests/factories.py.
GOOD = "8103011508950001;Yohanis Ratuanak;15-08-1995;L;RT 001/RW 002;8103012002;1500000"


def text(name: str, content: str, encoding: str = "utf-8") -> None:
    (HERE / name).write_bytes(content.encode(encoding))


def main() -> None:
    (HERE / "empty.csv").write_bytes(b"")
    text("blank-lines.csv", "\r\n\r\n  ;  ;\r\n")
    png = b"\x89PNG\r\n\x1a\n" + bytes(random.Random(1).randrange(256) for _ in range(600))
    (HERE / "photo-renamed.csv").write_bytes(png)
    noise = bytes(random.Random(2).randrange(256) for _ in range(2000))
    (HERE / "binary-renamed.csv").write_bytes(b"NIK;Nama\r\n" + noise + b"\x00\x00")
    garbage = bytes(
        random.Random(3).choice(b"\x01\x02\x03\x04\x05\x06\x81\x8d\x90") for _ in range(900)
    )
    (HERE / "undecodable.csv").write_bytes(garbage)
    (HERE / "old-excel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    text("not-really.xlsx", HEADER + "\r\n" + GOOD + "\r\n")
    (HERE / "broken.xlsx").write_bytes(
        b"PK\x03\x04" + bytes(random.Random(4).randrange(256) for _ in range(300))
    )
    text("no-header.csv", GOOD + "\r\n" + GOOD.replace("0001;", "0002;") + "\r\n")
    book = Workbook()
    sheet = book.active
    sheet.append(["8103011508950001", "Yohanis Ratuanak", dt.date(1995, 8, 15)])
    book.save(HERE / "no-header.xlsx")
    text("header-only.csv", HEADER + "\r\n")
    text("no-key-columns.csv", "Alamat;Telepon\r\nRT 001;0812\r\n")
    text("huge-cell.csv", HEADER + "\r\n" + GOOD + ";" + "x" * 140_000 + "\r\n")

    # Files that import, with rows refused for what is in their cells.
    rows = [
        HEADER,
        GOOD,
        '8103014101900002;=HYPERLINK("http://contoh.invalid","klik");01-01-1990;P;RT 1;'
        "8103012002;1000000",
        "8103010101900003;Petrus Kelbulan;01-01-1990;L;" + "Jalan " * 100 + ";8103012002;1000000",
        "8103010101900004;Martha Ranmalay;01-01-1990;L;@SUM(A1);8103012002;1000000",
        "8103010101900005;Lukas Fenanlampir;01-01-1990;L;RT 2;8103012002;+cmd|' /C calc'!A0",
        "8103010101900006;Stevanus Ratuanak;01-01-1990;L;'-RT 3;8103012002;1000000",
    ]
    text("injection.csv", "\r\n".join(rows) + "\r\n")
    # Windows-1252 (Excel's "CSV" on an Indonesian Windows), semicolons, accented names.
    rows = [
        "No;NIK;Nama;Tgl Lahir;L/P;Alamat;Kode Desa;Gaji (Rp)",
        "1;8103011508950001;José Rénmaur;15 Agustus 1995;L;RT 001;8103012002;Rp1.500.000",
        "2;8103015502900007;Maria Ñiñu;15/02/1990;P;RT 002;8103012002;1.000.000",
        "3;8103012508900008;Andréas Ulath;1990-08-25;L;RT 003;8103012002;2.000.000,00",
        "4;8103014503850009;Agnès Batlayeri;5 Mar 1985;P;RT 004;8103012002;1250000",
        "5;8103010112800010;Frans Kelyombar;01.12.1980;L;RT 005;8103012002;1000000",
    ]
    text("semicolon-cp1252.csv", "\r\n".join(rows) + "\r\n", encoding="cp1252")
    formulas()


def formulas() -> None:
    """An XLSX as Excel saves it: formulas with the values Excel computed (openpyxl writes
    none, so they are put into the sheet's XML), and one formula with no value saved."""
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["NIK", "Nama", "Tanggal lahir", "Jenis kelamin", "Alamat", "Kode desa", "Penghasilan"]
    )
    sheet.append(
        [
            "8103011508950001",
            '=PROPER("yohanis ratuanak")',
            dt.date(1995, 8, 15),
            "L",
            "RT 001",
            "8103012002",
            "=1000000*1.5",
        ]
    )
    sheet.append(
        [
            "8103015502900007",
            "Maria Ulath",
            dt.date(1990, 2, 15),
            "P",
            "RT 002",
            "8103012002",
            "=A1*2",
        ]
    )
    path = HERE / "formulas.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    cached = {"B2": ("str", "Yohanis Ratuanak"), "G2": ("n", "1500000")}
    for ref, (kind, value) in cached.items():
        xml = re.sub(
            rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>',
            lambda m, r=ref, k=kind, v=value: (
                f'<c r="{r}"{m.group(1)} t="{k}"><f>{m.group(2)}</f><v>{v}</v>'
            ),
            xml,
        )
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


if __name__ == "__main__":
    main()

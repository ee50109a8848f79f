"""The printed registration form (F1 BPU): every field in the PDF text, long values whole, the
blank form's NIK boxes and check boxes found in what is drawn, demo marks, refusals, and
pages that render to something visible."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream

from outreach_app.documents.registration_form import (
    CHECK_BOX,
    NIK_BOX_HEIGHT,
    NIK_BOX_WIDTH,
    render_blank_form,
)
from outreach_app.domain.models import (
    Heir,
    Participant,
    ParticipantStatus,
    PayerType,
    Sector,
    Segment,
    SyncStamp,
)
from outreach_app.domain.premiums import PremiumRequest, calculate_premium
from outreach_app.domain.rates import RateSchedule
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.printing import NothingToPrint
from outreach_app.services.registration_printing import RegistrationFormPrinter
from outreach_app.services.setup import current_user
from outreach_app.storage.store import Store
from tests.conftest import TODAY
from tests.factories import make_participant
from tests.pdf_tools import pdf_pages_text, render_pages

DEMO_MARK = "DEMO — data contoh, bukan dokumen resmi"
LONG_NAME = (
    "Maria Goreti Fransiska Xaveria Batlayeri Fenanlampir Ratuanak Sainyakit Kelembulan "
    "Oratmangun Wattimena"
)
LONG_ADDRESS = (
    "Jalan Pelabuhan Perikanan Nusantara Lorong Tiga Nomor 17B, RT 004/RW 009, Dusun Watmuri "
    "Selatan, di belakang gudang es milik Koperasi Nelayan Sinar Harapan, dekat dermaga kayu lama "
    "dan Masjid Al-Ikhlas, dua rumah sesudah kios pulsa Mama Yosefina"
)


@pytest.fixture
def printer(demo_store: Store, schedule: RateSchedule) -> RegistrationFormPrinter:
    return RegistrationFormPrinter(demo_store, schedule, lambda: TODAY)


def flat(pages: list[str]) -> str:
    """The whole document's text with line breaks as spaces, as a reader joins wrapped lines."""
    return re.sub(r"\s+", " ", " ".join(pages))


def add_fisherman(store: Store, **changes: object) -> Participant:
    """A complete record: APBDes-paid transport worker with JHT, 6 months, two heirs."""
    village = store.villages.all()[0]
    payer = next(p for p in store.payers.all() if p.payer_type is PayerType.APBDES)
    agent = current_user(store)
    assert agent is not None
    person = make_participant(
        village.stamp.id, nik="8103011508950091", email="yohanis.r@example.co.id",
        mothers_maiden_name="Yuliana Batlayeri", kpj="26045123456", include_jht=True,
        payment_months=6, payer_id=payer.stamp.id, sector=Sector.TRANSPORT,
        declared_income=800_000, base_income=1_000_000,  # the scheme's minimum base
        agent_id=agent.stamp.id, work_location="Perairan Pulau Selaru",
    )  # fmt: skip
    heirs = (
        Heir(SyncStamp.new(), person.stamp.id, "Maria Ratuanak", "Istri",
             dt.date(1997, 2, 3), "8103014302970002"),
        Heir(SyncStamp.new(), person.stamp.id, "Petrus Ratuanak", "Anak", dt.date(2019, 6, 9)),
    )  # fmt: skip
    person = replace(person, **{"heirs": heirs, **changes})  # type: ignore[arg-type]
    store.participants.add(person)
    return store.participants.with_heirs(store.participants.get(person.stamp.id))


def test_every_registration_field_is_printed(
    printer: RegistrationFormPrinter, demo_store: Store
) -> None:
    person = add_fisherman(demo_store)
    assert person.village_id and person.payer_id and person.agent_id and len(person.heirs) == 2
    village = demo_store.villages.get(person.village_id)
    payer = demo_store.payers.get(person.payer_id)
    agent = demo_store.users.get(person.agent_id)
    pages = pdf_pages_text(printer.form_for_nik(person.nik or ""))
    text = flat(pages)
    labelled = {  # each value printed right under its caption
        "NIK (16 digit, sesuai KTP)": person.nik,
        "Nomor KPJ (diisi BPJS)": person.kpj,
        "Kepesertaan": "BPU",
        "Nama lengkap (sesuai KTP)": person.full_name,
        "Tempat lahir": person.birth_place,
        "Tanggal lahir (hh-bb-tttt)": "15-08-1995",
        "Jenis kelamin": "Laki-laki",
        "Nama ibu kandung": person.mothers_maiden_name,
        "Segmen": "Nelayan",
        "Alamat (jalan, RT/RW, dusun)": person.address,
        "Desa/kelurahan": village.name,
        "Kecamatan": village.district,
        "Kabupaten/kota": village.regency,
        "Provinsi": village.province,
        "Kode pos": person.postal_code,
        "Nomor telepon/HP": person.phone,
        "Email": person.email,
        "Pekerjaan": person.occupation,
        "Lokasi kerja": person.work_location,
        "Sektor": "Transportasi (ojek, pengemudi, kurir)",
        "Penghasilan per bulan": format_rupiah(person.declared_income),
        "Penghasilan dasar iuran": format_rupiah(person.base_income),
        "Program yang diikuti": (
            "JKK · Jaminan Kecelakaan Kerja JKM · Jaminan Kematian JHT · Jaminan Hari Tua"
        ),
        "Periode pembayaran iuran": "6 bulan (November 2026–April 2027)",
        "Nama pembayar (bila bukan peserta sendiri)": payer.name,
        "Sumber dana iuran": "APBDes (dana desa)",
        "Nama jelas": person.full_name,
    }
    for caption, value in labelled.items():
        assert f"{caption} {value}" in text, caption
    assert f"Nama jelas {agent.full_name}" in text
    assert "Mandiri (peserta sendiri)" not in text and "Tanpa JHT" not in text
    for heir in person.heirs:
        assert heir.birth_date is not None
        assert re.search(rf"{heir.full_name} {heir.relationship} {heir.birth_date:%d-%m-%Y}", text)
    assert "8103014302970002" in text  # the heir's NIK
    # Signature boxes: one for the participant, one for the agent, each with name and date.
    assert "Peserta" in text and "Agen Perisai (petugas pendaftar)" in text
    assert text.count("Tanda tangan") >= 2 and text.count("Nama jelas") == 2
    assert text.count("Tanggal (hh-bb-tttt)") == 2
    for heading in ("Data peserta", "Alamat & kontak", "Pekerjaan & penghasilan",
                    "Program & iuran", "Pembayar iuran", "Ahli waris",
                    "Pernyataan & tanda tangan"):  # fmt: skip
        assert heading in text, heading
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number}" in page and "F1 BPU" in page and str(person.nik) in page
    assert DEMO_MARK not in text


def test_the_premium_lines_are_the_calculated_ones(
    printer: RegistrationFormPrinter, demo_store: Store, schedule: RateSchedule
) -> None:
    """Transport relief (PP 50/2025) runs to March 2027: five discounted months, then April."""
    person = add_fisherman(demo_store)
    premium = calculate_premium(schedule, PremiumRequest(
        declared_income=person.declared_income, months=6, first_month=TODAY, include_jht=True,
        payer=PayerType.APBDES, sector=Sector.TRANSPORT,
    ))  # fmt: skip
    first, last = premium.per_month[0], premium.per_month[-1]
    assert first.discount and not last.discount and not premium.uniform
    text = flat(pdf_pages_text(printer.form_for_participant(person.stamp.id)))
    discounted = " ".join(
        format_rupiah(amount) for amount in (first.jkk, first.jkm, first.jht, -first.discount)
    )
    assert f"November 2026–Maret 2027 5 bulan {discounted} {format_rupiah(first.total)}" in text
    full = " ".join(format_rupiah(a) for a in (last.jkk, last.jkm, last.jht))
    assert f"April 2027 1 bulan {full} — {format_rupiah(last.total)}" in text
    totals = (premium.total_jkk, premium.total_jkm, premium.total_jht, -premium.total_discount,
              premium.total)  # fmt: skip
    assert "Jumlah 6 bulan " + " ".join(format_rupiah(a) for a in totals) in text
    # The same figures by hand: 1% and 2% of the Rp1.000.000 minimum base, JKM flat, and half
    # of JKK+JKM off.
    assert "Rp10.000 Rp6.800 Rp20.000 -Rp8.400 Rp28.400" in text
    assert "PP 50/2025" in text and "Dasar hukum: PP 44/2015" in text


def test_a_self_paid_participant_without_jht(
    printer: RegistrationFormPrinter, demo_store: Store
) -> None:
    person = add_fisherman(demo_store, payer_id=None, include_jht=False, payment_months=3,
                           sector=Sector.OTHER, segment=Segment.PETANI)  # fmt: skip
    text = flat(pdf_pages_text(printer.form_for_nik(person.nik or "")))
    assert "Mandiri (peserta sendiri)" in text and "Tanpa JHT" in text and "Petani" in text
    assert "JHT · Jaminan Hari Tua" not in text
    assert "Bukan transportasi" in text and "3 bulan (November 2026–Januari 2027)" in text


def test_long_names_and_addresses_print_whole(
    printer: RegistrationFormPrinter, demo_store: Store
) -> None:
    assert len(LONG_NAME) >= 80 and len(LONG_ADDRESS) >= 200
    person = add_fisherman(demo_store, full_name=LONG_NAME, address=LONG_ADDRESS)
    text = flat(pdf_pages_text(printer.form_for_nik(person.nik or "")))
    for word in (LONG_NAME + " " + LONG_ADDRESS).split():
        assert word in text, word
    assert LONG_ADDRESS in text  # wrapped over lines, in order, nothing dropped
    assert text.count(LONG_NAME) >= 2  # in the data and under the participant's signature


def test_a_draft_without_income_prints_with_the_reason(
    printer: RegistrationFormPrinter, demo_store: Store
) -> None:
    person = add_fisherman(
        demo_store, nik=None, nik_typed="81030115", declared_income=0,
        status=ParticipantStatus.DRAFT, registered_on=None, heirs=(),
    )  # fmt: skip
    text = flat(pdf_pages_text(printer.form_for_participant(person.stamp.id)))
    assert "81030115" in text and "Status: draf" in text
    assert "Iuran belum dapat dihitung: Penghasilan harus lebih dari nol" in text
    assert "Belum ada ahli waris tercatat" in text


def test_unknown_participants_are_refused(printer: RegistrationFormPrinter) -> None:
    with pytest.raises(NothingToPrint, match="9999999999999999"):
        printer.form_for_nik("9999 9999 9999 9999")
    with pytest.raises(NothingToPrint, match="tidak-ada"):
        printer.form_for_participant("tidak-ada")


# --- what is drawn: boxes found in the page content, labels beside them ---------------------


@dataclass(frozen=True)
class Drawn:
    x: float
    y: float
    width: float = 0.0
    height: float = 0.0
    text: str = ""


def _times(m: list[float], n: list[float]) -> list[float]:
    """PDF matrix product m × n, matrices as [a b c d e f]."""
    a, b, c, d, e, f = m
    return [
        a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2], c * n[1] + d * n[3],
        e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5],
    ]  # fmt: skip


def drawn_on(data: bytes) -> list[tuple[list[Drawn], list[Drawn]]]:
    """Per page: every rectangle (`re`) in page coordinates, and every run of text with where
    it starts; read from the PDF itself, not from the code that drew it."""
    reader = PdfReader(io.BytesIO(data))
    return [(_rectangles(page, reader), _texts(page)) for page in reader.pages]


def _rectangles(page: PageObject, reader: PdfReader) -> list[Drawn]:
    rects: list[Drawn] = []
    matrix, saved = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            saved.append(matrix)
        elif operator == b"Q":
            matrix = saved.pop()
        elif operator == b"cm":
            matrix = _times([float(v) for v in operands], matrix)
        elif operator == b"re":
            x, y, w, h = (float(v) for v in operands)
            px, py = _times([1, 0, 0, 1, x, y], matrix)[4:]
            rects.append(Drawn(px, py, w, h))
    return rects


def _texts(page: PageObject) -> list[Drawn]:
    texts: list[Drawn] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x, y = _times(tm, cm)[4:]
            texts.append(Drawn(x, y, text=text.strip()))

    page.extract_text(visitor_text=visit)
    return texts


def sized(rects: list[Drawn], width: float, height: float) -> list[Drawn]:
    return [r for r in rects if abs(r.width - width) < 0.01 and abs(r.height - height) < 0.01]


def test_the_blank_form_has_sixteen_nik_boxes_in_a_row() -> None:
    pages = drawn_on(render_blank_form())
    boxes = [box for rects, _ in pages for box in sized(rects, NIK_BOX_WIDTH, NIK_BOX_HEIGHT)]
    assert len(boxes) == 16
    assert len({round(box.y, 2) for box in boxes}) == 1
    xs = sorted(box.x for box in boxes)
    assert all(abs(b - a - NIK_BOX_WIDTH) < 0.01 for a, b in itertools.pairwise(xs))


def test_the_blank_form_has_a_check_box_beside_each_choice() -> None:
    pages = drawn_on(render_blank_form())
    for label in ("JKK · Jaminan Kecelakaan Kerja", "JKM · Jaminan Kematian",
                  "JHT · Jaminan Hari Tua", "1 bulan", "3 bulan", "6 bulan", "12 bulan",
                  "Laki-laki", "Perempuan", "Mandiri", "APBDes (dana desa)", "Nelayan",
                  "Transportasi (ojek, pengemudi, kurir)"):  # fmt: skip
        found = [(text, rects) for rects, texts in pages for text in texts if text.text == label]
        assert len(found) == 1, label
        text, rects = found[0]
        beside = [
            box for box in sized(rects, CHECK_BOX, CHECK_BOX)
            if 0 < text.x - (box.x + CHECK_BOX) < 3 * 2.835 and box.y <= text.y <= box.y + CHECK_BOX
        ]  # fmt: skip
        assert len(beside) == 1, label


def test_a_prefilled_form_prints_the_nik_not_empty_boxes(
    printer: RegistrationFormPrinter, demo_store: Store
) -> None:
    person = add_fisherman(demo_store)
    pages = drawn_on(printer.form_for_nik(person.nik or ""))
    assert not [box for rects, _ in pages for box in sized(rects, NIK_BOX_WIDTH, NIK_BOX_HEIGHT)]
    assert not [box for rects, _ in pages for box in sized(rects, CHECK_BOX, CHECK_BOX)]
    assert any(text.text == person.nik for _, texts in pages for text in texts)


def test_the_blank_form_text(printer: RegistrationFormPrinter) -> None:
    pages = pdf_pages_text(printer.blank())
    text = flat(pages)
    assert "FORMULIR PENDAFTARAN PESERTA" in text and "Formulir kosong untuk diisi tangan" in text
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number}" in page and "F1 BPU" in page
    assert "Nama jelas" in text and "Tanggal (hh-bb-tttt)" in text and DEMO_MARK not in text


def test_demo_forms_say_so_on_every_page(demo_store: Store, schedule: RateSchedule) -> None:
    demo = RegistrationFormPrinter(demo_store, schedule, lambda: TODAY, demo=True)
    person = add_fisherman(demo_store, full_name=LONG_NAME, address=LONG_ADDRESS)
    for data in (demo.form_for_nik(person.nik or ""), demo.blank()):
        pages = pdf_pages_text(data)
        assert len(pages) >= 2
        assert all(page.count(DEMO_MARK) == 2 for page in pages)  # top and bottom
        metadata = PdfReader(io.BytesIO(data)).metadata
        assert metadata is not None and (metadata.title or "").endswith("(DEMO)")


def test_pages_render_to_something_visible(
    printer: RegistrationFormPrinter, demo_store: Store, tmp_path: Path
) -> None:
    person = add_fisherman(demo_store)
    for name, data in (("filled", printer.form_for_nik(person.nik or "")),
                       ("blank", printer.blank())):  # fmt: skip
        folder = tmp_path / name
        folder.mkdir()
        images = render_pages(data, folder, dpi=50)
        assert len(images) == len(PdfReader(io.BytesIO(data)).pages)
        for image in images:
            with Image.open(image) as png:
                grey = png.convert("L")
                assert grey.size == (414, 585)  # A4 at 50 dpi
                dark = sum(grey.histogram()[:160])
                assert dark > 0.01 * grey.size[0] * grey.size[1], image.name

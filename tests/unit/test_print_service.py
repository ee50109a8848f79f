"""The print service's jobs: records read at once, drawing deferred, names for the files."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from outreach_app.services.printing import NothingToPrint, PrintService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.storage.store import Store
from tests.conftest import TODAY
from tests.pdf_tools import pdf_pages_text
from tests.unit.test_visit_report_pdf import a_done_visit, enrol


@pytest.fixture
def printer(demo_store: Store, schedule) -> PrintService:
    return PrintService(demo_store, schedule, ReceiptSigner(demo_store), today=lambda: TODAY)


def test_visit_forms_join_one_form_per_person_enrolled(printer, demo_store: Store) -> None:
    visit = a_done_visit(demo_store)
    already = len(printer.visit_reports.enrolled(visit.stamp.id))  # the demo's own, if any
    people = enrol(demo_store, visit, 3)
    job = printer.visit_forms_job(visit.stamp.id)
    assert job.title == f"Formulir pendaftaran kunjungan ({already + 3})"
    pdf = job.render()
    pages = pdf_pages_text(pdf)
    single = len(pdf_pages_text(printer.form_job(people[0].stamp.id).render()))
    assert len(pages) == (already + 3) * single
    for person in people:
        assert sum(person.nik in page for page in pages) >= 1
    assert PdfReader(io.BytesIO(pdf)).pages  # one valid document


def test_a_visit_that_enrolled_nobody_has_no_forms(printer, demo_store: Store) -> None:
    empty = [v for v in demo_store.visits.all() if not printer.visit_reports.enrolled(v.stamp.id)]
    assert empty
    with pytest.raises(NothingToPrint, match="Belum ada peserta"):
        printer.visit_forms_job(empty[0].stamp.id)


def test_jobs_read_now_and_draw_later(printer, demo_store: Store) -> None:
    """The records are read when the job is made: a job drawn later (on a worker thread)
    needs no database, even a closed one."""
    receipt = printer.receipt_job("DEMO-000035")
    blank = printer.blank_form_job()
    assert receipt.file_name == "kuitansi-DEMO-000035.pdf"
    assert blank.file_name == "formulir-kosong.pdf"
    demo_store.close()
    assert "DEMO-000035" in pdf_pages_text(receipt.render())[0]
    assert blank.render().startswith(b"%PDF-")


def test_unknown_records_are_refused_before_any_drawing(printer) -> None:
    for make in (
        lambda: printer.receipt_job("NOPE-000001"),
        lambda: printer.form_job("no-such-id"),
        lambda: printer.form_for_nik_job("8103011508950009"),
        lambda: printer.payer_list_job("no-such-payer", TODAY),
        lambda: printer.visit_report_job("no-such-visit"),
        lambda: printer.visit_forms_job("no-such-visit"),
    ):
        with pytest.raises(NothingToPrint):
            make()

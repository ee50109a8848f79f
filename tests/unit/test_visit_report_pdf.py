"""The village visit report: the village, date, agent, purpose and status; the people enrolled
in that village that day and the premiums the agent took there (voided receipts listed, not
added); the notes; page numbers; demo marks; and unknown visits refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from outreach_app.documents.visit_report import kemendagri_code
from outreach_app.domain.models import Participant, Sex, User, VisitPlan, VisitStatus
from outreach_app.domain.nik import build_nik, masked_nik
from outreach_app.reference.dates_text import long_date
from outreach_app.reference.money_text import amount_in_words, format_rupiah
from outreach_app.services.list_printing import VisitReportPrinter
from outreach_app.services.payments import PaymentService
from outreach_app.services.printing import NothingToPrint
from outreach_app.storage.store import Store
from tests.conftest import TODAY
from tests.factories import make_participant
from tests.pdf_tools import pdf_pages_text, render_pages

DEMO_LINE = "DEMO — data contoh, bukan dokumen resmi"
WIT = dt.timezone(dt.timedelta(hours=9))  # Maluku
NOTES = "Kepala desa hadir; 3 nelayan minta datang lagi\nsetelah musim barat."


def flat(text: str) -> str:
    return " ".join(text.split())


def a_done_visit(store: Store) -> VisitPlan:
    done = [v for v in store.visits.all() if v.status is VisitStatus.DONE]
    return min(done, key=lambda v: (v.visit_date, v.stamp.id))


def enrol(store: Store, visit: VisitPlan, count: int, first_serial: int = 1, **changes: object):
    """`count` people registered in the visit's village on its day (unique NIKs)."""
    people = [
        make_participant(
            visit.village_id,
            nik=build_nik("819902", dt.date(1988, 5, 5), Sex.FEMALE, serial),
            full_name=f"Warga Kunjungan {serial:03d}",
            registered_on=visit.visit_date,
            agent_id=visit.agent_id,
            **changes,
        )
        for serial in range(first_serial, first_serial + count)
    ]
    store.participants.add_many(people)
    return people


def pay(service: PaymentService, person: Participant, agent: User, day: dt.date, hour: int):
    paid_at = dt.datetime.combine(day, dt.time(hour, 15), WIT)
    return service.record(person.stamp.id, 1, agent, paid_at=paid_at)


@pytest.fixture
def printer(demo_store: Store) -> VisitReportPrinter:
    return VisitReportPrinter(demo_store, TODAY)


def test_the_report_lists_enrolments_payments_and_notes(printer, demo_store, schedule) -> None:
    store = demo_store
    visit = a_done_visit(store)
    agent = store.users.get(visit.agent_id)
    village = store.villages.get(visit.village_id)
    service = PaymentService(store, schedule)
    payer = store.payers.all()[0]
    people = enrol(store, visit, 3)
    sponsored = enrol(store, visit, 1, first_serial=50, payer_id=payer.stamp.id)[0]
    receipts = [pay(service, person, agent, visit.visit_date, 9 + n)
                for n, person in enumerate(people)]  # fmt: skip
    voided = store.payments.void(receipts[1].receipt_no, "Salah orang")  # an older void
    other_village = next(v for v in store.villages.all() if v.stamp.id != village.stamp.id)
    elsewhere = make_participant(other_village.stamp.id, full_name="Warga Desa Lain",
                                 nik=build_nik("819902", dt.date(1988, 5, 5), Sex.MALE, 99),
                                 registered_on=visit.visit_date)  # fmt: skip
    store.participants.add(elsewhere)
    not_here = pay(service, elsewhere, agent, visit.visit_date, 15)
    store.visits.update(visit.stamp.id, outcome_notes=NOTES, enrolled_count=4)

    content = printer.content(visit.stamp.id)
    pages = pdf_pages_text(printer.visit_report(visit.stamp.id))
    text = flat(" ".join(pages))
    for expected in (
        village.name, village.district, village.regency, village.province,
        kemendagri_code(village.code), long_date(visit.visit_date), agent.full_name,
        visit.purpose, "Selesai", "Kepala Desa " + village.name,
    ):  # fmt: skip
        assert expected in text, expected
    listed = [enrolment.name for enrolment in content.enrolments]
    assert {p.full_name for p in [*people, sponsored]} <= set(listed)  # and demo people that day
    assert "Warga Desa Lain" not in listed
    for number, enrolment in enumerate(content.enrolments, start=1):
        assert f"{number}. {enrolment.name} {masked_nik(enrolment.nik)}" in text
    for person in [*people, sponsored]:
        assert person.nik not in text
    assert f"{sponsored.full_name} {masked_nik(sponsored.nik)} Nelayan {payer.name}" in text
    lines = {line.payment.receipt_no: line.payment for line in content.payments}
    assert {receipts[0].receipt_no, receipts[2].receipt_no, voided.receipt_no} <= set(lines)
    assert not_here.receipt_no not in lines
    standing = [payment for payment in lines.values() if not payment.voided]
    total = sum(payment.total for payment in standing)
    assert content.paid_total == total and voided.total > 0
    for payment in lines.values():
        assert f"{payment.receipt_no} {payment.paid_at:%H:%M}" in text
        assert format_rupiah(payment.total) in text
    assert f"{voided.receipt_no} {voided.paid_at:%H:%M} {people[1].full_name}" in text
    assert "BATAL" in text
    assert f"Jumlah iuran diterima ({len(standing)} kuitansi) {format_rupiah(total)}" in text
    assert f"Terbilang: {amount_in_words(total)}" in text
    figures = f"{visit.target_count} 4 {len(listed)} {format_rupiah(total)} Target peserta"
    assert figures in text  # the target, the agent's count, the records' count, the money
    assert "Warga Desa Lain" not in text and not_here.receipt_no not in text
    assert flat(NOTES) in text
    assert pages[0].count(f"Halaman 1 dari {len(pages)}") == 1
    assert DEMO_LINE not in text


def test_a_busy_day_flows_onto_numbered_pages(printer, demo_store, tmp_path: Path) -> None:
    visit = a_done_visit(demo_store)
    people = enrol(demo_store, visit, 70)
    data = printer.visit_report(visit.stamp.id)
    pages = pdf_pages_text(data)
    assert len(pages) >= 2
    text = flat(" ".join(pages))
    enrolments = printer.content(visit.stamp.id).enrolments
    assert {p.full_name for p in people} <= {enrolment.name for enrolment in enrolments}
    for number, enrolment in enumerate(enrolments, start=1):
        assert f"{number}. {enrolment.name} {masked_nik(enrolment.nik)}" in text
    for index, page in enumerate(pages, start=1):
        assert f"Halaman {index} dari {len(pages)}" in page
    assert "No. Nama peserta NIK Pekerjaan Pembayar iuran" in flat(pages[1])  # header repeated
    assert "Laporan Kunjungan Desa ·" in flat(pages[1])  # running header
    assert "Mengetahui" in flat(pages[-1])
    assert len(render_pages(data, tmp_path, dpi=40)) == len(pages)


def test_a_planned_visit_prints_with_nothing_yet(printer, demo_store) -> None:
    future = [v for v in demo_store.visits.all()
              if v.status is VisitStatus.PLANNED and v.visit_date > TODAY]  # fmt: skip
    (page,) = pdf_pages_text(printer.visit_report(future[0].stamp.id))
    text = flat(page)
    assert "Direncanakan" in text and f"{future[0].target_count} — 0 Rp0 Target peserta" in text
    assert "Tidak ada peserta yang terdaftar" in text
    assert "Tidak ada iuran yang diterima" in text and "Tidak ada catatan." in text


def test_a_cancelled_visit_gives_its_reason(printer, demo_store) -> None:
    visit = a_done_visit(demo_store)
    demo_store.visits.update(visit.stamp.id, status=VisitStatus.CANCELLED,
                             outcome_notes="Jalan putus karena banjir")  # fmt: skip
    text = flat(" ".join(pdf_pages_text(printer.visit_report(visit.stamp.id))))
    assert "Dibatalkan" in text and "Alasan pembatalan Jalan putus karena banjir" in text


def test_demo_reports_say_demo_on_every_page(demo_store) -> None:
    visit = a_done_visit(demo_store)
    enrol(demo_store, visit, 70)
    pages = pdf_pages_text(VisitReportPrinter(demo_store, TODAY, demo=True).visit_report(
        visit.stamp.id))  # fmt: skip
    assert len(pages) > 1 and all(DEMO_LINE in page for page in pages)


def test_unknown_visits_print_nothing(printer, demo_store) -> None:
    with pytest.raises(NothingToPrint, match="Kunjungan"):
        printer.visit_report("no-such-visit")
    visit = a_done_visit(demo_store)
    demo_store.visits.delete(visit.stamp.id)
    with pytest.raises(NothingToPrint):
        printer.visit_report(visit.stamp.id)

"""Exports to XLSX or CSV, with Indonesian headers: participants (the list's filter or a whole
village), receipts and visit outcomes.

Reads go through the store's per-thread read-only view, so the desktop runs an export on
its worker thread. The participant columns carry the import's own header names, so an
exported list imports back into another laptop as it is (`outreach import participants`).
Every file is written by `tabular.writing`: cells neutralised against formula injection, a
personal-data notice, whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from outreach_app.domain.coverage import Coverage
from outreach_app.domain.errors import DomainError
from outreach_app.domain.import_fields import FIELD_LABELS, ImportField
from outreach_app.domain.import_values import (
    MEMBERSHIP_LABELS,
    SECTOR_LABELS,
    SEGMENT_LABELS,
    SEX_LABELS,
)
from outreach_app.domain.models import (
    Participant,
    ParticipantStatus,
    PaymentMethod,
    Segment,
    Village,
    VisitPlan,
    VisitStatus,
)
from outreach_app.reference.holidays import days_off
from outreach_app.storage.participant_list import ParticipantFilter, ParticipantListing
from outreach_app.storage.store import Store
from outreach_app.tabular.writing import format_of, write_table

PAGE = 2_000
Progress = Callable[[int], None]


class ExportKind(StrEnum):
    PARTICIPANTS = "participants"
    PAYMENTS = "payments"
    VISITS = "visits"


TITLES = {
    ExportKind.PARTICIPANTS: "Peserta",
    ExportKind.PAYMENTS: "Kuitansi iuran",
    ExportKind.VISITS: "Hasil kunjungan",
}
STATUS_LABELS = {
    ParticipantStatus.DRAFT: "Draf",
    ParticipantStatus.REGISTERED: "Terdaftar, belum bayar",
    ParticipantStatus.ACTIVE: "Aktif",
    ParticipantStatus.GRACE: "Masa tenggang",
    ParticipantStatus.LAPSED: "Berhenti",
}
VISIT_STATUS_LABELS = {
    VisitStatus.PLANNED: "Direncanakan",
    VisitStatus.DONE: "Selesai",
    VisitStatus.CANCELLED: "Dibatalkan",
}
METHOD_LABELS = {PaymentMethod.CASH: "Tunai", PaymentMethod.TRANSFER: "Transfer"}
SELF_PAYER = "Mandiri"

_F = FIELD_LABELS
PARTICIPANT_HEADERS = (
    _F[ImportField.NIK], _F[ImportField.FULL_NAME], _F[ImportField.BIRTH_PLACE],
    _F[ImportField.BIRTH_DATE], _F[ImportField.SEX], _F[ImportField.ADDRESS],
    _F[ImportField.VILLAGE_CODE], _F[ImportField.VILLAGE_NAME], "Kecamatan",
    _F[ImportField.POSTAL_CODE], _F[ImportField.PHONE], _F[ImportField.EMAIL],
    _F[ImportField.OCCUPATION], _F[ImportField.SECTOR], _F[ImportField.WORK_LOCATION],
    _F[ImportField.DECLARED_INCOME], "Dasar penghasilan", _F[ImportField.INCLUDE_JHT],
    _F[ImportField.PAYMENT_MONTHS], _F[ImportField.PAYER], _F[ImportField.SEGMENT],
    _F[ImportField.MEMBERSHIP], _F[ImportField.MOTHERS_MAIDEN_NAME], _F[ImportField.KPJ],
    _F[ImportField.REGISTERED_ON], "Status", "Dibayar sampai",
)  # fmt: skip
PAYMENT_HEADERS = (
    "Nomor kuitansi", "Waktu bayar", "NIK", "Nama peserta", "Kode desa", "Desa",
    "Bulan pertama", "Jumlah bulan", "JKK", "JKM", "JHT", "Potongan", "Total", "Cara bayar",
    "Pembayar", "Diterima oleh", "Dibatalkan", "Alasan pembatalan", "Dasar hukum",
)  # fmt: skip
VISIT_HEADERS = (
    "Tanggal", "Kode desa", "Desa", "Kecamatan", "Agen", "Segmen", "Tujuan", "Target",
    "Status", "Terdaftar", "Catatan hasil",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    kind: ExportKind
    rows: int


class ExportService:
    def __init__(self, store: Store, today: Callable[[], dt.date]) -> None:
        self._store = store
        self._today = today

    def village(self, code: str) -> Village:
        """A village by its Kemendagri code, for `--village`."""
        cleaned = code.replace(".", "").strip()
        for village in self._store.reader().villages.all():
            if village.code == cleaned:
                return village
        raise DomainError(f"Desa dengan kode {code} tidak ada di basis data laptop ini.")

    def export(
        self,
        kind: ExportKind,
        target: Path,
        village_id: str | None = None,
        filters: ParticipantFilter | None = None,
        progress: Progress | None = None,
    ) -> ExportResult:
        """Writes the export; safe on a worker thread (reads through the reader view)."""
        format_of(target)  # refuse a wrong extension before any reading
        headers: tuple[str, ...]
        if kind is ExportKind.PARTICIPANTS:
            chosen = filters or ParticipantFilter()
            if village_id is not None:
                chosen = ParticipantFilter(
                    text=chosen.text, village_id=village_id, status=chosen.status,
                    payer_id=chosen.payer_id, agent_id=chosen.agent_id,
                    paid_before=chosen.paid_before,
                )  # fmt: skip
            headers, rows = PARTICIPANT_HEADERS, self._participant_rows(chosen)
        elif kind is ExportKind.PAYMENTS:
            headers, rows = PAYMENT_HEADERS, self._payment_rows(village_id)
        else:
            headers, rows = VISIT_HEADERS, self._visit_rows(village_id)
        return _write(kind, target, headers, rows, progress, self._store.reader().is_demo())

    def visit_rows(self, visits: list[VisitPlan]) -> Iterator[tuple[object, ...]]:
        """The Visits page's own list, as rows (the page exports what it shows)."""
        return self._visit_rows(None, visits)

    def export_visits(
        self, visits: list[VisitPlan], target: Path, progress: Progress | None = None
    ) -> ExportResult:
        format_of(target)
        return _write(ExportKind.VISITS, target, VISIT_HEADERS, self.visit_rows(visits),
                      progress, self._store.reader().is_demo())  # fmt: skip

    # --- rows --------------------------------------------------------------------------

    def _participant_rows(self, filters: ParticipantFilter) -> Iterator[tuple[object, ...]]:
        view = self._store.reader()
        today = self._today()
        villages = {v.stamp.id: v for v in view.villages.all()}
        payers = {p.stamp.id: p.name for p in view.payers.all()}
        after: ParticipantListing | None = None
        while True:
            page = view.participant_list.page(filters, today, PAGE, after, days_off(today))
            for listing in page:
                yield _participant_row(listing.participant, listing.coverage, villages, payers)
            if len(page) < PAGE:
                return
            after = page[-1]

    def _payment_rows(self, village_id: str | None) -> Iterator[tuple[object, ...]]:
        view = self._store.reader()
        payments = view.payments.matching(village_id=village_id)
        people = view.participants.many(p.participant_id for p in payments)
        villages = {v.stamp.id: v for v in view.villages.all()}
        payers = {p.stamp.id: p.name for p in view.payers.all()}
        users = {u.stamp.id: u.full_name for u in view.users.all()}
        for payment in payments:
            person = people.get(payment.participant_id)
            village = villages.get(person.village_id or "") if person else None
            yield (
                payment.receipt_no, payment.paid_at, person.nik if person else "",
                person.full_name if person else "", village.code if village else "",
                village.name if village else "", payment.period_start, payment.months,
                payment.jkk, payment.jkm, payment.jht, payment.discount, payment.total,
                METHOD_LABELS[payment.method], payers.get(payment.payer_id or "", SELF_PAYER),
                users.get(payment.collected_by, ""), payment.voided, payment.void_reason,
                payment.rules,
            )  # fmt: skip

    def _visit_rows(
        self, village_id: str | None, visits: list[VisitPlan] | None = None
    ) -> Iterator[tuple[object, ...]]:
        view = self._store.reader()
        if visits is None:
            visits = view.visits.matching(village_id=village_id)
        villages = {v.stamp.id: v for v in view.villages.all()}
        users = {u.stamp.id: u.full_name for u in view.users.all()}
        for visit in visits:
            village = villages.get(visit.village_id)
            yield (
                visit.visit_date, village.code if village else "",
                village.name if village else "", village.district if village else "",
                users.get(visit.agent_id, ""), SEGMENT_LABELS[Segment(visit.segment)],
                visit.purpose, visit.target_count, VISIT_STATUS_LABELS[VisitStatus(visit.status)],
                visit.enrolled_count, visit.outcome_notes,
            )  # fmt: skip


def _write(
    kind: ExportKind,
    target: Path,
    headers: tuple[str, ...],
    rows: Iterator[tuple[object, ...]],
    progress: Progress | None,
    demo: bool,
) -> ExportResult:
    counted = _Counter(rows)
    try:
        path = write_table(target, headers, counted, TITLES[kind], progress=progress, demo=demo)
    except OSError as exc:
        raise DomainError(f"Berkas {target} tidak bisa ditulis: {exc.strerror or exc}.") from exc
    return ExportResult(path, kind, counted.count)


def _participant_row(
    person: Participant, coverage: Coverage, villages: dict[str, Village], payers: dict[str, str]
) -> tuple[object, ...]:
    village = villages.get(person.village_id or "")
    return (
        person.nik or person.nik_typed, person.full_name, person.birth_place, person.birth_date,
        SEX_LABELS[person.sex] if person.sex else "", person.address,
        village.code if village else "", village.name if village else "",
        village.district if village else "", person.postal_code, person.phone, person.email,
        person.occupation, SECTOR_LABELS[person.sector], person.work_location,
        person.declared_income, person.base_income, person.include_jht, person.payment_months,
        payers.get(person.payer_id or "", SELF_PAYER), SEGMENT_LABELS[person.segment],
        MEMBERSHIP_LABELS[person.membership], person.mothers_maiden_name, person.kpj,
        person.registered_on, STATUS_LABELS[coverage.status], coverage.paid_through,
    )  # fmt: skip


class _Counter:
    """Counts the rows as the writer takes them (the rows are a generator)."""

    def __init__(self, rows: Iterator[tuple[object, ...]]) -> None:
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        for row in self._rows:
            self.count += 1
            yield row

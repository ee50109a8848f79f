"""The dashboard's tables: each chart's numbers as rows of native values, with translated
headers. The page draws its charts from the same rows, so a chart never says what its table
does not."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from outreach_app.domain.dashboard import AreaCoverage, Level, PayerShare
from outreach_app.domain.models import ParticipantStatus, PayerType
from outreach_app.domain.nik import masked_nik
from outreach_app.reference.dates_text import month_year, short_date
from outreach_app.services.dashboard import AgentPerformance, DashboardData, RenewalList
from outreach_app.ui.models.data_table import Kind, TableData


def level_labels() -> dict[Level, str]:
    return {
        Level.VILLAGE: QCoreApplication.translate("Dashboard", "Desa"),
        Level.DISTRICT: QCoreApplication.translate("Dashboard", "Kecamatan"),
        Level.REGENCY: QCoreApplication.translate("Dashboard", "Kabupaten/kota"),
        Level.BRANCH: QCoreApplication.translate("Dashboard", "Kantor cabang"),
    }


def payer_labels() -> dict[PayerType, str]:
    return {
        PayerType.SELF: QCoreApplication.translate("Dashboard", "Mandiri"),
        PayerType.APBN: QCoreApplication.translate("Dashboard", "APBN"),
        PayerType.APBD: QCoreApplication.translate("Dashboard", "APBD"),
        PayerType.APBDES: QCoreApplication.translate("Dashboard", "APBDes"),
        PayerType.SPONSOR: QCoreApplication.translate("Dashboard", "Sponsor"),
    }


def day_note(data: DashboardData) -> str:
    return QCoreApplication.translate("Dashboard", "Data per {day}").format(
        day=short_date(data.day)
    )


def coverage_table(data: DashboardData, level: Level, rows: Sequence[AreaCoverage]) -> TableData:
    title = QCoreApplication.translate("Dashboard", "Cakupan per {level}").format(
        level=level_labels()[level].lower()
    )
    return TableData(
        title=title,
        headers=(
            QCoreApplication.translate("Dashboard", "Wilayah"),
            QCoreApplication.translate("Dashboard", "Bagian dari"),
            QCoreApplication.translate("Dashboard", "Desa"),
            QCoreApplication.translate("Dashboard", "Pekerja informal"),
            QCoreApplication.translate("Dashboard", "Target"),
            QCoreApplication.translate("Dashboard", "Terdaftar"),
            QCoreApplication.translate("Dashboard", "Aktif"),
            QCoreApplication.translate("Dashboard", "Capaian target (%)"),
            QCoreApplication.translate("Dashboard", "Cakupan pekerja (%)"),
            QCoreApplication.translate("Dashboard", "Jatuh tempo"),
            QCoreApplication.translate("Dashboard", "Masa tenggang"),
            QCoreApplication.translate("Dashboard", "Berhenti"),
        ),
        kinds=(
            Kind.TEXT,
            Kind.TEXT,
            *[Kind.COUNT] * 5,
            Kind.PERCENT,
            Kind.PERCENT,
            *[Kind.COUNT] * 3,
        ),
        rows=tuple(
            (
                r.name,
                r.context or None,
                r.villages,
                r.informal_workers,
                r.target,
                r.registered,
                r.active,
                round(r.percent_of_target, 1),
                round(r.percent_of_workers, 1),
                r.due,
                r.grace,
                r.lapsed,
            )
            for r in rows
        ),
        notes=(
            day_note(data),
            QCoreApplication.translate("Dashboard", "Aktif: iuran dibayar sampai bulan berjalan."),
        ),
        objects=tuple(rows),
    )


def trend_table(data: DashboardData) -> TableData:
    return TableData(
        title=QCoreApplication.translate("Dashboard", "Peserta baru per minggu"),
        headers=(
            QCoreApplication.translate("Dashboard", "Minggu mulai (Senin)"),
            QCoreApplication.translate("Dashboard", "Peserta baru"),
        ),
        kinds=(Kind.DATE, Kind.COUNT),
        rows=tuple((monday, count) for monday, count in data.weeks),
        notes=(day_note(data),),
    )


def payer_table(data: DashboardData, shares: Sequence[PayerShare]) -> TableData:
    labels = payer_labels()
    total = sum(s.registered for s in shares) or 1
    return TableData(
        title=QCoreApplication.translate("Dashboard", "Peserta menurut pembayar iuran"),
        headers=(
            QCoreApplication.translate("Dashboard", "Pembayar"),
            QCoreApplication.translate("Dashboard", "Terdaftar"),
            QCoreApplication.translate("Dashboard", "Aktif"),
            QCoreApplication.translate("Dashboard", "Bagian (%)"),
        ),
        kinds=(Kind.TEXT, Kind.COUNT, Kind.COUNT, Kind.PERCENT),
        rows=tuple(
            (labels[s.payer_type], s.registered, s.active, round(100 * s.registered / total, 1))
            for s in shares
        ),
        notes=(day_note(data),),
    )


def renewals_table(data: DashboardData) -> TableData:
    rows = sorted(data.renewals(), key=lambda r: -(r.due + r.grace + r.lapsed))
    return TableData(
        title=QCoreApplication.translate("Dashboard", "Perpanjangan per desa"),
        headers=(
            QCoreApplication.translate("Dashboard", "Desa"),
            QCoreApplication.translate("Dashboard", "Kecamatan"),
            QCoreApplication.translate("Dashboard", "Jatuh tempo"),
            QCoreApplication.translate("Dashboard", "Masa tenggang"),
            QCoreApplication.translate("Dashboard", "Berhenti"),
            QCoreApplication.translate("Dashboard", "Jumlah"),
        ),
        kinds=(Kind.TEXT, Kind.TEXT, Kind.COUNT, Kind.COUNT, Kind.COUNT, Kind.COUNT),
        rows=tuple(
            (
                r.village.name,
                r.village.district,
                r.due,
                r.grace,
                r.lapsed,
                r.due + r.grace + r.lapsed,
            )
            for r in rows
        ),
        notes=(
            day_note(data),
            QCoreApplication.translate(
                "Dashboard", "Jatuh tempo: iuran bulan berikut belum dibayar (batas {day})."
            ).format(day=short_date(data.due_date)),
        ),
        objects=tuple(rows),
    )


def people_table(found: RenewalList) -> TableData:
    status = {
        ParticipantStatus.ACTIVE: QCoreApplication.translate("Dashboard", "Jatuh tempo"),
        ParticipantStatus.GRACE: QCoreApplication.translate("Dashboard", "Masa tenggang"),
        ParticipantStatus.LAPSED: QCoreApplication.translate("Dashboard", "Berhenti"),
    }
    listed = [
        *[(status[ParticipantStatus.ACTIVE], p) for p in found.due],
        *[(status[ParticipantStatus.GRACE], p) for p in found.grace],
        *[(status[ParticipantStatus.LAPSED], p) for p in found.lapsed],
    ]
    return TableData(
        title=QCoreApplication.translate("Dashboard", "Pengingat iuran {village}").format(
            village=found.village.name
        ),
        headers=(
            QCoreApplication.translate("Dashboard", "Nama"),
            QCoreApplication.translate("Dashboard", "NIK"),
            QCoreApplication.translate("Dashboard", "Status"),
            QCoreApplication.translate("Dashboard", "Dibayar s.d."),
            QCoreApplication.translate("Dashboard", "Bulan tertunggak"),
            QCoreApplication.translate("Dashboard", "Telepon"),
        ),
        kinds=(Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.DATE, Kind.COUNT, Kind.TEXT),
        rows=tuple(
            (
                p.participant.full_name,
                masked_nik(p.participant.nik),
                label,
                p.coverage.paid_through,
                p.coverage.unpaid_months,
                p.participant.phone or None,
            )
            for label, p in listed
        ),
        personal_data=True,
        notes=(
            QCoreApplication.translate("Dashboard", "Data per {day}").format(
                day=short_date(found.day)
            ),
        ),
        objects=tuple(p for _, p in listed),
    )


def agents_table(data: DashboardData) -> TableData:
    rows: Sequence[AgentPerformance] = data.agents
    bands = rows[0].estimate.bands if rows else ()
    band_headers = tuple(
        QCoreApplication.translate(
            "Dashboard", "Iuran bulan ke-{first}–{last} sejak akuisisi"
        ).format(first=share.band.from_month, last=share.band.to_month)
        for share in bands
    )
    month = month_year(data.month)
    return TableData(
        title=QCoreApplication.translate("Dashboard", "Kinerja agen {month}").format(month=month),
        # the estimate first: it must be visible without scrolling sideways
        headers=(
            QCoreApplication.translate("Dashboard", "Agen"),
            QCoreApplication.translate("Dashboard", "NIK baru"),
            QCoreApplication.translate("Dashboard", "Kurang dari syarat"),
            QCoreApplication.translate("Dashboard", "Iuran dikumpulkan"),
            QCoreApplication.translate("Dashboard", "Perkiraan insentif"),
            QCoreApplication.translate("Dashboard", "dari pendaftaran"),
            QCoreApplication.translate("Dashboard", "dari iuran"),
            QCoreApplication.translate("Dashboard", "Tambahan Kantor Perisai"),
            QCoreApplication.translate("Dashboard", "Kuitansi"),
            QCoreApplication.translate("Dashboard", "NIK baru (JKK+JKM+JHT)"),
            QCoreApplication.translate("Dashboard", "NIK baru (JKK+JKM)"),
            *band_headers,
        ),
        kinds=(
            Kind.TEXT,
            Kind.COUNT,
            Kind.COUNT,
            Kind.RUPIAH,
            Kind.RUPIAH,
            Kind.RUPIAH,
            Kind.RUPIAH,
            Kind.RUPIAH,
            Kind.COUNT,
            Kind.COUNT,
            Kind.COUNT,
            *[Kind.RUPIAH] * len(bands),
        ),
        rows=tuple(
            (
                r.agent.full_name,
                r.estimate.new_niks,
                r.estimate.niks_short,
                r.estimate.collected,
                r.estimate.total,
                r.estimate.acquisition,
                r.estimate.collection,
                r.estimate.kantor_perisai,
                r.receipts,
                r.estimate.new_three_programmes,
                r.estimate.new_two_programmes,
                *[share.premiums for share in r.estimate.bands],
            )
            for r in rows
        ),
        personal_data=True,
        notes=(
            day_note(data),
            QCoreApplication.translate(
                "Dashboard",
                "Perkiraan menurut {basis}; Kantor Perisai agen mendapat tambahan di atas "
                "insentif agen; jumlah resmi dari BPJS Ketenagakerjaan.",
            ).format(basis=data.incentive_basis),
        ),
        objects=tuple(rows),
    )

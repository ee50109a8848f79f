"""Words shown for enum values, in one place, so one thing is called the same everywhere
(the enrolment form, the visit form, tables and filters). Translated in the "Labels" context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from outreach_app.domain.models import Segment, VisitStatus

if TYPE_CHECKING:  # the import's column names load with the import dialog
    from outreach_app.domain.import_fields import ImportField


def segment_labels() -> dict[Segment, str]:
    return {
        Segment.APARATUR_DESA: QCoreApplication.translate("Labels", "Aparatur desa"),
        Segment.NELAYAN: QCoreApplication.translate("Labels", "Nelayan"),
        Segment.PETANI: QCoreApplication.translate("Labels", "Petani"),
        Segment.PEKERJA_RENTAN: QCoreApplication.translate("Labels", "Pekerja rentan"),
        Segment.PEDAGANG: QCoreApplication.translate("Labels", "Pedagang"),
        Segment.LAINNYA: QCoreApplication.translate("Labels", "Lainnya"),
    }


def visit_status_labels() -> dict[VisitStatus, str]:
    return {
        VisitStatus.PLANNED: QCoreApplication.translate("Labels", "Rencana"),
        VisitStatus.DONE: QCoreApplication.translate("Labels", "Selesai"),
        VisitStatus.CANCELLED: QCoreApplication.translate("Labels", "Batal"),
    }


def import_field_labels() -> dict[ImportField, str]:
    """The mapping step's choices: where a column of the file goes."""
    from outreach_app.domain.import_fields import ImportField

    return {
        ImportField.NIK: QCoreApplication.translate("Labels", "NIK"),
        ImportField.FULL_NAME: QCoreApplication.translate("Labels", "Nama lengkap"),
        ImportField.BIRTH_PLACE: QCoreApplication.translate("Labels", "Tempat lahir"),
        ImportField.BIRTH_DATE: QCoreApplication.translate("Labels", "Tanggal lahir"),
        ImportField.SEX: QCoreApplication.translate("Labels", "Jenis kelamin"),
        ImportField.ADDRESS: QCoreApplication.translate("Labels", "Alamat"),
        ImportField.VILLAGE_CODE: QCoreApplication.translate("Labels", "Kode desa"),
        ImportField.VILLAGE_NAME: QCoreApplication.translate("Labels", "Desa"),
        ImportField.POSTAL_CODE: QCoreApplication.translate("Labels", "Kode pos"),
        ImportField.PHONE: QCoreApplication.translate("Labels", "Telepon"),
        ImportField.EMAIL: QCoreApplication.translate("Labels", "Email"),
        ImportField.OCCUPATION: QCoreApplication.translate("Labels", "Pekerjaan"),
        ImportField.SECTOR: QCoreApplication.translate("Labels", "Sektor"),
        ImportField.WORK_LOCATION: QCoreApplication.translate("Labels", "Lokasi kerja"),
        ImportField.DECLARED_INCOME: QCoreApplication.translate("Labels", "Penghasilan"),
        ImportField.INCLUDE_JHT: QCoreApplication.translate("Labels", "JHT"),
        ImportField.PAYMENT_MONTHS: QCoreApplication.translate("Labels", "Periode (bulan)"),
        ImportField.PAYER: QCoreApplication.translate("Labels", "Pembayar"),
        ImportField.SEGMENT: QCoreApplication.translate("Labels", "Segmen"),
        ImportField.MEMBERSHIP: QCoreApplication.translate("Labels", "Kepesertaan"),
        ImportField.MOTHERS_MAIDEN_NAME: QCoreApplication.translate("Labels", "Nama ibu kandung"),
        ImportField.KPJ: QCoreApplication.translate("Labels", "KPJ"),
        ImportField.REGISTERED_ON: QCoreApplication.translate("Labels", "Tanggal daftar"),
    }


def sector_help() -> str:
    """What counts as transport (PP 50/2025), for the sector's tooltip wherever it is chosen:
    the words of domain/sectors.py, so a fisher is never nudged into transport."""
    return QCoreApplication.translate(
        "Labels",
        "Sektor transportasi menurut PP 50/2025: ojek online dan ojek pangkalan, pengemudi, "
        "kurir paket dan logistik. Nelayan tidak termasuk sektor transportasi: pilih Bukan "
        "transportasi.",
    )


def import_field_help() -> dict[ImportField, str]:
    """Tooltips of the import's field choices, where a field needs explaining."""
    from outreach_app.domain.import_fields import ImportField

    return {ImportField.SECTOR: sector_help()}

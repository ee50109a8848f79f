"""Words shown for enum values, in one place, so one thing is called the same everywhere
(the enrolment form, the visit form, tables and filters). Translated in the "Labels" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from outreach_app.domain.import_fields import ImportField
from outreach_app.domain.models import Segment, VisitStatus


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
    t = QCoreApplication.translate
    return {
        ImportField.NIK: t("Labels", "NIK"),
        ImportField.FULL_NAME: t("Labels", "Nama lengkap"),
        ImportField.BIRTH_PLACE: t("Labels", "Tempat lahir"),
        ImportField.BIRTH_DATE: t("Labels", "Tanggal lahir"),
        ImportField.SEX: t("Labels", "Jenis kelamin"),
        ImportField.ADDRESS: t("Labels", "Alamat"),
        ImportField.VILLAGE_CODE: t("Labels", "Kode desa"),
        ImportField.VILLAGE_NAME: t("Labels", "Desa"),
        ImportField.POSTAL_CODE: t("Labels", "Kode pos"),
        ImportField.PHONE: t("Labels", "Telepon"),
        ImportField.EMAIL: t("Labels", "Email"),
        ImportField.OCCUPATION: t("Labels", "Pekerjaan"),
        ImportField.SECTOR: t("Labels", "Sektor"),
        ImportField.WORK_LOCATION: t("Labels", "Lokasi kerja"),
        ImportField.DECLARED_INCOME: t("Labels", "Penghasilan"),
        ImportField.INCLUDE_JHT: t("Labels", "JHT"),
        ImportField.PAYMENT_MONTHS: t("Labels", "Periode (bulan)"),
        ImportField.PAYER: t("Labels", "Pembayar"),
        ImportField.SEGMENT: t("Labels", "Segmen"),
        ImportField.MEMBERSHIP: t("Labels", "Kepesertaan"),
        ImportField.MOTHERS_MAIDEN_NAME: t("Labels", "Nama ibu kandung"),
        ImportField.KPJ: t("Labels", "KPJ"),
        ImportField.REGISTERED_ON: t("Labels", "Tanggal daftar"),
    }

"""Words shown for enum values, in one place, so one thing is called the same everywhere
(the enrolment form, the visit form, tables and filters). Translated in the "Labels" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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

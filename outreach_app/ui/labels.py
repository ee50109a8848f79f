"""Words shown for enum values, in one place, so one thing is called the same everywhere
(the enrolment form, the visit form, tables and filters). Translated in the "Labels" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from outreach_app.domain.models import Segment, VisitStatus


def segment_labels() -> dict[Segment, str]:
    tr = QCoreApplication.translate
    return {
        Segment.APARATUR_DESA: tr("Labels", "Aparatur desa"),
        Segment.NELAYAN: tr("Labels", "Nelayan"),
        Segment.PETANI: tr("Labels", "Petani"),
        Segment.PEKERJA_RENTAN: tr("Labels", "Pekerja rentan"),
        Segment.PEDAGANG: tr("Labels", "Pedagang"),
        Segment.LAINNYA: tr("Labels", "Lainnya"),
    }


def visit_status_labels() -> dict[VisitStatus, str]:
    tr = QCoreApplication.translate
    return {
        VisitStatus.PLANNED: tr("Labels", "Rencana"),
        VisitStatus.DONE: tr("Labels", "Selesai"),
        VisitStatus.CANCELLED: tr("Labels", "Batal"),
    }

"""Indonesian labels for the outreach segments, shared by every form that offers them."""

from __future__ import annotations

from PySide6.QtCore import QObject

from outreach_app.domain.models import Segment


def segment_labels(context: QObject) -> dict[Segment, str]:
    tr = context.tr
    return {
        Segment.APARATUR_DESA: tr("Aparatur desa"),
        Segment.NELAYAN: tr("Nelayan"),
        Segment.PETANI: tr("Petani"),
        Segment.PEKERJA_RENTAN: tr("Pekerja rentan"),
        Segment.PEDAGANG: tr("Pedagang"),
        Segment.LAINNYA: tr("Lainnya"),
    }

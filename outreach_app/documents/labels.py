"""Words printed for the app's enums. Paper is always Indonesian, so these are not Qt
translations (ui/labels.py holds the screen's, which documents cannot import)."""

from __future__ import annotations

from outreach_app.domain.models import PaymentMethod, Segment

SEGMENTS = {
    Segment.APARATUR_DESA: "Aparatur desa",
    Segment.NELAYAN: "Nelayan",
    Segment.PETANI: "Petani",
    Segment.PEKERJA_RENTAN: "Pekerja rentan",
    Segment.PEDAGANG: "Pedagang",
    Segment.LAINNYA: "Lainnya",
}
PAYMENT_METHODS = {PaymentMethod.CASH: "Tunai", PaymentMethod.TRANSFER: "Transfer"}

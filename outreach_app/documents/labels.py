"""Words printed for the app's enums. Paper is always Indonesian, so these are not Qt
translations (ui/labels.py holds the screen's, which documents cannot import). The words are
the domain's (domain/import_values.py), the same a spreadsheet list uses."""

from __future__ import annotations

from outreach_app.domain.import_values import SEGMENT_LABELS
from outreach_app.domain.models import PaymentMethod

SEGMENTS = SEGMENT_LABELS
PAYMENT_METHODS = {PaymentMethod.CASH: "Tunai", PaymentMethod.TRANSFER: "Transfer"}

"""The two sectors the relief rules tell apart, described as PP 50/2025 does.

PP 50/2025 gives transport workers a longer relief (Jan 2026-Mar 2027 instead of Apr-Dec
2026): ojek online and ojek pangkalan, drivers, parcel and logistics couriers. Fishers are not
transport workers, even those who carry goods by boat; the words here must never suggest they
are, because the sector decides the amount a participant pays. The UI has the same words in
its own tr() calls (ui/dialogs/enrolment.py, ui/labels.py); the printed form, the import
messages and the docs take them from here.
"""

from __future__ import annotations

from outreach_app.domain.models import Sector

TRANSPORT_WORKERS = "ojek online dan ojek pangkalan, pengemudi, kurir paket dan logistik"

SECTOR_NAMES = {
    Sector.TRANSPORT: "Transportasi (ojek, pengemudi, kurir)",
    Sector.OTHER: "Bukan transportasi (termasuk nelayan)",
}

SECTOR_RULE = (
    f"Sektor transportasi menurut PP 50/2025: {TRANSPORT_WORKERS}. Nelayan tidak termasuk "
    "sektor transportasi."
)

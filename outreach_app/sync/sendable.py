"""What a laptop checks before it sends a change: the same rules the server's wire models
apply (`wire_types`), so a change the server would refuse for its form is parked here with a
reason the agent can act on, instead of making the server refuse the whole batch (422) at
every sync, which would stop every change behind it.

A laptop's own data can hold such a value: a NUL from a damaged spreadsheet cell, text
longer than the wire takes. Ids and names are the laptop's own making and always fit.
"""

from __future__ import annotations

from outreach_app.domain.change_shape import ChangeLike
from outreach_app.sync.wire_types import check_column


def unsendable_reason(change: ChangeLike) -> str | None:
    """Why this change cannot travel (in the agent's language), or None."""
    for name, value in change.fields.items():
        try:
            check_column(name, (value,))
        except ValueError:
            return (
                f"Isian {name} memuat karakter yang tidak bisa dikirim (misalnya NUL dari "
                "berkas impor) atau terlalu panjang; perbaiki isiannya, lalu kirim ulang."
            )
    return None

"""What pages need to change records, handed in by the launcher. Its own small module, so the
launcher does not import the participants page (and all it draws) to start on another page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from outreach_app.domain.models import User
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.payments import PaymentService

if TYPE_CHECKING:
    from outreach_app.ui.export_actions import ExportActions


@dataclass(frozen=True)
class ParticipantActions:
    """What the page needs to change records; `actor` is None until an agent is chosen."""

    enrolment: EnrolmentService
    payments: PaymentService
    actor: User | None
    # Import and export (None when the app was built without them): the Impor/ekspor menus.
    exports: ExportActions | None = None

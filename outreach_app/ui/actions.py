"""What pages need to change records, handed in by the launcher. Its own small module, so the
launcher does not import the participants page (and all it draws) to start on another page."""

from __future__ import annotations

from dataclasses import dataclass

from outreach_app.domain.models import User
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.services.payments import PaymentService


@dataclass(frozen=True)
class ParticipantActions:
    """What the page needs to change records; `actor` is None until an agent is chosen."""

    enrolment: EnrolmentService
    payments: PaymentService
    actor: User | None

"""The server's side of `POST /v1/devices/fork`: a new device id for the same account.

A laptop that went back in time (restored from a backup, or a copy of another laptop's
database) becomes a new device instead of reusing its old id's sequence numbers. The request
is authenticated by the current token, so the new id is bound to the same account; the old
token keeps working (the other copy of the database may still be using it). The server makes
the id, never the laptop, so two copies that fork at once still get two devices.
"""

from __future__ import annotations

from outreach_app.domain.ids import uuid7
from outreach_app.server.store.store import Session
from outreach_app.server.sync_server import SyncRefused, SyncServer
from outreach_app.sync.devices import ForkRequest, ForkResponse
from outreach_app.sync.protocol import PROTOCOL_VERSION


def fork_device(server: SyncServer, session: Session, request: ForkRequest) -> ForkResponse:
    if request.protocol != PROTOCOL_VERSION:
        raise SyncRefused(
            f"Versi protokol {request.protocol} tidak didukung server ini (versi "
            f"{PROTOCOL_VERSION}); perbarui aplikasi.",
            426,
        )
    name = (request.device_name or "").strip() or session.device_name
    device_id = uuid7()
    token = server.store.issue_token(session.account, device_id, name)
    return ForkResponse(device_id=device_id, token=token, device_seq=0)

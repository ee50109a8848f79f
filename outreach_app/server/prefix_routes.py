"""HTTP endpoint for receipt prefixes (an APIRouter that server/app.py includes): a laptop
reserves the prefix it numbers receipts with, asks for a readable one, or is assigned one
(rules: server/prefix_desk.py).

(No `from __future__ import annotations`: FastAPI reads the handlers' annotations at run
time.)
"""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from outreach_app.server.account_routes import client_address
from outreach_app.server.edge import refusals
from outreach_app.server.prefix_desk import PrefixDesk
from outreach_app.server.store.store import Session
from outreach_app.server.sync_server import SyncServer
from outreach_app.sync.prefix_protocol import PrefixAnswer, PrefixRequest


def prefix_router(server: SyncServer, session: Callable[..., Session]) -> APIRouter:
    """`session`: the app's dependency that turns the request's token into a Session."""
    router = APIRouter(prefix="/v1")
    desk = PrefixDesk(server)

    @router.post(
        "/receipt-prefix",
        summary="Reserve this device's receipt prefix, or be assigned one (unique server-wide)",
        responses=refusals(401, 403, 409, 426),
    )
    def reserve(
        request: PrefixRequest, http: Request, who: Annotated[Session, Depends(session)]
    ) -> PrefixAnswer:
        return desk.reserve(who, request, client_address(http))

    return router

"""HTTP endpoints for tokens and devices (an APIRouter that server/app.py includes): a laptop
renews its token before it expires; branch staff list their branch's devices and revoke or
enable one.

(No `from __future__ import annotations`: FastAPI reads the handlers' annotations at run
time.)
"""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request

from outreach_app.server.devices import DeviceDesk
from outreach_app.server.store.store import Session
from outreach_app.server.sync_server import SyncServer
from outreach_app.sync.account_protocol import DeviceAction, DeviceInfo, TokenRenewal
from outreach_app.sync.wire_types import KnownDeviceId, Username

# Typed like every other field at the edge: no NUL or lone surrogate reaches a query (on
# PostgreSQL a NUL in a query parameter is a server error). Ids from before device ids were
# UUIDs are still accepted here, so staff can revoke an old laptop.
DeviceId = Annotated[KnownDeviceId, Path()]


def client_address(request: Request) -> str | None:
    """The TCP peer's address (see throttle.py about reverse proxies)."""
    return request.client.host if request.client else None


def bearer(authorization: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def account_router(server: SyncServer, session: Callable[..., Session]) -> APIRouter:
    """`session`: the app's dependency that turns the request's token into a Session.
    (Renewal is defined last, so a client walking the API in order uses its token first.)"""
    router = APIRouter(prefix="/v1")
    desk = DeviceDesk(server.store, server.accounts)

    @router.get("/devices", summary="The devices of the branch's accounts (staff)")
    def devices(
        request: Request,
        who: Annotated[Session, Depends(session)],
        user: Annotated[Username | None, Query()] = None,
    ) -> list[DeviceInfo]:
        return desk.devices(who, user, client_address(request))

    @router.post(
        "/devices/{device_id}/revoke",
        summary="Revoke a device: its tokens stop, no account signs in on it (staff)",
    )
    def revoke(
        request: Request, device_id: DeviceId, who: Annotated[Session, Depends(session)]
    ) -> DeviceAction:
        return desk.revoke(who, device_id, client_address(request))

    @router.post("/devices/{device_id}/enable", summary="Enable a revoked device again (staff)")
    def enable(
        request: Request, device_id: DeviceId, who: Annotated[Session, Depends(session)]
    ) -> DeviceAction:
        return desk.enable(who, device_id, client_address(request))

    @router.post(
        "/token/renew",
        summary="Trade a live token for a new one (the one sent stops working)",
    )
    def renew(
        request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> TokenRenewal:
        return server.accounts.renew(bearer(authorization), client_address(request))

    return router

"""The HTTP API of the branch sync server, versioned under /v1 and described by /openapi.json.

(No `from __future__ import annotations` here: FastAPI reads the handlers' annotations at
run time, and the dependency functions are local to create_app.)

Requests may be gzip-compressed (`Content-Encoding: gzip`, as laptops send their pushes over
2G); answers larger than a kilobyte are compressed when the client accepts it (level 6: level
9 made a pull page 2% smaller for three times the work). Before any of that, `edge.py` bounds
every request as it is read (body, URL, headers) and answers every refusal with a reason;
the request models (`sync/wire_types.py`) type and bound every field.

The handlers are plain functions run on a thread pool, so a slow database never stalls the
event loop. Push and pull answers are serialized once by their own model and handed over as
they are (FastAPI would otherwise turn a 500-change page into dicts, validate them again and
then serialize them); the models still describe them in the OpenAPI document.
"""

import gzip
from typing import Annotated

from fastapi import Body, Depends, FastAPI, Path, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

import outreach_app
from outreach_app.server.account_routes import account_router, client_address
from outreach_app.server.device_forks import fork_device
from outreach_app.server.duplicate_reviews import DuplicateReviews
from outreach_app.server.edge import RequestLimits, install_refusals, refusals
from outreach_app.server.prefix_routes import prefix_router
from outreach_app.server.reference_publishing import ReferenceFolderError, ReferencePublisher
from outreach_app.server.store.store import Session
from outreach_app.server.sync_server import SyncRefused, SyncServer
from outreach_app.sync.bundle import BundleError, new_signing_key, pack_signed
from outreach_app.sync.devices import ForkRequest, ForkResponse
from outreach_app.sync.protocol import (
    PULL_PAGE,
    DuplicateReview,
    PullResponse,
    PushRequest,
    PushResponse,
    ResolveRequest,
    ResolveResponse,
    ServerInfo,
    SignInRequest,
    SignInResponse,
)

MAX_CURSOR = 2**63 - 1  # a database integer: larger ones are refused, not overflowed


def create_app(
    server: SyncServer,
    reviews: DuplicateReviews | None = None,
    reference: ReferencePublisher | None = None,
) -> FastAPI:
    """`reviews`: the duplicate-review desk (by default on the sync server's own store);
    `reference`: the branch's reference tables for laptops (none: an empty set)."""
    desk = reviews or DuplicateReviews(server.store)
    app = FastAPI(
        title="Perisai Outreach sync server",
        version=outreach_app.__version__,
        description="Offline-first sync for Perisai Outreach laptops: push, then pull.",
        responses=refusals(400, 413, 414, 422, 431),  # any request (outreach_app/server/edge.py)
    )
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(RequestLimits)
    install_refusals(app)
    bearer = HTTPBearer(auto_error=False, description="the token from POST /v1/sign-in")
    signed_in = refusals(401, 403)

    @app.exception_handler(SyncRefused)
    def refused(_request: Request, exc: SyncRefused) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status, headers=exc.headers)

    def session(
        http: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Session:
        token = credentials.credentials.strip() if credentials else None
        return server.session(token, client_address(http))

    @app.get("/v1/info")
    def info() -> ServerInfo:
        return ServerInfo()

    @app.post("/v1/sign-in", responses=refusals(401, 403, 426, 429))
    def sign_in(request: SignInRequest, http: Request) -> SignInResponse:
        return server.sign_in(request, client_address(http))

    @app.post(
        "/v1/devices/fork",
        summary="A new device id and token for this account (a laptop restored or copied)",
        responses={**signed_in, **refusals(426)},
    )
    def fork(request: ForkRequest, who: Annotated[Session, Depends(session)]) -> ForkResponse:
        return fork_device(server, who, request)

    @app.post("/v1/push", response_model=PushResponse, responses={**signed_in, **refusals(426)})
    def push(request: PushRequest, who: Annotated[Session, Depends(session)]) -> Response:
        return _serialized(server.push(who, request))

    @app.get("/v1/pull", response_model=PullResponse, responses=signed_in)
    def pull(
        who: Annotated[Session, Depends(session)],
        cursor: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=PULL_PAGE)] = PULL_PAGE,
    ) -> Response:
        return _serialized(server.pull(who, cursor, limit))

    @app.post(
        "/v1/bundle",
        response_class=Response,
        responses={200: {"content": {"application/octet-stream": {}}}, **signed_in},
        summary="Apply an agent's sync bundle (staff only) and get the answer bundle",
    )
    def bundle(request_body: Annotated[bytes, Body(media_type="application/octet-stream")],
               who: Annotated[Session, Depends(session)], http: Request) -> Response:  # fmt: skip
        try:
            answer, _summary = server.import_bundle(request_body, who, client_address(http))
        except BundleError as exc:
            raise SyncRefused(str(exc), 400) from exc
        return Response(answer, media_type="application/octet-stream")

    @app.get("/v1/duplicate-reviews", summary="The branch's open duplicate reviews (staff)",
             responses=signed_in)  # fmt: skip
    def open_reviews(who: Annotated[Session, Depends(session)]) -> list[DuplicateReview]:
        return desk.open_reviews(who)

    @app.post(
        "/v1/duplicate-reviews/{review_id}/resolve",
        responses={**signed_in, **refusals(404, 409)},
        summary="Keep one record of a duplicate pair and merge the other into it (staff)",
    )
    def resolve(
        review_id: Annotated[int, Path(ge=1, le=MAX_CURSOR)],
        request: ResolveRequest,
        who: Annotated[Session, Depends(session)],
    ) -> ResolveResponse:
        return desk.resolve(who, review_id, request.keep_row_id)

    @app.get(
        "/v1/reference",
        response_class=Response,
        responses={200: {"content": {"application/octet-stream": {}}}, **signed_in},
        summary="The branch's reference tables (rates, incentive rules, regions), signed",
    )
    def reference_tables(who: Annotated[Session, Depends(session)]) -> Response:
        private_key, _public = server.store.signing_key(new_signing_key)
        if reference is None:
            document = pack_signed({"kind": "reference", "files": {}}, private_key)
        else:
            try:
                document = reference.package(private_key)
            except ReferenceFolderError as exc:
                raise SyncRefused(str(exc), 500) from exc
        return Response(document, media_type="application/octet-stream")

    app.include_router(account_router(server, session))
    app.include_router(prefix_router(server, session))
    return app


def _serialized(answer: BaseModel) -> Response:
    return Response(answer.model_dump_json(), media_type="application/json")


def gzip_body(data: bytes) -> bytes:
    """For clients and tests: a request body as the server accepts it compressed."""
    return gzip.compress(data, compresslevel=6)

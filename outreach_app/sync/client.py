"""The laptop's HTTP client for the sync server: gzip pushes, paged pulls, retries with backoff.

Errors come in two kinds the app treats differently: `SyncUnavailable` (no signal, a timeout,
the server busy or down: try again later, nothing is lost) and `SyncDenied` (the token was
revoked, the password is wrong, the app is too old: the user must act), each with a message
in plain Indonesian (sync/errors.py).

Every client checks its address and trusts its server as `ServerTrust` says (sync/tls.py):
plain http:// only to this machine, a pinned certificate or a public CA's over https. A
certificate that fails is refused at once, not retried as a lost signal.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from outreach_app.sync.account_protocol import TokenRenewal
from outreach_app.sync.devices import ForkRequest, ForkResponse
from outreach_app.sync.errors import SyncDenied, SyncUnavailable, UntrustedServer
from outreach_app.sync.prefix_protocol import PrefixAnswer, PrefixRequest
from outreach_app.sync.protocol import (
    PULL_PAGE,
    DuplicateReview,
    PullResponse,
    PushRequest,
    PushResponse,
    ResolveRequest,
    ResolveResponse,
    ReviewList,
    ServerInfo,
    SignInRequest,
    SignInResponse,
)
from outreach_app.sync.tls import (
    NO_PIN,
    ServerTrust,
    check_address,
    refusal,
    ssl_context,
    verification_failure,
)

__all__ = ["SyncClient", "SyncDenied", "SyncUnavailable", "UntrustedServer"]

M = TypeVar("M", bound=BaseModel)
RETRY_DELAYS = (0.5, 1.5, 4.0)  # seconds between attempts: short, for a signal that comes and goes


class SyncClient:
    """`trust`: checked before anything else, so a refused address never opens a socket."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        trust: ServerTrust = NO_PIN,
    ) -> None:
        check_address(base_url, trust.allow_plain_http)
        try:  # and as httpx reads it, should the two parsers ever disagree on the host
            check_address(str(httpx.URL(base_url)), trust.allow_plain_http)
        except httpx.InvalidURL as exc:
            raise UntrustedServer(f"Alamat server {base_url!r} tidak dikenali.") from exc
        self.base_url = base_url.rstrip("/")
        self._trust = trust
        self._token = token
        self._sleep = sleep
        self._http = httpx.Client(
            base_url=self.base_url, timeout=timeout, transport=transport,
            headers={"Accept-Encoding": "gzip"}, verify=ssl_context(trust),
        )  # fmt: skip

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def info(self) -> ServerInfo:
        return self._call("GET", "/v1/info", ServerInfo)

    def sign_in(self, request: SignInRequest) -> SignInResponse:
        answer = self._call("POST", "/v1/sign-in", SignInResponse, body=request)
        self._token = answer.token
        return answer

    def renew_token(self) -> TokenRenewal:
        """Trades this client's token for a new one (the old one stops working at once) and
        goes on with the new one."""
        answer = self._call("POST", "/v1/token/renew", TokenRenewal)
        self._token = answer.token
        return answer

    def fork_device(self, request: ForkRequest) -> ForkResponse:
        """A new device id of this account (the laptop went back in time); this client uses
        the new token from now on."""
        answer = self._call("POST", "/v1/devices/fork", ForkResponse, body=request)
        self._token = answer.token
        return answer

    def reserve_prefix(self, request: PrefixRequest) -> PrefixAnswer:
        """Reserves this device's receipt prefix, or has one assigned (prefix None); a
        prefix another device holds is refused (409) with the reason."""
        return self._call("POST", "/v1/receipt-prefix", PrefixAnswer, body=request)

    def push(self, request: PushRequest) -> PushResponse:
        return self._call("POST", "/v1/push", PushResponse, body=request, compress=True)

    def duplicate_reviews(self) -> list[DuplicateReview]:
        """The branch's open duplicate reviews (staff only)."""
        return self._call("GET", "/v1/duplicate-reviews", ReviewList).root

    def resolve_review(self, review_id: int, keep_row_id: str) -> ResolveResponse:
        return self._call(
            "POST", f"/v1/duplicate-reviews/{int(review_id)}/resolve", ResolveResponse,
            body=ResolveRequest(keep_row_id=keep_row_id),
        )  # fmt: skip

    def pull(self, cursor: int, limit: int = PULL_PAGE) -> PullResponse:
        return self._call(
            "GET", "/v1/pull", PullResponse, params={"cursor": cursor, "limit": limit}
        )

    def bundle(self, data: bytes) -> bytes:
        """Uploads an agent's bundle for the branch (a staff token) and returns the answer
        bundle. Sending it again after a lost reply is harmless: the server keeps (device,
        seq) unique, so a retry only gets the same answer."""
        response = self._send(
            "POST", "/v1/bundle", data, {"Content-Type": "application/octet-stream"}
        )
        return response.content

    def reference(self) -> bytes:
        """The branch's reference tables as the server signed them (GET /v1/reference)."""
        return self._send("GET", "/v1/reference", None, {}).content

    def _call(
        self,
        method: str,
        path: str,
        answer: type[M],
        body: BaseModel | None = None,
        params: dict[str, int] | None = None,
        compress: bool = False,
    ) -> M:
        headers: dict[str, str] = {}
        content = None
        if body is not None:
            content = body.model_dump_json().encode("utf-8")
            headers["Content-Type"] = "application/json"
            if compress:
                # 9: on a push batch about 1% smaller than 6, for a few ms on this thread
                content = gzip.compress(content, compresslevel=9)
                headers["Content-Encoding"] = "gzip"
        response = self._send(method, path, content, headers, params)
        try:
            return answer.model_validate_json(response.content)
        except ValidationError as exc:
            raise SyncUnavailable(f"Jawaban server tidak bisa dibaca: {exc}") from exc

    def _send(
        self,
        method: str,
        path: str,
        content: bytes | None,
        headers: dict[str, str],
        params: dict[str, int] | None = None,
    ) -> httpx.Response:
        """One request with the token, retried with backoff while the server cannot be
        reached or is busy; a refusal is raised at once."""
        if self._token:
            headers = {**headers, "Authorization": f"Bearer {self._token}"}
        last_error = ""
        for attempt, delay in enumerate((0.0, *RETRY_DELAYS)):
            if attempt:
                self._sleep(delay)
            try:
                response = self._http.request(
                    method, path, content=content, params=params, headers=headers
                )
            except httpx.TransportError as exc:
                if (failure := verification_failure(exc)) is not None:
                    raise UntrustedServer(refusal(self.base_url, self._trust, failure)) from exc
                last_error = f"server tidak terjangkau ({type(exc).__name__})"
                continue
            if response.status_code == 429 and _asks_to_wait(response) > RETRY_DELAYS[-1]:
                raise _refusal(response)  # wrong passwords: waiting here would not help
            if response.status_code in (429, 502, 503, 504):
                last_error = f"server sibuk (HTTP {response.status_code})"
                continue
            if response.status_code >= 400:
                raise _refusal(response)
            return response
        raise SyncUnavailable(
            f"Sinkronisasi belum bisa: {last_error}. Data tetap aman di laptop; coba lagi saat "
            "ada sinyal."
        )


def _asks_to_wait(response: httpx.Response) -> float:
    """The seconds of the answer's Retry-After (0 when it says none)."""
    try:
        return float(response.headers.get("Retry-After", "0"))
    except ValueError:
        return 0.0


def _refusal(response: httpx.Response) -> Exception:
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    message = detail if isinstance(detail, str) else f"server menolak (HTTP {response.status_code})"
    if response.status_code >= 500:
        return SyncUnavailable(f"Server bermasalah: {message}. Coba lagi nanti.")
    return SyncDenied(message, response.status_code)

"""The laptop's HTTP client: retries with backoff on a flaky link, clear errors, gzip pushes."""

from __future__ import annotations

import gzip
import json

import httpx
import pytest

from outreach_app.sync.client import RETRY_DELAYS, SyncClient, SyncDenied, SyncUnavailable
from outreach_app.sync.protocol import PushRequest

DEVICE = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"  # a laptop's id, as laptops make them


def client_with(handler, slept: list[float]) -> SyncClient:
    return SyncClient("http://localhost", token="t", transport=httpx.MockTransport(handler),
                      sleep=slept.append)  # fmt: skip


def test_a_flaky_link_is_retried_with_growing_waits() -> None:
    page = {"changes": [], "cursor": 7, "more": False}
    answers = iter([httpx.ConnectError("no signal"), httpx.Response(503),
                    httpx.Response(200, json=page)])  # fmt: skip

    def handler(request: httpx.Request) -> httpx.Response:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    slept: list[float] = []
    page = client_with(handler, slept).pull(5)
    assert page.cursor == 7
    assert slept == list(RETRY_DELAYS[:2])


def test_no_signal_at_all_says_so_and_that_nothing_is_lost() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out")

    slept: list[float] = []
    with pytest.raises(SyncUnavailable, match="aman di laptop"):
        client_with(handler, slept).pull(0)
    assert len(slept) == len(RETRY_DELAYS)


def test_refusals_are_not_retried_and_carry_the_servers_words() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(401, json={"detail": "Tanda masuk tidak sah atau sudah dicabut"})

    with pytest.raises(SyncDenied) as refused:
        client_with(handler, []).pull(0)
    assert refused.value.status == 401 and "dicabut" in str(refused.value)
    assert len(calls) == 1


def test_pushes_travel_gzip_compressed_with_the_token() -> None:
    seen: dict[str, object] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["encoding"] = request.headers.get("content-encoding")
        seen["auth"] = request.headers.get("authorization")
        seen["body"] = json.loads(gzip.decompress(request.content))
        return httpx.Response(200, json={"results": []})

    client_with(handler, []).push(PushRequest(device_id=DEVICE))
    assert seen["encoding"] == "gzip" and seen["auth"] == "Bearer t"
    assert seen["body"] == {"protocol": 1, "device_id": DEVICE, "groups": []}


def test_an_unreadable_answer_is_a_temporary_failure() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>captive portal</html>")

    with pytest.raises(SyncUnavailable, match="tidak bisa dibaca"):
        client_with(handler, []).pull(0)


def test_a_bundle_travels_as_it_is_with_the_token_and_comes_back_as_bytes() -> None:
    seen: dict[str, object] = {}
    answers = iter([httpx.Response(503), httpx.Response(200, content=b"\x1f\x8banswer")])

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(type=request.headers.get("content-type"), body=request.content,
                    auth=request.headers.get("authorization"), path=request.url.path)  # fmt: skip
        return next(answers)

    slept: list[float] = []
    assert client_with(handler, slept).bundle(b"\x1f\x8bbundle") == b"\x1f\x8banswer"
    assert seen == {"type": "application/octet-stream", "body": b"\x1f\x8bbundle",
                    "auth": "Bearer t", "path": "/v1/bundle"}  # fmt: skip
    assert slept == [RETRY_DELAYS[0]]  # busy once, then answered


def test_a_refused_bundle_carries_the_servers_words() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"detail": "Hanya staf cabang itu sendiri."})

    with pytest.raises(SyncDenied, match="Hanya staf") as refused:
        client_with(handler, []).bundle(b"x")
    assert refused.value.status == 403

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route")

    with pytest.raises(SyncUnavailable, match="tidak terjangkau"):
        client_with(unreachable, []).bundle(b"x")

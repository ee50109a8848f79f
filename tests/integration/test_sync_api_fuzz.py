"""The sync server's API fuzzed from its own OpenAPI document (schemathesis), on both stores:
whatever a client sends - well formed or not, signed in or not - the answer is never a server
error (5xx); bad input gets a 4xx with a reason.

schemathesis puts NULs in its strings (PostgreSQL refuses them: the old server answered a NUL
in a sign-in name with a 500) but never a lone surrogate, which no UTF-8 body can carry but
an ASCII-escaped JSON one can (`"\ud800"`): each JSON body is also sent with one appended to
every string in it. `OUTREACH_FUZZ_EXAMPLES` sets the examples per operation (a long run by
hand: 300); the requests sent are counted and printed."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.integration.sync_world import (
    PASSWORDS,
    ServerProcess,
    laptop,
    seed_branch,
    store_url,
)

FUZZ_EXAMPLES = int(os.environ.get("OUTREACH_FUZZ_EXAMPLES", "120"))  # ~2,000 requests a store


@pytest.fixture(params=["sqlite", "postgresql"])
def running(request: pytest.FixtureRequest, tmp_path: Path):
    server = ServerProcess(tmp_path, store_url(request.param, tmp_path))
    server.add_user("staf.maluku", "staff")
    server.start()
    office = laptop(tmp_path, "kantor")
    seed_branch(office)
    office.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
    office.sync.sync()  # real rows on the server, so updates and pulls have something to hit
    token = office.store.local_setting("sync_token")
    office.store.close()
    yield server, token
    server.stop()


def operations(url: str) -> list:
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


def test_no_input_makes_the_server_fail(running) -> None:
    """Every operation, with generated input (within the schema and outside it), signed in
    and not: never a 5xx, and every refusal says why. (Driven by hypothesis directly:
    schemathesis's own pytest plugin does not run under this pytest.)"""
    server, token = running
    found = operations(server.url)
    assert {op.label for op in found} >= {"POST /v1/push", "GET /v1/pull", "POST /v1/sign-in"}

    sent: Counter[int] = Counter()
    for operation in found:
        fuzz(operation, server.url, token, sent)
    print(f"\nfuzz: {sum(sent.values())} requests, by status {dict(sorted(sent.items()))}")
    assert not any(status >= 500 for status in sent)


def with_surrogates(value: Any) -> Any:
    """Every string in a JSON value with a lone surrogate appended (keys too)."""
    if isinstance(value, str):
        return value + "\ud800"
    if isinstance(value, list):
        return [with_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {with_surrogates(k): with_surrogates(v) for k, v in value.items()}
    return value


def fuzz(operation, url: str, token: str, sent: Counter[int]) -> None:
    """One operation: generated cases, signed in and not, and with lone surrogates."""

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=operation.as_strategy())
    def check(case) -> None:
        for headers in ({"Authorization": f"Bearer {token}"}, {}):
            response = case.call(base_url=url, headers=headers)
            sent[response.status_code] += 1
            case.validate_response(response, checks=[not_a_server_error])
            if response.status_code >= 400:
                assert response.json().get("detail"), (operation.label, response.text)
        if case.media_type == "application/json" and case.body is not None:
            body = json.dumps(with_surrogates(case.body)).encode()  # ASCII: \ud800 escaped
            answer = httpx.request(
                case.method, f"{url}{case.formatted_path}", params=case.query, content=body,
                headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
            )  # fmt: skip
            sent[answer.status_code] += 1
            assert answer.status_code < 500, (operation.label, body, answer.text)
            if answer.status_code >= 400:
                assert answer.json().get("detail"), (operation.label, answer.text)

    check()


def test_garbage_bodies_get_4xx_with_a_reason(running) -> None:
    server, token = running
    auth = {"Authorization": f"Bearer {token}"}
    cases = [
        ("/v1/push", b"\x1f\x8b\x08\x00not really gzip", {"Content-Encoding": "gzip"}),
        ("/v1/push", b'{"device_id": 5, "changes": "no"}', {}),
        ("/v1/bundle", b"not a bundle", {"Content-Type": "application/octet-stream"}),
        ("/v1/sign-in", b"[]", {}),
    ]
    for path, body, headers in cases:
        sent = {"Content-Type": "application/json", **auth, **headers}
        answer = httpx.post(f"{server.url}{path}", content=body, headers=sent)
        assert 400 <= answer.status_code < 500, (path, answer.status_code, answer.text)
        assert answer.json()["detail"], path

"""Hostile input at the server's edge (issue 13), against a real `outreach serve` process on
both stores: every breach found on the old code, each answered now with a 4xx and a reason,
never a 500, and none able to grow the server or stall its other clients.

- A NUL or a lone surrogate in each kind of string (sign-in, push, resolve, bundle, query).
- An object or a list where an id or a scalar value belongs.
- Numbers that no column holds (NaN, 2**70, ten thousand digits), JSON nested past the stack.
- Bodies: 50 MB plain (declared, and chunked with no length), a lying Content-Length, a gzip
  bomb; refused while read, the server's memory flat.
- A 60 KB URL (the log scrubber took 9 s over it on the event loop) answered at once while a
  second client is served; a 1 MB URL and oversized headers refused.
"""

from __future__ import annotations

import gzip
import json
import select
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from outreach_app.domain.ids import uuid7
from outreach_app.sync.bundle import FORMAT, NOTICE, VERSION, new_signing_key, pack_signed
from outreach_app.sync.protocol import Change, PushRequest
from tests.integration.sync_world import PASSWORDS, ServerProcess, laptop, seed_branch, store_url

NUL, SURROGATE = "\x00", "\ud800"
BAD_TEXT = pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "surrogate"])
MB = 1024 * 1024


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """One server per store for the whole module: nothing here is accepted, so the tests
    cannot disturb one another (and 40 server starts would cost minutes)."""
    folder = tmp_path_factory.mktemp(request.param)
    running = ServerProcess(folder, store_url(request.param, folder))
    running.add_users_here(("staf.maluku", "staff"), ("agen.saumlaki", "agent"))
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def tokens(server: ServerProcess) -> dict[str, str]:
    """A signed-in staff member and agent, each on a laptop of its own (by device id)."""
    found = {}
    for username in ("staf.maluku", "agen.saumlaki"):
        device = uuid7()
        answer = httpx.post(f"{server.url}/v1/sign-in", json={
            "username": username, "password": PASSWORDS[username], "device_id": device,
            "device_name": "laptop uji"})  # fmt: skip
        assert answer.status_code == 200, answer.text
        found[username] = answer.json()["token"]
        found[f"{username}:device"] = device
    return found


def send(server: ServerProcess, method: str, path: str, body: Any = None,
         token: str | None = None, raw: bytes | None = None) -> httpx.Response:  # fmt: skip
    """JSON written with ASCII escapes, so a lone surrogate travels as `\\ud800` (as a
    hostile client would send it; httpx's own JSON encoding cannot carry one)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    content = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    return httpx.request(method, f"{server.url}{path}", content=content, headers=headers,
                         timeout=30)  # fmt: skip


def refused(answer: httpx.Response, *statuses: int) -> None:
    assert answer.status_code in (statuses or (400, 422)), (answer.status_code, answer.text)
    detail = answer.json()["detail"]
    assert isinstance(detail, str) and detail


def a_push(device: str) -> dict[str, Any]:
    """A well-formed push of one participant update (the rules would judge it; the edge
    must refuse each hostile variant before they do)."""
    change = Change.model_construct(
        device_id=device, seq=1, table="participants", row_id=uuid7(), op="update",
        fields={"phone": "0812", "village_id": uuid7()}, hlc="1795254011601-0000",
    )  # fmt: skip
    return PushRequest.of(device, [change]).model_dump(mode="json")


def with_row_ids(body: dict[str, Any], ids: list[Any]) -> dict[str, Any]:
    group = body["groups"][0]
    group.update(row_ids=ids, uuid_ms=None, uuid_tails=None)
    return body


def push_variants(device: str, bad: Any, as_text: bool) -> dict[str, dict[str, Any]]:
    """The push with `bad` in each place: appended to the text there (`as_text`) or instead of
    it (an object or a list)."""

    def put(text: str) -> Any:
        return text + bad if as_text else bad

    variants: dict[str, dict[str, Any]] = {}
    body = a_push(device)
    body["device_id"] = put(device)
    variants["device_id"] = body
    body = a_push(device)
    body["groups"][0]["table"] = put("participants")
    variants["table"] = body
    body = a_push(device)
    body["groups"][0]["op"] = put("update")
    variants["op"] = body
    body = a_push(device)
    body["groups"][0]["fields"][0] = put(body["groups"][0]["fields"][0])
    variants["field name"] = body
    body = a_push(device)
    variants["row id"] = with_row_ids(body, [put(uuid7())])
    body = a_push(device)
    body["groups"][0]["uuid_tails"] = put(body["groups"][0]["uuid_tails"])
    variants["uuid tails"] = body
    for name in ("phone", "village_id"):  # a value, and a value that is an id
        body = a_push(device)
        index = body["groups"][0]["fields"].index(name)
        column = body["groups"][0]["columns"][index]
        column[0] = put(column[0])
        variants[f"{name} value"] = body
    return variants


@BAD_TEXT
def test_sign_in_refuses_a_nul_or_surrogate_in_any_field(server: ServerProcess, bad: str) -> None:
    """No token needed: on PostgreSQL a NUL in the user name or device reached the database
    (500)."""
    good = {"username": "agen.saumlaki", "password": PASSWORDS["agen.saumlaki"],
            "device_id": uuid7(), "device_name": "laptop"}  # fmt: skip
    for field in good:
        refused(send(server, "POST", "/v1/sign-in", {**good, field: good[field] + bad}), 422)
    refused(send(server, "POST", "/v1/sign-in", {**good, "device_id": "server-MAL"}), 422)


@BAD_TEXT
def test_a_push_refuses_a_nul_or_surrogate_in_any_string(
    server: ServerProcess, tokens: dict[str, str], bad: str
) -> None:
    device, token = tokens["agen.saumlaki:device"], tokens["agen.saumlaki"]
    assert send(server, "POST", "/v1/push", a_push(device), token).status_code == 200
    for where, body in push_variants(device, bad, as_text=True).items():
        answer = send(server, "POST", "/v1/push", body, token)
        assert answer.status_code == 422, (where, answer.status_code, answer.text)
        refused(answer, 422)


@pytest.mark.parametrize("bad", [{"a": 1}, [1], [], {}], ids=["object", "list", "[]", "{}"])
def test_objects_and_lists_are_refused_where_ids_and_values_belong(
    server: ServerProcess, tokens: dict[str, str], bad: Any
) -> None:
    device, token = tokens["agen.saumlaki:device"], tokens["agen.saumlaki"]
    for where, body in push_variants(device, bad, as_text=False).items():
        answer = send(server, "POST", "/v1/push", body, token)
        assert answer.status_code == 422, (where, answer.status_code, answer.text)
        refused(answer, 422)
    good = {"username": "agen.saumlaki", "password": "x", "device_id": uuid7(),
            "device_name": "laptop"}  # fmt: skip
    for field in good:
        refused(send(server, "POST", "/v1/sign-in", {**good, field: bad}), 422)
    staff = tokens["staf.maluku"]
    refused(send(server, "POST", "/v1/duplicate-reviews/1/resolve", {"keep_row_id": bad}, staff))


@pytest.mark.parametrize(
    "value", ["NaN", "Infinity", "-Infinity", str(2**70), "1" * 10_000, "[" * 100_000],
    ids=["nan", "inf", "-inf", "2**70", "10k digits", "nested"],
)  # fmt: skip
def test_numbers_no_column_holds_are_refused(
    server: ServerProcess, tokens: dict[str, str], value: str
) -> None:
    device, token = tokens["agen.saumlaki:device"], tokens["agen.saumlaki"]
    text = json.dumps(a_push(device)).replace('"0812"', value, 1)
    refused(send(server, "POST", "/v1/push", raw=text.encode(), token=token))


@BAD_TEXT
def test_resolve_and_queries_refuse_a_nul_or_surrogate(
    server: ServerProcess, tokens: dict[str, str], bad: str
) -> None:
    staff = tokens["staf.maluku"]
    answer = send(server, "POST", "/v1/duplicate-reviews/1/resolve", {"keep_row_id": uuid7() + bad},
                  staff)  # fmt: skip
    refused(answer, 422)
    quoted = "%00" if bad == NUL else "%ED%A0%80"  # the surrogate's UTF-8-like bytes
    for path in (f"/v1/pull?cursor={quoted}", f"/v1/pull?limit=1{quoted}",
                 f"/v1/duplicate-reviews/{quoted}/resolve"):  # fmt: skip
        method = "POST" if path.endswith("resolve") else "GET"
        refused(send(server, method, path, {"keep_row_id": uuid7()}, staff), 422)
    # text parameters (a NUL in one was a 500 on PostgreSQL); invalid UTF-8 in a URL is
    # decoded with replacement characters, so the surrogate's bytes are a name like any other
    for path in (f"/v1/devices?user=a{quoted}", f"/v1/devices/a{quoted}/revoke",
                 f"/v1/devices/a{quoted}/enable"):  # fmt: skip
        answer = send(server, "GET" if "?" in path else "POST", path, {}, staff)
        if bad == NUL:
            refused(answer, 422)
        else:
            assert answer.status_code in (200, 404), answer.text


def bundle_bytes(body: dict[str, Any]) -> bytes:
    """A signed bundle, written with ASCII escapes so it can carry a lone surrogate."""
    packed = json.loads(gzip.decompress(pack_signed({"kind": "changes"}, new_signing_key()[0])))
    packed["body"] = body
    assert packed["format"] == FORMAT and packed["version"] == VERSION and NOTICE
    return gzip.compress(json.dumps(packed).encode())


def signed_bundle(body: dict[str, Any]) -> bytes:
    """Signed for real: the hostile JSON is past the signature check (NUL can be signed)."""
    return pack_signed(body, new_signing_key()[0])


@pytest.mark.parametrize("bad", [NUL, SURROGATE, {"a": 1}, [1]],
                         ids=["nul", "surrogate", "object", "list"])  # fmt: skip
def test_a_bundle_refuses_hostile_json_in_any_field(
    server: ServerProcess, tokens: dict[str, str], bad: Any
) -> None:
    """The bundle's JSON is the sender's to write: typed like a push (`int(cursor)` and a
    NUL in the user name reached the code and the database before)."""
    staff, device = tokens["staf.maluku"], uuid7()
    change = {
        "device_id": device,
        "seq": 1,
        "table": "participants",
        "row_id": uuid7(),
        "op": "insert",
        "fields": {"phone": "0812"},
        "hlc": "1795254011601-0000",
    }
    good = {"kind": "changes", "username": "agen.saumlaki", "device_id": device,
            "device_name": "laptop", "cursor": 0, "changes": [change]}  # fmt: skip

    def put(text: Any) -> Any:
        return text + bad if isinstance(bad, str) and isinstance(text, str) else bad

    variants = [{**good, key: put(good[key])} for key in ("username", "device_id", "device_name",
                                                          "cursor")]  # fmt: skip
    variants += [{**good, "changes": [{**change, key: put(change[key])}]}
                 for key in ("device_id", "table", "row_id", "op", "hlc", "seq")]  # fmt: skip
    variants.append({**good, "changes": [{**change, "fields": {"phone": put("0812")}}]})
    if isinstance(bad, str):
        variants.append({**good, "changes": [{**change, "fields": {put("phone"): "0812"}}]})
    variants.append({**good, "changes": put("x")})
    for body in variants:
        content = signed_bundle(body) if bad != SURROGATE else bundle_bytes(body)
        answer = httpx.post(f"{server.url}/v1/bundle", content=content, timeout=30,
                            headers={"Authorization": f"Bearer {staff}",
                                     "Content-Type": "application/octet-stream"})  # fmt: skip
        refused(answer, 400)
    packed = signed_bundle(good)
    damaged = packed[:12] + bytes(b ^ 0x55 for b in packed[12:40]) + packed[40:]  # deflate
    for content in (gzip.compress(b"[" * 200_000), damaged):  # nested past the stack; zlib.error
        answer = httpx.post(f"{server.url}/v1/bundle", content=content,
                            headers={"Authorization": f"Bearer {staff}"})  # fmt: skip
        refused(answer, 400)


# --- bodies ---------------------------------------------------------------------------------


def rss_kb(server: ServerProcess) -> int:
    assert server.process is not None
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))


def exchange(server: ServerProcess, head: bytes, chunks: Iterable[bytes]) -> int | None:
    """Sends a request head, then its body a chunk at a time until the server answers (as a
    client that streams would), and returns the answer's status (None: no answer)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(head)
        for chunk in chunks:
            if select.select([sock], [], [], 0)[0]:
                break  # answered before the end of the body
            try:
                sock.sendall(chunk)
            except OSError:  # closed after answering
                break
        data = b""
        try:
            while b"\r\n" not in data:
                part = sock.recv(65536)
                if not part:
                    break
                data += part
        except OSError:
            pass
    if not data.startswith(b"HTTP/1.1 "):
        return None
    return int(data.split(b" ", 2)[1])


def head(path: str, token: str, *extra: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
             f"Authorization: Bearer {token}", *extra, "", ""]  # fmt: skip
    return "\r\n".join(lines).encode()


def plain_chunks(total: int, size: int = 256 * 1024) -> Iterator[bytes]:
    yield b'{"device_id": "' + b"a" * (size - 16)
    for _ in range(total // size - 1):
        yield b"a" * size


def test_a_50_mb_plain_body_is_refused_without_growing_the_server(
    server: ServerProcess, tokens: dict[str, str]
) -> None:
    """Only gzip bodies were bounded: 50 MB of plain JSON were read whole (89 -> 316 MB)."""
    token = tokens["agen.saumlaki"]
    before = rss_kb(server)
    status = exchange(server, head("/v1/push", token, f"Content-Length: {50 * MB}"),
                      plain_chunks(50 * MB))  # fmt: skip
    assert status == 413
    chunked = (b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in plain_chunks(50 * MB))
    status = exchange(server, head("/v1/push", token, "Transfer-Encoding: chunked"), chunked)
    assert status == 413  # no length said: counted as it arrives
    assert rss_kb(server) - before < 30_000, (before, rss_kb(server))
    assert httpx.get(f"{server.url}/v1/info").status_code == 200


def test_a_lying_content_length_and_a_gzip_bomb_change_nothing(
    server: ServerProcess, tokens: dict[str, str]
) -> None:
    token = tokens["agen.saumlaki"]
    before = rss_kb(server)
    status = exchange(server, head("/v1/push", token, "Content-Length: 20"), plain_chunks(20 * MB))
    assert status is not None and 400 <= status < 500
    bomb = gzip.compress(b"[" + b" " * (20 * MB) + b"]")  # 20 MB of nothing, 20 KB sent
    answer = httpx.post(f"{server.url}/v1/push", content=bomb, headers={
        "Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
        "Content-Type": "application/json"})  # fmt: skip
    refused(answer, 413)
    answer = httpx.post(f"{server.url}/v1/push", content=b"{}", headers={
        "Authorization": f"Bearer {token}", "Content-Encoding": "br"})  # fmt: skip
    refused(answer, 400)
    assert rss_kb(server) - before < 30_000, (before, rss_kb(server))


def test_a_chunked_gzip_push_within_the_limit_is_served(
    server: ServerProcess, tokens: dict[str, str]
) -> None:
    """The limit counts what arrives: a streamed body with no length still works."""
    device, token = tokens["agen.saumlaki:device"], tokens["agen.saumlaki"]
    packed = gzip.compress(json.dumps(a_push(device)).encode())

    def pieces() -> Iterator[bytes]:
        for start in range(0, len(packed), 7):
            yield packed[start : start + 7]

    answer = httpx.post(f"{server.url}/v1/push", content=pieces(), headers={
        "Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
        "Content-Type": "application/json"})  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "rejected"  # judged by the rules


# --- the request head -----------------------------------------------------------------------


def test_a_60_kb_url_is_answered_at_once_while_another_client_is_served(
    server: ServerProcess,
) -> None:
    """The old log scrubber spent 9 s on such a URL's access line, on the event loop: every
    other client waited."""
    url = f"{server.url}/v1/info?x=" + "a" * 60_000
    took: dict[str, float] = {}

    def hostile() -> None:
        started = time.monotonic()
        took["status"] = httpx.get(url, timeout=60).status_code
        took["hostile"] = time.monotonic() - started

    thread = threading.Thread(target=hostile)
    thread.start()
    time.sleep(0.3)  # the hostile line is being answered (and logged) now
    started = time.monotonic()
    assert httpx.get(f"{server.url}/v1/info", timeout=60).status_code == 200
    other = time.monotonic() - started
    thread.join(60)
    assert other < 2.0, other
    assert took["status"] == 414 and took["hostile"] < 2.0, took


def test_huge_urls_and_headers_are_refused(server: ServerProcess) -> None:
    target = "/v1/info?x=" + "a" * MB  # longer than httpx will send
    status = exchange(server, f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode(), [])
    assert status is not None and 400 <= status < 500  # uvicorn's own limit on a request head
    many = {f"x-h{n}": "v" for n in range(150)}
    assert httpx.get(f"{server.url}/v1/info", headers=many).status_code == 431
    big = {"x-big": "v" * 20_000}
    assert httpx.get(f"{server.url}/v1/info", headers=big).status_code in (400, 431)
    assert httpx.get(f"{server.url}/v1/info").status_code == 200


def test_the_openapi_document_lists_the_refusals_and_the_bearer_scheme(
    server: ServerProcess,
) -> None:
    """So tools (schemathesis, client generators) know every answer and send the token."""
    spec = httpx.get(f"{server.url}/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    refusal = spec["components"]["schemas"]["Refusal"]
    assert {"detail"} <= set(refusal["properties"]) and refusal["required"] == ["detail"]
    expected = {
        ("post", "/v1/sign-in"): {"400", "401", "403", "413", "422", "426", "429"},
        ("post", "/v1/push"): {"400", "401", "403", "413", "422", "426"},
        ("get", "/v1/pull"): {"400", "401", "403", "413", "422"},
        ("post", "/v1/bundle"): {"400", "401", "403", "413", "422"},
        ("post", "/v1/duplicate-reviews/{review_id}/resolve"): {"401", "403", "409", "422"},
    }
    for (method, path), codes in expected.items():
        operation = spec["paths"][path][method]
        assert codes <= set(operation["responses"]), (path, sorted(operation["responses"]))
        for code in codes:
            schema = operation["responses"][code]["content"]["application/json"]["schema"]
            assert schema["$ref"].endswith("/Refusal"), (path, code)
        if path != "/v1/sign-in":
            assert operation["security"] == [{"HTTPBearer": []}], path


def test_access_lines_are_written_scrubbed_off_the_event_loop(server: ServerProcess) -> None:
    """The log thread writes every line, scrubbed, however hostile the URL."""
    nik = "3171012345678901"
    assert httpx.get(f"{server.url}/v1/info?nik={nik}&x=" + "a@b" * 2_000).status_code == 200
    log = server.folder / "server.log"
    deadline = time.monotonic() + 10
    while "nik=[NIK]" not in log.read_text(errors="replace") and time.monotonic() < deadline:
        time.sleep(0.1)
    text = log.read_text(errors="replace")
    assert "nik=[NIK]" in text and nik not in text


def test_a_laptop_parks_a_change_it_cannot_send_and_sends_the_rest(
    server: ServerProcess, tmp_path: Path
) -> None:
    """A NUL in the laptop's own data (a damaged import) would have the whole batch refused
    (422) at every sync: the laptop parks that change with a reason and sends the rest."""
    office = laptop(tmp_path, "kantor")
    try:
        villages = seed_branch(office)
        office.store.writer.update("villages", villages["Wowonda"], {"name": "Wowonda\x00"})
        office.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
        report = office.sync.sync()
        assert report.rejected == 1 and "NUL" in report.rejections[0], report
        assert report.pushed >= 10  # the branch, its users, villages, payer and visits
        assert office.sync.status().parked == 1
        again = office.sync.sync()
        assert again.rejected == 0 and again.pushed == 0  # parked: not sent again
    finally:
        office.store.close()

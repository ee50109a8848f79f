"""The laptop's address rules and fingerprint reading (sync/tls.py), on hostile spellings:
only this machine may be reached over plain http, whatever way the address is written."""

from __future__ import annotations

import pytest

from outreach_app.sync.errors import PlainHttpRefused, UntrustedServer
from outreach_app.sync.tls import check_address, display_fingerprint, normalize_fingerprint

HEX = "4aef200a69393c80d2d5de78f84a48148eee4ff5968c3630fa4fa3a7d3380f73"


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8750", "http://127.5.6.7", "http://[::1]:8750", "http://localhost:8750",
    "http://LOCALHOST", "http://[::ffff:127.0.0.1]:8750", "https://10.0.0.5:8750",
    "https://cabang.example.id", "HTTPS://10.0.0.5",
])  # fmt: skip
def test_loopback_http_and_any_https_pass(url: str) -> None:
    check_address(url)


@pytest.mark.parametrize("url", [
    "http://10.0.0.5:8750", "http://cabang.example.id", "http://127.0.0.1.nip.io",
    "http://localhost.evil.example", "http://[::ffff:10.0.0.1]", "http://0.0.0.0:8750",
    "http://2130706433", "http://0x7f000001", "http://127.1", "HTTP://10.0.0.5",
    "http://[fe80::1]",
])  # fmt: skip
def test_plain_http_to_anything_else_is_refused(url: str) -> None:
    with pytest.raises(PlainHttpRefused, match="https://"):
        check_address(url)
    check_address(url, allow_plain_http=True)  # testing only, when asked for


@pytest.mark.parametrize("url", [
    "", "10.0.0.5:8750", "ftp://10.0.0.5", "https://", "http://user:sandi@127.0.0.1",
    "https://10.0.0.5:99999", "file:///etc/passwd", "javascript:alert(1)",
])  # fmt: skip
def test_unusable_addresses_are_refused_in_words(url: str) -> None:
    with pytest.raises(UntrustedServer) as refused:
        check_address(url, allow_plain_http=True)
    assert not isinstance(refused.value, PlainHttpRefused) and str(refused.value)


@pytest.mark.parametrize("text", [
    HEX, HEX.upper(), display_fingerprint(HEX), "SHA256:" + display_fingerprint(HEX),
    " sha256 " + HEX + " ", display_fingerprint(HEX).replace(":", " "),
])  # fmt: skip
def test_fingerprints_are_read_as_people_copy_them(text: str) -> None:
    assert normalize_fingerprint(text) == HEX


@pytest.mark.parametrize("text", ["", "12:34", HEX[:-1], HEX + "0", HEX[:-1] + "g", "x" * 64])
def test_anything_else_is_not_a_fingerprint(text: str) -> None:
    with pytest.raises(UntrustedServer, match="64"):
        normalize_fingerprint(text)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1\n@10.0.0.5", "http://127.0.0.1%2f@10.0.0.5", "http://10.0.0.5\\@127.0.0.1",
    "http://10.0.0.5", "http://[::ffff:a00:5]",
])  # fmt: skip
def test_the_client_refuses_before_it_exists(url: str) -> None:
    """SyncClient checks the address as it reads it and as httpx reads it."""
    from outreach_app.sync.client import SyncClient

    with pytest.raises(UntrustedServer):
        SyncClient(url, "token")

"""How the laptop reaches its branch server: over HTTPS to a real `outreach serve --certfile
--keyfile` process with a certificate made as a branch makes it, the certificate pinned by the
fingerprint the branch gives or on first use; a wrong or changed certificate refused before a
token or a change leaves; plain http:// to anything but this machine refused before a socket
is even opened (watched with the interpreter's audit hooks, never by sending traffic)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from outreach_app.server.app import create_app
from outreach_app.server.store.store import ServerStore, open_engine
from outreach_app.server.sync_server import SyncServer
from outreach_app.services.bundles import BundleJobs
from outreach_app.services.duplicates import DuplicateDesk
from outreach_app.services.sync import SyncService
from outreach_app.storage.sync_state import SERVER_KEY, TOKEN_KEY
from outreach_app.sync.client import SyncClient
from outreach_app.sync.errors import PlainHttpRefused, UntrustedServer
from outreach_app.sync.tls import ServerTrust
from tests.factories import make_participant
from tests.integration.sync_world import PASSWORDS, laptop, outreach, seed_branch, store_url
from tests.integration.test_sync_faults import AppTransport
from tests.integration.tls_world import TlsServer, make_cert

NETWORK_EVENTS = ("socket.__new__", "socket.connect", "socket.getaddrinfo", "socket.bind",
                  "socket.gethostbyname", "socket.sendto")  # fmt: skip
_watching: list[list[tuple[str, Any]]] = []


def _audit(event: str, args: Any) -> None:
    if _watching and event in NETWORK_EVENTS:
        _watching[-1].append((event, args))


sys.addaudithook(_audit)  # hooks cannot be removed: it records only inside `sockets()`


@contextmanager
def sockets() -> Iterator[list[tuple[str, Any]]]:
    """Every socket made, resolved or connected by this process while inside."""
    seen: list[tuple[str, Any]] = []
    _watching.append(seen)
    try:
        yield seen
    finally:
        _watching.pop()


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Two branch certificates (folder, fingerprint): the branch's, and another one."""
    folder = tmp_path_factory.mktemp("certs")
    return {name: (folder / name, make_cert(folder / name)) for name in ("branch", "other")}


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path, certs) -> Iterator[TlsServer]:
    running = TlsServer(tmp_path, certs["branch"][0], store_url(request.param, tmp_path))
    running.add_users_here(("staf.maluku", "staff"), ("agen.saumlaki", "agent"))
    running.start()
    yield running
    running.stop()


def test_syncs_over_https_with_the_pinned_self_signed_certificate(
    tmp_path: Path, server: TlsServer, certs
) -> None:
    fingerprint = certs["branch"][1]
    staff = laptop(tmp_path, "kantor")
    villages = seed_branch(staff)
    staff.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"], fingerprint)
    assert staff.sync.certificate_fingerprint() == fingerprint
    report = staff.sync.sync()
    assert report.pushed > 0 and report.rejected == 0

    # an agent signs in on the command line with the fingerprint the branch gave (lower
    # case, no colons: as people copy it) and receives its villages over HTTPS
    agent = laptop(tmp_path, "laptop-sml")
    result = outreach("--db", str(agent.store.path), "sync", "--server", server.url, "--user",
                      "agen.saumlaki", "--fingerprint", fingerprint.replace(":", "").lower(),
                      stdin=PASSWORDS["agen.saumlaki"] + "\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert agent.rows("villages") == staff.rows("villages")
    assert agent.sync.certificate_fingerprint() == fingerprint

    # the other paths to the server are made by the same factory, with the same pin: the
    # duplicate-review queue and a bundle relayed by staff
    assert DuplicateDesk(staff.sync).open_reviews() == []
    agent.setup.set_current_user("agen.saumlaki")
    agent.store.participants.add(make_participant(
        villages["Wowonda"], nik="8103011508950001",
        agent_id=agent.user("agen.saumlaki").stamp.id))  # fmt: skip
    exported = BundleJobs.of(agent.sync).export_to(tmp_path / "agen.bundle", "agen.saumlaki")
    relayed = BundleJobs.of(staff.sync).relay(exported.path)
    assert relayed.accepted >= 1 and relayed.rejected == 0
    assert '"POST /v1/bundle' in server.log()


def test_a_wrong_pin_is_refused_and_no_token_or_change_is_sent(
    tmp_path: Path, server: TlsServer, certs
) -> None:
    staff = laptop(tmp_path, "kantor")
    seed_branch(staff)
    waiting = staff.store.pending_changes()
    mark = server.mark()
    with pytest.raises(UntrustedServer) as refused:
        staff.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"],
                           certs["other"][1])  # fmt: skip
    message = str(refused.value)
    assert "tidak cocok" in message and certs["branch"][1] in message
    assert certs["other"][1] in message and "kantor cabang" in message
    assert server.requests_since(mark) == []  # not even the sign-in reached the server
    assert not staff.sync.signed_in() and staff.store.local_setting(TOKEN_KEY) is None
    assert staff.store.pending_changes() == waiting

    # the command line says the same and asks no password first
    result = outreach("--db", str(staff.store.path), "sync", "--server", server.url, "--user",
                      "staf.maluku", "--fingerprint", "AB" * 31 + "CD",
                      stdin=PASSWORDS["staf.maluku"] + "\n")  # fmt: skip
    assert result.returncode == 1 and "tidak cocok" in result.stderr, result.stderr
    # a fingerprint that is not one is refused before anything
    result = outreach("--db", str(staff.store.path), "sync", "--server", server.url,
                      "--fingerprint", "bukan-sidik-jari", stdin="x\n")  # fmt: skip
    assert result.returncode == 1 and "64 angka heksadesimal" in result.stderr
    assert server.requests_since(mark) == []


def test_trust_on_first_use_pins_and_a_changed_certificate_is_refused(
    tmp_path: Path, server: TlsServer, certs
) -> None:
    branch_print, other_print = certs["branch"][1], certs["other"][1]
    staff = laptop(tmp_path, "kantor")
    villages = seed_branch(staff)
    staff.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])  # no fingerprint
    assert staff.sync.certificate_fingerprint() == branch_print
    assert staff.sync.sync().pushed > 0

    # the command line shows the certificate it trusts from now on
    agent = laptop(tmp_path, "laptop-sml")
    result = outreach("--db", str(agent.store.path), "sync", "--server", server.url, "--user",
                      "agen.saumlaki", stdin=PASSWORDS["agen.saumlaki"] + "\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "belum dikenal" in result.stderr and branch_print in result.stderr
    assert agent.sync.certificate_fingerprint() == branch_print

    # someone in the middle (or a new certificate at the branch): the same address now shows
    # another certificate. The sync is refused in the handshake, before the token.
    staff.store.participants.add(make_participant(villages["Wowonda"], nik="8103011508950002"))
    waiting = staff.store.pending_changes()
    server.stop()
    server.certdir = certs["other"][0]
    server.start()
    mark = server.mark()
    with pytest.raises(UntrustedServer) as refused:
        staff.sync.sync()
    message = str(refused.value)
    assert "berubah" in message and branch_print in message and other_print in message
    assert "di tengah" in message and "Tanyakan ke kantor cabang" in message
    assert staff.store.pending_changes() == waiting
    # signing in again without a fingerprint keeps the pin: no silent re-trust
    with pytest.raises(UntrustedServer):
        staff.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"])
    result = outreach("--db", str(agent.store.path), "sync")
    assert result.returncode == 1 and "berubah" in result.stderr
    assert server.requests_since(mark) == []
    assert staff.sync.certificate_fingerprint() == branch_print

    # the branch confirms its new certificate: signing in with its fingerprint moves the pin
    staff.sync.sign_in(server.url, "staf.maluku", PASSWORDS["staf.maluku"], other_print)
    assert staff.sync.certificate_fingerprint() == other_print
    assert staff.sync.sync().pushed == 1


ADDRESSES = ["http://10.255.255.1:8750", "http://cabang.example:8750",
             "http://[::ffff:10.255.255.1]:8750", "http://127.0.0.1.nip.io:8750",
             "http://0.0.0.0:8750", "http://2130706433:8750", "HTTP://10.255.255.1"]  # fmt: skip


def test_plain_http_to_the_network_is_refused_before_any_socket(tmp_path: Path) -> None:
    staff = laptop(tmp_path, "kantor")
    seed_branch(staff)
    waiting = staff.store.pending_changes()
    with sockets() as seen:
        for address in ADDRESSES:
            with pytest.raises(PlainHttpRefused):  # first: the old client made no request here
                SyncClient(address, "token")
            with pytest.raises(PlainHttpRefused) as refused:
                staff.sync.sign_in(address, "staf.maluku", PASSWORDS["staf.maluku"])
            assert "http://" in str(refused.value) and "https://" in str(refused.value)
        # a laptop signed in over http before this release: its next sync, the review
        # queue and a relayed bundle are refused the same way, the token never sent
        staff.store.set_local_setting(SERVER_KEY, "http://10.255.255.1:8750")
        staff.store.set_local_setting(TOKEN_KEY, "tanda-masuk-lama")
        with pytest.raises(PlainHttpRefused):
            staff.sync.sync()
        with pytest.raises(PlainHttpRefused):
            DuplicateDesk(staff.sync).open_reviews()
        bundle = tmp_path / "agen.bundle"
        bundle.write_bytes(b"{}")
        with pytest.raises(PlainHttpRefused):
            BundleJobs.of(staff.sync).relay(bundle)
    assert seen == []
    assert staff.store.pending_changes() == waiting

    # the command line says how to allow it for a test, and asks no password first
    result = outreach("--db", str(staff.store.path), "sync", "--server", ADDRESSES[0],
                      "--user", "staf.maluku", stdin="")  # fmt: skip
    assert result.returncode == 1 and "--allow-insecure-http" in result.stderr
    assert "Nama pengguna" not in result.stdout + result.stderr


def test_plain_http_to_the_network_only_when_allowed_explicitly(tmp_path: Path) -> None:
    """The allowance (for testing) is given at sign-in and kept for that one address. The
    bytes go to the server's app inside this process: no traffic to the address."""
    store = ServerStore(open_engine(f"sqlite:///{tmp_path / 'server.db'}"))
    store.migrate()
    server = SyncServer(store)
    server.add_user("staf.maluku", PASSWORDS["staf.maluku"], "staff", "MAL")
    app = AppTransport(create_app(server))

    def client(url: str, token: str | None, trust: ServerTrust) -> SyncClient:
        return SyncClient(url, token, transport=app, sleep=lambda _s: None, trust=trust)

    staff = laptop(tmp_path, "kantor")
    seed_branch(staff)
    staff.sync = SyncService(staff.store, client)
    address = "http://10.255.255.1:8750"
    with sockets() as seen:
        with pytest.raises(PlainHttpRefused):
            staff.sync.sign_in(address, "staf.maluku", PASSWORDS["staf.maluku"])
        staff.sync.sign_in(address, "staf.maluku", PASSWORDS["staf.maluku"],
                           allow_plain_http=True)  # fmt: skip
        assert staff.sync.sync().pushed > 0  # later syncs keep the allowance
        with pytest.raises(PlainHttpRefused):  # another address is not allowed by it
            staff.sync.sign_in("http://10.255.255.2:8750", "staf.maluku",
                               PASSWORDS["staf.maluku"])  # fmt: skip
    assert not [event for event in seen if event[0] in ("socket.connect", "socket.getaddrinfo")]
    store.engine.dispose()

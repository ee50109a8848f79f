"""Which certificate this laptop trusts for its branch server, kept in local settings.

At sign-in (`trust_for_sign_in`): the address is checked first (plain http:// only to this
machine, unless allowed for testing), before anything is resolved or sent. Then, over https:
a fingerprint the user gives must match the certificate the server shows, or nothing goes;
with none given, the certificate already pinned for this address stays pinned (a re-sign-in
never swaps it silently); else a certificate a public CA signed needs no pin; else the one
the server shows is trusted from now on (trust on first use) and the caller shows its
fingerprint to compare with the branch's. Every later client is made with `stored_trust`,
so a different certificate fails in the handshake, before the token leaves.
"""

from __future__ import annotations

from collections.abc import Callable

from outreach_app.storage.sync_state import SERVER_KEY
from outreach_app.sync.errors import UntrustedServer
from outreach_app.sync.tls import (
    ServerTrust,
    check_address,
    display_fingerprint,
    fetch_certificate,
    normalize_fingerprint,
    pem_fingerprint,
    publicly_trusted,
)

CERTIFICATE_KEY = "sync_certificate"  # PEM pinned for the server in SERVER_KEY ("" for none)
PLAIN_HTTP_KEY = "sync_plain_http"  # the one address plain http:// was allowed for (testing)

Setting = Callable[[str], "str | None"]
SetSetting = Callable[[str, str], None]


def stored_trust(setting: Setting, server: str) -> ServerTrust:
    """What this laptop trusts for `server`: the pin kept at its last sign-in there."""
    server = server.rstrip("/")
    same = (setting(SERVER_KEY) or "").rstrip("/") == server
    certificate = (setting(CERTIFICATE_KEY) or None) if same else None
    return ServerTrust(certificate, (setting(PLAIN_HTTP_KEY) or "") == server)


def pinned_fingerprint(setting: Setting) -> str | None:
    """AB:CD:... of the certificate pinned for the signed-in server, if any."""
    pem = setting(CERTIFICATE_KEY)
    return display_fingerprint(pem_fingerprint(pem)) if pem else None


def trust_for_sign_in(
    setting: Setting, server: str, fingerprint: str | None, allow_plain_http: bool | None
) -> tuple[ServerTrust, bool]:
    """(the trust to sign in with, whether it is a first use the user must be shown).
    `allow_plain_http` None keeps what was allowed for this address before."""
    server = server.rstrip("/")
    known = stored_trust(setting, server)
    allowed = known.allow_plain_http if allow_plain_http is None else allow_plain_http
    wanted = normalize_fingerprint(fingerprint) if fingerprint and fingerprint.strip() else None
    if check_address(server, allowed).scheme.lower() == "http":
        if wanted is not None:
            raise UntrustedServer("Sidik jari sertifikat hanya berlaku untuk alamat https://.")
        return ServerTrust(None, allowed), False
    if wanted is not None:
        pem = fetch_certificate(server)  # a handshake only: nothing is sent yet
        shown = pem_fingerprint(pem)
        if shown != wanted:
            raise UntrustedServer(
                f"Sertifikat server {server} tidak cocok dengan sidik jari yang diberikan: "
                f"server menunjukkan {display_fingerprint(shown)}, yang diberikan "
                f"{display_fingerprint(wanted)}. Bisa jadi ada pihak lain di tengah jaringan, "
                "atau sidik jarinya salah salin. Tidak ada data yang dikirim; tanyakan ke "
                "kantor cabang."
            )
        return ServerTrust(pem, allowed), False
    if known.certificate is not None:
        return known, False
    if publicly_trusted(server):
        return ServerTrust(None, allowed), False
    return ServerTrust(fetch_certificate(server), allowed), True


def remember(set_setting: SetSetting, server: str, trust: ServerTrust) -> None:
    """After a sign-in succeeded: the pin (or none) and the plain-http allowance for it."""
    set_setting(CERTIFICATE_KEY, trust.certificate or "")
    set_setting(PLAIN_HTTP_KEY, server.rstrip("/") if trust.allow_plain_http else "")


def allow_plain_http(set_setting: SetSetting, server: str) -> None:
    """For testing only: plain http:// to this one address (say so to whoever asks)."""
    set_setting(PLAIN_HTTP_KEY, server.rstrip("/"))


TRUST_ON_FIRST_USE = (
    "Sertifikat server cabang ini belum dikenal laptop ini; mulai sekarang hanya sertifikat "
    "ini yang dipercaya. Sidik jari SHA-256: {fingerprint}. Cocokkan dengan sidik jari dari "
    "kantor cabang; bila berbeda, jangan sinkron dan hubungi cabang."
)

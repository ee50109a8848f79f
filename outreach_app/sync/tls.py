"""Which branch server the laptop will talk to, and how it knows it is the branch's.

A sync carries the token and every participant's NIK, so the laptop refuses plain http:// to
anything but this machine (127.0.0.0/8, ::1, localhost) unless told otherwise for testing.
Over https a certificate a public CA signed is checked the usual way (certifi, the host
name). A branch's own self-signed certificate is pinned instead: the laptop keeps the whole
certificate (PEM) and the TLS context trusts exactly that one, with no host name check (a
branch server is often reached by its IP address). A different certificate then fails in
the TLS handshake, before a single byte of HTTP (so before the token) leaves the laptop.

The pin comes from the SHA-256 fingerprint the branch gives at sign-in, or, when none is
given, from the certificate the server shows the first time (trust on first use), which the
app then shows to the user to compare with the branch's.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from outreach_app.sync.errors import PlainHttpRefused, SyncUnavailable, UntrustedServer

DEFAULT_PORTS = {"http": 80, "https": 443}
HANDSHAKE_TIMEOUT = 20.0  # seconds: a TLS handshake over 2G takes a few round trips


@dataclass(frozen=True, slots=True)
class ServerTrust:
    """What the laptop trusts for one server address: `certificate`, the pinned certificate
    (PEM; None: a public CA's signature and the host name), and whether plain http to a
    non-loopback address was allowed explicitly (testing only)."""

    certificate: str | None = None
    allow_plain_http: bool = False

    @property
    def pin(self) -> str | None:
        return None if self.certificate is None else pem_fingerprint(self.certificate)


NO_PIN = ServerTrust()  # a public CA's certificate, or http:// to this machine


def is_loopback(host: str) -> bool:
    """This machine only: 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and the name localhost.
    Anything else, including spellings a resolver might still take to 127.0.0.1 ("127.1", a
    decimal number), is treated as the network: refusing those costs a tester nothing."""
    name = host.strip("[]").lower()
    if name in ("localhost", "localhost."):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def check_address(url: str, allow_plain_http: bool = False) -> SplitResult:
    """The parsed address, or UntrustedServer before anything is sent or even resolved."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise UntrustedServer(
            f"Alamat server {url!r} tidak dikenali: tulis lengkap, misalnya https://10.0.0.5:8750."
        )
    if parts.username is not None or parts.password is not None:
        raise UntrustedServer("Alamat server tidak boleh memuat nama pengguna atau kata sandi.")
    try:
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError as exc:
        raise UntrustedServer(f"Nomor port di alamat {url!r} tidak sah.") from exc
    if scheme == "http" and not allow_plain_http and not is_loopback(parts.hostname):
        raise PlainHttpRefused(
            f"Laptop ini tidak mau sinkron lewat {url} karena alamatnya memakai http:// "
            "biasa: tanda masuk dan data peserta (termasuk NIK) akan melintasi jaringan "
            "tanpa penyandian dan bisa dibaca orang lain. Pakai alamat https:// dari kantor "
            "cabang."
        )
    return parts


def normalize_fingerprint(text: str) -> str:
    """64 lowercase hex digits from a fingerprint as people copy it: with or without colons,
    spaces, a "SHA256:" prefix, in either case."""
    cleaned = text.strip().lower()
    for prefix in ("sha256:", "sha-256:", "sha256 ", "sha-256 ", "sha256=", "sha256"):
        if cleaned.startswith(prefix):
            cleaned = cleaned[len(prefix) :]
            break
    cleaned = "".join(ch for ch in cleaned if ch not in ": -\t")
    if len(cleaned) != 64 or any(ch not in "0123456789abcdef" for ch in cleaned):
        raise UntrustedServer(
            "Sidik jari sertifikat harus SHA-256: 64 angka heksadesimal (boleh dipisah titik "
            "dua), seperti yang dicetak `outreach server make-cert` di kantor cabang."
        )
    return cleaned


def display_fingerprint(hex_digits: str) -> str:
    """AB:CD:...: the form `openssl x509 -fingerprint -sha256` and browsers show."""
    upper = hex_digits.upper()
    return ":".join(upper[i : i + 2] for i in range(0, len(upper), 2))


def der_fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def pem_fingerprint(pem: str) -> str:
    return der_fingerprint(ssl.PEM_cert_to_DER_cert(pem))


def ssl_context(trust: ServerTrust) -> ssl.SSLContext | bool:
    """For httpx: exactly the pinned certificate, or True (certifi's CAs, host name checked)."""
    if trust.certificate is None:
        return True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False  # the pin names the server, not its host name
    context.verify_mode = ssl.CERT_REQUIRED
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # a pinned leaf is the anchor
    context.load_verify_locations(cadata=trust.certificate)
    return context


def fetch_certificate(url: str, timeout: float = HANDSHAKE_TIMEOUT) -> str:
    """The certificate the server at `url` shows (PEM), from a TLS handshake alone: nothing
    is sent over it, so this is safe to ask of a server not trusted yet."""
    host, port = _host_port(url)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # looked at, not trusted: the caller compares it
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError) as exc:
        raise SyncUnavailable(
            f"Sinkronisasi belum bisa: server {host}:{port} tidak terjangkau lewat https "
            f"({type(exc).__name__}). Periksa alamatnya, atau coba lagi saat ada sinyal."
        ) from exc
    if not der:
        raise UntrustedServer(f"Server {host}:{port} tidak menunjukkan sertifikat.")
    return ssl.DER_cert_to_PEM_cert(der)


def publicly_trusted(url: str, timeout: float = HANDSHAKE_TIMEOUT) -> bool:
    """Whether the server's certificate verifies as a browser would (a public CA, the host
    name); False for a self-signed one. A handshake only, nothing sent."""
    import certifi  # httpx's own CA list

    host, port = _host_port(url)
    context = ssl.create_default_context(cafile=certifi.where())
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=host),
        ):
            return True
    except ssl.SSLCertVerificationError:
        return False
    except (OSError, ssl.SSLError) as exc:
        raise SyncUnavailable(
            f"Sinkronisasi belum bisa: server {host}:{port} tidak terjangkau lewat https "
            f"({type(exc).__name__}). Periksa alamatnya, atau coba lagi saat ada sinyal."
        ) from exc


def verification_failure(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check buried in an httpx connection error, if that is what failed."""
    seen: BaseException | None = error
    for _ in range(8):
        if seen is None:
            return None
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def refusal(url: str, trust: ServerTrust, failure: ssl.SSLCertVerificationError) -> str:
    """What a failed certificate check means for the user, in plain words."""
    reason = failure.verify_message or str(failure)
    if trust.certificate is None:
        return (
            f"Sertifikat server {url} tidak bisa dipastikan keasliannya ({reason}). Tidak ada "
            "data yang dikirim. Bila cabang memakai sertifikat sendiri, masuk lagi dengan sidik "
            "jari SHA-256 sertifikatnya yang didapat langsung dari kantor cabang."
        )
    known = display_fingerprint(pem_fingerprint(trust.certificate))
    try:
        shown = display_fingerprint(pem_fingerprint(fetch_certificate(url)))
    except (SyncUnavailable, UntrustedServer):
        shown = None
    if shown == known:  # the pinned certificate itself no longer passes (expired, say)
        return (
            f"Sertifikat server cabang yang dipercaya laptop ini tidak berlaku lagi ({reason}). "
            "Tidak ada data yang dikirim. Minta kantor cabang memperbarui sertifikatnya, lalu "
            "masuk lagi dengan sidik jari yang baru."
        )
    return (
        f"Sertifikat server cabang berubah: laptop ini mengenal sidik jari {known}, tetapi "
        f"server di {url} sekarang menunjukkan {shown or 'sertifikat lain'}. Bisa jadi ada "
        "pihak lain di tengah jaringan yang mencoba membaca data, atau cabang memang mengganti "
        "sertifikatnya. Tidak ada data yang dikirim. Tanyakan ke kantor cabang; bila memang "
        "diganti, masuk lagi dengan sidik jari baru dari cabang."
    )


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return host, parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 443)

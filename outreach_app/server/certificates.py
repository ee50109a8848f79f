"""A branch's own TLS certificate: `outreach server make-cert` and `outreach serve
--self-signed DIR`.

Most branches have no domain name and no CA, so the common case is a self-signed certificate
the laptops pin by its SHA-256 fingerprint (sync/tls.py). It names the host names and IP
addresses given (so a browser or curl checking the name also works), lasts five years, and its
key is an ECDSA P-256 key written readable by the owner only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path

from outreach_app.domain.errors import DomainError

CERT_NAME = "branch.crt"
KEY_NAME = "branch.key"
VALID_DAYS = 5 * 365


@dataclass(frozen=True, slots=True)
class BranchCertificate:
    certfile: Path
    keyfile: Path
    fingerprint: str  # SHA-256 of the certificate, AB:CD:... as laptops are given it


def fingerprint_of(certfile: Path) -> str:
    """The SHA-256 fingerprint of the first certificate in a PEM file."""
    try:
        text = certfile.read_text(encoding="ascii")
        end = text.index("-----END CERTIFICATE-----") + len("-----END CERTIFICATE-----")
        der = ssl.PEM_cert_to_DER_cert(text[text.index("-----BEGIN CERTIFICATE-----") : end])
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DomainError(f"Berkas sertifikat {certfile} tidak bisa dibaca ({exc}).") from exc
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def check_pair(certfile: Path, keyfile: Path) -> str:
    """Refuses a missing file, a bad certificate or a key that does not belong to it at start,
    in words, rather than as uvicorn's stack trace; returns the fingerprint."""
    for path in (certfile, keyfile):
        if not path.is_file():
            raise DomainError(f"Berkas {path} tidak ada.")
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(certfile, keyfile)
    except (ssl.SSLError, OSError) as exc:
        raise DomainError(
            f"Sertifikat {certfile} dan kunci {keyfile} tidak bisa dipakai bersama ({exc})."
        ) from exc
    return fingerprint_of(certfile)


def make_certificate(folder: Path, names: list[str], replace: bool = False) -> BranchCertificate:
    """Writes branch.crt and branch.key into `folder` (kept if they exist, unless `replace`)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    certfile, keyfile = folder / CERT_NAME, folder / KEY_NAME
    if certfile.exists() and keyfile.exists() and not replace:
        return BranchCertificate(certfile, keyfile, check_pair(certfile, keyfile))
    hosts = list(dict.fromkeys(names or ["localhost", "127.0.0.1", socket.gethostname()]))
    alternatives: list[x509.GeneralName] = []
    for name in hosts:
        try:
            alternatives.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alternatives.append(x509.DNSName(name))
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, hosts[0][:64]),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Perisai Outreach (server cabang)"),
    ])  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(alternatives), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(keyfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(key_bytes)
    certfile.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return BranchCertificate(certfile, keyfile, fingerprint_of(certfile))


def serving_pair(
    certfile: str | None, keyfile: str | None, self_signed: str | None
) -> BranchCertificate | None:
    """The certificate `outreach serve` runs with (None: plain http), checked before start."""
    if self_signed and (certfile or keyfile):
        raise DomainError("Pilih --self-signed DIR atau --certfile/--keyfile, bukan keduanya.")
    if self_signed:
        return make_certificate(Path(self_signed), [])
    if bool(certfile) != bool(keyfile):
        raise DomainError("--certfile dan --keyfile dipakai berdua.")
    if certfile and keyfile:
        cert, key = Path(certfile), Path(keyfile)
        return BranchCertificate(cert, key, check_pair(cert, key))
    return None

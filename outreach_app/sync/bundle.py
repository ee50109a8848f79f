"""Sync bundles: the same changes as a push, in one file, for villages with no signal at all.

An agent exports its unsent changes to a file (USB stick, a messaging app); the branch imports
it into the server exactly like a push - the server keeps (device, seq) unique, so importing
the same file twice changes nothing - and gets an answer file back: the server's answer to
each change and the changes for that laptop since its cursor (the pull), which the laptop
imports in turn.

A file is gzip-compressed JSON, always signed (Ed25519, the public key inside): a changed byte
fails the check. It says that it holds personal data (`notice`), as the export dialog does.
A laptop's bundle is signed with the laptop's device key (the one that signs receipts), and
the server refuses one whose key differs from the one it knows for that device.
An answer is signed with the server's own key, which a laptop learns when it signs in (or from
its first answer, when it never had a signal): a hand-made answer cannot slip data onto it.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import zlib
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

FORMAT = "perisai-outreach-bundle"
VERSION = 1
MAX_BUNDLE = 64 * 1024 * 1024  # unpacked: a month of a busy agent's work is a few MB
KINDS = {  # what each kind is, in the words of the person holding the file
    "changes": "bundel perubahan dari laptop agen",
    "answer": "bundel jawaban dari kantor cabang",
    "reference": "data referensi dari server cabang",
}


# Inside every bundle file, beside the signed body (whoever unpacks one reads this first).
NOTICE = (
    "Berkas ini berisi data pribadi peserta BPJS Ketenagakerjaan (NIK, nama, alamat, nomor "
    "telepon). Simpan dan kirim hanya ke kantor cabang atau laptop agennya; hapus setelah "
    "dipakai. / This file holds participants' personal data."
)


class BundleError(Exception):
    """Not a bundle, a damaged one, or one altered after it was signed."""


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def pack(
    body: dict[str, Any], signature: bytes | None = None, public_key: str | None = None
) -> bytes:
    """`body` must already say its kind; a laptop's bundle carries its signature and key."""
    document = {"format": FORMAT, "version": VERSION, "notice": NOTICE, "body": body}
    if signature is not None:
        document["signature"] = base64.b64encode(signature).decode("ascii")
        document["public_key"] = public_key
    return gzip.compress(_canonical(document), compresslevel=9)


def signed_bytes(body: dict[str, Any]) -> bytes:
    """What the device key signs: the body, canonically encoded."""
    return _canonical(body)


def new_signing_key() -> tuple[str, str]:
    """(private key, public key), both base64: the server's key for the answers it signs."""
    key = Ed25519PrivateKey.generate()
    private = base64.b64encode(key.private_bytes_raw()).decode("ascii")
    return private, base64.b64encode(key.public_key().public_bytes_raw()).decode("ascii")


def pack_signed(body: dict[str, Any], private_key: str) -> bytes:
    """A bundle signed with a base64 private key (the server's answers)."""
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))
    public = base64.b64encode(key.public_key().public_bytes_raw()).decode("ascii")
    return pack(body, key.sign(signed_bytes(body)), public)


def unpack(data: bytes, kind: str) -> tuple[dict[str, Any], str | None]:
    """(body, public key) of a bundle of `kind`, its signature checked when it has one."""
    try:
        plain = gzip.GzipFile(fileobj=io.BytesIO(data)).read(MAX_BUNDLE + 1)
    except (OSError, EOFError, zlib.error) as exc:  # zlib.error: a damaged deflate stream
        raise BundleError(
            "Berkas ini bukan bundel sinkronisasi (bukan gzip atau terpotong)."
        ) from exc
    if len(plain) > MAX_BUNDLE:
        raise BundleError("Bundel terlalu besar.")
    try:
        document = json.loads(plain)
    except (ValueError, RecursionError) as exc:  # RecursionError: nested past Python's stack
        raise BundleError("Isi bundel rusak.") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BundleError("Berkas ini bukan bundel Perisai Outreach.")
    if document.get("version") != VERSION:
        raise BundleError(
            f"Versi bundel {document.get('version')} tidak dikenal; perbarui aplikasi."
        )
    body = document.get("body")
    if not isinstance(body, dict) or body.get("kind") != kind:
        found = KINDS.get(str(body.get("kind")) if isinstance(body, dict) else "", "bundel lain")
        raise BundleError(f"Berkas ini {found}, bukan {KINDS.get(kind, kind)}.")
    public_key = document.get("public_key")
    if "signature" not in document:
        raise BundleError("Bundel ini tidak bertanda tangan; minta dibuat lagi dengan aplikasi.")
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(str(public_key)))
        key.verify(base64.b64decode(str(document.get("signature"))), signed_bytes(body))
    except (InvalidSignature, ValueError, TypeError) as exc:
        raise BundleError(
            "Tanda tangan bundel tidak cocok: berkas diubah setelah dibuat, atau rusak."
        ) from exc
    return body, public_key if isinstance(public_key, str) else None

"""Finding receipts' QR texts in a PDF, so `verify-receipt FILE.pdf` checks what was printed.

Each receipt prints its QR text in small type under the code (for typing in when a camera
cannot read it); pypdf extracts it, broken over several lines. With the whitespace removed,
the payload's fixed shape finds it again wherever the lines were cut.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from outreach_app.domain.receipt_payload import ReceiptPayloadError

_PAYLOAD = re.compile(
    r"PO1:[A-Z0-9]{2,12}-[0-9]{6,}:[A-Z2-7]{16}:[0-9]+:[0-9]{8}:[0-9]{6}:[0-9]{1,2}:"
    r"[A-Z2-7]{26}:[A-Z2-7]{103}"
)


def payloads_in_pdf(data: bytes) -> list[str]:
    """Every distinct receipt payload in the document, in page order (two copies a page
    count once)."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise ReceiptPayloadError("Berkas ini bukan PDF.")
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # a damaged file gets one clear message, not pypdf's log
    try:
        reader = PdfReader(io.BytesIO(data))
        texts = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ReceiptPayloadError(f"PDF ini rusak dan tidak bisa dibaca ({exc}).") from exc
    finally:
        quiet.setLevel(level)
    found: list[str] = []
    for text in texts:
        for payload in _PAYLOAD.findall("".join(text.split())):
            if payload not in found:
                found.append(payload)
    return found

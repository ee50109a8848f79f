"""Reading printed PDFs back the way a person or a scanner would: text, page images, QR codes."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


def pdf_pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def need_tool(name: str) -> str:
    """The path of a command-line tool; CI installs them all, so only a developer's machine may
    skip (and CI fails instead of skipping)."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: .ci/run should have installed it")
        pytest.skip(f"{name} not installed")
    return found


def render_pages(data: bytes, folder: Path, dpi: int = 100) -> list[Path]:
    """Each page as a PNG, as pdftoppm (poppler) draws it."""
    pdftoppm = need_tool("pdftoppm")
    source = folder / "document.pdf"
    source.write_bytes(data)
    subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(source), str(folder / "page")],
                   check=True, capture_output=True)  # fmt: skip
    return sorted(folder.glob("page-*.png"))


def read_qr_codes(image: Path) -> list[str]:
    """Every QR code zbarimg finds on an image, as text."""
    zbarimg = need_tool("zbarimg")
    result = subprocess.run(
        [zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode not in (0, 4):  # 4: nothing found
        raise RuntimeError(result.stderr)
    return [line for line in result.stdout.splitlines() if line.strip()]

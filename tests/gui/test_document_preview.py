"""The document preview: a PDF shown from memory, saved atomically, printed page by page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter

from outreach_app.services.printing import PrintService
from outreach_app.services.receipts import ReceiptSigner
from outreach_app.storage.store import Store
from outreach_app.ui.dialogs.document_preview import DocumentPreviewDialog
from tests.conftest import TODAY


@pytest.fixture
def day_pdf(demo_store: Store, schedule) -> bytes:
    printer = PrintService(demo_store, schedule, ReceiptSigner(demo_store), demo=True)
    agent_id = demo_store.users.by_username("agen.saumlaki").stamp.id
    return printer.receipts_of_day(agent_id, TODAY)


def preview(qtbot, pdf: bytes, folder: Path) -> DocumentPreviewDialog:
    dialog = DocumentPreviewDialog("Kuitansi hari ini", pdf, "kuitansi.pdf", folder)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_every_page_and_renders_text(qtbot, day_pdf: bytes, tmp_path: Path) -> None:
    dialog = preview(qtbot, day_pdf, tmp_path)
    pages = len(PdfReader(io.BytesIO(day_pdf)).pages)
    assert dialog.page_count == pages > 1
    assert dialog.pages_label.text() == f"{pages} halaman"
    dialog.show()

    def has_text() -> None:
        image = dialog.view.viewport().grab().toImage()
        dark = sum(
            QColor(image.pixel(x, y)).lightness() < 100
            for y in range(0, image.height(), 4)
            for x in range(0, image.width(), 4)
        )
        assert dark > 200

    qtbot.waitUntil(has_text, timeout=5000)


def test_save_writes_the_same_bytes(qtbot, day_pdf: bytes, tmp_path: Path) -> None:
    dialog = preview(qtbot, day_pdf, tmp_path)
    assert dialog.save_to(tmp_path / "hasil" / "kuitansi")  # .pdf added
    assert dialog.saved_to == tmp_path / "hasil" / "kuitansi.pdf"
    assert dialog.saved_to.read_bytes() == day_pdf
    assert "Tersimpan" in dialog.pages_label.text()


def test_a_failed_save_says_why_and_keeps_the_dialog(qtbot, day_pdf, tmp_path, monkeypatch):
    dialog = preview(qtbot, day_pdf, tmp_path)
    shown: list[str] = []
    monkeypatch.setattr(
        "outreach_app.ui.dialogs.document_preview.QMessageBox.warning",
        lambda _parent, _title, text: shown.append(text),
    )
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert not dialog.save_to(blocked / "kuitansi.pdf")
    assert shown and "tidak bisa disimpan" in shown[0]
    assert dialog.saved_to is None


def test_print_sends_every_page(qtbot, day_pdf: bytes, tmp_path: Path) -> None:
    """Printed to Qt's PDF printer: the output has one page per receipt page."""
    dialog = preview(qtbot, day_pdf, tmp_path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(100)  # enough to test; the real printer gets 300 dpi
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == dialog.page_count
    assert len(PdfReader(out).pages) == dialog.page_count

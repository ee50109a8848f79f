"""Preview, print and save a printed document (a PDF made by the print service).

The PDF is shown with Qt's own PDF viewer (QtPdf, from the PySide6 add-ons) straight from
memory: nothing touches the disk until the user saves. Printing renders each page at 300 dpi
into the printer, one page at a time, so a day's batch of receipts does not hold hundreds of
page images in memory; it runs page by page with a progress dialog that can be cancelled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.services.printing import write_pdf
from outreach_app.ui.screen_fit import fit_to_screen

PRINT_DPI = 300


class DocumentPreviewDialog(QDialog):
    """Shows one PDF; `saved_to` is the file it was last saved as, if any."""

    def __init__(
        self,
        title: str,
        pdf: bytes,
        file_name: str,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 900, 1000)  # an A4 page's proportions, at most the screen
        self.pdf = pdf
        self.file_name = file_name
        self.folder = folder
        self.saved_to: Path | None = None
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)  # the document reads from it for its life
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.pages_label = QLabel(self.tr("{n} halaman").format(n=self.document.pageCount()))
        self.print_button = QPushButton(self.tr("Cetak…"))
        self.save_button = QPushButton(self.tr("Simpan PDF…"))
        self.close_button = QPushButton(self.tr("Tutup"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.ask_and_print)
        self.save_button.clicked.connect(self.ask_and_save)
        self.close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    # --- saving ---------------------------------------------------------------------------

    def ask_and_save(self) -> None:
        suggested = str(self.folder / self.file_name)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan PDF"), suggested, self.tr("Dokumen PDF (*.pdf)")
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, target: Path) -> bool:
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            self.saved_to = write_pdf(self.pdf, target)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Tidak tersimpan"),
                self.tr(
                    "PDF tidak bisa disimpan di {path}: {reason}. Pilih folder lain atau "
                    "kosongkan ruang disk, lalu coba lagi."
                ).format(path=target, reason=exc.strerror or exc),
            )
            return False
        self.pages_label.setText(self.tr("Tersimpan: {path}").format(path=self.saved_to))
        return True

    # --- printing -------------------------------------------------------------------------

    def ask_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Sends the pages (or the range chosen in the print dialog) to `printer`; returns
        how many pages went out (fewer when the user cancels)."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            first, last = 1, self.page_count
        progress = QProgressDialog(
            self.tr("Mencetak…"), self.tr("Batal"), 0, last - first + 1, self
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self,
                self.tr("Tidak bisa mencetak"),
                self.tr("Pencetak tidak bisa dibuka. Periksa pencetak, lalu coba lagi."),
            )
            return 0
        printed = 0
        try:
            for number in range(first - 1, last):
                if progress.wasCanceled():
                    break
                if printed:
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(number)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                painter.drawImage(QPointF(0, 0), self.document.render(number, size))
                printed += 1
                progress.setValue(printed)
                QApplication.processEvents()
        finally:
            painter.end()
            progress.close()
        return printed


def show_document(
    parent: QWidget, title: str, pdf: bytes, file_name: str, folder: Path
) -> DocumentPreviewDialog:
    dialog = DocumentPreviewDialog(title, pdf, file_name, folder, parent)
    dialog.open()
    return dialog

"""Fonts, sizes and colours shared by every document, registered once per process.

Registering a TrueType font parses the whole file (~20 ms for DejaVu); doing it once and
reusing the same objects is what keeps a batch of a thousand receipts fast.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from importlib import resources

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm

REGULAR, BOLD, MONO = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"
_FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5b6470")
RULE = colors.HexColor("#9aa3ad")
ACCENT = colors.HexColor("#0b5394")  # the app's blue
VOID_RED = colors.HexColor("#c0392b")
DEMO_ORANGE = colors.HexColor("#b45309")

ORGANISATION = "BPJS Ketenagakerjaan"
PRODUCT = "Perisai Outreach"


@functools.cache
def register_fonts() -> tuple[str, str, str]:
    """Registers the bundled fonts with reportlab (once) and returns (regular, bold, mono).

    Also turns off ASCII85 armour on compressed streams (a 1980s mail-safe text encoding
    reportlab applies by default): PDFs are binary anyway, and encoding every stream took a
    tenth of a receipt batch's time and made the files a quarter larger."""
    rl_config.useA85 = 0
    folder = resources.files("outreach_app.resources").joinpath("fonts")
    for name, filename in _FONT_FILES.items():
        data = folder.joinpath(filename).read_bytes()
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                  boldItalic=BOLD)  # fmt: skip
    return REGULAR, BOLD, MONO


@dataclass(frozen=True)
class TextStyles:
    """Paragraph styles for flowing documents (forms, lists, reports)."""

    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    amount: ParagraphStyle


@functools.cache
def text_styles() -> TextStyles:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
    return TextStyles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        label=ParagraphStyle("label", parent=body, fontSize=8, leading=10, textColor=MUTED),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=14, leading=18),
        heading=ParagraphStyle(
            "heading", parent=body, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6,
            spaceAfter=3, textColor=ACCENT,
        ),
        amount=ParagraphStyle("amount", parent=body, alignment=TA_RIGHT),
    )  # fmt: skip


def new_canvas(out: io.BytesIO, title: str, demo: bool) -> Canvas:
    """An A4 canvas with the document's metadata; fonts are embedded as subsets."""
    register_fonts()
    canvas = Canvas(out, pagesize=A4, pageCompression=1, invariant=0)
    canvas.setTitle(title + (" (DEMO)" if demo else ""))
    canvas.setAuthor(PRODUCT)
    canvas.setCreator(PRODUCT)
    canvas.setSubject(ORGANISATION)
    return canvas


def draw_demo_band(canvas: Canvas) -> None:
    """Every page printed from the demo database says so, top and bottom, so a demo receipt
    can never pass for a real one."""
    text = "DEMO — data contoh, bukan dokumen resmi"
    canvas.saveState()
    canvas.setFillColor(DEMO_ORANGE)
    canvas.setFont(BOLD, 9)
    canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 6 * mm, text)
    canvas.drawCentredString(PAGE_WIDTH / 2, 4 * mm, text)
    canvas.restoreState()


def draw_stamp(canvas: Canvas, text: str, x: float, y: float, size: float = 64) -> None:
    """A large diagonal word across a document ("BATAL" on a voided receipt)."""
    canvas.saveState()
    canvas.setFillColor(VOID_RED)
    canvas.setStrokeColor(VOID_RED)
    canvas.setFillAlpha(0.28)
    canvas.setFont(BOLD, size)
    canvas.translate(x, y)
    canvas.rotate(24)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()

"""Pages shared by the flowing documents (payer lists, visit reports): the frame, "Halaman X
dari Y" footers from a two-pass canvas, the running header, table and cell styles, and the
detail and signature blocks."""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from outreach_app.documents.styles import (
    ACCENT,
    BOLD,
    INK,
    MARGIN,
    MONO,
    MUTED,
    ORGANISATION,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PRODUCT,
    REGULAR,
    RULE,
    draw_demo_band,
    register_fonts,
    text_styles,
)
from outreach_app.reference.dates_text import short_date

HEADER_FILL, TOTAL_FILL = "#e8eef5", "#f3f5f8"
TOP_MARGIN = 20 * mm  # room for the demo band and, from page 2, the running header
BOTTOM_MARGIN = 18 * mm  # room for the footer and the demo band
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN
SLACK = 3 * mm  # measured heights are exact; this keeps a rounding error off the next page


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type information
    """A canvas that holds every page until the end, so each can say "Halaman X dari Y".

    The page count is known only once the story is laid out: each page's state is kept and
    the footer drawn in save(), when the count is known (reportlab's usual recipe)."""

    def __init__(
        self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  (reportlab's name)
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for number, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        super().save()


def build_pdf(
    story: list[Flowable], title: str, running: str, printed_on: dt.date, demo: bool
) -> bytes:
    """Lays `story` out on A4 pages with the house margins and metadata; every page gets the
    footer with "Halaman X dari Y", pages after the first `running` as a header line, and
    every page the demo band when `demo`."""
    register_fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=title + (" (DEMO)" if demo else ""),
        author=PRODUCT, creator=PRODUCT, subject=ORGANISATION, pageCompression=1, invariant=0,
    )  # fmt: skip
    frame = Frame(MARGIN, BOTTOM_MARGIN, FRAME_WIDTH, FRAME_HEIGHT, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="body")  # fmt: skip

    def decorate(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if canvas.getPageNumber() > 1:
            _rule_and_text(canvas, PAGE_HEIGHT - 14.5 * mm, running, "")
        if demo:
            draw_demo_band(canvas)

    def footer(canvas: Canvas, number: int, total: int) -> None:
        left = f"{PRODUCT} · dicetak {short_date(printed_on)}"
        _rule_and_text(canvas, 13 * mm, left, f"Halaman {number} dari {total}", below=True)

    doc.addPageTemplates(PageTemplate("list", frames=[frame], onPage=decorate))
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, footer=footer))
    return out.getvalue()


def _rule_and_text(canvas: Canvas, y: float, left: str, right: str, below: bool = False) -> None:
    """A hairline across the page with small text above it (or, for a footer, below it)."""
    text_y = y - 3.5 * mm if below else y + 1.5 * mm
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(MARGIN, text_y, left)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 8)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, text_y, right)
    canvas.restoreState()


@functools.cache
def cell_styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles for table cells, the document heading and the signature block."""
    styles = text_styles()
    cell = ParagraphStyle("cell", parent=styles.body, fontSize=8.5, leading=10.5)
    head = ParagraphStyle("cell-head", parent=cell, fontName=BOLD)
    small = ParagraphStyle("cell-small", parent=styles.small)
    return {
        "cell": cell, "head": head,
        "right": ParagraphStyle("cell-right", parent=cell, alignment=TA_RIGHT),
        "centre": ParagraphStyle("cell-centre", parent=cell, alignment=TA_CENTER),
        "head_right": ParagraphStyle("cell-head-right", parent=head, alignment=TA_RIGHT),
        "muted": ParagraphStyle("cell-muted", parent=cell, fontSize=7, leading=8.5,
                                textColor=MUTED),
        "nik": ParagraphStyle("cell-nik", parent=cell, fontName=MONO, fontSize=7.5),
        "label": ParagraphStyle("cell-label", parent=styles.label, fontSize=7.5, leading=9.5),
        "value": ParagraphStyle("cell-value", parent=cell, fontSize=9, leading=11),
        "words": ParagraphStyle("cell-words", parent=cell, fontSize=9, leading=11.5),
        "org": ParagraphStyle("org", parent=styles.body, fontName=BOLD, fontSize=9,
                              textColor=ACCENT),
        "small": small,
        "small_centre": ParagraphStyle("cell-small-centre", parent=small, alignment=TA_CENTER),
    }  # fmt: skip


CELL_PADDING: list[tuple[Any, ...]] = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]  # fmt: skip


def lowered(column: int, rows: tuple[int, int], size: float) -> list[tuple[Any, ...]]:
    """Moves a column's smaller type (`size` pt) down onto the baseline of the 8.5 pt text
    beside it, taking the same off the padding below so the row keeps its height."""
    drop = (8.5 - size) * 0.93  # DejaVu's ascent is 0.93 of its size
    start, end = (column, rows[0]), (column, rows[1])
    return [("TOPPADDING", start, end, 2.5 + drop), ("BOTTOMPADDING", start, end, 3 - drop)]


def list_table_style(*, total_row: bool) -> list[tuple[Any, ...]]:
    """Ruled rows under a tinted header row; `total_row` spans the last row up to its amount."""
    commands = [
        *CELL_PADDING,
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ]  # fmt: skip
    if total_row:
        commands += [
            ("SPAN", (0, -1), (-2, -1)), ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK), ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK),
        ]  # fmt: skip
    return commands


def document_heading(title: str, subtitle: str) -> list[Flowable]:
    s = cell_styles()
    return [
        Paragraph(f"{ORGANISATION} · {PRODUCT}", s["org"]),
        Paragraph(title.upper(), text_styles().title),
        Paragraph(subtitle, s["small"]),
        Spacer(1, 3 * mm),
    ]


def details_table(pairs: Sequence[tuple[str, str, str, str]], widths: Sequence[float]) -> Table:
    """Label, value, label, value per line; values are paragraph markup (escape names)."""
    s = cell_styles()
    rows = [[Paragraph(a, s["label"]), Paragraph(b, s["value"]), Paragraph(c, s["label"]),
             Paragraph(d, s["value"])] for a, b, c, d in pairs]  # fmt: skip
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (0, -1), 2.8), ("TOPPADDING", (2, 0), (2, -1), 2.8),  # baselines
    ]))  # fmt: skip
    return table


def signature_table(left: tuple[str, str, str], right: tuple[str, str, str], caption: str) -> Table:
    """Two places to sign side by side; each is (heading, who, role), `caption` under the line.
    One table row per line, so a name that wraps on one side keeps both lines level."""
    s = cell_styles()
    e = escape_markup

    def both(text: Callable[[tuple[str, str, str]], str], style: str) -> list[Flowable]:
        return [Paragraph(text(side), s[style]) for side in (left, right)]

    rows = [
        both(lambda side: e(side[0]), "small_centre"),
        both(lambda side: f"<b>{e(side[1])}</b>", "centre"),
        both(lambda side: e(side[2]), "small_centre"),
        [[Spacer(1, 18 * mm), Paragraph("(" + "." * 60 + ")", s["centre"])] for _ in range(2)],
        both(lambda _side: e(caption), "small_centre"),
    ]
    table = Table(rows, colWidths=(FRAME_WIDTH / 2,) * 2)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))  # fmt: skip
    return table


def escape_markup(text: str) -> str:
    """Paragraphs read a small markup: a name with "&" or "<" must print as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def flowables_height(flowables: Sequence[Flowable]) -> float:
    """The height `flowables` take stacked in the frame (their spaces included)."""
    height = 0.0
    for flowable in flowables:
        _, used = flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        height += used + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return height


# --- the list --------------------------------------------------------------------------------

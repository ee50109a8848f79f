"""Exit 0 when a screenshot shows a window with text in it, 1 otherwise (with the reason).

With no usable font Qt draws nothing or empty boxes and still writes a PNG, so build.sh looks
at the pixels: enough dark ones (text, lines) on a window-sized image.

    .venv/bin/python packaging/check_screenshot.py FILE.png [MIN_DARK]
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QGuiApplication, QImage

MIN_WIDTH = 1000


def dark_pixels(image: QImage) -> int:
    """Pixels darker than mid-grey, sampled every third pixel each way."""
    return sum(
        QColor(image.pixel(x, y)).lightness() < 100
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    )


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    _app = QGuiApplication(argv[:1])
    path, minimum = argv[1], int(argv[2]) if len(argv) == 3 else 700
    image = QImage(path)
    if image.isNull():
        print(f"{path}: not an image", file=sys.stderr)
        return 1
    if image.width() < MIN_WIDTH:
        print(f"{path}: {image.width()} px wide, not a window", file=sys.stderr)
        return 1
    dark = dark_pixels(image)
    if dark < minimum:
        print(f"{path}: {dark} dark pixels (< {minimum}): no text drawn?", file=sys.stderr)
        return 1
    print(f"{path}: {image.width()}x{image.height()}, {dark} dark pixels")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

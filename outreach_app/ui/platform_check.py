"""Before Qt starts: on Linux/X11, name the system libraries Qt's window plugin needs.

Without them Qt aborts with a message about "platform plugins" that tells a field agent
nothing. We look them up first and say which packages to install instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# library name for ctypes.util.find_library -> the Debian/Ubuntu package that ships it
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
}


def missing_window_packages(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
) -> list[str]:
    """Packages to install before a window can open; empty when none are missing or needed."""
    if not platform.startswith("linux"):
        return []
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested and not requested.startswith("xcb"):
        return []  # offscreen, wayland...: the xcb plugin is not used
    if not requested and environ.get("WAYLAND_DISPLAY"):
        return []
    return [package for library, package in XCB_LIBRARIES.items() if not find_library(library)]


def advice(packages: list[str]) -> str:
    return (
        "Perisai Outreach belum dapat membuka jendela: pustaka sistem untuk Qt belum terpasang.\n"
        f"Pasang dengan: sudo apt-get install {' '.join(packages)}\n"
        "(Qt needs these system libraries to open a window on X11.)"
    )

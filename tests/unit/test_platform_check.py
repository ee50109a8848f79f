"""The pre-flight check that names missing X11 libraries instead of letting Qt abort."""

from __future__ import annotations

from outreach_app.ui.platform_check import advice, missing_window_packages


def none_found(_: str) -> None:
    return None


def test_linux_x11_without_xcb_libraries_names_the_packages() -> None:
    missing = missing_window_packages({"DISPLAY": ":0"}, "linux", none_found)
    assert missing == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in advice(missing)


def test_only_the_missing_ones_are_named() -> None:
    def found(name: str) -> str | None:
        return None if name == "xcb-cursor" else f"lib{name}.so"

    assert missing_window_packages({"DISPLAY": ":0"}, "linux", found) == ["libxcb-cursor0"]


def test_offscreen_wayland_and_windows_need_nothing() -> None:
    assert missing_window_packages({"QT_QPA_PLATFORM": "offscreen"}, "linux", none_found) == []
    assert missing_window_packages({"WAYLAND_DISPLAY": "wayland-0"}, "linux", none_found) == []
    assert missing_window_packages({}, "win32", none_found) == []

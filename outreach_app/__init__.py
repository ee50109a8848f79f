"""Perisai Outreach: offline field outreach for BPJS Ketenagakerjaan's Perisai agents."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (setuptools'
# dynamic `attr`, parsed without importing the package), and so do `--version`, the window,
# the server's OpenAPI, the packaging scripts and the installers. A literal costs nothing at
# start-up (importlib.metadata took 25-55 ms) and a PyInstaller bundle, which has no
# dist-info, still knows it.
__version__ = "0.1.0"

"""Perisai Outreach: offline field outreach for BPJS Ketenagakerjaan's Perisai agents."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("perisai-outreach")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

"""Perisai Outreach: offline field outreach for BPJS Ketenagakerjaan's Perisai agents."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__` is read from the installed metadata on first use only: importing
    importlib.metadata costs ~20 ms of every start-up otherwise."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("perisai-outreach")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+unknown"

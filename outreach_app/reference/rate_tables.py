"""Loads the effective-dated rule tables shipped in resources/rates/ (or a branch's copy):
the BPU premium rates and the agents' incentive rules."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.rates import RateSchedule, schedule_from_dict

if TYPE_CHECKING:  # the incentive rules load with the dashboard or Settings, not at start-up
    from outreach_app.domain.incentives import IncentiveSchedule

BPU_TABLE = "bpu.json"
INCENTIVE_TABLE = "incentive.json"


def load_schedule(path: Path | None = None) -> RateSchedule:
    """The BPU schedule from `path`, or the one shipped with the app."""
    return schedule_from_dict(_read_table(BPU_TABLE, path, "Tabel tarif"))


def load_incentive_schedule(path: Path | None = None) -> IncentiveSchedule:
    """The agents' incentive rules from `path`, or the ones shipped with the app."""
    from outreach_app.domain.incentives import incentive_schedule_from_dict

    return incentive_schedule_from_dict(_read_table(INCENTIVE_TABLE, path, "Tabel insentif"))


def _read_table(shipped_name: str, path: Path | None, what: str) -> dict[str, Any]:
    try:
        if path is None:
            shipped = resources.files("outreach_app.resources").joinpath("rates", shipped_name)
            raw = shipped.read_bytes()
            source = f"resources/rates/{shipped_name}"
        else:
            raw = path.read_bytes()
            source = str(path)
    except OSError as exc:
        raise RateTableError(f"{what} tidak dapat dibaca ({exc.strerror}): {path}") from exc
    return parse_table(raw, source, what)


def parse_table(raw: bytes, source: str, what: str) -> dict[str, Any]:
    """The JSON object in a table file's bytes, or a RateTableError saying what is wrong."""
    try:
        # utf-8-sig: a branch may edit the file in Notepad, which writes a byte-order mark.
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise RateTableError(
            f"{what} {source} harus disimpan sebagai UTF-8 (byte {exc.start} tidak sah)."
        ) from exc
    except json.JSONDecodeError as exc:
        raise RateTableError(
            f"{what} {source} bukan JSON yang sah (baris {exc.lineno}): {exc.msg}"
        ) from exc
    if not isinstance(data, dict):
        raise RateTableError(f"{what} {source} harus berupa objek JSON.")
    return data

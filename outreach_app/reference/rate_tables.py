"""Loads the effective-dated rate tables shipped in resources/rates/ (or a branch's copy)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from outreach_app.domain.errors import RateTableError
from outreach_app.domain.rates import RateSchedule, schedule_from_dict

BPU_TABLE = "bpu.json"


def load_schedule(path: Path | None = None) -> RateSchedule:
    """The BPU schedule from `path`, or the one shipped with the app."""
    try:
        if path is None:
            shipped = resources.files("outreach_app.resources").joinpath("rates", BPU_TABLE)
            raw = shipped.read_bytes()
            source = f"resources/rates/{BPU_TABLE}"
        else:
            raw = path.read_bytes()
            source = str(path)
        # utf-8-sig: a branch may edit the file in Notepad, which writes a byte-order mark.
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        raise RateTableError(f"Tabel tarif tidak dapat dibaca ({exc.strerror}): {path}") from exc
    except UnicodeDecodeError as exc:
        raise RateTableError(
            f"Tabel tarif {source} harus disimpan sebagai UTF-8 (byte {exc.start} tidak sah)."
        ) from exc
    except json.JSONDecodeError as exc:
        raise RateTableError(
            f"Tabel tarif {source} bukan JSON yang sah (baris {exc.lineno}): {exc.msg}"
        ) from exc
    if not isinstance(data, dict):
        raise RateTableError(f"Tabel tarif {source} harus berupa objek JSON.")
    return schedule_from_dict(data)

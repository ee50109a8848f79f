"""Where the app keeps its data, chosen once at start-up and passed down (no globals).

The order is: an explicit `--db` path, then the OUTREACH_DB environment variable, then the
default file in the user's data directory (found by the caller, which may use platformdirs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DB_ENV_VAR = "OUTREACH_DB"
DEFAULT_DB_NAME = "outreach.db"
DEMO_DB_NAME = "outreach-demo.db"
# Device-local setting: the username of the person using this laptop.
CURRENT_USER_KEY = "current_user"


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path
    demo: bool = False


def resolve_db_path(
    explicit: str | None, environ: Mapping[str, str], data_dir: Path, demo: bool = False
) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    if environ.get(DB_ENV_VAR):
        return Path(environ[DB_ENV_VAR]).expanduser()
    return data_dir / (DEMO_DB_NAME if demo else DEFAULT_DB_NAME)

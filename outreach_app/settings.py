"""Where the app keeps its data and in which language it speaks, chosen once at start-up and
passed down (no globals). Standard library only: the caller finds the folders (platformdirs).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DB_ENV_VAR = "OUTREACH_DB"
LOG_DIR_ENV_VAR = "OUTREACH_LOG_DIR"  # where the log goes instead of the user's log folder
DEFAULT_DB_NAME = "outreach.db"
DEMO_DB_NAME = "outreach-demo.db"
# Device-local setting: the username of the person using this laptop.
CURRENT_USER_KEY = "current_user"
DEMO_MARK_KEY = "demo_database"  # local setting "1" in a database filled with demo data


def resolve_db_path(
    explicit: str | None,
    environ: Mapping[str, str],
    data_dir: Path,
    demo: bool = False,
    configured: str | None = None,
) -> Path:
    """--db, then OUTREACH_DB, then the demo file (--demo), then the configured database,
    then the default file in the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if environ.get(DB_ENV_VAR):
        return Path(environ[DB_ENV_VAR]).expanduser()
    if demo:
        return data_dir / DEMO_DB_NAME
    if configured:
        return Path(configured).expanduser()
    return data_dir / DEFAULT_DB_NAME


CONFIG_NAME = "config.json"
LANGUAGE_KEY = "language"
DATABASE_KEY = "database"


@dataclass(frozen=True, slots=True)
class AppConfig:
    """What must be known before the database opens: which database, in which language.

    Kept in a small JSON file in the user's config folder (the database cannot say where it
    is itself). A missing or unreadable file means first start."""

    language: str = "id"
    database: str | None = None


def load_config(path: Path) -> AppConfig | None:
    """None when there is no usable config yet (first start)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    language = data.get(LANGUAGE_KEY)
    database = data.get(DATABASE_KEY)
    return AppConfig(
        language=language if isinstance(language, str) else "id",
        database=database if isinstance(database, str) and database else None,
    )


def save_config(path: Path, config: AppConfig) -> None:
    """Writes atomically (temporary file, then rename): a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(
        json.dumps({LANGUAGE_KEY: config.language, DATABASE_KEY: config.database}, indent=2),
        encoding="utf-8",
    )
    partial.replace(path)

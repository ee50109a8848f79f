"""Which database and language the app starts with, and the config file that remembers it."""

from __future__ import annotations

from pathlib import Path

from outreach_app.settings import AppConfig, load_config, resolve_db_path, save_config


def test_database_choice_order(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"OUTREACH_DB": str(tmp_path / "env.db")}
    assert resolve_db_path("x.db", env, data, demo=True, configured="c.db") == Path("x.db")
    assert resolve_db_path(None, env, data, demo=True, configured="c.db") == tmp_path / "env.db"
    assert (
        resolve_db_path(None, {}, data, demo=True, configured="c.db") == data / "outreach-demo.db"
    )
    assert resolve_db_path(None, {}, data, configured="c.db") == Path("c.db")
    assert resolve_db_path(None, {}, data) == data / "outreach.db"


def test_config_round_trip_and_first_start(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "config.json"
    assert load_config(path) is None  # first start
    save_config(path, AppConfig(language="en", database="/data/outreach.db"))
    assert load_config(path) == AppConfig(language="en", database="/data/outreach.db")
    assert not list(path.parent.glob("*.partial"))


def test_a_damaged_config_counts_as_first_start(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text("{not json")
    assert load_config(path) is None
    path.write_text('["a list"]')
    assert load_config(path) is None
    path.write_text('{"language": 5, "database": ""}')
    assert load_config(path) == AppConfig(language="id", database=None)

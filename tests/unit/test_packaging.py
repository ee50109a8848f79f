"""pyproject.toml lists the packages by hand (resources/ and seeds/ are mapped into the
package); a subpackage missing from that list would be missing from every install."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "outreach_app").rglob("__init__.py")
    }
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
    mapped = config["tool"]["setuptools"]["package-dir"]
    assert mapped == {"outreach_app.resources": "resources", "outreach_app.seeds": "seeds"}


def test_the_installed_version_is_the_one_in_the_source() -> None:
    """outreach_app/__init__.py is the one place; pyproject reads it (a stale editable install
    shows up here: reinstall with pip install -e .)."""
    from importlib.metadata import version

    import outreach_app

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in config["project"]["dynamic"] and "version" not in config["project"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "outreach_app.__version__"
    }
    assert version("perisai-outreach") == outreach_app.__version__

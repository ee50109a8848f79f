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

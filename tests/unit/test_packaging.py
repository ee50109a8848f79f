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


# --- the bundle, the installers and the desktop files (packaging/) ----------------------------

PACKAGING = ROOT / "packaging"
APP_ID = "id.perisai.Outreach"


def spec_constant(name: str) -> object:
    """A literal assigned in the PyInstaller spec (read, not run: running needs PyInstaller)."""
    import ast

    tree = ast.parse((PACKAGING / "perisai_outreach.spec").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not assigned in the spec")


def test_the_spec_bundles_every_resources_folder_and_each_pattern_finds_files() -> None:
    resources = spec_constant("RESOURCES")
    assert isinstance(resources, dict)
    on_disk = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir() and p.name[0] != "_"}
    assert set(resources) == on_disk, "a resources/ folder the spec does not bundle (or gone)"
    for folder, patterns in resources.items():
        for pattern in patterns:
            assert list((ROOT / "resources" / folder).glob(pattern)), f"{folder}/{pattern}"
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    package_data = config["tool"]["setuptools"]["package-data"]["outreach_app.resources"]
    assert {entry.split("/")[0] for entry in package_data} == on_disk  # wheels ship them too


def test_the_icon_exists_in_every_size_the_desktop_and_installers_use() -> None:
    from outreach_app.ui.launcher import ICON_SIZES  # the window's own

    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512, *ICON_SIZES):
        assert (icons / f"perisai-outreach-{size}.png").is_file()
    ico = (icons / "perisai-outreach.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") >= 7  # 7 sizes
    assert (icons / "perisai-outreach.svg").read_text().lstrip().startswith("<?xml")


def test_desktop_entry_parses_and_names_the_program_and_icon() -> None:
    import configparser

    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"] == "perisai-outreach"
    assert desktop["Icon"] == APP_ID and desktop["Terminal"] == "false"
    assert spec_constant("NAME") == "perisai-outreach"  # the program Exec starts


def test_metainfo_parses_and_its_release_is_this_version() -> None:
    import xml.etree.ElementTree as ET

    import outreach_app

    root = ET.parse(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == outreach_app.__version__, "add a <release> for the new version"


def test_the_windows_installer_takes_its_version_from_outside_and_its_files_exist() -> None:
    import re

    script = (PACKAGING / "windows" / "perisai_outreach.iss").read_text()
    assert "AppVersion={#AppVersion}" in script and "#error" in script
    assert not re.search(r"^\s*AppVersion=\d", script, re.MULTILINE)  # never written here
    assert r"{#Root}\dist\perisai-outreach\*" in script
    assert 'AppExe "perisai-outreach.exe"' in script
    assert (ROOT / "resources" / "icons" / "perisai-outreach.ico").is_file()
    assert "{autodesktop}" in script and "{uninstallexe}" in script


def validator(tool: str) -> str:
    import os
    import shutil

    import pytest

    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing: .ci/run should have installed it")
        pytest.skip(f"{tool} is not installed (apt-get install appstream desktop-file-utils)")
    return found


def test_desktop_file_and_metainfo_pass_their_validators() -> None:
    import subprocess

    desktop = subprocess.run(
        [validator("desktop-file-validate"), str(PACKAGING / "linux" / f"{APP_ID}.desktop")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert desktop.returncode == 0 and not desktop.stdout.strip(), desktop.stdout
    metainfo = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net",
         str(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert metainfo.returncode == 0, metainfo.stdout

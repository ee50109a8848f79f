"""Starting the app parses its few options with a small parser; anything naming a command (or
asking for help) gets the whole command line."""

from __future__ import annotations

import pytest

from outreach_app.cli.parser import _names_a_command, parse


@pytest.mark.parametrize(
    ("argv", "full"),
    [
        ([], False),
        (["--demo"], False),
        (["--db", "sync.db", "--page", "visits"], False),  # option values are not commands
        (["--screenshot", "init", "--page", "today"], False),
        (["--screenshot=x.png"], False),
        (["init", "--demo"], True),
        (["--db", "x.db", "sync", "--server", "http://h"], True),
        (["-h"], True),
    ],
)
def test_which_parser(argv: list[str], full: bool) -> None:
    assert _names_a_command(argv) is full


def test_both_parsers_agree_on_the_app_options() -> None:
    quick = parse(["--db", "a.db", "--page", "payments", "--demo"])
    assert (quick.command, quick.db, quick.page, quick.demo) == (None, "a.db", "payments", True)
    assert parse(["init", "--db", "a.db"]).command == "init"


def test_server_commands_name_the_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a laptop installed without [server], `outreach serve` says what to install."""
    import importlib.util

    from outreach_app.cli.sync_commands import _require_server_extra
    from outreach_app.domain.errors import DomainError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "argon2" else real(name, *a))  # fmt: skip
    with pytest.raises(DomainError, match=r"perisai-outreach\[server\].*argon2"):
        _require_server_extra()


def test_the_server_s_device_and_audit_commands() -> None:
    devices = parse(["server", "devices", "--user", "agen.ambon", "--db", "s.db"])
    assert (devices.server_command, devices.user, devices.db) == ("devices", "agen.ambon", "s.db")
    revoke = parse(["server", "revoke-device", "laptop-1", "--database-url", "postgresql://x"])
    assert (revoke.server_command, revoke.device_id) == ("revoke-device", "laptop-1")
    assert parse(["server", "enable-device", "laptop-1"]).device_id == "laptop-1"
    audit = parse(["server", "audit", "--since", "2026-12-01"])
    assert (audit.server_command, audit.since) == ("audit", "2026-12-01")
    assert parse(["server", "audit"]).since is None

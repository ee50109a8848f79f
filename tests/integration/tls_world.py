"""A branch server over HTTPS for the transport tests: `outreach serve --certfile --keyfile`
in its own process, with certificates made by `outreach server make-cert` as a branch would.

`requests_since(mark)` reads the server's access log after a mark, so a test can tell that
nothing (not a sign-in, not a push) reached the server."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.integration.sync_world import ServerProcess, outreach


def make_cert(folder: Path) -> str:
    """A self-signed branch certificate in `folder`; its fingerprint as printed for laptops."""
    result = outreach("server", "make-cert", str(folder), "--name", "127.0.0.1")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


class TlsServer(ServerProcess):
    """`outreach serve` with the certificate in `certdir` (change it and restart to swap)."""

    def __init__(self, folder: Path, certdir: Path, database_url: str | None = None) -> None:
        super().__init__(folder, database_url)
        self.certdir = certdir
        self.url = f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._log = (self.folder / "server.log").open("ab")  # a restart adds to it
        before = self.mark()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "outreach_app", "serve", *self.where, "--port", str(self.port),
             "--certfile", str(self.certdir / "branch.crt"),
             "--keyfile", str(self.certdir / "branch.key")],
            stdout=subprocess.DEVNULL, stderr=self._log,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:  # the test's own look, not the laptop's: it trusts anything
                if httpx.get(f"{self.url}/v1/info", timeout=1, verify=False).status_code == 200:
                    self._wait_for_logged_probe(before, deadline)
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(self.log())

    def _wait_for_logged_probe(self, before: int, deadline: float) -> None:
        """uvicorn writes the access line after the answer has gone: wait for it, or a mark
        taken right after start() would count the readiness probe as the laptop's request."""
        while time.monotonic() < deadline:
            if '"GET /v1/info' in self.log()[before:]:
                return
            time.sleep(0.05)

    def log(self) -> str:
        if self._log is not None:
            self._log.flush()
        return (self.folder / "server.log").read_text(errors="replace")

    def mark(self) -> int:
        return len(self.log())

    def requests_since(self, mark: int) -> list[str]:
        """The access log's request lines written after `mark`."""
        return [line for line in self.log()[mark:].splitlines() if '"GET /' in line
                or '"POST /' in line or '"PUT /' in line]  # fmt: skip

"""Peak memory with 200k participants: the app opened on the participant list, and the same
after scrolling through 20.000 rows, against a bare PySide6 window in the same run.

Each case is its own process; its peak resident memory (max RSS) comes from os.wait4, so no
other process is counted. Target: <= 250 MB.

`--encrypted` measures the same on the encrypted twin of the database
(benchmarks/encrypted_copy.py): SQLCipher's decrypted pages live in the page caches.

    .venv/bin/python benchmarks/bench_memory.py [--db FILE] [--participants 200000] [--encrypted]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_MB = 250
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
"""
SCROLL = """
import datetime as dt, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop
from outreach_app import app as composition
from outreach_app.services.participants import ParticipantDirectory
from outreach_app.services.setup import SetupService
from outreach_app.services.today import TodayService
from outreach_app.services.visits import VisitService
from outreach_app.ui import launcher

qt = launcher.application("id")
key = None
if len(sys.argv) > 4:  # the encrypted twin, and its password
    from outreach_app.services.protection import Protection
    key = Protection(Path(sys.argv[1])).unlock(sys.argv[4])
services = composition.open_services(Path(sys.argv[1]), demo=False, key=key)
today = TodayService(services.store, dt.date.today)
window = launcher.build_window(
    today, ParticipantDirectory(services.store, dt.date.today), services.enrolment,
    services.payments, VisitService(services.store, services.regions, dt.date.today),
    SetupService(services.store, Path(sys.argv[2])), today.current_agent(), "bench", False,
)
window.show()
loop = QEventLoop()
window.page_loaded.connect(lambda _name: loop.quit())
window.show_page("participants")
loop.exec()
model = window.participants_page.model
while model.rowCount() < int(sys.argv[3]) and model.canFetchMore():
    model.fetchMore()
print(model.rowCount())
window.close()
services.close()
"""


def peak_mb(command: list[str], stdin: str = "") -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    assert child.stdout is not None and child.stdin is not None
    child.stdin.write(stdin.encode())
    child.stdin.close()
    output = child.stdout.read().decode().strip()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed with {child.returncode}")
    return usage.ru_maxrss / 1024, output  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--participants", type=int, default=200_000)
    parser.add_argument("--scroll", type=int, default=20_000, help="rows to scroll through")
    parser.add_argument("--encrypted", action="store_true", help="the encrypted twin instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = args.db or work / "bench.db"
        if not db.exists():
            subprocess.run(
                [sys.executable, "-m", "outreach_app", "demo", "generate",
                 "--participants", str(args.participants), "--db", str(db)],
                check=True,
            )  # fmt: skip
        shot = work / "shot.png"
        password: list[str] = []
        if args.encrypted:
            from encrypted_copy import BENCH_PASSWORD, encrypted_copy

            db = encrypted_copy(db)[0]
            password = [BENCH_PASSWORD]
        bare, _ = peak_mb([sys.executable, "-c", BARE])
        opened, _ = peak_mb(
            [sys.executable, "-m", "outreach_app", "--db", str(db), "--screenshot", str(shot),
             "--page", "participants", *(["--password-stdin"] if password else [])],
            stdin="".join(p + "\n" for p in password),
        )  # fmt: skip
        scrolled, rows = peak_mb(
            [sys.executable, "-c", SCROLL, str(db), str(work / "config.json"), str(args.scroll),
             *password]
        )  # fmt: skip
    print(f"Peak memory (max RSS), database {db.name}")
    print(f"bare PySide6 window (baseline)        {bare:7.1f} MB")
    for label, value in (
        ("participants page opened", opened),
        (f"after scrolling {int(rows or 0):,} rows", scrolled),
    ):
        verdict = "PASS" if value <= TARGET_MB else "FAIL"
        print(f"{label:<37} {value:7.1f} MB  ({value / bare:3.1f}x baseline)  "
              f"target <= {TARGET_MB} MB: {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()

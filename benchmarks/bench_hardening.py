"""What the security hardening of issue 13 costs: `bench_sync.py` (10k changes pushed and
pulled) and `bench_sync_devices.py` (many laptops at once) on this tree and on the tree
before the hardening, alternated in one run so both see the same machine load.

The older tree is checked out from git into a temporary worktree (by default the commit
before the hardening, 508ff8e) and each benchmark runs there as it was written then, with
its own package on the path. Each side runs `--runs` times, interleaved; the best and the
median of each are compared as a ratio (hardened / before: 1.00 is free).

    .venv/bin/python benchmarks/bench_hardening.py [--before 508ff8e] [--runs 3]
        [--changes 10000] [--devices 60]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYNC_LINE = re.compile(r"push\s+([\d.]+) s\s+pull\s+([\d.]+) s\s+total\s+([\d.]+) s")
DEVICES_LINE = re.compile(r"burst: ([\d.]+) s wall for ([\d,]+) changes")
P95_LINE = re.compile(r"p95:\s+([\d.]+) s")


def run_in(tree: Path, script: str, *args: str) -> str:
    """One benchmark run in `tree`, its own code first on the path; its standard output."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": ""}
    done = subprocess.run(
        [sys.executable, str(tree / "benchmarks" / script), *args],
        cwd=tree, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{script} failed in {tree}:\n{done.stderr[-2000:]}")
    return done.stdout


def sync_total(output: str) -> float:
    found = SYNC_LINE.search(output)
    if found is None:
        raise SystemExit(f"no timing in bench_sync's output:\n{output}")
    return float(found.group(3))


def devices_figures(output: str) -> tuple[float, float]:
    """(changes per second of the burst, p95 seconds of one laptop's sync)."""
    burst, p95 = DEVICES_LINE.search(output), P95_LINE.search(output)
    if burst is None or p95 is None:
        raise SystemExit(f"no timing in bench_sync_devices' output:\n{output}")
    return int(burst.group(2).replace(",", "")) / float(burst.group(1)), float(p95.group(1))


def compare(name: str, before: list[float], after: list[float], unit: str, lower: bool) -> None:
    best = min if lower else max
    ratio_best = best(after) / best(before)
    ratio_median = statistics.median(after) / statistics.median(before)
    print(f"{name}: before best {best(before):.2f} {unit}, median {statistics.median(before):.2f}"
          f"; hardened best {best(after):.2f} {unit}, median {statistics.median(after):.2f}"
          f"  -> ratio {ratio_best:.2f} (best), {ratio_median:.2f} (median)")  # fmt: skip


def own_resources(tree: Path) -> None:
    """The installed package maps `outreach_app.resources` and `.seeds` to this checkout's
    top-level folders; links inside the older tree's package make it read its own (its rate
    table, in the schema it knows), since a package on the path is searched first."""
    for name in ("resources", "seeds"):
        link = tree / "outreach_app" / name
        if not link.exists():
            link.symlink_to(tree / name, target_is_directory=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="508ff8e", help="the commit before the hardening")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--devices", type=int, default=60)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder) / "before"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old),
                        args.before], check=True, capture_output=True)  # fmt: skip
        own_resources(old)
        try:
            sync: dict[str, list[float]] = {"before": [], "after": []}
            rate: dict[str, list[float]] = {"before": [], "after": []}
            p95: dict[str, list[float]] = {"before": [], "after": []}
            for index in range(args.runs):
                for side, tree in (("before", old), ("after", ROOT)):
                    out = run_in(tree, "bench_sync.py", "--runs", "1",
                                 "--changes", str(args.changes))  # fmt: skip
                    sync[side].append(sync_total(out))
                    out = run_in(tree, "bench_sync_devices.py", "--devices", str(args.devices))
                    per_second, slowest = devices_figures(out)
                    rate[side].append(per_second)
                    p95[side].append(slowest)
                    print(f"run {index + 1} {side}: sync {sync[side][-1]:.2f} s, devices "
                          f"{per_second:,.0f} changes/s, p95 {slowest:.2f} s",
                          file=sys.stderr, flush=True)  # fmt: skip
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                           check=False, capture_output=True)  # fmt: skip
    load = os.getloadavg()
    print(f"Hardening cost, {args.runs} interleaved runs a side against {args.before} "
          f"(load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}):")  # fmt: skip
    compare(f"bench_sync ({args.changes:,} changes push + pull)", sync["before"], sync["after"],
            "s", lower=True)  # fmt: skip
    compare(f"bench_sync_devices ({args.devices} laptops) throughput", rate["before"],
            rate["after"], "changes/s", lower=False)  # fmt: skip
    compare(f"bench_sync_devices ({args.devices} laptops) p95", p95["before"], p95["after"],
            "s", lower=True)  # fmt: skip


if __name__ == "__main__":
    main()

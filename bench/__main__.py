"""``python -m bench [--quick] [NAME ...]``: run the benchmarks and print a table each.

Discovers every ``bench/bench_*.py`` module, runs its ``run(quick)``, prints its rows and
ends with ``targets met: N/M`` (M counts every row that has a target, including rows that
could not be measured yet). Exit status is 0 even if targets are missed: the numbers are
for people to read; a benchmark that crashes is reported and gives exit status 1.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import math
import os
import pkgutil
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from bench.common import Row


def discover(names: list[str]) -> list[str]:
    """Module names of the benchmarks to run, sorted; all if ``names`` is empty."""
    found = sorted(
        info.name
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name.startswith("bench_")
    )
    if not names:
        return found
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in names]
    unknown = [n for n in wanted if n not in found]
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(unknown)}; have {', '.join(found)}")
    return wanted


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms"
    return f"{value:.1f} {unit}"


def has_target(row: Row) -> bool:
    """Baseline rows (infinite target) are context, not targets."""
    return not math.isinf(row.target)


def format_table(title: str, rows: list[Row]) -> str:
    """A plain-text table for one benchmark module."""
    header = ("measure", "median", "baseline", "ratio", "target", "met")
    lines = []
    for row in rows:
        if not has_target(row):
            # Context rows: a baseline, or a figure reported without a target.
            target, met = ("baseline" if "baseline" in row.name else "none"), ""
        elif row.baseline is not None or not row.available:
            target, met = f"<= {row.target:g}x", "yes" if row.met else "NO"
        elif row.target_min is not None:
            low, high = _fmt(row.target_min, row.unit), _fmt(row.target, row.unit)
            target, met = f"{low} - {high}", "yes" if row.met else "NO"
        else:
            target, met = f"<= {_fmt(row.target, row.unit)}", "yes" if row.met else "NO"
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        name = row.name if row.available else f"{row.name} (not available: {row.note})"
        if row.available and row.note:
            name = f"{name} ({row.note})"
        lines.append(
            (name, _fmt(row.median, row.unit), _fmt(row.baseline, row.unit), ratio, target, met)
        )
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]

    def render(cells: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [f"== {title}", render(header), render(tuple("-" * w for w in widths))]
    out += [render(line) for line in lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the tables and the summary line."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    args = parser.parse_args(argv)
    # In-process benchmarks must not touch the real user's settings or vault either.
    if "GROUPKEEPER_HOME" not in os.environ:
        home = tempfile.mkdtemp(prefix="gk-bench-home-")
        atexit.register(shutil.rmtree, home, ignore_errors=True)
        os.environ["GROUPKEEPER_HOME"] = home

    met = total = 0
    crashed = False
    for module_name in discover(args.names):
        title = module_name.removeprefix("bench_")
        try:
            module = importlib.import_module(f"bench.{module_name}")
            rows = module.run(quick=args.quick)
        except Exception:  # noqa: BLE001  (report and go on with the other benchmarks)
            crashed = True
            print(f"== {title}\nCRASHED:\n{traceback.format_exc()}", flush=True)
            continue
        print(format_table(title, rows), end="\n\n", flush=True)
        for row in rows:
            if has_target(row):
                total += 1
                met += row.met
    print(f"targets met: {met}/{total}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())

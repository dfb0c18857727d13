"""``groupkeeper combine`` of 20 exports: the coordinator's roll-up of every group.

On a copy of the 5-year, 20-group demo vault of 10,000 members (history ends 2025-12-31;
``--quick``: 2,000 members, 1 year), each group's 2025 Q4 report is exported to CSV the
way the Reports screen and ``groupkeeper export`` do (perturbed, audited). Then, timed:

- **combine of 20 exports**: ``combine.read_exports`` (read, parse and check every file,
  then the set), ``combine.combine`` and ``combine.write_combined_csv``. Target: under 1 s.
- **baseline**, same run and same files: ``csv.reader`` over the 20 files (reading and
  splitting them, nothing else), so the ratio is the price of the checks and the sums.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import Row, demo_vault, median_of

TODAY = dt.date(2026, 1, 2)


def _exports(folder: Path, work: Path) -> list[Path]:
    from groupkeeper import metrics, reports_export
    from groupkeeper.demo import DEMO_PASSPHRASE
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.vault import Vault

    vault = Vault.unlock(folder, DEMO_PASSPHRASE)
    paths = []
    try:
        store = Store(vault.db, folder)
        q4 = metrics.Period.quarter(2025, 4)
        for g in store.groups.all(active_only=False):
            bundle = reports_export.build_report(
                vault.db, (g.id,), q4, threshold=5, scope_label=g.name, today=TODAY, use_log=False
            )
            path = work / f"export-{g.id}.csv"
            reports_export.export_csv(bundle, path)
            paths.append(path)
    finally:
        vault.lock()
    return paths


def run(quick: bool) -> list[Row]:
    from groupkeeper import combine

    work = Path(tempfile.mkdtemp(prefix="gk-bench-combine-"))
    try:
        folder = work / "vault"
        shutil.copytree(demo_vault(2_000, 20, 1) if quick else demo_vault(10_000, 20, 5), folder)
        paths = _exports(folder, work)
        out = work / "combined.csv"

        def baseline() -> float:
            t0 = time.perf_counter()
            for p in paths:
                with p.open(encoding="utf-8-sig", newline="") as fh:
                    for _row in csv.reader(fh):
                        pass
            return time.perf_counter() - t0

        def combined() -> float:
            t0 = time.perf_counter()
            report = combine.combine(combine.read_exports(paths))
            combine.write_combined_csv(report, out)
            return time.perf_counter() - t0

        runs = 5 if quick else 15
        base = median_of([baseline() for _ in range(runs)])
        took = median_of([combined() for _ in range(runs)])
        report = combine.combine(combine.read_exports(paths))
        states: dict[str, int] = {}
        for c in report.table.cells:
            states[c.state.value] = states.get(c.state.value, 0) + 1
        summary = ", ".join(f"{k} {v}" for k, v in sorted(states.items()))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        Row(f"csv.reader over the same {len(paths)} files (baseline)", base, None, float("inf")),
        Row(f"combine of {len(paths)} exports (read, check, add up, write CSV)", took, None, 1.0),
        Row(
            f"combine of {len(paths)} exports, ratio to csv.reader",
            took,
            base,
            float("inf"),
            note=f"combined cells: {summary}",
        ),
    ]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)

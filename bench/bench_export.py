"""Exports with perturbation and the disclosure audit, on the 5-year, 20-group demo vault.

On a copy of the demo vault of 10,000 members, 20 groups and 5 years (history ends
2025-12-31):

- **one group, one quarter** (2025 Q4), the export log emptied first:
  ``reports_export.build_report`` (facts, figures, record keys, cell keys, perturbation,
  audit) and the CSV written and logged. Median of 3 (``--quick``: 2). Goal: under 2 s.
- **every group, last quarter**: the 20 group exports of 2025 Q4 and the all-groups one,
  one after another from an empty log, each audited against the ones before it (what a
  coordinator asks for). Goal: under 10 s for the whole set.
- **again after a late meeting**: then a meeting of the first group is entered late into
  November 2025 ("Enter a past meeting"), and that group's quarter and the all-groups one
  are exported again: each audited with every earlier export, the ones made before the
  late meeting as pictures of the figures then (``disclosure_audit.History``).
- **combine of 20 exports**: measured by ``bench_combine``.

Baseline, same run and same vault: the same reports without perturbation and audit
(``load_facts`` + ``metrics.compute``), so the ratio is the price of the protection. A
row's target is its goal in seconds divided by its baseline (the ratio at which the goal
is just met), so the table shows both the ratio and whether the goal is met.

It also prints the **mean absolute difference** between published and exact counts per
kind of figure, over every group's quarter exports of 2025 (80 exports, audited alone;
``--quick``: 5 groups): what the adjustments cost in accuracy (hidden figures are not
counted: they have no published value).
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.common import Row, demo_vault, median_of

TODAY = dt.date(2026, 1, 2)
ONE_GOAL_S = 2.0
EVERY_GOAL_S = 10.0


def run(quick: bool) -> list[Row]:
    from groupkeeper import metrics, reports_export
    from groupkeeper.demo import DEMO_PASSPHRASE
    from groupkeeper.storage import reporting
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.vault import Vault
    from groupkeeper.suppression import CellState

    work = Path(tempfile.mkdtemp(prefix="gk-bench-export-"))
    try:
        folder = work / "vault"
        shutil.copytree(demo_vault(10_000, 20, 5), folder)
        vault = Vault.unlock(folder, DEMO_PASSPHRASE)
        try:
            db = vault.db
            store = Store(db, folder)
            groups = [g for g in store.groups.all(active_only=False) if g.id is not None]
            q4 = metrics.Period.quarter(2025, 4)

            def baseline(gid: int | None) -> float:
                t0 = time.perf_counter()
                ids = None if gid is None else (gid,)
                facts = reporting.load_facts(db, ids, q4.first_day, q4.last_day)
                metrics.compute(facts, TODAY.isoformat())
                return time.perf_counter() - t0

            def export(gid: int | None, name: str) -> float:
                t0 = time.perf_counter()
                ids = None if gid is None else (gid,)
                bundle = reports_export.build_report(
                    db, ids, q4, threshold=5, scope_label=name, today=TODAY
                )
                reports_export.export_csv(bundle, work / f"{name}.csv", db)
                return time.perf_counter() - t0

            first = groups[0]
            assert first.id is not None
            base_one = median_of([baseline(first.id) for _ in range(3)])
            ones = []
            for _ in range(2 if quick else 3):
                db.execute("DELETE FROM export_log")
                ones.append(export(first.id, first.name))
            one = median_of(ones)

            db.execute("DELETE FROM export_log")
            base_all = sum(baseline(g.id) for g in groups) + baseline(None)
            t0 = time.perf_counter()
            for g in groups:
                export(g.id, g.name)
            export(None, "All groups")
            every = time.perf_counter() - t0

            # A meeting entered late into November, with ten of the group's regulars.
            regulars = [m for m in store.members.all() if first.id in m.group_ids][:10]
            late = store.meetings.start(first.id, "2025-11-20", entered_after=True)
            assert late.id is not None
            for m in regulars:
                store.meetings.check_in(late.id, m.pseudonym)
            store.meetings.change_walk_ins(late.id, 2)
            store.meetings.end(late.id)
            base_again = baseline(first.id) + baseline(None)
            t0 = time.perf_counter()
            export(first.id, first.name + " again")
            export(None, "All groups again")
            again = time.perf_counter() - t0

            # Accuracy: published vs exact counts, per kind of figure.
            diffs: dict[str, list[float]] = defaultdict(list)
            sample = groups[:5] if quick else groups
            for g in sample:
                for q in range(1, 5):
                    bundle = reports_export.build_report(
                        db,
                        (g.id,) if g.id is not None else None,
                        metrics.Period.quarter(2025, q),
                        threshold=5,
                        scope_label=g.name,
                        today=TODAY,
                        use_log=False,
                    )
                    exact = {(c.metric, c.key): c.value for c in bundle.exact.cells}
                    for c in bundle.table.cells:
                        if c.state is CellState.SHOWN and c.value is not None:
                            e = exact.get((c.metric, c.key))
                            if e is not None and c.metric != "top_skill":
                                diffs[c.metric].append(abs(c.value - e))
        finally:
            vault.lock()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    counts = {m: statistics.fmean(d) for m, d in diffs.items() if d}
    accuracy = ", ".join(f"{m} {v:.2f}" for m, v in sorted(counts.items()))
    where = f"2025 quarters, {len(sample)} groups"
    print(f"mean absolute difference, published - exact, per figure ({where}):")
    for m, v in sorted(counts.items()):
        print(f"  {m:28s} {v:.3f}  (n={len(diffs[m])})")
    print(
        f"ratios to the baseline: one group-quarter {one / base_one:.1f}x, every group"
        f" {every / base_all:.1f}x, again after a late meeting {again / base_again:.1f}x"
    )
    return [
        Row("one group-quarter: facts + figures (baseline)", base_one, None, float("inf")),
        Row(
            "one group-quarter export, perturbed + audited",
            one,
            base_one,
            ONE_GOAL_S / base_one,
            note=f"goal under {ONE_GOAL_S:g} s",
        ),
        Row("every group + all groups, last quarter (baseline)", base_all, None, float("inf")),
        Row(
            "every group + all groups, last quarter, exported + audited",
            every,
            base_all,
            EVERY_GOAL_S / base_all,
            note=f"goal under {EVERY_GOAL_S:g} s",
        ),
        Row(
            "after a late meeting: its group + all groups again (baseline)",
            base_again,
            None,
            float("inf"),
        ),
        Row(
            "after a late meeting: its group + all groups exported again, audited with"
            " every earlier export",
            again,
            base_again,
            float("inf"),
            note="no goal; context for the re-export audit",
        ),
        Row(
            "mean |published - exact| over shown counts",
            statistics.fmean(v for d in diffs.values() for v in d),
            None,
            float("inf"),
            unit="count",
            note=accuracy[:300],
        ),
    ]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)

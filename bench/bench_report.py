"""The 5-year, 20-group report: everything the Reports screen computes before drawing.

On the demo vault of 10,000 members, 20 groups and 5 years of weekly meetings (about
5,000 meetings, 86,000 attendances, 103,000 mood scores, 33,000 goals), one sample is
``reports_export.build_report`` for all groups over 2021-01..2025-12: load the facts,
compute every figure, the monthly extras, the exact table for the screen and the
suppressed table for exports (threshold 5), exactly what the screen's worker runs.
Target: under 300 ms. The first report after unlock (cold page cache: every page read is
decrypted) is shown too, and the load and compute stages are timed separately for the
note.

Baseline, same run and same open vault: a bare scan of the rows a report has to look at,
``SELECT count(*)`` over attendance, mood checks and goals joined to their meetings of the
period (no grouping, nothing returned to Python): the floor any report pays for reading
its data.
"""

from __future__ import annotations

import time

from bench.common import Row, demo_vault, median_of

TARGET_S = 0.300
PERIOD = ("2021-01", "2025-12")

_SCAN = [
    "SELECT count(*) FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
    " WHERE m.date BETWEEN ? AND ?",
    "SELECT count(*) FROM mood_checks c JOIN meetings m ON m.id = c.meeting_id"
    " WHERE m.date BETWEEN ? AND ?",
    "SELECT count(*) FROM goals g JOIN meetings m ON m.id = g.set_meeting_id"
    " WHERE m.date BETWEEN ? AND ?",
]


def run(quick: bool) -> list[Row]:
    """Time the whole report and its stages; time the bare scan alternately."""
    import datetime as dt

    from groupkeeper import metrics, reports_export
    from groupkeeper.demo import DEMO_PASSPHRASE
    from groupkeeper.storage import reporting
    from groupkeeper.storage.vault import Vault

    runs = 5 if quick else 15
    period = metrics.Period.months(*PERIOD)
    first, last = period.first_day, period.last_day
    today = dt.date(2026, 1, 1)
    vault = Vault.unlock(demo_vault(10_000, 20, 5), DEMO_PASSPHRASE)
    try:
        db = vault.db
        totals, loads, computes, scans = [], [], [], []
        cold = 0.0
        for i in range(runs + 1):
            t0 = time.perf_counter()
            bundle = reports_export.build_report(
                db, None, period, threshold=5, scope_label="All groups", today=today
            )
            t1 = time.perf_counter()
            facts = reporting.load_facts(db, None, first, last)
            t2 = time.perf_counter()
            metrics.compute(facts, today.isoformat())
            t3 = time.perf_counter()
            for sql in _SCAN:
                db.execute(sql, [first, last]).fetchone()
            t4 = time.perf_counter()
            if i == 0:
                cold = t1 - t0  # first read after unlock: pages decrypted as they come
                continue
            totals.append(t1 - t0)
            loads.append(t2 - t1)
            computes.append(t3 - t2)
            scans.append(t4 - t3)
        meetings = bundle.report.get("meetings_held").value
    finally:
        vault.lock()
    stages = (
        f"load {median_of(loads) * 1000:.0f} + compute {median_of(computes) * 1000:.0f} ms,"
        f" first after unlock {cold * 1000:.0f} ms; {meetings:.0f} meetings"
    )
    return [
        Row("bare scan of the period's rows (baseline)", median_of(scans), None, float("inf")),
        Row(
            "5-year, 20-group report (reports screen build)",
            median_of(totals),
            None,
            TARGET_S,
            note=stages,
        ),
    ]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)

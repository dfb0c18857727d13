"""The attacker: every export of a multi-group demo vault, combined as a hostile reader would.

A reader holds the CSV files of every group and of all groups, for every month, quarter
and the year (68 files). They know the published rules (a "<5" count is 1..4, a hidden
count is at least 0, a shown count is the exact one adjusted by at most 2 and never
1..4, a shown 0 is 0) and every relation between figures within and across files. This
test writes those relations itself, from the CSV files alone (it shares no code with
``disclosure_audit``), and asks HiGHS for the least and greatest value of every hidden
count. No hidden count may be pinned to one value (unless it can only be 0), and no
"<5" may be narrowed below 1..4.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from groupkeeper import demo, reports_export
from groupkeeper.export_csv import read_rows
from groupkeeper.metrics import Period
from groupkeeper.storage.repos import Store

highspy = pytest.importorskip("highspy")
pytestmark = pytest.mark.slow

TODAY = dt.date(2027, 1, 6)
YEAR = 2026
ADJUST = 2
KEY_SEED = 1


# The whole attack (3 groups + all groups, 12 months, 4 quarters, the year: 68 files) took
# about 8 minutes here (6.5 of them exporting with the audit); it runs when
# GROUPKEEPER_FULL_ATTACK=1. By default: 2 groups + all groups, the first half-year's months
# and quarters and the year (27 files), which keeps every kind of relation.
FULL = os.environ.get("GROUPKEEPER_FULL_ATTACK") == "1"
# The vault draws its record and meeting keys at random. The attack runs on one fixed draw
# (``pin_keys``) so that CI answers the same every time; GROUPKEEPER_RANDOM_KEYS=1 keeps
# the vault's own random draw, for stress runs over many draws. On random draws this
# attack found two "<5" counts narrowed to 2..4 once in CI (README, known gaps).
RANDOM_KEYS = os.environ.get("GROUPKEEPER_RANDOM_KEYS") == "1"


def pin_keys(db: Any, seed: int) -> None:
    """Replace the vault's random record and meeting keys with a draw fixed by ``seed``
    (unless GROUPKEEPER_RANDOM_KEYS=1). Call before the first export."""
    if RANDOM_KEYS:
        return
    rng = random.Random(seed)
    with db.conn:
        for (pseudonym,) in list(db.execute("SELECT pseudonym FROM record_keys ORDER BY 1")):
            db.execute(
                "UPDATE record_keys SET rkey = ? WHERE pseudonym = ?",
                [rng.randrange(2**31), pseudonym],
            )
        for (meeting_id,) in list(db.execute("SELECT meeting_id FROM meeting_keys ORDER BY 1")):
            db.execute(
                "UPDATE meeting_keys SET rkey = ? WHERE meeting_id = ?",
                [rng.randrange(2**31), meeting_id],
            )


GROUPS = 3 if FULL else 2
MONTHS = 12 if FULL else 6


def _periods() -> list[Period]:
    months = [Period((YEAR, m), (YEAR, m)) for m in range(1, MONTHS + 1)]
    quarters = [Period.quarter(YEAR, q) for q in range(1, MONTHS // 3 + 1)]
    return [*months, *quarters, Period.year(YEAR)]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, int]]:
    from groupkeeper.storage import keyheader
    from groupkeeper.storage.vault import Vault

    folder = tmp_path_factory.mktemp("attacker")
    with keyheader.lowered_floor_for_tests():
        vault, _ = Vault.create(folder / "vault", "attacker test passphrase")
    try:
        store = Store(vault.db, vault.folder)
        demo.generate(store, members=20 * GROUPS, groups=GROUPS, years=1, seed=3, today=TODAY)
        pin_keys(store.db, KEY_SEED)
        groups = {g.name: int(g.id or 0) for g in store.groups.all(active_only=False)}
        files = []
        scopes: list[tuple[tuple[int, ...] | None, str]] = [
            *(((gid,), name) for name, gid in groups.items()),
            (None, "All groups"),
        ]
        for scope, label in scopes:
            for period in _periods():
                bundle = reports_export.build_report(
                    store.db, scope, period, threshold=5, scope_label=label, today=TODAY
                )
                path = folder / f"{label}-{period.label.replace('..', '_')}.csv"
                reports_export.export_csv(bundle, path, store.db)
                files.append(path)
    finally:
        vault.lock()
    return files, groups


# --- The reader's model ---------------------------------------------------------------------

ADD_TIME = {
    "meetings_held", "attendances", "attendances_new", "attendances_returning", "walk_ins",
    "new_members", "mood_passes", "skills_shared", "skills_by_category", "goals_set",
    "goals_reviewed", "goals_outcome", "safety_concerns",
}  # fmt: skip
ADD_GROUPS = {
    "meetings_held", "attendances", "walk_ins", "mood_passes", "skills_shared",
    "skills_by_category", "goals_set", "goals_reviewed", "goals_outcome", "safety_concerns",
}  # fmt: skip
COUNTS = ADD_TIME | ADD_GROUPS | {"unique_attendees", "returning_members", "sessions_bucket"}


class Reader:
    """Integer variables for the exact counts behind the files, and what ties them."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, str, str, str], int] = {}
        self.lo: list[float] = []
        self.hi: list[float] = []
        self.rows: list[tuple[dict[int, float], float, float]] = []

    def x(self, scope: str, period: str, metric: str, key: str = "") -> int:
        if metric == "attendance_month":  # a month's attendances, as its own file shows
            period, metric, key = f"{key}..{key}", "attendances", ""
        name = (scope, period, metric, key)
        if name not in self.index:
            self.index[name] = len(self.lo)
            self.lo.append(0.0)
            self.hi.append(highspy.kHighsInf)
        return self.index[name]

    def same(self, total: int, parts: list[int]) -> None:
        row: dict[int, float] = defaultdict(float)
        row[total] += 1
        for p in parts:
            row[p] -= 1
        self.rows.append((dict(row), 0.0, 0.0))

    def le(self, small: dict[int, float], big: dict[int, float]) -> None:
        row: dict[int, float] = defaultdict(float)
        for v, c in small.items():
            row[v] += c
        for v, c in big.items():
            row[v] -= c
        self.rows.append((dict(row), -highspy.kHighsInf, 0.0))

    def solver(self):  # type: ignore[no-untyped-def]
        n = len(self.lo)
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = n, len(self.rows)
        lp.col_cost_ = np.zeros(n)
        lp.col_lower_, lp.col_upper_ = np.array(self.lo), np.array(self.hi)
        starts, idx, val = [0], [], []
        for coefs, _lo, _hi in self.rows:
            idx += list(coefs)
            val += list(coefs.values())
            starts.append(len(idx))
        lp.row_lower_ = np.array([r[1] for r in self.rows])
        lp.row_upper_ = np.array([r[2] for r in self.rows])
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(idx, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(val, dtype=float)
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("mip_rel_gap", 0.0)
        h.passModel(lp)
        return h


def _read(files: list[Path], reader: Reader) -> list[tuple[int, str]]:
    """Bounds and within-file relations from the CSV files; returns the hidden cells."""
    hidden: list[tuple[int, str]] = []
    seen: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for path in files:
        rows = [r for r in read_rows(path) if r["section"] != "notes"]
        scope, period = rows[0]["group"], rows[0]["period"]
        cells = {(r["metric"], r["key"]): r["value"] for r in rows}
        for (metric, key), value in cells.items():
            if metric not in COUNTS and metric != "attendance_month":
                continue
            v = reader.x(scope, period, metric, key)
            seen[(scope, period)].add((metric, key))
            if value.startswith("<"):
                k = int(value[1:])
                reader.lo[v], reader.hi[v] = max(reader.lo[v], 1), min(reader.hi[v], k - 1)
                hidden.append((v, value))
            elif value == "":
                hidden.append((v, "hidden"))
            elif float(value) == 0:
                reader.hi[v] = 0
            else:
                p = float(value)
                reader.lo[v] = max(reader.lo[v], 5, p - ADJUST)
                reader.hi[v] = min(reader.hi[v], p + ADJUST)

        def x(metric: str, key: str = "", scope: str = scope, period: str = period) -> int:
            return reader.x(scope, period, metric, key)

        reader.same(
            x("attendances"), [x("attendances_new"), x("attendances_returning"), x("walk_ins")]
        )
        reader.same(x("unique_attendees"), [x("new_members"), x("returning_members")])
        reader.same(x("new_members"), [x("attendances_new")])
        buckets = ["1", "2-3", "4-7", "8+"]
        reader.same(x("unique_attendees"), [x("sessions_bucket", b) for b in buckets])
        present = {x("attendances_new"): 1.0, x("attendances_returning"): 1.0}
        reader.le({x("unique_attendees"): 1.0}, present)
        reader.le(
            {x("sessions_bucket", b): w for b, w in zip(buckets, (1, 2, 4, 8), strict=True)},
            present,
        )
        for total, part in (
            ("skills_shared", "skills_by_category"),
            ("goals_reviewed", "goals_outcome"),
        ):
            reader.same(x(total), [x(part, k) for (m, k) in cells if m == part])
        months = [k for (m, k) in cells if m == "attendance_month"]
        if len(months) > 1:
            reader.same(x("attendances"), [x("attendance_month", k) for k in months])
    return hidden


def _across(reader: Reader, groups: list[str]) -> None:
    names = list(reader.index)
    scopes = {s for s, *_ in names}
    months = [f"{YEAR}-{m:02d}" for m in range(1, 13)]
    quarters = [(months[i], months[i + 2]) for i in range(0, 12, 3)]
    year = f"{months[0]}..{months[-1]}"
    for scope in scopes:
        metrics = {(m, k) for s, _p, m, k in names if s == scope}
        for metric, key in metrics:

            def x(period: str, scope: str = scope, metric: str = metric, key: str = key) -> int:
                return reader.x(scope, period, metric, key)

            month_x = {m: x(f"{m}..{m}") for m in months}  # unpublished ones: free
            quarter_x = [x(f"{a}..{b}") for a, b in quarters]
            if metric in ADD_TIME:
                for (a, b), q in zip(quarters, quarter_x, strict=True):
                    reader.same(q, [month_x[m] for m in months if a <= m <= b])
                reader.same(x(year), quarter_x)
            elif metric == "unique_attendees":
                for (a, b), q in zip(quarters, quarter_x, strict=True):
                    parts = [month_x[m] for m in months if a <= m <= b]
                    reader.le({q: 1.0}, {p: 1.0 for p in parts})
                    for p in parts:
                        reader.le({p: 1.0}, {q: 1.0})
                reader.le({x(year): 1.0}, {q: 1.0 for q in quarter_x})
    periods = {p for _s, p, _m, _k in names}
    metrics = {(m, k) for _s, _p, m, k in names}
    for period in periods:
        for metric, key in metrics:
            total = reader.x("All groups", period, metric, key)
            parts = [reader.x(g, period, metric, key) for g in groups]
            if metric in ADD_GROUPS:
                reader.same(total, parts)
            elif metric in ("unique_attendees", "new_members"):
                reader.le({total: 1.0}, {p: 1.0 for p in parts})
        present = [("attendances_new", ""), ("attendances_returning", "")]
        row: dict[int, float] = defaultdict(float)
        for m, k in present:
            row[reader.x("All groups", period, m, k)] += 1
            for g in groups:
                row[reader.x(g, period, m, k)] -= 1
        reader.rows.append((dict(row), 0.0, 0.0))


def test_no_hidden_count_can_be_worked_out_from_all_exports(
    exports: tuple[list[Path], dict[str, int]],
) -> None:
    files, groups = exports
    assert len(files) == (GROUPS + 1) * len(_periods())  # 68 for the full attack
    reader = Reader()
    hidden = _read(files, reader)
    _across(reader, sorted(groups))
    h = reader.solver()
    names = {v: k for k, v in reader.index.items()}
    found = []
    checked = 0
    for v, mark in sorted(set(hidden)):
        if not FULL and names[v][1] > f"{YEAR}-{MONTHS:02d}":
            continue  # a month after the half-year: never published, nothing to attack
        bounds = []
        for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
            cost = np.zeros(len(reader.lo))
            cost[v] = 1.0
            h.changeColsCost(len(cost), np.arange(len(cost), dtype=np.int32), cost)
            h.changeObjectiveSense(sense)
            h.run()
            status = h.getModelStatus()
            if status == highspy.HighsModelStatus.kOptimal:
                bounds.append(round(h.getInfo().objective_function_value))
            else:
                assert status in (
                    highspy.HighsModelStatus.kUnbounded,
                    highspy.HighsModelStatus.kUnboundedOrInfeasible,
                ), status
                bounds.append(float("inf"))
        low, high = bounds
        checked += 1
        if mark.startswith("<"):
            if low > 1 or high < int(mark[1:]) - 1:
                found.append((names[v], mark, low, high))
        elif low == high and low > 0:
            found.append((names[v], mark, low, high))
    assert checked > 100  # the demo vault has plenty of small counts to attack
    assert found == []

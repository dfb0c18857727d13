"""The attacker, again, after a meeting is entered late into a period already exported.

A period is exported (each group and all groups: months and the quarter), then a meeting is
entered late into one of its months ("Enter a past meeting"), then the changed exports
are made again. The reader holds every file, old and new. They know:

- the old files hang together (they were made from the same figures), and so do the new
  ones with the old files the late meeting cannot have changed (other groups; months
  before it);
- the late meeting can only *add* to the counts of its period (meetings, attendances,
  walk-ins, people, skills, goals, safety concerns): each such count in a new file is at
  least the same count in the old file of the same group and period.

With every relation the attack test uses within and across files, and these, HiGHS bounds
every hidden count: none may be pinned to one value (unless it can only be 0), and no "<5"
narrowed below 1..4. The audit models all of it (``disclosure_audit.History``); the
outcome depends on the random record keys of the vault, so the whole story runs on more
than one vault (each its own demo seed and its own draw of keys).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from groupkeeper import demo, reports_export
from groupkeeper.export_csv import read_rows
from groupkeeper.metrics import Period
from groupkeeper.storage import disclosure
from groupkeeper.storage.repos import Store
from tests.test_export_attacker import RANDOM_KEYS, Reader, _read, pin_keys

highspy = pytest.importorskip("highspy")
pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 5, 6)
LATE_DAY = "2026-02-18"
GROWING = {
    "meetings_held", "attendances", "walk_ins", "mood_passes", "skills_shared",
    "skills_by_category", "goals_set", "safety_concerns", "unique_attendees",
    "returning_members",
}  # fmt: skip
ADD_TIME = {
    "meetings_held", "attendances", "attendances_new", "attendances_returning", "walk_ins",
    "new_members", "mood_passes", "skills_shared", "skills_by_category", "goals_set",
    "goals_reviewed", "goals_outcome", "safety_concerns",
}  # fmt: skip
ADD_GROUPS = {
    "meetings_held", "attendances", "walk_ins", "mood_passes", "skills_shared",
    "skills_by_category", "goals_set", "goals_reviewed", "goals_outcome", "safety_concerns",
}  # fmt: skip
MONTHS = [f"2026-{m:02d}" for m in (1, 2, 3)]
QUARTER = "2026-01..2026-03"


def _renamed(path: Path, suffix: str) -> Path:
    """A copy of an export whose group is ``<group><suffix>`` (another world's variables)."""
    rows = read_rows(path)
    out = path.with_name(path.stem + suffix.replace("@", "-") + ".csv")
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        for r in rows:
            writer.writerow({**r, "group": r["group"] + suffix})
    return out


def _export_all(store: Store, folder: Path, groups: dict[str, int], tag: str) -> dict[str, Path]:
    """Every group and all groups, each month and the quarter; ``{name: path}``."""
    out = {}
    scopes = [*(((gid,), name) for name, gid in groups.items()), (None, "All groups")]
    for period in [*(Period.months(m, m) for m in MONTHS), Period.quarter(2026, 1)]:
        for scope, label in scopes:
            bundle = reports_export.build_report(
                store.db, scope, period, threshold=5, scope_label=label, today=TODAY
            )
            path = folder / f"{tag}-{label}-{period.label.replace('..', '_')}.csv"
            reports_export.export_csv(bundle, path, store.db)
            out[f"{label}|{period.label}"] = path
    return out


@pytest.fixture(scope="module", params=[7, 12], ids=lambda seed: f"seed{seed}")
def files(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    from groupkeeper.storage import keyheader
    from groupkeeper.storage.vault import Vault

    folder = tmp_path_factory.mktemp("late")
    with keyheader.lowered_floor_for_tests():
        vault, _ = Vault.create(folder / "vault", "late meeting test passphrase")
    try:
        store = Store(vault.db, vault.folder)
        demo.generate(store, members=40, groups=2, years=1, seed=request.param, today=TODAY)
        pin_keys(store.db, request.param)  # a fixed draw of keys (test_export_attacker)
        groups = {g.name: int(g.id or 0) for g in store.groups.all(active_only=False)}
        before = _export_all(store, folder, groups, "before")
        late_group = min(groups)
        gid = groups[late_group]
        # The late meeting: a few regulars, one walk-in, one safety concern.
        regulars = [m for m in store.members.all() if gid in m.group_ids][:4]
        meeting = store.meetings.start(gid, LATE_DAY, entered_after=True)
        assert meeting.id is not None
        if not RANDOM_KEYS:  # the late meeting's key, fixed too
            with store.db.conn:
                store.db.execute(
                    "UPDATE meeting_keys SET rkey = ? WHERE meeting_id = ?",
                    [1_000_003 * request.param % 2**31, meeting.id],
                )
        for m in regulars:
            store.meetings.check_in(meeting.id, m.pseudonym)
        store.meetings.change_walk_ins(meeting.id, 1)
        store.meetings.change_safety_concerns(meeting.id, 1)
        store.meetings.end(meeting.id)
        logged = len(disclosure.export_log(store.db))
        after = _export_all(store, folder, groups, "after")
        log = disclosure.export_log(store.db)
    finally:
        vault.lock()
    return before, after, groups, late_group, logged, log


def _changed(name: str, late_group: str) -> bool:
    """Whether the late meeting can have changed the file ``name`` ("group|period"): its
    group's (and all groups') periods ending in or after the late meeting's month."""
    label, period = name.split("|")
    return label in (late_group, "All groups") and period[-7:] >= LATE_DAY[:7]


def test_only_changed_files_are_new_and_unchanged_ones_repeat(files) -> None:  # type: ignore[no-untyped-def]
    before, after, _groups, late_group, logged, log = files
    for name, path in before.items():
        same = path.read_bytes() == after[name].read_bytes()
        if not _changed(name, late_group):
            assert same, name  # asked again: the same figures, byte for byte
    assert any(before[n].read_bytes() != after[n].read_bytes() for n in before)
    assert len(log) == 2 * logged


def _world(reader: Reader, paths: list[Path], groups: list[str], suffix: str) -> list:  # type: ignore[type-arg]
    """One consistent set of files (scopes named with ``suffix``) and its relations."""
    hidden = _read(paths, reader)
    scopes = {s for s, *_ in reader.index if (s.endswith(suffix) if suffix else "@" not in s)}
    for scope in scopes:
        refs = {(m, k) for s, p, m, k in list(reader.index) if s == scope}
        for metric, key in refs:
            months = [reader.x(scope, f"{m}..{m}", metric, key) for m in MONTHS]
            quarter = reader.x(scope, QUARTER, metric, key)
            if metric in ADD_TIME:
                reader.same(quarter, months)
            elif metric == "unique_attendees":
                reader.le({quarter: 1.0}, dict.fromkeys(months, 1.0))
                for m in months:
                    reader.le({m: 1.0}, {quarter: 1.0})
    total = "All groups" + suffix
    for period in [*(f"{m}..{m}" for m in MONTHS), QUARTER]:
        refs = {(m, k) for s, p, m, k in list(reader.index) if s == total and p == period}
        for metric, key in refs:
            whole = reader.x(total, period, metric, key)
            parts = [reader.x(g + suffix, period, metric, key) for g in groups]
            if metric in ADD_GROUPS:
                reader.same(whole, parts)
            elif metric in ("unique_attendees", "new_members"):
                reader.le({whole: 1.0}, dict.fromkeys(parts, 1.0))
    return hidden


def _exposed(reader: Reader, hidden: list) -> list:  # type: ignore[type-arg]
    """Hidden cells a reader can pin (or narrow, for "<5") with HiGHS.

    Any solution is a set of counts consistent with every file, so it shows one possible
    value of every hidden cell at once: two solutions (all hidden counts as small, then as
    large as possible) settle most cells; the rest get their own least and greatest value.
    """
    h = reader.solver()
    names = {v: k for k, v in reader.index.items()}
    cells = sorted(set(hidden))
    seen: dict[int, set[int]] = {v: set() for v, _mark in cells}

    def solve(costs: dict[int, float], sense: object) -> float:
        cost = np.zeros(len(reader.lo))
        for v, c in costs.items():
            cost[v] = c
        h.changeColsCost(len(cost), np.arange(len(cost), dtype=np.int32), cost)
        h.changeObjectiveSense(sense)
        h.run()
        status = h.getModelStatus()
        assert status != highspy.HighsModelStatus.kInfeasible, "the files contradict"
        if status != highspy.HighsModelStatus.kOptimal:
            return float("inf")
        values = h.getSolution().col_value
        for v in seen:
            seen[v].add(round(values[v]))
        return round(h.getInfo().objective_function_value)

    small = {v: 1.0 for v, _mark in cells}
    solve(small, highspy.ObjSense.kMinimize)
    solve({v: 1.0 for v, mark in cells if mark.startswith("<")}, highspy.ObjSense.kMaximize)
    found = []
    for v, mark in cells:
        if mark.startswith("<"):
            k = int(mark[1:])
            if {1, k - 1} <= seen[v]:
                continue
        elif 0 in seen[v] or len(seen[v]) >= 2:
            continue
        low = solve({v: 1.0}, highspy.ObjSense.kMinimize)
        high = solve({v: 1.0}, highspy.ObjSense.kMaximize)
        if mark.startswith("<"):
            if low > 1 or high < int(mark[1:]) - 1:
                found.append((names[v], mark, low, high))
        elif low == high and low > 0:
            found.append((names[v], mark, low, high))
    return found


def test_new_files_with_the_earlier_versions_of_the_same_files(files) -> None:  # type: ignore[no-untyped-def]
    """What the audit models: every file as it stands now (the new ones, and the old ones
    the late meeting cannot have changed) with every relation, and each file made again
    beside its earlier version (a count the late meeting can only raise is at most today's)."""
    before, after, groups_ids, late_group, _logged, _log = files
    groups = sorted(groups_ids)
    reader = Reader()
    new = [after[n] for n in after if _changed(n, late_group)]
    new += [before[n] for n in before if not _changed(n, late_group)]
    hidden = _world(reader, new, groups, "")
    changed = [n for n in before if _changed(n, late_group)]
    hidden += _read([_renamed(before[n], "@old") for n in changed], reader)
    for name in changed:
        label, period = name.split("|")
        for (scope, p, metric, key), i in list(reader.index.items()):
            if scope == label + "@old" and p == period and metric in GROWING:
                reader.le({i: 1.0}, {reader.x(label, period, metric, key): 1.0})
    assert len(set(hidden)) > 30
    assert _exposed(reader, hidden) == []


def test_no_hidden_count_can_be_worked_out_from_old_and_new_files(files) -> None:  # type: ignore[no-untyped-def]
    before, after, groups_ids, late_group, _logged, _log = files
    groups = sorted(groups_ids)
    reader = Reader()
    # The old world: every file made before the late meeting.
    old = [_renamed(p, "@old") for p in before.values()]
    hidden = _world(reader, old, groups, "@old")
    # The new world: the files made again, with the old ones it cannot have changed.
    new = [after[n] for n in after if _changed(n, late_group)]
    new += [before[n] for n in before if not _changed(n, late_group)]
    hidden += _world(reader, new, groups, "")
    # Across the worlds: unchanged figures are the same; changed ones can only grow.
    for name in before:
        label, period = name.split("|")
        for (scope, p, metric, key), i in list(reader.index.items()):
            if scope != label + "@old" or p != period:
                continue
            now = reader.x(label, period, metric, key)
            if not _changed(name, late_group):
                reader.same(now, [i])
            elif metric in GROWING:
                reader.le({i: 1.0}, {now: 1.0})
    assert len(set(hidden)) > 30
    assert _exposed(reader, hidden) == []

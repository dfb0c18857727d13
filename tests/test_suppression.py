"""Suppression: small counts hidden, complements hidden, means withheld, threshold rules."""

from __future__ import annotations

import itertools
from pathlib import Path

from groupkeeper import export_csv, suppression
from groupkeeper.metrics import Relation, Report, Value
from groupkeeper.suppression import CellState


def _count(metric: str, key: str, n: int) -> Value:
    return Value(metric, key, n, n, "count")


def skills_report(extra: tuple[Value, ...] = ()) -> Report:
    # Categories 3, 1, 12, 20 and total 36; goals reviewed 30 = 2 + 9 + 15 + 4.
    cats = {"Body and breath": 3, "Connection": 1, "Mind and thoughts": 12, "Activity": 20}
    goals = {"done": 2, "partly": 9, "not_yet": 15, "dropped": 4}
    values = [
        _count("skills_shared", "", 36),
        *(_count("skills_by_category", k, n) for k, n in cats.items()),
        _count("goals_reviewed", "", 30),
        *(_count("goals_outcome", k, n) for k, n in goals.items()),
        _count("safety_concerns", "", 3),
        _count("meetings_held", "", 0),
        *extra,
    ]
    relations = (
        Relation(("skills_shared", ""), tuple(("skills_by_category", k) for k in cats)),
        Relation(("goals_reviewed", ""), tuple(("goals_outcome", k) for k in goals)),
    )
    return Report("2025-01-01", "2025-03-31", (1,), tuple(values), relations)


def _feasible_values(
    report: Report, table: suppression.ReportTable
) -> dict[tuple[str, str], set[int]]:
    """Brute force, relation by relation (they share no cell here): every integer value
    each hidden cell can take, given what is shown and what a reader knows of hidden
    cells ("fewer than N" is 1..N-1; a suppressed cell any count from 0))."""
    states = {(c.metric, c.key): c for c in table.cells}
    found: dict[tuple[str, str], set[int]] = {}
    for rel in report.relations:
        members = [rel.total, *rel.parts]
        hidden = [r for r in members if states[r].state is not CellState.SHOWN]
        k = table.threshold
        ranges = [
            range(1, k) if states[r].state is CellState.FEWER_THAN else range(0, 60) for r in hidden
        ]
        for r in hidden:
            found.setdefault(r, set())
        for combo in itertools.product(*ranges):
            values = {r: states[r].value for r in members}
            values.update(zip(hidden, combo, strict=True))
            if values[rel.total] == sum(values[p] or 0 for p in rel.parts):
                for r, x in zip(hidden, combo, strict=True):
                    found[r].add(x)
    return found


def _full_range(table: suppression.ReportTable, ref: tuple[str, str], possible: set[int]) -> bool:
    """A "fewer than N" cell keeps all of 1..N-1; a suppressed one at least two values."""
    if table.cell(*ref).state is CellState.FEWER_THAN:
        return possible == set(range(1, table.threshold))
    return len(possible) >= 2


def test_primary_and_complementary() -> None:
    report = skills_report()
    table = suppression.suppress(report)
    state = {(c.metric, c.key): c.state for c in table.cells}
    assert state[("skills_by_category", "Body and breath")] is CellState.FEWER_THAN
    assert state[("skills_by_category", "Connection")] is CellState.FEWER_THAN
    assert state[("goals_outcome", "done")] is CellState.FEWER_THAN
    assert state[("goals_outcome", "dropped")] is CellState.FEWER_THAN
    assert state[("safety_concerns", "")] is CellState.FEWER_THAN
    assert state[("meetings_held", "")] is CellState.SHOWN  # zero reveals no one
    assert table.cell("skills_shared").value == 36
    # No hidden cell can be pinned down from the shown cells.
    for ref, possible in _feasible_values(report, table).items():
        assert _full_range(table, ref, possible), (ref, possible)


def test_single_small_cell_gets_a_partner() -> None:
    report = Report(
        "2025-01-01",
        "2025-03-31",
        (1,),
        (
            _count("goals_reviewed", "", 40),
            _count("goals_outcome", "done", 3),
            _count("goals_outcome", "partly", 10),
            _count("goals_outcome", "not_yet", 12),
            _count("goals_outcome", "dropped", 15),
        ),
        (
            Relation(
                ("goals_reviewed", ""),
                tuple(("goals_outcome", k) for k in ("done", "partly", "not_yet", "dropped")),
            ),
        ),
    )
    table = suppression.suppress(report)
    # done is primary; the smallest other part (partly, 10) is the complement.
    assert table.cell("goals_outcome", "done").state is CellState.FEWER_THAN
    assert table.cell("goals_outcome", "partly").state is CellState.SUPPRESSED
    assert table.cell("goals_outcome", "partly").value is None
    assert table.cell("goals_outcome", "not_yet").value == 12
    for ref, possible in _feasible_values(report, table).items():
        assert _full_range(table, ref, possible), (ref, possible)


def test_nothing_hidden_leaks_into_the_csv(tmp_path: Path) -> None:
    report = skills_report()
    table = suppression.suppress(report)
    path = tmp_path / "r.csv"
    export_csv.write_csv(path, table, "Tuesday Circle")
    rows = export_csv.read_rows(path)
    by_ref = {(r["metric"], r["key"]): r["value"] for r in rows}
    assert by_ref[("skills_by_category", "Body and breath")] == "<5"
    assert by_ref[("skills_by_category", "Connection")] == "<5"
    assert by_ref[("safety_concerns", "")] == "<5"
    hidden_refs = [(c.metric, c.key) for c in table.cells if c.state is not CellState.SHOWN]
    for ref in hidden_refs:
        assert by_ref[ref] in ("<5", "")
    # Two small cells share each relation (3 + 1 = 4, 2 + 4 = 6), but with the totals
    # shown they would add to exactly 4 and 6, which narrows "fewer than 5" (3 + 1 = 4
    # leaves 1..3): the audit hides the smallest large part of each as well (12, 9).
    shown = {by_ref[r] for r in by_ref if r not in hidden_refs}
    assert shown == {"36", "20", "30", "15", "0"}


def test_threshold_setting_and_floor() -> None:
    report = skills_report()
    eleven = suppression.suppress(report, threshold=11)
    assert eleven.threshold == 11
    # 9 (partly) is now a small count too.
    assert eleven.cell("goals_outcome", "partly").state is CellState.FEWER_THAN
    for ref, possible in _feasible_values(report, eleven).items():
        assert _full_range(eleven, ref, possible), (ref, possible)
    # Below 5 is clamped up to 5: 3 is still hidden.
    low = suppression.suppress(report, threshold=2)
    assert low.threshold == 5
    assert low.cell("safety_concerns").state is CellState.FEWER_THAN
    assert suppression.clamp_threshold(20) == 11


def test_means_need_eight_contributors() -> None:
    extra = (
        Value("mood_opening_mean", "1-5", 3.456, 7, "mean"),
        Value("mood_opening_mean", "0-10", 6.04, 8, "mean"),
        Value("wellbeing_change", "who5", 12.0, 9, "mean"),
    )
    table = suppression.suppress(skills_report(extra))
    assert table.cell("mood_opening_mean", "1-5").state is CellState.WITHHELD
    assert table.cell("mood_opening_mean", "1-5").value is None
    assert table.cell("mood_opening_mean", "0-10").value == 6.0  # rounded to 1 place
    # With threshold 9 the bar is max(8, 9) = 9.
    nine = suppression.suppress(skills_report(extra), threshold=9)
    assert nine.cell("mood_opening_mean", "0-10").state is CellState.WITHHELD
    assert nine.cell("wellbeing_change", "who5").state is CellState.SHOWN


def test_mean_withheld_when_it_would_reveal_a_hidden_count() -> None:
    extra = (
        _count("attendances", "", 3),
        Value(
            "mean_attendance",
            "",
            1.5,
            20,
            "mean",
            depends_on=(("attendances", ""), ("meetings_held", "")),
        ),
        Value("retention", "4", 30.0, 10, "percent", numerator=3),
        Value("retention", "8", 50.0, 10, "percent", numerator=5),
    )
    table = suppression.suppress(skills_report(extra))
    assert table.cell("mean_attendance").state is CellState.WITHHELD
    assert table.cell("retention", "4").state is CellState.WITHHELD  # 3 of 10 returned
    assert table.cell("retention", "8").value == 50


def test_group_added_skill_names_never_exported() -> None:
    extra = (
        Value("top_skill", "Box breathing", 9, 9, "count"),
        Value("top_skill", "PLANTED private skill", 8, 8, "count", private_key=True),
        Value("top_skill", "A short walk", 2, 2, "count"),
    )
    table = suppression.suppress(skills_report(extra))
    tops = [(c.key, c.value, c.note) for c in table.cells if c.metric == "top_skill"]
    assert tops == [("Box breathing", 1, "rank")]  # a rank, not the count
    exact = suppression.exact_table(skills_report(extra))
    assert exact.exact and exact.cell("top_skill", "PLANTED private skill").value == 8

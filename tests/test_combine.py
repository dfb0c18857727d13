"""combine: the coordinator roll-up of CSV exports (no vault, no passphrase).

Hand-written exports for the rules (sums of published figures, ranges, hidden parts,
means, refusals), and real exports of two demo vaults checked against the exact figures
of the two groups: every combined figure must hold within the published rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from groupkeeper import combine, demo, reports_export
from groupkeeper.export_csv import COLUMNS, read_rows
from groupkeeper.metrics import Period
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos import Store
from groupkeeper.suppression import CellState

TODAY = dt.date(2026, 5, 10)
Q1 = "2026-01..2026-03"


def write_export(
    path: Path,
    group: str,
    figures: dict[tuple[str, str], str],
    *,
    period: str = Q1,
    extra_columns: bool = False,
) -> Path:
    """A CSV in the export's format: ``figures[(metric, key)] = value text``."""
    from groupkeeper.suppression import SECTIONS

    header = list(COLUMNS) + (["label"] if extra_columns else [])
    lines = [",".join(header)]
    for (metric, key), value in figures.items():
        row = [SECTIONS[metric], metric, key, group, period, value, ""]
        if extra_columns:
            row.append("Etiqueta")
        lines.append(",".join(row))
    lines.append(",".join(["notes", "", "", group, period, "", "a note"] + ([""] * extra_columns)))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path


BASE = {
    ("meetings_held", ""): "12",
    ("attendances", ""): "96",
    ("attendances_new", ""): "<5",
    ("attendances_returning", ""): "80",
    ("walk_ins", ""): "",
    ("mean_attendance", ""): "8",
    ("median_attendance", ""): "8",
    ("unique_attendees", ""): "14",
    ("safety_concerns", ""): "0",
    ("retention", "4"): "",
    ("attendance_month", "2026-01"): "40",
    ("attendance_month", "2026-02"): "<5",
    ("attendance_month", "2026-03"): "52",
}


def two(tmp_path: Path, a: dict[tuple[str, str], str], b: dict[tuple[str, str], str]):  # type: ignore[no-untyped-def]
    fa = write_export(tmp_path / "a.csv", "Tuesday", a)
    fb = write_export(tmp_path / "b.csv", "Thursday", b)
    return combine.combine(combine.read_exports([fa, fb]), TODAY)


def test_sums_ranges_hidden_and_means(tmp_path: Path) -> None:
    b = dict(BASE)
    b[("attendances_new", "")] = "6"
    b[("walk_ins", "")] = "0"
    b[("attendance_month", "2026-02")] = "<5"
    report = two(tmp_path, BASE, b)
    t = report.table
    assert t.cell("meetings_held").value == 24 and t.cell("meetings_held").state is CellState.SHOWN
    assert t.cell("attendances").value == 192
    # "<5" + 6: at least 6 + 1, at most 6 + 4; never a guessed number.
    new = t.cell("attendances_new")
    assert new.state is CellState.RANGE and (new.value, new.high) == (7, 10)
    # A hidden part hides the sum.
    assert t.cell("walk_ins").state is CellState.SUPPRESSED and t.cell("walk_ins").value is None
    # Two "fewer than 5" parts: 2..8, which reaches the threshold, so a range.
    feb = t.cell("attendance_month", "2026-02")
    assert feb.state is CellState.RANGE and (feb.value, feb.high) == (2, 8)
    assert t.cell("safety_concerns").value == 0
    # The mean is worked out from the combined published counts.
    assert t.cell("mean_attendance").value == round(192 / 24, 1)
    # Medians and percentages cannot be combined: left out, and the notes say so.
    metrics = {c.metric for c in t.cells}
    assert "median_attendance" not in metrics and "retention" not in metrics
    assert combine.NOTE_NOT_COMBINED in t.notes and combine.NOTE_RANGE in t.notes
    assert t.combined_from == ("Tuesday", "Thursday")
    assert report.scope_label == "Tuesday + Thursday"


def test_fewer_than_parts_below_threshold_stay_fewer_than(tmp_path: Path) -> None:
    a = dict(BASE)
    b = dict(BASE)
    a[("attendance_month", "2026-02")] = "<5"
    b[("attendance_month", "2026-02")] = "0"
    t = two(tmp_path, a, b).table
    assert t.cell("attendance_month", "2026-02").state is CellState.FEWER_THAN


def test_mean_withheld_when_too_few_people_or_a_count_is_not_shown(tmp_path: Path) -> None:
    a = dict(BASE)
    b = dict(BASE)
    for f in (a, b):
        f[("mean_attendance", "")] = ""  # each withheld its own mean
        f[("unique_attendees", "")] = "6"  # 4..8 people each: not proven 8
    t = two(tmp_path, a, b).table
    assert t.cell("mean_attendance").state is CellState.WITHHELD
    b[("unique_attendees", "")] = "10"  # at least 8 people in that group alone
    assert two(tmp_path, a, b).table.cell("mean_attendance").state is CellState.SHOWN
    b[("meetings_held", "")] = ""  # a hidden part: the mean would need it
    t = two(tmp_path, a, b).table
    assert t.cell("meetings_held").state is CellState.SUPPRESSED
    assert t.cell("mean_attendance").state is CellState.WITHHELD


def test_different_thresholds_take_the_largest(tmp_path: Path) -> None:
    a = dict(BASE)
    b = {k: ("<11" if v == "<5" else v) for k, v in BASE.items()}
    b[("safety_concerns", "")] = "0"
    a[("safety_concerns", "")] = "6"  # shown at threshold 5, below 11: "fewer than 11"
    t = two(tmp_path, a, b).table
    assert t.threshold == 11
    assert t.cell("safety_concerns").state is CellState.FEWER_THAN
    feb = t.cell("attendance_month", "2026-02")
    assert (feb.value, feb.high) == (2, 4 + 10)


def test_extra_columns_and_neutralised_names_are_read(tmp_path: Path) -> None:
    fa = write_export(tmp_path / "a.csv", "'=Tue", BASE, extra_columns=True)
    fb = write_export(tmp_path / "b.csv", "Thu", BASE, extra_columns=True)
    files = combine.read_exports([fa, fb])
    assert files[0].group == "=Tue"
    out = tmp_path / "out.csv"
    combine.write_combined_csv(combine.combine(files, TODAY), out)
    rows = read_rows(out)
    assert rows[0]["group"] == "'=Tue + Thu"  # neutralised again on the way out
    values = {(r["metric"], r["key"]): r["value"] for r in rows if r["section"] != "notes"}
    assert values[("attendances_new", "")] == "2..8"
    assert values[("meetings_held", "")] == "24"
    assert values[("walk_ins", "")] == ""


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda p: p.write_text("name,phone\nA,1\n"), "not a GroupKeeper report export"),
        (lambda p: p.write_bytes(b"\x00\xff\xfe" * 50), "not a GroupKeeper report export"),
        (lambda p: p.write_text(""), "not a GroupKeeper report export"),
        (
            lambda p: p.write_text(p.read_text(encoding="utf-8-sig").replace(",96,", ",9x6,")),
            "damaged or edited line",
        ),
        (
            lambda p: p.write_text(
                p.read_text(encoding="utf-8-sig").replace("Tuesday", "=HYPERLINK(1)")
            ),
            "spreadsheet formula",
        ),
        (
            lambda p: p.write_text(
                p.read_text(encoding="utf-8-sig").replace("walk_ins,", "walk_ins_v9,")
            ),
            "newer version",
        ),
        (
            lambda p: p.write_text(p.read_text(encoding="utf-8-sig").replace(",12,", ",12.5,", 1)),
            "damaged or edited line",
        ),
        (
            lambda p: p.write_text(p.read_text(encoding="utf-8-sig").replace(",96,", ",90..99,")),
            "already a combined report",
        ),
    ],
)
def test_bad_files_are_refused_in_plain_words(tmp_path: Path, damage, words: str) -> None:  # type: ignore[no-untyped-def]
    fa = write_export(tmp_path / "a.csv", "Tuesday", BASE)
    fb = write_export(tmp_path / "b.csv", "Thursday", BASE)
    damage(fa)
    before = fa.read_bytes()
    with pytest.raises(InvalidInput) as caught:
        combine.read_exports([fa, fb])
    assert words in str(caught.value) and "a.csv" in str(caught.value)
    assert fa.read_bytes() == before


def test_sets_that_cannot_be_added_up_are_refused(tmp_path: Path) -> None:
    fa = write_export(tmp_path / "a.csv", "Tuesday", BASE)
    fb = write_export(tmp_path / "b.csv", "Thursday", BASE, period="2026-04..2026-06")
    with pytest.raises(InvalidInput, match="different periods"):
        combine.read_exports([fa, fb])
    copy = tmp_path / "copy.csv"
    copy.write_bytes(fa.read_bytes())
    with pytest.raises(InvalidInput, match="same export as a.csv"):
        combine.read_exports([fa, copy])
    with pytest.raises(InvalidInput, match="chosen twice"):
        combine.read_exports([fa, fa])
    other = dict(BASE)
    other[("meetings_held", "")] = "13"
    again = write_export(tmp_path / "again.csv", "tuesday ", other)
    with pytest.raises(InvalidInput, match="count\\s+that group twice"):
        combine.read_exports([fa, again])
    with pytest.raises(InvalidInput, match="at least two"):
        combine.read_exports([fa])


# --- Real exports of two vaults --------------------------------------------------------------


def _vault_export(folder: Path, seed: int, name: str) -> tuple[Path, reports_export.ReportBundle]:
    from groupkeeper.storage.vault import Vault

    vault, _ = Vault.create(folder, "combine test passphrase")
    try:
        store = Store(vault.db, vault.folder)
        demo.generate(store, members=30, groups=1, years=1, seed=seed, today=TODAY)
        (group,) = store.groups.all(active_only=False)
        store.groups.update(dataclasses.replace(group, name=name))
        bundle = reports_export.build_report(
            store.db, None, Period.quarter(2026, 1), threshold=5, scope_label=name, today=TODAY
        )
        path = folder.parent / f"{name}.csv"
        reports_export.export_csv(bundle, path, store.db)
    finally:
        vault.lock()
    return path, bundle


def test_combine_of_two_vaults_equals_the_two_groups_within_the_rules(tmp_path: Path) -> None:
    pa, a = _vault_export(tmp_path / "site-a", 11, "Site A Tuesday")
    pb, b = _vault_export(tmp_path / "site-b", 12, "Site B Thursday")
    report = combine.combine(combine.read_exports([pa, pb]), TODAY)
    parts = (a, b)
    checked = {state: 0 for state in CellState}
    for c in report.table.cells:
        checked[c.state] += 1
        if c.metric == "mean_attendance":
            continue
        exact = sum(float(p.exact.cell(c.metric, c.key).value or 0) for p in parts)
        published = [p.table.cell(c.metric, c.key) for p in parts]
        if c.state is CellState.SHOWN:
            # The sum of what the two exports published, and so within 2 per export.
            assert all(x.state is CellState.SHOWN for x in published)
            assert c.value == sum(float(x.value or 0) for x in published)
            assert abs((c.value or 0) - exact) <= 2 * len(parts)
        elif c.state is CellState.RANGE:
            assert c.value is not None and c.high is not None
            assert c.value - 2 * len(parts) <= exact <= c.high + 2 * len(parts)
            assert any(x.state is CellState.FEWER_THAN for x in published)
        elif c.state is CellState.FEWER_THAN:
            assert 1 <= exact < report.threshold
        else:
            assert c.state is CellState.SUPPRESSED
            assert any(x.state in (CellState.SUPPRESSED, CellState.WITHHELD) for x in published)
    # A real report, not an empty one (how many are shown depends on the random keys).
    assert checked[CellState.SHOWN] >= 8 and sum(checked.values()) >= 25
    mean = report.table.cell("mean_attendance")
    att, meetings = report.table.cell("attendances"), report.table.cell("meetings_held")
    if mean.state is CellState.SHOWN:
        assert mean.value == round((att.value or 0) / (meetings.value or 1), 1)
        # Worked out from published counts, each within 2 of the exact one per export.
        exact_att = sum(float(p.exact.cell("attendances").value or 0) for p in parts)
        exact_meetings = sum(float(p.exact.cell("meetings_held").value or 0) for p in parts)
        slack = 2 * len(parts)
        low = (exact_att - slack) / (exact_meetings + slack)
        high = (exact_att + slack) / (exact_meetings - slack)
        assert low - 0.05 <= (mean.value or 0) <= high + 0.05
    # Nothing that cannot be worked out from exports appears.
    assert not {c.metric for c in report.table.cells} & combine.NOT_COMBINED

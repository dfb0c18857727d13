"""reports_export: the bundle behind the screen, the CSV, periods, and `groupkeeper export`.

Hand-built vaults whose expected numbers are worked out here; the CLI runs in a real
subprocess with the passphrase on stdin (the child lowers the KDF floor in code).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from groupkeeper import reports_export
from groupkeeper.export_csv import ALL_COLUMNS, read_rows
from groupkeeper.metrics import Period
from groupkeeper.model import Group, Member
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos import Store
from groupkeeper.suppression import CellState

REPO = Path(__file__).resolve().parents[1]
CHILD = (
    "import sys\n"
    "from groupkeeper.storage import keyheader\n"
    "floor = keyheader.lowered_floor_for_tests()\n"
    "floor.__enter__()\n"
    "from groupkeeper.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)
PASSPHRASE = "export test passphrase 42"
TODAY = dt.date(2026, 5, 10)


def fill(store: Store) -> dict[str, int]:
    """Group "Circle": 12 members. January: 4 meetings with 10 present each (40) and one
    walk-in at the first; February: 1 meeting with 3 present; March: 2 meetings with 9
    present each (18). Safety concerns: 3 in January (a small count)."""
    g = store.groups.add(Group(name="Circle"))
    assert g.id is not None
    members = store.members.add_many(
        [Member(f"Person {i}", group_ids=[g.id], contact_consent=True) for i in range(12)]
    )
    plan = [
        ("2026-01-06", 10, 1, 3),
        ("2026-01-13", 10, 0, 0),
        ("2026-01-20", 10, 0, 0),
        ("2026-01-27", 10, 0, 0),
        ("2026-02-03", 3, 0, 0),
        ("2026-03-03", 9, 0, 0),
        ("2026-03-10", 9, 0, 0),
    ]
    for day, present, walk_ins, safety in plan:
        m = store.meetings.start(g.id, day)
        assert m.id is not None
        for person in members[:present]:
            store.meetings.check_in(m.id, person.pseudonym)
        if walk_ins:
            store.meetings.change_walk_ins(m.id, walk_ins)
        if safety:
            store.meetings.change_safety_concerns(m.id, safety)
        store.meetings.end(m.id)
    return {"group": g.id}


def test_bundle_months_and_suppression(store: Store) -> None:
    ids = fill(store)
    bundle = reports_export.build_report(
        store.db,
        (ids["group"],),
        Period.quarter(2026, 1),
        threshold=5,
        scope_label="Circle",
        today=TODAY,
    )
    exact = {(c.metric, c.key): c for c in bundle.exact.cells}
    assert exact[("attendance_month", "2026-01")].value == 41  # 40 present + 1 walk-in
    assert exact[("attendance_month", "2026-02")].value == 3
    assert exact[("attendance_month", "2026-03")].value == 18
    assert exact[("attendances", "")].value == 62
    assert exact[("safety_concerns", "")].value == 3

    out = {(c.metric, c.key): c for c in bundle.table.cells}
    assert out[("attendances", "")].state is CellState.SHOWN
    assert out[("attendance_month", "2026-02")].state is CellState.FEWER_THAN
    # Published counts are the exact ones adjusted by at most 2, never below 5.
    for ref, c in out.items():
        if c.state is CellState.SHOWN and ref[0] in ("attendances", "attendance_month"):
            assert c.value is not None and abs(c.value - (exact[ref].value or 0)) <= 2
            assert c.value == 0 or c.value >= 5
    # Before perturbation, 62 - 41 - 18 gave February back; now each shown figure is
    # only known to +-2, so February stays anywhere in 1..4.
    # (The record keys are random: on some draws a further month is hidden with February,
    # and then there is nothing to subtract at all.)
    others = [out[("attendance_month", k)] for k in ("2026-01", "2026-03")]
    if all(c.state is CellState.SHOWN for c in others):
        total = out[("attendances", "")].value or 0
        low = total - 2 - sum((c.value or 0) + 2 for c in others)
        assert low <= 1
    assert out[("safety_concerns", "")].state is CellState.FEWER_THAN
    assert all(c.value is None for c in bundle.table.cells if c.state is not CellState.SHOWN)
    assert bundle.people == 10 and not bundle.too_small  # members[:10] ever came


def test_csv_has_documented_columns_and_no_small_count(store: Store, tmp_path: Path) -> None:
    ids = fill(store)
    bundle = reports_export.build_report(
        store.db,
        (ids["group"],),
        Period.quarter(2026, 1),
        threshold=5,
        scope_label="Circle",
        today=TODAY,
    )
    path = tmp_path / "r.csv"
    reports_export.export_csv(bundle, path)
    rows = read_rows(path)
    assert tuple(rows[0].keys()) == ALL_COLUMNS
    by = {(r["metric"], r["key"]): r for r in rows}
    assert 5 <= int(by[("meetings_held", "")]["value"]) <= 9  # 7, adjusted by up to 2
    assert 60 <= int(by[("attendances", "")]["value"]) <= 64  # 62
    assert by[("safety_concerns", "")]["value"] == "<5"
    assert by[("attendance_month", "2026-02")]["value"] == "<5"
    assert all(r["period"] == "2026-01..2026-03" and r["group"] == "Circle" for r in rows)
    values = {r["value"] for r in rows}
    assert "3" not in values  # neither February's 3 attendances nor the 3 safety concerns


def test_threshold_setting_is_respected(store: Store) -> None:
    ids = fill(store)
    bundle = reports_export.build_report(
        store.db,
        (ids["group"],),
        Period.quarter(2026, 1),
        threshold=11,
        scope_label="Circle",
        today=TODAY,
    )
    assert bundle.threshold == 11
    # 10 people < max(8, 11): averages are withheld and a roll-up is offered.
    assert bundle.table.cell("mean_attendance").state is CellState.WITHHELD
    assert bundle.too_small
    floor = reports_export.build_report(
        store.db,
        (ids["group"],),
        Period.quarter(2026, 1),
        threshold=2,
        scope_label="Circle",
        today=TODAY,
    )
    assert floor.threshold == 5


def test_period_from_args() -> None:
    assert reports_export.period_from_args(None, None, dt.date(2026, 5, 10)) == Period.quarter(
        2026, 1
    )
    assert reports_export.period_from_args("2025-10", "2025-12", TODAY) == Period.quarter(2025, 4)
    assert reports_export.period_from_args("2025-01", "2025-12", TODAY) == Period.year(2025)
    assert reports_export.period_from_args("2026-02", None, TODAY) == Period((2026, 2), (2026, 2))
    # Ranges that could overlap another export are refused, with the rule in words.
    for start, end in (("2025-11", "2026-02"), ("2026-01", "2026-02"), ("2025-02", "2025-04")):
        with pytest.raises(InvalidInput, match="one calendar month, one quarter"):
            reports_export.period_from_args(start, end, TODAY)
    with pytest.raises(InvalidInput):
        reports_export.period_from_args("2026-13", None, TODAY)
    with pytest.raises(InvalidInput):
        reports_export.period_from_args("2026-03", "2026-01", TODAY)


@pytest.mark.parametrize(
    ("period", "ok"),
    [
        (Period((2026, 2), (2026, 2)), True),
        (Period.quarter(2026, 1), True),
        (Period.quarter(2025, 4), True),
        (Period.year(2025), True),
        (Period((2026, 1), (2026, 2)), False),  # Jan-Mar minus this would be March
        (Period((2026, 2), (2026, 4)), False),  # three months, not a calendar quarter
        (Period((2025, 12), (2026, 2)), False),
        (Period((2025, 1), (2026, 12)), False),  # two years
        (Period((2025, 7), (2026, 6)), False),  # a financial year is not a calendar year
    ],
)
def test_only_calendar_months_quarters_and_years_are_exportable(
    period: Period, ok: bool, tmp_path: Path, empty_db
) -> None:
    assert period.exportable is ok
    bundle = reports_export.build_report(
        empty_db, None, period, threshold=5, scope_label="All groups", today=TODAY
    )
    target = tmp_path / "out.csv"
    if ok:
        reports_export.export_csv(bundle, target)
        assert target.exists()
    else:
        with pytest.raises(InvalidInput):
            reports_export.export_csv(bundle, target)
        assert not target.exists()


@pytest.fixture
def empty_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    from groupkeeper.storage.vault import Vault

    vault, _key = Vault.create(tmp_path / "v", PASSPHRASE)
    yield vault.db
    vault.lock()


def test_run_export_needs_an_output(tmp_path: Path) -> None:
    args = argparse.Namespace(
        dir=str(tmp_path), group=None, from_month=None, to_month=None, csv=None, pdf=None
    )
    with pytest.raises(InvalidInput):
        reports_export.run_export(args, lambda *_a: None)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    from groupkeeper.storage.vault import Vault

    folder = tmp_path / "vault"
    vault, _key = Vault.create(folder, PASSPHRASE)
    try:
        fill(Store(vault.db, vault.folder))
    finally:
        vault.lock()
    return folder


def run_cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_cli_export_writes_csv_and_pdf(vault_dir: Path, tmp_path: Path) -> None:
    csv_path, pdf_path = tmp_path / "out.csv", tmp_path / "out.pdf"
    result = run_cli(
        "export",
        str(vault_dir),
        "--group",
        "Circle",
        "--from",
        "2026-01",
        "--to",
        "2026-03",
        "--csv",
        str(csv_path),
        "--pdf",
        str(pdf_path),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "2026-01..2026-03" in result.stdout
    rows = read_rows(csv_path)
    by = {(r["metric"], r["key"]): r["value"] for r in rows}
    assert 60 <= int(by[("attendances", "")]) <= 64 and by[("safety_concerns", "")] == "<5"
    # The people columns, in English (no language chosen in the app's settings).
    words = {(r["metric"], r["key"]): r for r in rows}
    assert words[("attendances_returning", "")]["label"] == "Returning attendances"
    assert words[("safety_concerns", "")]["explanation"].startswith("Fewer than 5:")
    assert {r["period_label"] for r in rows} == {"January\u2013March 2026"}
    assert pdf_path.read_bytes().startswith(b"%PDF")
    # The command line's PDF has its plurals worded ("1 figure", "3 figures", never
    # "figure(s)"): its offscreen app loads the translations.
    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "figure(s)" not in text
    assert re.search(r"\(1 figure in this report\)|\([02-9]\d* figures in this report\)", text)
    assert not list(tmp_path.glob(".export-*"))  # no temporary files left behind


def test_cli_export_unknown_group_lists_the_groups_in_one_line(
    vault_dir: Path, tmp_path: Path
) -> None:
    result = run_cli(
        "export",
        str(vault_dir),
        "--group",
        "Zanzibar",
        "--csv",
        str(tmp_path / "x.csv"),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Zanzibar" not in lines[0]
    assert "Groups in this vault: Circle." in lines[0]  # group names are not personal data
    assert not (tmp_path / "x.csv").exists()


def test_the_audit_takes_in_months_tied_through_a_quarter(store: Store, tmp_path: Path) -> None:
    """All groups' February is audited with the Tuesday group's January and March too: the
    group's quarter ties them to its February, which all groups' February ties to the
    other group's. Only exports of overlapping periods were taken before, and on one draw
    of keys a reader narrowed the group's January and March "<5" to 2..4."""
    from groupkeeper import demo

    demo.generate(store, members=30, groups=2, years=1, seed=3, today=dt.date(2027, 1, 6))
    one, two = (int(g.id or 0) for g in store.groups.all(active_only=False))
    months = [Period((2026, m), (2026, m)) for m in (1, 2, 3)]
    exports = [((two,), p) for p in [*months, Period.quarter(2026, 1)]] + [((one,), months[1])]
    for scope, period in exports:
        bundle = reports_export.build_report(
            store.db, scope, period, threshold=5, scope_label="g", today=dt.date(2027, 1, 6)
        )
        reports_export.export_csv(bundle, tmp_path / f"{scope}-{period.label}.csv", store.db)
    _table, records = reports_export._from_log(
        store.db,
        (one, two),
        months[1],
        "not logged yet",
        None,  # type: ignore[arg-type]
    )
    taken = {(r.group_ids, r.period_start[:7], r.period_end[:7]) for r in records}
    assert ((two,), "2026-01", "2026-01") in taken
    assert ((two,), "2026-03", "2026-03") in taken
    assert len(taken) == len(exports)

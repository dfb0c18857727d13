"""CSV export: documented columns, BOM, formula neutralisation, numbers kept numeric."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from groupkeeper import export_csv, suppression
from groupkeeper.metrics import Report, Value
from groupkeeper.suppression import Cell, CellState, ReportTable


def _table(*cells: Cell) -> ReportTable:
    return ReportTable("2025-01-01", "2025-03-31", 5, False, cells, ())


def test_columns_bom_and_parse(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    table = _table(
        Cell("meetings", "meetings_held", "", CellState.SHOWN, 12),
        Cell("safety", "safety_concerns", "", CellState.FEWER_THAN, None),
        Cell("mood", "mood_change_mean", "1-5", CellState.SHOWN, -0.4),
        Cell("mood", "mood_opening_mean", "0-10", CellState.WITHHELD, None),
    )
    export_csv.write_csv(path, table, "Tuesday Circle")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == export_csv.ALL_COLUMNS
    assert export_csv.COLUMNS == export_csv.MACHINE_COLUMNS == tuple(rows[0][:7])
    # The machine columns scripts read: same names, same order, same values as ever.
    assert rows[0][:7] == ["section", "metric", "key", "group", "period", "value", "note"]
    assert rows[1][:7] == [
        "meetings",
        "meetings_held",
        "",
        "Tuesday Circle",
        "2025-01..2025-03",
        "12",
        "",
    ]
    # People columns after them; without a wording the label is the metric id.
    assert rows[0][7:] == ["label", "period_label", "explanation"]
    assert rows[1][7:] == ["meetings_held", "January\u2013March 2025", ""]
    assert rows[2][5] == "<5" and rows[2][6] == "fewer than 5"
    # A negative number is a number, not a formula: written as is.
    assert rows[3][5] == "-0.4"
    assert rows[4][5] == "" and rows[4][6].startswith("withheld")
    assert not list(tmp_path.glob(".export-*"))  # no temp file left behind


@pytest.mark.parametrize("evil", ['=HYPERLINK("x")', "+1", "-0.4", "@SUM(A1)", "\tx", "\rx"])
def test_text_cells_neutralised(tmp_path: Path, evil: str) -> None:
    path = tmp_path / "r.csv"
    table = _table(Cell("skills", "top_skill", evil, CellState.SHOWN, 1, "rank"))
    export_csv.write_csv(path, table, evil)
    rows = export_csv.read_rows(path)
    assert rows[0]["key"] == "'" + evil
    assert rows[0]["group"] == "'" + evil
    assert rows[0]["value"] == "1"


def test_exact_table_is_refused(tmp_path: Path) -> None:
    report = Report(
        "2025-01-01", "2025-03-31", (1,), (Value("safety_concerns", "", 2, 2, "count"),), ()
    )
    with pytest.raises(ValueError):
        export_csv.write_csv(tmp_path / "r.csv", suppression.exact_table(report), "G")
    assert not (tmp_path / "r.csv").exists()


def test_labels_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    table = ReportTable(
        "2025-01-01",
        "2025-03-31",
        5,
        False,
        (Cell("meetings", "meetings_held", "", CellState.SHOWN, 3),),
        ("note_mood_check_not_validated",),
    )
    export_csv.write_csv(path, table, "G", labels={"meetings_held": "Reuniones"})
    rows = export_csv.read_rows(path)
    assert rows[0]["metric"] == "Reuniones"
    assert rows[1]["section"] == "notes" and "check-in" in rows[1]["note"]


SEPARATORS = (",", ";", "\t", "|")
HOSTILE_NAMES = (
    "Tue;=1+2;x",
    "Tue,=1+2,x",
    'Tue;"=HYPERLINK(""http://x"")";y',
    "a; +SUM(A1:A9)",
    "a;-2+3",
    "a|@cmd",
    "a\n=1+1",
    "a\t=1+1",
    "a,'=1",
)


def _cells_any_spreadsheet_might_see(raw: str) -> list[str]:
    """Every piece of every line, whichever separator a spreadsheet splits on."""
    pieces = []
    for line in raw.replace("\r\n", "\n").split("\n"):
        for sep in SEPARATORS:
            pieces.extend(p.strip().strip('"').strip() for p in line.split(sep))
    return pieces


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("evil", HOSTILE_NAMES)
def test_no_formula_whatever_the_separator(tmp_path: Path, evil: str) -> None:
    """A group named ``Tue;=1+2;x`` must not give a live ``=1+2`` in a ';' spreadsheet."""
    path = tmp_path / "r.csv"
    table = _table(
        Cell("mood", "mood_change_mean", "1-5", CellState.SHOWN, -0.4),
        Cell("skills", "top_skill", evil, CellState.SHOWN, 1, "rank"),
    )
    export_csv.write_csv(path, table, evil)
    raw = path.read_bytes().decode("utf-8-sig")
    live = [
        piece
        for piece in _cells_any_spreadsheet_might_see(raw)
        if piece[:1] in ("=", "+", "-", "@") and not _is_number(piece)
    ]
    assert live == []
    # The numbers stay numbers for a ',' spreadsheet, and the text is still readable.
    rows = export_csv.read_rows(path)
    assert rows[0]["value"] == "-0.4"
    assert rows[1]["group"].replace("'", "") == evil.replace("'", "")

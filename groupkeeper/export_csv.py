"""Write a suppressed report table as CSV for spreadsheets (Excel, LibreOffice).

Columns (in this order, header row first):

``section``  group of figures: meetings, attendance, members, sessions, retention, mood,
             skills, goals, safety, wellbeing.
``metric``   metric id (see ``metrics.DEFINITIONS``), or its label if ``labels`` maps it.
``key``      sub-key: mood scale ("1-5"/"0-10"), "scale|YYYY-MM" for monthly means, skill
             category or starter skill name, sessions bucket, goal outcome, retention weeks,
             wellbeing measure id; empty for single figures.
``group``    the scope label the caller gives (a group name or "All groups").
``period``   ``YYYY-MM..YYYY-MM`` (whole calendar months).
``value``    a plain number (counts as integers, means to 1 decimal, percentages whole,
             slopes to 2 decimals); ``<N`` for a count fewer than N; empty when suppressed,
             withheld or no data (the note says which); in a combined report
             (``combine``), ``LOW..HIGH`` for a sum with a "fewer than N" part.
``note``     why a value is missing, or "rank" for top skills; English by default.

The file is UTF-8 with a byte-order mark (so Excel detects UTF-8), CRLF line ends, and is
written atomically (temporary file in the same folder, fsync, replace), so a half-written
export never exists under the final name. Text cells that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading
apostrophe, and so does every such character that follows a ``;``, ``,``, ``|``, tab or line
break inside a cell: a spreadsheet opening the file with another separator (``;`` is the
default in much of Europe) would otherwise start a new cell there, and a group named
``Tue;=1+2;x`` would yield a live ``=1+2``. Numbers are written from ``int``/``float``
values and are never altered: a value of -0.4 is a number, not a formula, and stays
``-0.4`` so spreadsheets can add it up; only *text* such as a group named "-0.4" or "=1+1"
is neutralised.

Only ``suppression.suppress`` output may be written; an exact table is refused.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path

from groupkeeper.fileio import atomic_write_bytes
from groupkeeper.suppression import CellState, ReportTable

COLUMNS = ("section", "metric", "key", "group", "period", "value", "note")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

NOTE_TEXT: dict[str, str] = {
    "fewer_than": "fewer than {n}",
    "suppressed": "hidden so that a small count cannot be worked out",
    "withheld": "withheld: too few people, or it would reveal a hidden count",
    "no_data": "no data",
    "rank": "rank among the most shared starter-library skills",
    "adjusted": "may differ from the exact count by up to 2 (privacy adjustment)",
    "note_mood_check_not_validated": "The weekly mood rating is a check-in, not a validated"
    " outcome measure.",
}


# A separator some spreadsheet might split on, then (spaces or a quote allowed) a formula
# character: that piece would become a cell of its own.
_FORMULA_AFTER_SEPARATOR = re.compile(r"""([;,|\t\r\n][\s"']*)(?=[=+\-@\t\r])""")


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would treat as a formula, whatever the
    separator it splits the line on (see the module docstring)."""
    text = _FORMULA_AFTER_SEPARATOR.sub(r"\1'", text)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def render(table: ReportTable, group: str, labels: Mapping[str, str] | None = None) -> str:
    """The CSV text (without BOM) for ``table``; see the module docstring for columns."""
    if table.exact:
        raise ValueError("exact tables are for the screen only; export a suppressed table")
    words = dict(NOTE_TEXT)
    if labels:
        words.update(labels)
    period = f"{table.period_start[:7]}..{table.period_end[:7]}"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)

    def text(s: str) -> str:
        return neutralise(s)

    for c in table.cells:
        if c.state is CellState.SHOWN and c.value is not None:
            value = _number(c.value)
            note = words.get(c.note, c.note) if c.note else ""
        elif c.state is CellState.FEWER_THAN:
            value = f"<{table.threshold}"
            note = words["fewer_than"].format(n=table.threshold)
        elif c.state is CellState.RANGE and c.value is not None and c.high is not None:
            # A combined report's sum with a "fewer than N" part (``combine``).
            value = f"{_number(c.value)}..{_number(c.high)}"
            note = words.get(c.note, c.note)
        else:
            value = ""
            note = words[c.state.value]
        writer.writerow(
            [
                text(words.get(c.section, c.section)),
                text(words.get(c.metric, c.metric)),
                text(c.key),
                text(group),
                text(period),
                value,  # a number or "<N": never neutralised (see module docstring)
                text(note),
            ]
        )
    for note_id in table.notes:
        writer.writerow(
            ["notes", "", "", text(group), text(period), "", text(words.get(note_id, note_id))]
        )
    return out.getvalue()


def write_csv(
    path: Path, table: ReportTable, group: str, labels: Mapping[str, str] | None = None
) -> None:
    """Write ``table`` to ``path`` atomically as UTF-8 CSV with BOM.

    Args:
        path: Destination file (its folder must exist).
        table: From ``suppression.suppress`` (exact tables are refused).
        group: Scope label for the ``group`` column.
        labels: Optional translations of section, metric and note codes.

    Raises:
        ValueError: ``table`` is an exact (unsuppressed) table.
        OSError: The folder cannot be written (full disk, read-only, removed stick).
    """
    data = render(table, group, labels).encode("utf-8-sig")
    atomic_write_bytes(path, data)


def read_rows(path: Path) -> list[dict[str, str]]:
    """Parse a file written by ``write_csv`` (for tests and re-import checks)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))

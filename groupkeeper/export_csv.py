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

These seven are the *machine columns*: scripts (and ``groupkeeper combine``) read them, so
their names, order and values never change. Three columns for people follow them:

``label``         the figure in words, in the app's language ("Returning attendances",
                  "People who came to 2-3 meetings").
``period_label``  the period in words ("July–September 2026", "November 2026", "2026").
                  ``period`` itself stays ``YYYY-MM..YYYY-MM``: scripts compare and sort it.
``explanation``   one plain sentence for every hidden, withheld or adjusted value (and for
                  averages worked out from adjusted counts, "no data" and ranks); empty
                  for a value shown as counted.

The words come from a ``Wording`` the caller hands in (the UI layer translates them; the
command line uses the app's language). Without one, ``label`` is the metric id and key and
the rest is English.

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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from groupkeeper.fileio import atomic_write_bytes
from groupkeeper.suppression import CellState, ReportTable

#: The machine columns scripts read: names, order and values never change (a reader
#: needs these; ``COLUMNS`` keeps its old meaning for code that checks them).
COLUMNS = ("section", "metric", "key", "group", "period", "value", "note")
MACHINE_COLUMNS = COLUMNS
#: The columns for people, after the machine columns (in the app's language).
PEOPLE_COLUMNS = ("label", "period_label", "explanation")
#: The header of a file: the machine columns, then the people columns.
ALL_COLUMNS = MACHINE_COLUMNS + PEOPLE_COLUMNS
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The report's own notes (a row each in section "notes"); the UI translates them under
#: the context ``"csv"``.
REPORT_NOTES: dict[str, str] = {
    "note_mood_check_not_validated": "The weekly mood rating is a check-in, not a validated"
    " outcome measure.",
}

#: A combined report's notes (``combine``): the ``note`` column of its figures and its
#: notes rows, and their explanation; the UI translates them under the context ``"csv"``.
COMBINED_NOTES: dict[str, str] = {
    "combined_adjusted": "a sum of adjusted figures: may differ from the exact count by up"
    " to 2 for each export added",
    "combined_people_per_group": "people are counted once per group: someone who attends two"
    " of the groups counts in each",
    "combined_range": "a part was fewer than the threshold, so the sum is shown as the range"
    " the parts allow",
    "combined_not_combined": "Medians, percentages, mood and wellbeing averages, trends and"
    " skill ranks cannot be worked out from exports, so a combined report leaves them out.",
}

NOTE_TEXT: dict[str, str] = {
    "fewer_than": "fewer than {n}",
    "suppressed": "hidden so that a small count cannot be worked out",
    "withheld": "withheld: too few people, or it would reveal a hidden count",
    "no_data": "no data",
    "rank": "rank among the most shared starter-library skills",
    "adjusted": "may differ from the exact count by up to 2 (privacy adjustment)",
    **REPORT_NOTES,
    **COMBINED_NOTES,
}


#: The ``explanation`` sentences (English; the UI translates them under the context
#: ``"csv"``). ``%1`` is the threshold, ``%2`` the largest hidden count (threshold - 1),
#: ``%3`` the fewest people an average needs.
EXPLANATIONS: dict[str, str] = {
    "fewer_than": "Fewer than %1: a count from 1 to %2 is not shown exactly, so that a few"
    " people cannot be singled out.",
    "suppressed": "Hidden: with the totals and the other figures, this one would let a"
    " reader work out a small count.",
    "withheld": "Withheld: it rests on fewer than %3 people, or it would let a reader work"
    " out a hidden count.",
    "no_data": "No data: nothing of this kind was recorded in this period.",
    "adjusted": "Slightly adjusted to protect privacy: it may differ from the exact count by"
    " up to 2, so totals may not add up exactly.",
    "rank": "Rank among the most shared coping skills from the starter library (1 = most"
    " shared); the count itself is not shown.",
    "from_adjusted": "Worked out from the adjusted counts, so it may differ slightly from the"
    " exact average.",
}

#: Averages that an adjusted table works out from its adjusted counts (see
#: ``suppression._ratio_from_published``): their explanation says so.
_FROM_ADJUSTED = frozenset({"mean_attendance", "sessions_mean"})

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def english_period(first_day: str, last_day: str) -> str:
    """A whole-month period in English words: "November 2026", "July–September 2026",
    "2026", or "November 2025–February 2026" across a new year."""
    sy, sm = int(first_day[:4]), int(first_day[5:7])
    ey, em = int(last_day[:4]), int(last_day[5:7])
    if (sm, em) == (1, 12) and sy == ey:
        return str(sy)
    if (sy, sm) == (ey, em):
        return f"{_MONTHS[sm - 1]} {sy}"
    if sy == ey:
        return f"{_MONTHS[sm - 1]}\u2013{_MONTHS[em - 1]} {sy}"
    return f"{_MONTHS[sm - 1]} {sy}\u2013{_MONTHS[em - 1]} {ey}"


def _arg(text: str, *values: object) -> str:
    for i, v in enumerate(values, start=1):
        text = text.replace(f"%{i}", str(v))
    return text


def english_explanation(reason: str, threshold: int) -> str:
    """The English ``explanation`` for ``reason`` (a ``CellState`` value, "adjusted" or
    "rank"); "" for any other."""
    from groupkeeper.suppression import min_contributors

    template = EXPLANATIONS.get(reason)
    if template is None:  # a combined report's note (``combine``): its English sentence
        return COMBINED_NOTES.get(reason, "")
    return _arg(template, threshold, threshold - 1, min_contributors(threshold))


@dataclass(frozen=True)
class Wording:
    """How the people columns are worded (the UI layer builds a translated one).

    Attributes:
        label: ``(metric, key)`` -> the figure in words.
        period: ``(first_day, last_day)`` -> the period in words.
        explanation: ``(reason, threshold)`` -> the sentence for a hidden, withheld,
            adjusted or ranked value (reason: a ``CellState`` value, "adjusted", "rank").
        note: a report note id (e.g. ``note_mood_check_not_validated``) -> its sentence.
    """

    label: Callable[[str, str], str]
    period: Callable[[str, str], str]
    explanation: Callable[[str, int], str]
    note: Callable[[str], str]


def _plain_label(metric: str, key: str) -> str:
    return f"{metric} {key}".strip()


#: Used when the caller hands in no wording (library use, tests): English sentences, and
#: the metric id as the label.
PLAIN = Wording(
    label=_plain_label,
    period=english_period,
    explanation=english_explanation,
    note=lambda note_id: NOTE_TEXT.get(note_id, note_id),
)


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


def render(
    table: ReportTable,
    group: str,
    labels: Mapping[str, str] | None = None,
    wording: Wording | None = None,
) -> str:
    """The CSV text (without BOM) for ``table``; see the module docstring for columns.

    ``labels`` may translate the codes of the machine columns (kept for old callers; the
    app never passes it, so those columns stay the same everywhere); ``wording`` words the
    people columns.
    """
    if table.exact:
        raise ValueError("exact tables are for the screen only; export a suppressed table")
    words = dict(NOTE_TEXT)
    if labels:
        words.update(labels)
    period = f"{table.period_start[:7]}..{table.period_end[:7]}"
    say = wording or PLAIN
    period_words = say.period(table.period_start, table.period_end)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ALL_COLUMNS)

    def text(s: str) -> str:
        return neutralise(s)

    for c in table.cells:
        if c.state is CellState.SHOWN and c.value is not None:
            value = _number(c.value)
            note = words.get(c.note, c.note) if c.note else ""
            reason = c.note  # "adjusted", "rank" or nothing
            if not reason and table.perturbed and c.metric in _FROM_ADJUSTED:
                reason = "from_adjusted"
        elif c.state is CellState.FEWER_THAN:
            value = f"<{table.threshold}"
            note = words["fewer_than"].format(n=table.threshold)
            reason = c.state.value
        elif c.state is CellState.RANGE and c.value is not None and c.high is not None:
            # A combined report's sum with a "fewer than N" part (``combine``).
            value = f"{_number(c.value)}..{_number(c.high)}"
            note = words.get(c.note, c.note)
            reason = c.note
        else:
            value = ""
            note = words[c.state.value]
            reason = c.state.value
        writer.writerow(
            [
                text(words.get(c.section, c.section)),
                text(words.get(c.metric, c.metric)),
                text(c.key),
                text(group),
                text(period),
                value,  # a number or "<N": never neutralised (see module docstring)
                text(note),
                text(say.label(c.metric, c.key)),
                text(period_words),
                text(say.explanation(reason, table.threshold) if reason else ""),
            ]
        )
    for note_id in table.notes:
        writer.writerow(
            [
                "notes",
                "",
                "",
                text(group),
                text(period),
                "",
                text(words.get(note_id, note_id)),
                text(say.note(note_id)),
                text(period_words),
                "",
            ]
        )
    return out.getvalue()


def write_csv(
    path: Path,
    table: ReportTable,
    group: str,
    labels: Mapping[str, str] | None = None,
    wording: Wording | None = None,
) -> None:
    """Write ``table`` to ``path`` atomically as UTF-8 CSV with BOM.

    Args:
        path: Destination file (its folder must exist).
        table: From ``suppression.suppress`` (exact tables are refused).
        group: Scope label for the ``group`` column.
        labels: Optional translations of section, metric and note codes.
        wording: How the people columns are worded (default: ``PLAIN``).

    Raises:
        ValueError: ``table`` is an exact (unsuppressed) table.
        OSError: The folder cannot be written (full disk, read-only, removed stick).
    """
    data = render(table, group, labels, wording).encode("utf-8-sig")
    atomic_write_bytes(path, data)


def read_rows(path: Path) -> list[dict[str, str]]:
    """Parse a file written by ``write_csv`` (for tests and re-import checks)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))

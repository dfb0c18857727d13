"""The coordinator roll-up: combine GroupKeeper CSV exports into one report (no Qt, no vault).

Coordinators across several groups or sites receive exports, never vaults. ``read_export``
reads one CSV export (by column *name*: ``section, metric, key, group, period, value,
note``; other columns, such as a translated ``label``, are allowed and ignored),
``check_exports`` refuses a set that cannot be added up, and ``combine`` writes a
combined report under the export rules:

- **Only published figures are used.** Every shown count is the sum of the parts'
  published (already adjusted) counts; nothing is ever recomputed from, or guessed about,
  a hidden figure. A combined report is worked out from the exports alone, so it tells a
  reader nothing the exports did not already tell: it cannot undo their protection.
- **A sum with a hidden part is hidden**, and a sum whose only hidden parts are "fewer
  than N" is shown as the range the parts allow (``CellState.RANGE``: every "fewer than
  N" part counts as 1 to N-1), or as "fewer than N" when the whole range is below the
  threshold.
- **Counts** that add up over groups are added (meetings, attendances, walk-ins, people,
  skills, goals, safety concerns, months). People are counted once per group: someone
  who attends two groups counts in each (the exports cannot tell).
- **Means only where the rule allows:** the average attendance per meeting is worked out
  from the combined attendances and meetings when both are shown and at least
  ``max(8, threshold)`` people are behind it (a part that showed its own average, or
  published that many different people, proves it). Medians, percentages, mood and
  wellbeing averages, trends and skill ranks cannot be worked out from exports: they are
  left out, and the report says so.
- The threshold of the combined report is the largest of its parts' (a sum from 1 to
  threshold-1 becomes "fewer than N").

``run_combine(args, write_pdf)`` is the body of ``groupkeeper combine FILE... [--csv OUT]
[--pdf OUT]``; the PDF writer (Qt) is handed in by the command line's entry point.
Every refusal is an ``InvalidInput`` with one English sentence (translated by the UI).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from groupkeeper import suppression
from groupkeeper.disclosure_audit import COUNT_METRICS
from groupkeeper.export_csv import COLUMNS, COMBINED_NOTES, Wording, neutralise, write_csv
from groupkeeper.metrics import Period
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.suppression import Cell, CellState, ReportTable

#: The largest export file read (a real export is a few kilobytes).
MAX_FILE_BYTES = 2_000_000
#: The most exports combined at once.
MAX_FILES = 500

#: Counts summed over groups (a meeting belongs to one group; people count once per group).
ADDED = COUNT_METRICS
#: People counted once per group: someone in two groups counts in each.
PER_GROUP_PEOPLE = frozenset({"unique_attendees", "returning_members", "sessions_bucket"})
#: Figures that cannot be worked out from exports (left out of a combined report).
NOT_COMBINED = frozenset(suppression.SECTIONS) - ADDED - {"mean_attendance"}
#: Figures every GroupKeeper export has.
REQUIRED = (("meetings_held", ""), ("attendances", ""))

NOTE_PEOPLE_PER_GROUP = "combined_people_per_group"
NOTE_NOT_COMBINED = "combined_not_combined"
NOTE_RANGE = "combined_range"
NOTE_ADJUSTED_SUM = "combined_adjusted"

_PERIOD = re.compile(r"^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$")
_FEWER = re.compile(r"^<(\d{1,2})$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_SEPARATOR = re.compile(r"[;,|\t\r\n]")
_NEUTRALISED_INSIDE = re.compile(r"""([;,|\t\r\n][\s"']*?)'(?=[=+\-@\t\r])""")


@dataclass(frozen=True)
class ExportCell:
    """One figure as an export published it (``value`` only when shown)."""

    section: str
    metric: str
    key: str
    state: CellState
    value: float | None


@dataclass(frozen=True)
class ExportFile:
    """One export read from disk (``read_export``).

    Attributes:
        name: The file's name, for messages.
        group: The scope label (a group's name or "All groups").
        period: The whole months it covers.
        threshold: Its suppression threshold, read from its "<N" figures (5, the lowest
            allowed, when it has none).
        cells: Its figures in file order, by ``(metric, key)``.
        digest: A digest of group, period and figures (to spot the same export twice).
    """

    name: str
    group: str
    period: Period
    threshold: int
    cells: dict[tuple[str, str], ExportCell]
    digest: str


@dataclass(frozen=True)
class CombinedReport:
    """A combined report, shaped like ``reports_export.ReportBundle`` for the writers."""

    scope_label: str
    period: Period
    threshold: int
    table: ReportTable
    generated_on: str
    parts: tuple[ExportFile, ...]
    group_ids: tuple[int, ...] = ()


# --- Reading one export -------------------------------------------------------------------


def _plain(text: str) -> bool:
    """Text ``neutralise`` leaves alone and ``unneutralise`` cannot change (most cells)."""
    return not text or (text[0] not in "'=+-@\t\r" and not _SEPARATOR.search(text))


def unneutralise(text: str) -> str:
    """Undo ``export_csv.neutralise``: the text as it was before it was written."""
    if _plain(text):
        return text
    if text.startswith("'") and text[1:2] and text[1] in "=+-@\t\r":
        text = text[1:]
    return _NEUTRALISED_INSIDE.sub(r"\1", text)


def _refuse_not_export(name: str) -> InvalidInput:
    return InvalidInput(
        "{file} is not a GroupKeeper report export (a CSV written by Export CSV or"
        " groupkeeper export). Choose the exported CSV files.",
        file=name,
    )


def _malformed(name: str, line: int) -> InvalidInput:
    return InvalidInput(
        "{file} has a damaged or edited line ({line}), so its figures cannot be trusted."
        " Ask for the export again, unchanged.",
        file=name,
        line=line,
    )


def read_export(path: Path) -> ExportFile:
    """Read and check one CSV export.

    Raises:
        InvalidInput: not a GroupKeeper export, a damaged or edited line, a cell that
            looks like a spreadsheet formula, figures of a newer GroupKeeper, or the file
            cannot be read.
    """
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise InvalidInput(
            "{file} cannot be read: it may have been moved or removed, be a folder, or"
            " need a permission you do not have.",
            file=name,
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise _refuse_not_export(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse_not_export(name) from None
    if "\x00" in text:
        raise _refuse_not_export(name)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise _refuse_not_export(name) from None
    if not rows or not set(COLUMNS) <= set(rows[0]):
        raise _refuse_not_export(name)
    header = rows[0]
    if len(set(header)) != len(header):
        raise _refuse_not_export(name)
    col = {c: header.index(c) for c in header}
    groups: set[str] = set()
    periods: set[str] = set()
    thresholds: set[int] = set()
    cells: dict[tuple[str, str], ExportCell] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        if len(row) != len(header):
            raise _malformed(name, line)
        for column, raw in zip(header, row, strict=True):
            if _plain(raw) or column == "value":
                continue
            if neutralise(unneutralise(raw)) != raw:
                raise InvalidInput(
                    "{file} has a cell that looks like a spreadsheet formula (line {line})."
                    " GroupKeeper never writes one, so the file was changed after it was"
                    " exported; ask for the export again.",
                    file=name,
                    line=line,
                )
        get = {c: unneutralise(row[col[c]]) for c in COLUMNS}
        groups.add(get["group"])
        periods.add(get["period"])
        section, metric, key, value = get["section"], get["metric"], get["key"], row[col["value"]]
        if section == "notes":
            continue
        if metric not in suppression.SECTIONS:
            raise InvalidInput(
                "{file} holds figures this version of GroupKeeper does not know; it may come"
                " from a newer version. Update GroupKeeper and try again.",
                file=name,
            )
        if section != suppression.SECTIONS[metric] or (metric, key) in cells:
            raise _malformed(name, line)
        fewer = _FEWER.match(value)
        number: float | None = None
        if fewer:
            state = CellState.FEWER_THAN
            thresholds.add(int(fewer.group(1)))
        elif _NUMBER.match(value):
            state, number = CellState.SHOWN, float(value)
            if not math.isfinite(number) or (metric in ADDED and not number.is_integer()):
                raise _malformed(name, line)
            if metric in ADDED and number < 0:
                raise _malformed(name, line)
        elif value == "":
            # Hidden, withheld or no data: which one does not matter to a sum (the
            # note's wording may be translated, so it is not parsed).
            state = CellState.SUPPRESSED if metric in ADDED else CellState.WITHHELD
        elif ".." in value:
            raise InvalidInput(
                "{file} is already a combined report; combine the original exports instead.",
                file=name,
            )
        else:
            raise _malformed(name, line)
        cells[(metric, key)] = ExportCell(section, metric, key, state, number)
    if not cells or any(ref not in cells for ref in REQUIRED):
        raise _refuse_not_export(name)
    if len(groups) != 1 or len(periods) != 1 or len(thresholds) > 1:
        raise _malformed(name, 2)
    group, period_text = groups.pop(), periods.pop()
    period = _period(period_text)
    if period is None:
        raise _malformed(name, 2)
    threshold = thresholds.pop() if thresholds else suppression.MIN_THRESHOLD
    if suppression.clamp_threshold(threshold) != threshold:
        raise _malformed(name, 2)
    digest = hashlib.sha256(
        "\n".join(
            [group.strip().casefold(), period.label]
            + [f"{m}|{k}|{c.state.value}|{c.value!r}" for (m, k), c in sorted(cells.items())]
        ).encode()
    ).hexdigest()
    return ExportFile(name, group, period, threshold, cells, digest)


def _period(text: str) -> Period | None:
    found = _PERIOD.match(text)
    if not found:
        return None
    try:
        period = Period.months(found.group(1), found.group(2))
    except ValueError:
        return None
    return period if period.exportable else None


# --- Checking a set -----------------------------------------------------------------------


def check_exports(files: Sequence[ExportFile]) -> None:
    """Refuse a set of exports that cannot be added up.

    Raises:
        InvalidInput: fewer than two, different periods, the same export twice, or the
            same group twice.
    """
    if len(files) < 2:
        raise InvalidInput("Choose at least two exports to combine.")
    if len(files) > MAX_FILES:
        raise InvalidInput("Choose at most {limit} exports at once.", limit=MAX_FILES)
    first = files[0]
    for f in files[1:]:
        if f.period != first.period:
            raise InvalidInput(
                "The exports cover different periods ({first}: {first_period}; {other}:"
                " {other_period}). Combine exports of the same month, quarter or year.",
                first=first.name,
                first_period=first.period.label,
                other=f.name,
                other_period=f.period.label,
            )
    seen_digest: dict[str, ExportFile] = {}
    seen_group: dict[str, ExportFile] = {}
    for f in files:
        if f.digest in seen_digest:
            raise InvalidInput(
                "{other} is the same export as {first}; leave one of them out.",
                first=seen_digest[f.digest].name,
                other=f.name,
            )
        seen_digest[f.digest] = f
        group = f.group.strip().casefold()
        if group in seen_group:
            raise InvalidInput(
                '{first} and {other} are both for "{group}": adding them up would count'
                " that group twice. Leave one of them out (exports of groups that share a"
                " name at different sites: export each under its own name).",
                first=seen_group[group].name,
                other=f.name,
                group=f.group,
            )
        seen_group[group] = f


def read_exports(paths: Sequence[Path]) -> list[ExportFile]:
    """``read_export`` of every path, then ``check_exports``; the same path twice is refused.

    Raises:
        InvalidInput: see ``read_export`` and ``check_exports``.
    """
    seen: dict[Path, Path] = {}
    for p in paths:
        real = Path(p).resolve()
        if real in seen:
            raise InvalidInput("{file} was chosen twice; leave one of them out.", file=Path(p).name)
        seen[real] = Path(p)
    files = [read_export(Path(p)) for p in paths]
    check_exports(files)
    return files


# --- Adding up ------------------------------------------------------------------------------


def _sum_cell(
    section: str,
    metric: str,
    key: str,
    parts: list[ExportCell | None],
    thresholds: list[int],
    threshold: int,
) -> Cell:
    shown = 0.0
    low_extra = 0
    high_extra = 0
    for part, k in zip(parts, thresholds, strict=True):
        if part is None:
            continue  # not in that export: none counted (a category nobody shared)
        if part.state is CellState.SHOWN:
            shown += part.value or 0.0
        elif part.state is CellState.FEWER_THAN:
            low_extra += 1
            high_extra += k - 1
        else:
            return Cell(section, metric, key, CellState.SUPPRESSED, None)
    note = NOTE_PEOPLE_PER_GROUP if metric in PER_GROUP_PEOPLE else ""
    if not low_extra:
        if 1 <= shown < threshold:
            return Cell(section, metric, key, CellState.FEWER_THAN, None, note)
        return Cell(section, metric, key, CellState.SHOWN, shown, note or NOTE_ADJUSTED_SUM)
    low, high = shown + low_extra, shown + high_extra
    if high < threshold:
        return Cell(section, metric, key, CellState.FEWER_THAN, None, note)
    return Cell(section, metric, key, CellState.RANGE, low, note or NOTE_RANGE, high)


def _mean_attendance(
    cells: dict[tuple[str, str], Cell], files: Sequence[ExportFile], threshold: int
) -> Cell:
    section = suppression.SECTIONS["mean_attendance"]
    attendances = cells[("attendances", "")]
    meetings = cells[("meetings_held", "")]
    need = suppression.min_contributors(threshold)
    people = 0
    for f in files:
        own = f.cells.get(("mean_attendance", ""))
        if own is not None and own.state is CellState.SHOWN:
            people = max(people, suppression.min_contributors(f.threshold))
        unique = f.cells.get(("unique_attendees", ""))
        if unique is not None and unique.state is CellState.SHOWN and unique.value:
            # A published count is the exact one adjusted by at most 2.
            people = max(people, int(unique.value) - 2)
    both_shown = attendances.state is CellState.SHOWN and meetings.state is CellState.SHOWN
    if not both_shown or people < need:
        return Cell(section, "mean_attendance", "", CellState.WITHHELD, None)
    if not meetings.value:
        return Cell(section, "mean_attendance", "", CellState.NO_DATA, None)
    value = round((attendances.value or 0.0) / meetings.value, 1)
    return Cell(section, "mean_attendance", "", CellState.SHOWN, value)


def combined_label(files: Sequence[ExportFile]) -> str:
    """The scope label of a combined report: its parts' labels joined by " + "."""
    return " + ".join(f.group for f in files)


def combine(files: Sequence[ExportFile], today: dt.date | None = None) -> CombinedReport:
    """Add up checked exports (``read_exports``) into one report (see module docstring).

    Raises:
        InvalidInput: the set cannot be combined (``check_exports``).
    """
    check_exports(files)
    threshold = max(f.threshold for f in files)
    order: list[tuple[str, str]] = []
    sections: dict[tuple[str, str], str] = {}
    for f in files:
        for ref, c in f.cells.items():
            if ref not in sections:
                sections[ref] = c.section
                order.append(ref)
    thresholds = [f.threshold for f in files]
    summed: dict[tuple[str, str], Cell] = {}
    left_out = False
    for metric, key in order:
        if metric in ADDED:
            parts = [f.cells.get((metric, key)) for f in files]
            summed[(metric, key)] = _sum_cell(
                sections[(metric, key)], metric, key, parts, thresholds, threshold
            )
        elif metric in NOT_COMBINED:
            left_out = True
    cells: list[Cell] = []
    for ref in order:
        if ref in summed:
            cells.append(summed[ref])
        elif ref == ("mean_attendance", ""):
            cells.append(_mean_attendance(summed, files, threshold))
    notes = [NOTE_PEOPLE_PER_GROUP]
    if any(c.state is CellState.RANGE for c in cells):
        notes.append(NOTE_RANGE)
    if left_out:
        notes.append(NOTE_NOT_COMBINED)
    notes.append("note_mood_check_not_validated")
    period = files[0].period
    table = ReportTable(
        period.first_day,
        period.last_day,
        threshold,
        False,
        tuple(cells),
        tuple(notes),
        perturbed=True,
        combined_from=tuple(f.group for f in files),
    )
    return CombinedReport(
        scope_label=combined_label(files),
        period=period,
        threshold=threshold,
        table=table,
        generated_on=(today or dt.date.today()).isoformat(),
        parts=tuple(files),
    )


#: English words of the combined report's notes (the CSV's ``note`` column; the UI
#: translates them for the people columns).
NOTE_TEXT: dict[str, str] = COMBINED_NOTES


def write_combined_csv(report: CombinedReport, path: Path, wording: Wording | None = None) -> None:
    """Write ``report`` as CSV with the export's columns (``export_csv``); ``wording`` words
    the people columns (label, period, explanations and notes) in the app's language
    (default: English).

    Raises:
        OSError: the folder cannot be written.
    """
    write_csv(Path(path), report.table, report.scope_label, wording=wording)


# --- The command line -----------------------------------------------------------------------


def _say(text: str) -> None:
    import sys

    if sys.stdout is not None:
        print(text, flush=True)


def _target(value: str | None, flag: str, inputs: Sequence[Path]) -> Path | None:
    if not value:
        return None
    path = Path(value)
    if not path.parent.is_dir():
        raise InvalidInput("The folder for {flag} does not exist.", flag=flag)
    if path.exists() and any(path.resolve() == p.resolve() for p in inputs):
        raise InvalidInput(
            "{flag} names one of the exports being combined; write to another file.", flag=flag
        )
    return path


def describe(report: CombinedReport) -> str:
    """A few English lines: what was combined and the headline figures (for the CLI)."""
    t = report.table
    lines = [
        f"Combined {len(report.parts)} exports for {report.period.label}"
        f" (threshold {report.threshold}): {', '.join(f.group for f in report.parts)}."
    ]
    for metric in ("meetings_held", "attendances", "unique_attendees", "new_members"):
        try:
            c = t.cell(metric)
        except KeyError:
            continue
        lines.append(f"  {metric}: {cell_words(c, report.threshold)}")
    return "\n".join(lines)


def cell_words(c: Cell, threshold: int) -> str:
    """A cell's value in plain English (the CLI's summary)."""
    if c.state is CellState.SHOWN:
        return f"{c.value:g}" if c.value is not None else "no data"
    if c.state is CellState.RANGE:
        return f"between {c.value:g} and {c.high:g}"
    if c.state is CellState.FEWER_THAN:
        return f"fewer than {threshold}"
    return {"suppressed": "hidden", "withheld": "withheld", "no_data": "no data"}[c.state.value]


def run_combine(
    args: argparse.Namespace,
    write_pdf: Callable[[Any, Path], None] | None = None,
    csv_wording: Callable[[], Wording] | None = None,
) -> int:
    """Body of ``groupkeeper combine FILE... [--csv OUT] [--pdf OUT]`` (no vault needed).

    Without ``--csv`` or ``--pdf`` it only checks the files and says what it would combine.
    ``csv_wording`` (from the UI layer, which translates) words the CSV's people columns;
    without it they are plain English.

    Raises:
        InvalidInput: a file or the set is refused (see ``read_exports``), or an output
            folder is missing or an output names an input.
        OSError: a file cannot be read or written.
    """
    inputs = [Path(p) for p in args.files]
    csv_path = _target(getattr(args, "csv", None), "--csv", inputs)
    pdf_path = _target(getattr(args, "pdf", None), "--pdf", inputs)
    files = read_exports(inputs)
    report = combine(files)
    written = []
    if csv_path is not None:
        write_combined_csv(report, csv_path, csv_wording() if csv_wording is not None else None)
        written.append(str(csv_path))
    if pdf_path is not None:
        if write_pdf is None:
            raise InvalidInput("This build cannot write PDF reports; use --csv.")
        write_pdf(report, pdf_path)
        written.append(str(pdf_path))
    _say(describe(report))
    if written:
        _say(f"Wrote the combined report: {', '.join(written)}.")
    else:
        _say("Nothing written: add --csv FILE and/or --pdf FILE to write the combined report.")
    return 0

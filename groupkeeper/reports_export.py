"""Report orchestration shared by the Reports screen and ``groupkeeper export`` (no Qt here).

``build_report(db, group_ids, period, ...)`` loads the pseudonymous facts, computes every
figure, and returns a ``ReportBundle`` holding both the *exact* table (the facilitator's
own screen, labelled "exact - exports are suppressed") and the *suppressed* table (the
only thing any export may write: CSV, PDF, charts in the PDF).

Two series the charts need are not part of ``metrics.compute`` and are added here, with
the same rules as every other cell:

``attendance_month`` (key ``YYYY-MM``)
    Attendances (members present + walk-ins) at closed meetings dated in that month. The
    months add up to ``attendances``; in exports each month from 1 to threshold-1 is
    "fewer than N", and complementary suppression (over the relation ``attendances =
    sum of months``) hides another month so that no hidden month can be worked out from
    the shown total. If that would mean hiding the total the table shows, every month is
    hidden instead.
``mood_closing_month`` (key ``scale|YYYY-MM``)
    Closing mood check per month: the mean of that month's meeting means, per scale,
    withheld in exports below ``max(8, threshold)`` contributors, like
    ``mood_opening_month``; contributors are counted as the busiest closing round of the
    month (a lower bound: it can only withhold more).

``run_export(args, open_vault, write_pdf)`` is the body of ``groupkeeper export``: it unlocks the
vault, builds the bundle, writes the CSV and/or the PDF and logs them, then locks the
vault. No Qt here: the PDF writer (``ui.report_pdf.write_pdf_offscreen``) is handed in by
the command line's entry point.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import hashlib
import statistics
import sys
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from groupkeeper import disclosure_audit, metrics, perturbation, suppression
from groupkeeper.export_csv import Wording, write_csv
from groupkeeper.metrics import Period, Report, Value
from groupkeeper.storage import disclosure
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.reporting import MeetingFact, ReportFacts, load_facts
from groupkeeper.suppression import Cell, CellState, ReportTable

#: Definitions of the two chart series this module adds (English; the UI translates).
EXTRA_DEFINITIONS: dict[str, str] = {
    "attendance_month": "Attendances (members present plus walk-ins) at closed meetings"
    " dated in that calendar month. The months add up to the attendances figure.",
    "mood_closing_month": "Closing mood check per calendar month: the mean of that month's"
    " meeting means, per scale (1-5 or 0-10). A check-in, not a validated outcome.",
}

#: Every definition a report appendix shows, in the order of the report.
ALL_DEFINITIONS: dict[str, str] = {**metrics.DEFINITIONS, **EXTRA_DEFINITIONS}

ENGLISH_ALL_GROUPS = "All groups"


@dataclass(frozen=True)
class ReportBundle:
    """A computed report, ready for the screen (``exact``) and for exports (``table``).

    Attributes:
        scope_label: The group's name or "All groups" (worded by the caller).
        group_ids: The groups included.
        period: Whole calendar months covered.
        threshold: Suppression threshold in force (already clamped to 5..11).
        report: The exact figures from ``metrics.compute``.
        exact: Every figure exact (screen only; export functions refuse it).
        table: The suppressed table: the only thing an export writes.
        generated_on: ``YYYY-MM-DD`` the report was made.
        fingerprint: Digest of the exact figures (export log only; never exported).
        uncheckable: The earlier exports of this vault contradict today's figures in a way
            the log of changes cannot explain, so the audit could not take them into
            account: the screen may show it, but it is never exported (``check_bundle``).
    """

    scope_label: str
    group_ids: tuple[int, ...]
    period: Period
    threshold: int
    report: Report
    exact: ReportTable
    table: ReportTable
    generated_on: str
    fingerprint: str = ""
    uncheckable: bool = False

    @property
    def people(self) -> int:
        """Different members present in the period (exact; for the roll-up hint)."""
        return int(self.report.get("unique_attendees").value or 0)

    @property
    def too_small(self) -> bool:
        """True when too few people for averages to be shared (a roll-up helps)."""
        return self.people < suppression.min_contributors(self.threshold)


# --- The extra chart series -------------------------------------------------------------


def _closed_meetings(facts: ReportFacts) -> dict[int, MeetingFact]:
    return {
        m.id: m
        for m in facts.meetings
        if m.state == "closed" and facts.start <= m.date <= facts.end
    }


def extra_values(facts: ReportFacts, period: Period) -> list[Value]:
    """Exact ``attendance_month`` and ``mood_closing_month`` cells (see module docstring)."""
    meetings = _closed_meetings(facts)
    per_month: Counter[str] = Counter()
    for m in meetings.values():
        per_month[m.date[:7]] += m.walk_ins + facts.present_by_meeting.get(m.id, 0)
    months = period.month_keys()
    values = [
        Value("attendance_month", month, per_month[month], per_month[month], "count")
        for month in months
    ]
    for scale in ("1-5", "0-10"):
        by_month: dict[str, list[float]] = defaultdict(list)
        busiest: Counter[str] = Counter()
        for mm in facts.mood_meetings:
            if mm.round != "closing" or mm.scale != scale or not mm.scores:
                continue
            if mm.meeting_id not in meetings:
                continue
            month = meetings[mm.meeting_id].date[:7]
            by_month[month].append(mm.score_sum / mm.scores)
            busiest[month] = max(busiest[month], mm.scores)
        for month in months:
            if month in by_month:
                # Contributors: the busiest closing round of the month, a lower bound on
                # the different people behind the mean (the SQL aggregates keep no
                # pseudonyms, and loading every mood row would cost the 300 ms budget).
                # A low bound only withholds more, never less.
                values.append(
                    Value(
                        "mood_closing_month",
                        f"{scale}|{month}",
                        statistics.fmean(by_month[month]),
                        busiest[month],
                        "mean",
                    )
                )
    return values


def _mood_closing_cells(extras: list[Value], threshold: int) -> list[Cell]:
    """Export cells for the closing mood means (withheld below ``max(8, threshold)``)."""
    need = suppression.min_contributors(threshold)
    cells: list[Cell] = []
    for v in extras:
        if v.metric != "mood_closing_month":
            continue
        if v.value is None:
            cells.append(Cell("mood", v.metric, v.key, CellState.NO_DATA, None))
        elif v.n < need:
            cells.append(Cell("mood", v.metric, v.key, CellState.WITHHELD, None))
        else:
            cells.append(Cell("mood", v.metric, v.key, CellState.SHOWN, round(v.value, 1)))
    return cells


def _with_cells(table: ReportTable, extra: list[Cell]) -> ReportTable:
    return replace(table, cells=table.cells + tuple(extra))


# --- Building a report ------------------------------------------------------------------


def build_report(
    db: Any,
    group_ids: tuple[int, ...] | None,
    period: Period,
    *,
    threshold: int,
    scope_label: str,
    today: dt.date | None = None,
    use_log: bool = True,
) -> ReportBundle:
    """Load, compute, perturb and suppress one report (reads the vault only).

    Args:
        db: An unlocked vault database.
        group_ids: Groups to include; ``None`` for all groups.
        period: Whole calendar months.
        threshold: The vault's ``suppression_threshold`` (clamped to 5..11).
        scope_label: How the group selection is named in the report and files.
        today: The day the report is made (retention windows must have ended by then).
        use_log: Audit against the earlier exports in the export log (default). An
            earlier export of the same groups and period made from the same figures is
            repeated as it was, so asking again gives the same file.

    Returns:
        The ``ReportBundle`` (exact table for the screen, suppressed table for exports).
    """
    with _BUILD_LOCK, _collection_paused():  # never two builds at once
        return _build_report(db, group_ids, period, threshold, scope_label, today, use_log)


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a report is built (in a worker thread, for the
    screen): a collection there could finalise Qt objects that belong to the GUI thread,
    which crashes PySide. The build allocates a lot (the audit's models) for under a
    second; collection resumes after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_BUILD_LOCK = threading.Lock()


def _build_report(
    db: Any,
    group_ids: tuple[int, ...] | None,
    period: Period,
    threshold: int,
    scope_label: str,
    today: dt.date | None,
    use_log: bool,
) -> ReportBundle:
    day = today or dt.date.today()
    facts = load_facts(db, group_ids, period.first_day, period.last_day)
    report = metrics.compute(facts, day.isoformat())
    extras = extra_values(facts, period)
    months = [v for v in extras if v.metric == "attendance_month"]
    with_months = replace(
        report,
        values=report.values + tuple(months),
        relations=report.relations
        + (metrics.Relation(("attendances", ""), tuple(v.ref for v in months)),),
    )
    key_facts = disclosure.load_key_facts(db, group_ids, period.first_day, period.last_day)
    records = perturbation.cell_records(facts, key_facts)
    cell_keys = {ref: key for ref, (_n, key) in records.items()}
    fingerprint = _fingerprint(with_months, cell_keys, threshold)
    scope = facts.group_ids
    threshold = suppression.clamp_threshold(threshold)
    table: ReportTable | None = None
    logged: list[disclosure.ExportRecord] = []
    if use_log:
        table, logged = _from_log(db, scope, period, fingerprint, with_months)
    uncheckable = False
    if table is None:
        table, uncheckable = _audited(db, with_months, threshold, cell_keys, scope, logged)
        table = _with_cells(table, _mood_closing_cells(extras, threshold))
    exact = suppression.exact_table(report)
    exact_extra = [
        Cell(
            "attendance" if v.metric == "attendance_month" else "mood",
            v.metric,
            v.key,
            CellState.NO_DATA if v.value is None else CellState.SHOWN,
            v.value,
            "exact",
        )
        for v in extras
    ]
    return ReportBundle(
        scope_label=scope_label,
        group_ids=scope,
        period=period,
        threshold=table.threshold,
        report=report,
        exact=_with_cells(exact, exact_extra),
        table=table,
        generated_on=day.isoformat(),
        fingerprint=fingerprint,
        uncheckable=uncheckable,
    )


def _fingerprint(report: Report, cell_keys: dict[tuple[str, str], int], threshold: int) -> str:
    """A digest of the exact figures and cell keys behind an export (kept in the vault's
    export log only): the same fingerprint means the same export."""
    parts = [str(suppression.clamp_threshold(threshold))]
    for v in sorted(report.values, key=lambda v: (v.metric, v.key)):
        parts.append(f"{v.metric}|{v.key}|{v.value!r}|{v.n}|{cell_keys.get(v.ref, 0)}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _published(
    record: disclosure.ExportRecord,
    changes: tuple[disclosure.MeetingChange, ...],
) -> disclosure_audit.Published:
    """What an earlier export told its readers, and which meetings entered late or
    corrected its figures already held (``changes``: the vault's now; a record logged
    before the log kept them is taken to hold those stamped before it was made). Its
    means were worked out from its published (adjusted) counts, so they add nothing
    about the exact ones."""
    cells = {(c.metric, c.key): (c.state, c.value) for c in record.cells}
    seen = record.seen
    if seen is None:
        seen = tuple(c for c in _changes_of(record, changes) if c.stamp < record.exported_at)
    return disclosure_audit.Published(
        tuple(record.group_ids),
        record.period_start[:7],
        record.period_end[:7],
        record.threshold,
        cells,
        seen=frozenset(seen),
    )


def _changes_of(
    record: disclosure.ExportRecord, changes: tuple[disclosure.MeetingChange, ...]
) -> tuple[disclosure.MeetingChange, ...]:
    """The changes that can touch ``record``'s figures (its groups, up to its end)."""
    groups = set(record.group_ids)
    return tuple(c for c in changes if c.group_id in groups and c.day <= record.period_end)


def _from_log(
    db: Any,
    scope: tuple[int, ...],
    period: Period,
    fingerprint: str,
    report: Report,
) -> tuple[ReportTable | None, list[disclosure.ExportRecord]]:
    """The table to repeat if this very export was last made from the same figures;
    otherwise the earlier exports a reader could combine with it: those that share a group
    and an overlapping period with it, or with another of them, one of each distinct
    publication. The chain runs through periods as well as groups: an all-groups February
    ties a group's February to the all-groups one, that group's quarter ties its February
    to its January and March, so those months count too (leaving them out let a reader
    narrow a group's January and March "<5" to 2..4 on one draw of keys)."""
    records = disclosure.export_log(db)
    here = (scope, period.first_day, period.last_day)
    mine = [r for r in records if (r.group_ids, r.period_start, r.period_end) == here]
    if mine and mine[-1].fingerprint == fingerprint:
        return _table_from_log(mine[-1], report), []
    # (groups, first day, last day) of this export and of every record chosen so far.
    reached: list[tuple[set[int], str, str]] = [(set(scope), period.first_day, period.last_day)]
    chosen: dict[int, disclosure.ExportRecord] = {}
    grew = True
    while grew:
        grew = False
        for r in records:
            if r.id in chosen:
                continue
            groups = set(r.group_ids)
            if any(
                groups & g and r.period_start <= last and first <= r.period_end
                for g, first, last in reached
            ):
                chosen[r.id] = r
                reached.append((groups, r.period_start, r.period_end))
                grew = True
    distinct: dict[tuple[Any, ...], disclosure.ExportRecord] = {}
    for r in sorted(chosen.values(), key=lambda r: r.id):  # the latest of the same ones
        distinct[(r.group_ids, r.period_start, r.period_end, r.fingerprint, r.cells)] = r
    return None, sorted(distinct.values(), key=lambda r: r.id)


def _audited(
    db: Any,
    report: Report,
    threshold: int,
    cell_keys: dict[tuple[str, str], int],
    scope: tuple[int, ...],
    records: list[disclosure.ExportRecord],
) -> tuple[ReportTable, bool]:
    """``report`` suppressed and audited with the earlier exports ``records``, and whether
    the audit could take them into account.

    The records' figures are tied to today's as the log of meetings entered late or
    corrected says (``disclosure_audit.History``). If the published figures contradict
    that, the same without "late meetings only add". If they still contradict each other
    (where the audit looks: next to a hidden cell), the figures changed in a way the vault
    did not record (such as attendance that came in by sync): no model of what a reader
    knows would be sure, so the table is audited on its own for the screen, and marked so
    that it is never exported. (A change the log misses that contradicts nothing makes the
    model tie old counts to today's: more relations than a reader has, so the audit can
    only hide more.)
    """

    def suppress(
        earlier: list[disclosure_audit.Published], history: disclosure_audit.History | None
    ) -> ReportTable:
        return suppression.suppress(
            report, threshold, cell_keys=cell_keys, scope=scope, earlier=earlier, history=history
        )

    if not records:
        return suppress([], None), False
    changes = disclosure.meeting_changes(db)
    earlier = [_published(r, changes) for r in records]
    for history in (
        disclosure_audit.History(changes),
        disclosure_audit.History(changes, growing=False),
    ):
        with contextlib.suppress(disclosure_audit.Infeasible):
            return suppress(earlier, history), False
    return suppress([], None), True


def _table_from_log(record: disclosure.ExportRecord, report: Report) -> ReportTable:
    cells = tuple(
        Cell(
            suppression.SECTIONS.get(c.metric, ""),
            c.metric,
            c.key,
            CellState(c.state),
            c.value,
            c.note,
        )
        for c in record.cells
    )
    return ReportTable(
        record.period_start,
        record.period_end,
        record.threshold,
        False,
        cells,
        report.notes,
        perturbed=True,
    )


def rebuilt(db: Any, bundle: ReportBundle) -> ReportBundle:
    """``bundle`` made again from the vault as it is now, audited against every export
    logged since it was built (the screen builds its bundle before an export is asked for,
    and another export may have been made in between)."""
    return build_report(
        db,
        bundle.group_ids,
        bundle.period,
        threshold=bundle.threshold,
        scope_label=bundle.scope_label,
        today=dt.date.fromisoformat(bundle.generated_on),
    )


def export_csv_now(
    db: Any, bundle: ReportBundle, path: Path, wording: Wording | None = None
) -> ReportBundle:
    """Rebuild ``bundle`` (``rebuilt``), write its CSV and log it; returns what was written."""
    fresh = rebuilt(db, bundle)
    export_csv(fresh, path, db, wording)
    return fresh


def log_export(db: Any, bundle: ReportBundle, fmt: str) -> None:
    """Record an export of ``bundle`` in the vault's export log (``fmt``: "csv"/"pdf")."""
    disclosure.log_export(
        db,
        exported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        format=fmt,
        scope=bundle.scope_label,
        group_ids=bundle.group_ids,
        period_start=bundle.period.first_day,
        period_end=bundle.period.last_day,
        threshold=bundle.threshold,
        fingerprint=bundle.fingerprint,
        cells=[
            disclosure.LoggedCell(c.metric, c.key, c.state.value, c.value, c.note)
            for c in bundle.table.cells
        ],
    )


EXPORT_PERIODS = (
    "Exports cover one calendar month, one quarter (January to March, April to June, July"
    " to September or October to December) or one calendar year, so that no two exports"
    " partly overlap."
)


EXPORT_COMPLETED = (
    "Only a period that has ended can be exported: its last day must be before today."
    " The screen shows the running month, but an export of it could be repeated after"
    " the next meeting, and the difference would show that meeting's figures."
)


def check_exportable(period: Period, today: dt.date | str | None = None) -> None:
    """Refuse a period an export may not cover (see ``Period.exportable``), or one that
    has not ended by ``today`` (``Period.completed``; default: the real date).

    Raises:
        InvalidInput: ``period`` is not one calendar month, quarter or year, or it has
            not ended yet.
    """
    if not period.exportable:
        raise InvalidInput(EXPORT_PERIODS)
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    if not period.completed(today or dt.date.today()):
        raise InvalidInput(EXPORT_COMPLETED)


EXPORT_UNCHECKABLE = (
    "This report cannot be exported: the check that keeps small counts hidden cannot be"
    " sure of it together with this vault's earlier exports (for example, because"
    " attendance came in by sync from another laptop after they were made). Nothing was"
    " written."
)


def check_bundle(bundle: ReportBundle) -> None:
    """Refuse to export ``bundle`` when its period may not be exported
    (``check_exportable``) or the audit could not take the earlier exports into account
    (``ReportBundle.uncheckable``).

    Raises:
        InvalidInput: the export must not be made.
    """
    check_exportable(bundle.period, bundle.generated_on)
    if bundle.uncheckable:
        raise InvalidInput(EXPORT_UNCHECKABLE)


def export_csv(
    bundle: ReportBundle, path: Path, db: Any = None, wording: Wording | None = None
) -> None:
    """Write the suppressed table of ``bundle`` as CSV (see ``export_csv`` for columns),
    and record it in the vault's export log when ``db`` (the open vault) is given.
    ``wording`` words the people columns (label, period, explanations) in the app's
    language; the machine columns are the same whatever it is.

    Raises:
        InvalidInput: the bundle may not be exported (``check_bundle``).
    """
    check_bundle(bundle)
    write_csv(Path(path), bundle.table, bundle.scope_label, wording=wording)
    if db is not None:
        log_export(db, bundle, "csv")


def hidden_cells(table: ReportTable) -> dict[CellState, list[Cell]]:
    """The cells an export hides, by reason (for the privacy statement)."""
    out: dict[CellState, list[Cell]] = {
        CellState.FEWER_THAN: [],
        CellState.SUPPRESSED: [],
        CellState.WITHHELD: [],
    }
    for c in table.cells:
        if c.state in out:
            out[c.state].append(c)
    return out


# --- Periods ----------------------------------------------------------------------------


def _month(text: str, flag: str) -> tuple[int, int]:
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        dt.date(year, month, 1)
    except ValueError:
        raise InvalidInput(f"{flag} needs a month written as YYYY-MM, e.g. 2026-01.") from None
    return year, month


def period_from_args(from_month: str | None, to_month: str | None, today: dt.date) -> Period:
    """The export period: ``--from``/``--to`` whole months inclusive, else the last full
    quarter. With only one of them, that one month. It must be one calendar month,
    quarter or year (``check_exportable``).

    Raises:
        InvalidInput: a month is malformed, the range ends before it starts, or it is
            not one calendar month, quarter or year.
    """
    if not from_month and not to_month:
        return Period.last_full_quarter(today)
    start = _month(from_month or to_month or "", "--from" if from_month else "--to")
    end = _month(to_month or from_month or "", "--to" if to_month else "--from")
    if end < start:
        raise InvalidInput("The period ends before it starts: check --from and --to.")
    period = Period(start, end)
    check_exportable(period, today)
    return period


# --- The command line -------------------------------------------------------------------


def _say(text: str) -> None:
    if sys.stdout is not None:  # a windowed program on Windows has none
        print(text, flush=True)


def _writable_target(value: str | None, flag: str) -> Path | None:
    if not value:
        return None
    path = Path(value)
    if not path.parent.is_dir():
        raise InvalidInput(f"The folder for {flag} does not exist.")
    return path


def run_export(
    args: argparse.Namespace,
    open_vault: Callable[[argparse.Namespace, Path], Any],
    write_pdf: Callable[[ReportBundle, Path], None] | None = None,
    csv_wording: Callable[[], Wording] | None = None,
) -> int:
    """Body of ``groupkeeper export DIR [--group NAME] [--from YYYY-MM] [--to YYYY-MM]
    [--csv FILE] [--pdf FILE] [--passphrase-stdin]``.

    Writes exactly what the Reports screen's Export buttons write (same suppression, same
    threshold from the vault). ``csv_wording`` (from the UI layer, which translates) words
    the CSV's people columns; without it they are plain English.

    Returns:
        0 when every requested file was written.

    Raises:
        InvalidInput: no output asked for, a bad month, an unknown group, a missing folder.
        KnownError: the vault could not be opened (wrong passphrase, damaged...).
    """
    from groupkeeper.storage.repos import Store

    csv_path = _writable_target(getattr(args, "csv", None), "--csv")
    pdf_path = _writable_target(getattr(args, "pdf", None), "--pdf")
    if csv_path is None and pdf_path is None:
        raise InvalidInput("Say what to write: --csv FILE, --pdf FILE, or both.")
    from_month = getattr(args, "from_month", None) or getattr(args, "from_", None)
    to_month = getattr(args, "to_month", None) or getattr(args, "to", None)
    today = dt.date.today()
    period = period_from_args(from_month, to_month, today)

    vault = open_vault(args, Path(args.dir))
    written = []
    try:
        store = Store(vault.db, vault.folder)
        group_ids: tuple[int, ...] | None = None
        label = ENGLISH_ALL_GROUPS
        if args.group:
            group = store.groups.by_name(args.group)
            if group is None or group.id is None:
                # Group names are not personal data: list them so a typo is easy to fix.
                names = ", ".join(g.name for g in store.groups.all(active_only=False))
                raise InvalidInput(
                    "No group has that name. Groups in this vault: " + (names or "(none)") + "."
                )
            group_ids, label = (group.id,), group.name
        bundle = build_report(
            store.db,
            group_ids,
            period,
            threshold=int(store.settings.get("suppression_threshold")),
            scope_label=label,
            today=today,
        )
        # Written while the vault is open, so each file is in the export log (the audit
        # of later exports reads it); nothing personal is in either file.
        if csv_path is not None:
            wording = csv_wording() if csv_wording is not None else None
            export_csv(bundle, csv_path, store.db, wording)
            written.append(str(csv_path))
        if pdf_path is not None:
            if write_pdf is None:  # the PDF writer lives in the UI layer (it paints with Qt)
                raise InvalidInput("This build cannot write PDF reports; use --csv.")
            write_pdf(bundle, pdf_path)
            log_export(store.db, bundle, "pdf")
            written.append(str(pdf_path))
    finally:
        vault.lock()

    _say(
        f"Wrote the suppressed report for {period.label} (threshold {bundle.threshold}):"
        f" {', '.join(written)}."
    )
    return 0

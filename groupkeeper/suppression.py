"""Small-count suppression: turn a ``metrics.Report`` into a table that may leave the app.

Rules, applied to everything exported (CSV, PDF, print, clipboard, charts):

1. **Primary suppression.** Every count from 1 to ``threshold - 1`` becomes a
   "fewer than N" marker (``FEWER_THAN``). Zero is shown: it reveals no one.
2. **Complementary (secondary) suppression**, checked with bounds: the report declares
   its additive relations (``total = part + part + ...``: categories vs all skills,
   outcomes vs goals reviewed, new + returning + walk-ins vs attendances, ...), and
   ``disclosure_audit.protect`` bounds every hidden cell with an integer program over
   everything this export and the logged earlier ones publish ("<N" as 1..N-1, hidden as
   >= 0, shown counts within the perturbation's range), suppressing (``SUPPRESSED``) the
   cheapest further cells until no hidden cell is pinned and no "<N" cell is narrowed.
   Shown counts are perturbed first (``perturbation``, the cell-key method) when cell keys
   are given.
3. **Means, medians, percentages and trends** over fewer than ``max(8, threshold)``
   contributors are withheld (``WITHHELD``). A mean or percentage is also withheld when a
   count it is derived from is suppressed (mean x shown count would give the hidden
   count back), and a percentage when its numerator or the rest (n - numerator) is a
   small count. Contributor counts are not exported (they could reveal small differences).
4. **Group-added skill names** never leave the app: only category counts (group-added
   categories counted together). Starter-library skills may be named, as a rank only
   (counts beside category totals could be subtracted) and only when shared at least
   ``threshold`` times.

The threshold comes from the vault setting: default 5, allowed 5..11 (11 for funders
following CMS rules). Values below 5 are **clamped** to 5 (never an error, so a damaged
or hand-edited setting can only make exports safer, never less safe); above 11 clamped to
11. ``exact_table`` gives the in-app screen the unsuppressed figures, labelled exact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from groupkeeper import disclosure_audit, perturbation
from groupkeeper.metrics import Report, Value
from groupkeeper.options import SUPPRESSION_THRESHOLD

# The range is the vault setting's, declared once in ``groupkeeper.options``.
DEFAULT_THRESHOLD = SUPPRESSION_THRESHOLD.default
MIN_THRESHOLD = SUPPRESSION_THRESHOLD.low
MAX_THRESHOLD = SUPPRESSION_THRESHOLD.high
MIN_CONTRIBUTORS = 8  # means/percentages need max(8, threshold) contributors

Ref = tuple[str, str]


class CellState(StrEnum):
    SHOWN = "shown"
    FEWER_THAN = "fewer_than"  # primary: a count 1..threshold-1
    SUPPRESSED = "suppressed"  # secondary: hidden so a primary cell cannot be recovered
    WITHHELD = "withheld"  # mean/percentage from too few people, or derived from a hidden count
    NO_DATA = "no_data"  # nothing to compute (e.g. no scores at all)
    # Combined reports only (``combine``): a sum with a "fewer than N" part, shown as the
    # range ``value``..``high`` that the published parts allow (never a guessed number).
    RANGE = "range"


SECTIONS: dict[str, str] = {
    "meetings_held": "meetings",
    "attendances": "attendance",
    "attendances_new": "attendance",
    "attendances_returning": "attendance",
    "walk_ins": "attendance",
    "mean_attendance": "attendance",
    "median_attendance": "attendance",
    "unique_attendees": "members",
    "new_members": "members",
    "returning_members": "members",
    "sessions_mean": "sessions",
    "sessions_median": "sessions",
    "sessions_bucket": "sessions",
    "retention": "retention",
    "mood_opening_mean": "mood",
    "mood_opening_month": "mood",
    "mood_opening_slope": "mood",
    "mood_change_mean": "mood",
    "mood_passes": "mood",
    "skills_shared": "skills",
    "skills_by_category": "skills",
    "top_skill": "skills",
    "goals_set": "goals",
    "goals_reviewed": "goals",
    "goals_outcome": "goals",
    "safety_concerns": "safety",
    "wellbeing_mean": "wellbeing",
    "wellbeing_change": "wellbeing",
    "attendance_month": "attendance",
    "mood_closing_month": "mood",
}

# Decimal places in exports (exact_table keeps full precision).
_PLACES = {"mean": 1, "median": 1, "percent": 0, "slope": 2}


@dataclass(frozen=True)
class Cell:
    section: str
    metric: str
    key: str
    state: CellState
    value: float | None  # only set when state is SHOWN; never the hidden number
    note: str = ""  # note code ("rank", "exact"...), worded by the exporter/UI
    high: float | None = None  # RANGE only: the largest value (``value`` is the smallest)


@dataclass(frozen=True)
class ReportTable:
    """What an export writes: already suppressed (or, from ``exact_table``, exact)."""

    period_start: str
    period_end: str
    threshold: int
    exact: bool
    cells: tuple[Cell, ...]
    notes: tuple[str, ...]
    perturbed: bool = False  # counts adjusted by cell-key perturbation (``perturbation``)
    # A combined report (``combine``): the scope labels of the exports it adds up.
    combined_from: tuple[str, ...] = ()

    def cell(self, metric: str, key: str = "") -> Cell:
        for c in self.cells:
            if c.metric == metric and c.key == key:
                return c
        raise KeyError((metric, key))


def clamp_threshold(threshold: int) -> int:
    """The threshold in force: ``threshold`` clamped to 5..11 (see module docstring)."""
    return max(MIN_THRESHOLD, min(MAX_THRESHOLD, int(threshold)))


def min_contributors(threshold: int) -> int:
    return max(MIN_CONTRIBUTORS, clamp_threshold(threshold))


# --- Building the export table --------------------------------------------------------


def _round(v: Value) -> float | None:
    if v.value is None:
        return None
    if v.kind == "count":
        return v.value
    return round(v.value, _PLACES[v.kind])


def suppress(
    report: Report,
    threshold: int = DEFAULT_THRESHOLD,
    *,
    cell_keys: Mapping[Ref, int] | None = None,
    scope: tuple[int, ...] | None = None,
    earlier: Sequence[disclosure_audit.Published] = (),
    history: disclosure_audit.History | None = None,
) -> ReportTable:
    """The export version of ``report``: small counts hidden, as the module docstring says.

    Args:
        report: From ``metrics.compute`` (with any extra count cells and relations).
        threshold: The vault's suppression threshold; clamped to 5..11.
        cell_keys: Cell key of every count cell (``perturbation.cell_records``); when given,
            every published count is perturbed (``perturbation.published``), and a cell
            missing from it has no records. None publishes exact counts (tests only).
        scope: The group ids of the report, for the audit across exports (default: the
            report's).
        earlier: What earlier exports of the same vault published (the export log), so
            that no hidden cell of this one or of them can be worked out from them all.
        history: How the figures behind ``earlier`` became today's (meetings entered
            late or corrected since; ``disclosure_audit.History``).

    Returns:
        A ``ReportTable`` in which no hidden number is present in any form.

    Raises:
        disclosure_audit.Infeasible: ``earlier`` contradicts this report under ``history``.
    """
    t = clamp_threshold(threshold)
    count_values = {
        v.ref: int(v.value or 0)
        for v in report.values
        if v.kind == "count" and v.metric != "top_skill"
    }
    primary = {ref for ref, c in count_values.items() if 1 <= c < t}
    if cell_keys is None:
        shown_counts = dict(count_values)
    else:
        shown_counts = {
            ref: perturbation.published(c, cell_keys.get(ref, 0), t)
            for ref, c in count_values.items()
        }
    states: dict[Ref, tuple[str, float | None]] = {
        ref: (disclosure_audit.FEWER_THAN, None)
        if ref in primary
        else (disclosure_audit.SHOWN, float(shown_counts[ref]))
        for ref in count_values
    }
    # With perturbation, a mean of two counts is worked out from their *published*
    # values (``_ratio_from_published``), so it tells nothing the counts do not. An exact
    # mean beside adjusted counts would undo the adjustment: mean attendance 8.9 with
    # "62 +- 2 attendances" and "7 +- 2 meetings" leaves only 62 and 7.
    means = (
        {}
        if cell_keys is not None
        else {
            v.metric: _round(v) or 0.0
            for v in report.values
            if _mean_state(v, primary, t) is CellState.SHOWN and v.metric in _RATIO_METRICS
        }
    )
    current = disclosure_audit.Published(
        scope if scope is not None else report.group_ids,
        report.period_start[:7],
        report.period_end[:7],
        t,
        states,
        disclosure_audit.ratios_for(means),
        adjust=perturbation.MAX_ADJUST if cell_keys is not None else 0,
    )
    secondary, _rounds = disclosure_audit.protect(current, earlier, history=history)
    hidden = primary | secondary
    primary = primary - secondary  # a small count the audit hid outright

    cells: list[Cell] = []
    top_rank = 0
    for v in report.values:
        section = SECTIONS[v.metric]
        if v.metric == "top_skill":
            # Starter skills only, as a rank, and only when shared often enough.
            if v.private_key or (v.value or 0) < t:
                continue
            top_rank += 1
            cells.append(Cell(section, v.metric, v.key, CellState.SHOWN, top_rank, "rank"))
            continue
        if v.kind == "count":
            if v.ref in primary:
                state = CellState.FEWER_THAN
            elif v.ref in secondary:
                state = CellState.SUPPRESSED
            else:
                state = CellState.SHOWN
            shown: float | None = shown_counts[v.ref] if state is CellState.SHOWN else None
            note = (
                "adjusted" if state is CellState.SHOWN and cell_keys is not None and shown else ""
            )
            cells.append(Cell(section, v.metric, v.key, state, shown, note))
            continue
        state = _mean_state(v, hidden, t)
        cells.append(
            Cell(section, v.metric, v.key, state, _round(v) if state is CellState.SHOWN else None)
        )
    cells = _withhold_bracketed_months(cells)
    return ReportTable(
        report.period_start,
        report.period_end,
        t,
        False,
        tuple(cells),
        report.notes,
        perturbed=cell_keys is not None,
    )


# Means that tie two published counts (``disclosure_audit.ratios_for``).
_RATIO_METRICS = frozenset({"mean_attendance", "sessions_mean"})
_MONTHLY_MEANS = ("mood_opening_month", "mood_closing_month")


def _ratio_from_published(v: Value, shown: Mapping[Ref, int]) -> float | None:
    """``mean_attendance`` or ``sessions_mean`` from the published counts it divides."""
    if v.metric == "mean_attendance":
        num = shown[("attendances", "")]
        den = shown[("meetings_held", "")]
    else:
        num = shown[("attendances_new", "")] + shown[("attendances_returning", "")]
        den = shown[("unique_attendees", "")]
    return round(num / den, _PLACES["mean"]) if den else None


def _mean_state(v: Value, hidden: set[Ref], t: int) -> CellState:
    """State of a mean, median, percentage or slope (rule 3 of the module docstring)."""
    if v.value is None:
        return CellState.NO_DATA
    if v.n < min_contributors(t) or any(d in hidden for d in v.depends_on):
        return CellState.WITHHELD
    if v.numerator is not None and (1 <= v.numerator < t or 1 <= v.n - v.numerator < t):
        return CellState.WITHHELD
    return CellState.SHOWN


def _withhold_bracketed_months(cells: list[Cell]) -> list[Cell]:
    """When one monthly mean of a scale is withheld, withhold every month of that scale
    and its trend: the period mean, the trend and the other months would bracket it."""
    withheld_scales = {
        (c.metric, c.key.split("|")[0])
        for c in cells
        if c.metric in _MONTHLY_MEANS and c.state is CellState.WITHHELD
    }
    if not withheld_scales:
        return cells
    out = []
    for c in cells:
        scale = c.key.split("|")[0]
        hit = (c.metric, scale) in withheld_scales or (
            c.metric == "mood_opening_slope" and ("mood_opening_month", c.key) in withheld_scales
        )
        if hit and c.state is CellState.SHOWN:
            c = Cell(c.section, c.metric, c.key, CellState.WITHHELD, None)
        out.append(c)
    return out


def exact_table(report: Report) -> ReportTable:
    """Every figure exact, for the facilitator's own screen only ("exact - exports are
    suppressed"). Never pass this to an exporter."""
    cells = tuple(
        Cell(
            SECTIONS[v.metric],
            v.metric,
            v.key,
            CellState.NO_DATA if v.value is None else CellState.SHOWN,
            v.value,
            "exact",
        )
        for v in report.values
    )
    return ReportTable(report.period_start, report.period_end, 0, True, cells, report.notes)

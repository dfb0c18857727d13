"""The disclosure audit: what can a reader work out from exports? (HiGHS through highspy.)

A reader of exports knows the rules: a "fewer than N" count is 1..N-1; a hidden count is
any count from 0 up (the audit may hide a small count as well, when "fewer than N"
would say too much: a total "fewer than 5" of two parts "fewer than 5" is at least 2); a published
count ``p`` of at least N is the exact count adjusted by at most ``MAX_ADJUST``
(``perturbation``), so the exact count lies in ``max(N, p - 2)..p + 2``; a published 0 is
exactly 0. They also know how the figures hang together, within one export and across
exports of the same vault (``relations``):

- within an export: attendances = first-time + returning attendances + walk-ins;
  different people = new + returning members = the sum of the session buckets; new members
  = first-time attendances; skills shared = the sum of the categories; goals reviewed =
  the sum of the outcomes; attendances = the sum of the monthly attendances; members'
  attendances (first-time + returning) are at least the number of people and at least
  1 x (came once) + 2 x (2-3) + 4 x (4-7) + 8 x (8+); a shown mean of attendances per
  meeting or of sessions per person ties its two counts (rounded to one decimal);
- across periods of the same groups: a quarter's (a year's) additive counts are the sums
  of its months' (quarters'); a month's attendances are the monthly attendances in its
  quarter and year; different people over a quarter are at least those of any month and
  at most their sum;
- across groups in the same period: "All groups" is the sum of its groups for meetings,
  attendances, walk-ins, passes, skills, goals and safety concerns; members' attendances
  add up; new members and different people are at most the sums of the groups'.

- across states of the figures: each export saw the vault's figures at one moment
  (``Published.seen``: the meetings entered late or corrected that it already held). A
  count is one variable for every export that saw the same such meetings among those
  that can change it (``History``), so the relations above hold among all the exports of
  one moment, old ones too, and an old count no change touched is today's; an old count
  a late meeting changed is a variable of its own ("attendances@1"), at most today's
  when it is ``GROWING`` and the changes in between were only meetings entered late.

Every exact count is an integer variable. For each hidden cell the audit asks HiGHS (an
integer program) for the smallest and largest value consistent with all of that; a cell is
*exposed* when its interval is a single value, or, for a "fewer than N" cell, narrower than
1..N-1. Most cells are settled without their own two programs: any solution is a witness
of one possible value of every cell at once (``audit``). Only the parts of the model that
hold the new export's counts are checked (the rest was checked when it was published).
``protect`` then hides the cheapest further cell (the smallest published count that shares
a relation with the exposed one) and audits again, until nothing is exposed that this
export could still protect (a cell earlier exports give away by themselves, even with
every count of this one hidden, is left alone: ``_given_away``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

# Infeasible: raised by audit and protect when the published tables contradict each other.
from groupkeeper.lp_solver import Infeasible as Infeasible
from groupkeeper.lp_solver import Solver as _Solver
from groupkeeper.perturbation import MAX_ADJUST
from groupkeeper.storage.disclosure import MeetingChange

Ref = tuple[str, str]
# A variable: one exact count of one scope (sorted group ids) and period ("YYYY-MM" pair).
Var = tuple[tuple[int, ...], str, str, str, str]

SHOWN, FEWER_THAN, SUPPRESSED = "shown", "fewer_than", "suppressed"

#: Counts that add up over consecutive periods of the same groups.
TIME_ADDITIVE = frozenset(
    {
        "meetings_held",
        "attendances",
        "attendances_new",
        "attendances_returning",
        "walk_ins",
        "new_members",
        "mood_passes",
        "skills_shared",
        "skills_by_category",
        "goals_set",
        "goals_reviewed",
        "goals_outcome",
        "safety_concerns",
    }
)
#: Counts that add up over groups in the same period (a meeting belongs to one group).
SCOPE_ADDITIVE = frozenset(
    {
        "meetings_held",
        "attendances",
        "walk_ins",
        "mood_passes",
        "skills_shared",
        "skills_by_category",
        "goals_set",
        "goals_reviewed",
        "goals_outcome",
        "safety_concerns",
    }
)
#: Counts a meeting entered late can only increase (its attendances, walk-ins, people...).
#: Returning members and attendances too: a meeting entered late *before* the period turns
#: some new ones into returning ones. Not first-time attendances and new members, which
#: that lowers. A correction of a closed meeting can lower any count (``History``).
GROWING = frozenset(
    {
        "meetings_held",
        "attendances",
        "attendances_returning",
        "walk_ins",
        "mood_passes",
        "skills_shared",
        "skills_by_category",
        "goals_set",
        "safety_concerns",
        "unique_attendees",
        "returning_members",
        "attendance_month",
    }
)
#: Counts a meeting entered late *before* the period can change (who is new is decided
#: over all earlier meetings of the groups); every other count changes only with the
#: period's own meetings.
FIRST_TIME = frozenset(
    {"attendances_new", "attendances_returning", "new_members", "returning_members"}
)
#: Totals a suppression should spare when a part can be hidden instead (headline figures).
HEADLINE = frozenset(
    {"attendances", "unique_attendees", "meetings_held", "skills_shared", "goals_reviewed"}
)
#: Every count metric the audit models (others, like means, only through ``Ratio``).
COUNT_METRICS = (
    TIME_ADDITIVE
    | SCOPE_ADDITIVE
    | {
        "unique_attendees",
        "returning_members",
        "sessions_bucket",
        "attendance_month",
    }
)


@dataclass(frozen=True)
class Ratio:
    """A shown mean ``numerator / denominator`` rounded to ``places`` decimals."""

    value: float
    places: int
    numerator: tuple[Ref, ...]
    denominator: Ref


@dataclass(frozen=True)
class Published:
    """What one export shows of its counts: ``cells[ref] = (state, published value)``.

    ``scope`` holds the group ids; ``start``/``end`` are ``YYYY-MM``. Only count cells
    (``COUNT_METRICS``) are read; ``ratios`` are the shown means that tie two counts.
    """

    scope: tuple[int, ...]
    start: str
    end: str
    threshold: int
    cells: dict[Ref, tuple[str, float | None]]
    ratios: tuple[Ratio, ...] = ()
    adjust: int = MAX_ADJUST  # how far a published count may be from the exact one
    # The meetings entered late or corrected that its figures already held when it was
    # made (``ExportRecord.seen``); None: made from the vault's figures as they are now.
    # Two exports of the same count hold the same figure when they saw the same such
    # meetings of that count's groups and dates (``History``).
    seen: frozenset[MeetingChange] | None = None


@dataclass(frozen=True)
class History:
    """How the vault's figures changed after periods ended: every meeting entered late or
    corrected, as it stands now (``storage.disclosure.meeting_changes``).

    A count of one scope and period is the same in two exports when the two saw the same
    such meetings among those that can change it (``FIRST_TIME`` counts: the scope's
    meetings dated up to the period's end; every other count: those dated in it). When
    an earlier export saw fewer and the others were only entered late (never corrected),
    each of its ``GROWING`` counts is at most the later one (when ``growing``).
    """

    now: tuple[MeetingChange, ...] = ()
    growing: bool = True


def ratios_for(means: dict[str, float]) -> tuple[Ratio, ...]:
    """The ``Ratio`` constraints of the shown means ``means`` (metric -> shown value)."""
    out = []
    if "mean_attendance" in means:
        out.append(
            Ratio(means["mean_attendance"], 1, (("attendances", ""),), ("meetings_held", ""))
        )
    if "sessions_mean" in means:
        out.append(
            Ratio(
                means["sessions_mean"],
                1,
                (("attendances_new", ""), ("attendances_returning", "")),
                ("unique_attendees", ""),
            )
        )
    return tuple(out)


# --- Months and periods -------------------------------------------------------------------


def _months(start: str, end: str) -> list[str]:
    y, m = (int(x) for x in start.split("-"))
    ey, em = (int(x) for x in end.split("-"))
    out = []
    while (y, m) <= (ey, em):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _partitions(start: str, end: str) -> list[list[tuple[str, str]]]:
    """Ways an exportable period splits into smaller exportable periods."""
    months = _months(start, end)
    if len(months) == 1:
        return []
    out = [[(m, m) for m in months]]
    if len(months) == 12:
        out.append([(months[i], months[i + 2]) for i in range(0, 12, 3)])
    return out


# --- The model ------------------------------------------------------------------------------

# A scope, a period and a state of the figures (an index into ``_Model.epochs``).
_Node = tuple[tuple[int, ...], str, str, int]
# The changes a count of a scope and period saw: (meeting id, stamp) pairs.
_State = frozenset[tuple[int, str]]


@dataclass
class _Model:
    history: History = field(default_factory=History)
    lower: dict[Var, float] = field(default_factory=dict)
    upper: dict[Var, float] = field(default_factory=dict)
    either: dict[Var, int] = field(default_factory=dict)  # 0 or >= threshold
    rows: list[tuple[dict[Var, float], float, float]] = field(default_factory=list)
    # The counts each export (by state of the figures) holds, for the relations across.
    nodes: dict[_Node, set[Ref]] = field(default_factory=lambda: defaultdict(set))
    # Distinct sets of changes exports saw (None: now), and their indexes.
    epochs: list[frozenset[MeetingChange] | None] = field(default_factory=lambda: [None])
    _epoch_of: dict[frozenset[MeetingChange] | None, int] = field(default_factory=dict)
    # Per scope, period and kind of count: each state of the figures seen -> version
    # number (0: now); per count, the versions in the model.
    _versions: dict[tuple[tuple[int, ...], str, str, bool], dict[_State, int]] = field(
        default_factory=dict
    )
    _state_cache: dict[tuple[tuple[int, ...], str, str, bool, int], _State] = field(
        default_factory=dict
    )
    versions: dict[Var, dict[int, _State]] = field(default_factory=lambda: defaultdict(dict))
    _row_keys: set[tuple[Any, float, float]] = field(default_factory=set)

    def var(self, v: Var) -> Var:
        self.lower.setdefault(v, 0.0)
        self.upper.setdefault(v, float("inf"))
        return v

    def bound(self, v: Var, lo: float, hi: float) -> None:
        self.var(v)
        self.lower[v] = max(self.lower[v], lo)
        self.upper[v] = min(self.upper[v], hi)

    def row(self, coefs: dict[Var, float], lo: float, hi: float) -> None:
        key = (tuple(sorted(coefs.items())), lo, hi)
        if key in self._row_keys:  # the same relation from two exports of the same figures
            return
        self._row_keys.add(key)
        for v in coefs:
            self.var(v)
        self.rows.append((coefs, lo, hi))

    def equal(self, total: Var, parts: Sequence[Var]) -> None:
        coefs: dict[Var, float] = defaultdict(float)
        coefs[total] += 1.0
        for p in parts:
            coefs[p] -= 1.0
        self.row(dict(coefs), 0.0, 0.0)

    def at_most(self, small: dict[Var, float], big: dict[Var, float]) -> None:
        """sum(small) <= sum(big)."""
        coefs: dict[Var, float] = defaultdict(float)
        for v, c in small.items():
            coefs[v] += c
        for v, c in big.items():
            coefs[v] -= c
        self.row(dict(coefs), float("-inf"), 0.0)

    # Variables.

    def epoch(self, seen: frozenset[MeetingChange] | None) -> int:
        """The index of a state of the figures (``Published.seen``)."""
        found = self._epoch_of.get(seen)
        if found is None:
            found = 0 if seen is None else len(self.epochs)
            if seen is not None:
                self.epochs.append(seen)
            self._epoch_of[seen] = found
        return found

    def _state(self, scope: tuple[int, ...], start: str, end: str, first: bool, e: int) -> _State:
        """The changes behind counts of ``scope`` and ``start``..``end`` in state ``e``."""
        key = (scope, start, end, first, e)
        state = self._state_cache.get(key)
        if state is None:
            seen = self.epochs[e]
            changes = self.history.now if seen is None else seen
            groups = set(scope)
            state = frozenset(
                (c.meeting_id, c.stamp)
                for c in changes
                if c.group_id in groups and c.day[:7] <= end and (first or c.day[:7] >= start)
            )
            self._state_cache[key] = state
        return state

    def node(
        self, scope: tuple[int, ...], start: str, end: str, metric: str, key: str, e: int
    ) -> Var:
        """The variable of one count (scope, period, metric, key) in state ``e``; counts
        that saw the same changes share it."""
        self.nodes[(scope, start, end, e)].add((metric, key))
        base: Var = (scope, start, end, metric, key)
        first = metric in FIRST_TIME
        state = self._state(scope, start, end, first, e)
        number = 0
        if e and state != self._state(scope, start, end, first, 0):
            known = self._versions.setdefault((scope, start, end, first), {})
            number = known.setdefault(state, len(known) + 1)
        self.versions[base][number] = state
        if number:
            return self.var((scope, start, end, f"{metric}@{number}", key))
        return self.var(base)

    def v(self, t: Published, ref: Ref) -> Var:
        """The variable of ``ref`` in ``t``; a monthly attendance is that month's
        attendances."""
        metric, key = ref
        start, end = t.start, t.end
        if metric == "attendance_month":
            metric, key, start, end = "attendances", "", ref[1], ref[1]
        return self.node(t.scope, start, end, metric, key, self.epoch(t.seen))


def _within(model: _Model, t: Published) -> None:
    def v(metric: str, key: str = "") -> Var:
        return model.v(t, (metric, key))

    model.equal(v("attendances"), [v("attendances_new"), v("attendances_returning"), v("walk_ins")])
    model.equal(v("unique_attendees"), [v("new_members"), v("returning_members")])
    model.equal(v("new_members"), [v("attendances_new")])
    buckets = ["1", "2-3", "4-7", "8+"]
    model.equal(v("unique_attendees"), [v("sessions_bucket", b) for b in buckets])
    present = {v("attendances_new"): 1.0, v("attendances_returning"): 1.0}
    model.at_most({v("unique_attendees"): 1.0}, present)
    model.at_most(
        {v("sessions_bucket", b): w for b, w in zip(buckets, (1.0, 2.0, 4.0, 8.0), strict=True)},
        present,
    )
    categories = [k for (m, k) in t.cells if m == "skills_by_category"]
    model.equal(v("skills_shared"), [v("skills_by_category", c) for c in categories])
    outcomes = [k for (m, k) in t.cells if m == "goals_outcome"]
    model.equal(v("goals_reviewed"), [v("goals_outcome", o) for o in outcomes])
    months = [k for (m, k) in t.cells if m == "attendance_month"]
    if months and len(_months(t.start, t.end)) > 1:
        model.equal(v("attendances"), [v("attendance_month", m) for m in months])
    for r in t.ratios:
        half = 0.5 * 10.0 ** (-r.places)
        num = {v(*n): 1.0 for n in r.numerator}
        den = v(*r.denominator)
        # num / den in [value - half, value + half]  (den > 0 when a mean is shown)
        model.row({**num, den: -(r.value + half)}, float("-inf"), 0.0)
        model.row({**num, den: -(r.value - half)}, 0.0, float("inf"))


def _cell_bounds(model: _Model, t: Published, ref: Ref, state: str, value: float | None) -> None:
    var = model.v(t, ref)
    k = t.threshold
    if state == SHOWN and value is not None:
        p = float(value)
        if p == 0:
            model.bound(var, 0.0, 0.0)
        else:
            model.bound(var, max(float(k), p - t.adjust), p + t.adjust)
    elif state == FEWER_THAN:
        model.bound(var, 1.0, float(k - 1))
    elif state == SUPPRESSED:
        # Hidden: any count from 0 up. (Secondary suppression may hide a small count too,
        # so a reader cannot assume "0 or at least N".)
        model.var(var)


def _across(model: _Model) -> None:
    """Relations between periods and between groups, in each state of the figures, over
    the counts the exports hold (and the parts these relations bring in)."""
    # Periods: the total and its parts (missing parts become free variables).
    for (scope, start, end, e), refs in list(model.nodes.items()):
        for parts in _partitions(start, end):
            for metric, key in sorted(refs):
                if metric in TIME_ADDITIVE:
                    model.equal(
                        model.node(scope, start, end, metric, key, e),
                        [model.node(scope, s, p_end, metric, key, e) for s, p_end in parts],
                    )
                elif metric == "unique_attendees":
                    total = model.node(scope, start, end, metric, key, e)
                    pv = [model.node(scope, s, p_end, metric, key, e) for s, p_end in parts]
                    for p in pv:
                        model.at_most({p: 1.0}, {total: 1.0})
                    model.at_most({total: 1.0}, {p: 1.0 for p in pv})
    # Groups: a multi-group scope and the single groups in it.
    periods = {(scope, start, end) for scope, start, end, _e in model.nodes}
    for (scope, start, end, e), refs in list(model.nodes.items()):
        if len(scope) < 2:
            continue
        singles = [(g,) for g in scope]
        if not any((g, start, end) in periods for g in singles):
            continue
        for metric, key in sorted(refs):
            whole = model.node(scope, start, end, metric, key, e)
            group_vars = [model.node(g, start, end, metric, key, e) for g in singles]
            if metric in SCOPE_ADDITIVE:
                model.equal(whole, group_vars)
            elif metric in ("unique_attendees", "new_members", "attendances_new"):
                model.at_most({whole: 1.0}, {gv: 1.0 for gv in group_vars})
                if metric == "unique_attendees":
                    for gv in group_vars:
                        model.at_most({gv: 1.0}, {whole: 1.0})
        present = [("attendances_new", ""), ("attendances_returning", "")]
        if all(r in refs for r in present):
            coefs: dict[Var, float] = defaultdict(float)
            for r in present:
                coefs[model.node(scope, start, end, *r, e)] += 1.0
                for g in singles:
                    coefs[model.node(g, start, end, *r, e)] -= 1.0
            model.row(dict(coefs), 0.0, 0.0)


def _versions(model: _Model) -> None:
    """Two versions of one ``GROWING`` count: the one that saw fewer changes is at most
    the other when the changes in between were all meetings entered late (they only add
    to these counts; a correction can lower any)."""
    if not model.history.growing:
        return
    added: dict[tuple[int, str], bool] = {
        (c.meeting_id, c.stamp): c.added for c in model.history.now
    }
    for seen in model.epochs:
        for c in seen or ():
            added.setdefault((c.meeting_id, c.stamp), c.added)
    for base, versions in list(model.versions.items()):
        scope, start, end, metric, key = base
        if metric not in GROWING or len(versions) < 2:
            continue
        for a, before in versions.items():
            for b, after in versions.items():
                if before < after and all(added.get(c, False) for c in after - before):
                    small = (scope, start, end, f"{metric}@{a}" if a else metric, key)
                    big = (scope, start, end, f"{metric}@{b}" if b else metric, key)
                    model.at_most({small: 1.0}, {big: 1.0})


def build_model(tables: Iterable[Published], history: History | None = None) -> _Model:
    """Every relation a reader of ``tables`` knows (see the module docstring)."""
    model = _Model(history or History())
    tables = list(tables)
    for t in tables:
        _within(model, t)
    for t in tables:
        for ref, (state, value) in t.cells.items():
            if ref[0] in COUNT_METRICS:
                _cell_bounds(model, t, ref, state, value)
    _across(model)
    _versions(model)
    return model


# --- Solving ----------------------------------------------------------------------------------
# The integer programs themselves (HiGHS) are groupkeeper.lp_solver's.


def _components(model: _Model, targets: Iterable[Var]) -> list[tuple[list[Var], list[int]]]:
    """Connected parts of the model (variables linked by rows) holding a target."""
    parent: dict[Var, Var] = {v: v for v in model.lower}

    def find(v: Var) -> Var:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for coefs, _lo, _hi in model.rows:
        vs = list(coefs)
        for other in vs[1:]:
            a, b = find(vs[0]), find(other)
            if a != b:
                parent[a] = b
    wanted = {find(t) for t in targets}
    members: dict[Var, list[Var]] = defaultdict(list)
    for v in model.lower:
        root = find(v)
        if root in wanted:
            members[root].append(v)
    rows: dict[Var, list[int]] = defaultdict(list)
    for i, (coefs, _lo, _hi) in enumerate(model.rows):
        if coefs:
            root = find(next(iter(coefs)))
            if root in wanted:
                rows[root].append(i)
    return [(members[r], rows[r]) for r in members]


@dataclass(frozen=True)
class Exposure:
    """A hidden cell a reader can narrow too much: its variable and feasible interval."""

    var: Var
    state: str
    threshold: int
    low: float
    high: float


def audit(
    tables: Sequence[Published],
    check: Iterable[int] | None = None,
    *,
    touching: Published | None = None,
    model: _Model | None = None,
    memo: AuditMemo | None = None,
    only: set[Var] | None = None,
) -> list[Exposure]:
    """Hidden cells of ``tables`` (only of ``check``'s indexes, default all) that a reader
    of all of ``tables`` could narrow too much (see the module docstring).

    Args:
        tables: Everything the reader holds.
        check: Indexes of the tables whose hidden cells are checked (default: all).
        touching: Only check the parts of the model that hold a count of this table
            (a new export): the other parts are what earlier exports published among
            themselves, checked when they were made, and nothing in this one can change them.
        model: ``build_model(tables)``, when the caller has it already.
        memo: What earlier rounds of ``protect`` learnt (cells shown safe, witnessed
            values); valid while the tables only hide more (see ``AuditMemo``).
        only: Check only these cells (default: every hidden cell).

    Two integer programs per hidden cell would be the plain way (least and greatest
    value). Most cells are settled for free instead: every solution HiGHS finds is a set
    of counts consistent with everything published, so it *witnesses* a value of every
    hidden cell at once. A "fewer than N" cell seen at 1 and at N-1, or a hidden cell
    seen at 0 or at two different values, cannot be exposed. Two solutions (all hidden
    cells as small as possible; all "fewer than N" cells as large as possible) settle
    most of them; only the rest get their own least and greatest value.
    """
    if model is None:
        model = build_model(tables)
    wanted: dict[Var, tuple[str, int]] = {}
    chosen = range(len(tables)) if check is None else check
    for i in chosen:
        t = tables[i]
        for ref, (state, _value) in t.cells.items():
            if ref[0] in COUNT_METRICS and state in (FEWER_THAN, SUPPRESSED):
                var = model.v(t, ref)
                if only is not None and var not in only:
                    continue
                if state == FEWER_THAN or var not in wanted:
                    wanted[var] = (state, t.threshold)
    near: set[Var] | None = None
    if touching is not None:
        near = {model.v(touching, ref) for ref in touching.cells if ref[0] in COUNT_METRICS}
    found: list[Exposure] = []
    for variables, rows in _components(model, wanted):
        if near is not None and near.isdisjoint(variables):
            continue
        targets = [v for v in variables if v in wanted and (memo is None or v not in memo.safe)]
        if not targets:
            continue
        found += _audit_component(model, variables, rows, targets, wanted, memo)
    return found


@dataclass
class AuditMemo:
    """What an audit learnt, for the next round of ``protect``.

    Each round only hides more cells, so what a reader can know only shrinks: a solution
    of one round is still a solution of the next, and a cell that could not be narrowed
    cannot be narrowed later. ``safe`` holds those cells, ``seen`` the witnessed values.
    """

    safe: set[Var] = field(default_factory=set)
    seen: dict[Var, set[int]] = field(default_factory=dict)


#: Rounds of batch solutions per component before single cells get their own programs.
_BATCHES = 6


def _audit_component(
    model: _Model,
    variables: list[Var],
    rows: list[int],
    targets: list[Var],
    wanted: dict[Var, tuple[str, int]],
    memo: AuditMemo | None = None,
) -> list[Exposure]:
    """``audit`` of one connected part of the model (see ``audit`` on witnesses)."""
    found: list[Exposure] = []
    memo = memo if memo is not None else AuditMemo()
    seen = memo.seen

    def settled(v: Var) -> bool:
        state, k = wanted[v]
        if state == FEWER_THAN:
            return 1 in seen[v] and k - 1 in seen[v]
        return 0 in seen[v] or len(seen[v]) >= 2

    for v in targets:
        seen.setdefault(v, set())
    if all(settled(v) for v in targets):
        memo.safe.update(targets)
        return found
    solver = _Solver(model, variables, rows)

    def witness() -> None:
        for v in targets:
            x = solver.value(v)
            if x is not None:
                seen[v].add(x)

    def lacking(v: Var, maximize: bool) -> bool:
        # Not yet seen at the end of its range that settles it.
        state, k = wanted[v]
        if maximize:
            return k - 1 not in seen[v] if state == FEWER_THAN else len(seen[v]) < 2
        return (1 if state == FEWER_THAN else 0) not in seen[v]

    open_ = [v for v in targets if not settled(v)]
    # Batches first: all unsettled cells as small as possible together, then as large as
    # possible, again over those still lacking while that helps (a batch that is
    # unbounded above gives no solution and ends the batches).
    for maximize in (False, True):
        for _ in range(_BATCHES):
            need = [v for v in open_ if not settled(v) and lacking(v, maximize)]
            if not need:
                break
            solver.run(dict.fromkeys(need, 1.0), maximize=maximize)
            witness()
            if sum(1 for v in need if not settled(v) and lacking(v, maximize)) == len(need):
                break
    for var in sorted(open_):
        if settled(var):
            continue
        state, k = wanted[var]
        if state == SUPPRESSED:
            # Its greatest value first: unless that is the one value seen, it is not pinned.
            high = solver.extreme(var, maximize=True)
            witness()
            if settled(var) or high == float("inf"):
                continue
            low = solver.extreme(var, maximize=False)
            witness()
            # A hidden cell that can only be 0 reveals no one (zero is shown anyway).
            if 0 < low >= high:
                found.append(Exposure(var, state, k, low, high))
            continue
        # A "fewer than N" cell: it must be able to be 1 and N-1.
        low = solver.extreme(var, maximize=False)
        witness()
        if low <= 1 and k - 1 in seen[var]:
            continue
        high = solver.extreme(var, maximize=True)
        witness()
        if low > 1 or high < k - 1:
            found.append(Exposure(var, state, k, low, high))
    memo.safe.update(set(targets) - {e.var for e in found})
    return found


def neighbours(
    model_tables: Sequence[Published], var: Var, model: _Model | None = None
) -> set[Var]:
    """Variables that share a relation with ``var`` (for choosing a further suppression)."""
    if model is None:
        model = build_model(model_tables)
    out: set[Var] = set()
    frontier = {var}
    seen = {var}
    # Widen step by step until some published cell is found.
    for _ in range(4):
        nxt: set[Var] = set()
        for coefs, _lo, _hi in model.rows:
            if frontier & coefs.keys():
                nxt |= set(coefs) - seen
        seen |= nxt
        out |= nxt
        frontier = nxt
        if not nxt:
            break
    return out


def _given_away(
    earlier: Sequence[Published], current: Published, history: History, cells: set[Var]
) -> set[Var]:
    """Which of ``cells`` ``earlier`` exports give away whatever ``current`` shows: those
    still exposed with every count of ``current`` hidden. No further suppression in
    ``current`` can help them, so ``protect`` does not try."""
    blank = replace(
        current,
        cells={
            ref: ((SUPPRESSED, None) if ref[0] in COUNT_METRICS else cell)
            for ref, cell in current.cells.items()
        },
        ratios=(),
    )
    tables = [*earlier, blank]
    model = build_model(tables, history)
    return {e.var for e in audit(tables, touching=blank, model=model, only=cells)}


def protect(
    current: Published,
    earlier: Sequence[Published] = (),
    *,
    history: History | None = None,
    max_rounds: int = 60,
) -> tuple[set[Ref], int]:
    """Further cells of ``current`` to hide so no hidden cell of it or of ``earlier`` is
    exposed; returns ``(refs to hide, audit rounds)``.

    Cheapest first: among published non-zero counts of ``current`` that share a relation
    with an exposed cell (widening step by step), a non-headline cell with the smallest
    value. ``current.cells`` is not changed; callers apply the result. ``history`` says
    how the figures behind ``earlier`` relate to today's (``History``).

    Raises:
        Infeasible: ``earlier`` and ``current`` contradict each other under ``history``,
            or (with no late or corrected meeting in ``history``) earlier exports already
            expose a cell, which the audits of those exports should have prevented.
    """
    history = history or History()
    cells = dict(current.cells)
    extra: set[Ref] = set()
    memo = AuditMemo()
    given_away: set[Var] = set()
    asked: set[Var] = set()
    for rounds in range(1, max_rounds + 1):
        table = replace(current, cells=cells)
        tables = [*earlier, table]
        model = build_model(tables, history)
        exposed = audit(tables, touching=table, model=model, memo=memo)
        new = {e.var for e in exposed} - asked
        if new and earlier:
            away = _given_away(earlier, current, history, new)
            if away and not history.now:
                # With no meeting entered late or corrected, every earlier export was
                # audited against the ones before it, so none can give a cell away: the
                # audit has missed something. Refuse rather than publish beside a leak.
                raise Infeasible("disclosure audit: earlier exports already expose a cell")
            given_away |= away
            asked |= new
        exposed = [e for e in exposed if e.var not in given_away]
        if not exposed:
            return extra, rounds
        by_var = {model.v(table, ref): ref for ref in cells if ref[0] in COUNT_METRICS}
        shown = {ref for ref, (state, _value) in cells.items() if state in (SHOWN, FEWER_THAN)}
        picks: set[Ref] = set()
        for exposure in exposed:
            # The cell itself first: an earlier export hid it, and this one would show it.
            near = {exposure.var} | neighbours(tables, exposure.var, model)
            if any(by_var.get(v) in picks for v in near):
                continue  # this round already hides a cell next to it: audit again first
            candidates = [by_var[v] for v in near if v in by_var and by_var[v] in shown]
            if not candidates:
                candidates = [ref for ref in shown if ref[0] in COUNT_METRICS]
            if not candidates:
                if picks:
                    # More exposed cells than shown counts left this round (it can
                    # happen when one round picks for many): hide these, audit again.
                    break
                raise RuntimeError(f"disclosure audit: nothing left to hide for {exposure}")

            # Smallest shown positive count first (hides least); then a "fewer than N"
            # (hidden instead, it no longer says "at least 1"); then a zero (a reader
            # may guess it); a headline total last.
            def cost(r: Ref) -> tuple[bool, int, float, Ref]:
                state, value = cells[r]
                kind = 1 if state == FEWER_THAN else 2 if not value else 0
                return (r[0] in HEADLINE, kind, value or 0, r)

            own = by_var.get(exposure.var)
            if own is not None and own in candidates and cells[own][0] == SHOWN:
                pick = own
            else:
                pick = min(candidates, key=cost)
            picks.add(pick)
            shown.discard(pick)
        for pick in picks:
            cells[pick] = (SUPPRESSED, None)
        extra |= picks
    raise RuntimeError("disclosure audit: too many rounds")

"""Report figures computed from pseudonymous facts (no Qt, no SQL, no wording).

``compute(facts)`` turns a ``groupkeeper.storage.reporting.ReportFacts`` snapshot into a
``Report``: a flat tuple of ``Value`` cells (metric id, sub-key, number, contributor count
``n``) plus the additive relations between count cells (``Relation``), which
``groupkeeper.suppression`` needs for complementary suppression. The UI words metric ids;
``DEFINITIONS`` holds the English definition of each for the report appendix (translated
by the UI).

Common rules (also stated in ``DEFINITIONS``):
- Only *closed* meetings dated within the period count. An open meeting is still running
  (or was never ended) and is left out until it is closed.
- "Present" excludes members who sent apologies.
- Mood figures are kept separate per scale ("1-5" and "0-10" are never mixed) and are a
  check-in, not a validated outcome (``wellbeing.MOOD_CHECK_NOTE_ID``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Literal

from groupkeeper import wellbeing
from groupkeeper.storage.reporting import ReportFacts

Kind = Literal["count", "mean", "median", "percent", "slope"]

SESSION_BUCKETS = ("1", "2-3", "4-7", "8+")
RETENTION_WEEKS = (4, 8, 12)
GOAL_OUTCOMES = ("done", "partly", "not_yet", "dropped")
OTHER_CATEGORY = "__group_added__"  # all user-added categories, exported under one code
TOP_SKILLS = 5


@dataclass(frozen=True)
class Period:
    """Whole calendar months, ``start`` to ``end`` inclusive, as ``(year, month)``."""

    start: tuple[int, int]
    end: tuple[int, int]

    def __post_init__(self) -> None:
        for y, m in (self.start, self.end):
            if not 1 <= m <= 12 or y < 1:
                raise ValueError("month out of range")
        if self.start > self.end:
            raise ValueError("period ends before it starts")

    @classmethod
    def months(cls, start: str, end: str) -> Period:
        """From ``"YYYY-MM"`` to ``"YYYY-MM"`` inclusive."""
        sy, sm = (int(x) for x in start.split("-"))
        ey, em = (int(x) for x in end.split("-"))
        return cls((sy, sm), (ey, em))

    @classmethod
    def quarter(cls, year: int, q: int) -> Period:
        if not 1 <= q <= 4:
            raise ValueError("quarter must be 1..4")
        return cls((year, 3 * q - 2), (year, 3 * q))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls((year, 1), (year, 12))

    @classmethod
    def last_full_quarter(cls, today: dt.date) -> Period:
        """The most recent quarter that has fully ended before ``today``."""
        q = (today.month - 1) // 3  # current quarter index 0..3
        if q == 0:
            return cls.quarter(today.year - 1, 4)
        return cls.quarter(today.year, q)

    @property
    def exportable(self) -> bool:
        """One calendar month, one calendar quarter or one calendar year.

        The only periods an export may cover (DESIGN.md, Reports): with arbitrary ranges,
        January-March minus January-February would be March, with its small counts.
        Aligned calendar periods never partly overlap. A quarter still contains its
        months, so a quarter minus two of its month exports is the third month: the
        README's known gaps say so.
        """
        (sy, sm), (ey, em) = self.start, self.end
        if (sy, sm) == (ey, em):
            return True
        return sy == ey and ((sm % 3 == 1 and em == sm + 2) or (sm, em) == (1, 12))

    def completed(self, today: dt.date) -> bool:
        """True once the period's last day is before ``today``: no meeting can still be
        added to it in the ordinary course, so an export of it cannot be repeated with one
        more meeting in it (the difference would be that meeting's figures)."""
        return self.last_day < today.isoformat()

    @property
    def first_day(self) -> str:
        return f"{self.start[0]:04d}-{self.start[1]:02d}-01"

    @property
    def last_day(self) -> str:
        y, m = self.end
        return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"

    @property
    def label(self) -> str:
        """``"2025-01..2025-03"``: language-neutral, used in exports."""
        return f"{self.start[0]:04d}-{self.start[1]:02d}..{self.end[0]:04d}-{self.end[1]:02d}"

    def month_keys(self) -> list[str]:
        keys = []
        y, m = self.start
        while (y, m) <= self.end:
            keys.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return keys


@dataclass(frozen=True)
class Value:
    """One report cell.

    ``n`` is the number of contributors (for counts: people or events counted; for means
    and percentages: the people the figure is computed over - a lower bound where
    anonymous entries cannot be told apart). ``value`` is None when there is nothing to
    compute (e.g. no scores). ``private_key`` marks a ``key`` that is user-entered text
    (a group-added skill name): shown in the app, never exported.
    """

    metric: str
    key: str
    value: float | None
    n: int
    kind: Kind
    private_key: bool = False
    depends_on: tuple[tuple[str, str], ...] = ()  # cells a mean/percent could reveal
    numerator: int | None = None  # for percentages: the count of n that meets the condition

    @property
    def ref(self) -> tuple[str, str]:
        return (self.metric, self.key)


@dataclass(frozen=True)
class Relation:
    """``total`` equals the sum of ``parts`` (all count cells of the same report)."""

    total: tuple[str, str]
    parts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Report:
    period_start: str
    period_end: str
    group_ids: tuple[int, ...]
    values: tuple[Value, ...]
    relations: tuple[Relation, ...]
    notes: tuple[str, ...] = field(default=())

    def get(self, metric: str, key: str = "") -> Value:
        for v in self.values:
            if v.metric == metric and v.key == key:
                return v
        raise KeyError((metric, key))

    def find(self, metric: str) -> tuple[Value, ...]:
        return tuple(v for v in self.values if v.metric == metric)


_COMMON = " Only closed meetings dated within the period count."
DEFINITIONS: dict[str, str] = {
    "meetings_held": "Number of closed meetings dated within the period.",
    "attendances": "Members present at a meeting plus anonymous walk-ins, summed over all"
    " meetings. Equals first-time attendances + returning attendances + walk-ins." + _COMMON,
    "attendances_new": "Attendances that were a person's first attendance ever at the"
    " reported group(s) (one per new member).",
    "attendances_returning": "Attendances by members present that were not their first"
    " attendance ever at the reported group(s).",
    "walk_ins": "Anonymous walk-ins counted at meetings (people who stayed anonymous).",
    "mean_attendance": "Attendances divided by meetings held (members present plus walk-ins"
    " per meeting).",
    "median_attendance": "Median of (members present + walk-ins) over meetings held.",
    "unique_attendees": "Number of different members present at least once in the period"
    " (walk-ins are anonymous and cannot be counted as people).",
    "new_members": "Members whose first attendance ever at the reported group(s) falls"
    " within the period.",
    "returning_members": "Members present in the period who had attended before it.",
    "sessions_mean": "Mean number of meetings attended per member present in the period.",
    "sessions_median": "Median number of meetings attended per member present in the period.",
    "sessions_bucket": "Members present in the period by number of meetings attended:"
    " 1, 2-3, 4-7, 8 or more.",
    "retention": "Percentage of new members who attended again within 4, 8 or 12 weeks"
    " (28, 56 or 84 days) after their first meeting. Only new members whose whole window"
    " ended by the end of the period (or today, if earlier) are counted; n is that number.",
    "mood_opening_mean": "Opening mood check: the mean score of each meeting, averaged over"
    " meetings (each meeting counts once). Separate per scale (1-5 or 0-10). A check-in,"
    " not a validated outcome.",
    "mood_opening_month": "Opening mood check per calendar month: the mean of that month's"
    " meeting means, per scale.",
    "mood_opening_slope": "Trend of the monthly opening mood means: least-squares slope in"
    " score points per month (months with no scores are skipped; needs two months).",
    "mood_change_mean": "Mean of (closing score - opening score) over each person's"
    " meetings where both were given on the same scale; n is the number of people.",
    "mood_passes": "Number of times someone passed in a mood round (opening or closing).",
    "skills_shared": "Number of coping skills recorded as shared.",
    "skills_by_category": "Coping skills shared, per category; categories added by groups"
    " are counted together.",
    "top_skill": "Most shared coping skills (starter library names only in exports).",
    "goals_set": "Goals set at meetings within the period.",
    "goals_reviewed": "Goals reviewed at meetings within the period, by outcome: done,"
    " partly, not yet, dropped.",
    "goals_outcome": "Goals reviewed at meetings within the period with this outcome.",
    "safety_concerns": "Safety concerns counted by facilitators at meetings (the notes"
    " themselves are private and never exported).",
    "wellbeing_mean": "Mean of the periodic wellbeing measure over responses within the"
    " period (WHO-5 percentage score 0-100; each ONS4 question 0-10 separately).",
    "wellbeing_change": "Change since first measure: for each person, their latest response"
    " in the period minus their first response ever; the mean over people (n).",
}


@functools.lru_cache(maxsize=4096)
def _add_days(date: str, days: int) -> str:
    # Cached: thousands of people share a handful of first dates (meeting days).
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def _slope(points: list[tuple[float, float]]) -> float | None:
    if len(points) < 2:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def compute(facts: ReportFacts, today: str | None = None) -> Report:
    """Compute every report figure from ``facts``.

    Works on the SQL aggregates of ``facts`` (per meeting, per person, per scale), never
    on row-level attendance or mood rows, so a five-year, twenty-group report stays fast.

    Args:
        facts: The snapshot from ``storage.reporting.load_facts``.
        today: ``YYYY-MM-DD``; retention windows must have ended by the earlier of this
            and the period end. Defaults to the period end.

    Returns:
        A ``Report`` with exact values (suppression happens later, for exports only).
    """
    start, end = facts.start, facts.end
    horizon = min(end, today) if today else end
    meetings = {m.id: m for m in facts.meetings if m.state == "closed" and start <= m.date <= end}
    values: list[Value] = []
    relations: list[Relation] = []

    def count(metric: str, key: str, v: int) -> None:
        values.append(Value(metric, key, v, v, "count"))

    # --- Attendance ------------------------------------------------------------------
    # ``people`` holds everyone present at a closed meeting of the period: their number
    # of sessions, first date there and the next later date.
    per_meeting = {mid: n for mid, n in facts.present_by_meeting.items() if mid in meetings}
    present_total = sum(per_meeting.values())
    walk_ins = sum(m.walk_ins for m in meetings.values())
    sizes = [per_meeting.get(mid, 0) + m.walk_ins for mid, m in meetings.items()]
    # New: the person's first attendance ever (first-seen over all history, any meeting
    # of the groups) is one of their attendances at a closed meeting of the period.
    new_people = [p for p in facts.people if facts.first_seen.get(p.pseudonym) == p.first_date]
    attendances = present_total + walk_ins
    new_att = len(new_people)
    count("meetings_held", "", len(meetings))
    count("attendances", "", attendances)
    count("attendances_new", "", new_att)
    count("attendances_returning", "", present_total - new_att)
    count("walk_ins", "", walk_ins)
    relations.append(
        Relation(
            ("attendances", ""),
            (("attendances_new", ""), ("attendances_returning", ""), ("walk_ins", "")),
        )
    )
    unique = len(facts.people)
    people_n = unique + max((m.walk_ins for m in meetings.values()), default=0)
    values.append(
        Value(
            "mean_attendance",
            "",
            attendances / len(meetings) if meetings else None,
            people_n,
            "mean",
            depends_on=(("attendances", ""), ("meetings_held", "")),
        )
    )
    values.append(
        Value(
            "median_attendance", "", statistics.median(sizes) if sizes else None, people_n, "median"
        )
    )
    count("unique_attendees", "", unique)
    count("new_members", "", new_att)
    count("returning_members", "", unique - new_att)
    relations.append(
        Relation(("unique_attendees", ""), (("new_members", ""), ("returning_members", "")))
    )
    # A new member has exactly one first attendance: the two cells are the same number.
    relations.append(Relation(("new_members", ""), (("attendances_new", ""),)))
    per_person = [p.sessions for p in facts.people]
    values.append(
        Value(
            "sessions_mean",
            "",
            statistics.fmean(per_person) if per_person else None,
            unique,
            "mean",
            depends_on=(
                ("attendances_new", ""),
                ("attendances_returning", ""),
                ("unique_attendees", ""),
            ),
        )
    )
    values.append(
        Value(
            "sessions_median",
            "",
            statistics.median(per_person) if per_person else None,
            unique,
            "median",
        )
    )
    buckets = Counter(
        "1" if s == 1 else "2-3" if s <= 3 else "4-7" if s <= 7 else "8+" for s in per_person
    )
    for b in SESSION_BUCKETS:
        count("sessions_bucket", b, buckets[b])
    relations.append(
        Relation(("unique_attendees", ""), tuple(("sessions_bucket", b) for b in SESSION_BUCKETS))
    )

    # --- Retention -------------------------------------------------------------------
    # Attended again within the window <=> their next date after the first is in it.
    windows = {
        weeks: [(p.next_date, _add_days(p.first_date, 7 * weeks)) for p in new_people]
        for weeks in RETENTION_WEEKS
    }
    for weeks in RETENTION_WEEKS:
        eligible = retained = 0
        for next_date, window_end in windows[weeks]:
            if window_end > horizon:
                continue
            eligible += 1
            if next_date is not None and next_date <= window_end:
                retained += 1
        values.append(
            Value(
                "retention",
                str(weeks),
                100.0 * retained / eligible if eligible else None,
                eligible,
                "percent",
                numerator=retained,
            )
        )

    # --- Mood checks -----------------------------------------------------------------
    moods = [c for c in facts.mood_meetings if c.meeting_id in meetings]
    passes = sum(c.passes for c in moods)
    values.append(Value("mood_passes", "", passes, passes, "count"))
    month_keys = Period.months(start[:7], end[:7]).month_keys()
    mood_people = {p.scale: p for p in facts.mood_people}
    for scale in ("1-5", "0-10"):
        opening = [c for c in moods if c.round == "opening" and c.scale == scale and c.scores]
        if not opening:
            continue
        people = mood_people.get(scale)
        by_month_people = people.by_month if people else {}
        n = max(people.people if people else 0, max(c.scores for c in opening))
        # statistics.fmean of integer scores is their exact sum over their number.
        meeting_means = {c.meeting_id: c.score_sum / c.scores for c in opening}
        values.append(
            Value("mood_opening_mean", scale, statistics.fmean(meeting_means.values()), n, "mean")
        )
        points: list[tuple[float, float]] = []
        means_by_month: dict[str, list[float]] = defaultdict(list)
        busiest: Counter[str] = Counter()
        for c in opening:
            month = meetings[c.meeting_id].date[:7]
            means_by_month[month].append(meeting_means[c.meeting_id])
            busiest[month] = max(busiest[month], c.scores)
        for i, month in enumerate(month_keys):
            if month not in means_by_month:
                continue
            month_mean = statistics.fmean(means_by_month[month])
            points.append((float(i), month_mean))
            values.append(
                Value(
                    "mood_opening_month",
                    f"{scale}|{month}",
                    month_mean,
                    max(by_month_people.get(month, 0), busiest[month]),
                    "mean",
                )
            )
        values.append(Value("mood_opening_slope", scale, _slope(points), n, "slope"))
        pairs = people.change_pairs if people else 0
        values.append(
            Value(
                "mood_change_mean",
                scale,
                people.change_sum / pairs if people and pairs else None,
                people.change_people if people else 0,
                "mean",
            )
        )

    # --- Skills ------------------------------------------------------------------------
    shares = [s for s in facts.skill_shares if s.meeting_id in meetings]
    count("skills_shared", "", len(shares))
    by_cat = Counter(s.category_name if s.category_builtin else OTHER_CATEGORY for s in shares)
    cat_keys = sorted(by_cat)
    for cat in cat_keys:
        count("skills_by_category", cat, by_cat[cat])
    relations.append(
        Relation(("skills_shared", ""), tuple(("skills_by_category", c) for c in cat_keys))
    )
    by_skill = Counter((s.skill_name, s.builtin) for s in shares)
    top = sorted(by_skill.items(), key=lambda kv: (-kv[1], kv[0][0]))[:TOP_SKILLS]
    for (name, builtin), times in top:
        values.append(Value("top_skill", name, times, times, "count", private_key=not builtin))

    # --- Goals -------------------------------------------------------------------------
    count("goals_set", "", facts.goals_set)
    count("goals_reviewed", "", sum(facts.goals_outcomes.values()))
    for o in GOAL_OUTCOMES:
        count("goals_outcome", o, facts.goals_outcomes.get(o, 0))
    relations.append(
        Relation(("goals_reviewed", ""), tuple(("goals_outcome", o) for o in GOAL_OUTCOMES))
    )

    # --- Safety and wellbeing ----------------------------------------------------------
    count("safety_concerns", "", sum(m.safety_concerns for m in meetings.values()))
    wb = [w for w in facts.wellbeing if w.scale in wellbeing.SCALE_IDS]
    for measure, agg in sorted(wellbeing.period_means(wb, start, end).items()):
        values.append(Value("wellbeing_mean", measure, agg.value, agg.n, "mean"))
    for measure, agg in sorted(wellbeing.change_since_first(wb, start, end).items()):
        values.append(Value("wellbeing_change", measure, agg.value, agg.n, "mean"))

    notes = (wellbeing.MOOD_CHECK_NOTE_ID,) if moods else ()
    return Report(start, end, facts.group_ids, tuple(values), tuple(relations), notes)

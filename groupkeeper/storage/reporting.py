"""Read-only queries that feed the reports (pseudonymous facts) and the follow-up list.

``load_facts`` returns everything ``groupkeeper.metrics.compute`` needs for a set of groups
and a date range, as frozen dataclasses keyed by pseudonym, never by member id or name. It
uses a handful of set-based queries (one per table, filtered through the
``meetings_group_date`` index), so a five-year report over twenty groups stays well under
the 300 ms budget.

``follow_up_list`` is the one function here that returns names: it is for the
facilitator's own screen ("who might we check in with?") and must never be exported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from groupkeeper.storage._sqlcipher import Database
from groupkeeper.textfold import name_key

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store


@dataclass(frozen=True)
class MeetingFact:
    id: int
    group_id: int
    date: str
    walk_ins: int
    safety_concerns: int
    state: str  # "open" | "closed"


@dataclass(frozen=True)
class AttendanceFact:
    meeting_id: int
    pseudonym: str
    status: str  # "present" | "apologies"
    is_new: bool


@dataclass(frozen=True)
class MoodFact:
    meeting_id: int
    pseudonym: str | None  # None for tally-only scores
    round: str  # "opening" | "closing"
    scale: str  # "1-5" | "0-10"
    score: int | None  # None when passed
    passed: bool


@dataclass(frozen=True)
class SkillShareFact:
    meeting_id: int
    skill_id: int
    skill_name: str
    category_name: str
    builtin: bool  # starter-library skill: may be named in exports
    category_builtin: bool  # starter category: its name may appear in exports


@dataclass(frozen=True)
class GoalFact:
    pseudonym: str
    set_meeting_id: int | None
    reviewed_meeting_id: int | None
    outcome: str | None  # "done" | "partly" | "not_yet" | "dropped" | None


@dataclass(frozen=True)
class WellbeingFact:
    meeting_id: int
    date: str
    pseudonym: str | None
    scale: str  # "who5" | "ons4"
    answers: tuple[int, ...]


@dataclass(frozen=True)
class PersonFact:
    """One pseudonym's attendance at the *closed* meetings of the period (aggregated in SQL).

    ``first_date`` is their first such meeting date, ``next_date`` the first later date
    (None if they came on one date only): enough for sessions and retention.
    """

    pseudonym: str
    sessions: int
    first_date: str
    next_date: str | None


@dataclass(frozen=True)
class MoodMeetingFact:
    """Mood rows of one closed meeting of the period, per round and scale (SQL aggregate)."""

    meeting_id: int
    round: str
    scale: str
    score_sum: int
    scores: int  # rows with a score
    passes: int
    rows: int


@dataclass(frozen=True)
class MoodPeopleFact:
    """Named opening scores on one scale at closed meetings of the period.

    ``people`` is the number of different pseudonyms that gave one; ``by_month`` the same
    per ``YYYY-MM``. ``change_sum``/``change_pairs``/``change_people``: closing minus
    opening score, summed over (meeting, person) pairs where both were given.
    """

    scale: str
    people: int
    by_month: dict[str, int]
    change_sum: int
    change_pairs: int
    change_people: int


class _RawRows:
    """Row-level facts, loaded only when first asked for (reports use the aggregates).

    Holds the open database until then: read them while the vault is unlocked.
    """

    def __init__(self, db: Database, where: str, params: list[Any]) -> None:
        self._db = db
        self._where = where
        self._params = params
        self._cache: dict[str, tuple[Any, ...]] = {}

    def get(self, name: str) -> tuple[Any, ...]:
        if name not in self._cache:
            self._cache[name] = getattr(self, f"_load_{name}")()
        return self._cache[name]

    def _load_attendance(self) -> tuple[AttendanceFact, ...]:
        return tuple(
            AttendanceFact(int(r[0]), str(r[1]), str(r[2]), bool(r[3]))
            for r in self._db.execute(
                "SELECT a.meeting_id, a.pseudonym, a.status, a.is_new FROM attendance a"
                f" JOIN meetings m ON m.id = a.meeting_id WHERE {self._where}",
                self._params,
            ).fetchall()
        )

    def _load_moods(self) -> tuple[MoodFact, ...]:
        return tuple(
            MoodFact(
                int(r[0]),
                None if r[1] is None else str(r[1]),
                str(r[2]),
                str(r[3]),
                None if r[4] is None else int(r[4]),
                bool(r[5]),
            )
            for r in self._db.execute(
                "SELECT c.meeting_id, c.pseudonym, c.round, c.scale, c.score, c.passed"
                " FROM mood_checks c JOIN meetings m ON m.id = c.meeting_id"
                f" WHERE {self._where}",
                self._params,
            ).fetchall()
        )

    def _load_goals(self) -> tuple[GoalFact, ...]:
        goal_set = self._where.replace("m.id IN", "g.set_meeting_id IN")
        goal_rev = self._where.replace("m.id IN", "g.reviewed_meeting_id IN")
        return tuple(
            GoalFact(
                str(r[0]),
                None if r[1] is None else int(r[1]),
                None if r[2] is None else int(r[2]),
                None if r[3] is None else str(r[3]),
            )
            for r in self._db.execute(
                "SELECT g.pseudonym, g.set_meeting_id, g.reviewed_meeting_id, g.outcome"
                f" FROM goals g WHERE {goal_set} OR {goal_rev}",
                self._params + self._params,
            ).fetchall()
        )


@dataclass(frozen=True)
class ReportFacts:
    """Everything a report needs, pseudonymous only.

    ``meetings`` are the meetings of the chosen groups dated within ``start``..``end``
    (both states; metrics decide). ``first_seen`` maps every pseudonym present in the
    period to the date of their first ``present`` attendance at *any* meeting of the chosen
    groups, over all history, so "new" is right even for long-standing members.
    ``wellbeing`` holds responses of the chosen groups from all history up to ``end``, so
    "change since first measure" can start before the period.

    The attendance, mood and goal figures come already aggregated by SQL over the *closed*
    meetings of the period (``present_by_meeting``, ``people``, ``mood_meetings``,
    ``mood_people``, ``goals_set``, ``goals_outcomes``): a five-year report over twenty
    groups is ~200k rows, too many to turn into Python objects within the 300 ms budget.
    The row-level ``attendance``, ``moods`` and ``goals`` (all meetings of the period,
    both states) are still there for callers that want them, loaded on first access, so
    read them while the vault is unlocked.
    """

    group_ids: tuple[int, ...]
    start: str
    end: str
    meetings: tuple[MeetingFact, ...]
    first_seen: dict[str, str]
    skill_shares: tuple[SkillShareFact, ...]
    wellbeing: tuple[WellbeingFact, ...]
    present_by_meeting: dict[int, int]
    people: tuple[PersonFact, ...]
    mood_meetings: tuple[MoodMeetingFact, ...]
    mood_people: tuple[MoodPeopleFact, ...]
    goals_set: int
    goals_outcomes: dict[str, int]
    _raw: _RawRows = field(repr=False, compare=False)

    @property
    def attendance(self) -> tuple[AttendanceFact, ...]:
        """Every attendance row (present and apologies) at the period's meetings."""
        return self._raw.get("attendance")

    @property
    def moods(self) -> tuple[MoodFact, ...]:
        """Every mood-check row at the period's meetings."""
        return self._raw.get("moods")

    @property
    def goals(self) -> tuple[GoalFact, ...]:
        """Goals set or reviewed at the period's meetings (never their text)."""
        return self._raw.get("goals")


def _group_filter(group_ids: Sequence[int] | None, column: str) -> tuple[str, list[Any]]:
    if group_ids is None:
        return "1 = 1", []
    marks = ", ".join("?" for _ in group_ids) or "NULL"
    return f"{column} IN ({marks})", [int(g) for g in group_ids]


def all_group_ids(db: Database) -> tuple[int, ...]:
    """Ids of every group, active or not, in id order."""
    return tuple(int(r[0]) for r in db.execute("SELECT id FROM groups ORDER BY id").fetchall())


def _next_date(first: str, dates: str | None) -> str | None:
    """The earliest date in comma-joined ``dates`` that is after ``first``."""
    later = [d for d in (dates or "").split(",") if d > first]
    return min(later) if later else None


def load_facts(db: Database, group_ids: Iterable[int] | None, start: str, end: str) -> ReportFacts:
    """Load the pseudonymous facts for ``group_ids`` (None = all groups) and a date range.

    Args:
        db: An unlocked vault database.
        group_ids: Groups to include; ``None`` means every group.
        start: First day included, ``YYYY-MM-DD``.
        end: Last day included, ``YYYY-MM-DD``.

    Returns:
        A ``ReportFacts`` snapshot. Nothing in it names a member.
    """
    ids: list[int] | None = None if group_ids is None else sorted({int(g) for g in group_ids})
    gsql, gparams = _group_filter(ids, "m.group_id")
    period = [start, end]
    # Closed meetings carry their present count (one seek in attendance_meeting_status).
    present_by_meeting: dict[int, int] = {}
    meeting_list: list[MeetingFact] = []
    for r in db.execute(
        "SELECT m.id, m.group_id, m.date, m.walk_ins, m.safety_concerns, m.state,"
        "  CASE WHEN m.state = 'closed' THEN (SELECT COUNT(*) FROM attendance a"
        "    WHERE a.meeting_id = m.id AND a.status = 'present') END"
        f" FROM meetings m WHERE {gsql} AND m.date BETWEEN ? AND ?"
        " ORDER BY m.date, m.id",
        gparams + period,
    ).fetchall():
        meeting_list.append(
            MeetingFact(int(r[0]), int(r[1]), str(r[2]), int(r[3]), int(r[4]), str(r[5]))
        )
        if r[6]:
            present_by_meeting[int(r[0])] = int(r[6])
    meetings = tuple(meeting_list)
    in_period = f"m.id IN (SELECT m.id FROM meetings m WHERE {gsql} AND m.date BETWEEN ? AND ?)"
    in_params = gparams + period
    # The aggregates count closed meetings of the period only (as the metrics do).
    closed = f"{gsql} AND m.state = 'closed' AND m.date BETWEEN ? AND ?"

    # One pass over everyone's present rows up to the end gives first-seen over all
    # history and the per-person figures of the period. attendance_report yields the
    # rows in pseudonym order, so the grouping needs no sort.
    first_seen: dict[str, str] = {}
    people: list[PersonFact] = []
    for r in db.execute(
        "SELECT a.pseudonym, MIN(m.date),"
        "  SUM(m.state = 'closed' AND m.date >= ?),"
        "  MIN(CASE WHEN m.state = 'closed' AND m.date >= ? THEN m.date END),"
        "  GROUP_CONCAT(CASE WHEN m.state = 'closed' AND m.date >= ? THEN m.date END)"
        " FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
        f" WHERE a.status = 'present' AND {gsql} AND m.date <= ?"
        " GROUP BY a.pseudonym HAVING MAX(m.date >= ?)",
        [start, start, start, *gparams, end, start],
    ).fetchall():
        pseudonym, first = str(r[0]), str(r[1])
        first_seen[pseudonym] = first
        if r[2]:
            period_first = str(r[3])
            people.append(
                PersonFact(pseudonym, int(r[2]), period_first, _next_date(period_first, r[4]))
            )
    # Meetings first (CROSS JOIN fixes the order): each meeting's mood rows come out of
    # mood_report already grouped by round and scale.
    mood_meetings = tuple(
        MoodMeetingFact(int(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4]), int(r[5]), int(r[6]))
        for r in db.execute(
            "SELECT m.id, c.round, c.scale, COALESCE(SUM(c.score), 0), COUNT(c.score),"
            "  SUM(c.passed), COUNT(*)"
            " FROM meetings m CROSS JOIN mood_checks c ON c.meeting_id = m.id"
            f" WHERE {closed} GROUP BY m.id, c.round, c.scale",
            in_params,
        ).fetchall()
    )
    # Named opening scores in (scale, pseudonym) order straight from mood_people.
    months_by_scale: dict[str, dict[str, int]] = {}
    people_by_scale: dict[str, int] = {}
    for r in db.execute(
        "SELECT c.scale, GROUP_CONCAT(DISTINCT substr(m.date, 1, 7))"
        " FROM mood_checks c CROSS JOIN meetings m ON m.id = c.meeting_id"
        f" WHERE {closed} AND c.round = 'opening' AND c.score IS NOT NULL"
        "  AND c.pseudonym IS NOT NULL"
        " GROUP BY c.scale, c.pseudonym",
        in_params,
    ).fetchall():
        scale = str(r[0])
        people_by_scale[scale] = people_by_scale.get(scale, 0) + 1
        by_month = months_by_scale.setdefault(scale, {})
        for month in str(r[1]).split(","):
            by_month[month] = by_month.get(month, 0) + 1
    # Each named closing score, paired with the same person's opening score at the same
    # meeting (both read from mood_people).
    change = {
        str(r[0]): (int(r[1]), int(r[2]), int(r[3]))
        for r in db.execute(
            "SELECT cl.scale, SUM(cl.score - o.score), COUNT(*), COUNT(DISTINCT cl.pseudonym)"
            " FROM mood_checks cl"
            " CROSS JOIN mood_checks o ON o.round = 'opening' AND o.scale = cl.scale"
            "  AND o.pseudonym = cl.pseudonym AND o.meeting_id = cl.meeting_id"
            " CROSS JOIN meetings m ON m.id = cl.meeting_id"
            f" WHERE {closed} AND cl.round = 'closing' AND cl.score IS NOT NULL"
            "  AND cl.pseudonym IS NOT NULL AND o.pseudonym IS NOT NULL"
            "  AND o.score IS NOT NULL"
            " GROUP BY cl.scale",
            in_params,
        ).fetchall()
    }
    mood_people = tuple(
        MoodPeopleFact(
            scale,
            people_by_scale.get(scale, 0),
            months_by_scale.get(scale, {}),
            *change.get(scale, (0, 0, 0)),
        )
        for scale in sorted(set(people_by_scale) | set(change))
    )
    goals_set = int(
        db.execute(
            "SELECT COUNT(*) FROM meetings m CROSS JOIN goals g ON g.set_meeting_id = m.id"
            f" WHERE {closed}",
            in_params,
        ).fetchone()[0]
    )
    goals_outcomes = {
        str(r[0]): int(r[1])
        for r in db.execute(
            "SELECT g.outcome, COUNT(*)"
            " FROM meetings m CROSS JOIN goals g ON g.reviewed_meeting_id = m.id"
            f" WHERE {closed} AND g.outcome IS NOT NULL AND g.outcome != '' GROUP BY g.outcome",
            in_params,
        ).fetchall()
    }
    skill_shares = tuple(
        SkillShareFact(int(r[0]), int(r[1]), str(r[2]), str(r[3]), bool(r[4]), bool(r[5]))
        for r in db.execute(
            "SELECT s.meeting_id, k.id, k.name, c.name, k.builtin, c.builtin"
            " FROM skill_shares s"
            " JOIN meetings m ON m.id = s.meeting_id"
            " JOIN skills k ON k.id = s.skill_id"
            " JOIN skill_categories c ON c.id = k.category_id"
            f" WHERE {in_period}",
            in_params,
        ).fetchall()
    )
    wellbeing = tuple(
        WellbeingFact(
            int(r[0]),
            str(r[1]),
            None if r[2] is None else str(r[2]),
            str(r[3]),
            tuple(int(x) for x in json.loads(r[4])),
        )
        for r in db.execute(
            "SELECT w.meeting_id, m.date, w.pseudonym, w.scale, w.answers"
            " FROM wellbeing_responses w JOIN meetings m ON m.id = w.meeting_id"
            f" WHERE {gsql} AND m.date <= ? ORDER BY m.date, w.id",
            gparams + [end],
        ).fetchall()
    )
    return ReportFacts(
        group_ids=tuple(ids) if ids is not None else all_group_ids(db),
        start=start,
        end=end,
        meetings=meetings,
        first_seen=first_seen,
        skill_shares=skill_shares,
        wellbeing=wellbeing,
        present_by_meeting=present_by_meeting,
        people=tuple(people),
        mood_meetings=mood_meetings,
        mood_people=mood_people,
        goals_set=goals_set,
        goals_outcomes=goals_outcomes,
        _raw=_RawRows(db, in_period, in_params),
    )


@dataclass(frozen=True)
class FollowUpPerson:
    """A member to check in with. Facilitator's screen only: never exported."""

    member_id: int
    display_name: str


@dataclass(frozen=True)
class FollowUpList:
    missed: tuple[FollowUpPerson, ...]  # absent from all of the last 3 meetings
    sent_apologies: tuple[FollowUpPerson, ...]  # absent, but sent apologies at least once


FOLLOW_UP_MEETINGS = 3


def follow_up_for(store: Store, group_id: int, today: str) -> FollowUpList:
    """``follow_up_list`` over a store's connection: screens ask this, never for a database."""
    return follow_up_list(store.db, group_id, today)


def follow_up_list(db: Database, group_id: int, today: str) -> FollowUpList:
    """Members who missed their group's last three closed meetings and may be contacted.

    A member is listed when they belong to the group, are active, have contact consent,
    and were not *present* at any of the group's last three closed meetings dated on or
    before ``today``. Those who sent apologies to at least one of those meetings are
    listed separately (they are not drop-outs). A member who joined the roster after the
    earliest of those meetings is not listed: they could not have attended. Nothing is
    listed until the group has held three closed meetings.

    Args:
        db: An unlocked vault database.
        group_id: The group.
        today: ``YYYY-MM-DD``; meetings after it are ignored.

    Returns:
        Two name-sorted tuples of ``FollowUpPerson``.
    """
    last = [
        (int(r[0]), str(r[1]))
        for r in db.execute(
            "SELECT id, date FROM meetings WHERE group_id = ? AND state = 'closed'"
            " AND date <= ? ORDER BY date DESC, id DESC LIMIT ?",
            [group_id, today, FOLLOW_UP_MEETINGS],
        ).fetchall()
    ]
    if len(last) < FOLLOW_UP_MEETINGS:
        return FollowUpList((), ())
    ids = [m for m, _ in last]
    earliest = min(d for _, d in last)
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        "SELECT mb.id, mb.display_name,"
        f"  EXISTS (SELECT 1 FROM attendance a WHERE a.pseudonym = mb.pseudonym"
        f"          AND a.meeting_id IN ({marks}) AND a.status = 'apologies')"
        " FROM members mb JOIN group_members gm ON gm.member_id = mb.id"
        " WHERE gm.group_id = ? AND mb.active = 1 AND mb.contact_consent = 1"
        "   AND (mb.joined_on = '' OR mb.joined_on <= ?)"
        "   AND substr(mb.created_at, 1, 10) <= ?"
        f"  AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.pseudonym = mb.pseudonym"
        f"          AND a.meeting_id IN ({marks}) AND a.status = 'present')",
        ids + [group_id, earliest, earliest] + ids,
    ).fetchall()
    rows.sort(key=lambda r: name_key(str(r[1]), int(r[0])))  # as the roster: Á with A
    missed = tuple(FollowUpPerson(int(r[0]), str(r[1])) for r in rows if not r[2])
    apologies = tuple(FollowUpPerson(int(r[0]), str(r[1])) for r in rows if r[2])
    return FollowUpList(missed, apologies)

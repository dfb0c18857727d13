"""Plain dataclasses that cross the storage boundary (no Qt, no SQL).

Meeting records (attendance, moods, skill shares, goals, wellbeing answers) refer to a
member only through their random ``pseudonym``. Forgetting a member deletes the
``Member`` (and their goal texts and notes); their pseudonymous records stay for the
group's statistics but can no longer be linked to anyone.

Dates are ISO strings (``YYYY-MM-DD``); timestamps are ISO 8601 UTC strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class MoodScale(StrEnum):
    """Each score is stored with its scale; the two are never averaged together."""

    FIVE = "1-5"
    ELEVEN = "0-10"

    @property
    def low(self) -> int:
        return 1 if self is MoodScale.FIVE else 0

    @property
    def high(self) -> int:
        return 5 if self is MoodScale.FIVE else 10


class MoodRound(StrEnum):
    OPENING = "opening"
    CLOSING = "closing"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"  # sent apologies: not attending, not a drop-out


class GoalOutcome(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_YET = "not_yet"
    DROPPED = "dropped"


class MeetingState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ConsentKind(StrEnum):
    ROSTER = "roster"  # agreed to be on the roster
    CONTACT = "contact"  # agreed to be contacted between meetings


@dataclass
class Group:
    name: str
    meeting_day: str = ""  # e.g. "Tuesday" (free text, worded by the UI)
    meeting_time: str = ""  # "19:00"
    place: str = ""
    template: str = "weekly"  # agenda template id
    agenda: list[dict[str, object]] = field(default_factory=list)  # serialised Agenda
    agreements: str = ""
    crisis_resources: str = ""
    escalation_steps: str = ""
    mood_scale: MoodScale = MoodScale.FIVE
    tally_only_moods: bool = False
    wellbeing_scale: str = ""  # "" (off), "who5", "ons4"
    wellbeing_every_weeks: int = 4
    crisis_reminder_used: bool = False  # "remind me later" is honoured only once
    active: bool = True
    id: int | None = None


@dataclass
class Member:
    display_name: str
    full_name: str = ""
    pronouns: str = ""
    phone: str = ""
    email: str = ""
    emergency_contact: str = ""
    contact_consent: bool = False
    notes: str = ""
    joined_on: str = ""
    active: bool = True
    group_ids: list[int] = field(default_factory=list)
    pseudonym: str = ""  # assigned by storage, random, never derived from the fields above
    id: int | None = None


@dataclass
class ConsentRecord:
    member_id: int
    kind: ConsentKind
    granted: bool
    recorded_at: str = ""
    note: str = ""
    id: int | None = None


@dataclass
class Meeting:
    group_id: int
    date: str
    state: MeetingState = MeetingState.OPEN
    started_at: str = ""
    ended_at: str = ""
    agenda: list[dict[str, object]] = field(default_factory=list)  # agenda actually run
    engine_state: dict[str, object] = field(default_factory=dict)  # timer/segment, for resume
    walk_ins: int = 0
    safety_concerns: int = 0
    next_meeting_date: str = ""
    entered_after: bool = False  # entered after the fact (paper night)
    corrected_at: str = ""  # set when a closed meeting is corrected
    id: int | None = None


@dataclass
class Attendance:
    meeting_id: int
    pseudonym: str
    status: AttendanceStatus = AttendanceStatus.PRESENT
    is_new: bool = False
    recorded_at: str = ""


@dataclass
class MoodCheck:
    meeting_id: int
    round: MoodRound
    scale: MoodScale
    score: int | None  # None when passed
    pseudonym: str | None = None  # None in tally-only groups
    passed: bool = False
    feeling_word: str = ""
    recorded_at: str = ""
    id: int | None = None


@dataclass
class SkillCategory:
    name: str
    builtin: bool = False
    id: int | None = None


@dataclass
class Skill:
    name: str
    category_id: int
    description: str = ""
    builtin: bool = False  # starter-library skills may be named in exports; user ones not
    id: int | None = None


@dataclass
class SkillShare:
    meeting_id: int
    skill_id: int
    pseudonym: str | None = None  # who shared, optional
    recorded_at: str = ""
    id: int | None = None


@dataclass
class Goal:
    pseudonym: str
    text: str | None  # None once the member is forgotten
    set_meeting_id: int | None
    outcome: GoalOutcome | None = None
    reviewed_meeting_id: int | None = None
    created_at: str = ""
    reviewed_at: str = ""
    id: int | None = None


@dataclass
class SafetyNote:
    """A facilitator's private note: encrypted, never exported."""

    meeting_id: int | None
    text: str
    created_at: str = ""
    id: int | None = None


@dataclass
class WellbeingResponse:
    meeting_id: int
    scale: str  # "who5" | "ons4"
    answers: list[int]
    pseudonym: str | None = None
    recorded_at: str = ""
    id: int | None = None


@dataclass
class Correction:
    """Audit line: what was changed in a closed meeting, and when (no personal data)."""

    meeting_id: int
    what: str
    at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class MeetingContents:
    """What a meeting holds, as counts (no names): what discarding it would delete."""

    present: int = 0
    new_here: int = 0
    apologies: int = 0
    walk_ins: int = 0
    moods: int = 0
    skill_shares: int = 0
    goals_set: int = 0
    goals_reviewed: int = 0
    wellbeing: int = 0
    safety_notes: int = 0
    safety_concerns: int = 0

    @property
    def is_empty(self) -> bool:
        """Nothing recorded yet: the meeting can go without asking."""
        return not any(getattr(self, f) for f in self.__dataclass_fields__)


@dataclass
class Disclosure:
    """A record, in the member's file, that something about them was handed out on their
    request (a proof of attendance): what, for which period, when. The document itself is
    never kept by the app."""

    member_id: int
    what: str  # "attendance_proof"
    period_start: str
    period_end: str
    made_at: str = ""
    id: int | None = None


class RosterRow(NamedTuple):
    """What one line of the roster shows: a compact row, not a whole ``Member``."""

    id: int
    display_name: str
    full_name: str
    pronouns: str
    phone: str
    active: bool
    group_ids: tuple[int, ...]
    last_attended: str  # date of the last meeting attended, "" if never


class SearchRow(NamedTuple):
    """The fields type-ahead searches, for one member."""

    id: int
    display_name: str
    full_name: str
    phone: str

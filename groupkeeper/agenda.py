"""Agenda: typed meeting segments and the templates that compose them.

An agenda is an ordered list of ``Segment``s. Each segment has a ``kind`` (which screen the
runner shows), an optional custom title (``""`` means the UI's translated default title
for the kind) and planned minutes. Templates are the spec's three; a group may save its
own agenda (serialised with ``to_dicts`` / ``from_dicts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from groupkeeper.model import Group


class SegmentKind(StrEnum):
    CHECK_IN = "check_in"
    AGREEMENTS = "agreements"
    MOOD_ROUND = "mood_round"
    GOALS_REVIEW = "goals_review"
    SKILL_SHARE = "skill_share"
    GOAL_SETTING = "goal_setting"
    OPEN = "open"  # generic open timed segment (open sharing, working session...)
    WELLBEING_CHECK = "wellbeing_check"
    CLOSING = "closing"


@dataclass
class Segment:
    kind: SegmentKind
    minutes: int
    title: str = ""  # "" = the UI's default title for the kind; user-given titles are data
    title_id: str = ""  # stable id for template-provided titles, for translation by the UI
    options: dict[str, object] = field(default_factory=dict)  # e.g. {"round": "closing"}

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "minutes": self.minutes,
            "title": self.title,
            "title_id": self.title_id,
            "options": dict(self.options),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, object]) -> Segment:
        minutes = raw.get("minutes", 10)
        options = raw.get("options", {})
        return cls(
            kind=SegmentKind(str(raw["kind"])),
            minutes=int(minutes) if isinstance(minutes, int | float | str) else 10,
            title=str(raw.get("title", "")),
            title_id=str(raw.get("title_id", "")),
            options=dict(options) if isinstance(options, dict) else {},
        )


def to_dicts(segments: list[Segment]) -> list[dict[str, object]]:
    return [s.to_dict() for s in segments]


def from_dicts(raw: list[dict[str, object]]) -> list[Segment]:
    return [Segment.from_dict(r) for r in raw]


# Template ids are stable (stored in the vault); display names are worded by the UI.
WEEKLY = "weekly"
DROP_IN = "drop_in"
CHECK_IN_WORK_CHECK_OUT = "check_in_work_check_out"


def template(template_id: str) -> list[Segment]:
    """A fresh copy of a built-in agenda template."""
    K = SegmentKind
    if template_id == WEEKLY:
        return [
            Segment(K.CHECK_IN, 10),
            Segment(K.AGREEMENTS, 5),
            Segment(K.MOOD_ROUND, 15),
            Segment(K.GOALS_REVIEW, 15),
            Segment(K.SKILL_SHARE, 20),
            Segment(K.GOAL_SETTING, 15),
            Segment(K.CLOSING, 10, options={"closing_mood": True}),
        ]
    if template_id == DROP_IN:
        return [
            Segment(K.CHECK_IN, 10),
            Segment(K.AGREEMENTS, 5),
            Segment(K.OPEN, 60, title_id="open_sharing"),
            Segment(K.CLOSING, 10, options={"closing_mood": False}),
        ]
    if template_id == CHECK_IN_WORK_CHECK_OUT:
        return [
            Segment(K.CHECK_IN, 15, title_id="check_in_round"),
            Segment(K.OPEN, 10, title_id="agenda_setting"),
            Segment(K.OPEN, 45, title_id="working_session"),
            Segment(K.GOAL_SETTING, 10, title_id="check_out_plan"),
            Segment(K.CLOSING, 5, options={"closing_mood": False}),
        ]
    raise KeyError(template_id)


TEMPLATE_IDS = (WEEKLY, DROP_IN, CHECK_IN_WORK_CHECK_OUT)


def fill_from_template(group: Group) -> Group:
    """Give a new group with no agenda of its own its template's agenda (returns ``group``).

    A domain rule, applied before the group is stored; storage keeps what it is given.
    """
    if not group.agenda:
        group.agenda = to_dicts(template(group.template))
    return group


# Planned minutes a segment may have. One minute is the least a timer can show; four hours is
# far beyond any real segment and catches a slip of the keyboard (600 typed for 60).
MIN_MINUTES = 1
MAX_MINUTES = 240

# Problem codes returned by ``validate``; the UI words them. A per-segment problem is
# ``"<code>:<index>"`` so the editor can point at the row.
PROBLEM_EMPTY = "empty_agenda"
PROBLEM_MINUTES = "minutes_out_of_range"


def validate(segments: list[Segment]) -> list[str]:
    """Problems that stop an agenda from being run or saved.

    Args:
        segments: The agenda, in order.

    Returns:
        Problem codes, empty when the agenda is fine: ``"empty_agenda"`` when there are no
        segments, and ``"minutes_out_of_range:<index>"`` for each segment whose planned
        minutes are not a whole number from ``MIN_MINUTES`` to ``MAX_MINUTES``. Codes, not
        sentences: the UI words them. The order or number of check-ins is not checked; a
        group may run its agenda as it likes.
    """
    if not segments:
        return [PROBLEM_EMPTY]
    problems = []
    for index, segment in enumerate(segments):
        minutes = segment.minutes
        # bool is an int subclass; True minutes is a bug upstream, not one minute.
        if (
            not isinstance(minutes, int)
            or isinstance(minutes, bool)
            or not MIN_MINUTES <= minutes <= MAX_MINUTES
        ):
            problems.append(f"{PROBLEM_MINUTES}:{index}")
    return problems


def total_minutes(segments: list[Segment]) -> int:
    """The planned length of an agenda in minutes (every segment, skipped or not).

    Args:
        segments: The agenda.

    Returns:
        The sum of the segments' planned minutes.
    """
    return sum(segment.minutes for segment in segments)


# A group's wellbeing measure and its agenda go together: choosing a measure adds the
# segment where it is filled in; removing the measure offers to remove the segment.
WELLBEING_MINUTES = 10


def has_wellbeing_check(segments: list[Segment]) -> bool:
    """True if the agenda has a wellbeing-check segment."""
    return any(s.kind is SegmentKind.WELLBEING_CHECK for s in segments)


def with_wellbeing_check(segments: list[Segment]) -> list[Segment]:
    """The agenda with a wellbeing-check segment (unchanged if it has one already).

    The new segment goes just before the closing segment (answers are collected while
    people are still there), or at the end when there is no closing.
    """
    if has_wellbeing_check(segments):
        return list(segments)
    result = list(segments)
    closing = next((i for i, s in enumerate(result) if s.kind is SegmentKind.CLOSING), len(result))
    result.insert(closing, Segment(SegmentKind.WELLBEING_CHECK, WELLBEING_MINUTES))
    return result


def without_wellbeing_check(segments: list[Segment]) -> list[Segment]:
    """The agenda without its wellbeing-check segments."""
    return [s for s in segments if s.kind is not SegmentKind.WELLBEING_CHECK]

"""The paper fallback kit for one group (no Qt): which sheets, in the agenda's order.

When the laptop fails, the meeting runs on paper and is typed in afterwards through "Enter
a past meeting", which walks the group's own agenda. So the kit follows that agenda: a
sign-in sheet for check-in (here / new here / sent apologies, walk-ins), a mood sheet for
the mood round and the closing round (per-person scores, or a tally for tally-only
groups), a goals sheet for last week's goals and this week's goal, a skills sheet, the
group's wellbeing questionnaire when its agenda has a wellbeing check (one copy per person,
entered afterwards in that segment's grid), and the counts for walk-ins and safety
concerns. The sheets are blank: no member's name is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from groupkeeper import agenda
from groupkeeper.model import Group, MoodScale
from groupkeeper.wellbeing import SCALE_IDS


class Sheet(StrEnum):
    SIGN_IN = "sign_in"
    MOODS = "moods"
    MOOD_TALLY = "mood_tally"
    GOALS = "goals"
    SKILLS = "skills"
    WELLBEING = "wellbeing"


@dataclass(frozen=True)
class Kit:
    """What to print for a group (the UI words and lays it out)."""

    group_name: str
    sheets: list[Sheet]
    scale_low: int
    scale_high: int
    closing_round: bool  # the closing segment has a closing mood round
    goals_review: bool
    goal_setting: bool
    rows: int = 18  # lines per sheet for names (one A4 page at handwriting height)
    wellbeing_scale: str = ""  # the questionnaire's scale id when the kit has one


def kit_for(group: Group) -> Kit:
    """The sheets for ``group``'s agenda, in the order "Enter a past meeting" asks for them."""
    segments = agenda.from_dicts(group.agenda) if group.agenda else agenda.template(group.template)
    kinds = [s.kind for s in segments]
    closing_round = any(
        s.kind is agenda.SegmentKind.CLOSING and bool(s.options.get("closing_mood", True))
        for s in segments
    )
    sheets: list[Sheet] = [Sheet.SIGN_IN]  # attendance is recorded at every meeting
    has_moods = agenda.SegmentKind.MOOD_ROUND in kinds or closing_round
    goals_review = agenda.SegmentKind.GOALS_REVIEW in kinds
    goal_setting = agenda.SegmentKind.GOAL_SETTING in kinds
    wellbeing_scale = group.wellbeing_scale if group.wellbeing_scale in SCALE_IDS else ""
    for kind in kinds:
        if kind is agenda.SegmentKind.MOOD_ROUND or (
            kind is agenda.SegmentKind.CLOSING and closing_round
        ):
            sheet = Sheet.MOOD_TALLY if group.tally_only_moods else Sheet.MOODS
        elif kind in (agenda.SegmentKind.GOALS_REVIEW, agenda.SegmentKind.GOAL_SETTING):
            sheet = Sheet.GOALS
        elif kind is agenda.SegmentKind.SKILL_SHARE:
            sheet = Sheet.SKILLS
        elif kind is agenda.SegmentKind.WELLBEING_CHECK and wellbeing_scale:
            sheet = Sheet.WELLBEING
        else:
            continue
        if sheet not in sheets:
            sheets.append(sheet)
    if not has_moods:
        sheets = [s for s in sheets if s not in (Sheet.MOODS, Sheet.MOOD_TALLY)]
    if Sheet.WELLBEING in sheets:  # copied once per person: the last page, on its own
        sheets = [s for s in sheets if s is not Sheet.WELLBEING] + [Sheet.WELLBEING]
    scale = MoodScale(group.mood_scale)
    return Kit(
        group_name=group.name,
        sheets=sheets,
        scale_low=scale.low,
        scale_high=scale.high,
        closing_round=closing_round,
        goals_review=goals_review,
        goal_setting=goal_setting,
        wellbeing_scale=wellbeing_scale if Sheet.WELLBEING in sheets else "",
    )

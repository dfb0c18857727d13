"""Meeting operations: open (with the crisis-resources rule), save the timer, count, close."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from groupkeeper.model import Meeting, MeetingContents, SafetyNote, WellbeingResponse
from groupkeeper.ops import rules
from groupkeeper.ops.base import Kind, operation
from groupkeeper.storage.errors import InvalidInput

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store


class CrisisResourcesNeeded(InvalidInput):
    """The group has no crisis resources and "Remind me later" was used before."""

    code = "crisis_resources_needed"


@operation("meeting.start", Kind.MEETINGS, Kind.GROUPS)
def start(
    store: Store,
    *,
    group_id: int,
    date: str,
    crisis_resources: str = "",
    remind_later: bool = False,
) -> Meeting:
    """Open today's meeting of a group.

    A group without crisis resources needs them first: give ``crisis_resources`` (saved
    to the group), or ``remind_later`` once per group (then they are required).

    Raises:
        CrisisResourcesNeeded: no resources and no (more) "Remind me later".
    """
    group = store.groups.get(group_id)
    if rules.needs_crisis_resources(group):
        text = crisis_resources.strip()
        if text:
            group.crisis_resources = text
        elif remind_later and rules.may_remind_later(group):
            group.crisis_reminder_used = True
        else:
            raise CrisisResourcesNeeded(
                "Please add the group's crisis resources before the meeting starts."
            )
        store.groups.update(group)
    return store.meetings.start(group_id, date)


@operation("meeting.enter_past", Kind.MEETINGS)
def enter_past(store: Store, *, group_id: int, date: str) -> Meeting:
    """Open a meeting marked "entered after the fact" (a night without the laptop)."""
    store.groups.get(group_id)
    return store.meetings.start(group_id, date, entered_after=True)


@operation("meeting.save_timer", Kind.TIMER)
def save_timer(store: Store, *, meeting_id: int, state: dict[str, Any]) -> None:
    """Save the meeting engine's state (segment, order, pause) so a crash resumes there."""
    store.meetings.save_engine_state(meeting_id, state)


@operation("meeting.end", Kind.MEETINGS, Kind.TIMER)
def end(
    store: Store,
    *,
    meeting_id: int,
    state: dict[str, Any],
    agenda: list[dict[str, Any]],
    next_meeting_date: str = "",
) -> Meeting:
    """Close a meeting, keeping the finished timer state and the agenda as it was run."""
    store.meetings.save_engine_state(meeting_id, state)
    store.meetings.set_agenda(meeting_id, agenda)
    return store.meetings.end(meeting_id, next_meeting_date)


@operation("meeting.set_next_date", Kind.MEETINGS)
def set_next_date(store: Store, *, meeting_id: int, next_meeting_date: str) -> None:
    """Choose when the group meets next (Home shows it)."""
    store.meetings.set_next_meeting_date(meeting_id, next_meeting_date)


@operation("meeting.change_walk_ins", Kind.MEETINGS, Kind.ATTENDANCE)
def change_walk_ins(store: Store, *, meeting_id: int, delta: int) -> int:
    """Count (or with a negative ``delta`` take back) anonymous walk-ins; never below 0."""
    return store.meetings.change_walk_ins(meeting_id, delta)


@operation("meeting.change_safety_concerns", Kind.MEETINGS, Kind.SAFETY)
def change_safety_concerns(store: Store, *, meeting_id: int, delta: int) -> int:
    """Count (or take back) a safety concern; never below 0."""
    return store.meetings.change_safety_concerns(meeting_id, delta)


@operation("safety.add_note", Kind.SAFETY)
def add_safety_note(store: Store, *, meeting_id: int | None, text: str) -> SafetyNote:
    """A private note: encrypted in the vault, never exported."""
    return store.safety.add_note(meeting_id, text)


@operation("safety.edit_note", Kind.SAFETY)
def edit_safety_note(store: Store, *, note_id: int, text: str) -> SafetyNote:
    """Correct a saved private note (the facilitator's own words; its time stays)."""
    return store.safety.edit_note(note_id, text)


@operation("wellbeing.record", Kind.WELLBEING)
def record_wellbeing(
    store: Store, *, meeting_id: int, pseudonym: str | None, answers: list[int]
) -> WellbeingResponse:
    """Store one person's complete answers to the group's wellbeing scale."""
    from groupkeeper import wellbeing

    meeting = store.meetings.get(meeting_id)
    scale = store.groups.get(meeting.group_id).wellbeing_scale
    try:
        wellbeing.validate_answers(scale, answers)
    except (KeyError, ValueError) as exc:
        raise InvalidInput("Those answers do not fit the scale.") from exc
    return store.wellbeing.record(WellbeingResponse(meeting_id, scale, list(answers), pseudonym))


@operation(
    "meeting.discard",
    Kind.MEETINGS,
    Kind.TIMER,
    Kind.ATTENDANCE,
    Kind.MOODS,
    Kind.GOALS,
    Kind.SKILLS,
    Kind.SAFETY,
    Kind.WELLBEING,
)
def discard(store: Store, *, meeting_id: int) -> MeetingContents:
    """Delete an open meeting started by mistake and all recorded in it (``meeting_rules``)."""
    from groupkeeper import meeting_rules

    return meeting_rules.discard_meeting(store, meeting_id)

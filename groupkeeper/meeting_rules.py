"""Rules about when meetings happen, and undoing one started by mistake (no Qt).

* The next meeting follows the group's schedule (its usual weekday), whatever day this
  meeting was actually held: a Tuesday group that met on a Wednesday once meets again on
  the next Tuesday, not the next Wednesday.
* Starting a second meeting of the same group on the same day is allowed (a morning and an
  evening circle) but the screen asks first: ``same_day_meetings`` says what is there.
* A meeting started by mistake can be discarded while it is open: with nothing recorded it
  simply goes; otherwise ``MeetingContents`` lists what would be deleted, for the
  confirmation.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from groupkeeper.model import Group, Meeting, MeetingContents, MeetingState
from groupkeeper.storage.errors import InvalidInput

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store

#: The group's usual weekday as stored (``Group.meeting_day``), Monday first.
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def usual_weekday(group: Group) -> int | None:
    """The group's usual weekday (Monday = 0), or None when it has none."""
    return DAYS.index(group.meeting_day) if group.meeting_day in DAYS else None


def next_meeting_after(group: Group, held_on: date) -> date:
    """The date of the meeting after one held on ``held_on``.

    The first day after ``held_on`` that falls on the group's usual weekday (so 1 to 7
    days later); a week later when the group has no usual weekday.
    """
    weekday = usual_weekday(group)
    if weekday is None:
        return held_on + timedelta(days=7)
    return held_on + timedelta(days=(weekday - held_on.weekday() - 1) % 7 + 1)


def planned_next_meeting(group: Group, last_next_date: str, today: date) -> date | None:
    """The planned date of the group's next meeting, as Home shows it.

    The last meeting's chosen ``next_meeting_date`` when it is today or later, else the
    next day (today included) on the group's usual weekday, else None.
    """
    if last_next_date:
        try:
            planned: date | None = date.fromisoformat(last_next_date)
        except ValueError:
            planned = None
        if planned is not None and planned >= today:
            return planned
    weekday = usual_weekday(group)
    if weekday is None:
        return None
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def same_day_meetings(store: Store, group_id: int, day: date) -> list[Meeting]:
    """The group's meetings already on ``day`` (to warn before starting another)."""
    return store.meetings.on_date(group_id, day.isoformat())


def discard_contents(store: Store, meeting_id: int) -> MeetingContents:
    """What discarding the meeting would delete (counts only, for the confirmation)."""
    return store.meetings.contents(meeting_id)


def discard_meeting(store: Store, meeting_id: int) -> MeetingContents:
    """Delete an open meeting started by mistake and everything recorded in it.

    Members added there as "new here" stay on the roster; goals reviewed there are open
    again. Returns what was deleted.

    Raises:
        InvalidInput: The meeting is closed (a held meeting is history: correct it instead).
        KeyError: No such meeting.
    """
    meeting = store.meetings.get(meeting_id)
    if meeting.state is not MeetingState.OPEN:
        raise InvalidInput("Only an open meeting can be discarded; correct a closed one.")
    contents = store.meetings.contents(meeting_id)
    store.meetings.discard(meeting_id)
    return contents

"""Meeting rules: the next date follows the group's weekday, same-day meetings, discarding
a meeting started by mistake (core + storage, on a real temporary vault)."""

from __future__ import annotations

from datetime import date

import pytest

from groupkeeper import meeting_rules
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import GoalOutcome, Group, Member, MoodRound
from groupkeeper.storage.errors import InvalidInput


@pytest.mark.parametrize(
    ("usual", "held", "expected"),
    [
        ("Tuesday", date(2026, 11, 24), date(2026, 12, 1)),  # held on its Tuesday
        ("Tuesday", date(2026, 11, 25), date(2026, 12, 1)),  # moved to a Wednesday
        ("Tuesday", date(2026, 11, 23), date(2026, 11, 24)),  # brought forward to Monday
        ("Sunday", date(2026, 11, 28), date(2026, 11, 29)),
        ("", date(2026, 11, 25), date(2026, 12, 2)),  # no usual day: a week later
        ("someday", date(2026, 11, 25), date(2026, 12, 2)),
    ],
)
def test_next_meeting_follows_the_usual_weekday(usual: str, held: date, expected: date) -> None:
    assert meeting_rules.next_meeting_after(Group("g", meeting_day=usual), held) == expected


def test_closing_default_next_date_follows_the_schedule(store) -> None:  # type: ignore[no-untyped-def]
    group = store.groups.add(Group("Tuesday Circle", meeting_day="Tuesday"))
    moved = store.meetings.start(group.id, "2026-11-26")  # held on a Thursday
    session = MeetingSession(store, moved.id)
    assert session.default_next_meeting_date() == date(2026, 12, 1)
    session.set_next_meeting_date(date(2026, 12, 3))  # a chosen date wins
    assert session.default_next_meeting_date() == date(2026, 12, 3)


def test_same_day_meetings(store) -> None:  # type: ignore[no-untyped-def]
    a = store.groups.add(Group("A"))
    b = store.groups.add(Group("B"))
    first = store.meetings.start(a.id, "2026-11-24")
    store.meetings.start(b.id, "2026-11-24")
    store.meetings.start(a.id, "2026-11-17")
    found = meeting_rules.same_day_meetings(store, a.id, date(2026, 11, 24))
    assert [m.id for m in found] == [first.id]
    assert meeting_rules.same_day_meetings(store, a.id, date(2026, 11, 25)) == []


def test_discard_deletes_everything_recorded_and_lists_it(store) -> None:  # type: ignore[no-untyped-def]
    group = store.groups.add(Group("Tuesday Circle"))
    maya, ali = store.members.add_many(
        [Member("Maya", group_ids=[group.id]), Member("Ali", group_ids=[group.id])]
    )
    last_week = store.meetings.start(group.id, "2026-11-17")
    old_goal = store.goals.set(maya.pseudonym, "Walk twice", last_week.id)
    store.meetings.end(last_week.id)
    other = store.meetings.start(store.groups.add(Group("Other")).id, "2026-11-24")
    store.meetings.check_in(other.id, ali.pseudonym)

    mistake = store.meetings.start(group.id, "2026-11-24")
    assert meeting_rules.discard_contents(store, mistake.id).is_empty
    session = MeetingSession(store, mistake.id)
    session.check_in(maya.pseudonym)
    session.mark_apologies(ali.pseudonym)
    zed = session.add_new_member("Zed")
    session.change_walk_ins(2)
    session.record_mood(MoodRound.OPENING, maya.pseudonym, 4)
    session.review_goal(old_goal.id, GoalOutcome.DONE)
    session.set_goal(zed.pseudonym, "Come back next week")
    skill = store.skills.skills()[0]
    session.share_skill(skill.id, maya.pseudonym)
    session.add_safety_note("Talk to R")
    session.change_safety_concerns(1)

    contents = meeting_rules.discard_contents(store, mistake.id)
    assert (contents.present, contents.new_here, contents.apologies) == (2, 1, 1)
    assert (contents.walk_ins, contents.moods, contents.skill_shares) == (2, 1, 1)
    assert (contents.goals_set, contents.goals_reviewed) == (1, 1)
    assert (contents.safety_notes, contents.safety_concerns) == (1, 1)
    assert not contents.is_empty

    assert meeting_rules.discard_meeting(store, mistake.id) == contents
    with pytest.raises(KeyError):
        store.meetings.get(mistake.id)
    assert store.meetings.attendance(mistake.id) == []
    assert store.moods.for_meeting(mistake.id) == []
    assert store.skills.shares(mistake.id) == []
    assert store.goals.set_in(mistake.id) == []
    assert store.safety.notes(mistake.id) == []
    reopened = store.goals.get(old_goal.id)  # the review is undone, the goal stays
    assert reopened.outcome is None and reopened.reviewed_meeting_id is None
    assert store.members.by_pseudonym(zed.pseudonym) is not None  # stays on the roster
    # other meetings untouched
    assert store.meetings.get(last_week.id).state.value == "closed"
    assert [a.pseudonym for a in store.meetings.attendance(other.id)] == [ali.pseudonym]


def test_a_closed_meeting_cannot_be_discarded(store) -> None:  # type: ignore[no-untyped-def]
    group = store.groups.add(Group("G"))
    held = store.meetings.start(group.id, "2026-11-24")
    store.meetings.end(held.id)
    with pytest.raises(InvalidInput):
        meeting_rules.discard_meeting(store, held.id)
    assert store.meetings.get(held.id).id == held.id

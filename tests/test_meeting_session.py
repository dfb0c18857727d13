"""MeetingSession: the engine joined with the Store, every action durable and resumable."""

from __future__ import annotations

from datetime import date

import pytest

from groupkeeper.meeting import InvalidMeetingOperation
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import AttendanceStatus, GoalOutcome, Group, Member, MoodRound, MoodScale
from groupkeeper.storage.errors import InvalidInput


class FakeClock:
    def __init__(self, t: float = 1_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def group(store):  # type: ignore[no-untyped-def]
    g = store.groups.add(Group(name="Tuesday Circle", agreements="Be kind."))
    store.members.add_many(
        [
            Member("Maya", full_name="Maya Lind", phone="0123 456", group_ids=[g.id]),
            Member("Ali", group_ids=[g.id]),
            Member("Sam", group_ids=[g.id]),
            Member("Outsider", group_ids=[]),
        ]
    )
    return g


def _session(store, group, clock=None):  # type: ignore[no-untyped-def]
    meeting = store.meetings.start(group.id, "2026-11-24")
    return MeetingSession(store, meeting.id, clock or FakeClock())


def _member(store, name):  # type: ignore[no-untyped-def]
    return next(m for m in store.members.all() if m.display_name == name)


def test_new_meeting_starts_and_saves_engine_state(store, group) -> None:
    session = _session(store, group)
    saved = store.meetings.get(session.meeting_id).engine_state
    assert saved["started"] is True
    assert saved["current"] == 0
    assert session.resumed is False
    assert session.last_saved is not None


def test_every_engine_operation_is_saved_and_resumes(store, group) -> None:
    clock = FakeClock()
    session = _session(store, group, clock)
    clock.t += 90
    session.next_segment()
    session.skip(3)
    session.move(5, 4)
    assert session.toggle_pause() is True
    reopened = MeetingSession(store, session.meeting_id, clock)
    assert reopened.resumed is True
    assert reopened.run.current == 1
    assert reopened.run.skipped == frozenset({3})
    assert reopened.run.paused is True
    assert reopened.run.elapsed(0) == pytest.approx(90)
    assert [s.kind for s in reopened.run.segments] == [s.kind for s in session.run.segments]


def test_skip_last_current_segment_raises_known_engine_error(store, group) -> None:
    session = _session(store, group)
    session.go_to(len(session.run) - 1)
    with pytest.raises(InvalidMeetingOperation):
        session.skip(len(session.run) - 1)


def test_find_members_only_active_members_of_the_group(store, group) -> None:
    session = _session(store, group)
    assert [m.display_name for m in session.find_members("ma")] == ["Maya"]
    assert [m.display_name for m in session.find_members("0123")] == ["Maya"]
    assert session.find_members("outsider") == []
    assert session.find_members("  ") == []


def test_check_in_apologies_undo_and_new_member(store, group) -> None:
    session = _session(store, group)
    maya, ali = _member(store, "Maya"), _member(store, "Ali")
    session.check_in(maya.pseudonym)
    session.mark_apologies(ali.pseudonym)
    zed = session.add_new_member("  Zed ")
    assert zed.display_name == "Zed"
    assert zed.group_ids == [group.id]
    assert [p.name for p in session.present()] == ["Maya", "Zed"]
    statuses = {a.pseudonym: (a.status, a.is_new) for a in session.attendance()}
    assert statuses[ali.pseudonym] == (AttendanceStatus.APOLOGIES, False)
    assert statuses[zed.pseudonym] == (AttendanceStatus.PRESENT, True)
    # the new member is findable straight away
    assert [m.display_name for m in session.find_members("zed")] == ["Zed"]
    session.undo_check_in(maya.pseudonym)
    assert [p.name for p in session.present()] == ["Zed"]
    with pytest.raises(InvalidInput):
        session.add_new_member("   ")


def test_walk_ins_never_below_zero(store, group) -> None:
    session = _session(store, group)
    assert session.change_walk_ins(1) == 1
    assert session.change_walk_ins(1) == 2
    assert session.change_walk_ins(-5) == 0
    assert store.meetings.get(session.meeting_id).walk_ins == 0


def test_moods_named_pass_replace_and_clear(store, group) -> None:
    session = _session(store, group)
    maya, ali = _member(store, "Maya"), _member(store, "Ali")
    session.record_mood(MoodRound.OPENING, maya.pseudonym, 4, " hopeful ")
    session.record_mood(MoodRound.OPENING, maya.pseudonym, 3)
    session.pass_mood(MoodRound.OPENING, ali.pseudonym)
    moods = session.moods(MoodRound.OPENING)
    assert moods[maya.pseudonym].score == 3
    assert moods[ali.pseudonym].passed is True
    assert moods[ali.pseudonym].score is None
    assert session.moods(MoodRound.CLOSING) == {}
    with pytest.raises(InvalidInput):
        session.record_mood(MoodRound.OPENING, maya.pseudonym, 7)
    session.clear_mood(MoodRound.OPENING, maya.pseudonym)
    assert set(session.moods(MoodRound.OPENING)) == {ali.pseudonym}


def test_feeling_word_is_stripped_and_stored(store, group) -> None:
    session = _session(store, group)
    maya = _member(store, "Maya")
    session.record_mood(MoodRound.OPENING, maya.pseudonym, 4, " hopeful ")
    assert session.moods(MoodRound.OPENING)[maya.pseudonym].feeling_word == "hopeful"


def test_tally_only_records_no_pseudonym(store, group) -> None:
    group.tally_only_moods = True
    group.mood_scale = MoodScale.ELEVEN
    store.groups.update(group)
    session = _session(store, group)
    session.add_tally(MoodRound.OPENING, 10)
    session.add_tally(MoodRound.OPENING, 10)
    session.add_tally(MoodRound.OPENING, 0)
    tally = session.tally(MoodRound.OPENING)
    assert tally[10] == 2 and tally[0] == 1 and len(tally) == 11
    assert session.undo_tally(MoodRound.OPENING, 10) is True
    assert session.undo_tally(MoodRound.OPENING, 5) is False
    rows = store.moods.for_meeting(session.meeting_id)
    assert len(rows) == 2
    assert all(m.pseudonym is None and m.scale is MoodScale.ELEVEN for m in rows)


def test_goals_review_set_and_remove(store, group) -> None:
    maya, ali = _member(store, "Maya"), _member(store, "Ali")
    last = store.meetings.start(group.id, "2026-11-17")
    old = store.goals.set(maya.pseudonym, "Walk twice", last.id)
    store.goals.set(ali.pseudonym, "Call my sister", last.id)  # Ali is absent tonight
    store.meetings.end(last.id)
    session = _session(store, group)
    session.check_in(maya.pseudonym)
    assert [g.text for g in session.goals_to_review()] == ["Walk twice"]
    session.review_goal(old.id, GoalOutcome.PARTLY)
    # still listed (reviewed here), so the review can be changed
    assert [g.outcome for g in session.goals_to_review()] == [GoalOutcome.PARTLY]
    session.review_goal(old.id, None)
    assert store.goals.get(old.id).outcome is None
    session.set_goal(maya.pseudonym, "Read a chapter")
    session.set_goal(maya.pseudonym, "Read two chapters")
    assert [g.text for g in store.goals.set_in(session.meeting_id)] == ["Read two chapters"]
    session.remove_goal(maya.pseudonym)
    assert session.goals_set() == {}
    with pytest.raises(InvalidInput):
        session.set_goal(maya.pseudonym, "  ")


def test_skills_search_add_share_remove(store, group) -> None:
    session = _session(store, group)
    assert session.find_skills("")  # the starter library is there
    category = session.add_category("Our own")
    skill = session.add_skill("Square breathing", category.id)
    assert any(s.id == skill.id for s in session.find_skills("squ bre"))
    share = session.share_skill(skill.id, _member(store, "Sam").pseudonym)
    session.share_skill(skill.id)
    assert [s.skill_id for s in session.shares()] == [skill.id, skill.id]
    assert session.most_shared()[0][0].id == skill.id
    session.remove_share(share.id)
    assert len(session.shares()) == 1


def test_safety_count_and_private_note(store, group) -> None:
    session = _session(store, group)
    assert session.change_safety_concerns(1) == 1
    assert session.change_safety_concerns(-1) == 0
    session.add_safety_note("Spoke with R. after the group")
    assert [n.text for n in store.safety.notes(session.meeting_id)] == [
        "Spoke with R. after the group"
    ]


def test_end_closes_with_agenda_summary_and_next_date(store, group) -> None:
    clock = FakeClock()
    session = _session(store, group, clock)
    maya = _member(store, "Maya")
    session.check_in(maya.pseudonym)
    session.add_new_member("Zed")
    session.change_walk_ins(1)
    session.record_mood(MoodRound.OPENING, maya.pseudonym, 4)
    assert session.default_next_meeting_date() == date(2026, 12, 1)
    clock.t += 120
    summary = session.end(date(2026, 12, 1))
    meeting = store.meetings.get(session.meeting_id)
    assert meeting.state.value == "closed"
    assert meeting.next_meeting_date == "2026-12-01"
    assert meeting.agenda[0]["elapsed_seconds"] == 120
    assert (summary.present, summary.new, summary.walk_ins, summary.total_here) == (2, 1, 1, 3)
    assert summary.opening_moods == 1
    # the finished state resumes as finished: no timer counts any more
    reopened = MeetingSession(store, session.meeting_id, clock)
    assert reopened.run.finished is True
    assert reopened.is_closed


def test_wellbeing_answers_validated(store, group) -> None:
    group.wellbeing_scale = "who5"
    store.groups.update(group)
    session = _session(store, group)
    maya = _member(store, "Maya")
    session.record_wellbeing(maya.pseudonym, [3, 3, 3, 3, 3])
    assert session.wellbeing_answers() == {maya.pseudonym: [3, 3, 3, 3, 3]}
    with pytest.raises(InvalidInput):
        session.record_wellbeing(maya.pseudonym, [9])


def test_unreadable_engine_state_restarts_agenda_keeps_records(store, group) -> None:
    session = _session(store, group)
    maya = _member(store, "Maya")
    session.check_in(maya.pseudonym)
    store.meetings.save_engine_state(session.meeting_id, {"version": 99})
    reopened = MeetingSession(store, session.meeting_id, FakeClock())
    assert reopened.state_was_unreadable is True
    assert reopened.run.current == 0 and reopened.run.started
    assert [p.name for p in reopened.present()] == ["Maya"]


def test_undo_check_in_latest_or_named_and_says_what(store, group) -> None:
    session = _session(store, group)
    maya, ali, sam = (_member(store, n) for n in ("Maya", "Ali", "Sam"))
    assert session.undo_check_in() is None  # nobody yet: nothing happens
    session.check_in(maya.pseudonym)
    session.check_in(ali.pseudonym)
    session.mark_apologies(sam.pseudonym)
    assert [a.pseudonym for a in session.arrivals_newest_first()] == [
        sam.pseudonym,
        ali.pseudonym,
        maya.pseudonym,
    ]
    undone = session.undo_check_in()
    assert undone is not None and undone.pseudonym == sam.pseudonym
    assert undone.status is AttendanceStatus.APOLOGIES
    undone = session.undo_check_in(maya.pseudonym)
    assert undone is not None and undone.pseudonym == maya.pseudonym
    assert [p.name for p in session.present()] == ["Ali"]
    assert session.undo_check_in(maya.pseudonym) is None  # already taken back


def test_check_in_finds_visitors_from_other_groups_and_adds_them(store, group) -> None:
    thursday = store.groups.add(Group(name="Thursday Circle"))
    rosa = store.members.add(Member("Rosa", group_ids=[thursday.id]))
    store.members.add(Member("Robin", group_ids=[group.id]))
    session = _session(store, group)
    found = session.find_for_check_in("rosa")
    assert [(m.member.display_name, m.other_group) for m in found.matches] == [
        ("Rosa", "Thursday Circle")
    ]
    assert not found.ambiguous
    # this group's own member outranks a visitor of the same rank: no question
    found = session.find_for_check_in("ro")
    assert [m.member.display_name for m in found.matches] == ["Robin", "Rosa"]
    assert not found.ambiguous
    session.check_in_visitor(rosa.pseudonym)
    assert group.id in store.members.by_pseudonym(rosa.pseudonym).group_ids
    assert thursday.id in store.members.by_pseudonym(rosa.pseudonym).group_ids
    assert [p.name for p in session.present()] == ["Rosa"]
    # now one of this group: found as a member, no longer as a visitor
    assert [m.other_group for m in session.find_for_check_in("rosa").matches] == [""]


def test_two_equally_good_matches_are_ambiguous_an_exact_name_is_not(store, group) -> None:
    store.members.add(Member("Mark", group_ids=[group.id]))
    store.members.add(Member("Ma", group_ids=[group.id]))
    session = _session(store, group)
    assert session.find_for_check_in("mar").ambiguous is False  # only Mark
    found = session.find_for_check_in("m")  # Ma, Mark, Maya all start with it
    assert found.ambiguous
    found = session.find_for_check_in("ma")  # "Ma" is exactly typed: it wins
    assert found.matches[0].member.display_name == "Ma" and not found.ambiguous
    store.members.add(Member("Maya", full_name="Maya Ortiz", group_ids=[group.id]))
    session.clear_cache()
    assert session.find_for_check_in("maya").ambiguous  # two people called Maya


def test_apologies_then_arriving_counts_as_the_latest_arrival(store, group) -> None:
    session = _session(store, group)
    maya, ali, sam = (_member(store, n) for n in ("Maya", "Ali", "Sam"))
    zed = session.add_new_member("Zed")
    session.mark_apologies(maya.pseudonym)
    session.check_in(ali.pseudonym)
    session.check_in(sam.pseudonym)
    session.check_in(maya.pseudonym)  # she came after all
    assert [a.pseudonym for a in session.arrivals_newest_first()][0] == maya.pseudonym
    undone = session.undo_check_in()
    assert undone is not None and undone.pseudonym == maya.pseudonym
    session.mark_apologies(zed.pseudonym)  # a newcomer's "new" mark survives a change
    session.check_in(zed.pseudonym)
    assert next(a for a in session.attendance() if a.pseudonym == zed.pseudonym).is_new

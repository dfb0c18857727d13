"""Round trips for every repository, forget/export, and absurd text stored exactly."""

from __future__ import annotations

from datetime import date

import pytest

from groupkeeper.agenda import fill_from_template
from groupkeeper.model import (
    AttendanceStatus,
    ConsentKind,
    GoalOutcome,
    Group,
    MeetingState,
    Member,
    MoodCheck,
    MoodRound,
    MoodScale,
    WellbeingResponse,
)
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos import Store, new_pseudonym


def _group(store: Store, name: str = "Tuesday Circle") -> Group:
    group = Group(name=name, meeting_day="Tuesday", meeting_time="19:00")
    return store.groups.add(fill_from_template(group))


def test_storage_keeps_the_agenda_it_is_given(store: Store) -> None:
    """Filling an agenda from a template is the core's rule, not storage's."""
    bare = store.groups.add(Group(name="Bare"))
    assert bare.id is not None and store.groups.get(bare.id).agenda == []


def test_group_round_trip(store: Store) -> None:
    g = _group(store)
    assert g.id is not None
    got = store.groups.get(g.id)
    assert got.name == "Tuesday Circle"
    assert [s["kind"] for s in got.agenda][:3] == ["check_in", "agreements", "mood_round"]
    got.mood_scale = MoodScale.ELEVEN
    got.tally_only_moods = True
    got.crisis_resources = "Helpline 0800 000 000"
    store.groups.update(got)
    again = store.groups.get(g.id)
    assert again.mood_scale is MoodScale.ELEVEN and again.tally_only_moods
    assert again.crisis_resources == "Helpline 0800 000 000"
    assert store.groups.by_name("Tuesday Circle") == again
    with pytest.raises(InvalidInput):
        store.groups.add(Group(name="  "))


def test_member_round_trip_and_pseudonym(store: Store) -> None:
    g = _group(store)
    m = store.members.add(
        Member(display_name="Maya", full_name="Maya Q", phone="0123", group_ids=[g.id or 0])
    )
    assert m.pseudonym.startswith("P-") and len(m.pseudonym) == 12
    assert "Maya" not in m.pseudonym
    got = store.members.get(m.id or 0)
    assert got == m
    got.phone = "999"
    got.contact_consent = True
    store.members.update(got)
    assert store.members.get(m.id or 0).phone == "999"
    kinds = [(c.kind, c.granted) for c in store.consents.for_member(m.id or 0)]
    assert kinds == [(ConsentKind.ROSTER, True), (ConsentKind.CONTACT, True)]
    assert store.members.all(group_id=g.id) == [store.members.get(m.id or 0)]
    store.members.set_active(m.id or 0, False)
    assert store.members.all(active_only=True) == []
    assert store.members.by_pseudonym(m.pseudonym) is not None
    assert len({new_pseudonym() for _ in range(1000)}) == 1000


def test_meeting_flow_round_trip(store: Store) -> None:
    g = _group(store)
    a = store.members.add(Member(display_name="Ali", group_ids=[g.id or 0]))
    b = store.members.add(Member(display_name="Sam", group_ids=[g.id or 0]))
    mt = store.meetings.start(g.id or 0, "2026-11-24")
    assert store.meetings.open_meeting() == mt
    store.meetings.check_in(mt.id or 0, a.pseudonym)
    store.meetings.check_in(mt.id or 0, b.pseudonym, is_new=True)
    store.meetings.check_in(mt.id or 0, a.pseudonym)  # idempotent
    assert store.meetings.present(mt.id or 0) == [a.pseudonym, b.pseudonym]
    store.meetings.undo_check_in(mt.id or 0, b.pseudonym)
    store.meetings.check_in(mt.id or 0, b.pseudonym, status=AttendanceStatus.APOLOGIES)
    assert store.meetings.present(mt.id or 0) == [a.pseudonym]
    assert store.meetings.change_walk_ins(mt.id or 0, 2) == 2
    assert store.meetings.change_walk_ins(mt.id or 0, -5) == 0
    assert store.meetings.change_safety_concerns(mt.id or 0, 1) == 1
    store.meetings.save_engine_state(mt.id or 0, {"current": 2})
    store.moods.record(
        MoodCheck(mt.id or 0, MoodRound.OPENING, MoodScale.FIVE, 4, a.pseudonym, feeling_word="ok")
    )
    store.moods.record(
        MoodCheck(mt.id or 0, MoodRound.OPENING, MoodScale.FIVE, 2, a.pseudonym)
    )  # replaces
    store.moods.record(MoodCheck(mt.id or 0, MoodRound.OPENING, MoodScale.FIVE, 3))  # tally
    store.moods.record(MoodCheck(mt.id or 0, MoodRound.OPENING, MoodScale.FIVE, 3))
    moods = store.moods.for_meeting(mt.id or 0, MoodRound.OPENING)
    assert sorted(m.score or 0 for m in moods) == [2, 3, 3]
    with pytest.raises(InvalidInput):
        store.moods.record(MoodCheck(mt.id or 0, MoodRound.OPENING, MoodScale.FIVE, 6))
    store.moods.record(
        MoodCheck(mt.id or 0, MoodRound.CLOSING, MoodScale.FIVE, None, a.pseudonym, passed=True)
    )
    skill = store.skills.skills()[0]
    share = store.skills.share(mt.id or 0, skill.id or 0, a.pseudonym)
    assert store.skills.shares(mt.id or 0) == [share]
    assert store.skills.most_shared(g.id or 0)[0] == (skill, 1)
    goal = store.goals.set(a.pseudonym, "Walk twice", mt.id)
    store.wellbeing.record(WellbeingResponse(mt.id or 0, "who5", [3, 3, 4, 2, 5], a.pseudonym))
    assert store.wellbeing.for_meeting(mt.id or 0)[0].answers == [3, 3, 4, 2, 5]
    store.safety.add_note(mt.id, "Called the duty worker")
    closed = store.meetings.end(mt.id or 0, "2026-12-01")
    assert closed.state is MeetingState.CLOSED and closed.next_meeting_date == "2026-12-01"
    assert closed.corrected_at == ""
    assert store.meetings.open_meeting() is None

    # Next week: last week's goal is offered for review, then reviewed.
    mt2 = store.meetings.start(g.id or 0, "2026-12-01")
    assert [x.id for x in store.goals.open_for([a.pseudonym], mt2.id)] == [goal.id]
    store.goals.review(goal.id or 0, GoalOutcome.PARTLY, mt2.id)
    assert store.goals.get(goal.id or 0).outcome is GoalOutcome.PARTLY
    assert [x.id for x in store.goals.open_for([a.pseudonym], mt2.id)] == [goal.id]
    assert store.goals.open_for([a.pseudonym]) == []
    assert store.meetings.last_closed(g.id or 0) == closed

    # Correcting a closed meeting is marked as such.
    store.meetings.change_walk_ins(closed.id or 0, 1)
    assert store.meetings.get(closed.id or 0).corrected_at != ""
    assert [c.what for c in store.meetings.corrections(closed.id or 0)] == ["walk_ins"]


def test_entered_after_the_fact(store: Store) -> None:
    g = _group(store)
    mt = store.meetings.start(g.id or 0, "2026-10-01", entered_after=True)
    assert store.meetings.get(mt.id or 0).entered_after


def test_forget_member_keeps_statistics(store: Store) -> None:
    g = _group(store)
    m = store.members.add(
        Member(display_name="Zebedee", notes="private", contact_consent=True, group_ids=[g.id or 0])
    )
    mt = store.meetings.start(g.id or 0, "2026-11-24")
    store.meetings.check_in(mt.id or 0, m.pseudonym)
    store.moods.record(MoodCheck(mt.id or 0, MoodRound.OPENING, MoodScale.FIVE, 4, m.pseudonym))
    store.goals.set(m.pseudonym, "Call my sister", mt.id)
    result = store.members.forget(m.id or 0)
    assert result.goal_texts_erased == 1 and result.kept_attendance == 1
    with pytest.raises(KeyError):
        store.members.get(m.id or 0)
    assert store.members.by_pseudonym(m.pseudonym) is None
    assert store.meetings.present(mt.id or 0) == [m.pseudonym]
    assert store.goals.for_pseudonym(m.pseudonym)[0].text is None
    rows = store.db.execute("SELECT count(*) FROM consents").fetchone()[0]
    assert rows == 0
    dump = "\n".join(str(r) for t in store.db.table_names() for r in store.db[t].rows)
    assert "Zebedee" not in dump and "Call my sister" not in dump and "private" not in dump


def test_export_member(store: Store) -> None:
    g = _group(store)
    m = store.members.add(Member(display_name="Kim", phone="555", group_ids=[g.id or 0]))
    mt = store.meetings.start(g.id or 0, "2026-11-24")
    store.meetings.check_in(mt.id or 0, m.pseudonym)
    store.goals.set(m.pseudonym, "Sleep by 11", mt.id)
    data = store.members.export(m.id or 0)
    assert data["profile"]["phone"] == "555"
    assert data["profile"]["groups"] == ["Tuesday Circle"]
    assert data["attendance"] == [
        {"date": "2026-11-24", "group": "Tuesday Circle", "status": "present"}
    ]
    assert data["goals"][0]["text"] == "Sleep by 11"


def test_inactive_members_offered_for_forgetting(store: Store) -> None:
    old = store.members.add(Member(display_name="Old", joined_on="2024-01-01"))
    store.members.add(Member(display_name="New", joined_on="2026-11-01"))
    assert [m.id for m in store.members.inactive_for(12, date(2026, 11, 23))] == [old.id]
    # The roster's notice reads only the count; "Review" reads the ids.
    assert store.members.inactive_ids(12, date(2026, 11, 23)) == [old.id]
    assert store.members.inactive_count(12, date(2026, 11, 23)) == 1
    assert store.members.inactive_count(1, date(2026, 11, 23)) == 1
    assert store.members.inactive_count(60, date(2026, 11, 23)) == 0


def test_skills_library(store: Store) -> None:
    cats = store.skills.categories()
    assert 6 <= len(cats) <= 8 and all(c.builtin for c in cats)
    assert len(store.skills.skills()) >= 30
    cat = store.skills.add_category("Our own")
    s = store.skills.add_skill("Singing in the car", cat.id or 0)
    assert not s.builtin
    assert store.skills.add_skill("Singing in the car", cat.id or 0).id == s.id


def test_vault_settings(store: Store) -> None:
    assert store.settings.get("auto_lock_minutes") == 5
    store.settings.set("suppression_threshold", 11)
    assert store.settings.all()["suppression_threshold"] == 11
    for bad in (4, 12, "7", True):
        with pytest.raises(InvalidInput):
            store.settings.set("suppression_threshold", bad)
    with pytest.raises(KeyError):
        store.settings.get("nope")


ABSURD = [
    "x" * (10 * 1024 * 1024),
    "مرحبا بالعالم \u202eevil\u202c",
    "👩🏽‍🦱🏳️‍🌈 family 👨‍👩‍👧",
    "Robert'); DROP TABLE members;--",
    'quote " and \\ backslash \x00 nul',
    "line\nbreak\r\n\ttab",
]


@pytest.mark.parametrize("text", ABSURD, ids=["10MB", "rtl", "emoji", "sql", "quotes", "ws"])
def test_absurd_text_round_trips_exactly(store: Store, text: str) -> None:
    m = store.members.add(Member(display_name=text, notes=text))
    got = store.members.get(m.id or 0)
    assert got.display_name == text and got.notes == text
    goal = store.goals.set(m.pseudonym, text, None)
    assert store.goals.get(goal.id or 0).text == text
    assert "members" in store.db.table_names()

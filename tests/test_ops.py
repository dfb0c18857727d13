"""Every operation, in plain Python on a real vault database (no Qt).

Each operation is built with its factory, performed with ``ops.perform`` and checked by
reading storage back; the result's ``changes`` are checked too. ``Op`` JSON round trips,
all-or-nothing transactions and the rules that moved out of widgets are tested here.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from groupkeeper import ops
from groupkeeper.model import (
    AttendanceStatus,
    GoalOutcome,
    Group,
    MeetingState,
    Member,
    MoodRound,
)
from groupkeeper.ops import Kind, Op, perform
from groupkeeper.ops.meetings import CrisisResourcesNeeded
from groupkeeper.storage.errors import InvalidInput


@pytest.fixture
def group(store):  # type: ignore[no-untyped-def]
    return perform(
        store,
        ops.groups.add(fields={"name": "Tuesday Circle", "crisis_resources": "Line 0800"}),
    ).value


@pytest.fixture
def maya(store, group):  # type: ignore[no-untyped-def]
    return perform(
        store, ops.members.add(fields={"display_name": "Maya", "group_ids": [group.id]})
    ).value


@pytest.fixture
def meeting(store, group):  # type: ignore[no-untyped-def]
    return perform(store, ops.meetings.start(group_id=group.id, date="2026-11-24")).value


# -- the machinery ------------------------------------------------------------------------


def test_every_registered_operation_is_tested_here() -> None:
    source = Path(__file__).read_text("utf-8")
    for name, spec in ops.REGISTRY.items():
        module = spec.apply.__module__.rsplit(".", 1)[-1]
        call = f"ops.{module}.{spec.apply.__name__}"
        assert call in source, f"{name} ({call}) has no test"


def test_op_is_plain_json_and_round_trips(store, group) -> None:
    op = ops.members.add(fields={"display_name": "Ali", "group_ids": (group.id,)})
    assert op.name == "member.add"
    assert op.args == {"fields": {"display_name": "Ali", "group_ids": [group.id]}}
    again = Op.from_json(op.to_json())
    assert again == op
    member = perform(store, again).value
    assert store.members.get(member.id).display_name == "Ali"


def test_op_refuses_what_is_not_plain_data_or_not_an_argument() -> None:
    with pytest.raises(TypeError):
        ops.members.add(fields={"display_name": object()})
    with pytest.raises(TypeError):
        ops.members.set_active(member_id=1, active=True, extra=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ops.members.set_active(member_id=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ops.members.forget(1)
    with pytest.raises(KeyError):
        Op.from_json(json.dumps({"op": "member.explode", "args": {}}))


def test_names_are_stable_and_unique() -> None:
    # The change log of a shared group stores these names: renaming one breaks replay.
    assert ops.meetings.start.op_name == "meeting.start"  # type: ignore[attr-defined]
    assert ops.attendance.check_in.op_name == "attendance.check_in"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="twice"):
        ops.operation("member.add")(lambda store: None)


def test_a_failing_operation_changes_nothing(store, meeting) -> None:
    before = len(store.members.all())
    # add_newcomer writes a member, then the check-in; a missing meeting fails the whole op.
    with pytest.raises(KeyError):
        perform(store, ops.attendance.add_newcomer(meeting_id=9999, display_name="Ghost"))
    assert len(store.members.all()) == before
    # And a refused second half rolls back the first: the setting before the bad one.
    with pytest.raises(InvalidInput):
        perform(
            store,
            ops.settings.set_many(values={"auto_lock_minutes": 7, "suppression_threshold": 99}),
        )
    assert store.settings.get("auto_lock_minutes") != 7


def test_unstorable_text_is_refused_with_its_sentence(store, group) -> None:
    with pytest.raises(InvalidInput) as caught:
        perform(store, ops.members.add(fields={"display_name": "Bad \udc80 paste"}))
    assert "cannot be stored" in caught.value.sentence
    assert store.members.all() == []


# -- groups -------------------------------------------------------------------------------


def test_group_add_fills_the_agenda_from_its_template(store) -> None:
    result = perform(store, ops.groups.add(fields={"name": " Drop-in ", "template": "drop_in"}))
    assert result.changes.kinds == {Kind.GROUPS}
    group = store.groups.get(result.value.id)
    assert group.name == "Drop-in"
    assert [s["kind"] for s in group.agenda][0] == "check_in"
    with pytest.raises(InvalidInput, match="needs a name"):
        perform(store, ops.groups.add(fields={"name": "  "}))


def test_group_update_changes_only_the_given_fields(store, group) -> None:
    perform(store, ops.groups.update(group_id=group.id, fields={"place": "Room 2"}))
    again = store.groups.get(group.id)
    assert again.place == "Room 2" and again.crisis_resources == "Line 0800"
    with pytest.raises(InvalidInput):
        perform(store, ops.groups.update(group_id=group.id, fields={"mood_scale": "1-99"}))
    with pytest.raises(TypeError):
        perform(store, ops.groups.update(group_id=group.id, fields={"id": 5}))


# -- members ------------------------------------------------------------------------------


def test_member_add_update_set_active_forget(store, group) -> None:
    added = perform(
        store,
        ops.members.add(
            fields={"display_name": " Maya ", "contact_consent": True, "group_ids": [group.id]}
        ),
    )
    assert added.changes.touches(Kind.MEMBERS)
    maya = store.members.get(added.value.id)
    assert maya.display_name == "Maya" and maya.pseudonym.startswith("P-")
    perform(store, ops.members.update(member_id=maya.id, fields={"phone": "0123"}))
    assert store.members.get(maya.id).phone == "0123"
    assert store.members.get(maya.id).display_name == "Maya"
    with pytest.raises(InvalidInput):
        perform(store, ops.members.update(member_id=maya.id, fields={"display_name": ""}))
    with pytest.raises(InvalidInput) as long_text:
        perform(store, ops.members.update(member_id=maya.id, fields={"notes": "x" * 10_001}))
    assert long_text.value.values == {"limit": 10_000}
    result = perform(store, ops.members.set_active(member_id=maya.id, active=False))
    assert result.value.active is False and store.members.get(maya.id).active is False
    forgot = perform(store, ops.members.forget(member_id=maya.id))
    assert forgot.changes.touches(Kind.MEMBERS, Kind.GOALS)
    assert store.members.all() == []


# -- meetings -----------------------------------------------------------------------------


def test_meeting_start_requires_crisis_resources_or_one_remind_later(store) -> None:
    bare = perform(store, ops.groups.add(fields={"name": "No resources"})).value
    start = ops.meetings.start
    with pytest.raises(CrisisResourcesNeeded):
        perform(store, start(group_id=bare.id, date="2026-11-24"))
    first = perform(store, start(group_id=bare.id, date="2026-11-24", remind_later=True))
    assert first.changes.meeting_id == first.value.id
    assert store.groups.get(bare.id).crisis_reminder_used
    store.meetings.end(first.value.id)
    with pytest.raises(CrisisResourcesNeeded):  # "later" only once
        perform(store, start(group_id=bare.id, date="2026-12-01", remind_later=True))
    assert store.meetings.open_meeting(bare.id) is None
    perform(store, start(group_id=bare.id, date="2026-12-01", crisis_resources=" Call 112 "))
    assert store.groups.get(bare.id).crisis_resources == "Call 112"


def test_enter_past_meeting(store, group) -> None:
    result = perform(store, ops.meetings.enter_past(group_id=group.id, date="2026-11-01"))
    assert store.meetings.get(result.value.id).entered_after


def test_timer_end_and_next_date(store, meeting) -> None:
    saved = perform(store, ops.meetings.save_timer(meeting_id=meeting.id, state={"current": 2}))
    assert saved.changes.kinds == {Kind.TIMER}
    assert store.meetings.get(meeting.id).engine_state == {"current": 2}
    perform(
        store,
        ops.meetings.set_next_date(meeting_id=meeting.id, next_meeting_date="2026-12-01"),
    )
    assert store.meetings.get(meeting.id).next_meeting_date == "2026-12-01"
    ended = perform(
        store,
        ops.meetings.end(
            meeting_id=meeting.id,
            state={"finished": True},
            agenda=[{"kind": "open", "minutes": 30}],
            next_meeting_date="2026-12-08",
        ),
    )
    closed = store.meetings.get(meeting.id)
    assert ended.value.state is MeetingState.CLOSED and closed.state is MeetingState.CLOSED
    assert closed.next_meeting_date == "2026-12-08"
    assert closed.agenda == [{"kind": "open", "minutes": 30}]


def test_counters_and_safety(store, meeting) -> None:
    walk = ops.meetings.change_walk_ins
    assert perform(store, walk(meeting_id=meeting.id, delta=2)).value == 2
    assert perform(store, walk(meeting_id=meeting.id, delta=-5)).value == 0
    concern = perform(store, ops.meetings.change_safety_concerns(meeting_id=meeting.id, delta=1))
    assert concern.value == 1 and concern.changes.touches(Kind.SAFETY)
    perform(store, ops.meetings.add_safety_note(meeting_id=meeting.id, text="Call back"))
    assert [n.text for n in store.safety.notes(meeting.id)] == ["Call back"]
    with pytest.raises(InvalidInput):
        perform(store, ops.meetings.add_safety_note(meeting_id=meeting.id, text=" "))


def test_wellbeing(store, group, maya) -> None:
    perform(store, ops.groups.update(group_id=group.id, fields={"wellbeing_scale": "who5"}))
    meeting = perform(store, ops.meetings.start(group_id=group.id, date="2026-11-24")).value
    record = ops.meetings.record_wellbeing
    perform(store, record(meeting_id=meeting.id, pseudonym=maya.pseudonym, answers=[3] * 5))
    assert store.wellbeing.for_meeting(meeting.id)[0].answers == [3] * 5
    with pytest.raises(InvalidInput):
        perform(store, record(meeting_id=meeting.id, pseudonym=maya.pseudonym, answers=[9]))


# -- attendance ---------------------------------------------------------------------------


def test_check_in_apologies_undo_and_newcomer(store, meeting, maya) -> None:
    args = {"meeting_id": meeting.id, "pseudonym": maya.pseudonym}
    result = perform(store, ops.attendance.send_apologies(**args))
    assert result.changes.touches(Kind.ATTENDANCE) and result.changes.meeting_id == meeting.id
    assert store.meetings.attendance(meeting.id)[0].status is AttendanceStatus.APOLOGIES
    perform(store, ops.attendance.check_in(**args))
    assert store.meetings.present(meeting.id) == [maya.pseudonym]
    perform(store, ops.attendance.undo(**args))
    assert store.meetings.attendance(meeting.id) == []
    new = perform(store, ops.attendance.add_newcomer(meeting_id=meeting.id, display_name=" Jo "))
    assert new.changes.touches(Kind.MEMBERS, Kind.ATTENDANCE)
    assert store.members.get(new.value.id).group_ids == [meeting.group_id]
    (att,) = store.meetings.attendance(meeting.id)
    assert att.pseudonym == new.value.pseudonym and att.is_new
    with pytest.raises(InvalidInput):
        perform(store, ops.attendance.add_newcomer(meeting_id=meeting.id, display_name=""))


# -- moods --------------------------------------------------------------------------------


def test_moods_record_pass_clear(store, meeting, maya) -> None:
    who = {"meeting_id": meeting.id, "round": "opening", "pseudonym": maya.pseudonym}
    perform(store, ops.moods.record(**who, score=4, feeling_word=" calm "))
    (mood,) = store.moods.for_meeting(meeting.id, MoodRound.OPENING)
    assert (mood.score, mood.feeling_word) == (4, "calm")
    perform(store, ops.moods.pass_(**who))
    (mood,) = store.moods.for_meeting(meeting.id, MoodRound.OPENING)
    assert mood.passed and mood.score is None
    assert perform(store, ops.moods.clear(**who)).value is True
    assert perform(store, ops.moods.clear(**who)).value is False
    with pytest.raises(InvalidInput):
        perform(store, ops.moods.record(**who, score=42))
    with pytest.raises(InvalidInput):
        perform(store, ops.moods.record(**{**who, "round": "middle"}, score=3))


def test_tallies(store, meeting) -> None:
    where = {"meeting_id": meeting.id, "round": "closing"}
    perform(store, ops.moods.add_tally(**where, score=3))
    perform(store, ops.moods.add_tally(**where, score=3))
    assert perform(store, ops.moods.undo_tally(**where, score=3)).value is True
    assert perform(store, ops.moods.undo_tally(**where, score=5)).value is False
    (left,) = store.moods.for_meeting(meeting.id, MoodRound.CLOSING)
    assert left.pseudonym is None and left.score == 3


# -- goals --------------------------------------------------------------------------------


def test_goals_set_change_remove_review(store, group, meeting, maya) -> None:
    who = {"meeting_id": meeting.id, "pseudonym": maya.pseudonym}
    first = perform(store, ops.goals.set_goal(**who, text=" Walk daily ")).value
    second = perform(store, ops.goals.set_goal(**who, text="Walk twice")).value
    assert first.id == second.id and store.goals.get(first.id).text == "Walk twice"
    with pytest.raises(InvalidInput):
        perform(store, ops.goals.set_goal(**who, text=" "))
    assert perform(store, ops.goals.remove(**who)).value is True
    assert perform(store, ops.goals.remove(**who)).value is False
    goal = perform(store, ops.goals.set_goal(**who, text="Call my sister")).value
    store.meetings.end(meeting.id)
    later = perform(store, ops.meetings.start(group_id=group.id, date="2026-12-01")).value
    review = ops.goals.review
    perform(store, review(meeting_id=later.id, goal_id=goal.id, outcome="done"))
    assert store.goals.get(goal.id).outcome is GoalOutcome.DONE
    perform(store, review(meeting_id=later.id, goal_id=goal.id, outcome=None))
    assert store.goals.get(goal.id).outcome is None
    with pytest.raises(InvalidInput):
        perform(store, review(meeting_id=later.id, goal_id=goal.id, outcome="maybe"))


# -- skills -------------------------------------------------------------------------------


def test_skills_library_share_and_take_back(store, meeting, maya) -> None:
    category = perform(store, ops.skills.add_category(name="Our own")).value
    skill = perform(store, ops.skills.add(name="Box breathing", category_id=category.id)).value
    assert skill.name in {s.name for s in store.skills.skills()}
    share = perform(
        store,
        ops.skills.share(meeting_id=meeting.id, skill_id=skill.id, pseudonym=maya.pseudonym),
    ).value
    assert [s.skill_id for s in store.skills.shares(meeting.id)] == [skill.id]
    perform(store, ops.skills.remove_share(meeting_id=meeting.id, share_id=share.id))
    assert store.skills.shares(meeting.id) == []
    with pytest.raises(InvalidInput):
        perform(store, ops.skills.add_category(name=" "))


# -- settings -----------------------------------------------------------------------------


def test_settings_set_and_set_many(store) -> None:
    result = perform(store, ops.settings.set_value(key="backup_dir", value="/media/usb"))
    assert result.changes.kinds == {Kind.SETTINGS}
    assert store.settings.get("backup_dir") == "/media/usb"
    perform(store, ops.settings.set_many(values={"auto_lock_minutes": 9, "forget_after_months": 6}))
    assert store.settings.get("auto_lock_minutes") == 9
    with pytest.raises(InvalidInput) as caught:
        perform(store, ops.settings.set_value(key="auto_lock_minutes", value=0))
    assert caught.value.values == {"low": 1, "high": 120}
    assert caught.value.sentence == "Please enter a number from {low} to {high}."


def test_settings_save_is_settings_and_group_in_one_transaction(store, group) -> None:
    fields = ops.groups.group_fields(group) | {"name": "Tuesday Evening", "place": "Room 4"}
    op = ops.settings.save(
        values={"auto_lock_minutes": 12, "backup_dir": "/media/usb"},
        group_id=group.id,
        group_fields=fields,
    )
    assert Op.from_json(op.to_json()) == op
    result = perform(store, op)
    assert result.changes.kinds == {Kind.SETTINGS, Kind.GROUPS}
    assert result.value.name == "Tuesday Evening"
    assert store.groups.get(group.id).place == "Room 4"
    assert store.settings.get("auto_lock_minutes") == 12
    assert store.settings.get("backup_dir") == "/media/usb"
    # Without a group on show only the settings are saved.
    assert perform(store, ops.settings.save(values={"auto_lock_minutes": 13})).value is None
    assert store.settings.get("auto_lock_minutes") == 13


def test_settings_save_refused_anywhere_saves_nothing(store, group) -> None:
    before = store.groups.get(group.id)
    empty_agenda = ops.groups.group_fields(group) | {"name": "Renamed", "agenda": []}
    with pytest.raises(InvalidInput) as caught:
        perform(
            store,
            ops.settings.save(
                values={"auto_lock_minutes": 30}, group_id=group.id, group_fields=empty_agenda
            ),
        )
    assert caught.value.sentence == "The agenda needs at least one segment."
    assert store.settings.get("auto_lock_minutes") != 30
    assert store.groups.get(group.id) == before
    # A setting out of range, after a good group change: the group change is undone too.
    renamed = ops.groups.group_fields(group) | {"name": "Renamed"}
    with pytest.raises(InvalidInput):
        perform(
            store,
            ops.settings.save(
                values={"auto_lock_minutes": 0}, group_id=group.id, group_fields=renamed
            ),
        )
    assert store.groups.get(group.id).name == "Tuesday Circle"


# -- rules --------------------------------------------------------------------------------


def test_headcount_counts_present_and_walk_ins_not_apologies(store, meeting, maya) -> None:
    jo = perform(store, ops.members.add(fields={"display_name": "Jo"})).value
    perform(store, ops.attendance.check_in(meeting_id=meeting.id, pseudonym=maya.pseudonym))
    perform(store, ops.attendance.send_apologies(meeting_id=meeting.id, pseudonym=jo.pseudonym))
    perform(store, ops.attendance.add_newcomer(meeting_id=meeting.id, display_name="Kim"))
    perform(store, ops.meetings.change_walk_ins(meeting_id=meeting.id, delta=2))
    count = ops.rules.headcount(
        store.meetings.attendance(meeting.id), store.meetings.get(meeting.id).walk_ins
    )
    assert (count.present, count.new, count.apologies, count.walk_ins) == (2, 1, 1, 2)
    assert count.here == 4


def test_crisis_rules() -> None:
    assert ops.rules.needs_crisis_resources(Group(name="g", crisis_resources="  "))
    assert not ops.rules.needs_crisis_resources(Group(name="g", crisis_resources="112"))
    assert ops.rules.may_remind_later(Group(name="g"))
    assert not ops.rules.may_remind_later(Group(name="g", crisis_reminder_used=True))


def test_core_operations_do_not_import_qt() -> None:
    import subprocess
    import sys

    code = "import sys, groupkeeper.ops; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_factories_keep_the_apply_signature() -> None:
    params = inspect.signature(ops.members.add.apply).parameters  # type: ignore[attr-defined]
    assert list(params) == ["store", "fields"]
    assert isinstance(Member, type)


def test_correct_a_saved_safety_note(store, meeting) -> None:  # type: ignore[no-untyped-def]
    note = perform(store, ops.meetings.add_safety_note(meeting_id=meeting.id, text="Munday")).value
    result = perform(store, ops.meetings.edit_safety_note(note_id=note.id, text="Monday"))
    assert result.changes.touches(Kind.SAFETY) and result.value.created_at == note.created_at
    assert [(n.id, n.text) for n in store.safety.notes(meeting.id)] == [(note.id, "Monday")]
    with pytest.raises(InvalidInput, match="empty"):
        perform(store, ops.meetings.edit_safety_note(note_id=note.id, text="   "))
    with pytest.raises(InvalidInput, match="no longer in the vault"):
        perform(store, ops.meetings.edit_safety_note(note_id=999, text="x"))
    assert store.safety.notes(meeting.id)[0].text == "Monday"


def test_discard_an_open_meeting_not_a_closed_one(store, group, maya) -> None:
    meeting = perform(store, ops.meetings.start(group_id=group.id, date="2026-11-24")).value
    perform(store, ops.attendance.check_in(meeting_id=meeting.id, pseudonym=maya.pseudonym))
    result = perform(store, ops.meetings.discard(meeting_id=meeting.id))
    assert result.value.present == 1 and result.changes.touches(Kind.ATTENDANCE)
    with pytest.raises(KeyError):
        store.meetings.get(meeting.id)
    held = perform(store, ops.meetings.start(group_id=group.id, date="2026-11-24")).value
    store.meetings.end(held.id)
    with pytest.raises(InvalidInput):
        perform(store, ops.meetings.discard(meeting_id=held.id))
    assert store.meetings.get(held.id).id == held.id


def test_undo_without_a_pseudonym_takes_back_the_latest_arrival(
    store, group, meeting, maya
) -> None:  # type: ignore[no-untyped-def]
    ali = perform(
        store, ops.members.add(fields={"display_name": "Ali", "group_ids": [group.id]})
    ).value
    assert perform(store, ops.attendance.undo(meeting_id=meeting.id)).value is None
    perform(store, ops.attendance.check_in(meeting_id=meeting.id, pseudonym=maya.pseudonym))
    perform(store, ops.attendance.send_apologies(meeting_id=meeting.id, pseudonym=ali.pseudonym))
    result = perform(store, ops.attendance.undo(meeting_id=meeting.id))
    assert result.value.pseudonym == ali.pseudonym and Kind.ATTENDANCE in result.changes
    assert [a.pseudonym for a in store.meetings.attendance(meeting.id)] == [maya.pseudonym]


def test_a_visitor_from_another_group_joins_and_is_marked_present(store, group, meeting) -> None:  # type: ignore[no-untyped-def]
    other = perform(store, ops.groups.add(fields={"name": "Thursday Drop-in"})).value
    rosa = perform(
        store, ops.members.add(fields={"display_name": "Rosa", "group_ids": [other.id]})
    ).value
    op = ops.attendance.check_in_visitor(meeting_id=meeting.id, pseudonym=rosa.pseudonym)
    result = perform(store, op)
    assert result.changes.touches(Kind.MEMBERS) and result.changes.touches(Kind.ATTENDANCE)
    assert store.members.get(rosa.id).group_ids == sorted([group.id, other.id])
    assert store.meetings.present(meeting.id) == [rosa.pseudonym]
    with pytest.raises(InvalidInput):
        perform(store, ops.attendance.check_in_visitor(meeting_id=meeting.id, pseudonym="P-NONE"))


def test_record_attendance_proof_keeps_the_fact_not_the_document(
    store, group, meeting, maya
) -> None:  # type: ignore[no-untyped-def]
    op = ops.members.record_attendance_proof(
        member_id=maya.id, period_start="2026-01-01", period_end="2026-11-30"
    )
    result = perform(store, op)
    assert Kind.MEMBERS in result.changes
    given = store.disclosures.for_member(maya.id)
    assert [(d.what, d.period_start, d.period_end) for d in given] == [
        ("attendance_proof", "2026-01-01", "2026-11-30")
    ]
    with pytest.raises(InvalidInput):  # a period that ends before it starts
        perform(
            store,
            ops.members.record_attendance_proof(
                member_id=maya.id, period_start="2026-12-01", period_end="2026-11-30"
            ),
        )
    assert len(store.disclosures.for_member(maya.id)) == 1


def test_group_update_refuses_an_agenda_that_cannot_run_and_says_which_segment(
    store, group
) -> None:
    update = ops.groups.update
    with pytest.raises(InvalidInput) as empty:
        perform(store, update(group_id=group.id, fields={"agenda": []}))
    assert empty.value.sentence == "The agenda needs at least one segment."
    agenda = [{"kind": "check_in", "minutes": 10}, {"kind": "open", "minutes": 600}]
    with pytest.raises(InvalidInput) as long:
        perform(store, update(group_id=group.id, fields={"agenda": agenda}))
    assert long.value.values == {"number": 2, "low": 1, "high": 240}
    assert str(long.value) == "Segment 2 needs from 1 to 240 minutes."
    assert store.groups.get(group.id).agenda != agenda  # unchanged


def test_import_adds_everyone_or_no_one(store, group) -> None:
    rows = [{"display_name": "Li", "phone": "0111"}, {"display_name": "Kim"}]
    result = perform(store, ops.members.import_members(members=rows, group_ids=[group.id]))
    assert len(result.value) == 2 and result.changes.touches(Kind.MEMBERS)
    assert sorted(m.display_name for m in store.members.all(group.id)) == ["Kim", "Li"]
    with pytest.raises(InvalidInput):  # one row without a name: none of them go in
        perform(
            store,
            ops.members.import_members(
                members=[{"display_name": "Ada"}, {"display_name": " "}], group_ids=[]
            ),
        )
    assert "Ada" not in {m.display_name for m in store.members.all()}


# -- sharing a group (issue 14): the ops the window runs in the background ---------------


def test_sync_ops_share_join_sync_resolve_and_stop(store, group, maya, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.storage import _sqlcipher, schema
    from groupkeeper.storage.repos import Store

    conn = _sqlcipher.connect(str(tmp_path / "other.db"))
    conn.execute("PRAGMA key = \"x'" + "33" * 32 + "'\"")
    conn.execute("PRAGMA foreign_keys = ON")
    other = Store(_sqlcipher.Database(conn), tmp_path)
    schema.migrate(other.db)
    shared, invite = tmp_path / "shared", tmp_path / "invite.gkinvite"

    result = perform(
        store, ops.sync.share(group_id=group.id, folder=str(shared), invitation=str(invite))
    )
    assert Kind.MEMBERS in result.changes and invite.is_file()
    code = result.value.code
    joined = perform(other, ops.sync.join(invitation=str(invite), code=code, folder=str(shared)))
    gid = joined.value
    assert [m.pseudonym for m in other.members.all(gid)] == [maya.pseudonym]
    # One more laptop: a new invitation with its own code (tests/test_ui_sync_invite.py).
    again = tmp_path / "again.gkinvite"
    invited = perform(store, ops.sync.invite(group_id=group.id, invitation=str(again)))
    assert invited.value.code != code and again.is_file()

    perform(other, ops.sync.set_laptop_name(name="Laptop two"))
    other_maya = other.members.all(gid)[0]
    other_maya.phone = "222"
    other.members.update(other_maya)
    maya.phone = "111"
    store.members.update(maya)
    perform(other, ops.sync.sync_now())
    summary = perform(store, ops.sync.sync_now()).value
    assert summary.conflicts == 1 and summary.changes_received > 0
    from groupkeeper.sync.service import SyncService

    (conflict,) = SyncService(store).conflicts(group.id)
    perform(
        store,
        ops.sync.resolve(
            group_id=group.id, member_uuid=conflict.member_uuid, field="phone", value="111"
        ),
    )
    assert SyncService(store).conflicts(group.id) == []
    from groupkeeper.sync.service import LaptopNotRemovable

    with pytest.raises(LaptopNotRemovable):
        perform(store, ops.sync.remove_laptop(group_id=group.id, device_id="not-a-laptop"))
    perform(store, ops.sync.stop_sharing(group_id=group.id))
    assert SyncService(store).status() == [] and store.members.get(maya.id).phone == "111"
    other.db.close()

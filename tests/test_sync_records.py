"""Two vaults sharing a group: goals, skill shares, wellbeing answers, group settings,
empty and discarded meetings travel through the link (issue 14, second part)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from groupkeeper import ops
from groupkeeper.model import Member
from groupkeeper.ops import perform
from groupkeeper.storage.repos import Store
from groupkeeper.sync import changefile
from tests.test_sync_service import _service, _shared_pair, _store

DAY = "2026-11-30"  # TODAY in test_sync_service: meetings received for it are open


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store, Path]]:
    a, b = _store(tmp_path / "a"), _store(tmp_path / "b")
    yield a, b, tmp_path / "shared"
    a.db.close()
    b.db.close()


def _both(a: Store, b: Store, rounds: int = 2) -> None:
    for _ in range(rounds):
        _service(a).sync_once()
        _service(b).sync_once()


def _with_people(a: Store, b: Store, gid_a: int) -> tuple[Member, Member]:
    ana = a.members.add(Member(display_name="Ana Plantedname", group_ids=[gid_a]))
    ben = a.members.add(Member(display_name="Ben Plantedname", group_ids=[gid_a]))
    _both(a, b)
    return ana, ben


def test_an_empty_meeting_opened_on_a_shows_on_b_as_open(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    perform(a, ops.meetings.start(group_id=gid_a, date=DAY, crisis_resources="Call 111"))
    _both(a, b, 1)
    meeting = b.meetings.open_meeting(gid_b)
    assert meeting is not None and meeting.date == DAY
    assert b.meetings.attendance(meeting.id or 0) == []


def test_goals_skill_shares_and_wellbeing_answers_travel_both_ways(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    perform(a, ops.groups.update(group_id=gid_a, fields={"wellbeing_scale": "who5"}))
    ana, ben = _with_people(a, b, gid_a)
    last = a.meetings.start(gid_a, "2026-11-23")
    perform(a, ops.goals.set_goal(meeting_id=last.id, pseudonym=ana.pseudonym, text="Walk daily"))
    a.meetings.end(last.id or 0)
    ma = perform(a, ops.meetings.start(group_id=gid_a, date=DAY, crisis_resources="x")).value
    skill = a.skills.add_skill("Plantedskill breathing", a.skills.add_category("Calm").id or 0)
    perform(a, ops.skills.share(meeting_id=ma.id, skill_id=skill.id, pseudonym=ben.pseudonym))
    _both(a, b)
    # B holds the same: the goal with its text, the share of a skill it did not know.
    mb = b.meetings.open_meeting(gid_b)
    assert mb is not None and mb.date == DAY
    (goal_b,) = b.goals.for_pseudonym(ana.pseudonym)
    assert goal_b.text == "Walk daily" and goal_b.outcome is None
    (share_b,) = b.skills.shares(mb.id or 0)
    assert share_b.pseudonym == ben.pseudonym
    assert {s.name for s in b.skills.skills() if s.id == share_b.skill_id} == {
        "Plantedskill breathing"
    }
    # B reviews the goal, records a wellbeing answer and a new goal; A edits its text.
    perform(b, ops.goals.review(meeting_id=mb.id, goal_id=goal_b.id, outcome="partly"))
    perform(
        b,
        ops.meetings.record_wellbeing(meeting_id=mb.id, pseudonym=ana.pseudonym, answers=[3] * 5),
    )
    perform(b, ops.goals.set_goal(meeting_id=mb.id, pseudonym=ben.pseudonym, text="Call sis"))
    (goal_a,) = a.goals.for_pseudonym(ana.pseudonym)
    a.goals.update_text(goal_a.id or 0, "Walk every day")
    _both(a, b)
    for store, meeting in ((a, ma), (b, mb)):
        (goal,) = store.goals.for_pseudonym(ana.pseudonym)
        assert (goal.text, goal.outcome) == ("Walk every day", "partly")
        assert goal.reviewed_meeting_id == meeting.id
        (answer,) = store.wellbeing.for_meeting(meeting.id or 0)
        assert (answer.answers, answer.pseudonym) == ([3] * 5, ana.pseudonym)
        assert [g.text for g in store.goals.set_in(meeting.id or 0)] == ["Call sis"]
    # Removing travels as a tombstone: the share and the goal go on both.
    (share_a,) = a.skills.shares(ma.id or 0)
    perform(a, ops.skills.remove_share(meeting_id=ma.id, share_id=share_a.id))
    perform(b, ops.goals.remove(meeting_id=mb.id, pseudonym=ben.pseudonym))
    _both(a, b)
    for store, meeting in ((a, ma), (b, mb)):
        assert store.skills.shares(meeting.id or 0) == []
        assert store.goals.set_in(meeting.id or 0) == []
    again = _service(a).sync_once() + _service(b).sync_once()
    assert again.changes_sent == 0 and again.records_changed == 0


def test_forgetting_erases_goal_texts_everywhere_and_old_change_files_cannot_tell(
    pair, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The attacker holds the group key (a removed laptop, a stolen invitation and
    code): after the forget, no change file opens to show the goal's text."""
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    ana, _ = _with_people(a, b, gid_a)
    meeting = a.meetings.start(gid_a, DAY)
    perform(
        a,
        ops.goals.set_goal(meeting_id=meeting.id, pseudonym=ana.pseudonym, text="Zqgoaltext"),
    )
    _both(a, b)
    assert [g.text for g in b.goals.for_pseudonym(ana.pseudonym)] == ["Zqgoaltext"]
    (ana_b,) = [m for m in b.members.all(gid_b) if m.pseudonym == ana.pseudonym]
    perform(b, ops.members.forget(member_id=ana_b.id))
    _both(a, b)
    for store in (a, b):
        (goal,) = store.goals.for_pseudonym(ana.pseudonym)
        assert goal.text is None  # the goal stays, pseudonymous; its words are gone
    record = _service(a).repo.group_of(gid_a)
    assert record is not None
    from groupkeeper.sync.replica import Replica

    group_key = Replica.from_data(_service(a)._identity(), record.data).group_key
    for path in shared.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert b"Zqgoaltext" not in data and b"Plantedname" not in data
        if path.suffix == changefile.CHANGE_SUFFIX:
            opened = changefile.open_file(data, group_key, kind="ops", group=record.group_uuid)
            assert "Zqgoaltext" not in str(opened.payload)
            for entry in opened.payload["entries"]:
                if entry.get("field") == "text":  # sealed under a key nobody has now
                    assert (
                        entry["member"]
                        not in Replica.from_data(_service(a)._identity(), record.data).member_keys
                    )


def test_a_discarded_meeting_goes_from_every_laptop(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    ana, ben = _with_people(a, b, gid_a)
    first = a.meetings.start(gid_a, DAY)
    perform(a, ops.attendance.check_in(meeting_id=first.id, pseudonym=ana.pseudonym))
    perform(a, ops.goals.set_goal(meeting_id=first.id, pseudonym=ana.pseudonym, text="Rest"))
    a.meetings.end(first.id or 0)
    second = a.meetings.start(gid_a, DAY)  # a second meeting that day
    perform(a, ops.attendance.check_in(meeting_id=second.id, pseudonym=ben.pseudonym))
    _both(a, b)
    assert len(b.meetings.recent(gid_b)) == 2
    assert [m.state.value for m in b.meetings.recent(gid_b)] == ["open", "closed"]
    # A discards the second meeting of the day (started by mistake): the first keeps its
    # key and its records everywhere.
    perform(a, ops.meetings.discard(meeting_id=second.id))
    _both(a, b)
    for store, gid in ((a, gid_a), (b, gid_b)):
        (left,) = store.meetings.recent(gid)
        assert store.meetings.present(left.id or 0) == [ana.pseudonym]
        assert [g.text for g in store.goals.set_in(left.id or 0)] == ["Rest"]
    # A new meeting that day afterwards is a meeting of its own, on both.
    third = a.meetings.start(gid_a, DAY)
    perform(a, ops.attendance.check_in(meeting_id=third.id, pseudonym=ben.pseudonym))
    _both(a, b)
    assert len(a.meetings.recent(gid_a)) == len(b.meetings.recent(gid_b)) == 2
    (open_b,) = [m for m in b.meetings.recent(gid_b) if m.state.value == "open"]
    assert b.meetings.present(open_b.id or 0) == [ben.pseudonym]


def test_what_b_records_without_seeing_the_discard_keeps_the_meeting(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    ana, ben = _with_people(a, b, gid_a)
    ma = a.meetings.start(gid_a, DAY)
    perform(a, ops.attendance.check_in(meeting_id=ma.id, pseudonym=ana.pseudonym))
    _both(a, b)
    mb = b.meetings.open_meeting(gid_b)
    assert mb is not None
    perform(a, ops.meetings.discard(meeting_id=ma.id))
    perform(b, ops.attendance.check_in(meeting_id=mb.id, pseudonym=ben.pseudonym))
    perform(b, ops.meetings.change_walk_ins(meeting_id=mb.id, delta=1))
    _both(a, b)
    # The meeting comes back on A with only what B recorded (A's check-in stays gone).
    for store, gid in ((a, gid_a), (b, gid_b)):
        (meeting,) = store.meetings.recent(gid)
        assert store.meetings.present(meeting.id or 0) == [ben.pseudonym]
        assert meeting.walk_ins == 1


def test_group_settings_travel_and_a_joining_laptop_does_not_overwrite_them(
    pair, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    from groupkeeper import agenda
    from groupkeeper.model import Group

    own_agenda = agenda.to_dicts(agenda.template(agenda.DROP_IN))
    group = a.groups.add(
        Group(name="Tuesday circle", agenda=own_agenda, crisis_resources="Call 111")
    )
    result = _service(a).share_group(group.id or 0, shared, tmp_path / "invite.gkinvite")
    gid_b = _service(b).join(tmp_path / "invite.gkinvite", result.code, shared)
    _both(a, b)
    for store, gid in ((a, group.id or 0), (b, gid_b)):
        got = store.groups.get(gid)
        assert (got.agenda, got.crisis_resources) == (own_agenda, "Call 111")
    perform(
        b,
        ops.groups.update(
            group_id=gid_b,
            fields={"name": "Tuesday peers", "escalation_steps": "Ring the duty manager"},
        ),
    )
    perform(a, ops.groups.update(group_id=group.id, fields={"wellbeing_scale": "ons4"}))
    _both(a, b)
    for store, gid in ((a, group.id or 0), (b, gid_b)):
        got = store.groups.get(gid)
        assert (got.name, got.escalation_steps, got.wellbeing_scale) == (
            "Tuesday peers",
            "Ring the duty manager",
            "ons4",
        )
    again = _service(a).sync_once() + _service(b).sync_once()
    assert again.changes_sent == 0 and again.records_changed == 0


# -- an invitation lets one laptop in -------------------------------------------------


def test_a_used_invitation_refuses_a_second_laptop_and_changes_nothing(tmp_path: Path) -> None:
    from groupkeeper.model import Group
    from groupkeeper.sync import invitation

    a, b, c = (_store(tmp_path / n) for n in "abc")
    try:
        shared = tmp_path / "shared"
        group = a.groups.add(Group(name="Tuesday circle"))
        result = _service(a).share_group(group.id or 0, shared, tmp_path / "invite")
        gid_b = _service(b).join(tmp_path / "invite", result.code, shared)
        with pytest.raises(invitation.InvitationUsed) as caught:
            _service(c).join(tmp_path / "invite", result.code, shared)
        assert caught.value.code == "invitation_used"
        assert c.groups.all() == [] and _service(c).status() == []
        # A new invitation (from any laptop of the group) lets C in.
        again = _service(b).new_invitation(gid_b, tmp_path / "invite2")
        assert again.code != result.code
        gid_c = _service(c).join(tmp_path / "invite2", again.code, shared)
        assert c.groups.get(gid_c).name == "Tuesday circle"
    finally:
        for store in (a, b, c):
            store.db.close()


def test_two_laptops_joining_with_one_invitation_unseen_the_later_is_cut_off(
    tmp_path: Path,
) -> None:
    """B and C join with the same invitation through copies of the folder that have not
    met yet (the limit of the check): once the copies meet, everyone refuses the later
    joiner's changes and the inviting laptop removes it (a new group key)."""
    import shutil

    from groupkeeper.model import Group

    a, b, c = (_store(tmp_path / n) for n in "abc")
    try:
        shared = tmp_path / "shared"
        group = a.groups.add(Group(name="Tuesday circle"))
        ana = a.members.add(Member(display_name="Ana", group_ids=[group.id or 0]))
        result = _service(a).share_group(group.id or 0, shared, tmp_path / "invite")
        elsewhere = tmp_path / "stale-copy"
        shutil.copytree(shared, elsewhere)
        gid_b = _service(b).join(tmp_path / "invite", result.code, shared)
        gid_c = _service(c).join(tmp_path / "invite", result.code, elsewhere)  # unseen
        meeting = c.meetings.start(gid_c, DAY)
        c.meetings.check_in(meeting.id or 0, ana.pseudonym)
        _service(c).sync_once()
        shutil.copytree(elsewhere, shared, dirs_exist_ok=True)  # the copies meet
        summary = _service(a).sync_once()
        assert {r.reason for r in summary.refused} == {"invitation-used"}
        assert a.meetings.recent(group.id or 0) == []  # nothing of C's applied
        (status,) = _service(a).status()
        assert len(status.laptops) == 1  # B only
        _service(b).sync_once()
        assert b.meetings.recent(gid_b) == []
        # C, the later joiner, learns it was removed and reads nothing new.
        shutil.copytree(shared, elsewhere, dirs_exist_ok=True)
        _service(c).sync_once()
        (status_c,) = _service(c).status()
        assert status_c.removed_here
        a.members.add(Member(display_name="Later Person", group_ids=[group.id or 0]))
        _service(a).sync_once()
        _service(b).sync_once()
        shutil.copytree(shared, elsewhere, dirs_exist_ok=True)
        _service(c).sync_once()
        assert "Later Person" in {m.display_name for m in b.members.all(gid_b)}
        assert "Later Person" not in {m.display_name for m in c.members.all(gid_c)}
    finally:
        for store in (a, b, c):
            store.db.close()


def test_compaction_through_the_service_and_a_laptop_joining_afterwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from groupkeeper.model import Group
    from groupkeeper.sync import service as service_module

    monkeypatch.setattr(service_module, "COMPACT_AFTER", 3)
    a, b, c = (_store(tmp_path / n) for n in "abc")
    try:
        shared = tmp_path / "shared"
        group = a.groups.add(Group(name="Tuesday circle"))
        gid_a = group.id or 0
        result = _service(a).share_group(gid_a, shared, tmp_path / "invite")
        gid_b = _service(b).join(tmp_path / "invite", result.code, shared)
        meeting = a.meetings.start(gid_a, DAY)
        for n in range(5):  # five syncs, each writing a change file
            a.meetings.change_walk_ins(meeting.id or 0, 1)
            a.members.add(Member(display_name=f"Person {n}", group_ids=[gid_a]))
            _service(a).sync_once()
        mine = next(p for p in (shared / result.group_uuid).iterdir() if any(p.glob("*.gkops")))
        assert len(list(mine.glob("*.gkops"))) >= 6 and not list(mine.glob("*.gksnap"))
        _service(b).sync_once()  # B applies them and says so in its keyring
        _service(a).sync_once()  # A sees that and compacts
        assert len(list(mine.glob("*.gksnap"))) == 1
        assert list(mine.glob("*.gkops")) == []
        code = _service(b).new_invitation(gid_b, tmp_path / "invite-c").code
        gid_c = _service(c).join(tmp_path / "invite-c", code, shared)
        for store, gid in ((b, gid_b), (c, gid_c)):
            (got,) = store.meetings.recent(gid)
            assert got.walk_ins == 5 and len(store.members.all(gid)) == 5
        again = _service(a).sync_once() + _service(b).sync_once() + _service(c).sync_once()
        assert again.refused == () and again.records_changed == 0
    finally:
        for store in (a, b, c):
            store.db.close()


def test_a_tampered_or_forged_snapshot_is_refused_and_nothing_applied(tmp_path: Path) -> None:
    """Playing the attacker on compaction: a snapshot with one flipped byte, and a
    change file renamed into a snapshot's place, are refused with a warning."""
    from groupkeeper.sync.identity import DeviceIdentity
    from groupkeeper.sync.replica import Replica

    key = changefile.new_key()
    shared = tmp_path / "shared"
    writer = Replica(DeviceIdentity.generate(), "group-snap", key)
    reader = Replica(DeviceIdentity.generate(), "group-snap", key)
    for _ in range(3):
        writer.count("2026-11-30#1", "walk_ins", 1)
        writer.flush(shared)
    reader.pull(shared)
    reader.flush(shared)
    writer.pull(shared)
    assert writer.compact(shared, min_files=1) == 3
    folder = changefile.device_folder(shared, "group-snap", writer.device)
    (snapshot,) = folder.glob("*.gksnap")
    good = snapshot.read_bytes()
    bad = bytearray(good)
    bad[len(bad) // 2] ^= 0x01
    snapshot.write_bytes(bytes(bad))
    fresh = Replica(DeviceIdentity.generate(), "group-snap", key)
    assert [r for _, r in fresh.pull(shared).refused] == ["bad-signature"]
    assert fresh.state.meetings() == []
    # An ordinary change file put where a snapshot goes is not a snapshot.
    writer.count("2026-11-30#1", "walk_ins", 1)
    writer.flush(shared)
    (change,) = folder.glob("*.gkops")
    snapshot.write_bytes(change.read_bytes())
    change.unlink()
    fresh = Replica(DeviceIdentity.generate(), "group-snap", key)
    assert [r for _, r in fresh.pull(shared).refused] == ["wrong-place"]
    assert fresh.state.meetings() == []
    snapshot.write_bytes(good)  # the genuine one back: it applies
    fresh = Replica(DeviceIdentity.generate(), "group-snap", key)
    assert fresh.pull(shared).refused == []
    assert fresh.state.counter("2026-11-30#1", "walk_ins") == 3

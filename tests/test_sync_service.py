"""Two vaults sharing a group through a folder: the vault<->replica link and its facade."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from groupkeeper import ops
from groupkeeper.model import AttendanceStatus, Group, Member
from groupkeeper.ops import perform
from groupkeeper.storage import _sqlcipher, schema
from groupkeeper.storage.repos import Store
from groupkeeper.sync import invitation
from groupkeeper.sync.service import AlreadyShared, LaptopNotRemovable, SyncService

TODAY = date(2026, 11, 30)


def _store(folder: Path) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    conn = _sqlcipher.connect(str(folder / "t.db"))
    conn.execute("PRAGMA key = \"x'" + "22" * 32 + "'\"")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    db = _sqlcipher.Database(conn)
    schema.migrate(db)
    return Store(db, folder)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store, Path]]:
    a, b = _store(tmp_path / "a"), _store(tmp_path / "b")
    yield a, b, tmp_path / "shared"
    a.db.close()
    b.db.close()


def _service(store: Store) -> SyncService:
    return SyncService(store, today=lambda: TODAY)


def _shared_pair(a: Store, b: Store, shared: Path, tmp_path: Path) -> tuple[int, int]:
    group = a.groups.add(Group(name="Tuesday circle"))
    gid_a = group.id or 0
    result = _service(a).share_group(gid_a, shared, tmp_path / "invite.gkinvite")
    gid_b = _service(b).join(tmp_path / "invite.gkinvite", result.code, shared)
    return gid_a, gid_b


def test_members_and_check_ins_travel_both_ways(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    group = a.groups.add(Group(name="Tuesday circle"))
    ana = a.members.add(Member(display_name="Ana Planted", phone="0101", group_ids=[group.id or 0]))
    meeting = a.meetings.start(group.id or 0, "2026-11-24")
    a.meetings.check_in(meeting.id or 0, ana.pseudonym)
    a.meetings.change_walk_ins(meeting.id or 0, 2)
    result = _service(a).share_group(group.id or 0, shared, tmp_path / "invite.gkinvite")
    assert result.summary.changes_sent > 0
    gid_b = _service(b).join(tmp_path / "invite.gkinvite", result.code, shared)
    assert b.groups.get(gid_b).name == "Tuesday circle"
    (ana_b,) = b.members.all(gid_b)
    assert (ana_b.display_name, ana_b.phone, ana_b.pseudonym) == (
        "Ana Planted",
        "0101",
        ana.pseudonym,
    )
    (meeting_b,) = b.meetings.recent(gid_b)
    assert meeting_b.date == "2026-11-24" and meeting_b.walk_ins == 2
    assert b.meetings.present(meeting_b.id or 0) == [ana.pseudonym]

    # B adds a member and checks them in, and counts one more walk-in.
    ben = perform(
        b, ops.members.add(fields={"display_name": "Ben Planted", "group_ids": [gid_b]})
    ).value
    perform(b, ops.attendance.check_in(meeting_id=meeting_b.id, pseudonym=ben.pseudonym))
    perform(b, ops.meetings.change_walk_ins(meeting_id=meeting_b.id, delta=1))
    _service(b).sync_once()
    summary = _service(a).sync_once()
    assert summary.changes_received > 0 and summary.refused == ()
    assert {m.display_name for m in a.members.all(group.id)} == {"Ana Planted", "Ben Planted"}
    assert sorted(a.meetings.present(meeting.id or 0)) == sorted([ana.pseudonym, ben.pseudonym])
    assert a.meetings.get(meeting.id or 0).walk_ins == 3
    # Nothing more to do on either side.
    again = _service(a).sync_once() + _service(b).sync_once()
    assert again.changes_sent == 0 and again.records_changed == 0


def test_same_meeting_opened_on_both_laptops_is_one_meeting(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    ana = a.members.add(Member(display_name="Ana", group_ids=[gid_a]))
    _service(a).sync_once()
    _service(b).sync_once()
    ma = a.meetings.start(gid_a, "2026-11-30")
    mb = b.meetings.start(gid_b, "2026-11-30")
    a.meetings.check_in(ma.id or 0, ana.pseudonym)
    b.meetings.check_in(mb.id or 0, ana.pseudonym, status=AttendanceStatus.APOLOGIES)
    for _ in range(2):
        _service(a).sync_once()
        _service(b).sync_once()
    assert len(a.meetings.recent(gid_a)) == len(b.meetings.recent(gid_b)) == 1
    # Present wins over apologies on both.
    assert a.meetings.present(ma.id or 0) == b.meetings.present(mb.id or 0) == [ana.pseudonym]
    # An explicit undo on B afterwards is a correction: it wins everywhere.
    b.meetings.undo_check_in(mb.id or 0, ana.pseudonym)
    _service(b).sync_once()
    _service(a).sync_once()
    assert a.meetings.attendance(ma.id or 0) == []


def test_forget_on_one_laptop_erases_the_member_on_the_other(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    ana = a.members.add(Member(display_name="Zebulon Forgettable", group_ids=[gid_a]))
    _service(a).sync_once()
    _service(b).sync_once()
    (ana_b,) = b.members.all(gid_b)
    perform(b, ops.members.forget(member_id=ana_b.id))
    _service(b).sync_once()
    # A edits the member meanwhile: forgetting wins anyway.
    a.members.update(Member(**{**ana.__dict__, "phone": "0999"}))
    summary = _service(a).sync_once()
    assert summary.records_changed >= 1
    assert a.members.all() == []
    _service(b).sync_once()
    assert b.members.all() == []
    for path in shared.rglob("*"):
        if path.is_file():
            assert b"Zebulon" not in path.read_bytes()


def test_concurrent_edits_are_kept_as_a_conflict_and_settled(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    ana = a.members.add(Member(display_name="Ana", group_ids=[gid_a]))
    _service(a).sync_once()
    _service(b).sync_once()
    (ana_b,) = b.members.all(gid_b)
    a.members.update(Member(**{**ana.__dict__, "phone": "111"}))
    b.members.update(Member(**{**ana_b.__dict__, "phone": "222"}))
    _service(a).sync_once()
    _service(b).sync_once()
    _service(a).sync_once()
    (conflict,) = _service(a).conflicts(gid_a)
    assert conflict.field == "phone" and {conflict.current, *conflict.others} == {"111", "222"}
    assert (
        a.members.get(ana.id or 0).phone == b.members.get(ana_b.id or 0).phone == conflict.current
    )
    assert _service(a).status()[0].conflicts == 1
    perform(
        a,
        ops.sync.resolve(
            group_id=gid_a, member_uuid=conflict.member_uuid, field="phone", value="333"
        ),
    )
    _service(b).sync_once()
    assert a.members.get(ana.id or 0).phone == b.members.get(ana_b.id or 0).phone == "333"
    assert _service(a).conflicts(gid_a) == [] and _service(b).conflicts(gid_b) == []


def test_wrong_code_changes_nothing_and_sharing_twice_is_refused(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    group = a.groups.add(Group(name="Tuesday circle"))
    result = _service(a).share_group(group.id or 0, shared, tmp_path / "invite.gkinvite")
    with pytest.raises(AlreadyShared):
        _service(a).share_group(group.id or 0, shared, tmp_path / "again.gkinvite")
    wrong = "00000-00000-00000-00000" if result.code != "00000-00000-00000-00000" else "1" * 20
    with pytest.raises(invitation.WrongCode):
        _service(b).join(tmp_path / "invite.gkinvite", wrong, shared)
    assert b.groups.all() == [] and _service(b).status() == []
    with pytest.raises(AlreadyShared):
        _service(a).join(tmp_path / "invite.gkinvite", result.code, shared)


def test_status_shows_the_other_laptop_and_what_it_has_not_seen(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    perform(b, ops.sync.set_laptop_name(name="Sam's laptop"))
    _service(b).sync_once()
    a.members.add(Member(display_name="Ana", group_ids=[gid_a]))
    first = _service(a).sync_once().changes_sent
    a.members.add(Member(display_name="Bo", group_ids=[gid_a]))
    second = _service(a).sync_once().changes_sent
    (status,) = _service(a).status()
    assert status.group_id == gid_a and status.folder_available and status.pending == 0
    assert [lap.name for lap in status.laptops] == ["Sam's laptop"]
    # B has not applied A's two newest files: their changes are counted (like "pending"),
    # not the files (the panel adds the two).
    assert first > 1 and second > 1
    assert status.unseen_by_others == first + second
    _service(b).sync_once()
    _service(a).sync_once()
    assert _service(a).status()[0].unseen_by_others == 0


# -- playing the attacker ---------------------------------------------------------------


def test_tampered_and_foreign_files_are_refused_and_nothing_reaches_the_tables(
    pair, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    ana = a.members.add(Member(display_name="Ana", group_ids=[gid_a]))
    meeting = a.meetings.start(gid_a, "2026-11-24")
    a.meetings.check_in(meeting.id or 0, ana.pseudonym)
    _service(a).sync_once()
    # A's newest change file (its first, written when sharing, carried the group's
    # settings and was applied by B when it joined).
    change = max(shared.rglob("*.gkops"), key=lambda p: p.name)
    # 1. One flipped byte in A's change file.
    good = change.read_bytes()
    bad = bytearray(good)
    bad[len(bad) // 2] ^= 0x01
    change.write_bytes(bytes(bad))
    summary = _service(b).sync_once()
    assert [r.reason for r in summary.refused] == ["bad-signature"]
    assert summary.records_changed == 0
    assert b.members.all() == [] and b.meetings.recent(gid_b) == []
    (status,) = _service(b).status()
    assert [w.reason for w in status.warnings] == ["bad-signature"]
    assert "Ana" not in repr(status) and "Ana" not in repr(summary)
    # 2. Cut short, as by an interrupted copy.
    change.write_bytes(good[: len(good) // 3])
    assert [r.reason for r in _service(b).sync_once().refused] == ["truncated"]
    # 3. A stranger's file with another group key, in a device folder of its own.
    from groupkeeper.sync import changefile
    from groupkeeper.sync.identity import DeviceIdentity
    from groupkeeper.sync.replica import Replica

    group_uuid = change.parent.parent.name
    stranger = Replica(DeviceIdentity.generate(), group_uuid, changefile.new_key())
    stranger.ensure_member("0d6f2c1e-0000-4000-8000-000000000001")
    stranger.set_field("0d6f2c1e-0000-4000-8000-000000000001", "display_name", "Intruder")
    stranger.mark("2026-11-24#1", "P-INTRUDER", "present")
    stranger.flush(shared)
    # 4. A file signed by a stranger's key, put in A's own folder.
    forged = Replica(DeviceIdentity.generate(), group_uuid, changefile.new_key())
    forged.count("2026-11-24#1", "safety_concerns", 9)
    forged.flush(tmp_path / "elsewhere")
    (forged_file,) = (tmp_path / "elsewhere").rglob("*.gkops")
    next_name = f"{int(change.stem) + 1:08d}.gkops"
    change.with_name(next_name).write_bytes(forged_file.read_bytes())
    reasons = sorted(r.reason for r in _service(b).sync_once().refused)
    assert reasons == ["truncated", "unreadable", "unreadable", "wrong-place"]
    assert b.members.all() == [] and b.meetings.recent(gid_b) == []
    # The genuine file back in place: everything arrives, the forgeries stay refused.
    change.write_bytes(good)
    summary = _service(b).sync_once()
    assert [m.display_name for m in b.members.all()] == ["Ana"]
    (meeting_b,) = b.meetings.recent(gid_b)
    assert b.meetings.present(meeting_b.id or 0) == [ana.pseudonym]
    assert meeting_b.safety_concerns == 0
    assert {r.reason for r in summary.refused} == {"unreadable", "wrong-place"}


def test_a_leaked_invitation_without_its_code_opens_nothing(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    group = a.groups.add(Group(name="Planted Group Name"))
    invite = tmp_path / "invite.gkinvite"
    result = _service(a).share_group(group.id or 0, shared, invite)
    data = invite.read_bytes()
    assert b"Planted" not in data and result.code.replace("-", "").encode() not in data
    group_uuid = a.db.execute("SELECT uuid FROM groups").fetchone()[0]
    assert group_uuid.encode() not in data
    for guess in ("12345-67890-12345-67890", "00000-00000-00000-00001", "not a code"):
        if guess == result.code:
            continue
        with pytest.raises(invitation.WrongCode):
            _service(b).join(invite, guess, tmp_path / "b-shared")
    assert b.groups.all() == [] and _service(b).status() == []
    assert not (tmp_path / "b-shared").exists()
    # Even with the group key's folder in hand, the change files say nothing readable.
    for path in shared.rglob("*"):
        if path.is_file():
            assert b"Planted" not in path.read_bytes()


def test_a_background_sync_uses_its_own_connection_while_the_window_writes(
    tmp_path: Path,
) -> None:
    import threading

    from groupkeeper.storage.vault import Vault

    vault, _ = Vault.create(tmp_path / "vault", "a long enough passphrase")
    other = _store(tmp_path / "other")
    try:
        store = Store(lambda: vault.db, vault.folder)
        group = store.groups.add(Group(name="Circle"))
        people = [
            store.members.add(Member(display_name=f"P{i}", group_ids=[group.id or 0]))
            for i in range(20)
        ]
        meeting = store.meetings.start(group.id or 0, "2026-11-24")
        shared = tmp_path / "shared"
        code = _service(store).share_group(group.id or 0, shared, tmp_path / "inv").code
        gid_other = _service(other).join(tmp_path / "inv", code, shared)
        errors: list[BaseException] = []
        gui_thread_db = vault.db

        def background() -> None:
            try:
                with vault.thread_connection(write=True) as db:
                    assert db is not gui_thread_db
                    for _ in range(5):
                        _service(Store(lambda: vault.db, vault.folder)).sync_once()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        worker = threading.Thread(target=background)
        worker.start()
        for person in people:  # the window keeps checking people in meanwhile
            perform(
                store, ops.attendance.check_in(meeting_id=meeting.id, pseudonym=person.pseudonym)
            )
        worker.join(timeout=120)
        assert not worker.is_alive() and errors == []
        _service(store).sync_once()
        _service(other).sync_once()
        (meeting_other,) = other.meetings.recent(gid_other)
        assert sorted(other.meetings.present(meeting_other.id or 0)) == sorted(
            p.pseudonym for p in people
        )
    finally:
        vault.lock()
        other.db.close()


def test_removing_a_laptop_cuts_it_off_from_what_comes_next(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    c = _store(tmp_path / "c")
    try:
        group = a.groups.add(Group(name="Tuesday circle"))
        gid_a = group.id or 0
        code = _service(a).share_group(gid_a, shared, tmp_path / "inv").code
        gid_b = _service(b).join(tmp_path / "inv", code, shared)
        code_c = _service(a).new_invitation(gid_a, tmp_path / "inv-c").code  # one per laptop
        gid_c = _service(c).join(tmp_path / "inv-c", code_c, shared)
        perform(c, ops.sync.set_laptop_name(name="Lost laptop"))
        a.members.add(Member(display_name="Before", group_ids=[gid_a]))
        for s in (a, b, c, a, b, c):
            _service(s).sync_once()
        assert [m.display_name for m in c.members.all(gid_c)] == ["Before"]
        (lost,) = [lap for lap in _service(a).status()[0].laptops if lap.name == "Lost laptop"]
        perform(a, ops.sync.remove_laptop(group_id=gid_a, device_id=lost.device_id))
        with pytest.raises(LaptopNotRemovable):
            _service(a).remove_laptop(gid_a, lost.device_id)
        a.members.add(Member(display_name="After Planted", group_ids=[gid_a]))
        _service(a).sync_once()
        _service(b).sync_once()
        assert sorted(m.display_name for m in b.members.all(gid_b)) == ["After Planted", "Before"]
        c_summary = _service(c).sync_once()
        assert [m.display_name for m in c.members.all(gid_c)] == ["Before"]
        assert c_summary.refused and _service(c).status()[0].removed_here
        # C's new changes are refused by the others.
        c.members.add(Member(display_name="From the lost laptop", group_ids=[gid_c]))
        _service(c).sync_once()
        refused = _service(b).sync_once().refused
        assert "removed-laptop" in {r.reason for r in refused}
        assert "From the lost laptop" not in [m.display_name for m in b.members.all()]
        assert [lap.name for lap in _service(b).status()[0].laptops] == [""]  # only A left
    finally:
        c.db.close()


def test_moods_and_anonymous_tallies_travel_and_a_take_back_wins(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, shared = pair
    gid_a, gid_b = _shared_pair(a, b, shared, tmp_path)
    ana = a.members.add(Member(display_name="Ana", group_ids=[gid_a]))
    ben = a.members.add(Member(display_name="Ben", group_ids=[gid_a]))
    ma = a.meetings.start(gid_a, "2026-11-30")
    _service(a).sync_once()
    _service(b).sync_once()
    mb = b.meetings.open_meeting(gid_b)  # the meeting opened on A shows on B, open
    assert mb is not None and mb.date == "2026-11-30"
    perform(
        a,
        ops.moods.record(
            meeting_id=ma.id,
            round="opening",
            pseudonym=ana.pseudonym,
            score=4,
            feeling_word="tired",
        ),
    )
    perform(b, ops.moods.pass_(meeting_id=mb.id, round="opening", pseudonym=ben.pseudonym))
    perform(a, ops.moods.add_tally(meeting_id=ma.id, round="closing", score=5))
    perform(b, ops.moods.add_tally(meeting_id=mb.id, round="closing", score=5))
    perform(b, ops.moods.add_tally(meeting_id=mb.id, round="closing", score=2))
    for _ in range(2):
        _service(a).sync_once()
        _service(b).sync_once()

    def moods(store: Store, meeting_id: int) -> list[tuple[object, ...]]:
        return sorted(
            (m.round, m.pseudonym or "", m.score or -1, m.passed, m.feeling_word)
            for m in store.moods.for_meeting(meeting_id)
        )

    expected = [
        ("closing", "", 2, False, ""),
        ("closing", "", 5, False, ""),
        ("closing", "", 5, False, ""),
        ("opening", ana.pseudonym, 4, False, "tired"),
        ("opening", ben.pseudonym, -1, True, ""),
    ]
    assert moods(a, ma.id or 0) == moods(b, mb.id or 0) == sorted(expected)
    assert len(a.meetings.recent(gid_a)) == len(b.meetings.recent(gid_b)) == 1
    # Taking an answer back on B removes it on A too; a changed answer replaces it.
    perform(b, ops.moods.clear(meeting_id=mb.id, round="opening", pseudonym=ana.pseudonym))
    perform(a, ops.moods.undo_tally(meeting_id=ma.id, round="closing", score=2))
    perform(
        a, ops.moods.record(meeting_id=ma.id, round="opening", pseudonym=ben.pseudonym, score=3)
    )
    for _ in range(2):
        _service(b).sync_once()
        _service(a).sync_once()
    expected = [
        ("closing", "", 5, False, ""),
        ("closing", "", 5, False, ""),
        ("opening", ben.pseudonym, 3, False, ""),
    ]
    assert moods(a, ma.id or 0) == moods(b, mb.id or 0) == sorted(expected)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_three_vaults_converge_whatever_the_order(tmp_path: Path, seed: int) -> None:
    """Random check-ins, apologies, undos, counts, edits, moods, goals, reviews, skill
    shares, wellbeing answers, group settings, discards and a forget on three vaults,
    synced in a random order: afterwards all three tables agree."""
    import random

    rng = random.Random(seed)
    stores = [_store(tmp_path / f"v{i}") for i in range(3)]
    try:
        a = stores[0]
        group = a.groups.add(Group(name="Circle", wellbeing_scale="who5"))
        people = [
            a.members.add(Member(display_name=f"N{i}", group_ids=[group.id or 0])) for i in range(6)
        ]
        code = _service(a).share_group(group.id or 0, tmp_path / "shared", tmp_path / "inv").code
        gids = [
            group.id or 0,
            _service(stores[1]).join(tmp_path / "inv", code, tmp_path / "shared"),
        ]
        # Each invitation lets one laptop in: the third gets its own, from the second.
        code = _service(stores[1]).new_invitation(gids[1], tmp_path / "inv2").code
        gids.append(_service(stores[2]).join(tmp_path / "inv2", code, tmp_path / "shared"))
        for s in stores * 2:
            _service(s).sync_once()
        dates = ["2026-11-03", "2026-11-10"]
        for step in range(60):
            i = rng.randrange(3)
            store, gid = stores[i], gids[i]
            day = rng.choice(dates)
            meeting = next(iter(store.meetings.on_date(gid, day)), None) or store.meetings.start(
                gid, day
            )
            p = rng.choice(people).pseudonym
            if store.members.by_pseudonym(p) is None:
                continue
            action = rng.randrange(13)
            if action == 0:
                perform(store, ops.attendance.check_in(meeting_id=meeting.id, pseudonym=p))
            elif action == 1:
                perform(store, ops.attendance.send_apologies(meeting_id=meeting.id, pseudonym=p))
            elif action == 2:
                perform(store, ops.attendance.undo(meeting_id=meeting.id, pseudonym=p))
            elif action == 3:
                perform(
                    store,
                    ops.meetings.change_walk_ins(
                        meeting_id=meeting.id, delta=rng.choice([1, 1, -1])
                    ),
                )
            elif action == 4:
                member = store.members.by_pseudonym(p)
                assert member is not None
                perform(store, ops.members.update(member_id=member.id, fields={"phone": f"{step}"}))
            elif action == 5:
                perform(
                    store,
                    ops.moods.record(
                        meeting_id=meeting.id, round="opening", pseudonym=p, score=rng.randint(1, 5)
                    ),
                )
            elif action == 7:
                text = f"goal {step}"
                perform(store, ops.goals.set_goal(meeting_id=meeting.id, pseudonym=p, text=text))
            elif action == 8:
                for goal in store.goals.open_for([p], meeting.id)[:1]:
                    outcome = rng.choice(["done", "partly", None])
                    perform(
                        store,
                        ops.goals.review(meeting_id=meeting.id, goal_id=goal.id, outcome=outcome),
                    )
            elif action == 9:
                skill = store.skills.skills()[step % 3]
                perform(
                    store, ops.skills.share(meeting_id=meeting.id, skill_id=skill.id, pseudonym=p)
                )
            elif action == 10:
                answers = [rng.randint(0, 5) for _ in range(5)]
                perform(
                    store,
                    ops.meetings.record_wellbeing(
                        meeting_id=meeting.id, pseudonym=p, answers=answers
                    ),
                )
            elif action == 11:
                fields = {"crisis_resources": f"Call {step}"}
                perform(store, ops.groups.update(group_id=gid, fields=fields))
            elif action == 12 and meeting.state.value == "open" and rng.random() < 0.3:
                perform(store, ops.meetings.discard(meeting_id=meeting.id))
            elif step > 40 and rng.random() < 0.3:
                member = store.members.by_pseudonym(p)
                assert member is not None
                perform(store, ops.members.forget(member_id=member.id))
            if rng.random() < 0.4:
                _service(rng.choice(stores)).sync_once()
        for _ in range(3):
            for s in stores:
                _service(s).sync_once()

        def snapshot(store: Store, gid: int) -> object:
            names = {x.id: x.name for x in store.skills.skills()}
            meetings = {}
            for m in store.meetings.recent(gid):
                meetings[m.date] = (
                    sorted(
                        (x.pseudonym, x.status.value) for x in store.meetings.attendance(m.id or 0)
                    ),
                    m.walk_ins,
                    sorted(
                        (x.pseudonym or "", x.score or 0)
                        for x in store.moods.for_meeting(m.id or 0)
                    ),
                    sorted(
                        (g.pseudonym, g.text or "", str(g.outcome or ""))
                        for g in store.goals.set_in(m.id or 0)
                    ),
                    sorted(
                        (g.pseudonym, str(g.outcome or ""))
                        for g in store.goals.reviewed_in(m.id or 0)
                    ),
                    sorted(
                        (x.pseudonym or "", names[x.skill_id])
                        for x in store.skills.shares(m.id or 0)
                    ),
                    sorted(
                        (x.pseudonym or "", x.answers)
                        for x in store.wellbeing.for_meeting(m.id or 0)
                    ),
                )
            members = sorted((m.pseudonym, m.display_name, m.phone) for m in store.members.all(gid))
            group = store.groups.get(gid)
            return meetings, members, (group.crisis_resources, group.wellbeing_scale)

        first = snapshot(stores[0], gids[0])
        meetings_seen, members_seen, _ = first  # type: ignore[misc]
        assert meetings_seen and any(parts[0] for parts in meetings_seen.values())
        assert members_seen
        assert all(snapshot(s, g) == first for s, g in zip(stores[1:], gids[1:], strict=True))
        conflicts = [len(_service(s).conflicts(g)) for s, g in zip(stores, gids, strict=True)]
        assert len(set(conflicts)) == 1
    finally:
        for s in stores:
            s.db.close()

"""Sync bookkeeping in the vault: stable ids (migration 7), the device key, replica state."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from groupkeeper.model import Group, Member
from groupkeeper.storage.repos import Store
from groupkeeper.storage.sync import SyncRepo
from groupkeeper.storage.vault import Vault
from groupkeeper.sync import changefile
from groupkeeper.sync.identity import DeviceIdentity
from groupkeeper.sync.replica import Replica

FIXTURE = Path(__file__).with_name("fixtures") / "vault_v1"
FIXTURE_PASSPHRASE = "fixture-v1-passphrase"
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_an_old_vault_gets_stable_ids_and_keeps_what_it_holds(tmp_path: Path) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURE, folder)
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        store = Store(vault.db, folder)
        sync = SyncRepo(store)
        members = store.members.all()
        assert {m.display_name for m in members} == {"Fixture Ana", "Fixture Ben"}
        ids = {sync.uuid_of("members", m.id or 0) for m in members}
        assert len(ids) == 2 and all(UUID4.match(i) for i in ids)
        (group,) = store.groups.all()
        group_uuid = sync.uuid_of("groups", group.id or 0)
        assert UUID4.match(group_uuid) and sync.id_of("groups", group_uuid) == group.id
        for meeting in store.meetings.recent(group.id or 0):
            assert UUID4.match(sync.uuid_of("meetings", meeting.id or 0))
        assert vault.check() == []


def test_new_records_get_their_own_ids(store: Store) -> None:
    sync = SyncRepo(store)
    group = store.groups.add(Group(name="Tuesday"))
    a = store.members.add(Member(display_name="Ana", group_ids=[group.id or 0]))
    b = store.members.add(Member(display_name="Ben", group_ids=[group.id or 0]))
    ua, ub = sync.uuid_of("members", a.id or 0), sync.uuid_of("members", b.id or 0)
    assert ua != ub and UUID4.match(ua) and UUID4.match(ub)
    assert sync.id_of("members", ua) == a.id and sync.id_of("members", "nope") is None


def test_device_key_and_replica_state_survive_a_restart(store: Store, tmp_path: Path) -> None:
    sync = SyncRepo(store)
    assert sync.device_key() is None
    me = DeviceIdentity(sync.ensure_device_key(DeviceIdentity.generate().private_key))
    assert sync.ensure_device_key(DeviceIdentity.generate().private_key) == me.private_key
    shared = tmp_path / "shared"
    key = changefile.new_key()
    other = Replica(DeviceIdentity.generate(), "group-saved", key)
    mine = Replica(me, "group-saved", key)
    member = mine.add_member({"display_name": "Ottoline", "pseudonym": "calm-otter"})
    mine.mark("2026-01-06#1", "calm-otter", "present")
    mine.flush(shared)
    mine.count("2026-01-06#1", "walk_ins", 2)  # pending, not written yet
    sync.save_group("group-saved", None, str(shared), mine.to_data())

    reopened = Replica.from_data(me, sync.group("group-saved").data)
    assert reopened.dump() == mine.dump()
    assert reopened.last_stamp() == mine.last_stamp()
    other.pull(shared)
    other.set_field(member, "phone", "0100")
    other.flush(shared)
    reopened.pull(shared)
    report = reopened.flush(shared)
    # Continues its own numbering; the keyring is rewritten to publish what it applied.
    assert report.written == ["00000002.gkops", "keyring.gkkeys"]
    other.pull(shared)
    assert other.dump() == reopened.dump()
    assert other.state.counter("2026-01-06#1", "walk_ins") == 2
    assert [g.group_uuid for g in sync.groups()] == ["group-saved"]


def test_goals_skill_shares_and_wellbeing_answers_get_stable_ids(tmp_path: Path) -> None:
    """Migration 9: rows an old vault holds get ids, new rows get their own."""
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURE, folder)
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        store = Store(vault.db, folder)
        sync = SyncRepo(store)
        (group,) = store.groups.all()
        meeting = store.meetings.start(group.id or 0, "2026-11-30")
        pseudonym = store.members.all()[0].pseudonym
        store.goals.set(pseudonym, "Rest", meeting.id)
        store.skills.share(meeting.id or 0, store.skills.skills()[0].id or 0, None)
        for table in ("goals", "skill_shares", "wellbeing_responses"):
            rows = vault.db.execute(f"SELECT id, uuid FROM {table}").fetchall()  # noqa: S608
            for row_id, uuid in rows:
                assert UUID4.match(uuid) and sync.id_of(table, uuid) == row_id
        records = sync.records_of(group.id or 0)
        assert {r["kind"] for r in records.values()} >= {"goal", "skill_share"}
        assert vault.check() == []

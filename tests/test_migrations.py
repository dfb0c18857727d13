"""Migrations: from an empty folder, from the committed v1 fixture, and never on a newer vault."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from groupkeeper.model import GoalOutcome
from groupkeeper.storage import _sqlcipher, keyheader, schema
from groupkeeper.storage.errors import VaultTooNew
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import KEY_HEADER, Vault, _key_connection

FIXTURE = Path(__file__).with_name("fixtures") / "vault_v1"
FIXTURE_PASSPHRASE = "fixture-v1-passphrase"
PASSPHRASE = "migration passphrase"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_migrate_from_empty(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE)
    with vault:
        db = vault.db
        assert schema.user_version(db) == schema.SCHEMA_VERSION
        assert not schema.needs_migration(db)
        assert {"groups", "members", "meetings", "attendance", "goals"} <= set(db.table_names())
        assert len(Store(db, vault.folder).skills.skills()) >= 25  # starter library seeded
        assert vault.check() == []
    # A brand-new vault has nothing to lose: no pre-migration backup is written.
    assert not (tmp_path / "v" / "backups").exists()


def test_migrate_raw_database_twice_is_a_no_op(tmp_path: Path) -> None:
    conn = _sqlcipher.connect(str(tmp_path / "raw.db"))
    conn.execute("PRAGMA key = \"x'" + "33" * 32 + "'\"")
    db = _sqlcipher.Database(conn)
    try:
        assert schema.migrate(db) == schema.SCHEMA_VERSION
        tables = db.table_names()
        assert schema.migrate(db) == schema.SCHEMA_VERSION
        assert db.table_names() == tables
    finally:
        db.close()


def test_v1_fixture_opens_migrates_and_keeps_its_data(tmp_path: Path) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURE, folder)
    assert not (FIXTURE / "backups").exists()
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault:
        db = vault.db
        assert schema.user_version(db) == schema.SCHEMA_VERSION > 1
        assert vault.check() == []
        store = Store(db, folder)
        (group,) = store.groups.all()
        assert group.name == "Fixture Tuesday Circle"
        members = {m.display_name: m for m in store.members.all()}
        assert set(members) == {"Fixture Ana", "Fixture Ben"}
        assert members["Fixture Ana"].phone == "01632 960001"
        meetings = store.meetings.recent(group.id)
        assert [m.date for m in meetings] == ["2026-11-17", "2026-11-10"]
        first = meetings[1]
        assert first.id is not None
        assert set(store.meetings.present(first.id)) == {
            members["Fixture Ana"].pseudonym,
            members["Fixture Ben"].pseudonym,
        }
        (mood,) = store.moods.for_meeting(first.id)
        assert mood.score == 4
        (goal,) = store.goals.for_pseudonym(members["Fixture Ana"].pseudonym)
        assert (goal.text, goal.outcome) == ("Fixture goal: a walk", GoalOutcome.DONE)
        assert store.skills.skills()  # the starter library came with the migration
    # The migration ran only after an automatic backup of the v1 vault.
    backups = list((folder / "backups").glob("pre-migration-*.gkbackup"))
    assert len(backups) == 1


def test_v1_fixture_is_really_version_1(tmp_path: Path) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURE, folder)  # even reading a WAL database leaves files beside it
    header = keyheader.read_header(folder / KEY_HEADER)
    key = header.unwrap(keyheader.PASSPHRASE_SLOT, keyheader.passphrase_secret(FIXTURE_PASSPHRASE))
    conn = _sqlcipher.connect(str(folder / "vault.db"))
    try:
        _key_connection(conn, key, header.vault_id)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()
    assert sorted(p.name for p in FIXTURE.iterdir()) == ["vault.db", "vault.key"]


def test_newer_vault_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    vault, _ = Vault.create(folder, PASSPHRASE)
    vault.lock()
    header = keyheader.read_header(folder / KEY_HEADER)
    key = header.unwrap(keyheader.PASSPHRASE_SLOT, keyheader.passphrase_secret(PASSPHRASE))
    conn = _sqlcipher.connect(str(folder / "vault.db"))
    try:
        _key_connection(conn, key, header.vault_id)
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1:d}")
        conn.commit()
    finally:
        conn.close()
    before = _snapshot(folder)
    with pytest.raises(VaultTooNew) as caught:
        Vault.unlock(folder, PASSPHRASE)
    assert "newer version" in str(caught.value)
    assert _snapshot(folder) == before
    assert not (folder / "backups").exists()

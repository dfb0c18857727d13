"""Vault life cycle: create, unlock, lock, recovery, passphrase changes, revoke, pragmas."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from groupkeeper.storage import backup, keyheader, schema
from groupkeeper.storage import vault as vault_module
from groupkeeper.storage._sqlcipher import Migrations
from groupkeeper.storage.errors import (
    InvalidInput,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)
from groupkeeper.storage.vault import KEY_HEADER, PENDING_KEY_HEADER, VAULT_DB, Vault

PASS = "correct horse battery"
NEW_PASS = "a brand new passphrase"
MARKER = "Zebediah Quillfeather"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def created(folder: Path) -> Iterator[tuple[Vault, str]]:
    vault, recovery = Vault.create(folder, PASS)
    vault.db.table("groups").insert({"name": MARKER, "created_at": "2026-11-01"})
    yield vault, recovery
    vault.lock()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr(vault_module, "_sleep", waited.append)
    return waited


def _names(vault: Vault) -> list[str]:
    return [row["name"] for row in vault.db["groups"].rows]


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_create_unlock_lock(created: tuple[Vault, str], folder: Path) -> None:
    vault, recovery = created
    assert Vault.exists(folder)
    assert not vault.is_locked
    assert vault.folder == folder
    assert vault.check() == []
    vault.lock()
    vault.lock()  # idempotent
    assert vault.is_locked
    with pytest.raises(VaultLocked):
        vault.db  # noqa: B018
    with Vault.unlock(folder, PASS) as again:
        assert _names(again) == [MARKER]
    assert again.is_locked


def test_lock_zeroes_the_key(created: tuple[Vault, str]) -> None:
    vault, _ = created
    key = vault._key
    assert key is not None and any(key)
    vault.lock()
    assert key == bytearray(len(key))


def test_unlock_with_recovery_key(created: tuple[Vault, str], folder: Path) -> None:
    vault, recovery = created
    vault.lock()
    typed = recovery.lower().replace("-", " ")
    with Vault.unlock_with_recovery_key(folder, typed) as again:
        assert _names(again) == [MARKER]


def test_create_refuses_existing_vault_and_short_passphrase(
    created: tuple[Vault, str], folder: Path, tmp_path: Path
) -> None:
    before = _bytes(folder)
    with pytest.raises(VaultExists):
        Vault.create(folder, PASS)
    assert _bytes(folder) == before
    with pytest.raises(InvalidInput):
        Vault.create(tmp_path / "other", "short")
    assert not Vault.exists(tmp_path / "other")


def test_unlock_without_vault(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(VaultNotFound):
        Vault.unlock(tmp_path / "empty", PASS)


def test_database_file_is_encrypted(created: tuple[Vault, str], folder: Path) -> None:
    vault, _ = created
    vault.lock()
    data = (folder / VAULT_DB).read_bytes()
    assert not data.startswith(b"SQLite format 3")
    for content in _bytes(folder).values():
        assert MARKER.encode() not in content
    # The salt is the vault id: the database is bound to its key header.
    header = keyheader.read_header(folder / KEY_HEADER)
    assert data[:16] == header.vault_id


def test_pragmas_on_an_open_vault(created: tuple[Vault, str]) -> None:
    vault, _ = created
    db = vault.db
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema.user_version(db) == schema.SCHEMA_VERSION


def test_kdf_params_reported(created: tuple[Vault, str]) -> None:
    vault, _ = created
    assert vault.kdf_params == {
        "name": "argon2id",
        "time_cost": 1,
        "memory_kib": 8192,
        "parallelism": 1,
    }


def test_change_passphrase_rewraps_only(created: tuple[Vault, str], folder: Path) -> None:
    vault, recovery = created
    vault.lock()
    db_before = (folder / VAULT_DB).read_bytes()
    header_before = (folder / KEY_HEADER).read_bytes()
    vault = Vault.unlock(folder, PASS)
    vault.change_passphrase(NEW_PASS)
    vault.lock()
    assert (folder / VAULT_DB).read_bytes() == db_before
    assert (folder / KEY_HEADER).read_bytes() != header_before
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASS)
    with Vault.unlock(folder, NEW_PASS) as again:
        assert _names(again) == [MARKER]
    with Vault.unlock_with_recovery_key(folder, recovery) as again:
        assert _names(again) == [MARKER]


def test_change_passphrase_refuses_short(created: tuple[Vault, str]) -> None:
    vault, _ = created
    with pytest.raises(InvalidInput):
        vault.change_passphrase("1234567")


def test_new_recovery_key(created: tuple[Vault, str], folder: Path) -> None:
    vault, old_recovery = created
    new_recovery = vault.new_recovery_key()
    assert new_recovery != old_recovery
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery_key(folder, old_recovery)
    with Vault.unlock_with_recovery_key(folder, new_recovery) as again:
        assert _names(again) == [MARKER]
    with Vault.unlock(folder, PASS) as again:
        assert _names(again) == [MARKER]


def test_revoke_access(created: tuple[Vault, str], folder: Path, tmp_path: Path) -> None:
    vault, old_recovery = created
    old_backup = backup.write_backup(vault, tmp_path / "before.gkbackup")
    old_key = bytes(vault._key or b"")
    new_recovery = vault.revoke_access(NEW_PASS, backup_dir=tmp_path / "fresh")
    assert bytes(vault._key or b"") != old_key
    assert _names(vault) == [MARKER]
    fresh = list((tmp_path / "fresh").glob("*.gkbackup"))
    assert len(fresh) == 1
    vault.lock()
    assert not (folder / PENDING_KEY_HEADER).exists()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASS)
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery_key(folder, old_recovery)
    with Vault.unlock(folder, NEW_PASS) as again:
        assert _names(again) == [MARKER]
        assert again.check() == []
    with Vault.unlock_with_recovery_key(folder, new_recovery) as again:
        assert _names(again) == [MARKER]
    # Old backups hold the old data key: they still open with the old passphrase.
    backup.verify_backup(old_backup, passphrase=PASS)
    with pytest.raises(WrongPassphrase):
        backup.verify_backup(old_backup, passphrase=NEW_PASS)
    backup.verify_backup(fresh[0], passphrase=NEW_PASS)


def test_revoke_interrupted_after_rekey_is_finished_by_unlock(
    created: tuple[Vault, str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = created
    real_replace = os.replace

    def crash(src: str | Path, dst: str | Path) -> None:
        if str(src).endswith(PENDING_KEY_HEADER):
            raise KeyboardInterrupt  # the process dies between rekey and rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        vault.revoke_access(NEW_PASS)
    monkeypatch.setattr(os, "replace", real_replace)
    assert _names(vault) == [MARKER]  # the open vault keeps working on the new key
    vault.lock()
    assert (folder / PENDING_KEY_HEADER).exists()
    with pytest.raises(WrongPassphrase, match="revoked"):
        Vault.unlock(folder, PASS)
    with Vault.unlock(folder, NEW_PASS) as again:
        assert _names(again) == [MARKER]
    assert not (folder / PENDING_KEY_HEADER).exists()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASS)


def test_revoke_interrupted_before_rekey_is_voided_by_unlock(
    created: tuple[Vault, str], folder: Path
) -> None:
    vault, _ = created
    vault_id = keyheader.read_header(folder / KEY_HEADER).vault_id
    vault.lock()
    # The process died after writing the pending header, before the rekey.
    stray = keyheader.create_header(
        keyheader.new_data_key(), NEW_PASS, b"r" * 20, vault_id=vault_id
    )
    keyheader.write_header(folder / PENDING_KEY_HEADER, stray)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, NEW_PASS)
    with Vault.unlock(folder, PASS) as again:
        assert _names(again) == [MARKER]
    assert not (folder / PENDING_KEY_HEADER).exists()


def test_wrong_passphrase_delay_grows_and_file_untouched(
    created: tuple[Vault, str], folder: Path, sleeps: list[float]
) -> None:
    vault, _ = created
    vault.lock()
    before = _bytes(folder)
    waits = []
    for _ in range(6):
        with pytest.raises(WrongPassphrase) as caught:
            Vault.unlock(folder, "wrong passphrase")
        waits.append(caught.value.wait_seconds)
    assert waits == [0, 1, 2, 4, 8, 16]
    assert sleeps == [1, 2, 4, 8]  # each try waited what the previous failure announced
    assert _bytes(folder) == before
    with Vault.unlock(folder, PASS):
        assert sleeps[-1] == 16
    sleeps.clear()
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock(folder, "wrong again")
    assert sleeps == [] and caught.value.wait_seconds == 0  # success reset the count


def test_delay_is_capped_and_per_folder(
    created: tuple[Vault, str], folder: Path, tmp_path: Path, sleeps: list[float]
) -> None:
    created[0].lock()
    for _ in range(12):
        with pytest.raises(WrongPassphrase):
            Vault.unlock_with_recovery_key(folder, "not a key at all")
    assert max(sleeps) == vault_module.MAX_DELAY_SECONDS == 30
    assert vault_module.delay_before_next_attempt(tmp_path / "elsewhere") == 0


def test_pre_migration_backup_is_taken_before_migrating(
    created: tuple[Vault, str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = created
    vault.lock()
    order: list[str] = []

    def m999_test_only(db: object) -> None:
        order.append("migrated")
        assert list((folder / "backups").glob("pre-migration-*.gkbackup"))
        db.execute("CREATE TABLE test_only (x)")  # type: ignore[attr-defined]

    extra = Migrations._Migration("m999_test_only", m999_test_only)
    monkeypatch.setattr(schema.migrations, "_migrations", [*schema.migrations._migrations, extra])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with Vault.unlock(folder, PASS) as again:
        assert order == ["migrated"]
        assert again.db["test_only"].exists()
        assert schema.user_version(again.db) == schema.SCHEMA_VERSION
    made = list((folder / "backups").glob("pre-migration-*.gkbackup"))
    assert len(made) == 1
    assert backup.read_backup_header(made[0])["schema_version"] == schema.SCHEMA_VERSION - 1


def test_new_vault_takes_no_pre_migration_backup(created: tuple[Vault, str], folder: Path) -> None:
    assert not (folder / "backups").exists()


def test_check_reports_pending_migration(
    created: tuple[Vault, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = created
    monkeypatch.setattr(schema, "needs_migration", lambda db: True)
    assert vault.check() == ["migrations_pending"]

"""Damaged, foreign, newer and unreachable vaults: clear errors, files untouched."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from groupkeeper.storage import backup, keyheader, schema
from groupkeeper.storage._sqlcipher import OperationalError, dbapi2
from groupkeeper.storage.errors import (
    DiskFull,
    KdfTooWeak,
    ReadOnly,
    VaultCorrupt,
    VaultGone,
    VaultTooNew,
    WrongPassphrase,
)
from groupkeeper.storage.vault import KEY_HEADER, VAULT_DB, Vault

PASS = "correct horse battery"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A locked vault with a few pages of data."""
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, PASS)
    with vault:
        for i in range(200):
            vault.db.table("groups").insert({"name": f"Group {i}", "created_at": "2026-11-01"})
    return path


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x40]) + data[at + 1 :]


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated_half": lambda d: d[: len(d) // 2],
    "truncated_odd": lambda d: d[: len(d) // 2 + 100],
    "truncated_empty": lambda d: b"",
    "flipped_salt": lambda d: _flip(d, 3),
    "flipped_page1": lambda d: _flip(d, 2000),
    "flipped_later_page": lambda d: _flip(d, len(d) - 3000),
    "zeroed": lambda d: bytes(len(d)),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_database_is_corrupt_and_untouched(folder: Path, damage: str) -> None:
    db_path = folder / VAULT_DB
    db_path.write_bytes(DAMAGE[damage](db_path.read_bytes()))
    before = _bytes(folder)
    with pytest.raises(VaultCorrupt):
        Vault.unlock(folder, PASS)
    assert _bytes(folder) == before


def test_missing_database_is_corrupt(folder: Path) -> None:
    (folder / VAULT_DB).unlink()
    with pytest.raises(VaultCorrupt):
        Vault.unlock(folder, PASS)


def test_key_header_from_another_vault(folder: Path, tmp_path: Path) -> None:
    other, _ = Vault.create(tmp_path / "other", PASS)  # same passphrase on purpose
    other.lock()
    (folder / KEY_HEADER).write_bytes((tmp_path / "other" / KEY_HEADER).read_bytes())
    before = _bytes(folder)
    with pytest.raises(VaultCorrupt, match="does not match"):
        Vault.unlock(folder, PASS)
    assert _bytes(folder) == before


def test_unparseable_header(folder: Path) -> None:
    (folder / KEY_HEADER).write_bytes(b"{not json")
    with pytest.raises(VaultCorrupt):
        Vault.unlock(folder, PASS)


def test_newer_header_format(folder: Path) -> None:
    doc = json.loads((folder / KEY_HEADER).read_bytes())
    doc["version"] += 1
    (folder / KEY_HEADER).write_text(json.dumps(doc))
    with pytest.raises(VaultTooNew):
        Vault.unlock(folder, PASS)


def test_header_below_real_floor_refused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyheader, "_floor", keyheader.FLOOR)
    before = _bytes(folder)
    with pytest.raises(KdfTooWeak):
        Vault.unlock(folder, PASS)
    assert _bytes(folder) == before


def test_newer_schema_refused_untouched(folder: Path) -> None:
    with Vault.unlock(folder, PASS) as vault:
        vault.db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = _bytes(folder)
    with pytest.raises(VaultTooNew):
        Vault.unlock(folder, PASS)
    assert _bytes(folder) == before


def test_unknown_applied_migration_refused(folder: Path) -> None:
    with Vault.unlock(folder, PASS) as vault:
        vault.db.table("_sqlite_migrations").insert(
            {"migration_set": "groupkeeper", "name": "m900_future", "applied_at": "2030"}
        )
    before = _bytes(folder)
    with pytest.raises(VaultTooNew):
        Vault.unlock(folder, PASS)
    assert _bytes(folder) == before


def test_failed_unlock_opens_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from groupkeeper.storage import vault as vault_module

    def must_not_open(path: str) -> object:
        raise AssertionError("opened the database before the key unwrapped")

    monkeypatch.setattr(vault_module, "connect", must_not_open)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, "wrong passphrase")


# ---------------------------------------------------------------------------- OS faults


def _raise(code: int) -> Callable[..., None]:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("code", "error"),
    [(errno.EROFS, ReadOnly), (errno.ENOSPC, DiskFull), (errno.ENOENT, VaultGone)],
)
def test_change_passphrase_faults(
    folder: Path, monkeypatch: pytest.MonkeyPatch, code: int, error: type[Exception]
) -> None:
    with Vault.unlock(folder, PASS) as vault:
        before = _bytes(folder)
        monkeypatch.setattr(os, "replace", _raise(code))
        with pytest.raises(error):
            vault.change_passphrase("another passphrase")
        monkeypatch.undo()
        assert _bytes(folder) == before
    with Vault.unlock(folder, PASS):
        pass


@pytest.mark.parametrize(
    ("code", "error"),
    [(errno.EROFS, ReadOnly), (errno.ENOSPC, DiskFull), (errno.EIO, VaultGone)],
)
def test_backup_faults_leave_nothing_behind(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    error: type[Exception],
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    with Vault.unlock(folder, PASS) as vault:
        monkeypatch.setattr(os, "fsync", _raise(code))
        with pytest.raises(error):
            backup.write_backup(vault, stick / "b.gkbackup")
        monkeypatch.undo()
    assert list(stick.iterdir()) == []


def test_create_on_read_only_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", _raise(errno.EROFS))
    with pytest.raises(ReadOnly):
        Vault.create(tmp_path / "ro", PASS)
    monkeypatch.undo()
    assert not (tmp_path / "ro" / KEY_HEADER).exists()


def test_sqlite_disk_full_during_backup(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.unlock(folder, PASS) as vault:
        db = vault.db

        def full(sql: str, params: object = None) -> None:
            # As SQLite reports it: the result code says "full" (faults reads the code).
            exc = OperationalError("database or disk is full")
            exc.sqlite_errorcode = dbapi2.SQLITE_FULL  # type: ignore[attr-defined]
            raise exc

        monkeypatch.setattr(db, "execute", full)
        with pytest.raises(DiskFull):
            backup.write_backup(vault, tmp_path / "b.gkbackup")


# ---------------------------------------------------------------------------- vanishing


def test_folder_vanishes_and_comes_back(folder: Path, tmp_path: Path) -> None:
    away = tmp_path / "pulled"
    with Vault.unlock(folder, PASS) as vault:
        vault.db.table("groups").insert({"name": "Before", "created_at": "x"})
        folder.rename(away)
        with pytest.raises(VaultGone):
            vault.db  # noqa: B018
        with pytest.raises(VaultGone):
            vault.change_passphrase("another passphrase")
        with pytest.raises(VaultGone):
            vault.check()
        with pytest.raises(VaultGone):
            backup.write_backup(vault, tmp_path / "b.gkbackup")
        with pytest.raises(VaultGone):
            Vault.unlock(folder, PASS)
        away.rename(folder)
        # Back at the same path: the same vault object carries on.
        vault.db.table("groups").insert({"name": "After", "created_at": "x"})
        assert vault.check() == []
    with Vault.unlock(folder, PASS) as again:
        names = {row["name"] for row in again.db["groups"].rows}
    assert {"Before", "After", "Group 0", "Group 199"} <= names


def test_lock_while_gone_does_not_crash(folder: Path, tmp_path: Path) -> None:
    vault = Vault.unlock(folder, PASS)
    folder.rename(tmp_path / "pulled")
    vault.lock()
    assert vault.is_locked
    (tmp_path / "pulled").rename(folder)
    with Vault.unlock(folder, PASS) as again:
        assert again.db["groups"].count == 200

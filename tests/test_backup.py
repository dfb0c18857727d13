"""Encrypted backups: round trip, verification, damage, and rotation over a year."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from groupkeeper.storage import backup
from groupkeeper.storage.errors import BackupInvalid, InvalidInput, VaultExists, WrongPassphrase
from groupkeeper.storage.vault import KEY_HEADER, VAULT_DB, Vault

PASS = "correct horse battery"
MARKER = "Zebediah Quillfeather"


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[tuple[Vault, str]]:
    vault, recovery = Vault.create(tmp_path / "vault", PASS)
    vault.db.table("groups").insert({"name": MARKER, "created_at": "2026-11-01"})
    yield vault, recovery
    vault.lock()


def test_write_restore_verify_round_trip(opened: tuple[Vault, str], tmp_path: Path) -> None:
    vault, recovery = opened
    out = backup.write_backup(vault, tmp_path / "stick" / "mine.gkbackup")
    assert out.exists()
    assert [p.name for p in out.parent.iterdir()] == ["mine.gkbackup"]  # no temp files
    data = out.read_bytes()
    assert data.startswith(backup.MAGIC)
    assert MARKER.encode() not in data
    assert b"SQLite format 3" not in data
    info = backup.read_backup_header(out)
    assert info["format_version"] == 1
    assert info["kdf"]["name"] == "argon2id"
    assert info["vault_id"] == vault._header.vault_id.hex()

    restored = backup.restore_backup(out, tmp_path / "restored")
    assert sorted(p.name for p in restored.iterdir()) == [VAULT_DB, KEY_HEADER]
    with Vault.unlock(restored, PASS) as copy:
        assert [row["name"] for row in copy.db["groups"].rows] == [MARKER]
    backup.verify_backup(out, passphrase=PASS)
    backup.verify_backup(out, recovery_key=recovery)


def test_backup_is_a_snapshot(opened: tuple[Vault, str], tmp_path: Path) -> None:
    vault, _ = opened
    out = backup.write_backup(vault, tmp_path / "b.gkbackup")
    vault.db.table("groups").insert({"name": "Later", "created_at": "x"})
    restored = backup.restore_backup(out, tmp_path / "r")
    with Vault.unlock(restored, PASS) as copy:
        assert copy.db["groups"].count == 1


def test_verify_wrong_passphrase(opened: tuple[Vault, str], tmp_path: Path) -> None:
    out = backup.write_backup(opened[0], tmp_path / "b.gkbackup")
    with pytest.raises(WrongPassphrase):
        backup.verify_backup(out, passphrase="not the passphrase")
    with pytest.raises(InvalidInput):
        backup.verify_backup(out)


def test_restore_never_overwrites(opened: tuple[Vault, str], tmp_path: Path) -> None:
    vault, _ = opened
    out = backup.write_backup(vault, tmp_path / "b.gkbackup")
    before = (vault.folder / KEY_HEADER).read_bytes()
    with pytest.raises(VaultExists):
        backup.restore_backup(out, vault.folder)
    assert (vault.folder / KEY_HEADER).read_bytes() == before
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("keep me")
    with pytest.raises(VaultExists):
        backup.restore_backup(out, busy)
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("where", [10, 400, -5000, -1])
def test_damaged_backup_is_invalid(opened: tuple[Vault, str], tmp_path: Path, where: int) -> None:
    out = backup.write_backup(opened[0], tmp_path / "b.gkbackup")
    data = bytearray(out.read_bytes())
    data[where] ^= 0x01
    out.write_bytes(bytes(data))
    with pytest.raises(BackupInvalid):
        backup.restore_backup(out, tmp_path / "r")
    with pytest.raises(BackupInvalid):
        backup.verify_backup(out, passphrase=PASS)
    assert not (tmp_path / "r").exists()


def test_truncated_and_foreign_files_are_invalid(opened: tuple[Vault, str], tmp_path: Path) -> None:
    out = backup.write_backup(opened[0], tmp_path / "b.gkbackup")
    out.write_bytes(out.read_bytes()[:-100])
    with pytest.raises(BackupInvalid):
        backup.restore_backup(out, tmp_path / "r")
    other = tmp_path / "holiday.jpg"
    other.write_bytes(b"\xff\xd8\xff" + b"x" * 100)
    with pytest.raises(BackupInvalid):
        backup.read_backup_header(other)


def test_write_backup_will_not_clobber_a_foreign_file(
    opened: tuple[Vault, str], tmp_path: Path
) -> None:
    target = tmp_path / "thesis.gkbackup"
    target.write_text("years of work")
    with pytest.raises(InvalidInput):
        backup.write_backup(opened[0], target)
    assert target.read_text() == "years of work"
    mine = backup.write_backup(opened[0], tmp_path / "mine.gkbackup")
    backup.write_backup(opened[0], mine)  # replacing our own backup is fine
    backup.verify_backup(mine, passphrase=PASS)


# ---------------------------------------------------------------------------- rotation


def test_rotation_over_a_simulated_year(
    opened: tuple[Vault, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "auto"
    folder.mkdir()
    foreign = [
        "notes.txt",
        "groupkeeper-manual.gkbackup",
        "groupkeeper-auto-20261399-000000.gkbackup",  # not a real date: not ours
        "groupkeeper-auto-20260101-000000.gkbackup.bak",
        "Groupkeeper-auto-20260101-000000.gkbackup",
    ]
    for name in foreign:
        (folder / name).write_text("not a rotating backup")

    def fake_write(vault: Vault, out_file: Path) -> Path:
        out_file.write_bytes(b"GKBACKUP fake")
        return out_file

    monkeypatch.setattr(backup, "write_backup", fake_write)
    day = datetime(2026, 1, 1, 20, 0, 0)
    while day.year == 2026:
        written = backup.rotate_backups(opened[0], folder, day)
        assert written.exists()
        day += timedelta(days=1)
    kept = sorted(p.name for p in folder.iterdir() if p.name not in foreign)
    expected_days = [
        "20260731", "20260831", "20260930", "20261031", "20261130",  # monthly
        "20261213", "20261220",  # weekly (ISO weeks 50 and 51)
        "20261225", "20261226", "20261227", "20261228", "20261229", "20261230", "20261231",
    ]  # fmt: skip
    assert kept == [f"groupkeeper-auto-{d}-200000.gkbackup" for d in expected_days]
    for name in foreign:
        assert (folder / name).read_text() == "not a rotating backup"
    assert backup.last_backup_time(folder) == datetime(2026, 12, 31, 20, 0, 0)


def test_rotation_keeps_newest_of_the_day(opened: tuple[Vault, str], tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    morning = datetime(2026, 11, 23, 9, 0, 0)
    first = backup.rotate_backups(opened[0], folder, morning)
    second = backup.rotate_backups(opened[0], folder, morning + timedelta(hours=3))
    assert not first.exists()
    assert sorted(folder.iterdir()) == [second]
    backup.verify_backup(second, passphrase=PASS)


def test_rotation_after_a_long_gap_keeps_old_backups() -> None:
    stamps = [datetime(2025, 1, d) for d in range(1, 11)] + [datetime(2026, 11, 23)]
    keep = backup.backups_to_keep(stamps)
    assert datetime(2026, 11, 23) in keep
    assert len([s for s in keep if s.year == 2025]) == 6  # daily slots still count them


def test_last_backup_time(opened: tuple[Vault, str], tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    assert backup.last_backup_time(folder) is None
    folder.mkdir()
    (folder / "junk.gkbackup").write_text("not a backup")
    assert backup.last_backup_time(folder) is None
    backup.rotate_backups(opened[0], folder, datetime(2020, 5, 1, 8, 30, 0))
    assert backup.last_backup_time(folder) == datetime(2020, 5, 1, 8, 30, 0)
    backup.write_backup(opened[0], folder / "one-click.gkbackup")
    last = backup.last_backup_time(folder)
    assert last is not None and last > datetime(2020, 5, 1, 8, 30, 0)

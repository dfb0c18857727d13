"""Every file the app writes is owner-only (0600), every folder it makes 0700 (POSIX).

Tests run as root, which ignores modes for access, so they check the mode *bits* with
``stat``, under the common umask 022 (which would give 0644/0755 without our care).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from groupkeeper import export_csv, fileio, member_export
from groupkeeper.model import Member
from groupkeeper.settings import Settings
from groupkeeper.storage import backup
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import Vault
from groupkeeper.suppression import Cell, CellState, ReportTable

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private_tree(folder: Path) -> None:
    assert mode(folder) == 0o700, folder
    for path in folder.rglob("*"):
        want = 0o700 if path.is_dir() else 0o600
        assert mode(path) == want, (path, oct(mode(path)))


def test_create_makes_folder_database_wal_shm_and_header_private(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    try:
        Store(vault.db, folder).members.add(Member("Ana"))  # writes the WAL
        names = {p.name for p in folder.iterdir()}
        assert {"vault.db", "vault.db-wal", "vault.db-shm", "vault.key"} <= names
        assert_private_tree(folder)
        assert mode(tmp_path / "new") == 0o700  # a parent we created
    finally:
        vault.lock()
    assert_private_tree(folder)


def test_open_tightens_wide_modes_once(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    backup.write_backup(vault, folder / "backups" / "old.gkbackup")
    vault.lock()
    os.chmod(folder, 0o755)  # noqa: S103  (the wide mode an old vault had)
    for path in folder.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)  # noqa: S103
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert set(reopened.tightened) == {
            ".",
            "vault.db",
            "vault.key",
            "backups",
            os.path.join("backups", "old.gkbackup"),
        }
        assert_private_tree(folder)
    with Vault.unlock(folder, PASSPHRASE) as again:
        assert again.tightened == ()


def test_tightening_that_fails_does_not_stop_the_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE)[0].lock()
    os.chmod(folder / "vault.key", 0o644)

    def read_only_disk(path: object, mode: int) -> None:
        raise OSError(30, "Read-only file system")  # EROFS at the storage boundary

    monkeypatch.setattr(fileio.os, "chmod", read_only_disk)
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert reopened.tightened == ()
    assert mode(folder / "vault.key") == 0o644


def test_backup_and_restore_are_private(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        out = backup.write_backup(vault, tmp_path / "usb" / "backups" / "b.gkbackup")
    finally:
        vault.lock()
    assert mode(out) == 0o600
    assert mode(out.parent) == 0o700
    assert [p.name for p in out.parent.iterdir()] == ["b.gkbackup"]  # no snapshot left
    restored = backup.restore_backup(out, tmp_path / "restored")
    assert_private_tree(restored)
    with Vault.unlock(restored, PASSPHRASE) as reopened:
        assert reopened.tightened == ()
        assert_private_tree(restored)


def test_backup_snapshot_and_temp_file_are_private_while_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The encrypted snapshot SQLite writes and our temp file never exist as 0644."""
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    seen: dict[str, int] = {}
    real_replace = os.replace

    def watching_replace(src: str | Path, dst: str | Path) -> None:
        for p in Path(src).parent.iterdir():
            seen[p.name] = mode(p)
        real_replace(src, dst)

    monkeypatch.setattr(backup.os, "replace", watching_replace)
    try:
        backup.write_backup(vault, tmp_path / "b" / "x.gkbackup")
    finally:
        vault.lock()
    assert any(name.endswith(".snapshot") for name in seen)
    assert any(name.endswith(".tmp") for name in seen)
    assert set(seen.values()) == {0o600}


def test_atomic_write_replaces_a_wide_file_with_a_private_one(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("old")
    os.chmod(path, 0o664)
    fileio.atomic_write_bytes(path, b"new")
    assert mode(path) == 0o600 and path.read_bytes() == b"new"


def test_settings_file_and_folder_are_private(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "config" / "gk" / "settings.json")
    settings.set("theme", "high_contrast")
    assert mode(settings.path) == 0o600
    assert mode(settings.path.parent) == 0o700
    assert mode(settings.path.parent.parent) == 0o700


def test_csv_report_export_is_private(tmp_path: Path) -> None:
    table = ReportTable(
        "2025-01-01",
        "2025-03-31",
        5,
        False,
        (Cell("meetings", "held", "", CellState.SHOWN, 3),),
        (),
    )
    path = tmp_path / "r.csv"
    export_csv.write_csv(path, table, "Tuesday")
    assert mode(path) == 0o600


def test_member_export_is_private(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        store = Store(vault.db, vault.folder)
        member = store.members.add(Member("Ana"))
        assert member.id is not None
        out = member_export.write_export(store, member.id, tmp_path / "ana.txt", exported_on="x")
    finally:
        vault.lock()
    assert mode(out) == 0o600


def test_pdf_report_export_is_private(store: Store, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper import reports_export
    from groupkeeper.metrics import Period
    from groupkeeper.ui import report_pdf
    from tests.test_reports_export import TODAY, fill

    ids = fill(store)
    bundle = reports_export.build_report(
        store.db,
        (ids["group"],),
        Period.quarter(2026, 1),
        threshold=5,
        scope_label="C",
        today=TODAY,
    )
    path = tmp_path / "report.pdf"
    report_pdf.write_pdf(bundle, path)
    assert mode(path) == 0o600

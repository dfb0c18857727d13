"""Encrypted backups (``*.gkbackup``): write, inspect, verify, restore and rotate.

A backup is one file: a consistent snapshot of the *encrypted* database (SQLite's
``VACUUM INTO``, which under SQLCipher writes the copy with the same key and salt) and
the key header, so it still needs the passphrase or the recovery key. Layout::

    b"GKBACKUP" | version u16 | meta_len u32 | header_len u32 | db_len u64   (big-endian)
    meta (JSON, nothing personal) | key header | database | SHA-256 of all before

The snapshot goes to a hidden temp name in the destination folder, is assembled into
another temp name, fsynced and renamed, so a pulled stick never leaves a half backup
under the real name. Nothing decrypted is ever written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import struct
import tempfile
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from groupkeeper import __version__, fileio
from groupkeeper.storage import keyheader, schema
from groupkeeper.storage.errors import (
    BackupInvalid,
    FileProblem,
    InvalidInput,
    KnownError,
    VaultCorrupt,
    VaultExists,
    VaultTooNew,
)
from groupkeeper.storage.faults import guarded, guarded_file
from groupkeeper.storage.vault import KEY_HEADER, VAULT_DB, Vault

if TYPE_CHECKING:
    from collections.abc import Iterable

MAGIC = b"GKBACKUP"
BACKUP_VERSION = 1
SUFFIX = ".gkbackup"
_PREFIX = struct.Struct(">8sHIIQ")
_DIGEST_BYTES = 32
_CHUNK = 1 << 20

AUTO_PREFIX = "groupkeeper-auto-"
_AUTO_NAME = re.compile(r"^groupkeeper-auto-(\d{8})-(\d{6})\.gkbackup$")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 6


def _discard(path: Path) -> None:
    # Clean-up after a failure must not hide the failure itself.
    with suppress(OSError):
        path.unlink(missing_ok=True)


def write_backup(vault: Vault, out_file: Path) -> Path:
    """Write an encrypted backup of ``vault`` to ``out_file``.

    An existing backup of that name is replaced; any other existing file is refused.

    Raises:
        InvalidInput: ``out_file`` exists and is not a GroupKeeper backup.
        DiskFull, ReadOnly, VaultGone: the destination failed; nothing half-written stays.
    """
    out_file = Path(out_file)
    dest = out_file.parent
    db = vault.db
    token = secrets.token_hex(4)
    snapshot = dest / f".{out_file.name}.{token}.snapshot"
    tmp = dest / f".{out_file.name}.{token}.tmp"
    with guarded_file(out_file, writing=True, source=vault.folder):
        if out_file.is_dir():
            raise FileProblem(f"{out_file} is a folder; give a file name for the backup.")
        fileio.private_mkdir(dest)
        if out_file.exists() and not _looks_like_backup(out_file):
            raise InvalidInput("A file of that name exists and is not a backup; it was kept.")
        try:
            # An empty owner-only file for SQLite to fill: it would create a 0644 one.
            fileio.create_private_file(snapshot)
            with fileio.private_umask():
                db.execute("VACUUM INTO ?", [str(snapshot)])
            header_bytes = vault._key_header_bytes()
            db_len = snapshot.stat().st_size
            meta = {
                "app": "GroupKeeper",
                "app_version": __version__,
                "created_at": datetime.now().isoformat(timespec="seconds"),
                "vault_id": vault._header.vault_id.hex(),
                "schema_version": schema.user_version(db),
            }
            meta_bytes = json.dumps(meta, sort_keys=True).encode("utf-8")
            digest = hashlib.sha256()
            with os.fdopen(fileio.open_private(tmp), "wb") as out, open(snapshot, "rb") as src:
                for part in (
                    _PREFIX.pack(MAGIC, BACKUP_VERSION, len(meta_bytes), len(header_bytes), db_len),
                    meta_bytes,
                    header_bytes,
                ):
                    out.write(part)
                    digest.update(part)
                while chunk := src.read(_CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                out.write(digest.digest())
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, out_file)
            fileio.fsync_dir(dest)
        finally:
            _discard(snapshot)
            _discard(tmp)
    return out_file


def _looks_like_backup(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _read_prefix(data: bytes) -> tuple[int, int, int, int]:
    if len(data) < _PREFIX.size or data[: len(MAGIC)] != MAGIC:
        raise BackupInvalid()
    _magic, version, meta_len, header_len, db_len = _PREFIX.unpack_from(data)
    if version > BACKUP_VERSION:
        raise VaultTooNew()
    if version < 1:
        raise BackupInvalid()
    return version, meta_len, header_len, db_len


def _parse_meta(raw: bytes) -> dict[str, Any]:
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BackupInvalid() from None
    if not isinstance(meta, dict):
        raise BackupInvalid()
    return meta


def read_backup_header(path: Path) -> dict[str, Any]:
    """What a backup says about itself, without checking its contents.

    Returns:
        ``format_version``, ``created_at``, ``app_version``, ``vault_id``,
        ``schema_version``, ``db_bytes`` and ``kdf`` (nothing personal).

    Raises:
        BackupInvalid: not a backup or damaged. VaultTooNew: from a newer app.
    """
    with guarded_file(Path(path), writing=False), open(path, "rb") as handle:
        prefix = handle.read(_PREFIX.size)
        version, meta_len, header_len, db_len = _read_prefix(prefix)
        meta_raw = handle.read(meta_len)
        header_raw = handle.read(header_len)
    if len(meta_raw) != meta_len or len(header_raw) != header_len:
        raise BackupInvalid()
    meta = _parse_meta(meta_raw)
    header = _parse_header(header_raw)
    info = dict(meta)
    info.update(format_version=version, db_bytes=db_len, kdf=header.params.as_dict())
    return info


def _parse_header(raw: bytes) -> keyheader.KeyHeader:
    try:
        return keyheader.loads(raw)
    except VaultCorrupt:
        raise BackupInvalid() from None


def _read_backup(path: Path) -> tuple[dict[str, Any], bytes, bytes]:
    with guarded_file(Path(path), writing=False):
        data = Path(path).read_bytes()
    _version, meta_len, header_len, db_len = _read_prefix(data)
    body_len = _PREFIX.size + meta_len + header_len + db_len
    if len(data) != body_len + _DIGEST_BYTES:
        raise BackupInvalid()
    if hashlib.sha256(data[:body_len]).digest() != data[body_len:]:
        raise BackupInvalid()
    start = _PREFIX.size
    meta = _parse_meta(data[start : start + meta_len])
    start += meta_len
    header_raw = data[start : start + header_len]
    start += header_len
    return meta, header_raw, data[start : start + db_len]


def restore_backup(backup_file: Path, new_folder: Path) -> Path:
    """Restore a backup into ``new_folder`` (which must be empty or not exist yet).

    Never overwrites anything: the current vault stays untouched until the user
    switches to the restored one.

    Raises:
        BackupInvalid: damaged or not a backup. VaultExists: ``new_folder`` is not empty.
    """
    new_folder = Path(new_folder)
    _meta, header_raw, db_bytes = _read_backup(Path(backup_file))
    header = _parse_header(header_raw)
    if db_bytes[: len(header.vault_id)] != header.vault_id:
        raise BackupInvalid()
    with guarded_file(new_folder, writing=True):
        if new_folder.exists() and (not new_folder.is_dir() or any(new_folder.iterdir())):
            raise VaultExists()
        fileio.private_mkdir(new_folder)
        fileio.atomic_write_bytes(new_folder / VAULT_DB, db_bytes)
        # The key header last: until it exists the folder is not a vault.
        fileio.atomic_write_bytes(new_folder / KEY_HEADER, header_raw)
    return new_folder


def verify_backup(
    backup_file: Path,
    passphrase: keyheader.Passphrase | None = None,
    recovery_key: str | None = None,
) -> None:
    """Prove a backup restores and opens: restore to a temp folder, unlock, check, delete.

    Give exactly one of ``passphrase`` and ``recovery_key``.

    Raises:
        BackupInvalid: the backup is damaged. WrongPassphrase: the secret does not fit.
    """
    if (passphrase is None) == (recovery_key is None):
        raise InvalidInput("Give either the passphrase or the recovery key.")
    with tempfile.TemporaryDirectory(prefix="groupkeeper-verify-") as tmp:
        folder = restore_backup(Path(backup_file), Path(tmp) / "vault")
        try:
            if passphrase is not None:
                vault = Vault.unlock(folder, passphrase)
            else:
                assert recovery_key is not None
                vault = Vault.unlock_with_recovery_key(folder, recovery_key)
        except VaultCorrupt:
            raise BackupInvalid() from None
        try:
            problems = vault.check()
        finally:
            vault.lock()
    if problems:
        raise BackupInvalid(f"The backup failed its check ({', '.join(problems)}).")


# ---------------------------------------------------------------------------- rotation


def auto_backup_name(now: datetime) -> str:
    return f"{AUTO_PREFIX}{now:%Y%m%d-%H%M%S}{SUFFIX}"


def _auto_backups(folder: Path) -> list[tuple[datetime, Path]]:
    found: list[tuple[datetime, Path]] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _AUTO_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            stamp = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        except ValueError:
            continue  # looks like ours but is not a real date: not ours to delete
        found.append((stamp, path))
    return found


def backups_to_keep(stamps: Iterable[datetime]) -> set[datetime]:
    """Which automatic backups survive pruning.

    The newest backup of each of the 7 most recent days that have one, of each of the 4
    most recent ISO weeks, and of each of the 6 most recent months (as borg and restic
    count), so a laptop left unused for weeks still keeps its older backups.
    """
    ordered = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set()
    rules: list[tuple[int, Any]] = [
        (KEEP_DAILY, lambda d: d.date()),
        (KEEP_WEEKLY, lambda d: d.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda d: (d.year, d.month)),
    ]
    for count, period in rules:
        seen: set[date | tuple[int, ...]] = set()
        for stamp in ordered:
            bucket = period(stamp)
            if bucket in seen:
                continue
            if len(seen) == count:
                break
            seen.add(bucket)
            keep.add(stamp)
    return keep


def prune_backups(folder: Path) -> list[Path]:
    """Delete automatic backups that the rotation no longer keeps; return what was deleted.

    Only files named ``groupkeeper-auto-YYYYMMDD-HHMMSS.gkbackup`` are ever considered.
    """
    folder = Path(folder)
    with guarded(folder):
        backups = _auto_backups(folder)
        keep = backups_to_keep(stamp for stamp, _path in backups)
        deleted = []
        for stamp, path in backups:
            if stamp not in keep:
                path.unlink()
                deleted.append(path)
    return deleted


def rotate_backups(vault: Vault, folder: Path, now: datetime) -> Path:
    """Write ``groupkeeper-auto-<now>.gkbackup`` in ``folder``, then prune old ones."""
    written = write_backup(vault, Path(folder) / auto_backup_name(now))
    prune_backups(Path(folder))
    return written


def last_backup_time(folder: Path) -> datetime | None:
    """When the newest backup in ``folder`` was made (automatic or one-click), or None."""
    folder = Path(folder)
    times = [stamp for stamp, _path in _auto_backups(folder)]
    if folder.is_dir():
        for path in folder.glob(f"*{SUFFIX}"):
            if _AUTO_NAME.match(path.name):
                continue
            try:
                created = read_backup_header(path).get("created_at")
                times.append(datetime.fromisoformat(str(created)))
            except (KnownError, ValueError):
                continue  # an unreadable file says nothing about when we last backed up
    return max(times, default=None)


__all__ = [
    "auto_backup_name",
    "backups_to_keep",
    "last_backup_time",
    "prune_backups",
    "read_backup_header",
    "restore_backup",
    "rotate_backups",
    "verify_backup",
    "write_backup",
]

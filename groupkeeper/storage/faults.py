"""The storage boundary for faults: turn OS and SQLite failures into known errors.

Every write path in ``storage`` runs inside ``guarded(folder)``. An ``OSError`` with
``ENOSPC``/``EDQUOT`` becomes ``DiskFull``, ``EROFS``/``EACCES``/``EPERM`` becomes
``ReadOnly``, and a vanished folder (``ENOENT``, ``EIO``, ``ENODEV``, or SQLite's I/O
errors while the folder is gone) becomes ``VaultGone``. SQLite's own errors map the same
way by their result code (``SQLITE_FULL``, ``SQLITE_READONLY``, ``SQLITE_IOERR``,
``SQLITE_CANTOPEN``; ``SQLITE_BUSY`` is ``VaultBusy``), never by message text. Tests
inject faults here as ``OSError``s, because CI runs as root and root ignores ``chmod``.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from groupkeeper.storage._sqlcipher import DatabaseError, dbapi2
from groupkeeper.storage.errors import (
    DiskFull,
    KnownError,
    ReadOnly,
    VaultBusy,
    VaultGone,
    file_problem,
)

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE}
# SQLite primary result codes (sqlite3.h) and the known error each one means here.
_BY_SQLITE_CODE: dict[int, Callable[[], KnownError]] = {
    dbapi2.SQLITE_FULL: DiskFull,
    dbapi2.SQLITE_READONLY: ReadOnly,
    dbapi2.SQLITE_IOERR: VaultGone,
    dbapi2.SQLITE_CANTOPEN: VaultGone,
    # Another process (or a write outside the vault's turns) held the lock past the busy
    # timeout: the user is told to try again, not shown a crash.
    dbapi2.SQLITE_BUSY: VaultBusy,
}


def known_error_for_os(exc: OSError) -> KnownError | None:
    if exc.errno in _FULL:
        return DiskFull()
    if exc.errno in _READ_ONLY:
        return ReadOnly()
    if exc.errno in _GONE:
        return VaultGone()
    return None


def known_error_for_sqlite(exc: DatabaseError, folder: Path | None) -> KnownError | None:
    """The known error for a SQLite failure, by its result code (never its message text).

    SQLite's messages are for people and may change; ``sqlite_errorcode`` is the extended
    result code, whose low byte is the primary code (``SQLITE_IOERR_WRITE`` is an
    ``SQLITE_IOERR``). A vault folder that has vanished is ``VaultGone`` whatever the code.
    """
    if folder is not None and not folder.exists():
        return VaultGone()
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    return _BY_SQLITE_CODE.get(code & 0xFF, lambda: None)()


@contextmanager
def guarded(folder: Path | None = None) -> Iterator[None]:
    """Translate I/O failures inside the block into ``KnownError``s."""
    try:
        yield
    except KnownError:
        raise
    except OSError as exc:
        known = known_error_for_os(exc)
        if known is None:
            raise
        raise known from exc
    except DatabaseError as exc:
        known = known_error_for_sqlite(exc, folder)
        if known is None:
            raise
        raise known from exc


@contextmanager
def guarded_file(path: Path, *, writing: bool, source: Path | None = None) -> Iterator[None]:
    """Like ``guarded``, for a file the user named (a backup to write or read, an export).

    Sentences name that file, not "the vault folder". SQLite errors (``VACUUM INTO`` the
    destination) map the same way, unless the vault's own ``source`` folder is gone.
    """
    try:
        yield
    except KnownError:
        raise
    except OSError as exc:
        raise file_problem(exc, path, writing=writing) from exc
    except DatabaseError as exc:
        if source is not None and not source.is_dir():
            raise VaultGone() from exc
        known = known_error_for_sqlite(exc, None)
        if known is None:
            raise
        if isinstance(known, DiskFull):
            raise known from exc
        code = errno.EROFS if isinstance(known, ReadOnly) else errno.EIO
        raise file_problem(OSError(code, str(exc)), path, writing=writing) from exc

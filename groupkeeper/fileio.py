"""Private, crash-safe files: the one place that creates the app's files and folders.

Every file the app writes (key header, backups, settings, exports, temporary files) is
created here owner-only (``0600``) and every folder it makes owner-only (``0700``) on
POSIX, whatever the umask. SQLite creates the database and its ``-wal``/``-shm``/
``-journal`` companions itself; ``private_umask`` covers those (and SQLite gives a
companion the database file's own mode). On Windows ``chmod`` cannot express
"only me": there the app relies on the ACLs inherited from the user's profile folder
(see docs/PRIVACY.md).

No Qt and no crypto imports: the settings file is written before anything heavy loads.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

#: Mode of every file the app writes, and of every folder it creates (POSIX).
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_POSIX = os.name != "nt"
_umask_lock = threading.RLock()


@contextmanager
def private_umask() -> Iterator[None]:
    """Run the block with umask ``077``: files other code creates in it (SQLite's) are private.

    The umask is process-wide, so the change is serialised; another thread creating a file
    meanwhile can only get a *more* private mode, never a wider one.
    """
    if not _POSIX:
        yield
        return
    with _umask_lock:
        old = os.umask(0o077)
        try:
            yield
        finally:
            os.umask(old)


def private_mkdir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) owner-only; an existing folder is left as is.

    Parents we create are private too: nothing of ours should sit in a world-listable
    folder we made. A folder the user picked (a USB stick's root) keeps its mode.
    """
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    with private_umask():
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if _POSIX:
        for created in missing:
            with suppress(FileNotFoundError):
                os.chmod(created, PRIVATE_DIR)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and owner-only (it must not exist yet)."""
    os.close(open_private(path))


def open_private(path: Path) -> int:
    """Open a new file ``path`` for writing, owner-only; returns the descriptor."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    if _POSIX:
        try:
            os.fchmod(fd, PRIVATE_FILE)
        except BaseException:
            os.close(fd)
            raise
    return fd


def tighten(path: Path) -> bool:
    """Remove group/other access from ``path`` if it has any; True if it was changed.

    Missing files are not an error (a ``-shm`` may come and go).
    """
    if not _POSIX:
        return False
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return False
    if mode & 0o077 == 0:
        return False
    os.chmod(path, mode & ~0o077)
    return True


def is_read_only_folder(folder: Path) -> bool:
    """True if files cannot be created in ``folder`` (read-only mount or no permission).

    ``statvfs`` sees a read-only mount even for root (whom ``access`` always allows).
    """
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        try:
            if statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    return not os.access(folder, os.W_OK)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    The file is created owner-only (``0600``) whatever the umask, and an existing wider
    file is replaced by the private one.
    """
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        with os.fdopen(open_private(tmp), "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        # Best effort: the original error matters more than a leftover temp file.
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename == str(tmp):
            # Name the file the caller asked for, not our hidden temp name.
            raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders cannot be opened)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""The one place that joins SQLCipher to sqlite-utils.

sqlite-utils only recognises the exception classes of the stdlib ``sqlite3`` module or of
``pysqlite3``. SQLCipher connections from ``sqlcipher3`` raise their own classes, which
breaks sqlite-utils' fallbacks (``alter=True`` and friends). sqlite-utils prefers
``pysqlite3`` when it can import it, so we register ``sqlcipher3`` under that name *before*
sqlite-utils is imported anywhere. Every module in ``storage`` imports ``sqlite_utils`` and
the driver from here, never directly. This also works in the frozen PyInstaller bundle.
"""

from __future__ import annotations

import sys
import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlcipher3
import sqlcipher3.dbapi2

from groupkeeper.storage._lean_imports import lean_sqlite_utils_import
from groupkeeper.storage.errors import VaultBusy, VaultLocked

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlcipher3.dbapi2)
# sqlite-utils' plugin hook specs import the stdlib ``sqlite3`` for a type hint only. The
# Linux bundle leaves Python's sqlite3 and libsqlite3 out (build.spec): there that name
# gets the same SQLCipher driver too.
try:
    import sqlite3  # noqa: F401
except ImportError:
    sys.modules["sqlite3"] = sqlcipher3
    sys.modules["sqlite3.dbapi2"] = sqlcipher3.dbapi2

# Without numpy/pandas (18 MB), dateutil and click (3 MB), which only sqlite-utils'
# command line and recipes use: see ``_lean_imports`` (bench/bench_memory.py).
with lean_sqlite_utils_import():
    import sqlite_utils  # noqa: E402  (must follow the alias above)
    from sqlite_utils.migrations import Migrations  # noqa: E402

dbapi2 = sqlcipher3.dbapi2
DatabaseError = sqlcipher3.dbapi2.DatabaseError
OperationalError = sqlcipher3.dbapi2.OperationalError
IntegrityError = sqlcipher3.dbapi2.IntegrityError
Connection = sqlcipher3.dbapi2.Connection
Database = sqlite_utils.Database


def database(conn: Any) -> Database:
    """sqlite-utils' ``Database`` over ``conn``, without sqlite-utils plugins.

    By default sqlite-utils looks up every installed package's ``sqlite_utils`` entry
    points (reading all their metadata) and hands each plugin the connection, which here
    is the decrypted vault. No plugin belongs there, and the look-up cost memory and time
    at every unlock.
    """
    return sqlite_utils.Database(conn, execute_plugins=False)


def connect(path: str, *, read_only: bool = False) -> Any:
    """Open a raw SQLCipher connection (not yet keyed).

    ``read_only`` opens with ``mode=ro``: such a connection can never write or checkpoint,
    so probing a possibly damaged file through it leaves the file's bytes alone.

    A connection belongs to the thread that opened it (the driver's default
    ``check_same_thread``): background work opens its own (``Vault.thread_connection``).
    Busy waits (another connection is writing) last up to five seconds, the default.
    """
    if read_only:
        uri = "file:" + urllib.parse.quote(path) + "?mode=ro"
        conn: Any = sqlcipher3.dbapi2.connect(uri, uri=True)
    else:
        conn = sqlcipher3.dbapi2.connect(path)
    # A wrong key makes SQLCipher log to stderr; we report errors ourselves.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


#: How long a write of the vault's own thread (the GUI's: a check-in) waits for its turn.
#: Background writes keep the lock briefly (their slow work is done before they take a
#: turn) and the GUI's writes go before every background write that has not begun, so a
#: check-in waits at most for one background write that is under way; past this bound the
#: user is told the vault is busy (``VaultBusy``) and nothing is shown as saved.
TURN_WAIT_SECONDS = 5.0
#: How long a background write waits for its turn: nobody watches it, and the GUI's
#: writes may go first many times. ``WriteTurns.close`` (the vault locking) ends the wait.
BACKGROUND_TURN_WAIT_SECONDS = 120.0


class _Waiter:
    __slots__ = ("event", "granted")

    def __init__(self) -> None:
        self.event = threading.Event()
        self.granted = False


class WriteTurns:
    """Turns at writing for all connections to one database: the GUI's writes first,
    then the others in the order they asked.

    SQLite lets one connection write at a time and makes the others retry in a sleep
    loop: whoever retries at the right moment wins, not whoever waited longest. So a
    check-in that began waiting during one background import could lose to a second
    import queued behind it and wait through both, past the 5 s busy timeout ("database
    is locked"; test_threads' check-ins while two imports run, on a loaded machine).
    With turns, a write of the vault's own thread (``priority``: the GUI's) waits only for
    the write under way and for GUI writes that asked before it; a background write waits
    while any GUI write is queued, then for the background writes that asked before it.

    ``observer``, if set, is called with ``(priority, seconds)`` each time a turn ends:
    how long that writer held the lock (``bench/bench_write_wait.py``).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = False
        self._closed = False
        self._first: deque[_Waiter] = deque()  # the GUI's writes
        self._waiting: deque[_Waiter] = deque()  # background writes
        self._priority = False
        self._taken_at = 0.0
        self.observer: Callable[[bool, float], None] | None = None

    def take(self, timeout: float, *, priority: bool = False) -> bool:
        """Wait for this thread's turn; False if ``timeout`` passed first or the turns
        were closed (no turn held then)."""
        with self._lock:
            if self._closed:
                return False
            if not self._busy:
                self._busy = True
                self._held(priority)
                return True
            waiter = _Waiter()
            (self._first if priority else self._waiting).append(waiter)
        waiter.event.wait(timeout)
        with self._lock:
            if waiter.granted:  # handed over, perhaps just as the wait ended
                self._held(priority)
                return True
            queue = self._first if priority else self._waiting
            if waiter in queue:
                queue.remove(waiter)
            return False

    def _held(self, priority: bool) -> None:
        self._priority = priority
        self._taken_at = time.perf_counter()

    def give_back(self) -> None:
        """End this thread's turn: the longest waiting GUI write has it now, else the
        longest waiting background write."""
        with self._lock:
            held = time.perf_counter() - self._taken_at
            priority = self._priority
            queue = self._first or self._waiting
            if queue:
                waiter = queue.popleft()
                waiter.granted = True
                waiter.event.set()
            else:
                self._busy = False
        observer = self.observer
        if observer is not None:
            observer(priority, held)

    def close(self) -> None:
        """Refuse every turn from now on and wake the writers waiting for one (the vault
        is locking: they give up at once instead of waiting out their bound)."""
        with self._lock:
            self._closed = True
            for waiter in (*self._first, *self._waiting):
                waiter.event.set()
            self._first.clear()
            self._waiting.clear()

    @property
    def closed(self) -> bool:
        return self._closed

    def queued(self) -> tuple[int, int]:
        """How many GUI and background writes are waiting for a turn (for tests)."""
        with self._lock:
            return len(self._first), len(self._waiting)


def with_write_turns(db: Database, turns: WriteTurns, *, priority: bool = False) -> Database:
    """``db`` with the turns its write transactions take (``write_transaction``);
    ``priority`` for the connection of the vault's own (GUI) thread."""
    db.write_turns = turns  # type: ignore[attr-defined]
    db.write_priority = priority  # type: ignore[attr-defined]
    return db


@contextmanager
def write_turn(db: Database) -> Iterator[None]:
    """Hold ``db``'s turn at writing for the block (no transaction of its own): for work
    that must not run beside any other write, such as ``PRAGMA rekey``.

    Raises:
        VaultBusy: no turn came within the bound (``TURN_WAIT_SECONDS`` for the GUI's
            connection, ``BACKGROUND_TURN_WAIT_SECONDS`` for the others).
        VaultLocked: the vault locked while waiting.
    """
    turns: WriteTurns | None = getattr(db, "write_turns", None)
    if turns is None:
        yield
        return
    priority = bool(getattr(db, "write_priority", False))
    wait = TURN_WAIT_SECONDS if priority else BACKGROUND_TURN_WAIT_SECONDS
    if not turns.take(wait, priority=priority):
        if turns.closed:
            raise VaultLocked()
        raise VaultBusy()
    try:
        yield
    finally:
        turns.give_back()


@contextmanager
def write_transaction(
    db: Database | Callable[[], Database], *, may_give_way: bool = False
) -> Iterator[Database]:
    """One write transaction that takes the write lock at once (``BEGIN IMMEDIATE``).

    sqlite-utils' ``atomic()`` begins a deferred transaction: one that reads first and
    writes later fails at once (``SQLITE_BUSY``) if another connection committed in
    between. Taking the lock up front makes a second writer (the GUI while a background
    import runs) wait its turn instead (``write_turn``: the GUI's writes first, then in
    the order they asked; a vault's connections share ``WriteTurns``). Nested use becomes
    a savepoint.

    ``db`` may be a function giving the database (``lambda: vault.db``): it is asked
    again once the turn is held, so a write that waited through a rekey on another
    connection runs on this thread's connection reopened with the new key.

    ``may_give_way``: the caller starts the whole transaction again when it raises
    ``GaveWay`` (``ops.perform`` does): then ``give_way`` inside it, on a background
    connection, rolls it back as soon as a GUI write is waiting.

    Raises:
        VaultBusy, VaultLocked: as for ``write_turn``; nothing was written.
        GaveWay: rolled back for a waiting GUI write (only with ``may_give_way``).
    """
    reopen = db if callable(db) and not isinstance(db, Database) else None
    current = reopen() if reopen is not None else db
    assert isinstance(current, Database)
    if current.conn.in_transaction:
        with current.atomic():
            yield current
        return
    with write_turn(current):
        if reopen is not None:
            current = reopen()
        current.execute("BEGIN IMMEDIATE")
        current.may_give_way = may_give_way  # type: ignore[attr-defined]
        try:
            try:
                yield current
            except BaseException:
                current.conn.rollback()
                raise
            try:
                current.execute("COMMIT")
            except BaseException:
                current.conn.rollback()
                raise
        finally:
            current.may_give_way = False  # type: ignore[attr-defined]


class GaveWay(Exception):  # noqa: N818 - not an error: the transaction starts again
    """A background write transaction rolled back to let a waiting GUI write go first;
    whoever began it with ``may_give_way`` starts it again (after the GUI's write)."""


def give_way(db: Database) -> None:
    """A safe point of a long background write (nothing outside the database done yet
    that a rollback would not undo): if a write of the GUI is waiting for its turn and
    the transaction may start again (``write_transaction(may_give_way=True)``), roll it
    all back (``GaveWay``) so the GUI's write goes now, not after the whole import or
    sync. Elsewhere (the GUI's own connection, no transaction) it does nothing.
    """
    if not getattr(db, "may_give_way", False) or getattr(db, "write_priority", False):
        return
    turns: WriteTurns | None = getattr(db, "write_turns", None)
    if turns is not None and db.conn.in_transaction and turns.queued()[0]:
        raise GaveWay()


__all__ = [
    "BACKGROUND_TURN_WAIT_SECONDS",
    "GaveWay",
    "TURN_WAIT_SECONDS",
    "WriteTurns",
    "with_write_turns",
    "Connection",
    "Database",
    "DatabaseError",
    "IntegrityError",
    "Migrations",
    "OperationalError",
    "connect",
    "database",
    "dbapi2",
    "give_way",
    "sqlite_utils",
    "write_transaction",
    "write_turn",
]

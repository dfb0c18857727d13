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
import urllib.parse
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlcipher3
import sqlcipher3.dbapi2

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlcipher3.dbapi2)

# sqlite-utils imports numpy and pandas when they are installed, only to map their scalar
# types to column types; the app never stores either. numpy is installed for the export
# audit's solver (highspy), which imports it when an export runs; loaded here it would
# cost about 18 MB of memory for the whole session (bench/bench_memory.py). So hide them
# while sqlite-utils is imported (None in sys.modules makes their import fail), then
# unhide them. This import happens once, at the first unlock or command, when nothing
# else is importing; if numpy is already loaded, sqlite-utils simply gets it.
_HIDDEN = [name for name in ("numpy", "pandas") if name not in sys.modules]
for _name in _HIDDEN:
    sys.modules[_name] = None  # type: ignore[assignment]
try:
    import sqlite_utils  # noqa: E402  (must follow the alias above)
    from sqlite_utils.migrations import Migrations  # noqa: E402
finally:
    for _name in _HIDDEN:
        if sys.modules.get(_name, ...) is None:
            del sys.modules[_name]

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


#: How long a writer waits for its turn (``WriteTurns``) before it asks SQLite directly,
#: which waits its own busy timeout (5 s) on top.
TURN_WAIT_SECONDS = 5.0


class WriteTurns:
    """First come, first served turns at writing, for all connections to one database.

    SQLite lets one connection write at a time and makes the others retry in a sleep
    loop: whoever retries at the right moment wins, not whoever waited longest. So a
    check-in that began waiting during one background import could lose to a second
    import queued behind it and wait through both, past the 5 s busy timeout ("database
    is locked"; test_threads' check-ins while two imports run, on a loaded machine).
    With turns, each write transaction waits only for those that asked before it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = False
        self._waiting: deque[threading.Event] = deque()

    def take(self, timeout: float) -> bool:
        """Wait for this thread's turn; False if ``timeout`` passed first (no turn held)."""
        with self._lock:
            if not self._busy:
                self._busy = True
                return True
            turn = threading.Event()
            self._waiting.append(turn)
        if turn.wait(timeout):
            return True
        with self._lock:
            if turn.is_set():  # handed over just as the wait ended
                return True
            self._waiting.remove(turn)
            return False

    def give_back(self) -> None:
        """End this thread's turn: the longest waiting writer has it now."""
        with self._lock:
            if self._waiting:
                self._waiting.popleft().set()
            else:
                self._busy = False


def with_write_turns(db: Database, turns: WriteTurns) -> Database:
    """``db`` with the turns its write transactions take (``write_transaction``)."""
    db.write_turns = turns  # type: ignore[attr-defined]
    return db


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction that takes the write lock at once (``BEGIN IMMEDIATE``).

    sqlite-utils' ``atomic()`` begins a deferred transaction: one that reads first and
    writes later fails at once (``SQLITE_BUSY``) if another connection committed in
    between. Taking the lock up front makes a second writer (the GUI while a background
    import runs) wait its turn instead, in the order they asked when the connections share
    ``WriteTurns`` (a vault's do). Nested use becomes a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    turns: WriteTurns | None = getattr(db, "write_turns", None)
    has_turn = turns is not None and turns.take(TURN_WAIT_SECONDS)
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.conn.rollback()
            raise
        try:
            db.execute("COMMIT")
        except BaseException:
            db.conn.rollback()
            raise
    finally:
        if has_turn:
            assert turns is not None
            turns.give_back()


__all__ = [
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
    "sqlite_utils",
    "write_transaction",
]

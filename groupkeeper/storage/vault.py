"""The encrypted vault: a folder holding ``vault.db`` (SQLCipher) and ``vault.key``.

``Vault`` is the one object the rest of the app holds while unlocked. It unwraps the data
key from the key header (Argon2id + AES-GCM, see ``keyheader``), opens SQLCipher with the
*raw* data key (about 0.3 ms, since the slow derivation already happened), runs the
migrations (taking a backup first when the vault already holds data), and hands out the
``sqlite_utils.Database``. Locking closes the database and zeroes the key.

Files are never touched by a failed unlock: the database is opened only after the key
unwrapped, and a key that does not read the file reports ``VaultCorrupt`` and closes.
The database's first 16 bytes are its SQLCipher salt, which we set to the vault id from
the header, so a key file from another vault is recognised before anything is decrypted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from groupkeeper import fileio
from groupkeeper.storage import keyheader, keymem, schema
from groupkeeper.storage._sqlcipher import (
    Connection,
    Database,
    DatabaseError,
    WriteTurns,
    connect,
    database,
    with_write_turns,
    write_turn,
)
from groupkeeper.storage.errors import (
    InvalidInput,
    KdfTooWeak,
    KeyFileMissing,
    ReadOnly,
    VaultCorrupt,
    VaultExists,
    VaultGone,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
)
from groupkeeper.storage.faults import guarded

log = logging.getLogger(__name__)

VAULT_DB = "vault.db"
KEY_HEADER = "vault.key"
#: The new header while "revoke access" is under way; see ``Vault.revoke_access``.
PENDING_KEY_HEADER = "vault.key.revoke"
BACKUP_SUBFOLDER = "backups"
MIN_PASSPHRASE_LENGTH = 8
MAX_DELAY_SECONDS = 30.0
#: How long ``lock`` lets a background write finish before interrupting it; reads are
#: interrupted at once. Lock returns within about a second whatever runs.
WRITE_GRACE_SECONDS = 0.3
CANCEL_WAIT_SECONDS = 0.2

#: Waits before a retry after wrong passphrases; tests replace it to observe delays.
_sleep: Callable[[float], None] = time.sleep
#: Misses older than this are forgotten, so last week's typos never delay today.
FORGET_MISSES_AFTER_SECONDS = 24 * 3600
ATTEMPTS_FILE = "unlock-attempts.json"
_failures: dict[str, tuple[int, float]] = {}
_failures_lock = threading.Lock()


def _folder_key(folder: Path) -> str:
    # A hash, so the side file never holds a folder name (which can hold a person's name).
    return hashlib.sha256(str(Path(folder).resolve()).encode("utf-8")).hexdigest()[:32]


def _attempts_path() -> Path:
    from groupkeeper import paths

    return paths.config_dir() / ATTEMPTS_FILE


def _load_attempts() -> dict[str, tuple[int, float]]:
    """The persisted misses (a small side file in the config folder), merged with memory.

    The wrong-passphrase delay is a speed bump for someone at the keyboard: it survives
    restarts and each new ``groupkeeper check``, but an attacker with a copy of the
    files guesses offline and never meets it (the Argon2 cost is what slows them).
    """
    found = dict(_failures)
    try:
        raw = json.loads(_attempts_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return found  # missing or unreadable: memory is all we have
    if isinstance(raw, dict):
        for key, value in raw.items():
            if (
                isinstance(value, list)
                and len(value) == 2
                and isinstance(value[0], int)
                and isinstance(value[1], (int, float))
            ):
                misses, at = found.get(key, (0, 0.0))
                if value[0] > misses:
                    found[key] = (value[0], float(value[1]))
    return found


def _save_attempts(attempts: dict[str, tuple[int, float]]) -> None:
    now = time.time()
    live = {k: list(v) for k, v in attempts.items() if now - v[1] < FORGET_MISSES_AFTER_SECONDS}
    try:
        path = _attempts_path()
        if live or path.exists():
            fileio.private_mkdir(path.parent)
            fileio.atomic_write_bytes(path, json.dumps(live, sort_keys=True).encode("utf-8"))
    except OSError as exc:
        # The delay then lasts for this process only; the unlock itself goes on.
        log.info("could not save the unlock attempts (errno %s)", exc.errno)


def _misses(folder: Path) -> int:
    misses, at = _load_attempts().get(_folder_key(folder), (0, 0.0))
    if time.time() - at >= FORGET_MISSES_AFTER_SECONDS:
        return 0
    return misses


def delay_before_next_attempt(folder: Path) -> float:
    """Seconds the next unlock of ``folder`` will wait: 0 after one miss, then 1, 2, 4.. 30."""
    with _failures_lock:
        misses = _misses(folder)
    if misses <= 1:
        return 0.0
    return min(MAX_DELAY_SECONDS, float(2 ** (misses - 2)))


def _record_failure(folder: Path) -> float:
    with _failures_lock:
        key = _folder_key(folder)
        entry = (_misses(folder) + 1, time.time())
        _failures[key] = entry
        attempts = _load_attempts()
        attempts[key] = entry
        _save_attempts(attempts)
    return delay_before_next_attempt(folder)


def _forget_failures(folder: Path) -> None:
    with _failures_lock:
        key = _folder_key(folder)
        _failures.pop(key, None)
        attempts = _load_attempts()
        if key in attempts:
            del attempts[key]
            _save_attempts(attempts)


_HEX_DIGITS = b"0123456789abcdef"


def _raw_key_buffer(data_key: bytearray, vault_id: bytes) -> bytearray:
    """SQLCipher's raw-key form ``x'<key hex><salt hex>'``, built in a buffer to wipe.

    Raw key *and* explicit salt: SQLCipher skips its own KDF and writes our vault id as
    the file's salt, binding the database to its key header. No ``str`` of the key is
    ever made (``bytes.hex()`` or an f-string would leave an immutable copy behind).
    """
    buf = bytearray(3 + 2 * (len(data_key) + len(vault_id)))
    buf[0:2] = b"x'"
    i = 2
    for part in (data_key, vault_id):
        for byte in part:
            buf[i] = _HEX_DIGITS[byte >> 4]
            buf[i + 1] = _HEX_DIGITS[byte & 15]
            i += 2
    buf[i] = 0x27  # closing quote
    return buf


#: SQLCipher's ``cipher_memory_security``: every allocation it frees (page cache with
#: decrypted rows, statement text) is zeroed and its memory locked against swapping.
#: Process-wide and one-way once on. Off: bench/bench_unlock.py measured it at 1.5x the
#: unlock, 2.6x a five-year report and 3.3x loading a 10,000-member roster, too slow for
#: the screens' budgets. SQLCipher wipes its *key* material on close either way
#: (``sqlcipher_free``), which the memory-scan test checks with this off.
MEMORY_SECURITY = False


def _key_connection(conn: Connection, data_key: bytearray, vault_id: bytes) -> None:
    """Key a fresh connection with the data key (every connection of a vault opens so).

    The key goes through the driver's ``set_key`` (``sqlite3_key``) from a buffer that is
    wiped straight after, so no SQL text holding the key exists and nothing lingers in
    the driver's statement cache. SQLCipher keeps its own copy in memory it wipes when
    the connection closes.
    """
    if MEMORY_SECURITY:
        conn.execute("PRAGMA cipher_memory_security = ON")
    key = _raw_key_buffer(data_key, vault_id)
    try:
        conn.set_key(key)
    finally:
        keyheader.zero(key)


def _rekey_connection(conn: Connection, new_key: bytearray, vault_id: bytes) -> None:
    """Re-encrypt the open database under ``new_key`` (``sqlite3_rekey``), same wiping."""
    key = _raw_key_buffer(new_key, vault_id)
    try:
        conn.reset_key(key)
    finally:
        keyheader.zero(key)


def _connect(db_path: Path, *, read_only: bool = False) -> Connection:
    """A raw connection, created owner-only if SQLite makes the file (see fileio)."""
    with fileio.private_umask():
        conn: Connection = connect(str(db_path), read_only=read_only)
    return conn


#: Files of a vault folder that must be owner-only (the backups folder is checked too).
_PRIVATE_FILES = (
    VAULT_DB,
    VAULT_DB + "-wal",
    VAULT_DB + "-shm",
    VAULT_DB + "-journal",
    KEY_HEADER,
    PENDING_KEY_HEADER,
)


def tighten_modes(folder: Path) -> list[str]:
    """Take group/other access away from a vault folder's files; the names it changed.

    Vaults made by earlier versions (or copied with ``cp``) can be readable by every
    account on the machine. A file that cannot be changed (read-only disk, owned by
    someone else) is left alone: opening the vault must not fail because of it.
    """
    folder = Path(folder)
    candidates = [folder, *(folder / name for name in _PRIVATE_FILES)]
    backups = folder / BACKUP_SUBFOLDER
    if backups.is_dir():
        candidates.append(backups)
        candidates.extend(sorted(backups.glob("*.gkbackup")))
    changed: list[str] = []
    for path in candidates:
        try:
            if fileio.tighten(path):
                changed.append("." if path == folder else str(path.relative_to(folder)))
        except OSError as exc:
            log.info("could not make %s private (errno %s)", path.name, exc.errno)
    return changed


READ_ONLY_FOLDER = (
    "The vault folder is read-only, so the vault cannot be opened (GroupKeeper writes"
    " beside the database even to read it); nothing was changed. Copy the folder to a"
    " writable place or make it writable."
)


def _refuse_read_only(folder: Path) -> None:
    """A read-only folder is not a damaged vault: say which it is before trying."""
    files = [folder / VAULT_DB, folder / KEY_HEADER]
    if fileio.is_read_only_folder(folder) or any(
        p.exists() and not os.access(p, os.W_OK) for p in files
    ):
        raise ReadOnly(READ_ONLY_FOLDER)


def _read_pending(path: Path) -> tuple[keyheader.KeyHeader | None, bool]:
    """The interrupted revoke's header, if any: ``(header, unreadable)``.

    An unreadable one (damaged, hostile, foreign format) is not trusted and not used; it is
    discarded once the main header has proved it opens the database.
    """
    if not path.is_file():
        return None, False
    try:
        return keyheader.read_header(path), False
    except (VaultCorrupt, VaultTooNew, KdfTooWeak):
        log.info("ignoring an unreadable %s", PENDING_KEY_HEADER)
        return None, True


def _remove_stale_temp_files(folder: Path) -> None:
    """Temp files of header writes a crash interrupted (``.vault.key.<hex>.tmp``)."""
    for stale in folder.glob(f".{KEY_HEADER}*.tmp"):
        with suppress(OSError):
            stale.unlink()


def _check_passphrase(passphrase: keyheader.Passphrase) -> None:
    if keyheader.passphrase_length(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            "The passphrase must have at least {count} characters.", count=MIN_PASSPHRASE_LENGTH
        )


def _open_connection(
    folder: Path, data_key: bytearray, vault_id: bytes, *, new: bool
) -> Connection:
    """Open and key the database; for an existing file, prove the key reads all of it.

    Nothing is written until every check has passed, so a damaged or foreign file is
    left exactly as it was.
    """
    db_path = folder / VAULT_DB
    if not new:
        if not folder.is_dir():
            raise VaultGone()
        if not db_path.is_file():
            raise VaultCorrupt("The database file is missing; restore a backup.")
        with guarded(folder), open(db_path, "rb") as handle:
            salt = handle.read(len(vault_id))
        if salt != vault_id:
            raise VaultCorrupt("The database does not match its key file, or is damaged.")
    if not new:
        # Probe through a read-only connection first: closing a read-write connection
        # checkpoints the WAL into the main file, which would change a damaged vault.
        _verify_read_only(folder, db_path, data_key, vault_id)
    with guarded(folder):
        if new:
            fileio.create_private_file(db_path)
        conn = _connect(db_path)
    try:
        _key_connection(conn, data_key, vault_id)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError:
        conn.close()
        if not folder.is_dir():
            raise VaultGone() from None
        raise VaultCorrupt() from None
    except BaseException:
        conn.close()
        raise
    return conn


def _verify_read_only(folder: Path, db_path: Path, data_key: bytearray, vault_id: bytes) -> None:
    """Prove the key reads the whole file, without any chance of writing to it.

    A read-only connection to a WAL database still creates empty ``-wal``/``-shm``
    companions; those it created (and that hold nothing) are removed again afterwards.
    """
    companions = [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm")]
    created = [c for c in companions if not c.exists()]
    with guarded(folder):
        conn = _connect(db_path, read_only=True)
    try:
        _key_connection(conn, data_key, vault_id)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise VaultCorrupt()
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise VaultCorrupt()
    except DatabaseError:
        if not folder.is_dir():
            raise VaultGone() from None
        raise VaultCorrupt() from None
    finally:
        conn.close()
        for companion in created:
            with suppress(OSError):
                if companion.name.endswith("-shm") or companion.stat().st_size == 0:
                    companion.unlink()


def _configure_thread_connection(conn: Connection) -> None:
    # The settings every connection needs; journal mode belongs to the file and was set
    # by the writer.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    # 32 MiB page cache (default 2 MiB): a 5-year report, which runs on a background
    # connection, reads the same decrypted pages several times. The cache goes with the
    # connection when the task ends.
    conn.execute("PRAGMA cache_size = -32768")


def _configure(conn: Connection) -> None:
    # WAL with synchronous=FULL: every commit fsyncs the WAL, so an acknowledged
    # write survives power loss, at one fsync per commit (rollback mode needs two or
    # more), which keeps a durable check-in fast even on a slow USB stick, and lets
    # worker threads read while the meeting writes. SQLCipher encrypts the WAL too.
    # If the filesystem cannot do WAL, SQLite stays in rollback mode; FULL still holds.
    conn.execute("PRAGMA journal_mode = WAL")
    _configure_thread_connection(conn)


class WrongThread(RuntimeError):
    """A bug: a thread used the vault's database without a connection of its own."""


class Vault:
    """An unlocked (or locked) vault. Build it with ``create`` or ``unlock``.

    One connection per thread. ``db`` is the writer connection of the thread that owns the
    vault (the one that opened it, or after ``hand_off`` the thread it was handed to: the
    GUI thread). Background work opens its own connection on the same key for its duration with
    ``thread_connection()`` (read-only unless it must write); inside it ``db`` answers with
    that connection, so code that takes the vault or a ``Store`` works unchanged. SQLite
    serialises writers (every write transaction begins ``IMMEDIATE`` and waits its turn
    among the vault's connections: ``WriteTurns``, the owner's writes before background
    writes that have not begun), so no transaction ever holds two threads' work. ``lock``
    closes the turns, interrupts reads at once, gives a background write
    ``WRITE_GRACE_SECONDS`` to finish, interrupts what is left, and closes every
    connection it can before zeroing the key.
    """

    def __init__(
        self, folder: Path, header: keyheader.KeyHeader, data_key: bytearray, conn: Connection
    ) -> None:
        self.folder = Path(folder)
        self._header = header
        self._key: bytearray | None = data_key
        self._conn: Connection | None = conn
        #: Every connection's write transactions take turns: the owner's (GUI's) first,
        #: then the others in the order they asked (see WriteTurns).
        self._turns = WriteTurns()
        self._db: Database | None = self._database(conn, priority=True)
        self._stale = False
        #: Rekeyed on another thread's connection: the owner's writer reopens on the new key.
        self._rekeyed = False
        #: Files whose wider access was taken away when this vault opened (say so once).
        self.tightened: tuple[str, ...] = ()
        self._owner: int | None = threading.get_ident()
        self._heir: int | None = None
        self._local = threading.local()
        #: Background connections (connection -> opened for writing), guarded by _cond.
        self._threads: dict[Connection, bool] = {}
        self._cond = threading.Condition()
        self._closing = False
        self._stop_writes = False

    # ------------------------------------------------------------------ opening

    @staticmethod
    def exists(folder: Path) -> bool:
        """True if ``folder`` holds a vault (or the remains of one)."""
        folder = Path(folder)
        return (folder / KEY_HEADER).exists() or (folder / VAULT_DB).exists()

    @classmethod
    def create(cls, folder: Path, passphrase: keyheader.Passphrase) -> tuple[Vault, str]:
        """Create a new vault in ``folder``.

        Returns:
            The open vault and the recovery key to show once (``ABCD-EFGH-...``).

        Raises:
            InvalidInput: passphrase shorter than ``MIN_PASSPHRASE_LENGTH``.
            VaultExists: something vault-like is already there; it is left untouched.
        """
        folder = Path(folder)
        _check_passphrase(passphrase)
        if cls.exists(folder):
            raise VaultExists()
        data_key = keyheader.new_data_key()
        recovery_text, recovery_raw = keyheader.new_recovery_key()
        header = keyheader.create_header(data_key, passphrase, recovery_raw)
        keymem.wipe_bytes(recovery_raw)
        with guarded(folder):
            fileio.private_mkdir(folder)
            conn = _open_connection(folder, data_key, header.vault_id, new=True)
            vault = cls(folder, header, data_key, conn)
            try:
                _configure(conn)
                schema.migrate(vault.db)
                # The header is written last: it is what makes the folder a vault.
                keyheader.write_header(folder / KEY_HEADER, header)
            except BaseException:
                vault.lock()
                raise
        return vault, recovery_text

    @classmethod
    def unlock(cls, folder: Path, passphrase: keyheader.Passphrase) -> Vault:
        """Unlock with the passphrase.

        Raises:
            WrongPassphrase: with ``wait_seconds`` before the next try will run.
            VaultCorrupt, VaultTooNew, KdfTooWeak, VaultNotFound, VaultGone.
        """
        return cls._unlock(
            Path(folder), keyheader.PASSPHRASE_SLOT, lambda: keyheader.passphrase_secret(passphrase)
        )

    @classmethod
    def unlock_with_recovery_key(cls, folder: Path, recovery_key: str) -> Vault:
        """Unlock with the printed recovery key (case, spaces and dashes do not matter)."""
        return cls._unlock(
            Path(folder),
            keyheader.RECOVERY_SLOT,
            lambda: keyheader.parse_recovery_key(recovery_key),
        )

    @classmethod
    def _unlock(cls, folder: Path, slot: str, secret: Callable[[], bytearray]) -> Vault:
        wait = delay_before_next_attempt(folder)
        if wait > 0:
            _sleep(wait)
        with guarded(folder):
            if not folder.is_dir():
                raise VaultGone()
            if not (folder / KEY_HEADER).is_file():
                if (folder / VAULT_DB).is_file():
                    raise KeyFileMissing()
                raise VaultNotFound()
            header = keyheader.read_header(folder / KEY_HEADER)
            _refuse_read_only(folder)
            pending_path = folder / PENDING_KEY_HEADER
            pending, pending_unreadable = _read_pending(pending_path)
        try:
            given = secret()  # a buffer of ours, zeroed as soon as the key is unwrapped
        except WrongPassphrase:  # not even the shape of a recovery key: a miss all the same
            raise WrongPassphrase(wait_seconds=_record_failure(folder)) from None
        try:
            try:
                data_key = header.unwrap(slot, given)
                from_pending = False
            except WrongPassphrase:
                if pending is None:
                    raise WrongPassphrase(wait_seconds=_record_failure(folder)) from None
                try:
                    data_key = pending.unwrap(slot, given)
                except WrongPassphrase:
                    raise WrongPassphrase(wait_seconds=_record_failure(folder)) from None
                header, from_pending = pending, True
        finally:
            keyheader.zero(given)
        _forget_failures(folder)
        # Before SQLite opens anything: its -wal/-shm take the database file's mode.
        tightened = tuple(tighten_modes(folder))
        if tightened:
            log.info(
                "other accounts could read %d vault file(s); access is now owner-only",
                len(tightened),
            )
        try:
            conn = _open_connection(folder, data_key, header.vault_id, new=False)
        except VaultCorrupt:
            keyheader.zero(data_key)
            if pending_unreadable:
                raise VaultCorrupt(
                    "Access was being revoked when the app stopped and the new key file"
                    f" ({PENDING_KEY_HEADER}) is damaged; restore a backup."
                ) from None
            if pending is None:
                raise
            # "Revoke access" was interrupted: the database holds whichever key won.
            raise WrongPassphrase(
                "Access was being revoked when the app stopped; use the other passphrase."
            ) from None
        vault = cls(folder, header, data_key, conn)
        vault.tightened = tightened
        try:
            # A pending header the database did not need is void: finished or discarded,
            # never left to block the next open.
            leftover = pending is not None or pending_unreadable
            vault._finish_open(pending_path if leftover else None, from_pending)
        except BaseException:
            vault.lock()
            raise
        return vault

    def _finish_open(self, pending_path: Path | None, from_pending: bool) -> None:
        db = self.db
        schema.check_not_newer(db)  # read-only: a newer vault is refused untouched
        with guarded(self.folder):
            if pending_path is not None:
                if from_pending:  # the rekey committed: the new header is the real one
                    os.replace(pending_path, self.folder / KEY_HEADER)
                    fileio.fsync_dir(self.folder)
                else:  # the rekey never committed: the half-made header is void
                    pending_path.unlink()
            _remove_stale_temp_files(self.folder)
            _configure(self._connection())
            if schema.needs_migration(db):
                if schema.user_version(db) > 0:
                    from groupkeeper.storage.backup import write_backup

                    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                    write_backup(
                        self, self.folder / BACKUP_SUBFOLDER / f"pre-migration-{stamp}.gkbackup"
                    )
                schema.migrate(db)

    # ------------------------------------------------------------------ state

    @property
    def is_locked(self) -> bool:
        return self._key is None

    @property
    def db(self) -> Database:
        """The open database.

        Raises:
            VaultLocked: the vault is locked.
            VaultGone: the folder is not reachable (it reopens by itself when it is back).
        """
        if self._key is None:
            raise VaultLocked()
        mine: Database | None = getattr(self._local, "db", None)
        if mine is not None:
            # Background work asks for ``db`` between its statements too: once the vault is
            # locking, long Python work (an import checking 100,000 rows) stops at its next
            # ask instead of running on after the lock (a write keeps its grace).
            if self._stop_writes or (self._closing and not self._local.write):
                raise VaultLocked()
            return mine
        if self._owner is None and self._heir == threading.get_ident():
            self._claim()
        elif self._owner != threading.get_ident():
            raise WrongThread(
                "The vault's connection belongs to another thread; background work opens "
                "its own with Vault.thread_connection()."
            )
        if self._db is None:
            raise VaultLocked()
        if not (self.folder / VAULT_DB).is_file():
            self._stale = True
            raise VaultGone()
        if self._rekeyed:
            self._reopen_rekeyed()
        elif self._stale:
            self._reconnect()
        return self._db

    def _connection(self) -> Connection:
        """The calling thread's raw connection (raises the right error when locked/gone)."""
        conn: Connection = self.db.conn
        return conn

    def hand_off(self, to: threading.Thread | None = None) -> None:
        """Close this thread's writer and give the vault to thread ``to`` (the main thread).

        The app unlocks in a worker thread (the KDF is slow) and then works in the GUI
        thread: a connection may only be used by the thread that opened it. ``to`` opens
        its own writer at its first use of ``db``; any other thread is refused.
        """
        if self._owner != threading.get_ident():
            raise WrongThread("Only the thread that owns the vault can hand it off.")
        if self._conn is not None:
            with suppress(DatabaseError):
                self._conn.close()
        self._conn = self._db = None
        self._heir = (to or threading.main_thread()).ident
        self._owner = None

    def _claim(self) -> None:
        # A fresh writer for the calling thread; the key was proven when the vault opened.
        with self._cond:
            key = self._data_key()
            with guarded(self.folder):
                if not (self.folder / VAULT_DB).is_file():
                    raise VaultGone()
                conn = _connect(self.folder / VAULT_DB)
                try:
                    _key_connection(conn, key, self._header.vault_id)
                    _configure(conn)
                except BaseException:
                    conn.close()
                    raise
            self._conn, self._db = conn, self._database(conn, priority=True)
            self._stale = False
            self._owner, self._heir = threading.get_ident(), None

    def _reopen_rekeyed(self) -> None:
        # The file was just rekeyed and proven readable by the connection that did it:
        # a fresh writer on the new key is enough (no whole-file check as after a pulled
        # stick), so a write that waited for the rekey is not kept waiting longer.
        old = self._conn
        self._rekeyed = False
        self._claim()
        if old is not None:
            with suppress(DatabaseError):
                old.close()

    @contextmanager
    def thread_connection(self, *, write: bool = False) -> Iterator[Database]:
        """This thread's own connection to the vault, for background work (a context).

        Opened on the vault's key and closed when the block ends; inside it ``db`` (and so
        a ``Store`` over ``lambda: vault.db``) uses it. Read-only unless ``write``. Nested
        use in the same thread reuses the outer connection. After ``lock`` every statement
        on it fails (``VaultLocked`` at the next ``db``), so the work ends promptly.
        """
        outer: Database | None = getattr(self._local, "db", None)
        if outer is not None:
            yield outer
            return
        with self._cond:
            if self._closing:
                raise VaultLocked()
            key = self._data_key()
            with guarded(self.folder):
                if not (self.folder / VAULT_DB).is_file():
                    raise VaultGone()
                conn = _connect(self.folder / VAULT_DB, read_only=not write)
                try:
                    _key_connection(conn, key, self._header.vault_id)
                    _configure_thread_connection(conn)
                except BaseException:
                    conn.close()
                    raise
            # Every 100 virtual-machine steps (a small INSERT takes fewer than 1,000): stop
            # as soon as the vault is locking.
            if write:  # a write gets its grace (see ``lock``)
                conn.set_progress_handler(lambda: 1 if self._stop_writes else 0, 100)
            else:
                conn.set_progress_handler(lambda: 1 if self._closing else 0, 100)
            self._threads[conn] = write
        db = self._database(conn)
        self._local.db, self._local.write = db, write
        try:
            try:
                yield db
            except DatabaseError:
                if self._closing:  # interrupted by lock: say so, not "database error"
                    raise VaultLocked() from None
                raise
        finally:
            self._local.db = None
            with suppress(DatabaseError):
                conn.close()
            with self._cond:
                self._threads.pop(conn, None)
                self._cond.notify_all()

    def _database(self, conn: Connection, *, priority: bool = False) -> Database:
        # The owner's (GUI's) connection writes before background connections that wait.
        return with_write_turns(database(conn), self._turns, priority=priority)

    def open_connections(self) -> int:
        """How many connections to the database this vault holds open (for tests)."""
        with self._cond:
            return len(self._threads) + (self._conn is not None)

    def _reconnect(self) -> None:
        # The old handles may point at a device that was pulled; a fresh connection
        # on the same path sees whatever was committed before.
        assert self._key is not None
        if self._conn is not None:
            with suppress(DatabaseError):
                self._conn.close()
        conn = _open_connection(self.folder, self._key, self._header.vault_id, new=False)
        with guarded(self.folder):
            _configure(conn)
        self._conn, self._db = conn, self._database(conn, priority=True)
        self._stale = False

    def lock(self) -> None:
        """Stop background work, close every connection and zero the key. Safe twice.

        Background reads are interrupted at once; a background write gets
        ``WRITE_GRACE_SECONDS`` to commit, then it is interrupted (its transaction rolls
        back as a whole). Returns within about a second whatever is running.
        """
        # Background writes waiting for a turn give up now (their work is dropped anyway).
        self._turns.close()
        with self._cond:
            self._closing = True
            # A worker closes its connection just before it leaves ``_threads`` (under this
            # lock): interrupting one that is already closed raises, and it needs nothing.
            for conn, write in self._threads.items():
                if not write:
                    with suppress(DatabaseError):
                        conn.interrupt()
            self._cond.wait_for(
                lambda: not any(self._threads.values()), timeout=WRITE_GRACE_SECONDS
            )
            self._stop_writes = True
            for conn in self._threads:
                with suppress(DatabaseError):
                    conn.interrupt()
            self._cond.wait_for(lambda: not self._threads, timeout=CANCEL_WAIT_SECONDS)
            if self._threads:
                # Busy in Python code between statements: its next statement fails and its
                # block closes the connection; the key below is zeroed regardless.
                log.warning("%d background connection(s) still closing", len(self._threads))
        if self._conn is not None:
            # A pulled stick can make closing fail; the handle is dropped either way. Only
            # the owner thread may close it (any other thread just drops it).
            with suppress(DatabaseError):
                self._conn.close()
        self._conn = None
        self._db = None
        with self._cond:
            if self._key is not None:
                keyheader.zero(self._key)
            self._key = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.lock()

    @property
    def kdf_params(self) -> dict[str, Any]:
        """The passphrase slot's KDF parameters (nothing secret)."""
        return self._header.params.as_dict()

    def _key_header_bytes(self) -> bytes:
        return keyheader.dumps(self._header)

    def _data_key(self) -> bytearray:
        if self._key is None:
            raise VaultLocked()
        return self._key

    def _params_for_rewrap(self, slot: str) -> keyheader.KdfParams:
        current = self._header.slots[slot].params
        return current if current.meets(keyheader.current_floor()) else keyheader.tune_params()

    def _write_header(self, header: keyheader.KeyHeader) -> None:
        with guarded(self.folder):
            if not self.folder.is_dir():
                raise VaultGone()
            keyheader.write_header(self.folder / KEY_HEADER, header)
        self._header = header

    # ------------------------------------------------------------------ keys

    def change_passphrase(self, new_passphrase: keyheader.Passphrase) -> None:
        """Rewrap the data key under a new passphrase; the database is not rewritten."""
        _check_passphrase(new_passphrase)
        slot = keyheader.PASSPHRASE_SLOT
        secret = keyheader.passphrase_secret(new_passphrase)
        try:
            header = self._header.with_slot(
                slot, self._data_key(), secret, self._params_for_rewrap(slot)
            )
        finally:
            keyheader.zero(secret)
        self._write_header(header)

    def new_recovery_key(self) -> str:
        """Replace the recovery key (the old one stops working) and return the new one."""
        text, raw = keyheader.new_recovery_key()
        slot = keyheader.RECOVERY_SLOT
        header = self._header.with_slot(slot, self._data_key(), raw, self._params_for_rewrap(slot))
        keymem.wipe_bytes(raw)
        self._write_header(header)
        return text

    def revoke_access(
        self, new_passphrase: keyheader.Passphrase, backup_dir: Path | None = None
    ) -> str:
        """New data key (``PRAGMA rekey``), new passphrase and recovery key.

        Old backups keep opening with the old passphrase: they hold the old data key.

        Crash safety: the new header goes to ``vault.key.revoke`` first, then the
        database is rekeyed (one transaction), then the new header replaces the old.
        ``unlock`` finishes or voids an interrupted revoke by trying which key reads
        the database.

        Returns:
            The new recovery key.
        """
        _check_passphrase(new_passphrase)
        old_key = self._data_key()
        new_key = keyheader.new_data_key()
        text, raw = keyheader.new_recovery_key()
        header = keyheader.create_header(
            new_key,
            new_passphrase,
            raw,
            params=self._params_for_rewrap(keyheader.PASSPHRASE_SLOT),
            vault_id=self._header.vault_id,
        )
        keymem.wipe_bytes(raw)
        pending = self.folder / PENDING_KEY_HEADER
        # The rekey rewrites the whole file: it holds the write turn, so no write of
        # another connection (the GUI's) runs beside it, and one that waited for it
        # writes through its connection reopened with the new key (``write_transaction``).
        with guarded(self.folder), write_turn(self.db):
            conn = self._connection()
            keyheader.write_header(pending, header)
            _rekey_connection(conn, new_key, header.vault_id)
            # From here the database needs the new key, even if the rename below fails
            # (then ``unlock`` promotes the pending header).
            with self._cond:
                self._key, self._header = new_key, header
            if conn is not self._conn:
                # Rekeyed on a background connection: the owner's writer still holds the
                # old key and reopens with the new one at its next use.
                self._rekeyed = True
            keyheader.zero(old_key)
            os.replace(pending, self.folder / KEY_HEADER)
            fileio.fsync_dir(self.folder)
        if backup_dir is not None:
            from groupkeeper.storage.backup import write_backup

            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            write_backup(self, Path(backup_dir) / f"groupkeeper-revoked-{stamp}.gkbackup")
        return text

    # ------------------------------------------------------------------ health

    def check(self) -> list[str]:
        """Check the vault; ``[]`` when sound, else short problem codes (nothing personal)."""
        db = self.db
        problems: list[str] = []
        with guarded(self.folder):
            try:
                rows = db.execute("PRAGMA integrity_check").fetchall()
                if [row[0] for row in rows] != ["ok"]:
                    problems.append("integrity_check_failed")
                if db.execute("PRAGMA cipher_integrity_check").fetchall():
                    problems.append("cipher_integrity_check_failed")
                if db.execute("PRAGMA foreign_key_check").fetchall():
                    problems.append("foreign_key_violations")
                if schema.user_version(db) != schema.SCHEMA_VERSION:
                    problems.append("schema_version_mismatch")
                if schema.needs_migration(db):
                    problems.append("migrations_pending")
            except DatabaseError:
                if not self.folder.is_dir():
                    raise
                problems.append("database_unreadable")
        return problems


__all__ = [
    "KEY_HEADER",
    "MIN_PASSPHRASE_LENGTH",
    "VAULT_DB",
    "Vault",
    "delay_before_next_attempt",
    "tighten_modes",
]

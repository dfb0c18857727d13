"""The facade: ``Store(db, folder)`` groups one repository per kind of record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from groupkeeper.storage._sqlcipher import Database, give_way, write_transaction
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.faults import guarded
from groupkeeper.storage.repos.consents import ConsentRepo
from groupkeeper.storage.repos.disclosures import DisclosureRepo
from groupkeeper.storage.repos.goals import GoalRepo
from groupkeeper.storage.repos.groups import GroupRepo
from groupkeeper.storage.repos.meetings import MeetingRepo
from groupkeeper.storage.repos.members import MemberRepo
from groupkeeper.storage.repos.moods import MoodRepo
from groupkeeper.storage.repos.safety import SafetyRepo
from groupkeeper.storage.repos.settings import SettingsRepo
from groupkeeper.storage.repos.skills import SkillRepo
from groupkeeper.storage.repos.wellbeing import WellbeingRepo

Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Store:
    """All repositories over one open database. ``clock`` is injectable for tests."""

    def __init__(
        self,
        db: Database | Callable[[], Database],
        folder: Path | None = None,
        clock: Clock = _utcnow,
    ) -> None:
        # A callable (``lambda: vault.db``) lets the store follow a vault that reconnected.
        self._db_source = db
        self.folder = folder
        self.clock = clock
        self.groups = GroupRepo(self)
        self.members = MemberRepo(self)
        self.consents = ConsentRepo(self)
        self.disclosures = DisclosureRepo(self)
        self.meetings = MeetingRepo(self)
        self.moods = MoodRepo(self)
        self.skills = SkillRepo(self)
        self.goals = GoalRepo(self)
        self.safety = SafetyRepo(self)
        self.wellbeing = WellbeingRepo(self)
        self.settings = SettingsRepo(self)

    @property
    def db(self) -> Database:
        source = self._db_source
        return source if isinstance(source, Database) else source()

    def stop_if_locking(self, done: int = 0, every: int = 500) -> None:
        """For long Python loops in background work: every ``every``-th step (``done``),
        raise ``VaultLocked`` once the vault is locking, so a lock stops the loop."""
        if done % every == 0:
            self.db  # noqa: B018 - asking for the connection raises while locking

    def generation(self) -> tuple[int, int, int]:
        """Changes when anything was written, by this connection or another (a worker,
        a sync) since the last call gave the same value: a screen that is shown again
        reads only if this moved. (Which connection, SQLite's ``data_version`` for other
        connections' commits, and this connection's own count of changed rows.)"""
        db = self.db
        with guarded(self.folder):
            version = int(db.execute("PRAGMA data_version").fetchone()[0])
        return id(db.conn), version, int(db.conn.total_changes)

    def release_memory(self) -> None:
        """Give back this connection's page cache (SQLite's ``shrink_memory``).

        The cache keeps every decrypted page a query read, up to the connection's
        ``cache_size``, until the connection closes: after Home and the roster of 10,000
        members load, about 7 MB (bench/bench_memory.py). The UI calls this once it is
        idle after a load (``ui/memory.py``); the next query reads its pages again.
        Nothing is written; the connection stays open.
        """
        db = self.db
        with guarded(self.folder):
            db.execute("PRAGMA shrink_memory")

    def now_iso(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds")

    def give_way(self) -> None:
        """A safe point of a long background write: see ``_sqlcipher.give_way``."""
        give_way(self.db)

    @contextmanager
    def transaction(self, *, may_give_way: bool = False) -> Iterator[None]:
        """One transaction around several repository writes (all or nothing).

        The repositories' own writes nest inside it as savepoints; the commit at the end
        is what makes the whole step durable. Disk problems arrive as known errors. It
        takes the write lock at its start (``BEGIN IMMEDIATE``): a step that read first
        and wrote later would fail at once (``database is locked``) if a background
        writer (a sync, an import) committed in between; this way it waits its turn.
        With ``may_give_way`` a background transaction may roll back for a waiting GUI
        write (``GaveWay``): the caller then starts it again (``ops.perform``).
        """
        try:
            with (
                guarded(self.folder),
                write_transaction(lambda: self.db, may_give_way=may_give_way),
            ):
                yield
        except UnicodeEncodeError:
            raise InvalidInput("The text contains characters that cannot be stored.") from None

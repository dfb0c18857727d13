"""What every repository shares: the store it belongs to, one write transaction, queries.

A repository asks its ``Store`` for the database at each use (a vault reconnects after its
folder comes back from a USB stick). Reads go through sqlite-utils' own ``db.query()``;
writes run in ``_write()``: one ``BEGIN IMMEDIATE`` transaction inside ``faults.guarded``, so
disk problems arrive as ``DiskFull`` / ``ReadOnly`` / ``VaultGone``.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from groupkeeper.model import MeetingState
from groupkeeper.storage._sqlcipher import Database, write_transaction
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.faults import guarded

if TYPE_CHECKING:
    from groupkeeper.storage.repos.store import Store

# Crockford base32 without look-alikes; 10 characters = 50 random bits.
_PSEUDONYM_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_pseudonym() -> str:
    """A random pseudonym, not derived from any personal field."""
    return "P-" + "".join(secrets.choice(_PSEUDONYM_ALPHABET) for _ in range(10))


def as_bool(value: Any) -> bool:
    """An SQLite 0/1 column as a bool."""
    return bool(value)


def mark_if_closed(db: Database, now: str, meeting_id: int, what: str) -> None:
    """Inside a write: if the meeting is already closed, record ``what`` was corrected.

    Every repository that changes a meeting's records calls this in the same transaction.
    """
    row = db.execute("SELECT state FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    if row is None:
        raise KeyError(meeting_id)
    if row[0] == MeetingState.CLOSED.value:
        db.execute("UPDATE meetings SET corrected_at = ? WHERE id = ?", [now, meeting_id])
        db.table("corrections").insert({"meeting_id": meeting_id, "what": what, "at": now})


class Repo:
    """Base of the repositories: the store's database, clock and fault boundary."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _now(self) -> str:
        return self._store.now_iso()

    @property
    def _db(self) -> Database:
        return self._store.db

    @contextmanager
    def _write(self) -> Iterator[Database]:
        try:
            with guarded(self._store.folder), write_transaction(lambda: self._store.db) as db:
                yield db
        except UnicodeEncodeError:
            # Text that is not valid Unicode (a lone surrogate from a broken paste).
            raise InvalidInput("The text contains characters that cannot be stored.") from None

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """All rows of a read, as dicts (sqlite-utils' ``db.query``)."""
        with guarded(self._store.folder):
            return list(self._db.query(sql, list(params)))

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """All rows of a read as plain tuples: for reads of thousands of rows, where
        building a dict per row would cost more than the query."""
        with guarded(self._store.folder):
            return list(self._db.execute(sql, list(params)).fetchall())

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._query(sql, params)
        return rows[0] if rows else None

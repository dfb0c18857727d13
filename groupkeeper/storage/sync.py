"""Storage for sharing groups between laptops: this laptop's key, each shared group's state.

The sync core (``groupkeeper.sync``) is plain Python without SQL; this module is where its
bookkeeping is kept, inside the encrypted vault (schema migration 7): the device's
Ed25519 private key, and per shared group its folder and the replica's saved state (group
key, member keys, merged shared data with personal fields sealed, pending changes, which
files were applied). Also the stable UUIDs other laptops know groups, members and
meetings by.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from groupkeeper.storage.repos.base import Repo

_UUID_TABLES = frozenset({"groups", "members", "meetings"})


@dataclass(frozen=True)
class SharedGroupRecord:
    """One shared group as saved in this vault."""

    group_uuid: str
    group_id: int | None  # the local group, if it still exists
    folder: str
    data: dict[str, Any]  # ``Replica.to_data()``


class SyncRepo(Repo):
    """The sync bookkeeping of one vault (build it over a ``Store``)."""

    def device_key(self) -> bytes | None:
        """This laptop's private signing key, or None before the first share or join."""
        row = self._one("SELECT private_key FROM sync_device WHERE id = 1")
        return bytes(row["private_key"]) if row else None

    def ensure_device_key(self, new_key: bytes) -> bytes:
        """This laptop's key; ``new_key`` becomes it if there is none yet."""
        with self._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO sync_device (id, private_key, created_at) VALUES (1, ?, ?)",
                [new_key, self._now()],
            )
        key = self.device_key()
        assert key is not None
        return key

    def save_group(
        self, group_uuid: str, group_id: int | None, folder: str, data: dict[str, Any]
    ) -> None:
        """Save (or replace) a shared group's state, in one transaction."""
        with self._write() as db:
            db.execute(
                "INSERT INTO sync_groups (group_uuid, group_id, folder, data, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(group_uuid) DO UPDATE SET"
                " group_id = excluded.group_id, folder = excluded.folder,"
                " data = excluded.data, updated_at = excluded.updated_at",
                [group_uuid, group_id, folder, json.dumps(data, sort_keys=True), self._now()],
            )

    def group(self, group_uuid: str) -> SharedGroupRecord:
        """A shared group's saved state (``KeyError`` if this vault does not share it)."""
        row = self._one("SELECT * FROM sync_groups WHERE group_uuid = ?", [group_uuid])
        if row is None:
            raise KeyError(group_uuid)
        return _record(row)

    def groups(self) -> list[SharedGroupRecord]:
        """Every group this vault shares."""
        return [_record(r) for r in self._query("SELECT * FROM sync_groups ORDER BY group_uuid")]

    def uuid_of(self, table: str, row_id: int) -> str:
        """The stable UUID of a group, member or meeting (``KeyError`` if there is none)."""
        if table not in _UUID_TABLES:
            raise ValueError(table)
        row = self._one(f"SELECT uuid FROM {table} WHERE id = ?", [row_id])  # noqa: S608
        if row is None or not row["uuid"]:
            raise KeyError(row_id)
        return str(row["uuid"])

    def id_of(self, table: str, uuid: str) -> int | None:
        """The local id of the record with ``uuid``, or None if this vault has none."""
        if table not in _UUID_TABLES:
            raise ValueError(table)
        row = self._one(f"SELECT id FROM {table} WHERE uuid = ?", [uuid])  # noqa: S608
        return int(row["id"]) if row else None


def _record(row: dict[str, Any]) -> SharedGroupRecord:
    return SharedGroupRecord(
        row["group_uuid"], row["group_id"], row["folder"], json.loads(row["data"])
    )

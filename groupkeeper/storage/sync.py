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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from groupkeeper.model import ConsentKind, MeetingState
from groupkeeper.storage._sqlcipher import Database
from groupkeeper.storage.repos.base import Repo, mark_if_closed

_UUID_TABLES = frozenset(
    {"groups", "members", "meetings", "goals", "skill_shares", "wellbeing_responses"}
)
#: The table of each kind of shared record.
RECORD_TABLES = {"goal": "goals", "skill_share": "skill_shares", "wellbeing": "wellbeing_responses"}


@dataclass(frozen=True)
class SharedGroupRecord:
    """One shared group as saved in this vault."""

    group_uuid: str
    group_id: int | None  # the local group, if it still exists
    folder: str
    data: dict[str, Any]  # ``Replica.to_data()``
    local: dict[str, Any] = field(default_factory=dict)  # the link's bookkeeping
    status: dict[str, Any] = field(default_factory=dict)  # what the last sync saw


#: The member columns a shared group carries (besides the pseudonym and groups).
MEMBER_COLUMNS = (
    "display_name",
    "full_name",
    "pronouns",
    "phone",
    "email",
    "emergency_contact",
    "notes",
    "contact_consent",
    "joined_on",
    "active",
)
_BOOL_COLUMNS = frozenset({"contact_consent", "active"})


@dataclass(frozen=True)
class SharedMeeting:
    """One meeting of a shared group as the vault holds it."""

    id: int
    date: str
    walk_ins: int
    safety_concerns: int
    uuid: str = ""
    closed: bool = False


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

    @contextmanager
    def locked(self) -> Iterator[Database]:
        """One write transaction, holding the write lock from its start (a sync reads the
        replica, the shared folder and the tables, then writes: nobody may write between).
        Inside an outer transaction it is a savepoint and takes the lock at once too."""
        with self._write() as db:
            if db.conn.in_transaction:
                # Inside a deferred outer transaction, a first write takes the lock now.
                db.execute("UPDATE sync_device SET id = id WHERE id = 1")
                db.execute("UPDATE sync_groups SET updated_at = updated_at")
            yield db

    def device_name(self) -> str:
        """The name this laptop shows the other laptops ("" if none was chosen)."""
        row = self._one("SELECT name FROM sync_device WHERE id = 1")
        return str(row["name"]) if row else ""

    def set_device_name(self, name: str) -> None:
        """Set the name this laptop shows (needs the device key: after a share or join)."""
        with self._write() as db:
            db.execute("UPDATE sync_device SET name = ? WHERE id = 1", [name])

    def save_group(
        self,
        group_uuid: str,
        group_id: int | None,
        folder: str,
        data: dict[str, Any],
        *,
        local: dict[str, Any] | None = None,
        status: dict[str, Any] | None = None,
    ) -> None:
        """Save (or replace) a shared group's state, in one transaction (``local`` and
        ``status`` are kept as they were when not given)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO sync_groups (group_uuid, group_id, folder, data, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(group_uuid) DO UPDATE SET"
                " group_id = excluded.group_id, folder = excluded.folder,"
                " data = excluded.data, updated_at = excluded.updated_at",
                [group_uuid, group_id, folder, json.dumps(data, sort_keys=True), self._now()],
            )
            for column, value in (("local", local), ("status", status)):
                if value is not None:
                    db.execute(
                        f"UPDATE sync_groups SET {column} = ? WHERE group_uuid = ?",  # noqa: S608
                        [json.dumps(value, sort_keys=True), group_uuid],
                    )

    def forget_group(self, group_uuid: str) -> None:
        """Stop sharing: the group's key and replica state are deleted from the vault."""
        with self._write() as db:
            db.execute("DELETE FROM sync_groups WHERE group_uuid = ?", [group_uuid])

    def group_of(self, group_id: int) -> SharedGroupRecord | None:
        """The shared state of a local group, or None if it is not shared."""
        row = self._one("SELECT * FROM sync_groups WHERE group_id = ?", [group_id])
        return _record(row) if row else None

    def set_uuid(self, table: str, row_id: int, uuid: str) -> None:
        """Give a record the stable id other laptops know it by (a joined group's id)."""
        if table not in _UUID_TABLES:
            raise ValueError(table)
        with self._write() as db:
            db.execute(f"UPDATE {table} SET uuid = ? WHERE id = ?", [uuid, row_id])  # noqa: S608

    # --- what a shared group holds in the tables ---------------------------------------

    def members_by_uuid(self, group_id: int, also: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
        """The members of a group, and those with the ids in ``also``, by UUID: their
        shared columns, ``pseudonym``, ``id`` and ``in_group``."""
        cols = ", ".join(f"m.{c}" for c in MEMBER_COLUMNS)
        rows = self._query(
            f"SELECT m.id, m.uuid, m.pseudonym, {cols}, EXISTS (SELECT 1 FROM group_members g"  # noqa: S608
            " WHERE g.member_id = m.id AND g.group_id = ?) AS in_group FROM members m"
            " WHERE m.id IN (SELECT member_id FROM group_members WHERE group_id = ?)",
            [group_id, group_id],
        )
        wanted = [u for u in also]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows += self._query(
                f"SELECT m.id, m.uuid, m.pseudonym, {cols}, EXISTS (SELECT 1 FROM group_members"  # noqa: S608
                " g WHERE g.member_id = m.id AND g.group_id = ?) AS in_group FROM members m"
                f" WHERE m.uuid IN ({', '.join('?' * len(chunk))})",
                [group_id, *chunk],
            )
        result = {}
        for row in rows:
            for column in _BOOL_COLUMNS:
                row[column] = bool(row[column])
            row["in_group"] = bool(row["in_group"])
            result[str(row["uuid"])] = row
        return result

    def meetings_of(self, group_id: int) -> list[SharedMeeting]:
        """A group's meetings, by date, then in the order they were opened."""
        return [
            SharedMeeting(
                r["id"],
                r["date"],
                r["walk_ins"],
                r["safety_concerns"],
                r["uuid"],
                r["state"] == MeetingState.CLOSED.value,
            )
            for r in self._query(
                "SELECT id, date, walk_ins, safety_concerns, uuid, state FROM meetings"
                " WHERE group_id = ? ORDER BY date, id",
                [group_id],
            )
        ]

    def attendance_of(self, group_id: int) -> dict[int, dict[str, str]]:
        """``{meeting id: {pseudonym: status}}`` of a group's meetings."""
        result: dict[int, dict[str, str]] = {}
        for r in self._query(
            "SELECT a.meeting_id, a.pseudonym, a.status FROM attendance a"
            " JOIN meetings m ON m.id = a.meeting_id WHERE m.group_id = ?",
            [group_id],
        ):
            result.setdefault(int(r["meeting_id"]), {})[r["pseudonym"]] = r["status"]
        return result

    def moods_of(
        self, group_id: int
    ) -> dict[
        int, tuple[dict[tuple[str, str], dict[str, Any]], dict[tuple[str, str, int | None], int]]
    ]:
        """Per meeting of a group: the named mood answers ``{(round, pseudonym): {scale,
        score, passed, word}}`` and the anonymous tallies ``{(round, scale, score or None
        for a pass): count}``."""
        result: dict[
            int,
            tuple[dict[tuple[str, str], dict[str, Any]], dict[tuple[str, str, int | None], int]],
        ] = {}
        for r in self._query(
            "SELECT c.meeting_id, c.round, c.scale, c.score, c.pseudonym, c.passed,"
            " c.feeling_word FROM mood_checks c JOIN meetings m ON m.id = c.meeting_id"
            " WHERE m.group_id = ?",
            [group_id],
        ):
            named, tally = result.setdefault(int(r["meeting_id"]), ({}, {}))
            if r["pseudonym"] is not None:
                named[(r["round"], r["pseudonym"])] = {
                    "scale": r["scale"],
                    "score": r["score"],
                    "passed": bool(r["passed"]),
                    "word": r["feeling_word"],
                }
            else:
                key = (r["round"], r["scale"], None if r["passed"] else r["score"])
                tally[key] = tally.get(key, 0) + 1
        return result

    def set_moods(
        self,
        meeting_id: int,
        named: dict[tuple[str, str], dict[str, Any] | None],
        tally: dict[tuple[str, str, int | None], int],
        *,
        correction: bool = True,
    ) -> None:
        """Set some named mood answers (None: none) and some tallies' counts of a meeting."""
        now = self._now()
        with self._write() as db:
            for (round_, pseudonym), value in sorted(named.items()):
                db.execute(
                    "DELETE FROM mood_checks WHERE meeting_id = ? AND round = ? AND pseudonym = ?",
                    [meeting_id, round_, pseudonym],
                )
                if value is None:
                    continue
                db.execute("INSERT OR IGNORE INTO pseudonyms (pseudonym) VALUES (?)", [pseudonym])
                db.execute(
                    "INSERT INTO mood_checks (meeting_id, round, scale, score, pseudonym, passed,"
                    " feeling_word, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        meeting_id,
                        round_,
                        value["scale"],
                        None if value["passed"] else value["score"],
                        pseudonym,
                        int(value["passed"]),
                        value["word"],
                        now,
                    ],
                )
            for (round_, scale, score), count in sorted(
                tally.items(),
                key=lambda kv: (kv[0][0], kv[0][1], -1 if kv[0][2] is None else kv[0][2]),
            ):
                passed = score is None
                rows = db.execute(
                    "SELECT id FROM mood_checks WHERE meeting_id = ? AND round = ? AND scale = ?"
                    " AND pseudonym IS NULL AND passed = ? AND score IS ? ORDER BY id",
                    [meeting_id, round_, scale, int(passed), score],
                ).fetchall()
                for (row_id,) in rows[count:]:
                    db.execute("DELETE FROM mood_checks WHERE id = ?", [row_id])
                for _ in range(count - len(rows)):
                    db.execute(
                        "INSERT INTO mood_checks (meeting_id, round, scale, score, pseudonym,"
                        " passed, feeling_word, recorded_at) VALUES (?, ?, ?, ?, NULL, ?, '', ?)",
                        [meeting_id, round_, scale, score, int(passed), now],
                    )
            if (named or tally) and correction:
                mark_if_closed(db, now, meeting_id, "mood")

    # --- writing what other laptops changed ---------------------------------------------

    def taken_pseudonyms(self, pseudonyms: Iterable[str]) -> set[str]:
        """Those of ``pseudonyms`` that a member of this vault has."""
        wanted, taken = list(pseudonyms), set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT pseudonym FROM members WHERE pseudonym IN ({marks})"  # noqa: S608
            taken |= {str(r["pseudonym"]) for r in self._query(sql, chunk)}
        return taken

    def add_members(self, members: list[tuple[str, str, dict[str, Any]]], group_id: int) -> None:
        """Write members another laptop added, ``(uuid, pseudonym, values)`` each, with
        their UUID and pseudonym as they are everywhere, into ``group_id``, each with
        its roster consent record (and contact consent if given), in one transaction."""
        now = self._now()
        with self._write() as db:
            for uuid, pseudonym, values in members:
                row = {c: values[c] for c in MEMBER_COLUMNS if c in values}
                for column in _BOOL_COLUMNS & row.keys():
                    row[column] = int(bool(row[column]))
                row.update(uuid=uuid, pseudonym=pseudonym, created_at=now, updated_at=now)
                db.execute(
                    "INSERT OR IGNORE INTO pseudonyms (pseudonym, joined_on) VALUES (?, ?)",
                    [pseudonym, str(values.get("joined_on", ""))],
                )
                cols = ", ".join(row)
                cur = db.execute(
                    f"INSERT INTO members ({cols}) VALUES ({', '.join('?' * len(row))})",  # noqa: S608
                    list(row.values()),
                )
                member_id = int(cur.lastrowid or 0)
                db.execute(
                    "INSERT INTO group_members (group_id, member_id) VALUES (?, ?)",
                    [group_id, member_id],
                )
                kinds = [ConsentKind.ROSTER]
                if row.get("contact_consent"):
                    kinds.append(ConsentKind.CONTACT)
                db.conn.executemany(
                    "INSERT INTO consents (member_id, kind, granted, recorded_at, note)"
                    " VALUES (?, ?, 1, ?, '')",
                    [(member_id, kind.value, now) for kind in kinds],
                )

    def set_membership(self, member_id: int, group_id: int, in_group: bool) -> None:
        """Put a member into the group, or take them out of it (the member stays)."""
        with self._write() as db:
            if in_group:
                db.execute(
                    "INSERT OR IGNORE INTO group_members (group_id, member_id) VALUES (?, ?)",
                    [group_id, member_id],
                )
            else:
                db.execute(
                    "DELETE FROM group_members WHERE group_id = ? AND member_id = ?",
                    [group_id, member_id],
                )

    def add_meeting(self, group_id: int, meeting_date: str, *, open_: bool) -> int:
        """A meeting another laptop recorded, with the group's agenda (open if it is today's
        or later, so this laptop can run it too; closed if it is in the past)."""
        state = MeetingState.OPEN if open_ else MeetingState.CLOSED
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO meetings (group_id, date, state, started_at, agenda, engine_state)"
                " VALUES (?, ?, ?, ?, (SELECT agenda FROM groups WHERE id = ?), '{}')",
                [group_id, meeting_date, state.value, self._now(), group_id],
            )
            return int(cur.lastrowid or 0)

    def close_meeting(self, meeting_id: int) -> None:
        """End a meeting another laptop ended (its timer state stays as it was here)."""
        with self._write() as db:
            db.execute(
                "UPDATE meetings SET state = ?, ended_at = ? WHERE id = ? AND state = ?",
                [MeetingState.CLOSED.value, self._now(), meeting_id, MeetingState.OPEN.value],
            )

    def set_attendance(
        self, meeting_id: int, changes: dict[str, str | None], *, correction: bool = True
    ) -> None:
        """Set some people's attendance of a meeting (``None``: not recorded); with
        ``correction`` a closed meeting records that it was corrected."""
        now = self._now()
        with self._write() as db:
            for pseudonym, status in sorted(changes.items()):
                if status is None:
                    db.execute(
                        "DELETE FROM attendance WHERE meeting_id = ? AND pseudonym = ?",
                        [meeting_id, pseudonym],
                    )
                    continue
                db.execute("INSERT OR IGNORE INTO pseudonyms (pseudonym) VALUES (?)", [pseudonym])
                db.execute(
                    "INSERT INTO attendance (meeting_id, pseudonym, status, is_new, recorded_at)"
                    " VALUES (?, ?, ?, 0, ?) ON CONFLICT (meeting_id, pseudonym) DO UPDATE SET"
                    " status = excluded.status",
                    [meeting_id, pseudonym, status, now],
                )
            if changes and correction:
                mark_if_closed(db, now, meeting_id, "attendance")

    def set_counts(self, meeting_id: int, walk_ins: int, safety_concerns: int) -> None:
        """Set a meeting's shared counts (the sums over every laptop)."""
        with self._write() as db:
            db.execute(
                "UPDATE meetings SET walk_ins = ?, safety_concerns = ? WHERE id = ?",
                [walk_ins, safety_concerns, meeting_id],
            )

    # --- goals, skill shares, wellbeing answers ------------------------------------------

    def records_of(self, group_id: int) -> dict[str, dict[str, Any]]:
        """The goals (set in the group's meetings), skill shares and wellbeing answers
        of a group's meetings, by UUID: each a dict with ``kind``, ``id``, ``meeting_id``
        and its columns (goals: ``pseudonym``, ``text``, ``outcome``,
        ``reviewed_meeting_id``; skill shares: ``skill``, ``category``, ``pseudonym``;
        wellbeing: ``scale``, ``answers`` (a list), ``pseudonym``)."""
        result: dict[str, dict[str, Any]] = {}
        in_group = "IN (SELECT id FROM meetings WHERE group_id = ?)"
        for r in self._query(
            "SELECT uuid, id, set_meeting_id AS meeting_id, pseudonym, text, outcome,"
            f" reviewed_meeting_id FROM goals WHERE set_meeting_id {in_group}",  # noqa: S608
            [group_id],
        ):
            result[str(r["uuid"])] = {"kind": "goal", **r}
        for r in self._query(
            "SELECT x.uuid, x.id, x.meeting_id, s.name AS skill, c.name AS category,"
            " x.pseudonym FROM skill_shares x JOIN skills s ON s.id = x.skill_id"
            " JOIN skill_categories c ON c.id = s.category_id"
            f" WHERE x.meeting_id {in_group}",  # noqa: S608
            [group_id],
        ):
            result[str(r["uuid"])] = {"kind": "skill_share", **r}
        for r in self._query(
            "SELECT uuid, id, meeting_id, scale, answers, pseudonym FROM wellbeing_responses"
            f" WHERE meeting_id {in_group}",  # noqa: S608
            [group_id],
        ):
            r["answers"] = json.loads(r["answers"])
            result[str(r["uuid"])] = {"kind": "wellbeing", **r}
        return result

    def add_record(
        self,
        kind: str,
        uuid: str,
        meeting_id: int,
        values: dict[str, Any],
        *,
        correction: bool = True,
    ) -> None:
        """Write a record another laptop made (``values`` as ``records_of`` gives them;
        a skill share's skill and category are found by name, or added to the library);
        with ``correction`` a closed meeting records that it was corrected."""
        now = self._now()
        with self._write() as db:
            pseudonym = values.get("pseudonym")
            if pseudonym is not None:
                db.execute("INSERT OR IGNORE INTO pseudonyms (pseudonym) VALUES (?)", [pseudonym])
            if kind == "goal":
                db.execute(
                    "INSERT INTO goals (uuid, pseudonym, text, set_meeting_id, outcome,"
                    " reviewed_meeting_id, created_at, reviewed_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        uuid,
                        pseudonym,
                        values["text"],
                        meeting_id,
                        values["outcome"],
                        values["reviewed_meeting_id"],
                        now,
                        now if values["outcome"] else "",
                    ],
                )
            elif kind == "skill_share":
                db.execute(
                    "INSERT OR IGNORE INTO skill_categories (name, builtin) VALUES (?, 0)",
                    [values["category"]],
                )
                (category_id,) = db.execute(
                    "SELECT id FROM skill_categories WHERE name = ?", [values["category"]]
                ).fetchone()
                db.execute(
                    "INSERT OR IGNORE INTO skills (name, category_id) VALUES (?, ?)",
                    [values["skill"], category_id],
                )
                (skill_id,) = db.execute(
                    "SELECT id FROM skills WHERE name = ? AND category_id = ?",
                    [values["skill"], category_id],
                ).fetchone()
                db.execute(
                    "INSERT INTO skill_shares (uuid, meeting_id, skill_id, pseudonym, recorded_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [uuid, meeting_id, skill_id, pseudonym, now],
                )
            else:
                db.execute(
                    "INSERT INTO wellbeing_responses (uuid, meeting_id, scale, answers, pseudonym,"
                    " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        uuid,
                        meeting_id,
                        values["scale"],
                        json.dumps(values["answers"]),
                        pseudonym,
                        now,
                    ],
                )
            if correction:
                mark_if_closed(db, now, meeting_id, kind)

    def update_goal(self, uuid: str, changes: dict[str, Any]) -> None:
        """Change a goal's ``text``, ``outcome`` and ``reviewed_meeting_id`` (those given)."""
        now = self._now()
        with self._write() as db:
            if "text" in changes:
                db.execute("UPDATE goals SET text = ? WHERE uuid = ?", [changes["text"], uuid])
            if "outcome" in changes or "reviewed_meeting_id" in changes:
                outcome = changes.get("outcome")
                db.execute(
                    "UPDATE goals SET outcome = ?, reviewed_meeting_id = ?, reviewed_at = ?"
                    " WHERE uuid = ?",
                    [outcome, changes.get("reviewed_meeting_id"), now if outcome else "", uuid],
                )

    def delete_records(self, kind: str, uuids: Iterable[str]) -> int:
        """Delete records removed on another laptop (``secure_delete`` overwrites them)."""
        table = RECORD_TABLES[kind]
        deleted = 0
        with self._write() as db:
            for uuid in uuids:
                cur = db.execute(f"DELETE FROM {table} WHERE uuid = ?", [uuid])  # noqa: S608
                deleted += cur.rowcount
        return deleted

    def group(self, group_uuid: str) -> SharedGroupRecord:
        """A shared group's saved state (``KeyError`` if this vault does not share it)."""
        row = self._one("SELECT * FROM sync_groups WHERE group_uuid = ?", [group_uuid])
        if row is None:
            raise KeyError(group_uuid)
        return _record(row)

    def shared_group_ids(self) -> list[int]:
        """The local ids of the groups this vault shares (their state is not read: it can
        be megabytes of JSON, and a sync reads it once, under its lock)."""
        rows = self._query(
            "SELECT group_id FROM sync_groups WHERE group_id IS NOT NULL ORDER BY group_uuid"
        )
        return [int(r["group_id"]) for r in rows]

    def folder_of(self, group_id: int) -> str | None:
        """The shared folder of a local group, or None if it is not shared."""
        row = self._one("SELECT folder FROM sync_groups WHERE group_id = ?", [group_id])
        return str(row["folder"]) if row else None

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
        row["group_uuid"],
        row["group_id"],
        row["folder"],
        json.loads(row["data"]),
        json.loads(row.get("local") or "{}"),
        json.loads(row.get("status") or "{}"),
    )

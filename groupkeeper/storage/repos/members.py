"""The members repository: profiles, their groups, forgetting a person, a member's history."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from groupkeeper.model import (
    ConsentKind,
    Goal,
    Member,
    RosterRow,
    SearchRow,
)
from groupkeeper.storage._sqlcipher import Database, IntegrityError
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo, as_bool, new_pseudonym
from groupkeeper.textfold import fold, name_key

_MEMBER_FIELDS = (
    "display_name",
    "full_name",
    "pronouns",
    "phone",
    "email",
    "emergency_contact",
    "notes",
    "joined_on",
)


@dataclass(frozen=True)
class PreparedMembers:
    """Members checked and given pseudonyms (and UUIDs, for the sync) by
    ``MemberRepo.prepare_many``, not yet written."""

    members: list[Member]
    pseudonyms: list[str]
    uuids: list[str]


def _consent_kinds(member: Member) -> list[ConsentKind]:
    """The consents a new member starts with: the roster's, and contact if given."""
    return [ConsentKind.ROSTER] + ([ConsentKind.CONTACT] if member.contact_consent else [])


def _member_from_row(row: dict[str, Any]) -> Member:
    groups = row.get("group_ids") or ""
    return Member(
        id=row["id"],
        pseudonym=row["pseudonym"],
        display_name=row["display_name"],
        full_name=row["full_name"],
        pronouns=row["pronouns"],
        phone=row["phone"],
        email=row["email"],
        emergency_contact=row["emergency_contact"],
        contact_consent=as_bool(row["contact_consent"]),
        notes=row["notes"],
        joined_on=row["joined_on"],
        active=as_bool(row["active"]),
        group_ids=sorted(int(g) for g in str(groups).split(",") if g),
    )


#: Roster orders (``roster_ids(sort=...)``): the column sorted on first, if not the name
#: itself, and whether its values compare as names (case and accents ignored). Ties, and
#: the "name" order, go by ``textfold.name_key``: SQLite's ``NOCASE`` folds ASCII only
#: and put "Álvaro" after "Zoë".
_ROSTER_ORDER: dict[str, tuple[str | None, bool]] = {
    "name": (None, False),
    "full_name": ("m.full_name", True),
    "phone": ("m.phone", False),
    "groups": ("gn.names", True),
    "active": ("m.active", False),
    "last_attended": ("la.d", False),
}
#: Group names of each member, sorted, as the roster shows them ("A, B").
_GROUP_NAMES_SQL = (
    "SELECT member_id, group_concat(name, ', ') AS names FROM (SELECT gm.member_id,"
    " g.name FROM group_members gm JOIN groups g ON g.id = gm.group_id"
    " ORDER BY gm.member_id, g.name) GROUP BY member_id"
)
_LAST_ATTENDED_SQL = (
    "SELECT a.pseudonym AS p, max(mt.date) AS d FROM attendance a"
    " JOIN meetings mt ON mt.id = a.meeting_id WHERE a.status = 'present'"
)


#: Long loops over many members ask for the connection this often, so a lock stops them.
_ASK_EVERY = 500


@dataclass
class ForgetResult:
    """What ``forget`` erased and what it kept (counts only)."""

    pseudonym: str
    goal_texts_erased: int
    kept_attendance: int
    kept_moods: int


@dataclass
class MemberHistory:
    """A member's own records, for the facilitator's eyes only."""

    attendance: list[tuple[str, str, str]] = field(default_factory=list)  # date, group, status
    moods: list[tuple[str, str, str, int | None, bool, str]] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    skills_shared: list[tuple[str, str]] = field(default_factory=list)  # date, skill


class MemberRepo(Repo):
    _SELECT = (
        "SELECT m.*, (SELECT group_concat(group_id) FROM group_members g"
        " WHERE g.member_id = m.id) AS group_ids FROM members m"
    )

    def _validate(self, member: Member) -> None:
        if not member.display_name.strip():
            raise InvalidInput("A member needs a display name.")

    def add(self, member: Member) -> Member:
        """Add a member with a fresh random pseudonym and a roster consent record."""
        return self.add_many([member])[0]

    def add_many(self, members: list[Member]) -> list[Member]:
        """Add several members in one transaction (all or nothing)."""
        return self.insert_prepared(self.prepare_many(members))

    def prepare_many(self, members: list[Member]) -> PreparedMembers:
        """Check ``members`` and draw their pseudonyms and UUIDs, without writing: the
        slow Python part of an import, done before the write lock is taken
        (``insert_prepared``).

        An import runs in a worker thread, and every bit of Python work inside its
        transaction, slowed by other threads holding the GIL (a report), keeps the
        meeting's check-ins waiting.
        """
        for done, member in enumerate(members):
            if done % _ASK_EVERY == 0:
                self._db  # noqa: B018 - raises VaultLocked once the vault is locking
            self._validate(member)
        drawn = [new_pseudonym() for _ in members]
        uuids = [str(uuid.uuid4()) for _ in members]
        return PreparedMembers(members, drawn, uuids)

    def insert_prepared(self, ready: PreparedMembers) -> list[Member]:
        """Write members checked by ``prepare_many`` in one transaction (all or nothing).

        Rows go in by ``executemany``, 500 at a time, with their ids given (the next free
        ones: the write lock is held) and their UUIDs drawn beforehand, so the sync's
        trigger has nothing to add: 10,000 members hold the lock a fraction of a second
        (``bench/bench_write_wait.py``). Between chunks it gives way to a waiting GUI
        write (``Store.give_way``) when its caller starts it again (``ops.perform``).
        """
        now = self._now()
        self._db  # noqa: B018 - as above
        members, drawn = ready.members, list(ready.pseudonyms)
        for member in members:
            if not member.joined_on:
                member.joined_on = now[:10]
        with self._write() as db:
            conn = db.conn
            next_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM members").fetchone()[0])
            for first in range(0, len(members), _ASK_EVERY):
                self._db  # noqa: B018 - as above
                if first:
                    self._store.give_way()  # a check-in waits for one chunk, not all
                chunk = range(first, min(first + _ASK_EVERY, len(members)))
                self._insert_pseudonyms(db, [(drawn, i, members[i].joined_on) for i in chunk])
                rows = []
                for i in chunk:
                    member = members[i]
                    next_id += 1
                    member.id, member.pseudonym = next_id, drawn[i]
                    rows.append(
                        (
                            member.id,
                            ready.uuids[i],
                            member.pseudonym,
                            *(getattr(member, f) for f in _MEMBER_FIELDS),
                            int(member.contact_consent),
                            int(member.active),
                            now,
                            now,
                        )
                    )
                cols = ", ".join(
                    ("id", "uuid", "pseudonym", *_MEMBER_FIELDS, "contact_consent", "active")
                )
                marks = ", ".join("?" * (len(_MEMBER_FIELDS) + 7))
                conn.executemany(
                    f"INSERT INTO members ({cols}, created_at, updated_at) VALUES ({marks})",
                    rows,
                )
                conn.executemany(
                    "INSERT INTO group_members (group_id, member_id) VALUES (?, ?)",
                    [(g, members[i].id) for i in chunk for g in members[i].group_ids],
                )
                conn.executemany(
                    "INSERT INTO consents (member_id, kind, granted, recorded_at, note)"
                    " VALUES (?, ?, 1, ?, '')",
                    [
                        (members[i].id, kind.value, now)
                        for i in chunk
                        for kind in _consent_kinds(members[i])
                    ],
                )
        return members

    @staticmethod
    def _insert_pseudonyms(db: Database, rows: list[tuple[list[str], int, str]]) -> None:
        # ``rows``: (the drawn list, index, joined_on). A pseudonym already taken (50
        # random bits: practically never) undoes this chunk's savepoint and redraws.
        while True:
            try:
                with db.atomic():
                    db.conn.executemany(
                        "INSERT INTO pseudonyms (pseudonym, joined_on) VALUES (?, ?)",
                        [(drawn[i], joined) for drawn, i, joined in rows],
                    )
                return
            except IntegrityError:  # pragma: no cover - 50 random bits
                for drawn, i, _joined in rows:
                    drawn[i] = new_pseudonym()

    def update(self, member: Member) -> Member:
        """Save edited fields; a change of contact consent is recorded as a consent record."""
        self._validate(member)
        if member.id is None:
            raise InvalidInput("Member has no id.")
        now = self._now()
        old = self.get(member.id)
        values = {f: getattr(member, f) for f in _MEMBER_FIELDS}
        values.update(
            contact_consent=int(member.contact_consent),
            active=int(member.active),
            updated_at=now,
        )
        with self._write() as db:
            db.table("members").update(member.id, values)
            db.execute("DELETE FROM group_members WHERE member_id = ?", [member.id])
            for group_id in member.group_ids:
                db.table("group_members").insert({"group_id": group_id, "member_id": member.id})
            if old.contact_consent != member.contact_consent:
                db.table("consents").insert(
                    {
                        "member_id": member.id,
                        "kind": ConsentKind.CONTACT.value,
                        "granted": int(member.contact_consent),
                        "recorded_at": now,
                        "note": "",
                    }
                )
        return member

    def set_active(self, member_id: int, active: bool) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE members SET active = ?, updated_at = ? WHERE id = ?",
                [int(active), self._now(), member_id],
            )

    def get(self, member_id: int) -> Member:
        row = self._one(self._SELECT + " WHERE m.id = ?", [member_id])
        if row is None:
            raise KeyError(member_id)
        return _member_from_row(row)

    def by_pseudonym(self, pseudonym: str) -> Member | None:
        row = self._one(self._SELECT + " WHERE m.pseudonym = ?", [pseudonym])
        return _member_from_row(row) if row else None

    def all(self, group_id: int | None = None, active_only: bool = False) -> list[Member]:
        """All members (one query), optionally only a group's and only active ones."""
        clauses: list[str] = []
        params: list[Any] = []
        if group_id is not None:
            clauses.append("m.id IN (SELECT member_id FROM group_members WHERE group_id = ?)")
            params.append(group_id)
        if active_only:
            clauses.append("m.active = 1")
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = (
            "SELECT m.*, gm.group_ids FROM members m LEFT JOIN (SELECT member_id,"
            " group_concat(group_id) AS group_ids FROM group_members GROUP BY member_id) gm"
            " ON gm.member_id = m.id" + where
        )
        members = [_member_from_row(r) for r in self._query(sql, params)]
        members.sort(key=lambda m: name_key(m.display_name, m.id or 0))
        return members

    def active_counts(self) -> dict[int, int]:
        """Group id -> how many active members it has (one query, no member loaded)."""
        rows = self._tuples(
            "SELECT gm.group_id, count(*) FROM group_members gm JOIN members m"
            " ON m.id = gm.member_id WHERE m.active = 1 GROUP BY gm.group_id"
        )
        return {int(g): int(n) for g, n in rows}

    def names_by_pseudonym(self, pseudonyms: Iterable[str]) -> dict[str, str]:
        """Display names for pseudonyms still linked to a member (forgotten ones are absent)."""
        wanted = list(dict.fromkeys(pseudonyms))
        result: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._query(
                f"SELECT pseudonym, display_name FROM members WHERE pseudonym IN ({marks})", chunk
            ):
                result[row["pseudonym"]] = row["display_name"]
        return result

    def forget(self, member_id: int) -> ForgetResult:
        """Erase a person: profile, notes, consents, goal texts. Pseudonymous records stay."""
        member = self.get(member_id)
        p = member.pseudonym
        with self._write() as db:
            erased = db.execute(
                "UPDATE goals SET text = NULL WHERE pseudonym = ? AND text IS NOT NULL", [p]
            ).rowcount
            db.execute("DELETE FROM consents WHERE member_id = ?", [member_id])
            db.execute("DELETE FROM disclosures WHERE member_id = ?", [member_id])
            db.execute("DELETE FROM group_members WHERE member_id = ?", [member_id])
            db.execute("DELETE FROM members WHERE id = ?", [member_id])
            kept_att = db.execute(
                "SELECT count(*) FROM attendance WHERE pseudonym = ?", [p]
            ).fetchone()[0]
            kept_moods = db.execute(
                "SELECT count(*) FROM mood_checks WHERE pseudonym = ?", [p]
            ).fetchone()[0]
        return ForgetResult(p, int(erased), int(kept_att), int(kept_moods))

    def last_attended(self) -> dict[str, str]:
        """Pseudonym -> date of last attendance (present)."""
        rows = self._query(
            "SELECT a.pseudonym AS p, max(m.date) AS d FROM attendance a"
            " JOIN meetings m ON m.id = a.meeting_id WHERE a.status = 'present'"
            " GROUP BY a.pseudonym"
        )
        return {r["p"]: r["d"] for r in rows}

    def inactive_for(self, months: int, today: date) -> list[Member]:
        """Members with no attendance (and not joined) in the last ``months`` months."""
        ids = set(self.inactive_ids(months, today))
        return [m for m in self.all() if m.id in ids]

    def inactive_ids(self, months: int, today: date) -> list[int]:
        """Ids of ``inactive_for``'s members, in one query (no member is loaded)."""
        where, params = self._inactive_where(months, today)
        return [int(r[0]) for r in self._tuples("SELECT m.id FROM members m " + where, params)]

    def inactive_count(self, months: int, today: date) -> int:
        """How many ``inactive_ids`` there are, without holding them (the roster's notice:
        9,420 ids of the 10,000-member demo kept 0.9 MB for a number)."""
        where, params = self._inactive_where(months, today)
        return int(self._tuples("SELECT count(*) FROM members m " + where, params)[0][0])

    @staticmethod
    def _inactive_where(months: int, today: date) -> tuple[str, list[Any]]:
        cutoff = (today - timedelta(days=round(months * 30.44))).isoformat()
        # Who came since the cutoff, from the meetings since then (an index on meeting_id;
        # "+a.status" keeps SQLite off the status index, which would read every visit).
        return (
            "WHERE m.joined_on < ? AND m.pseudonym NOT IN"
            " (SELECT a.pseudonym FROM attendance a WHERE +a.status = 'present' AND"
            " a.meeting_id IN (SELECT id FROM meetings WHERE date >= ?))",
            [cutoff, cutoff],
        )

    # -- The roster screen: ids in order, then only the rows on screen ---------------------
    @staticmethod
    def _roster_where(group_id: int | None, include_inactive: bool) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if group_id is not None:
            clauses.append("m.id IN (SELECT member_id FROM group_members WHERE group_id = ?)")
            params.append(group_id)
        if not include_inactive:
            clauses.append("m.active = 1")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def roster_ids(
        self,
        group_id: int | None = None,
        include_inactive: bool = False,
        sort: str = "name",
        descending: bool = False,
    ) -> list[int]:
        """Ids of the members the roster lists, in the roster's order (one query of ints).

        ``sort`` is one of "name", "full_name", "phone", "groups", "active" (active first
        when ascending), "last_attended"; names compare case-insensitively, ties by name.
        """
        where, params = self._roster_where(group_id, include_inactive)
        column, as_name = _ROSTER_ORDER[sort]
        joins = ""
        if sort == "groups":
            joins = f" LEFT JOIN ({_GROUP_NAMES_SQL}) gn ON gn.member_id = m.id"
        elif sort == "last_attended":
            joins = (
                f" LEFT JOIN ({_LAST_ATTENDED_SQL} GROUP BY a.pseudonym) la ON la.p = m.pseudonym"
            )
        first = column or "NULL"
        rows = self._tuples(
            f"SELECT m.id, m.display_name, {first} FROM members m{joins}{where}", params
        )
        # Sorted here, not by SQL (see _ROSTER_ORDER): by name, then (a stable sort) by the
        # chosen column, both in the asked direction; "active" lists active members first
        # when ascending. About 20 ms for 10,000 members.
        rows.sort(key=lambda row: name_key(row[1] or "", int(row[0])), reverse=descending)
        if column is not None:
            if as_name:
                rows.sort(key=lambda row: fold(row[2] or ""), reverse=descending)
            elif sort == "active":
                rows.sort(key=lambda row: int(row[2] or 0), reverse=not descending)
            else:
                rows.sort(key=lambda row: row[2] or "", reverse=descending)
        return [int(row[0]) for row in rows]

    def search_rows(
        self, group_id: int | None = None, include_inactive: bool = False
    ) -> list[SearchRow]:
        """What type-ahead searches, for the members ``roster_ids`` lists, by name."""
        where, params = self._roster_where(group_id, include_inactive)
        sql = f"SELECT m.id, m.display_name, m.full_name, m.phone FROM members m{where}"
        rows = self._tuples(sql, params)
        rows.sort(key=lambda row: name_key(row[1], row[0]))
        return [SearchRow(int(i), d, f, p) for i, d, f, p in rows]

    def roster_rows(self, ids: Iterable[int]) -> dict[int, RosterRow]:
        """The roster rows of these members (a screenful: three small queries)."""
        wanted = [int(i) for i in dict.fromkeys(ids)]
        result: dict[int, RosterRow] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            people = self._tuples(
                "SELECT id, pseudonym, display_name, full_name, pronouns, phone, active"
                f" FROM members WHERE id IN ({marks})",
                chunk,
            )
            groups: dict[int, list[int]] = {}
            for member_id, group in self._tuples(
                f"SELECT member_id, group_id FROM group_members WHERE member_id IN ({marks})",
                chunk,
            ):
                groups.setdefault(int(member_id), []).append(int(group))
            pseudonyms = [row[1] for row in people]
            last = (
                dict(
                    self._tuples(
                        f"{_LAST_ATTENDED_SQL} AND a.pseudonym IN ({','.join('?' * len(people))})"
                        " GROUP BY a.pseudonym",
                        pseudonyms,
                    )
                )
                if people
                else {}
            )
            for member_id, pseudonym, display, full, pronouns, phone, active in people:
                result[int(member_id)] = RosterRow(
                    int(member_id),
                    display,
                    full,
                    pronouns,
                    phone,
                    as_bool(active),
                    tuple(sorted(groups.get(int(member_id), []))),
                    str(last.get(pseudonym) or ""),
                )
        return result

    def history(self, member_id: int) -> MemberHistory:
        p = self.get(member_id).pseudonym
        hist = MemberHistory()
        for r in self._query(
            "SELECT m.date, g.name, a.status FROM attendance a JOIN meetings m"
            " ON m.id = a.meeting_id JOIN groups g ON g.id = m.group_id WHERE a.pseudonym = ?"
            " ORDER BY m.date DESC",
            [p],
        ):
            hist.attendance.append((r["date"], r["name"], r["status"]))
        for r in self._query(
            "SELECT m.date, c.round, c.scale, c.score, c.passed, c.feeling_word FROM mood_checks c"
            " JOIN meetings m ON m.id = c.meeting_id WHERE c.pseudonym = ?"
            " ORDER BY m.date DESC, c.round DESC",
            [p],
        ):
            hist.moods.append(
                (
                    r["date"],
                    r["round"],
                    r["scale"],
                    r["score"],
                    as_bool(r["passed"]),
                    r["feeling_word"],
                )
            )
        hist.goals = self._store.goals.for_pseudonym(p)
        for r in self._query(
            "SELECT m.date, s.name FROM skill_shares x JOIN meetings m ON m.id = x.meeting_id"
            " JOIN skills s ON s.id = x.skill_id WHERE x.pseudonym = ? ORDER BY m.date DESC",
            [p],
        ):
            hist.skills_shared.append((r["date"], r["name"]))
        return hist

    def export(self, member_id: int) -> dict[str, Any]:
        """Everything held about one member, for an access request (readable by the UI)."""
        member = self.get(member_id)
        hist = self.history(member_id)
        groups = {g.id: g.name for g in self._store.groups.all(active_only=False)}
        return {
            "profile": {f: getattr(member, f) for f in _MEMBER_FIELDS}
            | {
                "contact_consent": member.contact_consent,
                "active": member.active,
                "pseudonym": member.pseudonym,
                "groups": [groups.get(g, "") for g in member.group_ids],
            },
            "consents": [
                {"kind": c.kind.value, "granted": c.granted, "recorded_at": c.recorded_at}
                for c in self._store.consents.for_member(member_id)
            ],
            "attendance": [{"date": d, "group": g, "status": s} for d, g, s in hist.attendance],
            "moods": [
                {"date": d, "round": r, "scale": sc, "score": s, "passed": p, "feeling_word": w}
                for d, r, sc, s, p, w in hist.moods
            ],
            "goals": [
                {
                    "text": g.text,
                    "set": g.created_at[:10],
                    "outcome": g.outcome.value if g.outcome else None,
                }
                for g in hist.goals
            ],
            "skills_shared": [{"date": d, "skill": s} for d, s in hist.skills_shared],
            "disclosures": [
                {
                    "what": d.what,
                    "period_start": d.period_start,
                    "period_end": d.period_end,
                    "made_at": d.made_at,
                }
                for d in self._store.disclosures.for_member(member_id)
            ],
        }

"""The small, typed repository API over an unlocked vault's database.

``Store(db, folder)`` groups one repository per kind of record. Every write is one
transaction (``db.atomic()``) that is committed before the method returns, so an action the
UI has acknowledged is durable (the vault runs ``synchronous=FULL``). Every write runs
inside ``faults.guarded`` so disk problems arrive as ``DiskFull`` / ``ReadOnly`` /
``VaultGone``.

Meeting records reference members only by pseudonym. ``MemberRepo.forget`` deletes the
person (profile, notes, consents, goal texts) and leaves the pseudonymous records.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from groupkeeper import agenda as agenda_mod
from groupkeeper.model import (
    Attendance,
    AttendanceStatus,
    ConsentKind,
    ConsentRecord,
    Correction,
    Goal,
    GoalOutcome,
    Group,
    Meeting,
    MeetingState,
    Member,
    MoodCheck,
    MoodRound,
    MoodScale,
    SafetyNote,
    Skill,
    SkillCategory,
    SkillShare,
    WellbeingResponse,
)
from groupkeeper.storage._sqlcipher import Database, IntegrityError
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.faults import guarded

Clock = Callable[[], datetime]

# Crockford base32 without look-alikes; 10 characters = 50 random bits.
_PSEUDONYM_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_pseudonym() -> str:
    """A random pseudonym, not derived from any personal field."""
    return "P-" + "".join(secrets.choice(_PSEUDONYM_ALPHABET) for _ in range(10))


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _b(value: Any) -> bool:
    return bool(value)


class _Repo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def _now(self) -> str:
        return self._store.now_iso()

    @property
    def _db(self) -> Database:
        # Asked for at each use: a vault reconnects after its folder comes back (USB stick).
        return self._store.db

    @contextmanager
    def _write(self) -> Iterator[Database]:
        try:
            with guarded(self._store.folder), self._db.atomic() as db:
                yield db
        except UnicodeEncodeError:
            # Text that is not valid Unicode (a lone surrogate from a broken paste).
            raise InvalidInput("The text contains characters that cannot be stored.") from None

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with guarded(self._store.folder):
            cur = self._db.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None


# -- Groups ---------------------------------------------------------------------------


def _group_from_row(row: dict[str, Any]) -> Group:
    return Group(
        id=row["id"],
        name=row["name"],
        meeting_day=row["meeting_day"],
        meeting_time=row["meeting_time"],
        place=row["place"],
        template=row["template"],
        agenda=json.loads(row["agenda"]),
        agreements=row["agreements"],
        crisis_resources=row["crisis_resources"],
        escalation_steps=row["escalation_steps"],
        mood_scale=MoodScale(row["mood_scale"]),
        tally_only_moods=_b(row["tally_only_moods"]),
        wellbeing_scale=row["wellbeing_scale"],
        wellbeing_every_weeks=row["wellbeing_every_weeks"],
        crisis_reminder_used=_b(row["crisis_reminder_used"]),
        active=_b(row["active"]),
    )


def _group_values(group: Group) -> dict[str, Any]:
    if not group.name.strip():
        raise InvalidInput("A group needs a name.")
    return {
        "name": group.name,
        "meeting_day": group.meeting_day,
        "meeting_time": group.meeting_time,
        "place": group.place,
        "template": group.template,
        "agenda": json.dumps(group.agenda),
        "agreements": group.agreements,
        "crisis_resources": group.crisis_resources,
        "escalation_steps": group.escalation_steps,
        "mood_scale": MoodScale(group.mood_scale).value,
        "tally_only_moods": int(group.tally_only_moods),
        "wellbeing_scale": group.wellbeing_scale,
        "wellbeing_every_weeks": int(group.wellbeing_every_weeks),
        "crisis_reminder_used": int(group.crisis_reminder_used),
        "active": int(group.active),
    }


class GroupRepo(_Repo):
    def add(self, group: Group) -> Group:
        """Add a group; an empty agenda is filled from its template."""
        if not group.agenda:
            group.agenda = agenda_mod.to_dicts(agenda_mod.template(group.template))
        values = _group_values(group)
        values["created_at"] = self._now()
        with self._write() as db:
            group.id = db.table("groups").insert(values).last_pk
        return group

    def update(self, group: Group) -> Group:
        if group.id is None:
            raise InvalidInput("Group has no id.")
        with self._write() as db:
            db.table("groups").update(group.id, _group_values(group))
        return group

    def get(self, group_id: int) -> Group:
        row = self._one("SELECT * FROM groups WHERE id = ?", [group_id])
        if row is None:
            raise KeyError(group_id)
        return _group_from_row(row)

    def all(self, active_only: bool = True) -> list[Group]:
        where = "WHERE active = 1" if active_only else ""
        return [
            _group_from_row(r) for r in self._rows(f"SELECT * FROM groups {where} ORDER BY name")
        ]

    def by_name(self, name: str) -> Group | None:
        row = self._one("SELECT * FROM groups WHERE name = ?", [name])
        return _group_from_row(row) if row else None


# -- Members --------------------------------------------------------------------------


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
        contact_consent=_b(row["contact_consent"]),
        notes=row["notes"],
        joined_on=row["joined_on"],
        active=_b(row["active"]),
        group_ids=sorted(int(g) for g in str(groups).split(",") if g),
    )


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


class MemberRepo(_Repo):
    _SELECT = (
        "SELECT m.*, (SELECT group_concat(group_id) FROM group_members g"
        " WHERE g.member_id = m.id) AS group_ids FROM members m"
    )

    def _validate(self, member: Member) -> None:
        if not member.display_name.strip():
            raise InvalidInput("A member needs a display name.")

    def add(self, member: Member) -> Member:
        """Add a member with a fresh random pseudonym and a roster consent record."""
        self._validate(member)
        now = self._now()
        if not member.joined_on:
            member.joined_on = now[:10]
        with self._write() as db:
            self._insert(db, member, now)
        return member

    def add_many(self, members: list[Member]) -> list[Member]:
        """Add several members in one transaction (all or nothing)."""
        for member in members:
            self._validate(member)
        now = self._now()
        with self._write() as db:
            for member in members:
                if not member.joined_on:
                    member.joined_on = now[:10]
                self._insert(db, member, now)
        return members

    def _insert(self, db: Database, member: Member, now: str) -> None:
        while True:
            pseudonym = new_pseudonym()
            try:
                db.execute(
                    "INSERT INTO pseudonyms (pseudonym, joined_on) VALUES (?, ?)",
                    [pseudonym, member.joined_on],
                )
                break
            except IntegrityError:  # pragma: no cover - 50 random bits
                continue
        member.pseudonym = pseudonym
        values = {f: getattr(member, f) for f in _MEMBER_FIELDS}
        values.update(
            pseudonym=pseudonym,
            contact_consent=int(member.contact_consent),
            active=int(member.active),
            created_at=now,
            updated_at=now,
        )
        member.id = db.table("members").insert(values).last_pk
        for group_id in member.group_ids:
            db.table("group_members").insert({"group_id": group_id, "member_id": member.id})
        db.table("consents").insert(
            {
                "member_id": member.id,
                "kind": ConsentKind.ROSTER.value,
                "granted": 1,
                "recorded_at": now,
                "note": "",
            }
        )
        if member.contact_consent:
            db.table("consents").insert(
                {
                    "member_id": member.id,
                    "kind": ConsentKind.CONTACT.value,
                    "granted": 1,
                    "recorded_at": now,
                    "note": "",
                }
            )

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
            " ON gm.member_id = m.id" + where + " ORDER BY m.display_name COLLATE NOCASE, m.id"
        )
        return [_member_from_row(r) for r in self._rows(sql, params)]

    def names_by_pseudonym(self, pseudonyms: Iterable[str]) -> dict[str, str]:
        """Display names for pseudonyms still linked to a member (forgotten ones are absent)."""
        wanted = list(dict.fromkeys(pseudonyms))
        result: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._rows(
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
        rows = self._rows(
            "SELECT a.pseudonym AS p, max(m.date) AS d FROM attendance a"
            " JOIN meetings m ON m.id = a.meeting_id WHERE a.status = 'present'"
            " GROUP BY a.pseudonym"
        )
        return {r["p"]: r["d"] for r in rows}

    def inactive_for(self, months: int, today: date) -> list[Member]:
        """Members with no attendance (and not joined) in the last ``months`` months."""
        cutoff = (today - timedelta(days=round(months * 30.44))).isoformat()
        last = self.last_attended()
        return [m for m in self.all() if max(last.get(m.pseudonym, ""), m.joined_on) < cutoff]

    def history(self, member_id: int) -> MemberHistory:
        p = self.get(member_id).pseudonym
        hist = MemberHistory()
        for r in self._rows(
            "SELECT m.date, g.name, a.status FROM attendance a JOIN meetings m"
            " ON m.id = a.meeting_id JOIN groups g ON g.id = m.group_id WHERE a.pseudonym = ?"
            " ORDER BY m.date DESC",
            [p],
        ):
            hist.attendance.append((r["date"], r["name"], r["status"]))
        for r in self._rows(
            "SELECT m.date, c.round, c.scale, c.score, c.passed, c.feeling_word FROM mood_checks c"
            " JOIN meetings m ON m.id = c.meeting_id WHERE c.pseudonym = ?"
            " ORDER BY m.date DESC, c.round DESC",
            [p],
        ):
            hist.moods.append(
                (r["date"], r["round"], r["scale"], r["score"], _b(r["passed"]), r["feeling_word"])
            )
        hist.goals = self._store.goals.for_pseudonym(p)
        for r in self._rows(
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
        }


class ConsentRepo(_Repo):
    def record(self, member_id: int, kind: ConsentKind, granted: bool, note: str = "") -> None:
        with self._write() as db:
            db.table("consents").insert(
                {
                    "member_id": member_id,
                    "kind": ConsentKind(kind).value,
                    "granted": int(granted),
                    "recorded_at": self._now(),
                    "note": note,
                }
            )
            if kind == ConsentKind.CONTACT:
                db.execute(
                    "UPDATE members SET contact_consent = ? WHERE id = ?",
                    [int(granted), member_id],
                )

    def for_member(self, member_id: int) -> list[ConsentRecord]:
        return [
            ConsentRecord(
                id=r["id"],
                member_id=r["member_id"],
                kind=ConsentKind(r["kind"]),
                granted=_b(r["granted"]),
                recorded_at=r["recorded_at"],
                note=r["note"],
            )
            for r in self._rows(
                "SELECT * FROM consents WHERE member_id = ? ORDER BY id", [member_id]
            )
        ]


# -- Meetings -------------------------------------------------------------------------


def _meeting_from_row(row: dict[str, Any]) -> Meeting:
    return Meeting(
        id=row["id"],
        group_id=row["group_id"],
        date=row["date"],
        state=MeetingState(row["state"]),
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        agenda=json.loads(row["agenda"]),
        engine_state=json.loads(row["engine_state"]),
        walk_ins=row["walk_ins"],
        safety_concerns=row["safety_concerns"],
        next_meeting_date=row["next_meeting_date"],
        entered_after=_b(row["entered_after"]),
        corrected_at=row["corrected_at"],
    )


class MeetingRepo(_Repo):
    def start(
        self,
        group_id: int,
        meeting_date: str,
        agenda: list[dict[str, object]] | None = None,
        *,
        entered_after: bool = False,
    ) -> Meeting:
        """Open a meeting (or record one after the fact) with the group's agenda."""
        if agenda is None:
            agenda = self._store.groups.get(group_id).agenda
        meeting = Meeting(
            group_id=group_id,
            date=meeting_date,
            started_at=self._now(),
            agenda=list(agenda),
            entered_after=entered_after,
        )
        with self._write() as db:
            meeting.id = (
                db.table("meetings")
                .insert(
                    {
                        "group_id": group_id,
                        "date": meeting_date,
                        "state": MeetingState.OPEN.value,
                        "started_at": meeting.started_at,
                        "agenda": json.dumps(meeting.agenda),
                        "engine_state": "{}",
                        "entered_after": int(entered_after),
                    }
                )
                .last_pk
            )
        return meeting

    def get(self, meeting_id: int) -> Meeting:
        row = self._one("SELECT * FROM meetings WHERE id = ?", [meeting_id])
        if row is None:
            raise KeyError(meeting_id)
        return _meeting_from_row(row)

    def open_meeting(self, group_id: int | None = None) -> Meeting | None:
        """The most recent meeting still open (to offer "Resume meeting")."""
        sql = "SELECT * FROM meetings WHERE state = 'open'"
        params: list[Any] = []
        if group_id is not None:
            sql += " AND group_id = ?"
            params.append(group_id)
        row = self._one(sql + " ORDER BY id DESC LIMIT 1", params)
        return _meeting_from_row(row) if row else None

    def recent(self, group_id: int | None = None, limit: int | None = None) -> list[Meeting]:
        sql = "SELECT * FROM meetings"
        params: list[Any] = []
        if group_id is not None:
            sql += " WHERE group_id = ?"
            params.append(group_id)
        sql += " ORDER BY date DESC, id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit):d}"
        return [_meeting_from_row(r) for r in self._rows(sql, params)]

    def last_closed(self, group_id: int, before: str | None = None) -> Meeting | None:
        sql = "SELECT * FROM meetings WHERE group_id = ? AND state = 'closed'"
        params: list[Any] = [group_id]
        if before is not None:
            sql += " AND date < ?"
            params.append(before)
        row = self._one(sql + " ORDER BY date DESC, id DESC LIMIT 1", params)
        return _meeting_from_row(row) if row else None

    def save_engine_state(self, meeting_id: int, state: dict[str, object]) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE meetings SET engine_state = ? WHERE id = ?",
                [json.dumps(state), meeting_id],
            )

    def set_agenda(self, meeting_id: int, agenda: list[dict[str, object]]) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE meetings SET agenda = ? WHERE id = ?", [json.dumps(agenda), meeting_id]
            )

    def end(self, meeting_id: int, next_meeting_date: str = "") -> Meeting:
        with self._write() as db:
            db.execute(
                "UPDATE meetings SET state = 'closed', ended_at = ?, next_meeting_date = ?"
                " WHERE id = ?",
                [self._now(), next_meeting_date, meeting_id],
            )
        return self.get(meeting_id)

    def set_next_meeting_date(self, meeting_id: int, next_meeting_date: str) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE meetings SET next_meeting_date = ? WHERE id = ?",
                [next_meeting_date, meeting_id],
            )

    def _mark_if_closed(self, db: Database, meeting_id: int, what: str) -> None:
        row = db.execute("SELECT state FROM meetings WHERE id = ?", [meeting_id]).fetchone()
        if row is None:
            raise KeyError(meeting_id)
        if row[0] == MeetingState.CLOSED.value:
            now = self._now()
            db.execute("UPDATE meetings SET corrected_at = ? WHERE id = ?", [now, meeting_id])
            db.table("corrections").insert({"meeting_id": meeting_id, "what": what, "at": now})

    def corrections(self, meeting_id: int) -> list[Correction]:
        return [
            Correction(id=r["id"], meeting_id=r["meeting_id"], what=r["what"], at=r["at"])
            for r in self._rows(
                "SELECT * FROM corrections WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def change_walk_ins(self, meeting_id: int, delta: int) -> int:
        """Add (or with a negative delta, undo) anonymous walk-ins; never below zero."""
        return self._change_count(meeting_id, "walk_ins", delta)

    def change_safety_concerns(self, meeting_id: int, delta: int) -> int:
        """Count (or undo) a safety concern; never below zero."""
        return self._change_count(meeting_id, "safety_concerns", delta)

    def _change_count(self, meeting_id: int, column: str, delta: int) -> int:
        if column not in ("walk_ins", "safety_concerns"):  # a fixed name, never user text
            raise ValueError(column)
        with self._write() as db:
            db.execute(
                f"UPDATE meetings SET {column} = max(0, {column} + ?) WHERE id = ?",
                [delta, meeting_id],
            )
            self._mark_if_closed(db, meeting_id, column)
            value = db.execute(f"SELECT {column} FROM meetings WHERE id = ?", [meeting_id])
            return int(value.fetchone()[0])

    # Attendance ------------------------------------------------------------------------
    def check_in(
        self,
        meeting_id: int,
        pseudonym: str,
        *,
        is_new: bool = False,
        status: AttendanceStatus = AttendanceStatus.PRESENT,
    ) -> Attendance:
        """Mark someone present (or as having sent apologies). Idempotent."""
        att = Attendance(meeting_id, pseudonym, AttendanceStatus(status), is_new, self._now())
        with self._write() as db:
            db.execute(
                "INSERT INTO attendance (meeting_id, pseudonym, status, is_new, recorded_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id, pseudonym) DO UPDATE SET"
                " status = excluded.status, is_new = max(is_new, excluded.is_new)",
                [meeting_id, pseudonym, att.status.value, int(is_new), att.recorded_at],
            )
            self._mark_if_closed(db, meeting_id, "attendance")
        return att

    def undo_check_in(self, meeting_id: int, pseudonym: str) -> None:
        with self._write() as db:
            db.execute(
                "DELETE FROM attendance WHERE meeting_id = ? AND pseudonym = ?",
                [meeting_id, pseudonym],
            )
            self._mark_if_closed(db, meeting_id, "attendance")

    def attendance(self, meeting_id: int) -> list[Attendance]:
        return [
            Attendance(
                r["meeting_id"],
                r["pseudonym"],
                AttendanceStatus(r["status"]),
                _b(r["is_new"]),
                r["recorded_at"],
            )
            for r in self._rows(
                "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY recorded_at, rowid",
                [meeting_id],
            )
        ]

    def present(self, meeting_id: int) -> list[str]:
        """Pseudonyms present, in order of arrival."""
        return [
            a.pseudonym for a in self.attendance(meeting_id) if a.status is AttendanceStatus.PRESENT
        ]


# -- Moods, skills, goals, safety, wellbeing -----------------------------------------


def _mood_from_row(r: dict[str, Any]) -> MoodCheck:
    return MoodCheck(
        id=r["id"],
        meeting_id=r["meeting_id"],
        round=MoodRound(r["round"]),
        scale=MoodScale(r["scale"]),
        score=r["score"],
        pseudonym=r["pseudonym"],
        passed=_b(r["passed"]),
        feeling_word=r["feeling_word"],
        recorded_at=r["recorded_at"],
    )


class MoodRepo(_Repo):
    def record(self, mood: MoodCheck) -> MoodCheck:
        """Store a score (or a pass). Per person, a new answer replaces the old one."""
        scale = MoodScale(mood.scale)
        if mood.passed:
            mood.score = None
        elif mood.score is None or not scale.low <= mood.score <= scale.high:
            raise InvalidInput("Mood score outside the group's scale.")
        mood.recorded_at = self._now()
        values = {
            "meeting_id": mood.meeting_id,
            "round": MoodRound(mood.round).value,
            "scale": scale.value,
            "score": mood.score,
            "pseudonym": mood.pseudonym,
            "passed": int(mood.passed),
            "feeling_word": mood.feeling_word,
            "recorded_at": mood.recorded_at,
        }
        with self._write() as db:
            if mood.pseudonym is not None:
                db.execute(
                    "DELETE FROM mood_checks WHERE meeting_id = ? AND round = ? AND pseudonym = ?",
                    [mood.meeting_id, values["round"], mood.pseudonym],
                )
            mood.id = db.table("mood_checks").insert(values).last_pk
            self._store.meetings._mark_if_closed(db, mood.meeting_id, "mood")
        return mood

    def remove(self, mood_id: int) -> None:
        with self._write() as db:
            row = db.execute("SELECT meeting_id FROM mood_checks WHERE id = ?", [mood_id])
            found = row.fetchone()
            db.execute("DELETE FROM mood_checks WHERE id = ?", [mood_id])
            if found:
                self._store.meetings._mark_if_closed(db, int(found[0]), "mood")

    def for_meeting(self, meeting_id: int, round: MoodRound | None = None) -> list[MoodCheck]:
        sql = "SELECT * FROM mood_checks WHERE meeting_id = ?"
        params: list[Any] = [meeting_id]
        if round is not None:
            sql += " AND round = ?"
            params.append(MoodRound(round).value)
        return [_mood_from_row(r) for r in self._rows(sql + " ORDER BY id", params)]


class SkillRepo(_Repo):
    def categories(self) -> list[SkillCategory]:
        return [
            SkillCategory(id=r["id"], name=r["name"], builtin=_b(r["builtin"]))
            for r in self._rows("SELECT * FROM skill_categories ORDER BY id")
        ]

    def add_category(self, name: str) -> SkillCategory:
        name = name.strip()
        if not name:
            raise InvalidInput("A category needs a name.")
        with self._write() as db:
            existing = db.execute("SELECT id FROM skill_categories WHERE name = ?", [name])
            row = existing.fetchone()
            if row:
                return SkillCategory(id=int(row[0]), name=name)
            pk = db.table("skill_categories").insert({"name": name, "builtin": 0}).last_pk
        return SkillCategory(id=pk, name=name)

    def skills(self) -> list[Skill]:
        return [
            Skill(
                id=r["id"],
                name=r["name"],
                category_id=r["category_id"],
                description=r["description"],
                builtin=_b(r["builtin"]),
            )
            for r in self._rows("SELECT * FROM skills ORDER BY name COLLATE NOCASE")
        ]

    def add_skill(self, name: str, category_id: int, description: str = "") -> Skill:
        """Add a group's own skill (or return the existing one of that name and category)."""
        name = name.strip()
        if not name:
            raise InvalidInput("A skill needs a name.")
        with self._write() as db:
            row = db.execute(
                "SELECT id, builtin FROM skills WHERE name = ? AND category_id = ?",
                [name, category_id],
            ).fetchone()
            if row:
                return Skill(name, category_id, description, _b(row[1]), int(row[0]))
            pk = (
                db.table("skills")
                .insert({"name": name, "category_id": category_id, "description": description})
                .last_pk
            )
        return Skill(name, category_id, description, False, pk)

    def share(self, meeting_id: int, skill_id: int, pseudonym: str | None = None) -> SkillShare:
        share = SkillShare(meeting_id, skill_id, pseudonym, self._now())
        with self._write() as db:
            share.id = (
                db.table("skill_shares")
                .insert(
                    {
                        "meeting_id": meeting_id,
                        "skill_id": skill_id,
                        "pseudonym": pseudonym,
                        "recorded_at": share.recorded_at,
                    }
                )
                .last_pk
            )
            self._store.meetings._mark_if_closed(db, meeting_id, "skill_share")
        return share

    def remove_share(self, share_id: int) -> None:
        with self._write() as db:
            found = db.execute(
                "SELECT meeting_id FROM skill_shares WHERE id = ?", [share_id]
            ).fetchone()
            db.execute("DELETE FROM skill_shares WHERE id = ?", [share_id])
            if found:
                self._store.meetings._mark_if_closed(db, int(found[0]), "skill_share")

    def shares(self, meeting_id: int) -> list[SkillShare]:
        return [
            SkillShare(r["meeting_id"], r["skill_id"], r["pseudonym"], r["recorded_at"], r["id"])
            for r in self._rows(
                "SELECT * FROM skill_shares WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def most_shared(self, group_id: int, limit: int = 5) -> list[tuple[Skill, int]]:
        """The group's most shared skills, for inspiration during the share."""
        rows = self._rows(
            "SELECT s.*, count(*) AS n FROM skill_shares x JOIN meetings m ON m.id = x.meeting_id"
            " JOIN skills s ON s.id = x.skill_id WHERE m.group_id = ?"
            " GROUP BY s.id ORDER BY n DESC, s.name LIMIT ?",
            [group_id, limit],
        )
        return [
            (
                Skill(r["name"], r["category_id"], r["description"], _b(r["builtin"]), r["id"]),
                int(r["n"]),
            )
            for r in rows
        ]


def _goal_from_row(r: dict[str, Any]) -> Goal:
    return Goal(
        id=r["id"],
        pseudonym=r["pseudonym"],
        text=r["text"],
        set_meeting_id=r["set_meeting_id"],
        outcome=GoalOutcome(r["outcome"]) if r["outcome"] else None,
        reviewed_meeting_id=r["reviewed_meeting_id"],
        created_at=r["created_at"],
        reviewed_at=r["reviewed_at"],
    )


class GoalRepo(_Repo):
    def set(self, pseudonym: str, text: str, meeting_id: int | None) -> Goal:
        if not text.strip():
            raise InvalidInput("A goal needs some words.")
        goal = Goal(pseudonym, text, meeting_id, created_at=self._now())
        with self._write() as db:
            goal.id = (
                db.table("goals")
                .insert(
                    {
                        "pseudonym": pseudonym,
                        "text": text,
                        "set_meeting_id": meeting_id,
                        "created_at": goal.created_at,
                    }
                )
                .last_pk
            )
            if meeting_id is not None:
                self._store.meetings._mark_if_closed(db, meeting_id, "goal")
        return goal

    def update_text(self, goal_id: int, text: str) -> None:
        if not text.strip():
            raise InvalidInput("A goal needs some words.")
        with self._write() as db:
            db.execute("UPDATE goals SET text = ? WHERE id = ?", [text, goal_id])

    def delete(self, goal_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM goals WHERE id = ?", [goal_id])

    def review(self, goal_id: int, outcome: GoalOutcome | None, meeting_id: int | None) -> None:
        """Record (or with ``None`` undo) how a goal went."""
        with self._write() as db:
            db.execute(
                "UPDATE goals SET outcome = ?, reviewed_meeting_id = ?, reviewed_at = ?"
                " WHERE id = ?",
                [
                    GoalOutcome(outcome).value if outcome else None,
                    meeting_id if outcome else None,
                    self._now() if outcome else "",
                    goal_id,
                ],
            )
            if meeting_id is not None:
                self._store.meetings._mark_if_closed(db, meeting_id, "goal_review")

    def get(self, goal_id: int) -> Goal:
        row = self._one("SELECT * FROM goals WHERE id = ?", [goal_id])
        if row is None:
            raise KeyError(goal_id)
        return _goal_from_row(row)

    def open_for(
        self, pseudonyms: Iterable[str], before_meeting_id: int | None = None
    ) -> list[Goal]:
        """Goals not yet reviewed (or reviewed in ``before_meeting_id``, so the review can be
        changed), set before that meeting, for the given people."""
        wanted = list(pseudonyms)
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        sql = f"SELECT * FROM goals WHERE pseudonym IN ({marks}) AND text IS NOT NULL"
        params: list[Any] = list(wanted)
        if before_meeting_id is not None:
            sql += (
                " AND (set_meeting_id IS NULL OR set_meeting_id != ?)"
                " AND (outcome IS NULL OR reviewed_meeting_id = ?)"
            )
            params += [before_meeting_id, before_meeting_id]
        else:
            sql += " AND outcome IS NULL"
        return [_goal_from_row(r) for r in self._rows(sql + " ORDER BY id", params)]

    def set_in(self, meeting_id: int) -> list[Goal]:
        return [
            _goal_from_row(r)
            for r in self._rows(
                "SELECT * FROM goals WHERE set_meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def reviewed_in(self, meeting_id: int) -> list[Goal]:
        return [
            _goal_from_row(r)
            for r in self._rows(
                "SELECT * FROM goals WHERE reviewed_meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def for_pseudonym(self, pseudonym: str) -> list[Goal]:
        return [
            _goal_from_row(r)
            for r in self._rows(
                "SELECT * FROM goals WHERE pseudonym = ? ORDER BY id DESC", [pseudonym]
            )
        ]


class SafetyRepo(_Repo):
    def add_note(self, meeting_id: int | None, text: str) -> SafetyNote:
        """A private note (encrypted in the vault, never exported)."""
        if not text.strip():
            raise InvalidInput("The note is empty.")
        note = SafetyNote(meeting_id, text, self._now())
        with self._write() as db:
            note.id = (
                db.table("safety_notes")
                .insert({"meeting_id": meeting_id, "text": text, "created_at": note.created_at})
                .last_pk
            )
        return note

    def notes(self, meeting_id: int | None = None) -> list[SafetyNote]:
        sql = "SELECT * FROM safety_notes"
        params: list[Any] = []
        if meeting_id is not None:
            sql += " WHERE meeting_id = ?"
            params.append(meeting_id)
        return [
            SafetyNote(r["meeting_id"], r["text"], r["created_at"], r["id"])
            for r in self._rows(sql + " ORDER BY id", params)
        ]


class WellbeingRepo(_Repo):
    def record(self, response: WellbeingResponse) -> WellbeingResponse:
        if not response.answers:
            raise InvalidInput("No answers given.")
        response.recorded_at = self._now()
        with self._write() as db:
            if response.pseudonym is not None:
                db.execute(
                    "DELETE FROM wellbeing_responses WHERE meeting_id = ? AND pseudonym = ?"
                    " AND scale = ?",
                    [response.meeting_id, response.pseudonym, response.scale],
                )
            response.id = (
                db.table("wellbeing_responses")
                .insert(
                    {
                        "meeting_id": response.meeting_id,
                        "scale": response.scale,
                        "answers": json.dumps(response.answers),
                        "pseudonym": response.pseudonym,
                        "recorded_at": response.recorded_at,
                    }
                )
                .last_pk
            )
        return response

    def for_meeting(self, meeting_id: int) -> list[WellbeingResponse]:
        return [
            WellbeingResponse(
                r["meeting_id"],
                r["scale"],
                json.loads(r["answers"]),
                r["pseudonym"],
                r["recorded_at"],
                r["id"],
            )
            for r in self._rows(
                "SELECT * FROM wellbeing_responses WHERE meeting_id = ? ORDER BY id",
                [meeting_id],
            )
        ]


# -- Vault settings ------------------------------------------------------------------

VAULT_SETTING_DEFAULTS: dict[str, Any] = {
    "auto_lock_minutes": 5,
    "meeting_lock_minutes": 30,
    "suppression_threshold": 5,
    "backup_dir": "",
    "backup_reminder_days": 7,
    "last_backup_at": "",
    "forget_after_months": 12,
}

_SETTING_RANGES: dict[str, tuple[int, int]] = {
    "auto_lock_minutes": (1, 120),
    "meeting_lock_minutes": (5, 240),
    "suppression_threshold": (5, 11),
    "backup_reminder_days": (1, 365),
    "forget_after_months": (1, 120),
}


class SettingsRepo(_Repo):
    """Vault-held settings (personal or not, they are encrypted with the rest)."""

    def get(self, key: str) -> Any:
        if key not in VAULT_SETTING_DEFAULTS:
            raise KeyError(key)
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return json.loads(row["value"]) if row else VAULT_SETTING_DEFAULTS[key]

    def set(self, key: str, value: Any) -> None:
        if key not in VAULT_SETTING_DEFAULTS:
            raise KeyError(key)
        default = VAULT_SETTING_DEFAULTS[key]
        if isinstance(default, int) and (isinstance(value, bool) or not isinstance(value, int)):
            raise InvalidInput("Please enter a whole number.")
        if isinstance(default, str) and not isinstance(value, str):
            raise InvalidInput("Please enter text.")
        if key in _SETTING_RANGES:
            low, high = _SETTING_RANGES[key]
            if not low <= value <= high:
                raise InvalidInput(f"Please enter a number from {low} to {high}.")
        with self._write() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )

    def all(self) -> dict[str, Any]:
        values = dict(VAULT_SETTING_DEFAULTS)
        for row in self._rows("SELECT key, value FROM settings"):
            if row["key"] in values:
                values[row["key"]] = json.loads(row["value"])
        return values


# -- The facade ------------------------------------------------------------------------


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

    def now_iso(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds")

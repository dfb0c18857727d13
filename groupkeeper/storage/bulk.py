"""Fast bulk inserts of many records at once, for demo data and benchmarks.

The repositories in ``repos`` commit every action on its own (one fsync each), which is
right for a meeting but far too slow for writing five years of twenty groups. ``bulk``
writes whole lists of the same model dataclasses with ``executemany`` inside *one*
transaction. It trusts its caller (the demo generator) more than the repositories do:
values are still bound as parameters, but cross-record rules (one mood per person and
round, closed-meeting corrections) are the caller's business.

Usage::

    with bulk.session(store) as writer:
        writer.add_members(members)
        ...
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from groupkeeper.model import (
    Attendance,
    ConsentKind,
    Goal,
    Meeting,
    Member,
    MoodCheck,
    SafetyNote,
    SkillShare,
)
from groupkeeper.storage._sqlcipher import Database, write_transaction
from groupkeeper.storage.faults import guarded
from groupkeeper.storage.repos import Store, new_pseudonym


class BulkWriter:
    """Inserts lists of records; only valid inside ``session`` (one open transaction)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._db: Database = store.db

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._db.conn.executemany(sql, rows)

    def add_members(self, members: Sequence[Member], created_at: str) -> None:
        """Insert members (with group links and consent records); sets ``id`` and
        ``pseudonym`` on each. A member's preset pseudonym is kept, else a random one."""
        for member in members:
            if not member.pseudonym:
                member.pseudonym = new_pseudonym()
        self._many(
            "INSERT INTO pseudonyms (pseudonym, joined_on) VALUES (?, ?)",
            [(m.pseudonym, m.joined_on) for m in members],
        )
        row = self._db.execute("SELECT coalesce(max(id), 0) FROM members").fetchone()
        next_id = int(row[0]) + 1
        member_rows: list[tuple[Any, ...]] = []
        links: list[tuple[int, int]] = []
        consents: list[tuple[int, str, int, str]] = []
        for member in members:
            member.id = next_id
            next_id += 1
            stamp = (member.joined_on + "T18:00:00+00:00") if member.joined_on else created_at
            member_rows.append(
                (
                    member.id,
                    member.pseudonym,
                    member.display_name,
                    member.full_name,
                    member.pronouns,
                    member.phone,
                    member.email,
                    member.emergency_contact,
                    int(member.contact_consent),
                    member.notes,
                    member.joined_on,
                    int(member.active),
                    stamp,
                    stamp,
                )
            )
            links.extend((g, member.id) for g in member.group_ids)
            consents.append((member.id, ConsentKind.ROSTER.value, 1, stamp))
            if member.contact_consent:
                consents.append((member.id, ConsentKind.CONTACT.value, 1, stamp))
        self._many(
            "INSERT INTO members (id, pseudonym, display_name, full_name, pronouns, phone,"
            " email, emergency_contact, contact_consent, notes, joined_on, active, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            member_rows,
        )
        self._many("INSERT INTO group_members (group_id, member_id) VALUES (?, ?)", links)
        self._many(
            "INSERT INTO consents (member_id, kind, granted, recorded_at) VALUES (?, ?, ?, ?)",
            consents,
        )

    def add_meeting(self, meeting: Meeting) -> int:
        """Insert one meeting as it is (state, times, counts); sets and returns its id."""
        cur = self._db.execute(
            "INSERT INTO meetings (group_id, date, state, started_at, ended_at, agenda,"
            " engine_state, walk_ins, safety_concerns, next_meeting_date, entered_after,"
            " corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                meeting.group_id,
                meeting.date,
                meeting.state.value,
                meeting.started_at,
                meeting.ended_at,
                json.dumps(meeting.agenda),
                json.dumps(meeting.engine_state),
                meeting.walk_ins,
                meeting.safety_concerns,
                meeting.next_meeting_date,
                int(meeting.entered_after),
                meeting.corrected_at,
            ],
        )
        meeting_id = cur.lastrowid
        assert meeting_id is not None
        meeting.id = int(meeting_id)
        return meeting.id

    def add_attendance(self, rows: Sequence[Attendance]) -> None:
        self._many(
            "INSERT INTO attendance (meeting_id, pseudonym, status, is_new, recorded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (a.meeting_id, a.pseudonym, a.status.value, int(a.is_new), a.recorded_at)
                for a in rows
            ],
        )

    def add_moods(self, rows: Sequence[MoodCheck]) -> None:
        self._many(
            "INSERT INTO mood_checks (meeting_id, round, scale, score, pseudonym, passed,"
            " feeling_word, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    m.meeting_id,
                    m.round.value,
                    m.scale.value,
                    None if m.passed else m.score,
                    m.pseudonym,
                    int(m.passed),
                    m.feeling_word,
                    m.recorded_at,
                )
                for m in rows
            ],
        )

    def add_skill_shares(self, rows: Sequence[SkillShare]) -> None:
        self._many(
            "INSERT INTO skill_shares (meeting_id, skill_id, pseudonym, recorded_at)"
            " VALUES (?, ?, ?, ?)",
            [(s.meeting_id, s.skill_id, s.pseudonym, s.recorded_at) for s in rows],
        )

    def add_goals(self, rows: Sequence[Goal]) -> None:
        self._many(
            "INSERT INTO goals (pseudonym, text, set_meeting_id, outcome, reviewed_meeting_id,"
            " created_at, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    g.pseudonym,
                    g.text,
                    g.set_meeting_id,
                    g.outcome.value if g.outcome else None,
                    g.reviewed_meeting_id,
                    g.created_at,
                    g.reviewed_at,
                )
                for g in rows
            ],
        )

    def add_safety_notes(self, rows: Sequence[SafetyNote]) -> None:
        self._many(
            "INSERT INTO safety_notes (meeting_id, text, created_at) VALUES (?, ?, ?)",
            [(n.meeting_id, n.text, n.created_at) for n in rows],
        )


@contextmanager
def session(store: Store) -> Iterator[BulkWriter]:
    """One transaction for many inserts: all of it is committed at the end, or none.

    Repository calls made inside (``store.groups.add``...) join the same transaction.
    """
    with guarded(store.folder), write_transaction(lambda: store.db):
        yield BulkWriter(store)


__all__ = ["BulkWriter", "session"]

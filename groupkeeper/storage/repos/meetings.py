"""The meetings repository: opening and closing meetings, counts, corrections, attendance."""

from __future__ import annotations

import json
from typing import Any

from groupkeeper.model import (
    Attendance,
    AttendanceStatus,
    Correction,
    Meeting,
    MeetingContents,
    MeetingState,
)
from groupkeeper.storage.repos.base import Repo, as_bool, mark_if_closed


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
        entered_after=as_bool(row["entered_after"]),
        corrected_at=row["corrected_at"],
    )


class MeetingRepo(Repo):
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

    def exists(self, meeting_id: int) -> bool:
        return self._one("SELECT 1 AS one FROM meetings WHERE id = ?", [meeting_id]) is not None

    def open_meeting(self, group_id: int | None = None) -> Meeting | None:
        """The most recent meeting still open (to offer "Resume meeting")."""
        sql = "SELECT * FROM meetings WHERE state = 'open'"
        params: list[Any] = []
        if group_id is not None:
            sql += " AND group_id = ?"
            params.append(group_id)
        row = self._one(sql + " ORDER BY id DESC LIMIT 1", params)
        return _meeting_from_row(row) if row else None

    def latest_by_group(self) -> dict[int, tuple[str, int | None]]:
        """Group id -> (the latest meeting's ``next_meeting_date``, the open meeting's id).

        One query for every group: what Home shows (``recent(g, 1)`` and
        ``open_meeting(g)`` of each group, without loading the meetings).
        """
        rows = self._tuples(
            "SELECT g.id, (SELECT next_meeting_date FROM meetings WHERE group_id = g.id"
            " ORDER BY date DESC, id DESC LIMIT 1), (SELECT id FROM meetings WHERE"
            " group_id = g.id AND state = 'open' ORDER BY id DESC LIMIT 1) FROM groups g"
        )
        return {int(g): (str(n or ""), None if o is None else int(o)) for g, n, o in rows}

    def recent(self, group_id: int | None = None, limit: int | None = None) -> list[Meeting]:
        sql = "SELECT * FROM meetings"
        params: list[Any] = []
        if group_id is not None:
            sql += " WHERE group_id = ?"
            params.append(group_id)
        sql += " ORDER BY date DESC, id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit):d}"
        return [_meeting_from_row(r) for r in self._query(sql, params)]

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

    def corrections(self, meeting_id: int) -> list[Correction]:
        return [
            Correction(id=r["id"], meeting_id=r["meeting_id"], what=r["what"], at=r["at"])
            for r in self._query(
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
            mark_if_closed(db, self._now(), meeting_id, column)
            value = db.execute(f"SELECT {column} FROM meetings WHERE id = ?", [meeting_id])
            return int(value.fetchone()[0])

    # Same-day meetings and discarding one started by mistake (issue 13 item 7) ---------
    def on_date(self, group_id: int, meeting_date: str) -> list[Meeting]:
        """The group's meetings held (or open) on ``meeting_date``, oldest first."""
        return [
            _meeting_from_row(r)
            for r in self._query(
                "SELECT * FROM meetings WHERE group_id = ? AND date = ? ORDER BY id",
                [group_id, meeting_date],
            )
        ]

    def contents(self, meeting_id: int) -> MeetingContents:
        """Counts of everything recorded in a meeting (what discarding it deletes)."""
        meeting = self.get(meeting_id)
        one = "SELECT count(*) AS n FROM {} WHERE {} = ?"

        def count(table: str, column: str = "meeting_id", extra: str = "") -> int:
            row = self._one(one.format(table, column) + extra, [meeting_id])
            return int(row["n"]) if row else 0

        return MeetingContents(
            present=count("attendance", extra=" AND status = 'present'"),
            new_here=count("attendance", extra=" AND status = 'present' AND is_new = 1"),
            apologies=count("attendance", extra=" AND status = 'apologies'"),
            walk_ins=meeting.walk_ins,
            moods=count("mood_checks"),
            skill_shares=count("skill_shares"),
            goals_set=count("goals", "set_meeting_id"),
            goals_reviewed=count("goals", "reviewed_meeting_id"),
            wellbeing=count("wellbeing_responses"),
            safety_notes=count("safety_notes"),
            safety_concerns=meeting.safety_concerns,
        )

    def discard(self, meeting_id: int) -> None:
        """Delete a meeting and everything recorded in it, in one transaction.

        Goals *reviewed* in it go back to open (their review is what this meeting added);
        members added there as "new here" stay on the roster. ``secure_delete`` overwrites
        the rows.
        """
        with self._write() as db:
            db.execute(
                "UPDATE goals SET outcome = NULL, reviewed_meeting_id = NULL, reviewed_at = ''"
                " WHERE reviewed_meeting_id = ?",
                [meeting_id],
            )
            for table, column in (
                ("attendance", "meeting_id"),
                ("mood_checks", "meeting_id"),
                ("skill_shares", "meeting_id"),
                ("goals", "set_meeting_id"),
                ("wellbeing_responses", "meeting_id"),
                ("safety_notes", "meeting_id"),
                ("corrections", "meeting_id"),
            ):
                db.execute(f"DELETE FROM {table} WHERE {column} = ?", [meeting_id])
            db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])

    # Attendance ------------------------------------------------------------------------
    def check_in(
        self,
        meeting_id: int,
        pseudonym: str,
        *,
        is_new: bool = False,
        status: AttendanceStatus = AttendanceStatus.PRESENT,
    ) -> Attendance:
        """Mark someone present (or as having sent apologies). Idempotent.

        A change of status (apologies, then they came after all) is recorded as a new
        arrival: the row moves to the end of the arrival order, so "Undo check-in" on the
        latest arrival takes back this one.
        """
        att = Attendance(meeting_id, pseudonym, AttendanceStatus(status), is_new, self._now())
        with self._write() as db:
            before = db.execute(
                "SELECT status, is_new FROM attendance WHERE meeting_id = ? AND pseudonym = ?",
                [meeting_id, pseudonym],
            ).fetchone()
            if before is not None and before[0] != att.status.value:
                is_new = is_new or bool(before[1])
                db.execute(
                    "DELETE FROM attendance WHERE meeting_id = ? AND pseudonym = ?",
                    [meeting_id, pseudonym],
                )
            db.execute(
                "INSERT INTO attendance (meeting_id, pseudonym, status, is_new, recorded_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id, pseudonym) DO UPDATE SET"
                " status = excluded.status, is_new = max(is_new, excluded.is_new)",
                [meeting_id, pseudonym, att.status.value, int(is_new), att.recorded_at],
            )
            mark_if_closed(db, self._now(), meeting_id, "attendance")
        return att

    def undo_check_in(self, meeting_id: int, pseudonym: str) -> None:
        with self._write() as db:
            db.execute(
                "DELETE FROM attendance WHERE meeting_id = ? AND pseudonym = ?",
                [meeting_id, pseudonym],
            )
            mark_if_closed(db, self._now(), meeting_id, "attendance")

    def attendance_of(self, meeting_id: int, pseudonym: str) -> Attendance | None:
        """One person's check-in record in a meeting (or None): one indexed read."""
        row = self._one(
            "SELECT * FROM attendance WHERE meeting_id = ? AND pseudonym = ?",
            [meeting_id, pseudonym],
        )
        if row is None:
            return None
        return Attendance(
            row["meeting_id"],
            row["pseudonym"],
            AttendanceStatus(row["status"]),
            as_bool(row["is_new"]),
            row["recorded_at"],
        )

    def attendance(self, meeting_id: int) -> list[Attendance]:
        return [
            Attendance(
                r["meeting_id"],
                r["pseudonym"],
                AttendanceStatus(r["status"]),
                as_bool(r["is_new"]),
                r["recorded_at"],
            )
            for r in self._query(
                "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY recorded_at, rowid",
                [meeting_id],
            )
        ]

    def present(self, meeting_id: int) -> list[str]:
        """Pseudonyms present, in order of arrival."""
        return [
            a.pseudonym for a in self.attendance(meeting_id) if a.status is AttendanceStatus.PRESENT
        ]

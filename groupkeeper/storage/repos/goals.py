"""The goals repository: goals set in a meeting and how they went."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from groupkeeper.model import (
    Goal,
    GoalOutcome,
)
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo, mark_if_closed


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


class GoalRepo(Repo):
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
                mark_if_closed(db, self._now(), meeting_id, "goal")
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
                mark_if_closed(db, self._now(), meeting_id, "goal_review")

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
        return [_goal_from_row(r) for r in self._query(sql + " ORDER BY id", params)]

    def set_in(self, meeting_id: int) -> list[Goal]:
        return [
            _goal_from_row(r)
            for r in self._query(
                "SELECT * FROM goals WHERE set_meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def reviewed_in(self, meeting_id: int) -> list[Goal]:
        return [
            _goal_from_row(r)
            for r in self._query(
                "SELECT * FROM goals WHERE reviewed_meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def for_pseudonym(self, pseudonym: str) -> list[Goal]:
        return [
            _goal_from_row(r)
            for r in self._query(
                "SELECT * FROM goals WHERE pseudonym = ? ORDER BY id DESC", [pseudonym]
            )
        ]

"""The mood checks repository (scores or passes, per round)."""

from __future__ import annotations

from typing import Any

from groupkeeper.model import (
    MoodCheck,
    MoodRound,
    MoodScale,
)
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo, as_bool, mark_if_closed


def _mood_from_row(r: dict[str, Any]) -> MoodCheck:
    return MoodCheck(
        id=r["id"],
        meeting_id=r["meeting_id"],
        round=MoodRound(r["round"]),
        scale=MoodScale(r["scale"]),
        score=r["score"],
        pseudonym=r["pseudonym"],
        passed=as_bool(r["passed"]),
        feeling_word=r["feeling_word"],
        recorded_at=r["recorded_at"],
    )


class MoodRepo(Repo):
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
            mark_if_closed(db, self._now(), mood.meeting_id, "mood")
        return mood

    def remove(self, mood_id: int) -> None:
        with self._write() as db:
            row = db.execute("SELECT meeting_id FROM mood_checks WHERE id = ?", [mood_id])
            found = row.fetchone()
            db.execute("DELETE FROM mood_checks WHERE id = ?", [mood_id])
            if found:
                mark_if_closed(db, self._now(), int(found[0]), "mood")

    def for_meeting(self, meeting_id: int, round: MoodRound | None = None) -> list[MoodCheck]:
        sql = "SELECT * FROM mood_checks WHERE meeting_id = ?"
        params: list[Any] = [meeting_id]
        if round is not None:
            sql += " AND round = ?"
            params.append(MoodRound(round).value)
        return [_mood_from_row(r) for r in self._query(sql + " ORDER BY id", params)]

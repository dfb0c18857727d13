"""Mood operations: a score, a pass, taking an answer back, and anonymous tallies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from groupkeeper.model import MoodCheck, MoodRound, MoodScale
from groupkeeper.ops.base import Kind, operation
from groupkeeper.storage.errors import InvalidInput

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store


def _round(value: str) -> MoodRound:
    try:
        return MoodRound(value)
    except ValueError:
        raise InvalidInput("There is no mood round of that name.") from None


def _scale(store: Store, meeting_id: int) -> MoodScale:
    meeting = store.meetings.get(meeting_id)
    return store.groups.get(meeting.group_id).mood_scale


@operation("mood.record", Kind.MOODS)
def record(
    store: Store,
    *,
    meeting_id: int,
    round: str,
    pseudonym: str,
    score: int,
    feeling_word: str = "",
) -> MoodCheck:
    """Record (or replace) a person's score on the group's scale."""
    return store.moods.record(
        MoodCheck(
            meeting_id,
            _round(round),
            _scale(store, meeting_id),
            score,
            pseudonym=pseudonym,
            feeling_word=feeling_word.strip(),
        )
    )


@operation("mood.pass", Kind.MOODS)
def pass_(store: Store, *, meeting_id: int, round: str, pseudonym: str) -> MoodCheck:
    """Record that a person passed (no score)."""
    return store.moods.record(
        MoodCheck(
            meeting_id,
            _round(round),
            _scale(store, meeting_id),
            None,
            pseudonym=pseudonym,
            passed=True,
        )
    )


@operation("mood.clear", Kind.MOODS)
def clear(store: Store, *, meeting_id: int, round: str, pseudonym: str) -> bool:
    """Take back a person's answer in a round; False if they had none."""
    for mood in store.moods.for_meeting(meeting_id, _round(round)):
        if mood.pseudonym == pseudonym and mood.id is not None:
            store.moods.remove(mood.id)
            return True
    return False


@operation("mood.add_tally", Kind.MOODS)
def add_tally(store: Store, *, meeting_id: int, round: str, score: int) -> MoodCheck:
    """Tally-only groups: one anonymous answer (no pseudonym at all)."""
    return store.moods.record(
        MoodCheck(meeting_id, _round(round), _scale(store, meeting_id), score, pseudonym=None)
    )


@operation("mood.undo_tally", Kind.MOODS)
def undo_tally(store: Store, *, meeting_id: int, round: str, score: int) -> bool:
    """Remove the latest anonymous answer with ``score``; False if there is none."""
    for mood in reversed(store.moods.for_meeting(meeting_id, _round(round))):
        if mood.pseudonym is None and mood.score == score and mood.id is not None:
            store.moods.remove(mood.id)
            return True
    return False

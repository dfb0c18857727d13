"""Goal operations: set or change this week's goal, remove it, review last week's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from groupkeeper.model import Goal, GoalOutcome
from groupkeeper.ops.base import Kind, operation
from groupkeeper.storage.errors import InvalidInput

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store


def _set_here(store: Store, meeting_id: int, pseudonym: str) -> Goal | None:
    return next((g for g in store.goals.set_in(meeting_id) if g.pseudonym == pseudonym), None)


@operation("goal.set", Kind.GOALS)
def set_goal(store: Store, *, meeting_id: int, pseudonym: str, text: str) -> Goal:
    """Set a person's goal for the week, or change the one set in this meeting."""
    text = text.strip()
    if not text:
        raise InvalidInput("A goal needs some words.")
    existing = _set_here(store, meeting_id, pseudonym)
    if existing is not None and existing.id is not None:
        store.goals.update_text(existing.id, text)
        existing.text = text
        return existing
    return store.goals.set(pseudonym, text, meeting_id)


@operation("goal.remove", Kind.GOALS)
def remove(store: Store, *, meeting_id: int, pseudonym: str) -> bool:
    """Remove the goal a person set in this meeting; False if there was none."""
    existing = _set_here(store, meeting_id, pseudonym)
    if existing is None or existing.id is None:
        return False
    store.goals.delete(existing.id)
    return True


@operation("goal.review", Kind.GOALS)
def review(store: Store, *, meeting_id: int, goal_id: int, outcome: str | None) -> None:
    """Record how a goal went in this meeting (``None`` takes the review back)."""
    try:
        value = GoalOutcome(outcome) if outcome else None
    except ValueError:
        raise InvalidInput("That is not a way a goal can go.") from None
    store.goals.get(goal_id)
    store.goals.review(goal_id, value, meeting_id)

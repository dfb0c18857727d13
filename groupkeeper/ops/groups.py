"""Group operations: add a group, change its details, its crisis resources."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from groupkeeper import agenda
from groupkeeper.model import Group, MoodScale
from groupkeeper.ops.base import Kind, operation
from groupkeeper.storage.errors import InvalidInput

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store

#: The fields an operation may set (everything but the local id).
FIELDS = tuple(f.name for f in dataclasses.fields(Group) if f.name != "id")


def group_fields(group: Group) -> dict[str, Any]:
    """A group's fields as plain data, for ``add``/``update``."""
    values = {name: getattr(group, name) for name in FIELDS}
    values["mood_scale"] = MoodScale(group.mood_scale).value
    return values


def _apply_fields(group: Group, fields: dict[str, Any]) -> Group:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown group fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(group, name, value)
    try:
        group.mood_scale = MoodScale(group.mood_scale)
    except ValueError:
        raise InvalidInput("That mood scale is not one GroupKeeper knows.") from None
    group.name = group.name.strip()
    if not group.name:
        raise InvalidInput("A group needs a name.")
    return group


def _check_agenda(raw: list[dict[str, Any]]) -> None:
    try:
        segments = agenda.from_dicts(raw)
    except (KeyError, TypeError, ValueError):
        raise InvalidInput("The agenda could not be read. Please set it up again.") from None
    problems = agenda.validate(segments)
    if agenda.PROBLEM_EMPTY in problems:
        raise InvalidInput("The agenda needs at least one segment.")
    for problem in problems:
        index = int(problem.split(":")[1])
        raise InvalidInput(
            "Segment {number} needs from {low} to {high} minutes.",
            number=index + 1,
            low=agenda.MIN_MINUTES,
            high=agenda.MAX_MINUTES,
        )


@operation("group.add", Kind.GROUPS)
def add(store: Store, *, fields: dict[str, Any]) -> Group:
    """Add a group; without an agenda of its own it gets its template's."""
    group = agenda.fill_from_template(_apply_fields(Group(name=""), fields))
    _check_agenda(group.agenda)
    return store.groups.add(group)


@operation("group.update", Kind.GROUPS)
def update(store: Store, *, group_id: int, fields: dict[str, Any]) -> Group:
    """Change some of a group's fields (the others stay as they are)."""
    return update_group(store, group_id, fields)


def update_group(store: Store, group_id: int, fields: dict[str, Any]) -> Group:
    """What ``group.update`` does, for operations that change a group among other things."""
    group = _apply_fields(store.groups.get(group_id), fields)
    if "agenda" in fields:
        _check_agenda(group.agenda)
    return store.groups.update(group)

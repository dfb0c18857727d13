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


@operation("group.add", Kind.GROUPS)
def add(store: Store, *, fields: dict[str, Any]) -> Group:
    """Add a group; without an agenda of its own it gets its template's."""
    group = _apply_fields(Group(name=""), fields)
    return store.groups.add(agenda.fill_from_template(group))


@operation("group.update", Kind.GROUPS)
def update(store: Store, *, group_id: int, fields: dict[str, Any]) -> Group:
    """Change some of a group's fields (the others stay as they are)."""
    group = _apply_fields(store.groups.get(group_id), fields)
    return store.groups.update(group)

"""Operations: every change a screen makes, as one named step over the vault (no Qt).

Each operation has a stable name (``"member.add"``, ``"attendance.check_in"``...), takes
its arguments as plain JSON data, validates them, applies them in one transaction and
returns an ``OpResult`` whose ``changes`` say which kinds of data changed. Screens build
an ``Op`` with a factory (``ops.members.add(display_name="Maya")``) and hand it to the UI's
runner (``groupkeeper.ui.operations``), which performs it and tells every open screen
through one ``changed`` signal. Plain Python callers (CLI, tests) call ``perform``.

The name and arguments are what a change log stores (``Op.to_json``/``Op.from_json``)
when a group is shared between laptops.
"""

from __future__ import annotations

from groupkeeper.ops import (
    attendance,
    goals,
    groups,
    meetings,
    members,
    moods,
    settings,
    skills,
    sync,
)
from groupkeeper.ops.base import REGISTRY, Kind, Op, OpChanges, OpResult, operation, perform

__all__ = [
    "REGISTRY",
    "Kind",
    "Op",
    "OpChanges",
    "OpResult",
    "attendance",
    "goals",
    "groups",
    "meetings",
    "members",
    "moods",
    "operation",
    "perform",
    "settings",
    "skills",
    "sync",
]

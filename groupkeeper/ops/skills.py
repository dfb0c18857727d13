"""Skill operations: grow the library, record a share, take a share back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from groupkeeper.model import Skill, SkillCategory, SkillShare
from groupkeeper.ops.base import Kind, operation

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store


@operation("skill.add", Kind.SKILLS)
def add(store: Store, *, name: str, category_id: int, description: str = "") -> Skill:
    """Add a skill of the group's own to the library."""
    return store.skills.add_skill(name, category_id, description)


@operation("skill.add_category", Kind.SKILLS)
def add_category(store: Store, *, name: str) -> SkillCategory:
    """Add a category to the skill library."""
    return store.skills.add_category(name)


@operation("skill.share", Kind.SKILLS)
def share(
    store: Store, *, meeting_id: int, skill_id: int, pseudonym: str | None = None
) -> SkillShare:
    """Record that a skill was shared in a meeting (by someone, or anonymously)."""
    return store.skills.share(meeting_id, skill_id, pseudonym)


@operation("skill.remove_share", Kind.SKILLS)
def remove_share(store: Store, *, meeting_id: int, share_id: int) -> None:
    """Take back a share recorded by mistake."""
    store.skills.remove_share(share_id)

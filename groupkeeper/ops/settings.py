"""Vault settings operations (the settings kept encrypted in the vault), and the Settings
dialog's Save: its vault settings and the group on show, as one operation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from groupkeeper.ops.base import Kind, operation
from groupkeeper.ops.groups import update_group

if TYPE_CHECKING:
    from groupkeeper.model import Group
    from groupkeeper.storage.repos import Store


@operation("settings.set", Kind.SETTINGS)
def set_value(store: Store, *, key: str, value: Any) -> None:
    """Change one vault setting (checked against its declared type and range)."""
    store.settings.set(key, value)


@operation("settings.set_many", Kind.SETTINGS)
def set_many(store: Store, *, values: dict[str, Any]) -> None:
    """Change several vault settings together: all are saved, or none."""
    for key, value in values.items():
        store.settings.set(key, value)


@operation("settings.save", Kind.SETTINGS, Kind.GROUPS)
def save(
    store: Store,
    *,
    values: dict[str, Any],
    group_id: int | None = None,
    group_fields: dict[str, Any] | None = None,
) -> Group | None:
    """One press of Save in the Settings dialog: the vault settings and the group on show.

    One transaction, so a refused value or agenda leaves everything as it was, and one
    ``changed`` notification for the screens.

    Args:
        values: vault settings by key (checked against their declared type and range).
        group_id: the group being edited, if any.
        group_fields: that group's fields (``groups.group_fields``).

    Returns:
        The saved group, or None when no group was on show.
    """
    group = None
    if group_id is not None:
        group = update_group(store, group_id, group_fields or {})
    for key, value in values.items():
        store.settings.set(key, value)
    return group

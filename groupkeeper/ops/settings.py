"""Vault settings operations (the settings kept encrypted in the vault)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from groupkeeper.ops.base import Kind, operation

if TYPE_CHECKING:
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

"""The vault settings repository (encrypted with the rest of the vault).

What each setting is (type, default, range, title) is declared once in
``groupkeeper.options.VAULT``; this module only stores and reads the values.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from groupkeeper.options import VAULT, IntOption, Option
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo

T = TypeVar("T")

#: The defaults, by key (derived from the declarations).
VAULT_SETTING_DEFAULTS: dict[str, Any] = VAULT.defaults()


def _checked(option: Option[Any], value: Any) -> Any:
    try:
        return option.check(value)
    except TypeError:
        if isinstance(option, IntOption):
            raise InvalidInput("Please enter a whole number.") from None
        raise InvalidInput("Please enter text.") from None
    except ValueError:
        assert isinstance(option, IntOption)
        raise InvalidInput(
            "Please enter a number from {low} to {high}.", low=option.low, high=option.high
        ) from None


def _usable(option: Option[T], stored: Any) -> T:
    """A stored value as readers may use it: a number outside its range is clamped (a
    damaged suppression threshold of 20 reads as 11, never the laxer default), anything
    else unusable reads as the default."""
    if isinstance(option, IntOption) and isinstance(stored, int) and not isinstance(stored, bool):
        clamped: T = option.clamp(stored)  # type: ignore[assignment]
        return clamped
    return stored if option.allowed(stored) else option.default


class SettingsRepo(Repo):
    """Vault-held settings (personal or not, they are encrypted with the rest)."""

    def get(self, key: str) -> Any:
        """The value of the setting ``key`` (``KeyError`` for an unknown key)."""
        return self.value(VAULT[key])

    def value(self, option: Option[T]) -> T:
        """The typed value of a declared setting; its default if unset or unusable."""
        VAULT[option.key]  # noqa: B018  (an undeclared option is an error)
        row = self._one("SELECT value FROM settings WHERE key = ?", [option.key])
        if row is None:
            return option.default
        return _usable(option, json.loads(row["value"]))

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` for ``key``, checked against its declaration.

        Raises:
            KeyError: no setting has that key.
            InvalidInput: wrong type or outside the declared range (with the sentence).
        """
        value = _checked(VAULT[key], value)
        with self._write() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )

    def all(self) -> dict[str, Any]:
        values = VAULT.defaults()
        for row in self._query("SELECT key, value FROM settings"):
            key = row["key"]
            if key in VAULT:
                values[key] = _usable(VAULT[key], json.loads(row["value"]))
        return values

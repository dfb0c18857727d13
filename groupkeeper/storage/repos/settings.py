"""The vault settings repository (encrypted with the rest of the vault)."""

from __future__ import annotations

import json
from typing import Any

from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo

VAULT_SETTING_DEFAULTS: dict[str, Any] = {
    "auto_lock_minutes": 5,
    "meeting_lock_minutes": 30,
    "suppression_threshold": 5,
    "backup_dir": "",
    "backup_reminder_days": 7,
    "last_backup_at": "",
    "forget_after_months": 12,
}

_SETTING_RANGES: dict[str, tuple[int, int]] = {
    "auto_lock_minutes": (1, 120),
    "meeting_lock_minutes": (5, 240),
    "suppression_threshold": (5, 11),
    "backup_reminder_days": (1, 365),
    "forget_after_months": (1, 120),
}


class SettingsRepo(Repo):
    """Vault-held settings (personal or not, they are encrypted with the rest)."""

    def get(self, key: str) -> Any:
        if key not in VAULT_SETTING_DEFAULTS:
            raise KeyError(key)
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return json.loads(row["value"]) if row else VAULT_SETTING_DEFAULTS[key]

    def set(self, key: str, value: Any) -> None:
        if key not in VAULT_SETTING_DEFAULTS:
            raise KeyError(key)
        default = VAULT_SETTING_DEFAULTS[key]
        if isinstance(default, int) and (isinstance(value, bool) or not isinstance(value, int)):
            raise InvalidInput("Please enter a whole number.")
        if isinstance(default, str) and not isinstance(value, str):
            raise InvalidInput("Please enter text.")
        if key in _SETTING_RANGES:
            low, high = _SETTING_RANGES[key]
            if not low <= value <= high:
                raise InvalidInput(f"Please enter a number from {low} to {high}.")
        with self._write() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )

    def all(self) -> dict[str, Any]:
        values = dict(VAULT_SETTING_DEFAULTS)
        for row in self._query("SELECT key, value FROM settings"):
            if row["key"] in values:
                values[row["key"]] = json.loads(row["value"])
        return values

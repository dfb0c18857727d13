"""Every folder the app uses, and the only module that imports ``appdirs``.

``appdirs`` is stable but no longer developed; keeping it here gives folder logic one
home. Tests redirect everything by setting ``GROUPKEEPER_HOME`` (a folder that then holds
``data/`` and ``config/``), so they never touch a real user's folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

APP_NAME = "GroupKeeper"
APP_AUTHOR = "GroupKeeper"
_HOME_ENV = "GROUPKEEPER_HOME"


def _override() -> Path | None:
    home = os.environ.get(_HOME_ENV)
    return Path(home) if home else None


def data_dir() -> Path:
    """Folder that holds the default vault."""
    home = _override()
    if home is not None:
        return home / "data"
    return Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_vault_dir() -> Path:
    """Where a new vault goes unless the user picks another folder."""
    return data_dir() / "vault"


def config_dir() -> Path:
    """Folder for the small, non-personal settings file."""
    home = _override()
    if home is not None:
        return home / "config"
    return Path(appdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def settings_file() -> Path:
    return config_dir() / "settings.json"


def default_backup_dir() -> Path:
    return data_dir() / "backups"

"""Every folder the app uses, and the only module that imports ``appdirs``.

``appdirs`` is stable but no longer developed; keeping it here gives folder logic one
home. Tests redirect everything by setting ``GROUPKEEPER_HOME`` (a folder that then holds
``data/`` and ``config/``), so they never touch a real user's folders.
"""

from __future__ import annotations

import os
import sys
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


def resources_root() -> Path:
    """Folder that holds ``icons/``, ``themes/``, ``translations/`` and ``scales/``.

    ``sys._MEIPASS/resources`` in a PyInstaller bundle, else the repository's
    ``resources/`` folder (the package is installed editable, next to it). Qt-free, so the
    core (wellbeing scales) and the UI (icons, themes) share one loader.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under the resources root.

    Raises:
        FileNotFoundError: If it does not exist. A missing resource is a packaging bug,
            and failing loudly makes the bundle's self-test catch it.
        ValueError: If the parts try to leave the resources folder.
    """
    if any(part in ("..", "") or Path(part).is_absolute() for part in parts):
        raise ValueError("resource path must stay inside resources/")
    root = resources_root()
    path = root.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {'/'.join(parts)} (looked in {root})")
    return path

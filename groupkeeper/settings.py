"""App-wide preferences needed before unlock: language, text size, theme, vault folder.

Nothing personal lives here; everything else (auto-lock minutes, suppression threshold,
group options) is stored inside the encrypted vault. The file is small JSON, written
atomically. Unknown keys are an error, so a typo cannot silently create a setting.
"""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path
from typing import Any

from groupkeeper import paths
from groupkeeper.fileio import atomic_write_bytes, private_mkdir

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "language": "",  # "" = follow the system locale
    "text_scale": 1.0,  # 1.0, 1.25, 1.5, 1.75, 2.0
    "theme": "calm",  # "calm" or "high_contrast"
    "vault_dir": "",  # "" = paths.default_vault_dir()
    "tour_done": False,
}

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
THEMES = ("calm", "high_contrast")
LANGUAGES = ("", "en", "es")


class Settings:
    """Typed access to the settings file. ``path`` defaults to ``paths.settings_file()``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_file()
        self._values: dict[str, Any] = dict(DEFAULTS)
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            # A damaged settings file must not stop the app; defaults are safe.
            log.warning("settings file unreadable; using defaults")
            return
        if isinstance(raw, dict):
            for key, value in raw.items():
                if key in DEFAULTS and isinstance(value, type(DEFAULTS[key])):
                    self._values[key] = value

    def get(self, key: str) -> Any:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        return self._values[key]

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        expected = type(DEFAULTS[key])
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            as_float = float(value) if abs(value) < 2**53 else math.nan
            if as_float != value:  # 2**53 + 1 would come back as another number
                raise TypeError(f"setting {key!r} expects a number, not {value!r}")
            value = as_float
        if not isinstance(value, expected) or (expected is bool) is not isinstance(value, bool):
            raise TypeError(f"setting {key!r} expects {expected.__name__}")
        if expected is float and not math.isfinite(value):
            raise TypeError(f"setting {key!r} expects a finite number")
        self._values[key] = value
        self.save()

    # Typed conveniences -------------------------------------------------------------
    @property
    def language(self) -> str:
        return str(self._values["language"])

    @property
    def text_scale(self) -> float:
        value = float(self._values["text_scale"])
        return value if value in TEXT_SCALES else 1.0

    @property
    def theme(self) -> str:
        value = str(self._values["theme"])
        return value if value in THEMES else "calm"

    @property
    def vault_dir(self) -> Path:
        value = str(self._values["vault_dir"])
        return Path(value) if value else paths.default_vault_dir()

    def save(self) -> None:
        """Write atomically (temp file in the same folder, then replace)."""
        private_mkdir(self.path.parent)
        data = json.dumps(self._values, indent=2, sort_keys=True).encode("utf-8")
        atomic_write_bytes(self.path, data)

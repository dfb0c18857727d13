"""App-wide preferences needed before unlock: language, text size, theme, vault folder.

Nothing personal lives here; everything else (auto-lock minutes, suppression threshold,
group options) is stored inside the encrypted vault. The file is small JSON, written
atomically. Unknown keys are an error, so a typo cannot silently create a setting.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, TypeVar

from groupkeeper import options, paths
from groupkeeper.fileio import atomic_write_bytes, private_mkdir

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The defaults, by key (the declarations live in ``groupkeeper.options.APP``).
DEFAULTS: dict[str, Any] = options.APP.defaults()

#: What JSON calls its three non-finite numbers (Python's ``json`` reads them too).
_CONSTANTS = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}
_WHITESPACE = " \t\n\r"


class _ScannerOptions:
    """What ``_json.make_scanner`` reads: ``json.JSONDecoder()``'s defaults."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = _CONSTANTS.__getitem__


def parse_json(text: str) -> Any:
    """``json.loads(text)`` without importing the ``json`` package.

    The settings file is read on the way to the first window, where importing ``json``
    (its decoder, encoder and their regular expressions) costs about 1 ms. This drives
    the same C scanner ``json.loads`` uses, with its default options, and checks the
    surrounding whitespace as it does (a test compares both on valid and broken text).

    Raises:
        ValueError: ``text`` is not one JSON document (``json.JSONDecodeError`` where the
            scanner itself reports the error, as ``json.loads`` would).
    """
    try:
        import _json

        scan = _json.make_scanner(_ScannerOptions())  # type: ignore[arg-type]  # duck-typed
    except (ImportError, AttributeError):  # a Python without the C accelerator
        import json

        return json.loads(text)
    start = len(text) - len(text.lstrip(_WHITESPACE))
    try:
        value, end = scan(text, start)
    except StopIteration as exc:
        raise ValueError(f"Expecting value: char {exc.value}") from None
    if text[end:].strip(_WHITESPACE):
        raise ValueError(f"Extra data: char {end}")
    return value


TEXT_SCALES = options.TEXT_SCALE.choices
THEMES = options.THEME.choices
LANGUAGES = options.LANGUAGE.choices


class Settings:
    """Typed access to the settings file. ``path`` defaults to ``paths.settings_file()``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_file()
        self._values: dict[str, Any] = dict(DEFAULTS)
        self._load()

    def _load(self) -> None:
        try:
            raw = parse_json(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            # A damaged settings file must not stop the app; defaults are safe.
            log.warning("settings file unreadable; using defaults")
            return
        if isinstance(raw, dict):
            for key, value in raw.items():
                if key in options.APP:
                    try:
                        self._values[key] = options.APP[key].check_type(value)
                    except TypeError:
                        log.warning("setting %r in the file has the wrong type; ignored", key)

    def get(self, key: str) -> Any:
        """The stored value of ``key`` (``KeyError`` for an unknown key)."""
        return self._values[options.APP[key].key]

    def value(self, option: options.Option[T]) -> T:
        """The typed value of a declared setting; its default if not an allowed value."""
        stored = self._values[options.APP[option.key].key]
        return stored if option.allowed(stored) else option.default

    def set(self, key: str, value: Any) -> None:
        """Store and save ``value``.

        Raises:
            KeyError: no setting has that key.
            TypeError: a value of the wrong type (the dialogs offer only typed widgets).
        """
        self._values[key] = options.APP[key].check_type(value)
        self.save()

    # Typed conveniences -------------------------------------------------------------
    @property
    def language(self) -> str:
        return self.value(options.LANGUAGE)

    @property
    def text_scale(self) -> float:
        return self.value(options.TEXT_SCALE)

    @property
    def theme(self) -> str:
        return self.value(options.THEME)

    @property
    def vault_dir(self) -> Path:
        value = self.value(options.VAULT_DIR)
        return Path(value) if value else paths.default_vault_dir()

    @property
    def tour_done(self) -> bool:
        return self.value(options.TOUR_DONE)

    def save(self) -> None:
        """Write atomically (temp file in the same folder, then replace)."""
        private_mkdir(self.path.parent)
        import json

        data = json.dumps(self._values, indent=2, sort_keys=True).encode("utf-8")
        atomic_write_bytes(self.path, data)

"""Every setting declared once: key, type, default, allowed values and a translatable title.

Two sets, in the spirit of Picard's ``IntOption('setting', 'query_limit', 50, title=...)``:

* ``APP``: preferences needed before unlock (language, text size, theme, vault folder),
  kept in a small JSON file (``groupkeeper.settings.Settings``). Nothing personal.
* ``VAULT``: everything else, kept encrypted in the vault (``SettingsRepo``).

The Settings dialog builds its number boxes from these declarations (range and title),
``SettingsRepo`` and ``Settings`` validate with them, ``suppression`` takes its threshold
range from ``SUPPRESSION_THRESHOLD``, and readers use the typed getters
(``store.settings.value(AUTO_LOCK_MINUTES) -> int``). An unknown key is an error.

Titles are English; the UI translates them under the context ``"settings"``
(``tools/i18n.py`` extracts ``TITLES``). No Qt here. Plain classes, not dataclasses: this
module is imported before the first window, and ``dataclasses`` costs about 5 ms there.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: The translation context of every title.
TITLE_CONTEXT = "settings"


class Option(Generic[T]):
    """One setting. ``check`` returns the value to store or raises.

    Raises (from ``check``):
        TypeError: a value of the wrong type (``True`` is not a number).
        ValueError: the right type outside the allowed values.
    """

    kind: type = object

    def __init__(self, *, key: str, default: T, title: str) -> None:
        self.key = key
        self.default = default
        self.title = title

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, default={self.default!r})"

    def check_type(self, value: object) -> T:
        if isinstance(value, bool) is not (self.kind is bool) or not isinstance(value, self.kind):
            raise TypeError(f"setting {self.key!r} expects {self.kind.__name__}")
        return value  # type: ignore[return-value]

    def check(self, value: object) -> T:
        return self.check_type(value)

    def allowed(self, value: T) -> bool:
        """True if ``value`` (of the right type) is one the setting may hold."""
        try:
            self.check(value)
        except (TypeError, ValueError):
            return False
        return True


class IntOption(Option[int]):
    """A whole number from ``low`` to ``high`` inclusive (a number box in the dialog)."""

    kind = int

    def __init__(self, *, key: str, default: int, title: str, low: int, high: int) -> None:
        super().__init__(key=key, default=default, title=title)
        self.low = low
        self.high = high

    def check(self, value: object) -> int:
        number = self.check_type(value)
        if not self.low <= number <= self.high:
            raise ValueError(f"setting {self.key!r} goes from {self.low} to {self.high}")
        return number

    def clamp(self, value: int) -> int:
        return max(self.low, min(self.high, int(value)))


class TextOption(Option[str]):
    kind = str


class BoolOption(Option[bool]):
    kind = bool


class ChoiceOption(Option[str]):
    """One of ``choices`` (stored as given; readers fall back to the default)."""

    kind = str

    def __init__(self, *, key: str, default: str, title: str, choices: tuple[str, ...]) -> None:
        super().__init__(key=key, default=default, title=title)
        self.choices = choices

    def check(self, value: object) -> str:
        text = self.check_type(value)
        if text not in self.choices:
            raise ValueError(f"setting {self.key!r} is one of {self.choices}")
        return text


class ScaleOption(Option[float]):
    """A finite number, one of ``choices`` for the dialog (an int is taken as a float)."""

    kind = float

    def __init__(self, *, key: str, default: float, title: str, choices: tuple[float, ...]) -> None:
        super().__init__(key=key, default=default, title=title)
        self.choices = choices

    def check_type(self, value: object) -> float:
        if isinstance(value, int) and not isinstance(value, bool):
            as_float = float(value) if abs(value) < 2**53 else math.nan
            if as_float != value:  # 2**53 + 1 would come back as another number
                raise TypeError(f"setting {self.key!r} expects a number, not {value!r}")
            value = as_float
        number = super().check_type(value)
        if not math.isfinite(number):
            raise TypeError(f"setting {self.key!r} expects a finite number")
        return number

    def check(self, value: object) -> float:
        number = self.check_type(value)
        if number not in self.choices:
            raise ValueError(f"setting {self.key!r} is one of {self.choices}")
        return number


class Options:
    """A named set of declarations; ``options["key"]`` raises ``KeyError`` if unknown."""

    def __init__(self, *options: Option[Any]) -> None:
        self._by_key = {o.key: o for o in options}
        if len(self._by_key) != len(options):
            raise ValueError("two settings share a key")

    def __getitem__(self, key: str) -> Option[Any]:
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"unknown setting {key!r}") from None

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[Option[Any]]:
        return iter(self._by_key.values())

    def defaults(self) -> dict[str, Any]:
        return {o.key: o.default for o in self}


# -- App settings (settings.json, before unlock) ------------------------------------------

LANGUAGE = ChoiceOption(key="language", default="", choices=("", "en", "es"), title="Language")
TEXT_SCALE = ScaleOption(
    key="text_scale", default=1.0, choices=(1.0, 1.25, 1.5, 1.75, 2.0), title="Text size"
)
THEME = ChoiceOption(
    key="theme", default="calm", choices=("calm", "high_contrast"), title="Colours"
)
VAULT_DIR = TextOption(key="vault_dir", default="", title="Vault folder")
TOUR_DONE = BoolOption(key="tour_done", default=False, title="The tour was shown")

APP = Options(LANGUAGE, TEXT_SCALE, THEME, VAULT_DIR, TOUR_DONE)

# -- Vault settings (encrypted in the vault) ------------------------------------------------

AUTO_LOCK_MINUTES = IntOption(
    key="auto_lock_minutes",
    default=5,
    low=1,
    high=120,
    title="Lock after this many idle minutes",
)
MEETING_LOCK_MINUTES = IntOption(
    key="meeting_lock_minutes",
    default=30,
    low=5,
    high=240,
    title="During a meeting, lock after (minutes)",
)
#: 5 by default; 11 for funders following CMS rules. ``suppression`` clamps to this range.
SUPPRESSION_THRESHOLD = IntOption(
    key="suppression_threshold",
    default=5,
    low=5,
    high=11,
    title="Hide counts below this in exports",
)
BACKUP_DIR = TextOption(key="backup_dir", default="", title="Backup folder")
BACKUP_REMINDER_DAYS = IntOption(
    key="backup_reminder_days",
    default=7,
    low=1,
    high=365,
    title="Remind me to back up after (days)",
)
LAST_BACKUP_AT = TextOption(key="last_backup_at", default="", title="Last backup")
FORGET_AFTER_MONTHS = IntOption(
    key="forget_after_months",
    default=12,
    low=1,
    high=120,
    title="Offer to forget members inactive for (months)",
)
#: The column choices of earlier CSV imports, per set of column titles (JSON, written by
#: ``csv_import.remember_mapping``). Column titles and field names only: nothing personal,
#: but it says what the facilitator's spreadsheets look like, so it stays in the vault.
CSV_IMPORT_MAPPINGS = TextOption(
    key="csv_import_mappings", default="", title="Column choices of earlier CSV imports"
)

VAULT = Options(
    AUTO_LOCK_MINUTES,
    MEETING_LOCK_MINUTES,
    SUPPRESSION_THRESHOLD,
    BACKUP_DIR,
    BACKUP_REMINDER_DAYS,
    LAST_BACKUP_AT,
    FORGET_AFTER_MONTHS,
    CSV_IMPORT_MAPPINGS,
)

#: The number boxes of the Settings dialog's Vault page, in order.
VAULT_NUMBERS: tuple[IntOption, ...] = (
    AUTO_LOCK_MINUTES,
    MEETING_LOCK_MINUTES,
    SUPPRESSION_THRESHOLD,
    BACKUP_REMINDER_DAYS,
    FORGET_AFTER_MONTHS,
)

#: Every title, for the translation extractor (context ``TITLE_CONTEXT``).
TITLES: dict[str, str] = {
    f"{scope}.{o.key}": o.title for scope, opts in (("app", APP), ("vault", VAULT)) for o in opts
}

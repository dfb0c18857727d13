"""The one resource loader: icons, themes (QSS), translations and data files.

Everything under the repository's ``resources/`` folder is reached through this module, so
the same code works from the source tree and from the PyInstaller bundle (where
``build.spec`` copies ``resources/`` to ``sys._MEIPASS/resources``). A test proves both.

Themes are QSS templates. Colours and font sizes are never written literally in a ``.qss``
file; they are ``{{placeholders}}`` filled in from :data:`PALETTES` and the text-size
setting. That keeps one table of colours, which ``tests/test_resources.py`` checks for
WCAG contrast (:data:`CONTRAST_PAIRS`), and lets the text-size setting scale the type.

Conventions the screens can rely on (dynamic properties, set with ``setProperty``):

* ``role`` on labels: ``"title"``, ``"huge"`` (the name in a mood round), ``"hint"``,
  ``"banner-demo"``, ``"exact-note"``; on buttons: ``"primary"``, ``"safety"``.
* ``timerState`` on the segment timer label: ``"ok"``, ``"near"``, ``"over"``. Near and
  over differ in lightness and border style as well as hue; the widget must also change
  its text or icon (e.g. "2:10 over", :func:`icon` ``"warning"``) so colour is never the
  only signal.
* Object names the themes style: ``inlineError`` / ``fieldError`` labels (dark red, bold),
  ``backupStatus`` with ``backupState="due"``, ``groupCard`` frames, ``demoPassphrase``,
  ``moodScore<n>`` buttons (with ``moodScale`` ``"five"`` or ``"eleven"``); frames with
  ``role="notice"``; flat push buttons look like links.

After changing a dynamic property at run time, call ``style().unpolish(w)`` and
``style().polish(w)`` so the new rule applies.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

from groupkeeper.paths import resource_path, resources_root  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    # Imported where used: PySide6 builds a class on first use, and QIcon (~1 ms) is not
    # needed before the first window is shown (bench/bench_startup.py).
    from PySide6.QtGui import QIcon

# Point size of ordinary text at text scale 1.0. Large on purpose: the app is read at arm's
# length in a full room.
BASE_PT = 12

# Sizes of the generated app icon PNGs (resources/icons/make_icons.py writes them).
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

THEME_NAMES = ("calm", "high_contrast")

# Colours per theme. The QSS templates refer to these names only.
PALETTES: dict[str, dict[str, str]] = {
    "calm": {
        "window": "#F6F4F0",  # soft warm neutral, less glare than pure white
        "surface": "#FFFFFF",  # inputs, tables, cards
        "text": "#1F2328",
        "muted": "#4A5058",  # hints, secondary text
        "border": "#767C85",  # input and card borders (non-text, needs 3:1)
        "accent": "#0072B2",  # Okabe-Ito blue: safe for common colour-vision deficiencies
        "accent_dark": "#005A8C",  # hover/pressed and links on the window colour
        "on_accent": "#FFFFFF",
        "focus": "#1F2328",  # focus ring on light controls
        "focus_on_accent": "#FFFFFF",  # focus ring inside blue or red buttons
        "selection": "#CCE3F1",
        "selection_text": "#1F2328",
        "disabled_text": "#6B7079",
        "near_bg": "#F3C969",  # timer near the end: light amber, dark text, dashed border
        "near_text": "#1F2328",
        # Timer over: white with dark red bold text and a double border, the inverse of
        # the red Safety button, so the two are never confused (also without colour).
        "over_bg": "#FFFFFF",
        "over_text": "#A4161A",
        "safety_bg": "#A4161A",
        "safety_text": "#FFFFFF",
        "demo_bg": "#FFE7B0",
        "demo_text": "#1F2328",
        "error_text": "#A4161A",  # inline errors: dark red, also bold, never colour alone
        "notice_bg": "#E6F0F7",  # calm light-blue panels (roster notice)
        "attention_bg": "#FFF4D6",  # pale amber: "backup due", demo passphrase box
    },
    "high_contrast": {
        "window": "#FFFFFF",
        "surface": "#FFFFFF",
        "text": "#000000",
        "muted": "#000000",
        "border": "#000000",
        "accent": "#000000",
        "accent_dark": "#000000",
        "on_accent": "#FFFFFF",
        "focus": "#0000CC",  # a thick blue ring: distinct from every black border
        "focus_on_accent": "#FFFFFF",  # inside black or red buttons
        "selection": "#000000",
        "selection_text": "#FFFFFF",
        "disabled_text": "#4D4D4D",
        "near_bg": "#FFD34D",
        "near_text": "#000000",
        "over_bg": "#FFFFFF",
        "over_text": "#8B0000",
        "safety_bg": "#8B0000",
        "safety_text": "#FFFFFF",
        "demo_bg": "#FFD34D",
        "demo_text": "#000000",
        "error_text": "#8B0000",
        "notice_bg": "#FFFFFF",
        "attention_bg": "#FFFFFF",
    },
}

# (foreground, background, minimum ratio, what it is) per theme; checked by the tests.
# 4.5:1 is WCAG AA for text, 3:1 for focus rings and borders (WCAG 1.4.11), 7:1 is AAA.
_CALM_PAIRS: list[tuple[str, str, float, str]] = [
    ("text", "window", 4.5, "body text"),
    ("text", "surface", 4.5, "text in inputs and tables"),
    ("muted", "window", 4.5, "hints"),
    ("muted", "surface", 4.5, "hints in inputs"),
    ("accent_dark", "window", 4.5, "links"),
    ("on_accent", "accent", 4.5, "primary button"),
    ("on_accent", "accent_dark", 4.5, "primary button pressed"),
    ("selection_text", "selection", 4.5, "selected row"),
    ("disabled_text", "window", 4.5, "disabled text (not required; kept readable)"),
    ("near_text", "near_bg", 4.5, "timer near the end"),
    ("over_text", "over_bg", 4.5, "timer over"),
    ("safety_text", "safety_bg", 4.5, "safety button"),
    ("demo_text", "demo_bg", 4.5, "demo banner"),
    ("focus", "window", 3.0, "focus ring on the window"),
    ("focus_on_accent", "accent", 3.0, "focus ring inside a primary button"),
    ("focus_on_accent", "safety_bg", 3.0, "focus ring inside the safety button"),
    ("border", "surface", 3.0, "input border"),
    ("error_text", "window", 4.5, "inline error"),
    ("error_text", "surface", 4.5, "inline error in a dialog or card"),
    ("text", "notice_bg", 4.5, "notice panel"),
    ("text", "attention_bg", 4.5, "backup due, demo passphrase"),
    ("accent_dark", "surface", 4.5, "link-style buttons on white"),
]
_HIGH_CONTRAST_PAIRS: list[tuple[str, str, float, str]] = [
    ("text", "window", 7.0, "body text"),
    ("muted", "window", 7.0, "hints"),
    ("on_accent", "accent", 7.0, "primary button"),
    ("selection_text", "selection", 7.0, "selected row"),
    ("disabled_text", "window", 7.0, "disabled text"),
    ("near_text", "near_bg", 7.0, "timer near the end"),
    ("over_text", "over_bg", 7.0, "timer over"),
    ("safety_text", "safety_bg", 7.0, "safety button"),
    ("demo_text", "demo_bg", 7.0, "demo banner"),
    ("focus", "window", 7.0, "focus ring"),
    ("focus_on_accent", "accent", 7.0, "focus ring inside a primary button"),
    ("focus_on_accent", "safety_bg", 7.0, "focus ring inside the safety button"),
    ("border", "surface", 7.0, "borders"),
    ("error_text", "window", 7.0, "inline error"),
    ("text", "notice_bg", 7.0, "notice panel"),
    ("text", "attention_bg", 7.0, "backup due, demo passphrase"),
]
CONTRAST_PAIRS: dict[str, list[tuple[str, str, float, str]]] = {
    "calm": _CALM_PAIRS,
    "high_contrast": _HIGH_CONTRAST_PAIRS,
}

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons`` by name, preferring the SVG.

    Args:
        name: File name without extension, e.g. ``"warning"`` or ``"groupkeeper"``.

    Returns:
        The icon (SVG scales cleanly at every text size).

    Raises:
        FileNotFoundError: If neither ``name.svg`` nor ``name.png`` exists.
    """
    from PySide6.QtGui import QIcon

    for ext in ("svg", "png"):
        candidate = resources_root() / "icons" / f"{name}.{ext}"
        if candidate.is_file():
            return QIcon(str(candidate))
    raise FileNotFoundError(f"missing icon: {name}")


def app_icon() -> QIcon:
    """The application icon with every pre-rendered size, for windows and the task bar.

    Needs a ``QGuiApplication`` (Qt aborts when it builds pixmaps without one).
    """
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    result = QIcon()
    for size in APP_ICON_SIZES:
        path = resource_path("icons", f"groupkeeper-{size}.png")
        result.addFile(str(path), QSize(size, size))
    return result


def font_point_size(text_scale: float) -> int:
    """Point size of ordinary text for a text-size setting (1.0 = normal)."""
    _check_scale(text_scale)
    return max(8, round(BASE_PT * text_scale))


def stylesheet(theme: str, text_scale: float = 1.0) -> str:
    """The application style sheet for a theme and text size.

    Args:
        theme: ``"calm"`` or ``"high_contrast"``.
        text_scale: The text-size setting (1.0 to 2.0); scales the few explicit font
            sizes in the QSS (titles, the mood-round name, the timer).

    Returns:
        QSS text with every placeholder filled in.

    Raises:
        ValueError: For an unknown theme, a non-positive scale, or a placeholder the
            theme uses but nobody defines (a bug in the QSS).
    """
    if theme not in THEME_NAMES:
        raise ValueError(f"unknown theme {theme!r}")
    values = dict(PALETTES[theme])
    values.update(_font_sizes(text_scale))
    # Images the style sheet draws (spin box arrows), from source or from the bundle.
    values["icon_dir"] = (resources_root() / "icons").as_posix()
    template = resource_path("themes", f"{theme}.qss").read_text(encoding="utf-8")
    # Comments may mention {{placeholders}} in prose; Qt does not need them either.
    template = _COMMENT.sub("", template)

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise ValueError(f"theme {theme!r} uses undefined placeholder {key!r}")
        return values[key]

    return _PLACEHOLDER.sub(fill, template)


def translation_file(lang: str) -> Path | None:
    """The app's compiled translation for a language, or None if none ships.

    Args:
        lang: A language code such as ``"es"`` or ``"es_MX"``; a regional code falls back
            to its base language.

    Returns:
        Path of ``resources/translations/groupkeeper_<lang>.qm``, or None.
    """
    folder = resources_root() / "translations"
    for code in dict.fromkeys([lang, lang.split("_")[0]]):
        if not code or not code.replace("_", "").isalnum():
            continue
        candidate = folder / f"groupkeeper_{code}.qm"
        if candidate.is_file():
            return candidate
    return None


def qt_translations_dir() -> Path:
    """Folder of Qt's own ``qtbase_*.qm`` files (source install or bundle alike)."""
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _check_scale(text_scale: float) -> None:
    if not 0.5 <= text_scale <= 4.0:
        raise ValueError(f"text scale out of range: {text_scale}")


#: From this text scale on, titles and the timer grow less than the body text: at 200%
#: a 1.5x title and a 1.75x timer would take a third of a 768 px screen's height.
_LARGE_SCALE = 1.4


def _font_sizes(text_scale: float) -> dict[str, str]:
    _check_scale(text_scale)
    base = BASE_PT * text_scale
    large = text_scale >= _LARGE_SCALE
    # One line of body text in pixels (96 dpi, the font's line spacing is about 1.2 em):
    # the content height of buttons and inputs never goes below it, so a layout short of
    # room cannot squeeze a control until its letters are cut.
    line_px = math.ceil(base * 96 / 72 * 1.2)
    return {
        "base_pt": f"{round(base)}pt",
        "small_pt": f"{max(8, round(base * 0.9))}pt",
        "title_pt": f"{round(base * (1.25 if large else 1.5))}pt",
        "timer_pt": f"{round(base * (1.35 if large else 1.75))}pt",
        "huge_pt": f"{round(base * (2.25 if large else 3))}pt",
        "control_h": f"{max(28, line_px)}px",
        "input_h": f"{max(24, line_px)}px",
        "item_h": f"{max(40, line_px + 4)}px",
        "check_h": f"{max(44, line_px + 10)}px",  # room for the focus border too
        # A check box's square grows with the text (22 px at 100%, 31 px at 200%).
        "indicator_px": f"{max(22, round(line_px * 0.8))}px",
    }

"""The resource loader works from source and from a (simulated) PyInstaller bundle.

Also checks the themes: every colour in a rendered style sheet comes from the palette
table, and each declared foreground/background pair meets its WCAG contrast ratio.

Contrast ratios checked (WCAG 2 relative luminance), as of this commit:

calm: body text 14.4:1, hints 7.4:1, links 6.7:1, primary button 5.2:1, pressed 7.4:1,
selected row 11.9:1, timer near 10.1:1, timer over 7.8:1, safety 7.8:1, demo banner
13.0:1, disabled 4.5:1, focus ring 14.4:1 (window) / 5.2:1 (inside primary), input
border 4.2:1. high_contrast: every text pair 7:1 or more (black/white 21:1, yellow 14.7:1,
dark red 10.0:1), focus ring 11.2:1.
"""

from __future__ import annotations

import re
import shutil
import struct
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from groupkeeper import settings
from groupkeeper.ui import resources

REPO_RESOURCES = Path(__file__).resolve().parents[1] / "resources"
HEX = re.compile(r"#[0-9A-Fa-f]{3,8}\b")


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    assert len(value) == 6, hex_colour

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(value[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two #RRGGBB colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # WebAIM's checker gives 5.19:1 for white on Okabe-Ito blue.
    assert contrast("#FFFFFF", "#0072B2") == pytest.approx(5.19, abs=0.01)


@pytest.fixture
def simulated_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ laid out as PyInstaller's one-folder bundle has it."""
    bundle = tmp_path / "_internal"
    shutil.copytree(REPO_RESOURCES, bundle / "resources")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    return bundle


# --- loader ------------------------------------------------------------------------


def test_resources_root_from_source() -> None:
    assert resources.resources_root() == REPO_RESOURCES


def test_resources_root_in_bundle(simulated_bundle: Path) -> None:
    assert resources.resources_root() == simulated_bundle / "resources"
    assert resources.resource_path("themes", "calm.qss").is_relative_to(simulated_bundle)


def test_bundle_is_used_even_if_source_vanishes(
    simulated_bundle: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    # Point "source" somewhere empty: only the bundle copy can answer.
    import groupkeeper.paths

    monkeypatch.setattr(groupkeeper.paths, "__file__", str(simulated_bundle / "x" / "y.py"))
    assert "QPushButton" in resources.stylesheet("calm", 1.0)
    assert not resources.app_icon().isNull()


def test_meipass_without_frozen_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_root() == REPO_RESOURCES


def test_resource_path_missing_raises() -> None:
    with pytest.raises(FileNotFoundError, match="nothing-here.txt"):
        resources.resource_path("nothing-here.txt")


@pytest.mark.parametrize("parts", [("..", "pyproject.toml"), ("/etc/passwd",), ("",)])
def test_resource_path_refuses_escape(parts: tuple[str, ...]) -> None:
    with pytest.raises(ValueError):
        resources.resource_path(*parts)


@pytest.mark.parametrize("where", ["source", "bundle"])
def test_icons_load(where: str, request: pytest.FixtureRequest, qapp: object) -> None:
    if where == "bundle":
        request.getfixturevalue("simulated_bundle")
    for name in ("groupkeeper", "warning", "hourglass", "lock", "safety", "add-person"):
        qicon = resources.icon(name)
        assert not qicon.isNull(), name
        assert not qicon.pixmap(32, 32).isNull(), name
    app = resources.app_icon()
    assert sorted(s.width() for s in app.availableSizes()) == list(resources.APP_ICON_SIZES)


def test_icon_missing_raises(qapp: object) -> None:
    with pytest.raises(FileNotFoundError, match="no-such-icon"):
        resources.icon("no-such-icon")


def test_generated_pngs_match_their_names() -> None:
    for size in resources.APP_ICON_SIZES:
        image = QImage(str(REPO_RESOURCES / "icons" / f"groupkeeper-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        # The corners are transparent (rounded square), the centre is opaque.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_ico_directory_is_valid() -> None:
    data = (REPO_RESOURCES / "icons" / "groupkeeper.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        assert (planes, bits) == (1, 32)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes


def test_icns_elements_are_valid() -> None:
    data = (REPO_RESOURCES / "icons" / "groupkeeper.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    pos, kinds = 8, []
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        assert data[pos + 8 : pos + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        pos += length
    assert pos == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


def test_translation_file(simulated_bundle: Path) -> None:
    folder = simulated_bundle / "resources" / "translations"
    folder.mkdir(exist_ok=True)
    (folder / "groupkeeper_xx.qm").write_bytes(b"\x3c\xb8\x64\x18")
    assert resources.translation_file("xx") == folder / "groupkeeper_xx.qm"
    assert resources.translation_file("xx_YY") == folder / "groupkeeper_xx.qm"
    assert resources.translation_file("zz") is None
    assert resources.translation_file("") is None
    assert resources.translation_file("../../etc") is None


def test_qt_translations_dir_exists() -> None:
    assert resources.qt_translations_dir().is_dir()


# --- themes ------------------------------------------------------------------------


def test_theme_names_match_settings() -> None:
    assert set(resources.THEME_NAMES) == set(settings.THEMES)


@pytest.mark.parametrize("theme", resources.THEME_NAMES)
def test_qss_templates_hold_no_colour_literals(theme: str) -> None:
    # Every colour must come from PALETTES, so the contrast table below covers them all.
    text = (REPO_RESOURCES / "themes" / f"{theme}.qss").read_text(encoding="utf-8")
    assert HEX.findall(text) == []
    assert not re.search(r"\brgba?\(", text)


@pytest.mark.parametrize("theme", resources.THEME_NAMES)
@pytest.mark.parametrize("scale", settings.TEXT_SCALES)
def test_stylesheet_renders_completely(theme: str, scale: float) -> None:
    qss = resources.stylesheet(theme, scale)
    assert "{{" not in qss and "}}" not in qss
    assert qss.count("{") == qss.count("}")
    assert set(HEX.findall(qss)) <= set(resources.PALETTES[theme].values())
    # The large name of the mood round scales with the text-size setting (3x the body
    # text, 2.25x from 150% on, where 3x would fill a laptop screen's height).
    huge = round(resources.BASE_PT * scale * (2.25 if scale >= 1.4 else 3))
    assert f"font-size: {huge}pt" in qss


def test_stylesheet_scales_fonts() -> None:
    small = resources.stylesheet("calm", 1.0)
    large = resources.stylesheet("calm", 2.0)
    assert "font-size: 36pt" in small
    assert "font-size: 54pt" in large
    # Buttons and inputs are never shorter than a line of the scaled text.
    assert "min-height: 28px" in small and "min-height: 39px" in large
    assert resources.font_point_size(1.0) == resources.BASE_PT
    assert resources.font_point_size(2.0) == 2 * resources.BASE_PT


def test_stylesheet_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="unknown theme"):
        resources.stylesheet("neon", 1.0)
    with pytest.raises(ValueError, match="scale"):
        resources.stylesheet("calm", 0)


def test_undefined_placeholder_is_an_error(simulated_bundle: Path) -> None:
    qss = simulated_bundle / "resources" / "themes" / "calm.qss"
    qss.write_text("QWidget { color: {{no_such_colour}}; }", encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_colour"):
        resources.stylesheet("calm", 1.0)


def test_targets_are_at_least_44px() -> None:
    qss = resources.stylesheet("calm", 1.0)
    block = qss.split("QPushButton, QToolButton {", 1)[1].split("}", 1)[0]
    min_height = int(re.search(r"min-height:\s*(\d+)px", block).group(1))  # type: ignore[union-attr]
    padding = int(re.search(r"padding:\s*(\d+)px", block).group(1))  # type: ignore[union-attr]
    border = int(re.search(r"border:\s*(\d+)px", block).group(1))  # type: ignore[union-attr]
    assert min_height + 2 * padding + 2 * border >= 44


def test_palettes_define_the_same_colours() -> None:
    # The two templates share one shape; a colour missing from one theme is a bug.
    calm, high = (set(resources.PALETTES[t]) for t in resources.THEME_NAMES)
    assert calm == high


CONTRAST_CASES = [
    (theme, fg, bg, minimum, what)
    for theme, pairs in resources.CONTRAST_PAIRS.items()
    for fg, bg, minimum, what in pairs
]


@pytest.mark.parametrize(
    ("theme", "fg", "bg", "minimum", "what"),
    CONTRAST_CASES,
    ids=[f"{c[0]}:{c[4]}" for c in CONTRAST_CASES],
)
def test_contrast(theme: str, fg: str, bg: str, minimum: float, what: str) -> None:
    palette = resources.PALETTES[theme]
    ratio = contrast(palette[fg], palette[bg])
    assert ratio >= minimum, f"{theme} {what}: {palette[fg]} on {palette[bg]} is {ratio:.2f}:1"


def test_contrast_floors_per_theme() -> None:
    # Text pairs: AA (4.5) in calm, AAA (7) in high contrast; nothing may be declared lower
    # except the non-text pairs (borders, focus rings), which need 3:1.
    for fg, _bg, minimum, _what in resources.CONTRAST_PAIRS["calm"]:
        assert minimum >= (3.0 if fg in ("focus", "focus_on_accent", "border") else 4.5)
    for _fg, _bg, minimum, _what in resources.CONTRAST_PAIRS["high_contrast"]:
        assert minimum >= 7.0


def test_timer_states_differ_by_more_than_hue() -> None:
    for theme, palette in resources.PALETTES.items():
        # Over time is never mistaken for the red Safety button: the inverse (light
        # background, dark red text), a big lightness step for any colour deficiency.
        assert contrast(palette["over_bg"], palette["safety_bg"]) >= 3.0, theme
        assert contrast(palette["over_text"], palette["over_bg"]) >= 7.0, theme
        qss = resources.stylesheet(theme, 1.0)
        near_rule = qss.split('[timerState="near"]', 1)[1].split("}", 1)[0]
        over_rule = qss.split('[timerState="over"]', 1)[1].split("}", 1)[0]
        # Near and over differ by the shape of their border and by weight, not only hue.
        assert "dashed" in near_rule and "double" in over_rule
        assert "bold" in over_rule and "bold" not in near_rule


def test_stylesheet_applies_to_a_widget(qtbot: object) -> None:
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("Start meeting")
    qtbot.addWidget(button)  # type: ignore[attr-defined]
    button.setProperty("role", "primary")
    button.setStyleSheet(resources.stylesheet("calm", 1.0))
    button.ensurePolished()
    assert button.sizeHint().height() >= 44


# --- README and CI agree -------------------------------------------------------------


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    repo = REPO_RESOURCES.parent
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^TEST_CMD='(.+)'$", ci, re.MULTILINE)
    assert match, "TEST_CMD not found in .ci/run"
    test_cmd = match.group(1)
    assert 'bash -c "$TEST_CMD"' in ci
    readme = (repo / "README.md").read_text(encoding="utf-8")
    debian_lines = [line for line in readme.splitlines() if line.startswith("sudo apt-get")]
    assert len(debian_lines) == 1
    assert debian_lines[0] == test_cmd
    # Every Debian package the README installs, CI installs too.
    readme_pkgs = debian_lines[0].split("&&")[1].split()[4:]
    assert readme_pkgs and all(re.search(rf"\b{re.escape(p)}\b", ci) for p in readme_pkgs)

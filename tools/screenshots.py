"""Screenshot every screen and meeting segment in every language, text size and theme.

Run under a real X server at laptop size, then look at the PNGs::

    xvfb-run -s '-screen 0 1366x768x24' .venv/bin/python tools/screenshots.py [--big]

Writes ``screenshots/<lang>-<scale>-<theme>/<nn>-<screen>.png`` (git-ignored) and prints
every fit problem ``tests/ui_fit.py`` finds. ``--big`` adds one pass at 1920x1080.
Only fictional demo people appear.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


class _Bot:
    """The few pytest-qt ``qtbot`` calls the walk uses."""

    def __init__(self) -> None:
        self.widgets: list[Any] = []

    def addWidget(self, widget: Any) -> None:  # noqa: N802
        self.widgets.append(widget)

    def waitExposed(self, widget: Any) -> None:  # noqa: N802
        self.wait(50)

    def wait(self, ms: int) -> None:
        from PySide6.QtWidgets import QApplication

        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.005)

    def waitUntil(self, check: Any, timeout: int = 5000) -> None:  # noqa: N802
        end = time.monotonic() + timeout / 1000
        while not check() and time.monotonic() < end:
            self.wait(20)


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication, QEvent, QSize
    from PySide6.QtWidgets import QApplication

    app = QApplication(argv[:1])
    from groupkeeper.ui import gc_guard

    gc_guard.install(app)  # as the app runs: cyclic collection in the GUI thread only
    from ui_fit import COMBINATIONS, SCREEN, appearance, fit_problems, walk_window

    from groupkeeper.storage import keyheader

    only = [a for a in argv[1:] if not a.startswith("--")]
    runs = [(c, SCREEN) for c in COMBINATIONS]
    if "--big" in argv:
        runs.append((("en", 1.0, "calm"), QSize(1920, 1080)))
    out = ROOT / "screenshots"
    total = 0
    with keyheader.lowered_floor_for_tests():
        for (lang, scale, theme), size in runs:
            tag = f"{lang}-{int(scale * 100)}-{theme}" + ("" if size == SCREEN else "-big")
            if only and not any(o in tag for o in only):
                continue
            folder = out / tag
            folder.mkdir(parents=True, exist_ok=True)
            bot = _Bot()
            with tempfile.TemporaryDirectory() as tmp, appearance(app, lang, scale, theme):
                for n, (name, window) in enumerate(walk_window(bot, Path(tmp), size)):
                    file = folder / f"{n:02d}-{name.replace(' ', '_')}.png"
                    window.grab().save(str(file))
                    for problem in fit_problems(window, size):
                        total += 1
                        print(f"{tag} {name}: {problem}")  # noqa: T201
                for w in bot.widgets:
                    w.close()
                    w.deleteLater()
                # Delete this walk's windows (and what they left for deferred deletion)
                # now, as the tests do after each test, not under the next walk's dialogs.
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                QApplication.processEvents()
    print(f"{total} problems")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

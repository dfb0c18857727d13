"""Widgets a test leaves to pytest-qt are really deleted before the next test starts.

pytest-qt closes them and calls ``deleteLater()``; for some screens (Home, the first-run
wizard) Qt's event loops in later tests never ran that deferred delete, so the widgets
lived on with their timers ticking. Once Python collected a wrapper, a tick reached a C++
widget with no Python object behind it ("Slot 'MeetingLockScreen::' not found"), which
failed every later test that waited a second (CI did, once). ``conftest.py`` sends the
deferred deletes after each test. The second test fails without it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))
from ui_screens import walk_screens  # noqa: E402

SCREENS = ("FirstRunScreen", "HomeScreen")


def test_screens_left_to_pytest_qt(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seen = set()
    for name, widget in walk_screens(qtbot, tmp_path):
        seen.add(type(widget).__name__)
        if name == "home":
            break
    assert set(SCREENS) <= seen


def test_are_gone_before_the_next_test(qtbot) -> None:  # type: ignore[no-untyped-def]
    left = [type(w).__name__ for w in QApplication.allWidgets()]
    assert not [name for name in left if name in SCREENS]

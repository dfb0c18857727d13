"""The Qt binding itself must not corrupt the interpreter.

PySide6 6.12.0 under Python 3.11 takes one reference from ``None`` on every call of a Qt
method that returns nothing (``widget.update()``, ``label.setText(...)``): after a few
thousand calls ``None`` is freed and the process dies ("deallocating None", or a
segfault somewhere later). That was behind the rare crashes of long test runs. The pin in
pyproject.toml keeps that version out; this test fails on any version that does it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QWidget


def test_calls_returning_nothing_leave_none_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    label = QLabel(widget)
    calls = 2_000  # well below None's reference count, so a bad binding fails, not crashes
    before = sys.getrefcount(None)
    for i in range(calls):
        widget.update()
        label.setText("x" if i % 2 else "y")
    lost = before - sys.getrefcount(None)
    assert lost < calls // 10, f"{2 * calls} Qt calls took {lost} references from None"


def test_bools_returned_to_qt_keep_their_references(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A Python override returning a bool to Qt (an event filter) keeps True/False intact."""
    from PySide6.QtCore import QObject

    class Filter(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            return False

    widget = QWidget()
    qtbot.addWidget(widget)
    watcher = Filter(widget)
    widget.installEventFilter(watcher)
    before = sys.getrefcount(False), sys.getrefcount(True)
    for _ in range(1_000):
        widget.setEnabled(False)
        widget.setEnabled(True)
    after = sys.getrefcount(False), sys.getrefcount(True)
    assert abs(after[0] - before[0]) < 100 and abs(after[1] - before[1]) < 100

"""Cyclic garbage collection only in the GUI thread.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold
is crossed. When that is a worker (a report build, an import) and the garbage holds the
Python wrapper of a GUI Qt object, PySide finalises that Qt object from the worker
thread, which crashes (seen as rare segfaults in full test runs). So while the app runs,
automatic collection is off and a timer in the GUI thread collects instead, with the
same generation thresholds Python would use (Anki does the same in ``aqt``; pyqtgraph's
``GarbageCollector`` is the pattern). Reference counting, which frees almost everything,
is unaffected.

``install(app)`` once after the ``QApplication`` exists (the app and the test fixtures
do); ``uninstall()`` restores Python's own collection.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500  # a check costs ~1 µs; a young collection a fraction of a millisecond


class GcGuard(QObject):
    """Runs the collections Python would have run, from a GUI-thread timer."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thread_id = threading.get_ident()
        self.threshold = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        self.collections = 0  # how many this guard ran (for tests and the bench)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        if threading.get_ident() != self.thread_id:  # pragma: no cover - a misuse
            raise RuntimeError("the garbage collector guard runs in the GUI thread only")
        first, second, third = gc.get_count()
        low, mid, high = self.threshold
        if first <= low:
            return 0
        generation = 0
        if second > mid:
            generation = 2 if third > high else 1
        self.collections += 1
        return gc.collect(generation)

    def stop(self) -> None:
        """Stop collecting here and give collection back to Python."""
        self._timer.stop()
        if self.was_enabled:
            gc.enable()


_guard: GcGuard | None = None


def install(app: QCoreApplication, interval_ms: int = INTERVAL_MS) -> GcGuard:
    """Turn automatic collection off and collect from a timer in ``app``'s thread.

    Idempotent: a second call returns the running guard.
    """
    global _guard
    if _guard is not None:
        return _guard
    _guard = GcGuard(app, interval_ms)
    app.aboutToQuit.connect(uninstall)
    return _guard


def uninstall() -> None:
    """Stop the guard (if any) and re-enable Python's own collection."""
    global _guard
    guard, _guard = _guard, None
    if guard is not None:
        guard.stop()
        guard.deleteLater()


def installed() -> GcGuard | None:
    return _guard

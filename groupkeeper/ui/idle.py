"""Auto-lock: notice when nobody has touched the keyboard or mouse for a while.

``IdleWatcher`` installs, while it watches (after unlock), an application-wide event
filter that records the time of every key, mouse, wheel and touch event, and checks on a
timer whether the idle time has passed
the current limit (the vault's ``auto_lock_minutes``, or ``meeting_lock_minutes`` while a
meeting is on screen; the window supplies the limit through a callable). The clock is
injectable: tests advance a fake clock and call ``check()`` themselves.

Sleep: the default clock is the wall clock (``time.time``), which keeps running while the
laptop sleeps, so waking after a long sleep locks at the first check. A gap between two
checks much longer than the check interval also means the machine slept (or the process
was frozen) and locks straight away, because a sleeping laptop may have been carried off.

Why not ``QGuiApplication.applicationStateChanged``: on desktops Qt reports
``ApplicationInactive`` whenever another window takes focus (a PDF viewer, a browser),
not only when the screen locks, so locking on it would lock the app every time the
facilitator glances at another window. ``ApplicationSuspended`` happens only on mobile
platforms. Qt has no portable "session locked" signal, so we rely on the idle limit and
on the sleep rule above.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle_timeout`` once when idle longer than ``limit_seconds()``.

    Args:
        clock: seconds (wall clock by default; a fake in tests).
        limit_seconds: the current idle limit; asked at every check.
        check_interval_ms: how often the real timer checks.
        sleep_gap_seconds: a gap between checks longer than this counts as a sleep and
            locks; None turns the rule off.
    """

    idle_timeout = Signal()

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        limit_seconds: Callable[[], float] = lambda: 300.0,
        check_interval_ms: int = 10_000,
        sleep_gap_seconds: float | None = 180.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit = limit_seconds
        self.sleep_gap_seconds = sleep_gap_seconds
        self._last_activity = clock()
        self._last_check = self._last_activity
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        """Begin watching (after unlock). Counts from now."""
        self.poke()
        self._active = True
        self._timer.start()
        # The app-wide filter is installed only while watching: every event it sees is
        # handed to Python, and while the unlock screen is first painted that would make
        # PySide6 build the Python types of ~40 Qt classes (~20 ms of start-up).
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        """Stop watching (while locked)."""
        self._active = False
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def poke(self) -> None:
        """Record activity now."""
        self._last_activity = self._clock()
        self._last_check = self._last_activity

    def check(self) -> bool:
        """Emit ``idle_timeout`` (and stop) if the limit has passed; True if it did."""
        if not self._active:
            return False
        now = self._clock()
        slept = (
            self.sleep_gap_seconds is not None and now - self._last_check > self.sleep_gap_seconds
        )
        self._last_check = now
        if slept or now - self._last_activity >= self._limit():
            self.stop()
            self.idle_timeout.emit()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Read through vars(): when the window is deleted with the filter still installed,
        # Qt sends events through it after Python has already emptied this object (its
        # wrapper is deallocated first, then the C++ destructor runs). It must then only
        # let the events pass, never raise (seen in the tests' teardown).
        state = self.__dict__
        if state.get("_active") and event.type() in _ACTIVITY:
            state["_last_activity"] = state["_clock"]()
        return False

    def close(self) -> None:
        """Stop watching and remove the event filter (the window is going away)."""
        self.stop()

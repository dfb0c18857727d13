"""Giving memory back once the app is idle after a big load.

Measured with the main window and 10,000 members (bench/bench_memory.py): once Home and
the Roster have loaded, the GUI thread's SQLite connection keeps about 7 MB of decrypted
pages in its page cache (Home's look-up of open meetings reads the meetings table; the
roster reads member pages), and the C heap keeps pages the loads freed. Both stay until
the app exits: a screen shown again reads only what changed, so nothing reuses them soon.

``release_soon(services)`` (Home and the Roster after each load, and when they are cleared
at lock) starts a single-shot timer of ``DELAY_MS``; another call before it fires starts
it again, so a burst of loads gives one release. When it fires, the GUI connection gives
back its page cache (``Store.release_memory``) and ``trim_heap`` asks the C library to
hand every free page of every malloc arena (worker threads' too) back to the system.
Together about 1 ms.

The price: the first load after a release decrypts its pages again. Measured on the
10,000-member demo vault: a roster reload 16 -> 28 ms of CPU, a Home reload 2.5 -> 9 ms,
the roster's first keystroke (it reads the names) a few ms more. So memory is given back
only after ``DELAY_MS`` without a load: a facilitator moving between screens keeps the
cache; an app left alone gives it back.

``trim_heap`` is glibc's ``malloc_trim(0)``; where there is none (Windows, macOS, musl)
it does nothing and says so.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services

#: Quiet time after the last load before memory is given back.
DELAY_MS = 2000


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    if not sys.platform.startswith("linux"):
        return None
    from groupkeeper import native

    try:
        address = native.c_function(None, "malloc_trim")  # the process's own C library
    except OSError:  # musl has no malloc_trim
        return None
    return lambda pad: native.call_size_t(address, pad)


def trim_heap() -> bool:
    """Hand the C heap's free pages back to the system; False where that is not possible."""
    function = _malloc_trim()
    if function is None:
        return False
    function(0)
    return True


class IdleRelease(QObject):
    """Gives memory back ``DELAY_MS`` after the last ``schedule()``.

    One for the app, a child of the application object (so it lives, and its timer runs,
    in the GUI thread); it holds the services it was last scheduled for weakly.
    """

    def __init__(self, parent: QObject | None = None, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self._services: weakref.ref[Services] | None = None
        self.releases = 0  # how many ran (tests)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.release_now)

    def schedule(self, services: Services) -> None:
        self._services = weakref.ref(services)
        self.timer.start()

    def release_now(self) -> None:
        """The page cache of the GUI connection (when unlocked), then the C heap."""
        from groupkeeper.storage.errors import KnownError

        self.timer.stop()
        services = self._services() if self._services is not None else None
        if services is not None and services.is_unlocked:
            try:
                services.store.release_memory()
            except KnownError:  # the vault's stick was pulled: nothing cached to give back
                pass
        trim_heap()
        self.releases += 1


_releaser: IdleRelease | None = None


def releaser() -> IdleRelease:
    """The app's one ``IdleRelease`` (made on first use, in the GUI thread)."""
    global _releaser
    if _releaser is None:
        _releaser = IdleRelease(QCoreApplication.instance())
    return _releaser


def release_soon(services: Services) -> None:
    """Give memory back once the app has been quiet for ``DELAY_MS`` (see the module)."""
    releaser().schedule(services)

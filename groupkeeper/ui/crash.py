"""The one dialog for unexpected errors (bugs), installed as ``sys.excepthook``.

Known, user-meetable conditions are worded by ``messages``; anything else lands here.
The report holds only the exception *type* and the traceback's file/line/function
lines: never the exception message (it may quote a member's name or a note) and never
frame locals. Nothing is written to a file. Only one dialog is shown at a time; errors
raised while it is open are counted, not stacked.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_showing = False
_previous_hook = sys.excepthook


def format_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The details text: the exception type and where it happened, nothing personal.

    Args:
        exc_type: the exception class.
        tb: its traceback.

    Returns:
        Plain text: ``ExcType`` then ``file:line in function`` lines (with the source
        line, which is program code), innermost last. No message, no locals.
    """
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}"]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return "\n".join(lines)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Show the crash dialog (once at a time); KeyboardInterrupt still stops the app."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        _previous_hook(exc_type, exc, tb)
        return
    from groupkeeper.storage.errors import KnownError

    if isinstance(exc, KnownError) and QApplication.instance() is not None:
        # A known condition (a pulled USB stick during a read) that a slot did not catch
        # itself: say what happened in words, not as a bug report.
        log.warning("known error reached the excepthook: %s", exc.code)
        from groupkeeper.ui import messages

        messages.show_error(QApplication.activeWindow(), exc)
        return
    # The type only: the message might quote personal data.
    log.error("unexpected error: %s", exc_type.__qualname__)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        from groupkeeper.ui.crash_dialog import CrashDialog  # only when needed: start-up

        dialog = CrashDialog(format_report(exc_type, tb), QApplication.activeWindow())
        dialog.exec()
    finally:
        _showing = False


def install() -> None:
    """Route uncaught exceptions (also those in Qt slots) to the crash dialog."""
    sys.excepthook = excepthook

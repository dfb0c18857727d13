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

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

_showing = False
_previous_hook = sys.excepthook


def _tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


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


class CrashDialog(QDialog):
    """ "Something went wrong" with the details behind a button."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("GroupKeeper - something went wrong"))
        layout = QVBoxLayout(self)
        text = QLabel(
            _tr(
                "GroupKeeper ran into a problem it did not expect. Everything you saved "
                "before is safe in the vault. If this keeps happening, please tell the "
                "GroupKeeper team and include the details (they contain no names or notes)."
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_tr("Technical details"))
        self.details.setVisible(False)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        self.details_button = QPushButton(_tr("Show details"), self)
        self.details_button.setCheckable(True)
        self.details_button.setAutoDefault(False)
        self.details_button.toggled.connect(self._on_details_toggled)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def _on_details_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(_tr("Hide details") if shown else _tr("Show details"))
        self.adjustSize()


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
        dialog = CrashDialog(format_report(exc_type, tb), QApplication.activeWindow())
        dialog.exec()
    finally:
        _showing = False


def install() -> None:
    """Route uncaught exceptions (also those in Qt slots) to the crash dialog."""
    sys.excepthook = excepthook

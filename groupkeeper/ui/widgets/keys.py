"""Small key-handling widgets shared by the type-ahead screens (roster, check-in, skills).

A search field hands Down to the list below it, and a list turns Enter into "choose this
one" instead of Qt's default of moving on, so a facilitator can type, arrow and press
Enter without touching the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QListWidget

#: The meeting runner's shortcuts that a text box leaves to it (a line edit would use
#: Ctrl+Left/Right to move a word and take Ctrl+Enter for itself).
SHORTCUTS_OVER_TEXT = (
    "Ctrl+Right",
    "Ctrl+Left",
    "Ctrl+Return",
    "Ctrl+Enter",
    "Ctrl+Shift+S",
    "Ctrl+Shift+P",
    "Ctrl+Shift+H",
)
_COMBINATIONS: set[QKeyCombination] = set()


def is_shortcut_over_text(event: QEvent) -> bool:
    """True for Qt's offer of one of ``SHORTCUTS_OVER_TEXT`` to a focused text box."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    if not _COMBINATIONS:
        _COMBINATIONS.update(QKeySequence(k)[0] for k in SHORTCUTS_OVER_TEXT)  # type: ignore[index]
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeyCombination(modifiers, Qt.Key(event.key())) in _COMBINATIONS


class TextBox(QLineEdit):
    """A line edit that lets the meeting's shortcuts through (``SHORTCUTS_OVER_TEXT``).

    Qt first offers a key to the focused widget as a ``ShortcutOverride`` event; a line
    edit accepts Ctrl+Left/Right and Ctrl+Enter there and the shortcut never fires.
    Declining the offer lets the shortcut run; where there is none (the roster), the key
    still reaches the text box as usual and moves a word.
    """

    def event(self, event: QEvent) -> bool:
        if is_shortcut_over_text(event):
            event.ignore()
            return True
        return super().event(event)


class SearchField(TextBox):
    """A line edit that reports Down (to move into the results) instead of eating it."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class ChoiceList(QListWidget):
    """A list that reports Enter/Return as a choice of the current row."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)

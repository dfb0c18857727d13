"""Small key-handling widgets shared by the type-ahead screens (roster, check-in, skills).

A search field hands Down to the list below it, and a list turns Enter into "choose this
one" instead of Qt's default of moving on, so a facilitator can type, arrow and press
Enter without touching the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget


class SearchField(QLineEdit):
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

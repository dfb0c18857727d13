"""The catch-up grid of a mood round: everyone present and their answer, for catching up
after a late arrival or a fast round. Up/Down choose a person; a digit records the score
(0-10 scales: "1","0" quickly for 10, Enter takes a lone 1), P passes, Delete takes
back, Esc or G returns to one-at-a-time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.meeting_session import Person
from groupkeeper.model import MoodCheck, MoodScale
from groupkeeper.ui.meeting.common import button, label, scaled_font

_PSEUDONYM = Qt.ItemDataRole.UserRole


class _Table(QTableWidget):
    key_pressed = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            super().keyPressEvent(event)
            return
        self.key_pressed.emit(event)


class CatchUpGrid(QWidget):
    record_score = Signal(str, int)
    record_pass = Signal(str)
    clear_answer = Signal(str)
    close_requested = Signal()

    def __init__(self, scale: MoodScale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from groupkeeper.ui.meeting.segments.mood_round import ScoreKeys

        self.scale = scale
        self.keys = ScoreKeys(scale, self)
        self.keys.score.connect(self.score_current)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "Catch-up grid: \u2191 \u2193 choose a person, then the number for the "
                    "score, P to pass, Delete to take back. Esc goes back to the round.",
                ),
                role="hint",
            )
        )
        self.table = _Table(0, 2)
        self.table.setObjectName("catchUpGrid")
        self.table.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Catch-up grid"))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("MeetingRunner", "Person"),
                QCoreApplication.translate("MeetingRunner", "Answer"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFont(scaled_font(1.2))
        self.table.key_pressed.connect(self._on_table_key)
        box.addWidget(self.table, 1)
        box.addWidget(
            button(
                QCoreApplication.translate("MeetingRunner", "Back to the round  (Esc)"),
                "gridClose",
                self.close_requested.emit,
            )
        )

    def set_rows(self, people: list[Person], answers: dict[str, MoodCheck]) -> None:
        from groupkeeper.ui.meeting.segments.mood_round import describe_answer

        row_now = max(0, self.table.currentRow())
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            name = QTableWidgetItem(person.name)
            name.setData(_PSEUDONYM, person.pseudonym)
            answer = answers.get(person.pseudonym)
            self.table.setItem(row, 0, name)
            self.table.setItem(
                row, 1, QTableWidgetItem(describe_answer(answer) if answer else "\u2014")
            )
        if people:
            self.table.setCurrentCell(min(row_now, len(people) - 1), 0)

    def _current_pseudonym(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return None if item is None else str(item.data(_PSEUDONYM))

    def score_current(self, value: int) -> None:
        pseudonym = self._current_pseudonym()
        if pseudonym is None:
            return
        row = self.table.currentRow()
        self.record_score.emit(pseudonym, value)
        if row + 1 < self.table.rowCount():
            self.table.setCurrentCell(row + 1, 0)

    def _on_table_key(self, event: QKeyEvent) -> None:
        from groupkeeper.ui.meeting.segments.mood_round import digit_of

        digit = digit_of(event)
        pseudonym = self._current_pseudonym()
        if digit is not None:
            self.keys.feed(digit)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.keys.flush()
        elif event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_G):
            self.keys.flush()
            self.close_requested.emit()
        elif pseudonym is None:
            event.ignore()
        elif event.key() == Qt.Key.Key_P:
            row = self.table.currentRow()
            self.record_pass.emit(pseudonym)
            if row + 1 < self.table.rowCount():
                self.table.setCurrentCell(row + 1, 0)
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_answer.emit(pseudonym)
        else:
            event.ignore()

    def clear_personal_data(self) -> None:
        self.keys.cancel()
        self.table.setRowCount(0)

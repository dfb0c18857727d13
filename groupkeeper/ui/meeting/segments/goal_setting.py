"""Goal setting: one goal per present person for the week (optional), with a gentle prompt.

Choose a person (Up/Down in the list), type the goal, Enter saves it and moves to the next
person without a goal. Choosing someone who has a goal puts it in the box to edit; Remove
deletes it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.ui.meeting.common import SegmentWidget, button, label, scaled_font
from groupkeeper.ui.widgets.keys import TextBox

_PSEUDONYM = Qt.ItemDataRole.UserRole


class _GoalBox(TextBox):
    up_pressed = Signal()
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Up:
            self.up_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class GoalSettingSegment(SegmentWidget):
    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, segment, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        prompt = label(
            QCoreApplication.translate(
                "MeetingRunner",
                "Small, specific, something you can do this week. "
                "A goal is optional - \u201cnot this week\u201d is fine.",
            ),
            name="smartPrompt",
        )
        prompt.setFont(scaled_font(1.25))
        box.addWidget(prompt)
        row = QHBoxLayout()
        self.people = QListWidget()
        self.people.setObjectName("goalPeople")
        self.people.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "People and their goals")
        )
        self.people.setFont(scaled_font(1.15))
        self.people.setWordWrap(True)
        self.people.currentRowChanged.connect(self._on_people_currentRowChanged)
        row.addWidget(self.people, 1)
        box.addLayout(row, 1)
        self.for_label = label(name="goalFor", wrap=False)
        self.for_label.setFont(scaled_font(1.1, bold=True))
        box.addWidget(self.for_label)
        entry = QHBoxLayout()
        self.goal_box = _GoalBox()
        self.goal_box.setObjectName("goalText")
        self.goal_box.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Goal for the week")
        )
        self.goal_box.setAccessibleDescription(
            QCoreApplication.translate(
                "MeetingRunner",
                "Enter saves and moves to the next person. Up and Down choose a person.",
            )
        )
        self.goal_box.setPlaceholderText(
            QCoreApplication.translate("MeetingRunner", "e.g. Walk round the park on two mornings")
        )
        self.goal_box.setFont(scaled_font(1.2))
        self.goal_box.setMinimumHeight(52)
        self.goal_box.returnPressed.connect(self.save_goal)
        self.goal_box.up_pressed.connect(lambda: self._step(-1))
        self.goal_box.down_pressed.connect(lambda: self._step(+1))
        entry.addWidget(self.goal_box, 1)
        entry.addWidget(
            button(
                QCoreApplication.translate("MeetingRunner", "&Save goal  (Enter)"),
                "goalSave",
                self.save_goal,
                role="primary",
            )
        )
        self.remove_button = button(
            QCoreApplication.translate("MeetingRunner", "&Remove goal"),
            "goalRemove",
            self.remove_goal,
        )
        entry.addWidget(self.remove_button)
        box.addLayout(entry)
        self.count_label = label(role="hint", name="goalCount")
        box.addWidget(self.count_label)
        self.refresh()

    def refresh(self) -> None:
        present = self.session.present()
        goals = self.session.goals_set()
        row_now = self.people.currentRow()
        self.people.blockSignals(True)
        self.people.clear()
        for person in present:
            goal = goals.get(person.pseudonym)
            text = person.name + ("  \u2014  " + (goal.text or "") if goal else "")
            item = QListWidgetItem(text)
            item.setData(_PSEUDONYM, person.pseudonym)
            self.people.addItem(item)
        self.people.blockSignals(False)
        if present:
            if row_now < 0:
                row_now = next((i for i, p in enumerate(present) if p.pseudonym not in goals), 0)
            self.people.setCurrentRow(min(row_now, len(present) - 1))
            self._on_people_currentRowChanged(self.people.currentRow())
        else:
            self.for_label.setText(
                QCoreApplication.translate("MeetingRunner", "Nobody checked in yet.")
            )
        self.count_label.setText(
            QCoreApplication.translate("MeetingRunner", "%n goal(s) set", "", len(goals))
            + " - "
            + QCoreApplication.translate("MeetingRunner", "%n here", "", len(present))
        )

    def _pseudonym(self) -> str | None:
        item = self.people.currentItem()
        return None if item is None else str(item.data(_PSEUDONYM))

    def _on_people_currentRowChanged(self, row: int) -> None:  # noqa: N802
        pseudonym = self._pseudonym()
        if pseudonym is None:
            return
        goal = self.session.goals_set().get(pseudonym)
        name = self.session.names([pseudonym]).get(pseudonym, "")
        self.for_label.setText(
            QCoreApplication.translate("MeetingRunner", "Goal for %1:").replace("%1", name)
        )
        self.goal_box.setText(goal.text or "" if goal else "")
        self.remove_button.setEnabled(goal is not None)

    def _step(self, delta: int) -> None:
        row = self.people.currentRow() + delta
        if 0 <= row < self.people.count():
            self.people.setCurrentRow(row)

    def save_goal(self) -> None:
        pseudonym = self._pseudonym()
        text = self.goal_box.text().strip()
        if pseudonym is None or not text:
            return
        ok, _ = self.act(self.session.set_goal, pseudonym, text)
        if ok:
            goals = self.session.goals_set()
            row = self.people.currentRow()
            order = list(range(row + 1, self.people.count())) + list(range(0, row))
            target = next(
                (r for r in order if str(self.people.item(r).data(_PSEUDONYM)) not in goals),
                row,
            )
            self.people.blockSignals(True)
            self.people.setCurrentRow(target)
            self.people.blockSignals(False)
            self.refresh()
            self.goal_box.setFocus()

    def remove_goal(self) -> None:
        pseudonym = self._pseudonym()
        if pseudonym is None:
            return
        ok, _ = self.act(self.session.remove_goal, pseudonym)
        if ok:
            self.refresh()

    def focus_main(self) -> None:
        self.goal_box.setFocus()

    def clear_personal_data(self) -> None:
        self.people.clear()
        self.goal_box.clear()
        self.for_label.clear()

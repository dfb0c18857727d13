"""Last week's goals: each present person's open goals with Done / Partly / Not yet / Drop.

Keys on the list: D or 1 = done, P or 2 = partly, N or 3 = not yet, X or 4 = drop,
Backspace/Delete = undo the review. After an answer the next goal is selected.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import GoalOutcome
from groupkeeper.ui.meeting.common import SegmentWidget, button, label, scaled_font
from groupkeeper.ui.widgets.flow import FlowLayout

_GOAL_ID = Qt.ItemDataRole.UserRole

_KEYS = {
    Qt.Key.Key_D: GoalOutcome.DONE,
    Qt.Key.Key_1: GoalOutcome.DONE,
    Qt.Key.Key_P: GoalOutcome.PARTLY,
    Qt.Key.Key_2: GoalOutcome.PARTLY,
    Qt.Key.Key_N: GoalOutcome.NOT_YET,
    Qt.Key.Key_3: GoalOutcome.NOT_YET,
    Qt.Key.Key_X: GoalOutcome.DROPPED,
    Qt.Key.Key_4: GoalOutcome.DROPPED,
}


def outcome_words() -> dict[GoalOutcome, str]:
    return {
        GoalOutcome.DONE: QCoreApplication.translate("MeetingRunner", "Done"),
        GoalOutcome.PARTLY: QCoreApplication.translate("MeetingRunner", "Partly"),
        GoalOutcome.NOT_YET: QCoreApplication.translate("MeetingRunner", "Not yet"),
        GoalOutcome.DROPPED: QCoreApplication.translate("MeetingRunner", "Dropped"),
    }


class _GoalTable(QTableWidget):
    def __init__(self, owner: GoalsReviewSegment) -> None:
        super().__init__(0, 3)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        no_mods = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if no_mods and event.key() in _KEYS:
            self._owner.review_selected(_KEYS[Qt.Key(event.key())])
            return
        if no_mods and event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._owner.review_selected(None)
            return
        super().keyPressEvent(event)


class GoalsReviewSegment(SegmentWidget):
    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, segment, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "How did last week's goals go? Choose a goal, then D done, P partly, "
                    "N not yet, X drop (or 1-4). Backspace takes it back.",
                ),
                role="hint",
            )
        )
        self.table = _GoalTable(self)
        self.table.setObjectName("goalsReviewTable")
        self.table.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Goals to review"))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("MeetingRunner", "Person"),
                QCoreApplication.translate("MeetingRunner", "Goal"),
                QCoreApplication.translate("MeetingRunner", "How it went"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(52)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFont(scaled_font(1.15))
        box.addWidget(self.table, 1)
        row = FlowLayout()
        words = outcome_words()
        for text, outcome, name in (
            (
                QCoreApplication.translate("MeetingRunner", "&Done  (D)"),
                GoalOutcome.DONE,
                "reviewDone",
            ),
            (
                QCoreApplication.translate("MeetingRunner", "Partly  (P)"),
                GoalOutcome.PARTLY,
                "reviewPartly",
            ),
            (
                QCoreApplication.translate("MeetingRunner", "Not yet  (N)"),
                GoalOutcome.NOT_YET,
                "reviewNotYet",
            ),
            (
                QCoreApplication.translate("MeetingRunner", "Drop  (X)"),
                GoalOutcome.DROPPED,
                "reviewDrop",
            ),
        ):
            b = button(text, name, partial(self.review_selected, outcome))
            b.setAccessibleName(words[outcome])
            row.addWidget(b)
        row.addWidget(
            button(
                QCoreApplication.translate("MeetingRunner", "&Undo  (Backspace)"),
                "reviewUndo",
                lambda: self.review_selected(None),
            )
        )
        box.addLayout(row)
        self.count_label = label(role="hint", name="reviewCount")
        box.addWidget(self.count_label)
        self.refresh()

    def refresh(self) -> None:
        goals = self.session.goals_to_review()
        names = self.session.names([g.pseudonym for g in goals])
        words = outcome_words()
        current = max(0, self.table.currentRow())
        self.table.setRowCount(len(goals))
        for row, goal in enumerate(goals):
            person = QTableWidgetItem(names.get(goal.pseudonym, ""))
            person.setData(_GOAL_ID, goal.id)
            self.table.setItem(row, 0, person)
            self.table.setItem(row, 1, QTableWidgetItem(goal.text or ""))
            outcome = words[goal.outcome] if goal.outcome else "\u2014"
            self.table.setItem(row, 2, QTableWidgetItem(outcome))
        if goals:
            self.table.setCurrentCell(min(current, len(goals) - 1), 0)
        reviewed = sum(1 for g in goals if g.outcome)
        if goals:
            self.count_label.setText(
                QCoreApplication.translate(
                    "MeetingRunner", "%n goal(s) from before", "", len(goals)
                )
                + " - "
                + QCoreApplication.translate("MeetingRunner", "%n reviewed", "", reviewed)
            )
        else:
            self.count_label.setText(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "Nobody here has an open goal from before. Ctrl+Enter moves on.",
                )
            )

    def review_selected(self, outcome: GoalOutcome | None) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0)
        if item is None:
            return
        ok, _ = self.act(self.session.review_goal, int(item.data(_GOAL_ID)), outcome)
        if ok:
            self.refresh()
            if outcome is not None and row + 1 < self.table.rowCount():
                self.table.setCurrentCell(row + 1, 0)

    def focus_main(self) -> None:
        self.table.setFocus()

    def clear_personal_data(self) -> None:
        self.table.setRowCount(0)

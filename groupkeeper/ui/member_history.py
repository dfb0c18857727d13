"""A member's own history (attendance, moods, goals, skills shared), for the facilitator only.

Read-only. Opened from the roster; shows nothing about anyone else.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui.services import Services
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen


def _table(headers: list[str], rows: list[list[str]], accessible: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAccessibleName(accessible)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    return table


class MemberHistoryDialog(QDialog):
    """Tabs of one member's records."""

    def __init__(self, services: Services, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = services.store
        member = store.members.get(member_id)
        history = store.members.history(member_id)
        self.setObjectName("memberHistory")
        self.setWindowTitle(
            QCoreApplication.translate("MemberHistory", "History: {name}").format(
                name=member.display_name
            )
        )

        layout = QVBoxLayout(self)
        title = QLabel(
            QCoreApplication.translate("MemberHistory", "History of {name}").format(
                name=member.display_name
            )
        )
        title.setProperty("role", "title")
        layout.addWidget(title)
        came = sum(1 for _d, _g, s in history.attendance if s == "present")
        summary = QLabel(
            QCoreApplication.translate("MemberHistory", "Came to %n meeting(s).", "", came)
        )
        summary.setProperty("role", "hint")
        summary.setText(
            summary.text()
            + " "
            + QCoreApplication.translate("MemberHistory", "For the facilitator only.")
        )
        layout.addWidget(summary)

        status_words = {
            "present": QCoreApplication.translate("MemberHistory", "came"),
            "apologies": QCoreApplication.translate("MemberHistory", "sent apologies"),
        }
        round_words = {
            "opening": QCoreApplication.translate("MemberHistory", "opening"),
            "closing": QCoreApplication.translate("MemberHistory", "closing"),
        }
        outcome_words = {
            "done": QCoreApplication.translate("MemberHistory", "done"),
            "partly": QCoreApplication.translate("MemberHistory", "partly"),
            "not_yet": QCoreApplication.translate("MemberHistory", "not yet"),
            "dropped": QCoreApplication.translate("MemberHistory", "dropped"),
        }
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(QCoreApplication.translate("MemberHistory", "History sections"))
        self.attendance = _table(
            [
                QCoreApplication.translate("MemberHistory", "Date"),
                QCoreApplication.translate("MemberHistory", "Group"),
                QCoreApplication.translate("MemberHistory", "Status"),
            ],
            [[d, g, status_words.get(s, s)] for d, g, s in history.attendance],
            QCoreApplication.translate("MemberHistory", "Attendance"),
        )
        self.moods = _table(
            [
                QCoreApplication.translate("MemberHistory", "Date"),
                QCoreApplication.translate("MemberHistory", "Round"),
                QCoreApplication.translate("MemberHistory", "Score"),
                QCoreApplication.translate("MemberHistory", "Feeling word"),
            ],
            [
                [
                    d,
                    round_words.get(r, r),
                    QCoreApplication.translate("MemberHistory", "passed")
                    if passed
                    else f"{score} ({scale})",
                    word,
                ]
                for d, r, scale, score, passed, word in history.moods
            ],
            QCoreApplication.translate("MemberHistory", "Mood checks"),
        )
        self.goals = _table(
            [
                QCoreApplication.translate("MemberHistory", "Set on"),
                QCoreApplication.translate("MemberHistory", "Goal"),
                QCoreApplication.translate("MemberHistory", "Outcome"),
            ],
            [
                [
                    g.created_at[:10],
                    g.text or "",
                    outcome_words.get(g.outcome.value, "")
                    if g.outcome
                    else QCoreApplication.translate("MemberHistory", "open"),
                ]
                for g in history.goals
            ],
            QCoreApplication.translate("MemberHistory", "Goals"),
        )
        self.skills = _table(
            [
                QCoreApplication.translate("MemberHistory", "Date"),
                QCoreApplication.translate("MemberHistory", "Skill"),
            ],
            [[d, s] for d, s in history.skills_shared],
            QCoreApplication.translate("MemberHistory", "Skills shared"),
        )
        for widget, label in (
            (self.attendance, QCoreApplication.translate("MemberHistory", "&Attendance ({n})")),
            (self.moods, QCoreApplication.translate("MemberHistory", "&Moods ({n})")),
            (self.goals, QCoreApplication.translate("MemberHistory", "&Goals ({n})")),
            (self.skills, QCoreApplication.translate("MemberHistory", "&Skills shared ({n})")),
        ):
            self.tabs.addTab(widget, label.format(n=widget.rowCount()))
        layout.addWidget(self.tabs, 1)

        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(QCoreApplication.translate("MemberHistory", "Close"))
        close.setAccessibleName(QCoreApplication.translate("MemberHistory", "Close history"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        fit_to_text_and_screen(self, 820, 520)

    def clear_personal_data(self) -> None:
        for table in (self.attendance, self.moods, self.goals, self.skills):
            table.clearContents()
            table.setRowCount(0)
        self.setWindowTitle("")

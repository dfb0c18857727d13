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


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberHistory", text)


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
        self.setWindowTitle(_tr("History: {name}").format(name=member.display_name))

        layout = QVBoxLayout(self)
        title = QLabel(_tr("History of {name}").format(name=member.display_name))
        title.setProperty("role", "title")
        layout.addWidget(title)
        came = sum(1 for _d, _g, s in history.attendance if s == "present")
        summary = QLabel(
            QCoreApplication.translate("MemberHistory", "Came to %n meeting(s).", "", came)
        )
        summary.setProperty("role", "hint")
        summary.setText(summary.text() + " " + _tr("For the facilitator only."))
        layout.addWidget(summary)

        status_words = {"present": _tr("came"), "apologies": _tr("sent apologies")}
        round_words = {"opening": _tr("opening"), "closing": _tr("closing")}
        outcome_words = {
            "done": _tr("done"),
            "partly": _tr("partly"),
            "not_yet": _tr("not yet"),
            "dropped": _tr("dropped"),
        }
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_tr("History sections"))
        self.attendance = _table(
            [_tr("Date"), _tr("Group"), _tr("Status")],
            [[d, g, status_words.get(s, s)] for d, g, s in history.attendance],
            _tr("Attendance"),
        )
        self.moods = _table(
            [_tr("Date"), _tr("Round"), _tr("Score"), _tr("Feeling word")],
            [
                [
                    d,
                    round_words.get(r, r),
                    _tr("passed") if passed else f"{score} ({scale})",
                    word,
                ]
                for d, r, scale, score, passed, word in history.moods
            ],
            _tr("Mood checks"),
        )
        self.goals = _table(
            [_tr("Set on"), _tr("Goal"), _tr("Outcome")],
            [
                [
                    g.created_at[:10],
                    g.text or "",
                    outcome_words.get(g.outcome.value, "") if g.outcome else _tr("open"),
                ]
                for g in history.goals
            ],
            _tr("Goals"),
        )
        self.skills = _table(
            [_tr("Date"), _tr("Skill")],
            [[d, s] for d, s in history.skills_shared],
            _tr("Skills shared"),
        )
        for widget, label in (
            (self.attendance, _tr("&Attendance ({n})")),
            (self.moods, _tr("&Moods ({n})")),
            (self.goals, _tr("&Goals ({n})")),
            (self.skills, _tr("&Skills shared ({n})")),
        ):
            self.tabs.addTab(widget, label.format(n=widget.rowCount()))
        layout.addWidget(self.tabs, 1)

        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(_tr("Close"))
        close.setAccessibleName(_tr("Close history"))
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

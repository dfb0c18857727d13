"""The "+ Arrival" dialog: the check-in type-ahead in a small window, for late arrivals in
any segment. Enter marks the top match present and closes it; Esc closes it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from groupkeeper.meeting_session import MeetingSession
from groupkeeper.ui.meeting.common import button, label
from groupkeeper.ui.meeting.segments.check_in import CheckInPanel
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen


class ArrivalDialog(QDialog):
    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("arrivalDialog")
        self.setWindowTitle(QCoreApplication.translate("MeetingRunner", "Someone arrived"))
        self.setModal(True)
        fit_to_text_and_screen(self, 640, 480)  # grows with the text, within the screen
        box = QVBoxLayout(self)
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner", "Who arrived? Type a few letters, then Enter."
                ),
                role="title",
            )
        )
        self.panel = CheckInPanel(session)
        self.panel.recorded.connect(lambda _p: self.accept())
        box.addWidget(self.panel, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(
            button(
                QCoreApplication.translate("MeetingRunner", "Close"), "arrivalClose", self.reject
            )
        )
        box.addLayout(row)
        self.panel.search.setFocus()

    def clear_personal_data(self) -> None:
        self.panel.clear_personal_data()

"""Welcome and agreements: the group's agreements in very large text, to read aloud."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.ui.meeting.common import SegmentWidget, label, scaled_font


class AgreementsSegment(SegmentWidget):
    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, segment, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 12, 24, 12)
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner", "Read these aloud to welcome everyone."
                ),
                role="hint",
            )
        )
        text = session.group.agreements.strip() or QCoreApplication.translate(
            "MeetingRunner",
            "This group has no agreements written yet. Add them in the group's settings.",
        )
        self.text = label(text, name="agreementsText")
        self.text.setFont(scaled_font(1.7))
        self.text.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Group agreements"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        box.addWidget(scroll, 1)
        self.scroll_area = scroll

    def focus_main(self) -> None:
        self.scroll_area.setFocus()

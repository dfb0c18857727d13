"""A generic open timed segment (open sharing, agenda setting, working session...): its
title, a big timer and a short prompt; nothing is recorded here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.ui.meeting.common import SegmentWidget, label, scaled_font, segment_title
from groupkeeper.ui.meeting.header import mmss


class OpenSegment(SegmentWidget):
    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, segment, parent)
        box = QVBoxLayout(self)
        box.addStretch(1)
        title = label(segment_title(segment), role="title", name="openTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(title)
        self.big_timer = label(name="openTimer", wrap=False)
        self.big_timer.setFont(scaled_font(5.0, bold=True))
        self.big_timer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.big_timer.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Time so far"))
        box.addWidget(self.big_timer)
        prompt = str(segment.options.get("prompt", "")) or QCoreApplication.translate(
            "MeetingRunner",
            "Open time. The timer is in the header too; Ctrl+Enter moves on when the "
            "group is ready.",
        )
        hint = label(prompt, role="hint", name="openPrompt")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setFont(scaled_font(1.2))
        box.addWidget(hint)
        box.addStretch(2)
        self.tick()

    def tick(self) -> None:
        run = self.session.run
        self.big_timer.setText(f"{mmss(run.elapsed())} / {mmss(run.planned_seconds())}")

"""Closing: an optional closing mood round, the next meeting date, a short summary and
and a short summary. The footer's "End meeting..." (Ctrl+Enter) ends it, after a confirmation."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QVBoxLayout, QWidget

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import MoodRound
from groupkeeper.ui.meeting.common import MIN_TARGET, SegmentWidget, label
from groupkeeper.ui.meeting.segments.mood_round import MoodRoundSegment
from groupkeeper.ui.meeting.summary import summary_lines


class ClosingSegment(SegmentWidget):
    end_requested = Signal()

    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, segment, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 8)
        self.round: MoodRoundSegment | None = None
        if bool(segment.options.get("closing_mood", True)):
            heading = label(
                QCoreApplication.translate("MeetingRunner", "Closing round (optional)"),
                name="closingRoundHeading",
            )
            heading.setProperty("role", "hint")
            box.addWidget(heading)
            self.round = MoodRoundSegment(session, segment, round=MoodRound.CLOSING)
            self.round.changed.connect(self._on_round_changed)
            box.addWidget(self.round, 1)
        else:
            box.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(16, 0, 16, 0)
        date_label = label(
            QCoreApplication.translate("MeetingRunner", "Next &meeting:"), wrap=False
        )
        self.next_date = QDateEdit()
        self.next_date.setObjectName("nextMeetingDate")
        self.next_date.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Next meeting date")
        )
        self.next_date.setCalendarPopup(True)
        self.next_date.setMinimumHeight(MIN_TARGET)
        self.next_date.setDisplayFormat("ddd d MMM yyyy")
        d = session.default_next_meeting_date()
        self.next_date.setDate(QDate(d.year, d.month, d.day))
        date_label.setBuddy(self.next_date)
        self.summary = label(role="hint", name="closingSummary")
        bottom.addWidget(date_label)
        bottom.addWidget(self.next_date)
        if session.group.meeting_time:
            # The date follows the group's usual day; its usual time goes with it.
            at = label(
                QCoreApplication.translate("MeetingRunner", "at %1").replace(
                    "%1", session.group.meeting_time
                ),
                wrap=False,
            )
            at.setObjectName("nextMeetingTime")
            bottom.addWidget(at)
        bottom.addSpacing(16)
        bottom.addWidget(self.summary, 1)
        box.addLayout(bottom)
        self._show_summary()

    def chosen_next_date(self) -> datetime.date:
        value = self.next_date.date().toPython()
        assert isinstance(value, datetime.date)
        return value

    def _on_round_changed(self) -> None:
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        self.summary.setText("; ".join(summary_lines(self.session.summary())[:3]))

    def refresh(self) -> None:
        self._show_summary()
        if self.round is not None:  # shown again after more arrivals: they are in it too
            self.round.refresh()

    def focus_main(self) -> None:
        if self.round is not None:
            self.round.focus_main()
        else:
            self.next_date.setFocus()

    def clear_personal_data(self) -> None:
        if self.round is not None:
            self.round.clear_personal_data()

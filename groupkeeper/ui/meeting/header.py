"""The runner's header: group and date, the current segment, its timer, pause, and the
two buttons that are always there ("+ Arrival" and "Safety").

The timer label carries one dynamic property, ``timerState`` ("ok" / "near" / "over"),
the values the themes style (the engine's ``TimerStatus`` mapped by ``_THEME_STATE``).
Colour is never the only signal: a text cue beside the timer says "2 min left", "Less
than a minute left" or "Over by 3 min".
"""

from __future__ import annotations

import math
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.meeting import TimerStatus
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.ui.meeting.common import button, label, scaled_font, segment_title
from groupkeeper.ui.widgets.sizing import large_text

_THEME_STATE = {
    TimerStatus.NORMAL: "ok",
    TimerStatus.NEAR_END: "near",
    TimerStatus.OVER: "over",
}


def mmss(seconds: float) -> str:
    """Whole minutes and seconds, "mm:ss" (hours fold into minutes: "75:00")."""
    total = max(0, int(seconds))
    return f"{total // 60:02d}:{total % 60:02d}"


def timer_cue(status: TimerStatus, remaining: float) -> str:
    """Words for the timer state, so colour is never the only signal."""
    if status is TimerStatus.OVER:
        over = int(-remaining // 60)
        if over < 1:
            return QCoreApplication.translate("MeetingRunner", "Time is up")
        return QCoreApplication.translate("MeetingRunner", "Over by %n min", "", over)
    minutes = math.ceil(remaining / 60) if remaining > 0 else 0
    if remaining < 60:
        return QCoreApplication.translate("MeetingRunner", "Less than a minute left")
    return QCoreApplication.translate("MeetingRunner", "%n min left", "", minutes)


class MeetingHeader(QFrame):
    """Shows where the meeting is and how the time goes; owns no data.

    At normal text sizes one row holds the group and date, the segment title, the
    timers and the buttons. From the 150% text setting on, the buttons get a row of their
    own (beside the group and date) and every label wraps, so the header never makes the
    window wider than a 1366 px screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingHeader")
        large = large_text()
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 8, 16, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)

        where = QVBoxLayout()
        where.setSpacing(0)
        self.group_label = label(name="meetingGroup", wrap=large)
        self.group_label.setFont(scaled_font(1.0, bold=True))
        self.date_label = label(role="hint", name="meetingDate", wrap=large)
        # The whole meeting: elapsed of planned, and when it should end.
        self.meeting_label = label(role="hint", name="meetingTime", wrap=large)
        self.meeting_label.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Whole meeting")
        )
        where.addWidget(self.group_label)
        where.addWidget(self.date_label)
        where.addWidget(self.meeting_label)

        self.segment_label = label(role="title", name="meetingSegmentTitle", wrap=large)
        self.segment_label.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Current segment")
        )

        timer_box = QVBoxLayout()
        timer_box.setSpacing(0)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("segmentTimer")
        self.timer_label.setProperty("role", "timer")
        self.timer_label.setProperty("timerState", "ok")
        self.timer_label.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Segment timer")
        )
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue_label = label(role="hint", name="timerCue", wrap=False)
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        timer_box.addWidget(self.timer_label)
        timer_box.addWidget(self.cue_label)

        buttons = QHBoxLayout()
        self.pause_button = button(
            QCoreApplication.translate("MeetingRunner", "Pause"), "pauseButton"
        )
        self.pause_button.setToolTip(
            QCoreApplication.translate("MeetingRunner", "Pause or resume the timer (Ctrl+Shift+P)")
        )
        buttons.addWidget(self.pause_button)
        buttons.addSpacing(12)
        self.arrival_button = button(
            QCoreApplication.translate("MeetingRunner", "+ &Arrival"),
            "arrivalButton",
            role="primary",
        )
        self.arrival_button.setToolTip(
            QCoreApplication.translate("MeetingRunner", "Someone arrived late (A or Ctrl+A)")
        )
        self.arrival_button.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Add arrival")
        )
        self.safety_button = button(
            QCoreApplication.translate("MeetingRunner", "&Safety"), "safetyButton", role="safety"
        )
        self.safety_button.setToolTip(
            QCoreApplication.translate(
                "MeetingRunner",
                "Crisis resources, escalation steps, count a concern (Ctrl+Shift+S)",
            )
        )
        buttons.addWidget(self.arrival_button)
        # A clear gap: "+ Arrival" must not be mistaken for (or slip onto) Safety.
        buttons.addSpacing(16)
        buttons.addWidget(self.safety_button)

        if large:
            # Row 0: what is happening now and its timer; row 1: where, and the buttons.
            grid.addWidget(self.segment_label, 0, 0)
            grid.addLayout(timer_box, 0, 1)
            grid.addLayout(where, 1, 0)
            grid.addLayout(buttons, 1, 1, Qt.AlignmentFlag.AlignBottom)
            grid.setColumnStretch(0, 1)
        else:
            row = QHBoxLayout()
            row.addLayout(where)
            row.addSpacing(8)
            row.addWidget(self.segment_label, 1)
            row.addLayout(timer_box)
            grid.addLayout(row, 0, 0)
            grid.setColumnStretch(0, 1)
            grid.addLayout(buttons, 0, 1)

    def set_meeting(self, group_name: str, meeting_date: str) -> None:
        self.group_label.setText(group_name)
        try:
            day = date.fromisoformat(meeting_date)
            text = QLocale().toString(
                QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
            )
        except ValueError:
            text = meeting_date
        self.date_label.setText(text)

    def update_from(self, session: MeetingSession) -> None:
        """Show the current segment and its timer (called every tick and after changes)."""
        run = session.run
        self.segment_label.setText(segment_title(run.current_segment))
        elapsed = run.elapsed()
        planned = run.planned_seconds()
        status = run.timer_status()
        if status is TimerStatus.OVER:
            # Over time reads as words and a sign, never only as a colour: "+02:15 over".
            self.timer_label.setText(
                QCoreApplication.translate("MeetingRunner", "+%1 over").replace(
                    "%1", mmss(elapsed - planned)
                )
            )
        else:
            self.timer_label.setText(f"{mmss(elapsed)} / {mmss(planned)}")
        cue = timer_cue(status, planned - elapsed)
        if run.paused:
            cue = QCoreApplication.translate("MeetingRunner", "Paused") + " - " + cue
        if run.finished:
            cue = QCoreApplication.translate("MeetingRunner", "Meeting ended")
        self.cue_label.setText(cue)
        self.timer_label.setAccessibleDescription(cue)
        state = _THEME_STATE[status]
        if self.timer_label.property("timerState") != state:
            self.timer_label.setProperty("timerState", state)
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)
        self.pause_button.setText(
            QCoreApplication.translate("MeetingRunner", "Resume")
            if run.paused
            else QCoreApplication.translate("MeetingRunner", "Pause")
        )
        self.pause_button.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Resume the timer")
            if run.paused
            else QCoreApplication.translate("MeetingRunner", "Pause the timer")
        )
        self.pause_button.setEnabled(not run.finished)
        self.meeting_label.setText(meeting_time(session))


def meeting_time(session: MeetingSession) -> str:
    """The whole meeting in words: "Meeting: 12 of 90 min · ends 20:30"."""
    progress = session.run.progress()
    finish = datetime.fromtimestamp(session.clock() + progress.expected_remaining_seconds)
    ends = QLocale().toString(QTime(finish.hour, finish.minute), QLocale.FormatType.ShortFormat)
    text = (
        QCoreApplication.translate("MeetingRunner", "Meeting: %1 of %2 min \u00b7 ends %3")
        .replace("%1", str(int(progress.elapsed_seconds // 60)))
        .replace("%2", str(progress.planned_seconds // 60))
        .replace("%3", ends)
    )
    over = int((progress.elapsed_seconds - progress.planned_seconds) // 60)
    if over >= 1:
        text += " \u00b7 " + QCoreApplication.translate(
            "MeetingRunner", "meeting over by %n min", "", over
        )
    return text

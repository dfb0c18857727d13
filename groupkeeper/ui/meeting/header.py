"""The runner's header: group and date, the current segment, its timer, pause, and the
two buttons that are always there ("+ Arrival" and "Safety").

The timer label carries one dynamic property, ``timerState`` ("ok" / "near" / "over"),
the values the themes style (the engine's ``TimerStatus`` mapped by ``_THEME_STATE``).
Colour is never the only signal: a text cue beside the timer says "2 min left", "Less
than a minute left" or "Over by 3 min".
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
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
from groupkeeper.ui.meeting.common import button, label, ntr, scaled_font, segment_title, tr
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
            return tr("Time is up")
        return ntr("Over by %n min", over)
    minutes = math.ceil(remaining / 60) if remaining > 0 else 0
    if remaining < 60:
        return tr("Less than a minute left")
    return ntr("%n min left", minutes)


class MeetingHeader(QFrame):
    """Shows where the meeting is and how the time goes; owns no data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingHeader")
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 8, 16, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        row = QHBoxLayout()
        grid.addLayout(row, 0, 0)
        grid.setColumnStretch(0, 1)

        where = QVBoxLayout()
        where.setSpacing(0)
        self.group_label = label(name="meetingGroup", wrap=False)
        self.group_label.setFont(scaled_font(1.0, bold=True))
        self.date_label = label(role="hint", name="meetingDate", wrap=False)
        where.addWidget(self.group_label)
        where.addWidget(self.date_label)
        row.addLayout(where)
        row.addSpacing(8)

        self.segment_label = label(role="title", name="meetingSegmentTitle", wrap=False)
        self.segment_label.setAccessibleName(tr("Current segment"))
        row.addWidget(self.segment_label, 1)

        timer_box = QVBoxLayout()
        timer_box.setSpacing(0)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("segmentTimer")
        self.timer_label.setProperty("role", "timer")
        self.timer_label.setProperty("timerState", "ok")
        self.timer_label.setAccessibleName(tr("Segment timer"))
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue_label = label(role="hint", name="timerCue", wrap=False)
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        timer_box.addWidget(self.timer_label)
        timer_box.addWidget(self.cue_label)
        row.addLayout(timer_box)

        # At large text sizes one row would be wider than a 1366 px screen and squeeze the
        # buttons until their words are cut; the buttons then get a row of their own.
        buttons = QHBoxLayout()
        if large_text():
            buttons.addStretch(1)
            grid.addLayout(buttons, 1, 0)
        else:
            grid.addLayout(buttons, 0, 1)
        self.pause_button = button(tr("Pause"), "pauseButton")
        self.pause_button.setToolTip(tr("Pause or resume the timer (Ctrl+Shift+P)"))
        buttons.addWidget(self.pause_button)
        buttons.addSpacing(12)
        self.arrival_button = button(tr("+ &Arrival"), "arrivalButton", role="primary")
        self.arrival_button.setToolTip(tr("Someone arrived late (A or Ctrl+A)"))
        self.arrival_button.setAccessibleName(tr("Add arrival"))
        self.safety_button = button(tr("&Safety"), "safetyButton", role="safety")
        self.safety_button.setToolTip(
            tr("Crisis resources, escalation steps, count a concern (Ctrl+Shift+S)")
        )
        buttons.addWidget(self.arrival_button)
        buttons.addWidget(self.safety_button)

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
        self.timer_label.setText(f"{mmss(elapsed)} / {mmss(planned)}")
        cue = timer_cue(status, planned - elapsed)
        if run.paused:
            cue = tr("Paused") + " - " + cue
        if run.finished:
            cue = tr("Meeting ended")
        self.cue_label.setText(cue)
        self.timer_label.setAccessibleDescription(cue)
        state = _THEME_STATE[status]
        if self.timer_label.property("timerState") != state:
            self.timer_label.setProperty("timerState", state)
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)
        self.pause_button.setText(tr("Resume") if run.paused else tr("Pause"))
        self.pause_button.setAccessibleName(
            tr("Resume the timer") if run.paused else tr("Pause the timer")
        )
        self.pause_button.setEnabled(not run.finished)

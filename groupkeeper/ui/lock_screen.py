"""The meeting lock screen: agenda and timer stay visible, no names, passphrase to return.

Shown instead of the unlock screen when the vault locks during a meeting, so the
facilitator does not have to type the passphrase in front of the group just to see the
time. It is built from ``MeetingRunner.lock_snapshot()``, a plain dict with no personal
data::

    {"meeting_id": int, "title": str (optional, e.g. the group name),
     "segments": [{"title": str, "minutes": int, "skipped": bool}, ...] (or plain titles),
     "current": int, "elapsed": float seconds, "planned": float seconds, "paused": bool,
     "crisis_resources": str, "escalation_steps": str}

The crisis resources and escalation steps are services' numbers and steps, not personal
data: the Safety button shows them without unlocking, so a crisis does not wait for the
passphrase to be typed in front of the group.

The timer keeps counting from ``services.clock`` unless the meeting was paused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui.unlock import UnlockForm
from groupkeeper.ui.widgets.crisis import CrisisDialog

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services


def _mmss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class MeetingLockScreen(QWidget):
    """Agenda + running timer + unlock form. Emits ``unlocked`` (with the meeting id)."""

    unlocked = Signal(int)

    def __init__(
        self, services: Services, snapshot: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("meetingLockScreen")
        self.meeting_id = int(snapshot.get("meeting_id", 0) or 0)
        self._elapsed = float(snapshot.get("elapsed", 0.0) or 0.0)
        self._planned = float(snapshot.get("planned", 0.0) or 0.0)
        self._paused = bool(snapshot.get("paused", False))
        self._taken_at = services.clock()
        current = int(snapshot.get("current", 0) or 0)

        title = QLabel(self.tr("Locked - the meeting goes on"), self)
        title.setProperty("role", "title")
        self.segment_label = QLabel(self)
        self.segment_label.setProperty("role", "title")
        self.segment_label.setWordWrap(True)
        self.timer_label = QLabel(self)
        self.timer_label.setProperty("role", "timer")
        self.timer_label.setAccessibleName(self.tr("Segment timer"))
        # The agenda is read, not used: one word-wrapped label per segment in a column that
        # scrolls up and down only (a list view's wrapped rows were cut or scrolled
        # sideways at 200% text). Reachable with Tab (not by click) so a screen-reader user
        # can read the plan; the passphrase field still gets the focus first.
        self.agenda = QScrollArea(self)
        self.agenda.setObjectName("lockAgenda")
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.agenda.setWidgetResizable(True)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = QWidget(self.agenda)
        rows_layout = QVBoxLayout(rows)
        titles: list[str] = []
        lines: list[str] = []
        for index, raw in enumerate(snapshot.get("segments", [])):
            if isinstance(raw, dict):
                text = str(raw.get("title", ""))
                minutes = raw.get("minutes")
                skipped = bool(raw.get("skipped", False))
            else:
                text, minutes, skipped = str(raw), None, False
            titles.append(text)
            line = f"{index + 1}  {text}"
            if minutes:
                line += f"  {minutes}'"
            if skipped:
                line += "  " + self.tr("(skipped)")
            lines.append(line)
            row = QLabel(("> " if index == current else "   ") + line, rows)
            row.setWordWrap(True)
            row.setTextFormat(Qt.TextFormat.PlainText)
            if index == current:
                font = row.font()
                font.setBold(True)
                row.setFont(font)
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        self.agenda.setWidget(rows)
        self.agenda.setAccessibleDescription("\n".join(lines))
        self.segment_label.setText(titles[current] if 0 <= current < len(titles) else "")
        hint = QLabel(
            self.tr("Names are hidden. Type the passphrase to return to this segment."), self
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.form = UnlockForm(services, self)
        self.form.finish_setup()

        # Safety stays one click away while locked: the group's crisis resources and
        # escalation steps (services' numbers, not personal data) without unlocking.
        self._crisis = (
            str(snapshot.get("crisis_resources", "") or ""),
            str(snapshot.get("escalation_steps", "") or ""),
        )
        self.crisis_dialog: CrisisDialog | None = None
        self.safety_button = QPushButton(self.tr("&Safety"), self)
        self.safety_button.setObjectName("lockSafetyButton")
        self.safety_button.setProperty("role", "safety")
        self.safety_button.setMinimumHeight(44)
        self.safety_button.setAccessibleName(
            self.tr("Safety: crisis resources and escalation steps")
        )
        self.safety_button.setToolTip(self.tr("Shows them without unlocking (Alt+S)"))
        self.safety_button.clicked.connect(self.open_safety)

        # Two columns: the agenda on the left (it needs height, not width), the segment,
        # its timer in large type and the passphrase on the right.
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.safety_button)
        # Read from across the room: three times the text size (the theme's timer style
        # is sized for the runner's header, where space is short).
        base = QApplication.font().pointSizeF()
        self.timer_label.setStyleSheet(f"font-size: {max(base, 9.0) * 3:.0f}pt; font-weight: bold;")
        right = QVBoxLayout()
        right.addWidget(self.segment_label)
        right.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignLeft)
        right.addStretch(1)
        right.addWidget(hint)
        right.addWidget(self.form)
        columns = QHBoxLayout()
        columns.addWidget(self.agenda, 2)
        columns.addSpacing(24)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        self.setFocusProxy(self.form)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.update_timer)
        self._done = False
        self.update_timer()
        self.form.unlocked.connect(self._on_form_unlocked)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._done:
            self.update_timer()
            self._tick.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        # Nothing to tick for while hidden (the time is worked out from the clock when
        # shown again); a hidden, closed screen never wakes up every second.
        self._tick.stop()
        super().hideEvent(event)

    def elapsed(self) -> float:
        if self._paused:
            return self._elapsed
        return self._elapsed + max(0.0, self.services.clock() - self._taken_at)

    def update_timer(self) -> None:
        elapsed = self.elapsed()
        text = _mmss(elapsed)
        state = "ok"
        if self._planned:
            text += " / " + _mmss(self._planned)
            if elapsed > self._planned:
                state = "over"
            elif elapsed >= self._planned * 0.8:
                state = "near"
        if self._paused:
            text += "  " + self.tr("(paused)")
        self.timer_label.setText(text)
        if self.timer_label.property("timerState") != state:
            self.timer_label.setProperty("timerState", state)
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)

    def open_safety(self) -> None:
        """Show the crisis resources and escalation steps (the vault stays locked)."""
        if self.crisis_dialog is not None:
            self.crisis_dialog.raise_()
            return
        dialog = CrisisDialog(*self._crisis, parent=self)
        dialog.finished.connect(self._on_crisis_dialog_finished)
        self.crisis_dialog = dialog
        dialog.open()

    def _on_crisis_dialog_finished(self, _result: int) -> None:
        dialog, self.crisis_dialog = self.crisis_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.form.setFocus()

    def _on_form_unlocked(self) -> None:
        self._done = True
        self._tick.stop()
        if self.crisis_dialog is not None:
            self.crisis_dialog.reject()
        self.unlocked.emit(self.meeting_id)

"""The meeting runner: the heart of the app.

Layout (the DESIGN.md sketch): a header (group, date, segment, timer with pause, "+ Arrival",
"Safety"), the agenda rail on the left, the current segment's widget in the middle, and a
footer with "Autosaved HH:MM:SS" and "Next segment >".

Every action goes through ``MeetingSession``, which writes to the vault before returning;
the footer then shows the time of that save. Reopening the same meeting resumes at the same
segment with the same data (the engine state is saved after every engine operation).

Keyboard (documented in the tooltips, too):
    Ctrl+Right, Ctrl+Enter   next segment (on the last one: end the meeting)
    Ctrl+Left                previous segment
    A, Ctrl+A, Alt+A         + Arrival (A and Ctrl+A only outside text fields, where they
                             type or select text; Alt+A works everywhere)
    Ctrl+Shift+S, Alt+S      Safety (Ctrl+S is left alone: people expect it to mean save)
    Ctrl+Shift+P             pause / resume the timer
    Ctrl+Shift+H             back to Home, the meeting stays open

The Ctrl shortcuts above work whatever has focus, text boxes included: a text box would
otherwise take Ctrl+Left/Right (a word back/on) and Ctrl+Enter for itself
(``widgets.keys.TextBox``, the base of the runner's text boxes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.agenda import Segment, SegmentKind
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import MoodRound
from groupkeeper.ops import Kind, OpResult
from groupkeeper.ui import messages
from groupkeeper.ui.meeting.arrival_dialog import ArrivalDialog
from groupkeeper.ui.meeting.common import (
    SegmentWidget,
    act,
    button,
    label,
    segment_title,
)
from groupkeeper.ui.meeting.header import MeetingHeader
from groupkeeper.ui.meeting.rail import AgendaRail
from groupkeeper.ui.meeting.safety_panel import SafetyPanel
from groupkeeper.ui.meeting.segments.agreements import AgreementsSegment
from groupkeeper.ui.meeting.segments.check_in import CheckInSegment
from groupkeeper.ui.meeting.segments.closing import ClosingSegment
from groupkeeper.ui.meeting.segments.goal_setting import GoalSettingSegment
from groupkeeper.ui.meeting.segments.goals_review import GoalsReviewSegment
from groupkeeper.ui.meeting.segments.mood_round import MoodRoundSegment
from groupkeeper.ui.meeting.segments.open_segment import OpenSegment
from groupkeeper.ui.meeting.segments.skill_share import SkillShareSegment
from groupkeeper.ui.meeting.segments.wellbeing import WellbeingSegment
from groupkeeper.ui.meeting.summary import SummaryDialog
from groupkeeper.ui.services import Services
from groupkeeper.ui.widgets.sizing import large_text, text_scale

SEGMENT_WIDGETS: dict[SegmentKind, type[SegmentWidget]] = {
    SegmentKind.CHECK_IN: CheckInSegment,
    SegmentKind.AGREEMENTS: AgreementsSegment,
    SegmentKind.MOOD_ROUND: MoodRoundSegment,
    SegmentKind.GOALS_REVIEW: GoalsReviewSegment,
    SegmentKind.SKILL_SHARE: SkillShareSegment,
    SegmentKind.GOAL_SETTING: GoalSettingSegment,
    SegmentKind.OPEN: OpenSegment,
    SegmentKind.WELLBEING_CHECK: WellbeingSegment,
    SegmentKind.CLOSING: ClosingSegment,
}

TICK_MS = 500


#: The kinds of data each segment's rail status line is made of.
_MOOD_LINE = frozenset({Kind.MOODS, Kind.ATTENDANCE, Kind.MEETINGS, Kind.GROUPS})
_STATUS_KINDS: dict[SegmentKind, frozenset[Kind]] = {
    SegmentKind.CHECK_IN: frozenset({Kind.ATTENDANCE, Kind.MEETINGS, Kind.MEMBERS}),
    SegmentKind.MOOD_ROUND: _MOOD_LINE,
    SegmentKind.CLOSING: _MOOD_LINE,
    SegmentKind.SKILL_SHARE: frozenset({Kind.SKILLS}),
    SegmentKind.GOAL_SETTING: frozenset({Kind.GOALS}),
    SegmentKind.GOALS_REVIEW: frozenset({Kind.GOALS}),
}


class MeetingRunner(QWidget):
    """Runs one meeting. ``ended(meeting_id)`` after "End meeting" and its summary;
    ``resumed_home()`` when the facilitator goes back to Home leaving the meeting open."""

    ended = Signal(int)
    resumed_home = Signal()
    discarded = Signal(int)
    #: The meeting was discarded on another laptop sharing the group (arrived by sync).
    discarded_elsewhere = Signal(int)

    def __init__(self, services: Services, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.setObjectName("meetingRunner")
        # Every write of the meeting is an operation run by services.ops, whose one
        # ``changed`` signal updates the rail here and any other open screen.
        self.session = MeetingSession(
            services.store, meeting_id, services.clock, perform=services.ops.run
        )
        self._rail_stale = False
        # The rail's status line of each segment, kept so that an operation recomputes
        # only the lines of the segments its kinds of data feed (``_STATUS_KINDS``).
        self._status_lines: dict[int, str] = {}
        self._status_known = False
        services.ops.changed.connect(self._on_ops_changed)
        self.session.saved_listeners.append(self._on_session_saved)
        self.segment_widget: SegmentWidget | None = None
        # Segment widgets built so far, by segment (identity): going back and forth
        # between segments shows the same widgets again instead of building new ones.
        # Keyed by place and segment: a segment moved or changed is built again.
        self._built: list[tuple[int, Segment, SegmentWidget]] = []
        # Counts the operations that recorded something (not timer steps); a kept
        # segment widget left at another count is refreshed when shown again.
        self._data_version = 0
        self._left_at: dict[int, int] = {}
        self.arrival_dialog: ArrivalDialog | None = None
        self.safety_panel: SafetyPanel | None = None
        self.summary_dialog: SummaryDialog | None = None
        self._build()
        self._shortcuts()
        self.header.set_meeting(self.session.group.name, self.session.meeting.date)
        self._show_current()
        if self.session.state_was_unreadable:
            self.notice.setText(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "The timer could not be restored, so the agenda starts again. "
                    "Everything recorded is safe.",
                )
            )
        elif self.session.resumed:
            self.notice.setText(
                QCoreApplication.translate("MeetingRunner", "Resumed where you left off.")
            )
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.header = MeetingHeader()
        self.header.pause_button.clicked.connect(self.toggle_pause)
        self.header.arrival_button.clicked.connect(self.open_arrival)
        self.header.safety_button.clicked.connect(self.open_safety)
        box.addWidget(self.header)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        box.addWidget(line)

        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        # From the 150% text setting on, a rail beside the segment would leave it too
        # little room on a 1366 px screen: the rail becomes a drop-down row above it.
        compact = large_text()
        self.rail = AgendaRail(compact=compact)
        self.rail.go_to_requested.connect(self.go_to)
        self.rail.skip_requested.connect(self.toggle_skip)
        self.rail.move_requested.connect(self.move_segment)
        if compact:
            box.addWidget(self.rail)
            rule = QFrame()
            rule.setFrameShape(QFrame.Shape.HLine)
            box.addWidget(rule)
        else:
            # 300 px at the normal text size, a little wider at 125%.
            self.rail.setFixedWidth(round(300 * max(1.0, text_scale() * 0.9)))
            middle.addWidget(self.rail)
            rule = QFrame()
            rule.setFrameShape(QFrame.Shape.VLine)
            middle.addWidget(rule)
        self.host = QVBoxLayout()
        self.host.setContentsMargins(8, 8, 8, 0)
        # The segment sits in a scroll area: at large text sizes on a small screen it
        # scrolls instead of squeezing its lists and buttons until their words are cut.
        self.segment_scroll = QScrollArea()
        self.segment_scroll.setObjectName("segmentScroll")
        self.segment_scroll.setWidgetResizable(True)
        self.segment_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.segment_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.segment_scroll.viewport().setAutoFillBackground(False)
        self.host.addWidget(self.segment_scroll, 1)
        middle.addLayout(self.host, 1)
        box.addLayout(middle, 1)

        footer = QHBoxLayout()
        footer.setContentsMargins(16, 8, 16, 8)
        # At large text the save status and notices wrap in a row above the buttons.
        large = large_text()
        self.saved_label = label(role="hint", name="autosaved", wrap=large)
        self.saved_label.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Save status")
        )
        self.notice = label(role="hint", name="runnerNotice", wrap=large)
        self.home_button = button(
            QCoreApplication.translate("MeetingRunner", "Home"),
            "runnerHome",
            self.resumed_home.emit,
        )
        self.home_button.setToolTip(
            QCoreApplication.translate(
                "MeetingRunner", "Back to Home; the meeting stays open (Ctrl+Shift+H)"
            )
        )
        self.home_button.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Back to Home, the meeting stays open")
        )
        self.discard_button = button(
            QCoreApplication.translate("MeetingRunner", "Discard..."),
            "runnerDiscard",
            self.discard_meeting,
        )
        self.discard_button.setToolTip(
            QCoreApplication.translate(
                "MeetingRunner",
                "Discard this meeting (started by mistake); asks first if anything is recorded",
            )
        )
        self.discard_button.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Discard this meeting")
        )
        self.back_button = button(
            QCoreApplication.translate("MeetingRunner", "\u2039 Back"),
            "previousSegment",
            self.previous_segment,
        )
        self.back_button.setToolTip(
            QCoreApplication.translate("MeetingRunner", "Previous segment (Ctrl+Left)")
        )
        self.back_button.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Previous segment")
        )
        self.next_button = button(
            QCoreApplication.translate("MeetingRunner", "Next segment \u203a"),
            "nextSegment",
            self.next_segment,
            role="primary",
        )
        self.next_button.setToolTip(
            QCoreApplication.translate("MeetingRunner", "Next segment (Ctrl+Enter or Ctrl+Right)")
        )
        if large:
            # The save status beside the buttons, the notices (rare, long) wrap below it.
            status = QVBoxLayout()
            status.setSpacing(0)
            status.addWidget(self.saved_label)
            status.addWidget(self.notice)
            footer.addLayout(status, 1)
        else:
            footer.addWidget(self.saved_label)
            footer.addSpacing(16)
            footer.addWidget(self.notice, 1)
        footer.addWidget(self.discard_button)
        footer.addSpacing(24)  # apart from the buttons that move through the meeting
        footer.addWidget(self.home_button)
        footer.addWidget(self.back_button)
        footer.addWidget(self.next_button)
        box.addLayout(footer)

    def _shortcuts(self) -> None:
        def add(keys: list[Any], slot: Any) -> None:
            for key in keys:
                sc = QShortcut(QKeySequence(key), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(slot)

        add(["Ctrl+Right", "Ctrl+Return", "Ctrl+Enter"], self.next_segment)
        add(["Ctrl+Left"], self.previous_segment)
        add(["A", "Ctrl+A"], self.open_arrival)
        add(["Ctrl+Shift+S"], self.open_safety)
        add(["Ctrl+Shift+P"], self.toggle_pause)
        add(["Ctrl+Shift+H"], self.resumed_home.emit)

    # -- showing -----------------------------------------------------------------------
    def _show_current(self) -> None:
        """Show the current segment: built the first time it is reached, kept after that
        (hidden, off the scroll area) and refreshed on a later visit only if something
        was recorded meanwhile."""
        run = self.session.run
        segments = run.segments
        segment = segments[run.current]
        # Segments moved or changed on the agenda take their widgets along.
        for gone in [w for i, s, w in self._built if i >= len(segments) or segments[i] != s]:
            self._drop_built(gone)
        if self.segment_widget is not None:
            self.segment_scroll.takeWidget()
            self.segment_widget.hide()
            self.segment_widget.setParent(self)  # kept, hidden, for a later visit
            self._left_at[id(self.segment_widget)] = self._data_version
            self.segment_widget = None
        widget = next((w for i, _s, w in self._built if i == run.current), None)
        if widget is None:
            widget = SEGMENT_WIDGETS[segment.kind](self.session, segment)
            widget.setObjectName(f"segment_{segment.kind.value}")
            if isinstance(widget, ClosingSegment):
                widget.end_requested.connect(self.end_meeting)
            widget.setAutoFillBackground(False)
            self._built.append((run.current, segment, widget))
        elif self._left_at.get(id(widget)) != self._data_version:
            widget.refresh()  # something was recorded since it was last on screen
        self.segment_scroll.setWidget(widget)
        self.segment_widget = widget
        self._update_chrome(keep_selection=False, statuses_changed=False)
        widget.show()
        widget.focus_main()

    def _drop_built(self, widget: SegmentWidget) -> None:
        if widget is self.segment_widget:
            self.segment_scroll.takeWidget()
            self.segment_widget = None
        self._built = [(i, s, w) for i, s, w in self._built if w is not widget]
        widget.clear_personal_data()
        widget.hide()
        widget.deleteLater()
        self._left_at.pop(id(widget), None)

    def focus_main(self) -> None:
        """Keyboard focus to the current segment's main control (e.g. check-in search).

        The main window calls this once the runner is on screen: focus set while the
        runner was still hidden does not stick.
        """
        if self.segment_widget is not None:
            self.segment_widget.focus_main()

    def _update_chrome(self, keep_selection: bool = True, statuses_changed: bool = True) -> None:
        """Header, rail and buttons; ``statuses_changed=False`` when only the current
        segment moved (the rail's status lines stay as they are)."""
        self.header.update_from(self.session)
        self._update_rail(keep_selection, kinds=None if statuses_changed else frozenset())
        run = self.session.run
        closed = self.session.is_closed
        self.back_button.setEnabled(
            not closed
            and run.current > min((i for i in range(len(run)) if i not in run.skipped), default=0)
        )
        if run.is_last():
            self.next_button.setText(
                QCoreApplication.translate("MeetingRunner", "End meeting\u2026")
            )
            self.next_button.setAccessibleName(
                QCoreApplication.translate("MeetingRunner", "End meeting")
            )
        else:
            following = next(i for i in range(run.current + 1, len(run)) if i not in run.skipped)
            title = segment_title(run.segments[following])
            # At large text the agenda drop-down shows what comes next; the button stays
            # short so the footer keeps to one row.
            text = (
                QCoreApplication.translate("MeetingRunner", "Next segment \u203a")
                if large_text()
                else QCoreApplication.translate("MeetingRunner", "Next: %1 \u203a")
            )
            self.next_button.setText(text.replace("%1", title))
            self.next_button.setAccessibleName(
                QCoreApplication.translate("MeetingRunner", "Next segment: %1").replace("%1", title)
            )
        self.next_button.setEnabled(not closed)
        self.discard_button.setEnabled(not closed)

    def _update_rail(
        self, keep_selection: bool = True, kinds: frozenset[Kind] | None = None
    ) -> None:
        self.rail.update_from(self.session, self._statuses(kinds), keep_selection=keep_selection)

    def _on_ops_changed(self, result: OpResult) -> None:
        """A record of this meeting changed (here, in a dialog, anywhere): new counts."""
        changes = result.changes
        if changes.kinds == {Kind.TIMER} or self.segment_widget is None:
            return  # engine steps update the chrome themselves; a locked runner shows none
        self._data_version += 1
        if result.op.name.startswith("sync.") and not self.session.still_there():
            # Discarded on a co-facilitator's laptop: nothing more can be recorded in it.
            self.timer.stop()
            self.discarded_elsewhere.emit(self.meeting_id)
            return
        if changes.meeting_id not in (None, self.meeting_id) or "meeting.discard" == result.op.name:
            return  # another meeting's, or this one is gone (Home drops this runner next)
        if self.isVisible():
            self._update_rail(kinds=None if self._rail_stale else changes.kinds)
            self._rail_stale = False
            # Check-ins made on a co-facilitator's laptop arrive by sync: show them.
            if (
                result.op.name.startswith("sync.")
                and changes.kinds
                and isinstance(self.segment_widget, CheckInSegment)
            ):
                self.segment_widget.refresh()
        else:
            self._rail_stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._rail_stale and self.segment_widget is not None:
            self._rail_stale = False
            self._update_rail()

    def _statuses(self, kinds: frozenset[Kind] | None = None) -> dict[int, str]:
        """Short status lines per segment, e.g. "8 here, 1 new" (counts only).

        With ``kinds`` (what an operation changed) only the lines fed by those kinds are
        read again; the others are kept from last time.
        """
        session = self.session
        segments = session.run.segments
        todo: Sequence[int]
        if kinds is None or not self._status_known:
            todo = range(len(segments))
            self._status_lines = {}
            self._status_known = True
        else:
            todo = [
                i
                for i, segment in enumerate(segments)
                if kinds & _STATUS_KINDS.get(segment.kind, frozenset())
            ]
        if not todo:
            return dict(self._status_lines)
        count = session.headcount()
        new = count.new
        result = self._status_lines
        for index in todo:
            segment = segments[index]
            kind = segment.kind
            text = ""
            if kind is SegmentKind.CHECK_IN:
                text = QCoreApplication.translate("MeetingRunner", "%n here", "", count.here)
                if new:
                    text += ", " + QCoreApplication.translate("MeetingRunner", "%n new", "", new)
            elif kind is SegmentKind.MOOD_ROUND or (
                kind is SegmentKind.CLOSING and segment.options.get("closing_mood", True)
            ):
                round_ = MoodRound.OPENING if kind is SegmentKind.MOOD_ROUND else MoodRound.CLOSING
                if session.group.tally_only_moods:
                    n = sum(session.tally(round_).values())
                    text = (
                        QCoreApplication.translate("MeetingRunner", "%n answer(s)", "", n)
                        if n
                        else ""
                    )
                else:
                    n = len(session.moods(round_))
                    text = (
                        QCoreApplication.translate("MeetingRunner", "%1 of %2 done")
                        .replace("%1", str(n))
                        .replace("%2", str(count.present))
                        if n
                        else ""
                    )
            elif kind is SegmentKind.SKILL_SHARE:
                n = len(session.shares())
                text = QCoreApplication.translate("MeetingRunner", "%n shared", "", n) if n else ""
            elif kind is SegmentKind.GOAL_SETTING:
                n = len(session.goals_set())
                text = QCoreApplication.translate("MeetingRunner", "%n goal(s)", "", n) if n else ""
            elif kind is SegmentKind.GOALS_REVIEW:
                n = len(session.store.goals.reviewed_in(session.meeting_id))
                text = (
                    QCoreApplication.translate("MeetingRunner", "%n reviewed", "", n) if n else ""
                )
            if text:
                result[index] = text
            else:
                result.pop(index, None)
        return dict(result)

    def tick(self) -> None:
        """Refresh the timer (every half second, and directly from tests)."""
        self.header.update_from(self.session)
        if isinstance(self.segment_widget, OpenSegment):
            self.segment_widget.tick()

    # -- engine operations ---------------------------------------------------------------
    def _engine(self, fn: Any, *args: Any) -> bool:
        ok, _ = act(self, fn, *args)
        if ok:
            self._show_current()
        return ok

    def next_segment(self) -> None:
        if self.session.is_closed:
            return
        if self.session.run.is_last():
            self.end_meeting()
            return
        self._engine(self.session.next_segment)

    def previous_segment(self) -> None:
        if not self.session.is_closed:
            self._engine(self.session.previous_segment)

    def go_to(self, index: int) -> None:
        if index != self.session.run.current:
            self._engine(self.session.go_to, index)

    def toggle_skip(self, index: int) -> None:
        run = self.session.run
        if index in run.skipped:
            ok, _ = act(self, self.session.unskip, index)
            if ok:
                self._update_chrome()
        elif index == run.current:
            self._engine(self.session.skip, index)
        else:
            ok, _ = act(self, self.session.skip, index)
            if ok:
                self._update_chrome()

    def move_segment(self, index: int, new_index: int) -> None:
        ok, _ = act(self, self.session.move, index, new_index)
        if ok:
            self._update_chrome()

    def toggle_pause(self) -> None:
        if not self.session.run.finished:
            act(self, self.session.toggle_pause)
            self.header.update_from(self.session)

    # -- dialogs -------------------------------------------------------------------------
    def open_arrival(self) -> None:
        """The check-in type-ahead in a small dialog (late arrivals, any segment)."""
        if self.session.is_closed or self.arrival_dialog is not None:
            return
        dialog = ArrivalDialog(self.session, self)
        dialog.panel.recorded.connect(lambda _p: self._after_arrival())
        dialog.finished.connect(self._on_arrival_finished)
        self.arrival_dialog = dialog
        dialog.open()
        dialog.activateWindow()
        dialog.panel.search.setFocus()

    def _after_arrival(self) -> None:
        if self.segment_widget is not None:
            self.segment_widget.refresh()

    def _on_arrival_finished(self, _result: int) -> None:
        dialog = self.arrival_dialog
        self.arrival_dialog = None
        if dialog is not None:
            dialog.clear_personal_data()
            dialog.deleteLater()
        if self.segment_widget is not None:
            self.segment_widget.focus_main()

    def open_safety(self) -> None:
        if self.safety_panel is not None:
            return
        panel = SafetyPanel(self.session, self)
        panel.finished.connect(self._on_safety_finished)
        self.safety_panel = panel
        panel.open()
        panel.activateWindow()
        panel.count_button.setFocus()

    def _on_safety_finished(self, _result: int) -> None:
        panel = self.safety_panel
        self.safety_panel = None
        if panel is not None:
            panel.clear_personal_data()
            panel.deleteLater()
        if self.segment_widget is not None:
            self.segment_widget.focus_main()

    # -- ending --------------------------------------------------------------------------
    def discard_meeting(self) -> bool:
        """Discard this meeting (started by mistake): at once when nothing is recorded,
        after a confirmation listing what will be deleted otherwise. ``discarded``
        follows; the main window then drops the runner and shows Home."""
        from groupkeeper.ui.meeting.discard import discard_meeting

        if self.session.is_closed or not discard_meeting(self, self.services, self.meeting_id):
            return False
        self.timer.stop()
        self.discarded.emit(self.meeting_id)
        return True

    def end_meeting(self) -> None:
        """Confirm, close the meeting, show the summary; ``ended`` follows the summary."""
        if self.session.is_closed:
            return
        if not messages.confirm(
            self,
            QCoreApplication.translate("MeetingRunner", "End meeting"),
            QCoreApplication.translate(
                "MeetingRunner",
                "End the meeting now? Everything is saved; a closed meeting can still be "
                "corrected later.",
            ),
        ):
            return
        next_date = None
        if isinstance(self.segment_widget, ClosingSegment):
            next_date = self.segment_widget.chosen_next_date()
        else:
            next_date = self.session.default_next_meeting_date()
        ok, summary = act(self, self.session.end, next_date)
        if not ok:
            return
        self._update_chrome()
        dialog = SummaryDialog(summary, self)
        dialog.finished.connect(lambda _r: self.ended.emit(self.meeting_id))
        self.summary_dialog = dialog
        dialog.open()

    # -- saving status, locking ------------------------------------------------------------
    def _on_session_saved(self, when: Any) -> None:
        local = when.astimezone()
        self.saved_label.setText(
            QCoreApplication.translate("MeetingRunner", "Autosaved %1").replace(
                "%1", local.strftime("%H:%M:%S")
            )
        )

    def clear_personal_data(self) -> None:
        """Empty every widget and model that could hold a member's name (on lock)."""
        if self.arrival_dialog is not None:
            self.arrival_dialog.clear_personal_data()
            self.arrival_dialog.reject()
        if self.safety_panel is not None:
            self.safety_panel.save_unsaved_on_lock()
            self.safety_panel.clear_personal_data()
            self.safety_panel.reject()
        if self.summary_dialog is not None:
            for lab in self.summary_dialog.lines:
                lab.clear()
        for _index, _segment, widget in list(self._built):
            self._drop_built(widget)
        if self.segment_widget is not None:
            self._drop_built(self.segment_widget)
        self._status_known = False
        self.notice.clear()
        self.session.clear_cache()

    def restore(self) -> None:
        """After unlock: use the newly opened store and show the current segment again."""
        self.session.store = self.services.store
        self.session.clear_cache()
        self._show_current()

    def lock_snapshot(self) -> dict[str, object]:
        """What the lock screen may keep showing: the agenda and the timer, no names.

        Returns:
            ``meeting_id``, ``segments`` (title, minutes, skipped), ``elapsed`` and
            ``planned`` (the lock screen's keys), and flat: ``titles`` (translated
            default titles or the group's custom titles),
            ``minutes``, ``skipped`` (indexes), ``current``, ``elapsed_seconds`` and
            ``planned_seconds`` of the current segment, ``paused``, ``timer_status``.
        """
        run = self.session.run
        segments = run.segments
        elapsed = run.elapsed()
        planned = run.planned_seconds()
        return {
            # The shape lock_screen.MeetingLockScreen reads:
            "meeting_id": self.meeting_id,
            "segments": [
                {"title": segment_title(s), "minutes": s.minutes, "skipped": i in run.skipped}
                for i, s in enumerate(segments)
            ],
            "elapsed": elapsed,
            "planned": float(planned),
            # The same, flat (documented above):
            "titles": [segment_title(s) for s in segments],
            "minutes": [s.minutes for s in segments],
            "skipped": sorted(run.skipped),
            "current": run.current,
            "elapsed_seconds": elapsed,
            "planned_seconds": planned,
            "paused": run.paused,
            "timer_status": run.timer_status().value,
            # Services' numbers and steps, not personal data: the lock screen's Safety
            # button shows them without unlocking.
            "crisis_resources": self.session.group.crisis_resources,
            "escalation_steps": self.session.group.escalation_steps,
        }

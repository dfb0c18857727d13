"""Small shared pieces of the meeting runner: wording, the segment widget base, buttons.

Every segment widget gets the ``MeetingSession`` and its ``Segment``; it shows what storage
holds, calls the session for every action (which saves before returning) and emits
``changed`` so the runner can refresh the rail's status lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QBoxLayout, QLabel, QPushButton, QWidget

from groupkeeper.agenda import Segment, SegmentKind
from groupkeeper.meeting import MeetingError
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import Skill
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import messages

MIN_TARGET = 44  # px; every clickable thing is at least this tall


def default_title(kind: SegmentKind) -> str:
    """The translated default title of a segment kind."""
    titles = {
        SegmentKind.CHECK_IN: QCoreApplication.translate("MeetingRunner", "Check-in"),
        SegmentKind.AGREEMENTS: QCoreApplication.translate(
            "MeetingRunner", "Welcome and agreements"
        ),
        SegmentKind.MOOD_ROUND: QCoreApplication.translate("MeetingRunner", "Mood check"),
        SegmentKind.GOALS_REVIEW: QCoreApplication.translate("MeetingRunner", "Last week's goals"),
        SegmentKind.SKILL_SHARE: QCoreApplication.translate("MeetingRunner", "Coping-skill share"),
        SegmentKind.GOAL_SETTING: QCoreApplication.translate("MeetingRunner", "Goal setting"),
        SegmentKind.OPEN: QCoreApplication.translate("MeetingRunner", "Open time"),
        SegmentKind.WELLBEING_CHECK: QCoreApplication.translate("MeetingRunner", "Wellbeing check"),
        SegmentKind.CLOSING: QCoreApplication.translate("MeetingRunner", "Closing"),
    }
    return titles[kind]


def segment_title(segment: Segment) -> str:
    """A custom title (group data) or the translated template/default title."""
    if segment.title:
        return segment.title
    by_id = {
        "open_sharing": QCoreApplication.translate("MeetingRunner", "Open sharing"),
        "check_in_round": QCoreApplication.translate("MeetingRunner", "Check-in round"),
        "agenda_setting": QCoreApplication.translate("MeetingRunner", "Agenda setting"),
        "working_session": QCoreApplication.translate("MeetingRunner", "Working session"),
        "check_out_plan": QCoreApplication.translate(
            "MeetingRunner", "Check-out: plan for the week"
        ),
    }
    return by_id.get(segment.title_id, default_title(segment.kind))


def starter_name(name: str, builtin: bool) -> str:
    """A starter skill or category in the user's language; a group's own as typed."""
    # Looked up in the StarterSkills table (tools/i18n.py DATA_TABLES), not a literal.
    return QCoreApplication.translate("StarterSkills", str(name)) if builtin else name


def skill_name(skill: Skill) -> str:
    return starter_name(skill.name, skill.builtin)


def scaled_font(factor: float, bold: bool = False) -> QFont:
    """The application font scaled by ``factor`` (the text-size setting scales it too)."""
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def button(
    text: str, name: str, slot: Callable[[], Any] | None = None, *, role: str = ""
) -> QPushButton:
    """A big push button with an accessible name (mnemonic ampersands removed)."""
    btn = QPushButton(text)
    btn.setObjectName(name)
    btn.setAccessibleName(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    btn.setMinimumHeight(MIN_TARGET)
    btn.setAutoDefault(False)
    if role:
        btn.setProperty("role", role)
    if slot is not None:
        btn.clicked.connect(lambda _checked=False: slot())
    return btn


def columns(parent: QWidget | None = None) -> QBoxLayout:
    """Side by side at normal text sizes; one above the other from 150% text on.

    Two columns of lists and buttons do not fit beside each other in a 1366 px window at
    large text (and Spanish words are about a third longer): they stack, and the
    segment scrolls instead.
    """
    from groupkeeper.ui.widgets.sizing import large_text

    direction = (
        QBoxLayout.Direction.TopToBottom if large_text() else QBoxLayout.Direction.LeftToRight
    )
    return QBoxLayout(direction, parent) if parent is not None else QBoxLayout(direction)


def label(text: str = "", role: str = "", name: str = "", wrap: bool = True) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(wrap)
    if role:
        lab.setProperty("role", role)
    if name:
        lab.setObjectName(name)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lab


def act(parent: QWidget | None, fn: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
    """Run a session call; a known storage/engine problem is shown, never raised.

    Returns:
        (True, result) when it worked, (False, None) after showing the problem.
    """
    try:
        return True, fn(*args)
    except KnownError as exc:
        messages.show_error(parent, exc)
    except MeetingError:
        messages.error(
            parent,
            QCoreApplication.translate(
                "MeetingRunner", "That cannot be done at this point of the meeting."
            ),
        )
    return False, None


class SegmentWidget(QWidget):
    """Base of the segment widgets."""

    changed = Signal()  # something was recorded (the rail's status lines may change)
    next_requested = Signal()  # the widget's own "go on" (e.g. round finished + Enter)

    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.segment = segment

    def act(self, fn: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
        ok, result = act(self, fn, *args)
        if ok:
            self.changed.emit()
        return ok, result

    def refresh(self) -> None:
        """Reload what storage holds (after an arrival, for instance)."""

    def focus_main(self) -> None:
        """Put keyboard focus where the facilitator will type first."""
        self.setFocus()

    def clear_personal_data(self) -> None:
        """Empty every list and label that could hold a name."""

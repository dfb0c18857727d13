"""Discard a meeting started by mistake: shared by Home and the meeting runner.

Nothing recorded yet: it goes at once. Anything recorded: a confirmation lists what
will be deleted first. Either way through the ``meeting.discard`` operation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from groupkeeper import ops
from groupkeeper.ui import messages

if TYPE_CHECKING:
    from groupkeeper.model import MeetingContents
    from groupkeeper.ui.services import Services


def contents_lines(c: MeetingContents) -> list[str]:
    """What a discard deletes, one line per kind of record (only those with some)."""

    parts = [
        (
            c.present,
            QCoreApplication.translate("DiscardMeeting", "%n person(s) checked in", "", c.present),
        ),
        (
            c.new_here,
            QCoreApplication.translate("DiscardMeeting", "of them %n new here", "", c.new_here),
        ),
        (
            c.apologies,
            QCoreApplication.translate("DiscardMeeting", "%n apology(ies)", "", c.apologies),
        ),
        (c.walk_ins, QCoreApplication.translate("DiscardMeeting", "%n walk-in(s)", "", c.walk_ins)),
        (c.moods, QCoreApplication.translate("DiscardMeeting", "%n mood answer(s)", "", c.moods)),
        (
            c.skill_shares,
            QCoreApplication.translate("DiscardMeeting", "%n skill(s) shared", "", c.skill_shares),
        ),
        (
            c.goals_set,
            QCoreApplication.translate("DiscardMeeting", "%n goal(s) set", "", c.goals_set),
        ),
        (
            c.goals_reviewed,
            QCoreApplication.translate(
                "DiscardMeeting",
                "%n goal review(s) (those goals become open again)",
                "",
                c.goals_reviewed,
            ),
        ),
        (
            c.wellbeing,
            QCoreApplication.translate("DiscardMeeting", "%n wellbeing answer(s)", "", c.wellbeing),
        ),
        (
            c.safety_notes,
            QCoreApplication.translate(
                "DiscardMeeting", "%n private safety note(s)", "", c.safety_notes
            ),
        ),
        (
            c.safety_concerns,
            QCoreApplication.translate(
                "DiscardMeeting", "%n safety concern(s) counted", "", c.safety_concerns
            ),
        ),
    ]
    return [text for count, text in parts if count]


def discard_meeting(parent: QWidget, services: Services, meeting_id: int) -> bool:
    """Discard the open meeting ``meeting_id``; asks first unless nothing is recorded.

    Returns True when it was discarded.
    """
    from groupkeeper import meeting_rules
    from groupkeeper.storage.errors import KnownError

    try:
        contents = meeting_rules.discard_contents(services.store, meeting_id)
    except KnownError as exc:
        messages.show_error(parent, exc)
        return False
    if not contents.is_empty:
        lines = "\n".join("- " + line for line in contents_lines(contents))
        text = QCoreApplication.translate(
            "DiscardMeeting",
            "Discard this meeting? This deletes everything recorded in it:\n%1\n\n"
            "This cannot be undone. People added as new stay on the roster.",
        ).replace("%1", lines)
        title = QCoreApplication.translate("DiscardMeeting", "Discard the meeting")
        if not messages.confirm(parent, title, text):
            return False
    return services.ops.try_run(parent, ops.meetings.discard(meeting_id=meeting_id)) is not None

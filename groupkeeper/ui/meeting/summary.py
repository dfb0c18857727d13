"""The end-of-meeting summary: counts only (how many here, new, walk-ins, moods recorded,
skills, goals, safety concerns) - nothing that names anyone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from groupkeeper.meeting_session import MeetingSummary
from groupkeeper.ui.meeting.common import button, label, scaled_font
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen


def summary_lines(s: MeetingSummary) -> list[str]:
    lines = [
        QCoreApplication.translate("MeetingRunner", "%n here in total", "", s.total_here)
        + " ("
        + QCoreApplication.translate("MeetingRunner", "%n checked in", "", s.present)
        + ", "
        + QCoreApplication.translate("MeetingRunner", "%n walk-in(s)", "", s.walk_ins)
        + ")",
        QCoreApplication.translate("MeetingRunner", "%n new", "", s.new),
        QCoreApplication.translate(
            "MeetingRunner", "%n mood(s) recorded", "", s.opening_moods + s.closing_moods
        )
        + " ("
        + QCoreApplication.translate(
            "MeetingRunner", "%n pass(es)", "", s.opening_passes + s.closing_passes
        )
        + ")",
        QCoreApplication.translate("MeetingRunner", "%n skill(s) shared", "", s.skills_shared),
        QCoreApplication.translate("MeetingRunner", "%n goal(s) set", "", s.goals_set)
        + ", "
        + QCoreApplication.translate("MeetingRunner", "%n reviewed", "", s.goals_reviewed),
        QCoreApplication.translate("MeetingRunner", "%n sent apologies", "", s.apologies),
        QCoreApplication.translate(
            "MeetingRunner", "%n safety concern(s) counted", "", s.safety_concerns
        ),
    ]
    return lines


class SummaryDialog(QDialog):
    def __init__(self, summary: MeetingSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingSummary")
        self.setWindowTitle(QCoreApplication.translate("MeetingRunner", "Meeting ended"))
        box = QVBoxLayout(self)
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner", "Thank you. The meeting is saved and closed."
                ),
                role="title",
            )
        )
        self.lines = []
        for line in summary_lines(summary):
            lab = label(line)
            lab.setFont(scaled_font(1.2))
            box.addWidget(lab)
            self.lines.append(lab)
        row = QHBoxLayout()
        row.addStretch(1)
        ok = button(
            QCoreApplication.translate("MeetingRunner", "Done"),
            "summaryDone",
            self.accept,
            role="primary",
        )
        ok.setDefault(True)
        row.addWidget(ok)
        box.addLayout(row)
        # Wide enough that each wrapped line gets the height it needs, at any text size.
        fit_to_text_and_screen(self, 640, 520)

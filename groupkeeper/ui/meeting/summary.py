"""The end-of-meeting summary: counts only (how many here, new, walk-ins, moods recorded,
skills, goals, safety concerns) - nothing that names anyone."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from groupkeeper.meeting_session import MeetingSummary
from groupkeeper.ui.meeting.common import button, label, ntr, scaled_font, tr
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen


def summary_lines(s: MeetingSummary) -> list[str]:
    lines = [
        ntr("%n here in total", s.total_here)
        + " ("
        + ntr("%n checked in", s.present)
        + ", "
        + ntr("%n walk-in(s)", s.walk_ins)
        + ")",
        ntr("%n new", s.new),
        ntr("%n mood(s) recorded", s.opening_moods + s.closing_moods)
        + " ("
        + ntr("%n pass(es)", s.opening_passes + s.closing_passes)
        + ")",
        ntr("%n skill(s) shared", s.skills_shared),
        ntr("%n goal(s) set", s.goals_set) + ", " + ntr("%n reviewed", s.goals_reviewed),
        ntr("%n sent apologies", s.apologies),
        ntr("%n safety concern(s) counted", s.safety_concerns),
    ]
    return lines


class SummaryDialog(QDialog):
    def __init__(self, summary: MeetingSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingSummary")
        self.setWindowTitle(tr("Meeting ended"))
        box = QVBoxLayout(self)
        box.addWidget(label(tr("Thank you. The meeting is saved and closed."), role="title"))
        self.lines = []
        for line in summary_lines(summary):
            lab = label(line)
            lab.setFont(scaled_font(1.2))
            box.addWidget(lab)
            self.lines.append(lab)
        row = QHBoxLayout()
        row.addStretch(1)
        ok = button(tr("Done"), "summaryDone", self.accept, role="primary")
        ok.setDefault(True)
        row.addWidget(ok)
        box.addLayout(row)
        # Wide enough that each wrapped line gets the height it needs, at any text size.
        fit_to_text_and_screen(self, 640, 520)

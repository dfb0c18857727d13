"""The group's crisis resources and escalation steps, worded once for every screen that
shows them: the Safety panel, and the meeting lock screen (which shows them without
unlocking: they are services' numbers and steps, not anyone's personal data).

Kept free of the storage stack so the lock screen can use it while the vault is closed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen

# The Safety panel's own context, so its existing translations are used.
CONTEXT = "MeetingRunner"


def crisis_text(resources: str, steps: str) -> str:
    """The resources, then the escalation steps; a plain fallback when none are written."""
    text = resources.strip() or QCoreApplication.translate(
        "MeetingRunner",
        "No crisis resources are written for this group yet. In an emergency call your "
        "local emergency number. Add the group's resources in its settings.",
    )
    if steps.strip():
        text += (
            "\n\n"
            + QCoreApplication.translate("MeetingRunner", "Escalation steps:")
            + "\n"
            + steps.strip()
        )
    return text


def crisis_label(text: str, factor: float = 1.4) -> QLabel:
    """A large, selectable, top-left aligned label for the crisis text."""
    label = QLabel(text)
    label.setObjectName("crisisResources")
    label.setWordWrap(True)
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
    font.setPointSizeF(size * factor)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setContentsMargins(12, 8, 12, 8)
    label.setAccessibleName(
        QCoreApplication.translate("MeetingRunner", "Crisis resources and escalation steps")
    )
    return label


class CrisisDialog(QDialog):
    """Read-only crisis resources and escalation steps (the lock screen's Safety button)."""

    def __init__(self, resources: str, steps: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockedSafety")
        self.setWindowTitle(QCoreApplication.translate("MeetingRunner", "Safety"))
        box = QVBoxLayout(self)
        heading = QLabel(QCoreApplication.translate("MeetingRunner", "Crisis resources"))
        heading.setProperty("role", "title")
        box.addWidget(heading)
        self.resources = crisis_label(crisis_text(resources, steps))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.resources)
        box.addWidget(scroll, 1)
        hint = QLabel(
            QCoreApplication.translate(
                "MeetingRunner",
                "The vault is still locked. To count a concern or write a note, "
                "unlock and open Safety in the meeting.",
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        box.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        fit_to_text_and_screen(self, 800, 560)

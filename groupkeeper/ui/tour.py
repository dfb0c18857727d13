"""First-run tour: four short steps shown once after the first unlock, skippable.

It is a panel inside the main window (not a modal dialog), so nothing blocks: the
facilitator can ignore it and use the app, or walk it with Next/Back, or skip it. Either
way, finishing or skipping sets the app setting ``tour_done`` so it never comes back
(Help, F1, has the same information). The panel marks the navigation button it talks
about with the dynamic property ``tourHighlight`` so a theme can outline it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services


def tour_steps() -> list[tuple[str, str, str]]:
    """(title, text, navigation key it points at or "") for each step, translated."""
    return [
        (
            QCoreApplication.translate("TourPanel", "Welcome! A quick look around"),
            QCoreApplication.translate(
                "TourPanel",
                "Home lists your groups. When people arrive, press \u201cStart meeting\u201d "
                "on your group's card. This tour has four short steps; skip it whenever "
                "you like.",
            ),
            "home",
        ),
        (
            QCoreApplication.translate("TourPanel", "The people in your groups"),
            QCoreApplication.translate(
                "TourPanel",
                "Roster (Ctrl+2) holds names and contact details, encrypted on this "
                "computer. Type a few letters to find someone; Ctrl+N adds a person.",
            ),
            "roster",
        ),
        (
            QCoreApplication.translate("TourPanel", "During a meeting"),
            QCoreApplication.translate(
                "TourPanel",
                "The plan is on the left, the part you are in is in the middle, and the "
                "timer is at the top. Ctrl+Enter moves on. Ctrl+Shift+S shows your crisis "
                "resources at once. Everything is saved as you go.",
            ),
            "",
        ),
        (
            QCoreApplication.translate("TourPanel", "Stepping away and getting help"),
            QCoreApplication.translate(
                "TourPanel",
                "Press Ctrl+L to lock whenever you leave the laptop: names disappear from "
                "the screen. Press F1 at any time for the meeting guide and all keyboard "
                "shortcuts.",
            ),
            "help",
        ),
    ]


class TourPanel(QFrame):
    """The tour, one step at a time. Emits ``finished`` when done or skipped.

    Args:
        services: app services; ``services.settings`` gets ``tour_done = True``.
        nav_buttons: the main window's navigation buttons by key, to highlight.
        parent: the main window's central widget.
    """

    finished = Signal()

    def __init__(
        self,
        services: Services,
        nav_buttons: dict[str, QPushButton] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.nav_buttons = nav_buttons or {}
        self.steps = tour_steps()
        self.index = 0
        self.setObjectName("tourPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Tour"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        self.step_label = QLabel(self)
        self.step_label.setObjectName("tourStep")
        self.title = QLabel(self)
        self.title.setObjectName("tourTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("tourText")
        self.text.setWordWrap(True)
        layout.addWidget(self.step_label)
        layout.addWidget(self.title)
        layout.addWidget(self.text)

        row = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("&Skip the tour"), self)
        self.skip_button.setAccessibleName(self.tr("Skip the tour"))
        self.skip_button.setAccessibleDescription(
            self.tr("Close the tour for good. Help (F1) has the same information.")
        )
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setAccessibleName(self.tr("Previous tour step"))
        self.next_button = QPushButton(self)
        for button in (self.skip_button, self.back_button, self.next_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(40)
        row.addWidget(self.skip_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self.setTabOrder(self.next_button, self.back_button)
        self.setTabOrder(self.back_button, self.skip_button)

        self.skip_button.clicked.connect(self.finish)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self._show_step()

    def _show_step(self) -> None:
        title, text, nav_key = self.steps[self.index]
        total = len(self.steps)
        self.step_label.setText(
            self.tr("Step %1 of %2").replace("%1", str(self.index + 1)).replace("%2", str(total))
        )
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleDescription(f"{title}. {text}")
        self.back_button.setEnabled(self.index > 0)
        last = self.index == total - 1
        self.next_button.setText(self.tr("&Done") if last else self.tr("&Next"))
        self.next_button.setAccessibleName(
            self.tr("Finish the tour") if last else self.tr("Next tour step")
        )
        for key, button in self.nav_buttons.items():
            button.setProperty("tourHighlight", key == nav_key)
            button.style().unpolish(button)
            button.style().polish(button)

    def next(self) -> None:
        """Go to the next step, or finish after the last one."""
        if self.index >= len(self.steps) - 1:
            self.finish()
            return
        self.index += 1
        self._show_step()
        self.next_button.setFocus()

    def back(self) -> None:
        """Go to the previous step."""
        if self.index > 0:
            self.index -= 1
            self._show_step()
            self.next_button.setFocus()

    def finish(self) -> None:
        """Remember the tour is done, clear highlights, hide, emit ``finished``."""
        self.services.settings.set("tour_done", True)
        for button in self.nav_buttons.values():
            button.setProperty("tourHighlight", False)
            button.style().unpolish(button)
            button.style().polish(button)
        self.hide()
        self.finished.emit()


def should_show_tour(services: Services) -> bool:
    """True until the tour was finished or skipped once."""
    return not bool(services.settings.get("tour_done"))

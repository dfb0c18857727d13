"""The permanent "DEMO - not for real groups" banner shown over a demo vault."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class DemoBanner(QLabel):
    """A full-width label the theme styles (``role="banner-demo"``); it cannot be closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setProperty("role", "banner-demo")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText(self.tr("DEMO - not for real groups. Everyone here is fictional."))
        self.setAccessibleName(self.tr("Demo vault notice"))

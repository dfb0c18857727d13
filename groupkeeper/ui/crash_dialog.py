"""The crash dialog itself (``groupkeeper.ui.crash`` imports it only when a bug happens)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """ "Something went wrong" with the details behind a button."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("crash", "GroupKeeper - something went wrong")
        )
        layout = QVBoxLayout(self)
        text = QLabel(
            QCoreApplication.translate(
                "crash",
                "GroupKeeper ran into a problem it did not expect. Everything you saved "
                "before is safe in the vault. If this keeps happening, please tell the "
                "GroupKeeper team and include the details (they contain no names or notes).",
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(QCoreApplication.translate("crash", "Technical details"))
        self.details.setVisible(False)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        self.details_button = QPushButton(QCoreApplication.translate("crash", "Show details"), self)
        self.details_button.setCheckable(True)
        self.details_button.setAutoDefault(False)
        self.details_button.toggled.connect(self._on_details_toggled)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def _on_details_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(
            QCoreApplication.translate("crash", "Hide details")
            if shown
            else QCoreApplication.translate("crash", "Show details")
        )
        self.adjustSize()

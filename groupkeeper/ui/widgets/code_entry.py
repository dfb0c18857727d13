"""The one-time pairing code: shown big and readable once, typed in groups on the other laptop.

The code (``groupkeeper.sync.invitation``) is 20 digits in four groups of five. ``CodeView``
shows it large, in a fixed-width font, with the groups spaced apart so it can be read out
("four five six, seven eight...") and copied; screen readers get the digits one by one.
``CodeEntry`` takes it typed in any form (spaces, dashes, dots, pasted with a line break)
and shows it grouped as it is typed, with a count of the digits still missing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

#: Mirrors ``groupkeeper.sync.invitation`` (4 groups of 5 digits); importing that module
#: would load ``cryptography`` for a widget that only formats text.
GROUPS = 4
GROUP_DIGITS = 5
DIGITS = GROUPS * GROUP_DIGITS


def code_digits(text: str) -> str:
    """The digits of a code as typed (everything else dropped)."""
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


def grouped(digits: str, separator: str = " ") -> str:
    """``digits`` in groups of five: ``"12345 67890 1"``."""
    return separator.join(digits[i : i + GROUP_DIGITS] for i in range(0, len(digits), GROUP_DIGITS))


def spoken(digits: str) -> str:
    """The digits one by one, groups apart (what a screen reader should say)."""
    return ", ".join(
        " ".join(digits[i : i + GROUP_DIGITS]) for i in range(0, len(digits), GROUP_DIGITS)
    )


class CodeView(QWidget):
    """A one-time code shown large, selectable and copyable."""

    copied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = ""
        self.label = QLabel(self)
        self.label.setObjectName("oneTimeCode")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)  # at 200% text the four groups go on two lines
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label.setAccessibleName(self.tr("One-time code"))
        self.copy_button = QPushButton(self.tr("&Copy the code"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the one-time code"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self._apply_font()

    def _apply_font(self) -> None:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        base = QGuiApplication.font().pointSizeF()
        font.setPointSizeF(max(base, 1.0) * 2.0)
        font.setWeight(QFont.Weight.Bold)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        self.label.setFont(font)

    def set_code(self, code: str) -> None:
        """Show ``code`` (any form; only its digits are kept)."""
        self._digits = code_digits(code)
        # Three spaces between groups: read out, the pauses are where the gaps are.
        self.label.setText(grouped(self._digits, "\u2002\u2002"))
        self.label.setAccessibleDescription(spoken(self._digits))

    def code(self) -> str:
        """The code as the other laptop expects it typed (groups joined by dashes)."""
        return grouped(self._digits, "-")

    def clear(self) -> None:
        """Forget the code (the dialog closes; it is never shown again)."""
        clipboard = QGuiApplication.clipboard()
        if self._digits and clipboard is not None and code_digits(clipboard.text()) == self._digits:
            clipboard.clear()
        self._digits = ""
        self.label.clear()
        self.label.setAccessibleDescription("")

    def _on_copy_button_clicked(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and self._digits:
            clipboard.setText(self.code())
            self.copied.emit()


class CodeEntry(QLineEdit):
    """Typing a one-time code: digits in groups of five; spaces, dashes and dots allowed.

    ``complete`` says whether all 20 digits are there; ``digits()`` gives them.
    """

    completeness_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("One-time code"))
        self.setPlaceholderText("12345 67890 12345 67890")
        # No validator: whatever is typed or pasted ("Code: 12345-67890...", a line
        # break, dots) is reduced to its digits and shown grouped again.
        self.setMaxLength(80)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(QGuiApplication.font().pointSizeF(), 1.0) * 1.4)
        self.setFont(font)
        self._complete = False
        self.textEdited.connect(self._on_text_edited)

    def digits(self) -> str:
        return code_digits(self.text())

    @property
    def complete(self) -> bool:
        return len(self.digits()) == DIGITS

    def missing(self) -> int:
        """How many digits are still to type."""
        return DIGITS - len(self.digits())

    def set_code(self, text: str) -> None:
        """Put a code in as if typed (tests, paste from elsewhere)."""
        self.setText(text)
        self._on_text_edited(text)

    def _on_text_edited(self, text: str) -> None:
        digits = code_digits(text)[:DIGITS]
        # Regroup as the user types, keeping the cursor after the same number of digits.
        before = code_digits(text[: self.cursorPosition()])
        shown = grouped(digits)
        if shown != text:
            self.setText(shown)
            position = len(grouped(before)) if before else 0
            if before and len(before) % GROUP_DIGITS == 0 and len(before) < len(digits):
                position += 1
            self.setCursorPosition(min(position, len(shown)))
        complete = len(digits) == DIGITS
        if complete != self._complete:
            self._complete = complete
            self.completeness_changed.emit(complete)

"""Passphrase entry: a field with show/hide, and plain-word strength feedback.

``strength(passphrase)`` is pure (no Qt) so it is easy to test: it scores length,
character classes and a check against very common words and patterns, and returns
``"too_short"``, ``"weak"``, ``"okay"`` or ``"strong"``. The minimum length is storage's
``MIN_PASSPHRASE_LENGTH`` (repeated here so the first-run screen needs no storage import
before it is shown; a test keeps the two equal).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

# Must equal groupkeeper.storage.vault.MIN_PASSPHRASE_LENGTH (tests/test_ui_first_run.py).
MIN_LENGTH = 8

# Words and patterns that guessers try first. Lower case; matched as substrings.
_COMMON = (
    "password",
    "passw0rd",
    "qwerty",
    "azerty",
    "letmein",
    "welcome",
    "iloveyou",
    "admin",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "sunshine",
    "princess",
    "abc123",
    "123456",
    "654321",
    "111111",
    "000000",
    "12345678",
    "contrasena",
    "groupkeeper",
    "support",
    "recovery",
    "secret",
)

LEVELS = ("too_short", "weak", "okay", "strong")


def strength(passphrase: str) -> str:
    """Rate a passphrase in plain terms.

    Args:
        passphrase: what the user typed.

    Returns:
        ``"too_short"`` below ``MIN_LENGTH`` characters, else ``"weak"``, ``"okay"`` or
        ``"strong"``: length counts most (several words beat symbols), character classes
        add a little, and common words, repeats and keyboard runs take away.
    """
    if len(passphrase) < MIN_LENGTH:
        return "too_short"
    lowered = passphrase.lower()
    score = 0
    length = len(passphrase)
    score += 1 if length >= 12 else 0
    score += 1 if length >= 16 else 0
    score += 1 if length >= 24 else 0
    classes = sum(
        bool(re.search(pattern, passphrase))
        for pattern in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")
    )
    score += 1 if classes >= 3 else 0
    words = [w for w in re.split(r"[^A-Za-z]+", passphrase) if len(w) >= 3]
    score += 1 if len(words) >= 3 else 0
    if any(word in lowered for word in _COMMON):
        score -= 2
    if len(set(lowered)) <= max(3, length // 4):
        score -= 2  # "aaaaaaaa", "abababab"
    if score <= 0:
        return "weak"
    if score <= 2:
        return "okay"
    return "strong"


def describe_strength(level: str) -> str:
    """The words shown under the field for a level from ``strength``."""
    return {
        "too_short": QCoreApplication.translate(
            "PassphraseField", "Too short: use at least %1 characters."
        ).replace("%1", str(MIN_LENGTH)),
        "weak": QCoreApplication.translate(
            "PassphraseField", "Weak: easy to guess. Try three or four unrelated words."
        ),
        "okay": QCoreApplication.translate(
            "PassphraseField", "Okay. A few more words would make it strong."
        ),
        "strong": QCoreApplication.translate("PassphraseField", "Strong."),
    }[level]


class PassphraseField(QWidget):
    """A password-mode line edit with a "Show" / "Hide" toggle button."""

    textChanged = Signal(str)  # noqa: N815 - mirrors QLineEdit
    returnPressed = Signal()  # noqa: N815

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        # (parent) then setText: the (text, parent) overload makes PySide6 build its QIcon
        # class (~1 ms before the unlock screen's first frame) while matching overloads.
        self.toggle = QPushButton(self)
        self.toggle.setText(self.tr("Show"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoDefault(False)
        self.toggle.setAccessibleName(self.tr("Show the passphrase while typing"))
        self.toggle.toggled.connect(self._on_toggle_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.toggle)
        self.edit.textChanged.connect(self.textChanged)
        self.edit.returnPressed.connect(self.returnPressed)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()
        self.toggle.setChecked(False)

    def _on_toggle_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText(self.tr("Hide") if shown else self.tr("Show"))


class StrengthLabel(QLabel):
    """Shows ``describe_strength`` for the text of a field; exposes the level for tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setProperty("role", "hint")
        self.level = "too_short"
        self.setAccessibleName(self.tr("Passphrase strength"))

    def update_for(self, passphrase: str) -> None:
        self.level = strength(passphrase)
        self.setProperty("strength", self.level)
        self.setText(describe_strength(self.level) if passphrase else "")


class NewPassphrase(QWidget):
    """Passphrase twice with strength feedback; ``acceptable()`` when long enough and equal."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = PassphraseField(self.tr("New passphrase"), self)
        self.second = PassphraseField(self.tr("New passphrase again"), self)
        self.meter = StrengthLabel(self)
        self.match = QLabel(self)
        self.match.setProperty("role", "hint")
        self.match.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        first_label = QLabel(self.tr("&Passphrase"), self)
        first_label.setBuddy(self.first.edit)
        second_label = QLabel(self.tr("Type it &again"), self)
        second_label.setBuddy(self.second.edit)
        layout.addWidget(first_label)
        layout.addWidget(self.first)
        layout.addWidget(self.meter)
        layout.addWidget(second_label)
        layout.addWidget(self.second)
        layout.addWidget(self.match)
        self.first.textChanged.connect(self._on_text_changed)
        self.second.textChanged.connect(self._on_text_changed)
        self.setFocusProxy(self.first)

    def passphrase(self) -> str:
        return self.first.text()

    def acceptable(self) -> bool:
        text = self.first.text()
        return len(text) >= MIN_LENGTH and text == self.second.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _on_text_changed(self, _text: str) -> None:
        self.meter.update_for(self.first.text())
        if self.second.text() and self.second.text() != self.first.text():
            self.match.setText(self.tr("The two passphrases are not the same yet."))
        elif self.second.text():
            self.match.setText(self.tr("The two passphrases match."))
        else:
            self.match.setText("")
        self.changed.emit()

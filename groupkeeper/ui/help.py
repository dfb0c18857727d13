"""Built-in help (F1): "How a meeting runs" in plain words and the keyboard-shortcut sheet.

The shortcut sheet is a table of the shortcuts the code really registers (main window,
roster, member dialog, meeting runner, agenda rail, segments); ``tests/test_help.py``
checks every ``QShortcut`` of the main window and the meeting runner is listed here, so
the sheet cannot drift from the code. Key names are shown through
``QKeySequence.toString(NativeText)`` so they follow the platform and the language
(Ctrl+Intro in Spanish, ⌘ on macOS).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services

CONTEXT = "HelpDialog"


def meeting_guide() -> list[str]:
    """The paragraphs of "How a meeting runs", translated."""
    return [
        QCoreApplication.translate(
            "HelpDialog",
            "Before people arrive, open GroupKeeper and type your passphrase. On Home, "
            'press "Start meeting" on your group\'s card.',
        ),
        QCoreApplication.translate(
            "HelpDialog",
            "The left side shows tonight's plan. The big area in the middle is the part "
            "you are in now, with its timer at the top. The timer only helps you keep "
            "time; nothing happens when it runs out.",
        ),
        QCoreApplication.translate(
            "HelpDialog",
            "Check-in: type a few letters of a name and press Enter to mark the person "
            'present. Someone new? Type their first name and press "New here". Someone '
            "who arrives late can be added at any time with A.",
        ),
        QCoreApplication.translate(
            "HelpDialog",
            "Mood check: press the number each person says (or P if they pass). Nobody "
            "has to answer.",
        ),
        QCoreApplication.translate(
            "HelpDialog",
            "Move on with Ctrl+Enter when the group is ready. You can skip a part, "
            "move it, or go back to it from the plan on the left.",
        ),
        QCoreApplication.translate(
            "HelpDialog",
            "If someone is not safe, press Ctrl+Shift+S: your crisis resources and the "
            "steps to follow are on screen straight away.",
        ),
        QCoreApplication.translate(
            "HelpDialog",
            "Everything is saved the moment you enter it. If the laptop switches off, "
            'open GroupKeeper again and press "Resume meeting". At the end, press '
            '"End meeting".',
        ),
        QCoreApplication.translate(
            "HelpDialog",
            "Stepping away? Press Ctrl+L. Names disappear from the screen; during a "
            "meeting the plan and the timer stay visible.",
        ),
    ]


def _shortcut_table() -> list[tuple[str, str, str]]:
    """(keys in Qt's portable form or a literal range, what it does, where it works)."""
    anywhere = QCoreApplication.translate("HelpDialog", "Anywhere")
    meeting = QCoreApplication.translate("HelpDialog", "Meeting")
    return [
        ("F1", QCoreApplication.translate("HelpDialog", "Open this help"), anywhere),
        ("Ctrl+1", QCoreApplication.translate("HelpDialog", "Go to Home"), anywhere),
        ("Ctrl+2", QCoreApplication.translate("HelpDialog", "Go to the roster"), anywhere),
        ("Ctrl+3", QCoreApplication.translate("HelpDialog", "Go to reports"), anywhere),
        ("Ctrl+,", QCoreApplication.translate("HelpDialog", "Open settings"), anywhere),
        ("Ctrl+L", QCoreApplication.translate("HelpDialog", "Lock GroupKeeper now"), anywhere),
        (
            "Ctrl+F",
            QCoreApplication.translate("HelpDialog", "Find a member"),
            QCoreApplication.translate("HelpDialog", "Roster"),
        ),
        (
            "Ctrl+N",
            QCoreApplication.translate("HelpDialog", "Add a member"),
            QCoreApplication.translate("HelpDialog", "Roster"),
        ),
        (
            "Ctrl+S",
            QCoreApplication.translate("HelpDialog", "Save the member"),
            QCoreApplication.translate("HelpDialog", "Member form"),
        ),
        (
            "Ctrl+Return",
            QCoreApplication.translate("HelpDialog", "Next part of the meeting (also Ctrl+Right)"),
            meeting,
        ),
        (
            "Ctrl+Left",
            QCoreApplication.translate("HelpDialog", "Previous part of the meeting"),
            meeting,
        ),
        (
            "A",
            QCoreApplication.translate("HelpDialog", "Someone arrived late (also Ctrl+A)"),
            meeting,
        ),
        (
            "Ctrl+Shift+S",
            QCoreApplication.translate("HelpDialog", "Safety: crisis resources and steps"),
            meeting,
        ),
        (
            "Ctrl+Shift+P",
            QCoreApplication.translate("HelpDialog", "Pause or resume the timer"),
            meeting,
        ),
        (
            "Ctrl+Shift+H",
            QCoreApplication.translate("HelpDialog", "Back to Home; the meeting stays open"),
            meeting,
        ),
        (
            "Alt+Up",
            QCoreApplication.translate("HelpDialog", "Move the selected part up"),
            QCoreApplication.translate("HelpDialog", "Meeting plan"),
        ),
        (
            "Alt+Down",
            QCoreApplication.translate("HelpDialog", "Move the selected part down"),
            QCoreApplication.translate("HelpDialog", "Meeting plan"),
        ),
        (
            "Return",
            QCoreApplication.translate("HelpDialog", "Mark the first match present"),
            QCoreApplication.translate("HelpDialog", "Check-in"),
        ),
        (
            "Del",
            QCoreApplication.translate("HelpDialog", "Take back the selected check-in"),
            QCoreApplication.translate("HelpDialog", "Check-in"),
        ),
        (
            _mnemonic(QCoreApplication.translate("MeetingRunner", "&Undo check-in")),
            QCoreApplication.translate(
                "HelpDialog", "Undo the latest check-in (or the selected one), also while typing"
            ),
            QCoreApplication.translate("HelpDialog", "Check-in"),
        ),
        (
            _mnemonic(QCoreApplication.translate("MeetingRunner", "+ &Arrival")),
            QCoreApplication.translate("HelpDialog", "Someone arrived late, also while typing"),
            meeting,
        ),
        (
            "0 - 10",
            QCoreApplication.translate("HelpDialog", "Record that mood score"),
            QCoreApplication.translate("HelpDialog", "Mood check"),
        ),
        (
            "P",
            QCoreApplication.translate("HelpDialog", "Pass (no answer)"),
            QCoreApplication.translate("HelpDialog", "Mood check"),
        ),
        (
            "Left",
            QCoreApplication.translate("HelpDialog", "Previous person (Right: next person)"),
            QCoreApplication.translate("HelpDialog", "Mood check"),
        ),
        (
            "G",
            QCoreApplication.translate(
                "HelpDialog", "Catch-up grid for people who missed their turn"
            ),
            QCoreApplication.translate("HelpDialog", "Mood check"),
        ),
        (
            "D / P / N / X",
            QCoreApplication.translate(
                "HelpDialog", "Goal done / partly / not yet / dropped (or 1-4)"
            ),
            QCoreApplication.translate("HelpDialog", "Last week's goals"),
        ),
        (
            "Backspace",
            QCoreApplication.translate("HelpDialog", "Take back the last answer"),
            QCoreApplication.translate("HelpDialog", "Last week's goals"),
        ),
        (
            "Ctrl+Z",
            QCoreApplication.translate("HelpDialog", "Undo the last score"),
            QCoreApplication.translate("HelpDialog", "Mood check"),
        ),
    ]


def _mnemonic(button_text: str) -> str:
    """The Alt+letter of a button's text in the current language ("+ &Llegada": Alt+L)."""
    return QKeySequence.mnemonic(button_text).toString(QKeySequence.SequenceFormat.PortableText)


def shortcut_keys() -> list[str]:
    """The key sequences on the sheet, in Qt's portable form (for tests)."""
    return [keys for keys, _what, _where in _shortcut_table()]


def _display_keys(keys: str) -> str:
    sequence = QKeySequence(keys)
    if " " in keys or sequence.isEmpty():
        return keys  # a range such as "0 - 10" or "D / P / N / X"
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(keys as shown, what it does, where it works), all translated."""
    return [(_display_keys(k), what, where) for k, what, where in _shortcut_table()]


class HelpDialog(QDialog):
    """F1 help: a meeting guide tab and a keyboard-shortcut tab.

    Args:
        services: the app services (unused today; every screen takes it first, and it
            may be None because help works before unlock too).
        parent: the main window.
        page: 0 opens "How a meeting runs", 1 the shortcut sheet.
    """

    def __init__(
        self, services: Services | None = None, parent: QWidget | None = None, page: int = 0
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("GroupKeeper help"))
        self.setAccessibleName(self.tr("GroupKeeper help"))
        fit_to_text_and_screen(self, 820, 600)
        layout = QVBoxLayout(self)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Help topics"))
        layout.addWidget(self.tabs, 1)

        self.guide = QTextBrowser(self.tabs)
        self.guide.setObjectName("helpGuide")
        self.guide.setOpenLinks(False)
        self.guide.setAccessibleName(self.tr("How a meeting runs"))
        self.guide.setAccessibleDescription(
            self.tr("Step by step, what happens in a meeting and which keys help.")
        )
        items = "".join(f"<li><p>{_escape(p)}</p></li>" for p in meeting_guide())
        self.guide.setHtml(f"<ol>{items}</ol>")
        self.tabs.addTab(self.guide, self.tr("&How a meeting runs"))

        sheet = QWidget(self.tabs)
        sheet_layout = QVBoxLayout(sheet)
        intro = QLabel(
            self.tr("Everything can be done with the keyboard. Tab moves between controls."),
            sheet,
        )
        intro.setWordWrap(True)
        sheet_layout.addWidget(intro)
        typing = QLabel(
            self.tr(
                "The meeting's Ctrl shortcuts and the underlined letters (Alt and the "
                "letter) work while you type in a text box too."
            ),
            sheet,
        )
        typing.setObjectName("shortcutsWhileTyping")
        typing.setWordWrap(True)
        sheet_layout.addWidget(typing)
        rows = shortcut_rows()
        self.table = QTableWidget(len(rows), 3, sheet)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Keys"), self.tr("What it does"), self.tr("Where")]
        )
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(
            self.tr("Three columns: the keys, what they do, and where they work.")
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for row, (keys, what, where) in enumerate(rows):
            for col, text in enumerate((keys, what, where)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        sheet_layout.addWidget(self.table, 1)
        self.tabs.addTab(sheet, self.tr("&Keyboard shortcuts"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close help"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tabs.setCurrentIndex(page)
        self.tabs.currentWidget().setFocus()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

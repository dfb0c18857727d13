"""The one place that builds message boxes and words known errors for the user.

Screens call ``show_error(parent, exc)`` for a ``KnownError``, ``confirm(...)`` before
anything that loses data, ``info(...)`` for a short note. Tests replace the box with
``set_test_responder`` so no modal dialog blocks them; the responder sees each box's text
and keeps what it needs itself. Nothing here keeps the text of a box once it is closed
(a confirmation can name a member).

``InvalidInput`` carries its own sentence (English, with ``{name}`` placeholders and
values): it is translated under the context ``"InvalidInput"`` and then filled in, so the
user reads what was wrong, in their language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

from groupkeeper.storage.errors import InvalidInput

# A test hook: (kind, title, text) -> answer (True/False for confirm; "save", "discard" or
# "keep" for ask_unsaved). None = real boxes.
_responder: Callable[[str, str, str], bool | str] | None = None


def set_test_responder(responder: Callable[[str, str, str], bool | str] | None) -> None:
    global _responder
    _responder = responder


def describe_invalid_input(exc: InvalidInput) -> str:
    """The refused input's own sentence, translated, with its values filled in."""
    if not exc.sentence:
        return QCoreApplication.translate(
            "messages", "That value cannot be used here. Please check it."
        )
    sentence = exc.sentence  # extracted where it is raised (tools/i18n.py)
    text = QCoreApplication.translate("InvalidInput", sentence)
    try:
        return text.format(**exc.values)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder: the English sentence is still right.
        return exc.sentence.format(**exc.values)


def describe_error(exc: BaseException) -> str:
    """A translated sentence for a known storage error: what happened and what to do."""
    if isinstance(exc, InvalidInput):
        return describe_invalid_input(exc)
    code = getattr(exc, "code", "")
    words = {
        "wrong_passphrase": QCoreApplication.translate(
            "messages",
            "That passphrase or recovery key is not right. Check Caps Lock and try again.",
        ),
        "not_found": QCoreApplication.translate(
            "messages", "No vault was found in this folder. Check the folder or create a vault."
        ),
        "exists": QCoreApplication.translate(
            "messages", "There is already a vault in this folder. It was not changed."
        ),
        "corrupt": QCoreApplication.translate(
            "messages",
            "The vault file is damaged or incomplete. It has been left untouched. "
            "You can restore your latest backup into a new folder.",
        ),
        "too_new": QCoreApplication.translate(
            "messages",
            "This vault was saved by a newer version of GroupKeeper. "
            "Please install the newer version; the vault was not changed.",
        ),
        "kdf_too_weak": QCoreApplication.translate(
            "messages",
            "This vault's security settings are weaker than GroupKeeper allows, "
            "so it was not opened. The file may have been tampered with.",
        ),
        "read_only": QCoreApplication.translate(
            "messages",
            "GroupKeeper cannot save to the vault folder (it is read-only). "
            "Your last change was not saved. Check the disk or USB stick.",
        ),
        "disk_full": QCoreApplication.translate(
            "messages",
            "The disk is full, so your last change was not saved. "
            "Free some space; everything saved before is safe.",
        ),
        "gone": QCoreApplication.translate(
            "messages",
            "The vault folder cannot be reached. Was the USB stick removed? "
            "Put it back and try again; nothing saved before is lost.",
        ),
        "locked": QCoreApplication.translate(
            "messages", "The vault is locked. Unlock it to continue."
        ),
        "busy": QCoreApplication.translate(
            "messages",
            "Another task (an import, a sync or a new key) is still saving to the vault, "
            "so this was not saved. Try again in a moment.",
        ),
        "backup_invalid": QCoreApplication.translate(
            "messages", "This file is not a GroupKeeper backup, or it is damaged."
        ),
        "invalid_input": QCoreApplication.translate(
            "messages", "That value cannot be used here. Please check it."
        ),
        "import_rejected": QCoreApplication.translate(
            "messages", "The file could not be imported. Nothing was changed."
        ),
        "file_problem": QCoreApplication.translate(
            "messages",
            "That file or folder cannot be used: it is missing, it is a folder, or you "
            "may not write there. Choose another one; nothing was changed.",
        ),
    }
    return words.get(
        code,
        QCoreApplication.translate(
            "messages", "Something went wrong. Nothing saved before is lost."
        ),
    )


def _box(kind: str, parent: QWidget | None, title: str, text: str) -> bool:
    if _responder is not None:
        return bool(_responder(kind, title, text))
    # Imported here: the unlock screen imports this module, and a message box is never
    # needed for its first frame (PySide6 builds QMessageBox's enums on first use).
    from PySide6.QtWidgets import QMessageBox

    if kind == "confirm":
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(QMessageBox.StandardButton.Yes)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes
    icon = QMessageBox.Icon.Warning if kind == "error" else QMessageBox.Icon.Information
    QMessageBox(icon, title, text, parent=parent).exec()
    return True


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    _box(
        "error", parent, QCoreApplication.translate("messages", "GroupKeeper"), describe_error(exc)
    )


def error(parent: QWidget | None, text: str) -> None:
    _box("error", parent, QCoreApplication.translate("messages", "GroupKeeper"), text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    _box("info", parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before anything that loses data; Cancel is the default."""
    return _box("confirm", parent, title, text)


def ask_unsaved(parent: QWidget | None, title: str, text: str) -> str:
    """Typed text is about to close unsaved: "save", "discard" or "keep" (editing).

    "Keep editing" is the default, so a stray Enter loses nothing.
    """
    if _responder is not None:
        answer = _responder("unsaved", title, text)
        if answer is True:
            return "save"
        return answer if answer in ("save", "discard", "keep") else "keep"
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    save = box.addButton(
        QCoreApplication.translate("messages", "Save"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("messages", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("messages", "Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    for button in (save, discard, keep):
        # Long translated words at large text sizes: never cut a button's label.
        text = button.text().replace("&", "")
        button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) * 5 // 4 + 24)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "keep"

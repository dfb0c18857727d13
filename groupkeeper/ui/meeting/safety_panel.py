"""The Safety panel: the group's crisis resources and escalation steps in large text,
"Count a safety concern" (+1, with undo), and a private note that is encrypted in the
vault and never exported (the panel says so next to the field).

A typed note is never lost: closing with unsaved text asks Save / Discard / Keep editing,
and a lock while the panel is open saves it (into the vault, where notes belong). The
notes saved for this group are listed in the panel, newest first, for the facilitator to
read back; they exist only in the vault.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import SafetyNote
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import messages
from groupkeeper.ui.meeting.common import act, button, label, scaled_font
from groupkeeper.ui.widgets.crisis import crisis_label, crisis_text
from groupkeeper.ui.widgets.forms import text_box
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services


def note_line(note: SafetyNote) -> str:
    """A saved note as one list entry: when it was written (local time), then the text."""
    when = QDateTime.fromString(note.created_at, Qt.DateFormat.ISODate).toLocalTime()
    stamp = QLocale().toString(when, QLocale.FormatType.ShortFormat) if when.isValid() else ""
    return f"{stamp}\n{note.text}" if stamp else note.text


class SafetyPanel(QDialog):
    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("safetyPanel")
        self.setWindowTitle(QCoreApplication.translate("MeetingRunner", "Safety"))
        fit_to_text_and_screen(self, 900, 740)
        # Everything but the bottom buttons scrolls: at 200% text on a 1366x768 laptop
        # the panel is taller than the screen, and no label or button may be cut.
        content = QWidget()
        box = QVBoxLayout(content)
        page = QScrollArea()
        page.setObjectName("safetyPage")
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(page, 1)
        group = session.group
        box.addWidget(
            label(QCoreApplication.translate("MeetingRunner", "Crisis resources"), role="title")
        )
        self.resources = crisis_label(crisis_text(group.crisis_resources, group.escalation_steps))
        self.resources.setFrameShape(QFrame.Shape.StyledPanel)
        box.addWidget(self.resources)

        self.count_label = label(name="safetyCount")
        self.count_label.setFont(scaled_font(1.2))
        box.addWidget(self.count_label)
        count_row = QHBoxLayout()
        self.count_button = button(
            QCoreApplication.translate("MeetingRunner", "&Count a safety concern  (+1)"),
            "safetyCount+1",
            self.count,
            role="safety",
        )
        self.undo_button = button(
            QCoreApplication.translate("MeetingRunner", "&Undo count"), "safetyUndo", self.undo
        )
        count_row.addWidget(self.count_button)
        count_row.addWidget(self.undo_button)
        count_row.addStretch(1)
        box.addLayout(count_row)

        note_label = label(QCoreApplication.translate("MeetingRunner", "Private &note (optional):"))
        box.addWidget(note_label)
        self.note = QPlainTextEdit()
        self.note.setObjectName("safetyNote")
        self.note.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Private safety note")
        )
        self.note.setAccessibleDescription(
            QCoreApplication.translate(
                "MeetingRunner", "Encrypted in the vault, never exported. Avoid writing full names."
            )
        )
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 3 + 16)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 5 + 16)
        note_label.setBuddy(self.note)
        box.addWidget(self.note)
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "Encrypted in the vault, never exported or printed. Avoid full names.",
                ),
                role="hint",
                name="safetyNoteHint",
            )
        )
        self.status = label(role="hint", name="safetyStatus")
        box.addWidget(self.status)

        self.notes_heading = label(name="savedNotesHeading")
        box.addWidget(self.notes_heading)
        self.saved_notes = QListWidget()
        self.saved_notes.setObjectName("savedSafetyNotes")
        self.saved_notes.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Saved safety notes of this group")
        )
        self.saved_notes.setWordWrap(True)
        self.saved_notes.setMinimumHeight(self.saved_notes.fontMetrics().lineSpacing() * 5 + 16)
        box.addWidget(self.saved_notes)
        box.addStretch(1)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(
            button(
                QCoreApplication.translate("MeetingRunner", "&Save note"),
                "safetySaveNote",
                self.save_note,
            )
        )
        bottom.addWidget(
            button(QCoreApplication.translate("MeetingRunner", "Close"), "safetyClose", self.accept)
        )
        outer.addLayout(bottom)
        self._show_count(session.safety_concerns())
        self._show_notes()

    def _show_notes(self) -> None:
        try:
            notes = self.session.safety_notes()
        except KnownError as exc:
            self.status.setText(messages.describe_error(exc))
            return
        self.saved_notes.clear()
        for note in notes:
            self.saved_notes.addItem(QListWidgetItem(note_line(note)))
        self.notes_heading.setText(
            QCoreApplication.translate(
                "MeetingRunner", "Saved notes (only in the vault): %n", "", len(notes)
            )
        )
        self.saved_notes.setVisible(bool(notes))

    def has_unsaved_note(self) -> bool:
        return bool(self.note.toPlainText().strip())

    def done(self, result: int) -> None:
        """Close, but never lose a typed note: ask Save / Discard / Keep editing."""
        if self.has_unsaved_note():
            answer = messages.ask_unsaved(
                self,
                QCoreApplication.translate("MeetingRunner", "Unsaved note"),
                QCoreApplication.translate(
                    "MeetingRunner", "The private note is not saved yet. Save it before closing?"
                ),
            )
            if answer == "keep" or (answer == "save" and not self.save_note()):
                self.note.setFocus()
                return
            self.note.clear()
        super().done(result)

    def save_unsaved_on_lock(self) -> None:
        """On lock: keep a typed note by saving it to the vault (no question asked)."""
        text = self.note.toPlainText().strip()
        self.note.clear()
        if text:
            try:
                self.session.add_safety_note(text)
            except KnownError as exc:
                # The vault is closing and could not take it: say so at unlock? There is
                # nowhere safe to keep it, so it is dropped rather than written elsewhere.
                messages.show_error(self, exc)

    def _show_count(self, value: int) -> None:
        self.count_label.setText(
            QCoreApplication.translate(
                "MeetingRunner", "Safety concerns counted tonight: %n", "", value
            )
        )
        self.undo_button.setEnabled(value > 0)

    def count(self) -> None:
        ok, value = act(self, self.session.change_safety_concerns, 1)
        if ok:
            self._show_count(value)

    def undo(self) -> None:
        ok, value = act(self, self.session.change_safety_concerns, -1)
        if ok:
            self._show_count(value)

    def save_note(self) -> bool:
        """Save the typed note; True when it was saved (or there was nothing to save)."""
        text = self.note.toPlainText().strip()
        if not text:
            return True
        ok, _ = act(self, self.session.add_safety_note, text)
        if ok:
            self.note.clear()
            self.status.setText(
                QCoreApplication.translate("MeetingRunner", "Note saved (encrypted).")
            )
            self._show_notes()
        return bool(ok)

    def clear_personal_data(self) -> None:
        self.note.clear()
        self.resources.clear()
        self.saved_notes.clear()


class SafetyNotesDialog(QDialog):
    """A group's saved safety notes, newest first (from Home, outside meetings).

    With ``services`` a selected note can be corrected ("Correct note..."): the new text
    replaces the old one in the vault through the ``safety.edit_note`` operation.
    """

    def __init__(
        self,
        group_name: str,
        notes: list[SafetyNote],
        parent: QWidget | None = None,
        services: Services | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.notes = list(notes)
        self.editor: NoteEditor | None = None
        self.setObjectName("safetyNotesDialog")
        self.setWindowTitle(
            QCoreApplication.translate("MeetingRunner", "Safety notes: %1").replace(
                "%1", group_name
            )
        )
        box = QVBoxLayout(self)
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "Private notes: encrypted in the vault, never exported or printed.",
                ),
                role="hint",
            )
        )
        self.saved_notes = QListWidget()
        self.saved_notes.setObjectName("savedSafetyNotes")
        self.saved_notes.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Saved safety notes of this group")
        )
        self.saved_notes.setWordWrap(True)
        box.addWidget(self.saved_notes, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.edit_button = button(
            QCoreApplication.translate("MeetingRunner", "C&orrect note..."),
            "safetyNoteEdit",
            self.edit_selected,
        )
        self.edit_button.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Correct the selected note")
        )
        self.edit_button.setVisible(services is not None)
        row.addWidget(self.edit_button)
        row.addWidget(
            button(
                QCoreApplication.translate("MeetingRunner", "Close"),
                "safetyNotesClose",
                self.accept,
            )
        )
        box.addLayout(row)
        self.saved_notes.itemSelectionChanged.connect(self._update_edit_button)
        self.saved_notes.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self._fill()
        fit_to_text_and_screen(self, 760, 520)

    def _fill(self) -> None:
        self.saved_notes.clear()
        for note in self.notes:
            self.saved_notes.addItem(QListWidgetItem(note_line(note)))
        if not self.notes:
            self.saved_notes.addItem(
                QCoreApplication.translate(
                    "MeetingRunner", "No safety notes have been saved for this group."
                )
            )
        self._update_edit_button()

    def _update_edit_button(self) -> None:
        self.edit_button.setEnabled(self.selected_note() is not None)

    def selected_note(self) -> SafetyNote | None:
        row = self.saved_notes.currentRow()
        if not self.saved_notes.selectedItems() or not 0 <= row < len(self.notes):
            return None
        return self.notes[row]

    def edit_selected(self) -> None:
        """Open the selected note in an editor; Save replaces its text in the vault."""
        note = self.selected_note()
        if note is None or self.services is None:
            return
        self.editor = NoteEditor(note, self)
        self.editor.finished.connect(self._on_editor_finished)
        self.editor.open()

    def _on_editor_finished(self, result: int) -> None:
        editor, self.editor = self.editor, None
        if editor is None:
            return
        text = editor.text()
        editor.clear_personal_data()
        editor.deleteLater()
        if result != QDialog.DialogCode.Accepted or editor.note.id is None:
            return
        assert self.services is not None
        from groupkeeper import ops

        op = ops.meetings.edit_safety_note(note_id=editor.note.id, text=text)
        done = self.services.ops.try_run(self, op)
        if done is None:
            return
        row = self.notes.index(editor.note)
        self.notes[row] = done.value
        self._fill()
        self.saved_notes.setCurrentRow(row)

    def clear_personal_data(self) -> None:
        """On lock (the vault is still open): a correction being typed is saved first."""
        editor, self.editor = self.editor, None
        if editor is not None:
            if editor.changed() and editor.text() and editor.note.id is not None:
                from groupkeeper import ops

                op = ops.meetings.edit_safety_note(note_id=editor.note.id, text=editor.text())
                if self.services is not None:
                    self.services.ops.try_run(self, op)
            editor.clear_personal_data()
            editor.finished.disconnect(self._on_editor_finished)
            editor.reject()
            editor.deleteLater()
        self.notes = []
        self.saved_notes.clear()


class NoteEditor(QDialog):
    """Correct one saved safety note. Closing with changed text asks first (Save /
    Discard / Keep editing): typed words are never lost silently."""

    def __init__(self, note: SafetyNote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.setObjectName("safetyNoteEditor")
        self.setWindowTitle(QCoreApplication.translate("MeetingRunner", "Correct a safety note"))
        self.setModal(True)
        box = QVBoxLayout(self)
        heading = label(
            QCoreApplication.translate("MeetingRunner", "&Note (written %1)").replace(
                "%1", note_line(SafetyNote(note.meeting_id, "", note.created_at)).strip()
            )
        )
        box.addWidget(heading)
        self.edit = text_box(self, note.text, lines=6)
        self.edit.setObjectName("safetyNoteEdit")
        self.edit.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Note text"))
        heading.setBuddy(self.edit)
        box.addWidget(self.edit, 1)
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "Encrypted in the vault, never exported or printed. Avoid full names.",
                ),
                role="hint",
            )
        )
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(
            QCoreApplication.translate("MeetingRunner", "Cancel"), "noteEditCancel", self.reject
        )
        self.save_button = button(
            QCoreApplication.translate("MeetingRunner", "&Save correction"),
            "noteEditSave",
            self.save,
            role="primary",
        )
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        box.addLayout(row)
        fit_to_text_and_screen(self, 640, 420)
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def changed(self) -> bool:
        return self.text() != self.note.text.strip()

    def save(self) -> None:
        if not self.text():
            messages.error(
                self,
                QCoreApplication.translate(
                    "MeetingRunner", "A note needs some words. To keep it as it was, press Cancel."
                ),
            )
            return
        self.accept()

    def reject(self) -> None:
        if self.changed() and self.text():
            answer = messages.ask_unsaved(
                self,
                QCoreApplication.translate("MeetingRunner", "Keep the correction?"),
                QCoreApplication.translate(
                    "MeetingRunner", "You changed this note. Save the correction?"
                ),
            )
            if answer == "keep":
                return
            if answer == "save":
                self.accept()
                return
        super().reject()

    def clear_personal_data(self) -> None:
        self.edit.setPlainText("")

"""Pairing two laptops in person: "Share this group..." and "Join a shared group...".

``ShareGroupDialog``: choose the shared folder (a Syncthing folder, a USB stick, any synced
folder) and where the invitation goes, then the invitation is written (in the worker: the
code's key derivation is slow on purpose) and the one-time code is shown, large and
grouped for reading out, once, with the next steps for the other laptop in plain words.
Closing the dialog forgets the code (and takes it off the clipboard if it is still there).

``JoinGroupDialog``: choose the invitation file and the shared folder, type the code
(spaces and dashes are fine). A wrong code, a file that is not an invitation or an
invitation already used says so in the dialog and changes nothing.

Both go through ``ui.sync_link`` (the sync service on the worker's own connection); the
link broadcasts the change through the operations runner, so Home shows the new status.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui import messages, sync_link, worker
from groupkeeper.ui.sync_status import error_text, track
from groupkeeper.ui.widgets.code_entry import CodeEntry, CodeView
from groupkeeper.ui.widgets.forms import add_row, prepare_form
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen

if TYPE_CHECKING:
    from groupkeeper.model import Group
    from groupkeeper.ui.services import Services

#: The invitation's file name when it goes into a folder. It names no group: the shared
#: folder may be seen by more people than the group's facilitators.
INVITATION_NAME = "GroupKeeper invitation.gkinvite"


def _label(text: str, parent: QWidget, role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def _scrolled(page: QWidget) -> QScrollArea:
    """``page`` in a scroll area: at 200% text in Spanish it may be taller than the screen."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(page)
    return scroll


class PathField(QWidget):
    """A path typed or chosen with a "Choose..." button."""

    def __init__(
        self, accessible_name: str, choose_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.button = QPushButton(self.tr("Choose..."), self)
        self.button.setAccessibleName(choose_name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str) -> None:
        self.edit.setText(str(path))


class _SyncDialog(QDialog):
    """What both dialogs share: an inline error line and running a link call."""

    def __init__(self, services: Services, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.services = services
        self.link = sync_link.for_services(services)
        track(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.error_label.hide()
        self.busy = False

    def _laptop_name_field(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(self.tr("This laptop's name for the others"))
        edit.setPlaceholderText(self.tr("For example: Sam's laptop"))
        edit.setMaxLength(100)
        edit.setText(self.link.laptop_name())
        self._name_before = edit.text()
        return edit

    def _save_laptop_name(self, edit: QLineEdit) -> None:
        """Publish a new name for this laptop (after a share or join made its key)."""
        name = edit.text().strip()
        if name and name != self._name_before:
            self.link.set_laptop_name(name, lambda _r: None, self._on_name_failed)

    def _on_name_failed(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        if not isinstance(exc, KnownError):
            worker.report_bug(exc)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setAccessibleName(text)
        self.error_label.setVisible(bool(text))

    def _on_failed(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        self._set_busy(False)
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        self.show_error(error_text(exc))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy

    def reject(self) -> None:
        if self.busy:  # the worker is writing; closing now would lose its answer
            return
        super().reject()


class ShareGroupDialog(_SyncDialog):
    """Share a group: choose the folder, write the invitation, show the one-time code.

    With ``shared_folder`` (a group shared already) it invites one more laptop: the
    folder is the group's, and a new invitation with its own code is written (each
    invitation lets one laptop join).
    """

    def __init__(
        self,
        services: Services,
        group: Group,
        parent: QWidget | None = None,
        shared_folder: Path | None = None,
    ) -> None:
        super().__init__(services, parent)
        self.group = group
        self.code = ""
        self.shared_folder = shared_folder
        if shared_folder is None:
            self.setWindowTitle(self.tr("Share %1").replace("%1", group.name))
        else:
            self.setWindowTitle(self.tr("Invite another laptop to %1").replace("%1", group.name))
        self.setObjectName("shareGroupDialog")
        self.pages = QStackedWidget(self)

        # Page 1: where.
        choose = QWidget()
        if shared_folder is None:
            words = self.tr(
                "Share %1 with a co-facilitator's laptop. Each laptop keeps its own vault; "
                "changes travel as locked files through a folder both laptops can reach: a "
                "Syncthing folder, a USB stick or any synced folder. Nobody can read them "
                "without the group's key."
            )
        else:
            words = self.tr(
                "%1 is shared already. Write a new invitation for one more laptop: each "
                "invitation lets one laptop join, with its own one-time code. The new "
                "laptop uses the same shared folder."
            )
        intro = _label(words.replace("%1", group.name), choose)
        self.folder = PathField(
            self.tr("Shared folder"), self.tr("Choose the shared folder"), choose
        )
        self.folder.button.clicked.connect(self._on_folder_button_clicked)
        self.folder.edit.textEdited.connect(self._on_folder_edited)
        self.invitation = PathField(
            self.tr("Invitation file"), self.tr("Choose where to save the invitation"), choose
        )
        self.invitation.button.clicked.connect(self._on_invitation_button_clicked)
        self._invitation_chosen = False
        self.invitation.edit.textEdited.connect(self._on_invitation_edited)
        self.laptop_name = self._laptop_name_field()
        form = prepare_form(QFormLayout())
        add_row(form, self.tr("Shared &folder"), self.folder).setBuddy(self.folder.edit)
        add_row(form, self.tr("&Invitation file"), self.invitation).setBuddy(self.invitation.edit)
        add_row(form, self.tr("This &laptop's name"), self.laptop_name)
        hint = _label(
            self.tr(
                "The invitation is locked with a one-time code that you read out to the "
                "other facilitator. It can go into the shared folder or onto a USB stick."
            ),
            choose,
            "hint",
        )
        choose_layout = QVBoxLayout(choose)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.addWidget(intro)
        choose_layout.addLayout(form)
        choose_layout.addWidget(hint)
        choose_layout.addStretch(1)
        self.pages.addWidget(_scrolled(choose))

        # Page 2: the code, once.
        shown = QWidget()
        heading = _label(self.tr("Read this code to the other facilitator"), shown, "title")
        self.code_view = CodeView(shown)
        notice = QFrame(shown)
        notice.setProperty("role", "notice")
        once = _label(
            self.tr(
                "This code is shown only once and is not saved anywhere. Read it out or type "
                "it on the other laptop yourself. Do not write it on the USB stick or send it "
                "with the invitation."
            ),
            notice,
        )
        once.setObjectName("codeShownOnce")
        notice_layout = QVBoxLayout(notice)
        notice_layout.addWidget(once)
        self.next_steps = _label("", shown)
        self.next_steps.setObjectName("nextSteps")
        self.next_steps.setTextFormat(Qt.TextFormat.PlainText)
        shown_layout = QVBoxLayout(shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.addWidget(heading)
        shown_layout.addWidget(self.code_view)
        shown_layout.addWidget(notice)
        shown_layout.addWidget(self.next_steps)
        shown_layout.addStretch(1)
        self.pages.addWidget(_scrolled(shown))

        self.buttons = QDialogButtonBox(self)
        self.share_button = self.buttons.addButton(
            self.tr("&Share"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.share_button.setProperty("role", "primary")
        self.share_button.setAccessibleName(self.tr("Write the invitation and show the code"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.done_button = self.buttons.addButton(
            self.tr("&Done"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.done_button.setAccessibleName(self.tr("Done: forget the code"))
        self.done_button.hide()
        self.share_button.clicked.connect(self._on_share_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fit_to_text_and_screen(self, 620, 440)
        self.folder.setFocus()
        if shared_folder is not None:
            # The group's folder: shown, not chosen; a free name for the invitation.
            self.folder.set_path(shared_folder)
            self.folder.setEnabled(False)
            self.invitation.set_path(_free_invitation_path(shared_folder))
            self.invitation.edit.setFocus()

    # -- choosing --------------------------------------------------------------------
    def ask_folder(self) -> str:
        """The shared folder from the system's folder chooser (tests replace this)."""
        return QFileDialog.getExistingDirectory(self, self.tr("Choose the shared folder"))

    def ask_invitation_path(self, start: str) -> str:
        """Where to save the invitation (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the invitation"),
            start,
            self.tr("GroupKeeper invitations (*.gkinvite)"),
        )
        return path

    def _on_folder_button_clicked(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.folder.set_path(folder)
            self._on_folder_edited(folder)

    def _on_folder_edited(self, text: str) -> None:
        # Until the facilitator picks another place, the invitation goes into the folder.
        if not self._invitation_chosen:
            self.invitation.set_path(Path(text) / INVITATION_NAME if text.strip() else "")

    def _on_invitation_edited(self, _text: str) -> None:
        self._invitation_chosen = True

    def _on_invitation_button_clicked(self) -> None:
        start = self.invitation.edit.text() or str(Path.home() / INVITATION_NAME)
        path = self.ask_invitation_path(start)
        if path:
            self.invitation.set_path(path)
            self._invitation_chosen = True

    # -- sharing ---------------------------------------------------------------------
    def _on_share_button_clicked(self) -> None:
        folder, invitation = self.folder.path(), self.invitation.path()
        if folder is None:
            self.show_error(self.tr("Choose the shared folder first."))
            self.folder.setFocus()
            return
        if self.shared_folder is None and not folder.is_dir():
            self.show_error(
                self.tr("That shared folder does not exist. Choose a folder that is there.")
            )
            self.folder.setFocus()
            return
        if invitation is None:
            self.show_error(self.tr("Choose where to save the invitation."))
            self.invitation.setFocus()
            return
        if invitation.exists():
            self.show_error(
                self.tr(
                    "There is already a file with that name. Choose another name; "
                    "GroupKeeper never overwrites a file."
                )
            )
            self.invitation.setFocus()
            return
        self.show_error("")
        self._set_busy(True)
        if self.shared_folder is not None:
            self.link.invite(self.group.id or 0, invitation, self._on_shared, self._on_failed)
            return
        self.link.share(self.group.id or 0, folder, invitation, self._on_shared, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.share_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.share_button.setText(self.tr("Writing...") if busy else self.tr("&Share"))

    def _on_shared(self, code: Any) -> None:
        self._set_busy(False)
        self._save_laptop_name(self.laptop_name)
        self.code = str(code)
        self.code_view.set_code(self.code)
        invitation = self.invitation.path()
        self.next_steps.setText(
            self.tr(
                "On the other laptop:\n"
                "1. Make the same shared folder available there (add it in Syncthing, or "
                "plug in the USB stick).\n"
                "2. In GroupKeeper, choose \u201cJoin a shared group...\u201d on Home.\n"
                "3. Choose the invitation file (%1) and the shared folder, then type this "
                "code."
            ).replace("%1", invitation.name if invitation else INVITATION_NAME)
        )
        self.pages.setCurrentIndex(1)
        self.share_button.hide()
        self.cancel_button.hide()
        self.done_button.show()
        self.done_button.setDefault(True)
        self.code_view.label.setFocus()

    def done(self, result: int) -> None:  # noqa: A003 - QDialog.done
        self.code = ""
        self.code_view.clear()
        super().done(result)


def _free_invitation_path(folder: Path) -> Path:
    """The usual invitation name in ``folder``, numbered if it is taken (a group shared
    already has its first invitation there; a file is never overwritten)."""
    path = folder / INVITATION_NAME
    number = 2
    while path.exists() and number < 1000:
        path = folder / f"{Path(INVITATION_NAME).stem} {number}{Path(INVITATION_NAME).suffix}"
        number += 1
    return path


class JoinGroupDialog(_SyncDialog):
    """Join a shared group with the invitation file, the shared folder and the code."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.joined_name = ""
        self.setWindowTitle(self.tr("Join a shared group"))
        self.setObjectName("joinGroupDialog")
        intro = _label(
            self.tr(
                "Join a group that another facilitator shares with you. You need the "
                "invitation file they wrote, the shared folder (a Syncthing folder, a USB "
                "stick or any synced folder) and the one-time code they read out."
            ),
            self,
        )
        self.invitation = PathField(
            self.tr("Invitation file"), self.tr("Choose the invitation file"), self
        )
        self.invitation.button.clicked.connect(self._on_invitation_button_clicked)
        self.folder = PathField(self.tr("Shared folder"), self.tr("Choose the shared folder"), self)
        self.folder.button.clicked.connect(self._on_folder_button_clicked)
        self.code_entry = CodeEntry(self)
        self.code_hint = _label("", self, "hint")
        self.code_hint.setObjectName("codeDigitsLeft")
        self.code_entry.textChanged.connect(self._on_code_entry_changed)
        form = prepare_form(QFormLayout())
        # The label's Alt letter goes to the typed path, not to the "Choose..." button.
        add_row(form, self.tr("&Invitation file"), self.invitation).setBuddy(self.invitation.edit)
        add_row(form, self.tr("Shared &folder"), self.folder).setBuddy(self.folder.edit)
        add_row(form, self.tr("One-time &code"), self.code_entry)
        form.addRow("", self.code_hint)
        self.laptop_name = self._laptop_name_field()
        add_row(form, self.tr("This &laptop's name"), self.laptop_name)
        self.buttons = QDialogButtonBox(self)
        self.join_button = self.buttons.addButton(
            self.tr("&Join"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.join_button.setProperty("role", "primary")
        self.join_button.setAccessibleName(self.tr("Join the shared group"))
        self.join_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.join_button.clicked.connect(self._on_join_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(intro)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolled(body), 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._on_code_entry_changed("")
        fit_to_text_and_screen(self, 620, 460)
        self.invitation.setFocus()

    def ask_invitation(self) -> str:
        """The invitation file from the system's file chooser (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the invitation file"),
            str(Path.home()),
            self.tr("GroupKeeper invitations (*.gkinvite);;All files (*)"),
        )
        return path

    def ask_folder(self) -> str:
        """The shared folder from the system's folder chooser (tests replace this)."""
        return QFileDialog.getExistingDirectory(self, self.tr("Choose the shared folder"))

    def _on_invitation_button_clicked(self) -> None:
        path = self.ask_invitation()
        if path:
            self.invitation.set_path(path)
            if not self.folder.edit.text().strip():
                # An invitation in the shared folder: that folder is the likely answer.
                self.folder.set_path(Path(path).parent)

    def _on_folder_button_clicked(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.folder.set_path(folder)

    def _on_code_entry_changed(self, _text: str) -> None:
        left = self.code_entry.missing()
        if left > 0:
            self.code_hint.setText(self.tr("%n more digit(s) to type.", "", left))
        else:
            self.code_hint.setText(self.tr("All 20 digits are there."))

    def _on_join_button_clicked(self) -> None:
        invitation, folder = self.invitation.path(), self.folder.path()
        if invitation is None or not invitation.is_file():
            self.show_error(self.tr("Choose the invitation file (it must be there)."))
            self.invitation.setFocus()
            return
        if folder is None or not folder.is_dir():
            self.show_error(self.tr("Choose the shared folder (it must be there)."))
            self.folder.setFocus()
            return
        if not self.code_entry.complete:
            self.show_error(
                self.tr("The code has 20 digits; %n are missing.", "", self.code_entry.missing())
            )
            self.code_entry.setFocus()
            return
        self.show_error("")
        self._set_busy(True)
        self.link.join(invitation, self.code_entry.text(), folder, self._on_joined, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.join_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.join_button.setText(self.tr("Joining...") if busy else self.tr("&Join"))

    def _on_failed(self, exc: BaseException) -> None:
        super()._on_failed(exc)
        if getattr(exc, "code", "") == "wrong_code":
            self.code_entry.setFocus()
            self.code_entry.selectAll()

    def _on_joined(self, name: Any) -> None:
        self._set_busy(False)
        self._save_laptop_name(self.laptop_name)
        self.joined_name = str(name or "")
        self.code_entry.clear()
        messages.info(
            self,
            self.tr("Joined"),
            self.tr(
                "This laptop now shares %1. Its members and meetings arrive with each sync; "
                "GroupKeeper keeps it in step by itself while the vault is unlocked."
            ).replace("%1", self.joined_name),
        )
        self.accept()

    def done(self, result: int) -> None:  # noqa: A003 - QDialog.done
        self.code_entry.clear()
        super().done(result)

"""Settings, Groups tab: "Share this group..." and "Join a shared group..." (pytest-qt).

The same dialogs as Home's, reached by keyboard from the group picker; a line says
whether the group on show is shared; a joined group appears in the picker without
throwing away edits not yet saved. The sync link is a stand-in (``test_ui_sharing``'s).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from test_ui_sharing import CODE, FakeLink, _status

from groupkeeper import ops
from groupkeeper.settings import Settings
from groupkeeper.ui import sync_link
from groupkeeper.ui.services import Services
from groupkeeper.ui.settings_dialog import SettingsDialog
from groupkeeper.ui.share_dialogs import INVITATION_NAME, JoinGroupDialog, ShareGroupDialog


class JoiningLink(FakeLink):
    """Joining adds the shared group to the vault, as the real link's operation does."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def join(self, invitation, code, folder, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("join", invitation, code, folder))
        group = self.services.ops.run(ops.groups.add(fields={"name": "Thursday circle"})).value
        self.shared = [*self.shared, _status(group_uuid="g-2", group_id=group.id)]
        on_done("Thursday circle")


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    s.create_vault(tmp_path / "vault", "correct horse battery staple")
    s.ops.run(ops.groups.add(fields={"name": "Tuesday group"}))
    yield s
    sync_link.set_for_services(s, None)
    if s.is_unlocked:
        s.lock()


@pytest.fixture
def link(services: Services) -> JoiningLink:
    fake = JoiningLink(services)
    sync_link.set_for_services(services, fake)
    return fake


def _when_modal(act: Callable[[QWidget], None]) -> list[BaseException]:
    """Run ``act(dialog)`` once the next modal dialog is up (``exec`` blocks the test)."""
    errors: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or isinstance(dialog, SettingsDialog):
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)
            dialog.close()

    QTimer.singleShot(0, poll)
    return errors


def _settings(qtbot: Any, services: Services) -> SettingsDialog:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentIndex(2)
    return dialog


def test_share_from_the_groups_tab_by_keyboard(qtbot, services, link, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _settings(qtbot, services)
    page = dialog.groups_page
    qtbot.waitUntil(lambda: page.shared is not None)
    assert page.sharing_label.text().startswith("Only on this laptop.")
    assert page.share_button.isEnabled()
    assert page.share_button.accessibleName() == (
        "Share Tuesday group with a co-facilitator's laptop"
    )
    # From the group picker, Tab reaches "Share this group..." and "Join...".
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    page.group_picker.setFocus()
    reached = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert page.share_button in reached and page.join_button in reached
    shared = tmp_path / "Sync"
    shared.mkdir()
    seen: list[str] = []

    def share(modal: QWidget) -> None:
        assert isinstance(modal, ShareGroupDialog)
        seen.append(modal.group.name)
        modal.folder.edit.setFocus()
        qtbot.keyClicks(modal.folder.edit, str(shared))
        qtbot.mouseClick(modal.share_button, Qt.MouseButton.LeftButton)
        link.shared = [_status(group_id=page.current_group().id, folder=str(shared))]
        seen.append(" ".join(modal.code_view.label.text().split()))
        qtbot.mouseClick(modal.done_button, Qt.MouseButton.LeftButton)

    errors = _when_modal(share)
    page.share_button.setFocus()
    qtbot.keyClick(page.share_button, Qt.Key.Key_Space)
    assert errors == []
    assert seen == ["Tuesday group", CODE.replace("-", " ")]
    assert ("share", page.current_group().id, shared, shared / INVITATION_NAME) in link.calls
    # Read again after the dialog: now shared; the button invites one more laptop.
    qtbot.waitUntil(lambda: page.sharing_label.text().startswith("Shared with 1 other laptop"))
    assert page.share_button.isEnabled() and page.share_button.text() == "Invite another laptop..."
    assert page.share_button.accessibleName() == "Invite another laptop to Tuesday group"
    assert page.dialog is None

    def invite(modal: QWidget) -> None:
        assert isinstance(modal, ShareGroupDialog)
        seen.append(modal.windowTitle())
        assert not modal.folder.isEnabled() and modal.folder.path() == shared
        qtbot.mouseClick(modal.share_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(modal.done_button, Qt.MouseButton.LeftButton)

    errors = _when_modal(invite)
    qtbot.keyClick(page.share_button, Qt.Key.Key_Space)
    assert errors == [] and seen[-1] == "Invite another laptop to Tuesday group"
    second = shared / "GroupKeeper invitation 2.gkinvite"
    assert link.calls[-1] == ("invite", page.current_group().id, second)


def test_join_from_the_groups_tab_keeps_unsaved_edits(  # type: ignore[no-untyped-def]
    qtbot, services, link, tmp_path, message_boxes
) -> None:
    dialog = _settings(qtbot, services)
    page = dialog.groups_page
    qtbot.waitUntil(lambda: page.shared is not None)
    page.g_place.setText("Room 4, not saved yet")
    shared = tmp_path / "Sync"
    shared.mkdir()
    invitation = shared / INVITATION_NAME
    invitation.write_bytes(b"GKINVITE")

    def join(modal: QWidget) -> None:
        assert isinstance(modal, JoinGroupDialog)
        modal.invitation.edit.setFocus()
        qtbot.keyClicks(modal.invitation.edit, str(invitation))
        modal.folder.edit.setFocus()
        qtbot.keyClicks(modal.folder.edit, str(shared))
        modal.code_entry.setFocus()
        qtbot.keyClicks(modal.code_entry, CODE)
        qtbot.mouseClick(modal.join_button, Qt.MouseButton.LeftButton)

    errors = _when_modal(join)
    qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert link.calls[0][0] == "join" and message_boxes.kinds == ["info"]
    names = [page.group_picker.itemText(i) for i in range(page.group_picker.count())]
    assert names == ["Tuesday group", "Thursday circle"]
    # The group on show and its unsaved edit are as they were.
    assert page.current_group().name == "Tuesday group"
    assert page.g_place.text() == "Room 4, not saved yet"
    page.group_picker.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.sharing_label.text().startswith("Shared with 1 other laptop"))
    assert page.share_button.text() == "Invite another laptop..."


def test_a_removed_laptop_cannot_invite_from_settings(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    group_id = services.store.groups.all()[0].id
    link.shared = [_status(group_id=group_id, removed_here=True)]
    dialog = _settings(qtbot, services)
    page = dialog.groups_page
    qtbot.waitUntil(lambda: page.shared is not None)
    assert page.sharing_label.text().startswith("Shared with 1 other laptop")
    assert not page.share_button.isEnabled()


def test_sharing_line_when_locked_or_failing(qtbot, services, link, message_boxes) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.storage.errors import KnownError

    class Unreadable(KnownError):
        code = "not_shared"

    def failing(on_done, on_error) -> bool:  # type: ignore[no-untyped-def]
        on_error(Unreadable())
        return True

    link.load_statuses = failing  # type: ignore[method-assign]
    dialog = _settings(qtbot, services)
    page = dialog.groups_page
    # Not known: no claim either way, and no share button to press blindly.
    assert page.shared is None and page.sharing_label.text() == ""
    assert not page.share_button.isEnabled() and page.join_button.isEnabled()

"""The co-facilitation screens, clicked and typed through (pytest-qt, over a stand-in link).

Share: choose the folder, write the invitation, the code shown grouped once and gone on
Done. Join: paths and a code typed with dashes and spaces; a wrong code and a used
invitation say so and change nothing. Home's sync panel: status, refused files with their
reason, the Conflicts list (keep one side), removing a laptop (what it has stays on it).
Auto-sync: after an operation, when the folder changes, never after lock. Keyboard only,
accessible names, and the dialogs fit at 200% text in Spanish.

The real link over the sync service is exercised end to end in test_ui_sharing_e2e.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from groupkeeper import ops
from groupkeeper.settings import Settings
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import sync_link
from groupkeeper.ui.auto_sync import AutoSync
from groupkeeper.ui.services import Services
from groupkeeper.ui.share_dialogs import INVITATION_NAME, JoinGroupDialog, ShareGroupDialog
from groupkeeper.ui.sync_link import (
    Conflict,
    Laptop,
    RefusedFile,
    SharedGroupStatus,
    SyncSummary,
    Version,
)
from groupkeeper.ui.sync_status import ConflictsDialog, LaptopsDialog, SyncPanel, when_text
from groupkeeper.ui.widgets.code_entry import CodeEntry

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
CODE = "12345-67890-13579-24680"


class WrongCode(KnownError):
    code = "wrong_code"


class InvitationUsed(KnownError):
    code = "invitation_used"


class FakeLink:
    """Stands in for ``SyncLink``: records calls, answers like the service would."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.shared: list[SharedGroupStatus] = []
        self.conflict_list: list[Conflict] = []
        self.join_error: KnownError | None = None
        self.syncs = 0
        self.name = ""

    def share(self, group_id, folder, invitation, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("share", group_id, folder, invitation))
        invitation.write_bytes(b"GKINVITE")
        on_done(CODE)

    def invite(self, group_id, invitation, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("invite", group_id, invitation))
        invitation.write_bytes(b"GKINVITE")
        on_done(CODE)

    def join(self, invitation, code, folder, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("join", invitation, code, folder))
        if self.join_error is not None:
            on_error(self.join_error)
            return
        on_done("Tuesday group")

    def sync_now(self, on_done, on_error) -> bool:  # type: ignore[no-untyped-def]
        self.syncs += 1
        self.calls.append(("sync",))
        on_done(SyncSummary(written=1, applied=2))
        return True

    def load_statuses(self, on_done, on_error) -> bool:  # type: ignore[no-untyped-def]
        on_done(list(self.shared))
        return True

    def load_conflicts(self, group_uuid, on_done, on_error) -> bool:  # type: ignore[no-untyped-def]
        self.calls.append(("load conflicts", group_uuid))
        on_done(list(self.conflict_list))
        return True

    def resolve(self, group_uuid, conflict_id, keep, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("resolve", group_uuid, conflict_id, keep))
        self.conflict_list = [c for c in self.conflict_list if c.conflict_id != conflict_id]
        on_done(None)

    def forget_conflicts(self) -> None:
        self.calls.append(("forget conflicts",))

    def laptop_name(self) -> str:
        return self.name

    def set_laptop_name(self, name, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("name", name))
        self.name = name
        on_done(None)

    def remove_laptop(self, group_uuid, device, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("remove", group_uuid, device))
        on_done(None)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault", now=lambda: NOW)
    s.create_vault(tmp_path / "vault", "correct horse battery staple")
    yield s
    sync_link.set_for_services(s, None)
    if s.is_unlocked:
        s.lock()


@pytest.fixture
def link(services: Services) -> FakeLink:
    fake = FakeLink()
    sync_link.set_for_services(services, fake)
    return fake


@pytest.fixture
def group(services: Services):  # type: ignore[no-untyped-def]
    return services.ops.run(ops.groups.add(fields={"name": "Tuesday group"})).value


@pytest.fixture
def boxes(message_boxes):  # type: ignore[no-untyped-def]
    return message_boxes


def _status(**changes: Any) -> SharedGroupStatus:
    values: dict[str, Any] = {
        "group_uuid": "g-1",
        "group_id": 1,
        "group_name": "Tuesday group",
        "folder": "/media/stick/shared",
        "last_sync": datetime(2026, 11, 24, 17, 55, tzinfo=UTC),
        "laptops": (
            Laptop("me", "Maria's laptop", None, True),
            Laptop("sam", "Sam's laptop", datetime(2026, 11, 24, 17, 42, tzinfo=UTC)),
        ),
        "pending": 3,
    }
    values.update(changes)
    return SharedGroupStatus(**values)


def _type(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


# -- the code widgets -----------------------------------------------------------------
def test_the_code_entry_takes_spaces_dashes_and_pasted_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    entry = CodeEntry()
    qtbot.addWidget(entry)
    entry.show()
    _type(qtbot, entry, "12345-67890 13579.2468")
    assert entry.text() == "12345 67890 13579 2468"
    assert not entry.complete and entry.missing() == 1
    with qtbot.waitSignal(entry.completeness_changed):
        qtbot.keyClicks(entry, "0")
    assert entry.complete and entry.digits() == CODE.replace("-", "")
    qtbot.keyClicks(entry, "9")  # a 21st digit is not taken
    assert entry.digits() == CODE.replace("-", "")
    entry.clear()
    QGuiApplication.clipboard().setText("Code: 12345-67890-13579-24680\n")
    entry.setFocus()
    QTest.keySequence(entry, "Ctrl+V")
    assert entry.text() == "12345 67890 13579 24680"
    assert entry.accessibleName() == "One-time code"


def test_share_shows_the_code_grouped_once_with_the_next_steps(  # type: ignore[no-untyped-def]
    qtbot, services, link, group, tmp_path
) -> None:
    shared = tmp_path / "Sync"
    shared.mkdir()
    dialog = ShareGroupDialog(services, group)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog.folder.edit, str(shared))
    # The invitation goes into the shared folder unless another place is chosen.
    assert dialog.invitation.edit.text() == str(shared / INVITATION_NAME)
    _type(qtbot, dialog.laptop_name, "Maria's laptop")
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    assert link.calls == [
        ("share", group.id, shared, shared / INVITATION_NAME),
        ("name", "Maria's laptop"),  # after the share: the laptop has its key then
    ]
    assert dialog.pages.currentIndex() == 1
    shown = dialog.code_view.label.text().split()
    assert shown == ["12345", "67890", "13579", "24680"]
    assert dialog.code_view.label.accessibleDescription().startswith("1 2 3 4 5, 6 7 8 9 0")
    once = dialog.findChild(QLabel, "codeShownOnce").text()
    assert "only once" in once
    steps = dialog.findChild(QLabel, "nextSteps").text()
    assert "Join a shared group" in steps and INVITATION_NAME in steps
    qtbot.mouseClick(dialog.code_view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == CODE
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    # Gone when the dialog closes: from the widget and from the clipboard.
    assert dialog.code == "" and dialog.code_view.label.text() == ""
    assert QGuiApplication.clipboard().text() == ""


def test_share_refuses_a_missing_folder_and_an_existing_file(  # type: ignore[no-untyped-def]
    qtbot, services, link, group, tmp_path
) -> None:
    dialog = ShareGroupDialog(services, group)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible() and "shared folder" in dialog.error_label.text()
    _type(qtbot, dialog.folder.edit, str(tmp_path / "not-there"))
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.error_label.text()
    dialog.folder.edit.clear()
    _type(qtbot, dialog.folder.edit, str(tmp_path))
    (tmp_path / INVITATION_NAME).write_bytes(b"keep me")
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    assert "never overwrites" in dialog.error_label.text()
    assert (tmp_path / INVITATION_NAME).read_bytes() == b"keep me"
    assert link.calls == [] and dialog.pages.currentIndex() == 0


def test_share_by_keyboard_only(qtbot, services, link, group, tmp_path) -> None:  # type: ignore[no-untyped-def]
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = ShareGroupDialog(services, group)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.folder.edit
    qtbot.keyClicks(dialog.folder.edit, str(stick))
    # Alt+I jumps to the invitation file; another name there is kept.
    QTest.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.invitation.edit
    dialog.invitation.edit.selectAll()
    qtbot.keyClicks(dialog.invitation.edit, str(stick / "for-sam.gkinvite"))
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(link.calls))  # a mnemonic "animates" the click
    assert link.calls[-1][3] == stick / "for-sam.gkinvite"
    assert dialog.pages.currentIndex() == 1
    assert QApplication.focusWidget() is dialog.code_view.label
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.code == ""


def test_join_with_a_code_typed_with_dashes(qtbot, services, link, tmp_path, boxes) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "Sync"
    shared.mkdir()
    invitation = shared / INVITATION_NAME
    invitation.write_bytes(b"GKINVITE")
    dialog = JoinGroupDialog(services)
    qtbot.addWidget(dialog)
    dialog.ask_invitation = lambda: str(invitation)  # type: ignore[method-assign]
    dialog.show()
    qtbot.mouseClick(dialog.invitation.button, Qt.MouseButton.LeftButton)
    # The folder the invitation is in is the likely shared folder.
    assert dialog.folder.path() == shared
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert "20 digits" in dialog.error_label.text() and link.calls == []
    _type(qtbot, dialog.code_entry, "12345 - 67890 - 13579 - 24680")
    assert dialog.findChild(QLabel, "codeDigitsLeft").text() == "All 20 digits are there."
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    kind, sent_invitation, sent_code, sent_folder = link.calls[0]
    assert (sent_invitation, sent_folder) == (invitation, shared)
    assert "".join(ch for ch in sent_code if ch.isdigit()) == CODE.replace("-", "")
    assert boxes.kinds == ["info"] and "Tuesday group" in boxes.seen[0][2]
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.code_entry.text() == ""


@pytest.mark.parametrize(
    ("error", "words"),
    [(WrongCode(), "does not open this invitation"), (InvitationUsed(), "used already")],
)
def test_join_says_what_went_wrong_and_stays_open(  # type: ignore[no-untyped-def]
    qtbot, services, link, tmp_path, error, words
) -> None:
    invitation = tmp_path / INVITATION_NAME
    invitation.write_bytes(b"GKINVITE")
    link.join_error = error
    dialog = JoinGroupDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    _type(qtbot, dialog.invitation.edit, str(invitation))
    _type(qtbot, dialog.folder.edit, str(tmp_path))
    _type(qtbot, dialog.code_entry, "99999 67890 13579 24680")
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert words in dialog.error_label.text() and "Nothing was changed" in dialog.error_label.text()
    assert dialog.join_button.isEnabled()
    if isinstance(error, WrongCode):  # ready to fix a digit
        assert QApplication.focusWidget() is dialog.code_entry


def test_join_by_keyboard_only(qtbot, services, link, tmp_path, boxes) -> None:  # type: ignore[no-untyped-def]
    invitation = tmp_path / INVITATION_NAME
    invitation.write_bytes(b"GKINVITE")
    dialog = JoinGroupDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.invitation.edit
    qtbot.keyClicks(QApplication.focusWidget(), str(invitation))
    QTest.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(QApplication.focusWidget(), str(tmp_path))
    QTest.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.code_entry
    qtbot.keyClicks(dialog.code_entry, CODE)
    QTest.keyClick(dialog.code_entry, Qt.Key.Key_Return)
    assert link.calls and link.calls[0][0] == "join"
    assert not dialog.isVisible()


# -- Home's panel, conflicts, laptops -----------------------------------------------
def test_the_panel_shows_laptops_changes_and_refused_files(qtbot, qapp, services, link) -> None:  # type: ignore[no-untyped-def]
    from ui_fit import appearance

    with appearance(qapp, "en", 1.0, "calm"):  # English plurals ("1 other laptop")
        _check_panel(qtbot, services, link)


def _check_panel(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    link.shared = [
        _status(refused=(RefusedFile("g-1/zzz/000001.gkops", "foreign-signature"),), conflicts=2)
    ]
    panel = SyncPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    box = panel.box_for("g-1")
    # The box is on screen: its area is not 0 px high (measured before it was shown,
    # it was, and Home showed no shared group at all).
    assert panel.boxes_scroll.height() > 0 and box.summary.height() > 0
    assert not box.summary.visibleRegion().isEmpty()
    summary = box.summary.text()
    assert "shared with 1 other laptop" in summary
    assert "last change from Sam's laptop," in summary
    assert "3 of your changes not yet seen by the others" in summary, summary
    warning = box.warning_labels[0].text()
    assert "not signed by a laptop of this group" in warning and "g-1/zzz/000001.gkops" in warning
    assert "Nothing was taken from it" in warning
    qtbot.waitUntil(box.conflicts_button.isVisible)  # new boxes are shown queued
    assert "2 edits" in panel.findChild(QLabel, "syncConflicts").text()
    qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert link.syncs == 1 and "2 received" in panel.status_label.text()


def test_the_panel_says_when_this_laptop_was_removed(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    link.shared = [_status(removed_here=True, pending=0)]
    panel = SyncPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    box = panel.box_for("g-1")
    (warning,) = [w.text() for w in box.warning_labels]
    assert "Another laptop removed this one from Tuesday group" in warning
    assert "What is already here stays here." in warning
    assert "the others have all your changes" in box.summary.text()


def test_invite_another_laptop_from_the_panel_and_the_card(  # type: ignore[no-untyped-def]
    qtbot, services, link, group, tmp_path
) -> None:
    from test_ui_sharing_e2e import _when_modal

    shared = tmp_path / "Sync"
    shared.mkdir()
    (shared / INVITATION_NAME).write_bytes(b"GKINVITE")  # the first laptop's, used
    link.shared = [_status(group_id=group.id, folder=str(shared))]
    panel = SyncPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    box = panel.box_for("g-1")
    qtbot.waitUntil(box.invite_button.isVisible)
    assert box.invite_button.accessibleName() == "Invite another laptop to Tuesday group"
    seen: list[Any] = []

    def invite(dialog: QWidget) -> None:
        assert isinstance(dialog, ShareGroupDialog)
        seen.append(dialog.windowTitle())
        # The group's folder, not to be chosen; a new name: the first invitation stays.
        assert not dialog.folder.isEnabled() and dialog.folder.path() == shared
        seen.append(dialog.invitation.path())
        qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
        seen.append(" ".join(dialog.code_view.label.text().split()))
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)

    errors = _when_modal(invite)
    qtbot.mouseClick(box.invite_button, Qt.MouseButton.LeftButton)
    assert errors == []
    second = shared / "GroupKeeper invitation 2.gkinvite"
    assert seen == ["Invite another laptop to Tuesday group", second, CODE.replace("-", " ")]
    assert link.calls == [("invite", group.id, second)]
    # "Share this group..." on the card of a shared group invites too (no "shared
    # already" error).
    errors = _when_modal(invite)
    seen.clear()
    panel.share(group)
    assert errors == [] and seen[0] == "Invite another laptop to Tuesday group"
    assert link.calls[-1] == ("invite", group.id, shared / "GroupKeeper invitation 3.gkinvite")


def test_home_card_of_a_shared_group_offers_to_invite(  # type: ignore[no-untyped-def]
    qtbot, services, link, group
) -> None:
    """The card's button says what it does: "Share this group..." until the group is
    shared, then "Invite another laptop..." (text and accessible name), and back."""
    from groupkeeper.ui.home import HomeScreen

    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.show()
    home.refresh()
    card = home.card_for(group.id)
    qtbot.waitUntil(lambda: link.shared == [] and card.share_button.text() != "")
    assert card.share_button.text() == "Share this group..."
    assert card.share_button.accessibleName() == (
        "Share Tuesday group with a co-facilitator's laptop"
    )
    link.shared = [_status(group_id=group.id)]
    home.refresh()
    qtbot.waitUntil(lambda: card.share_button.text() == "Invite another laptop...")
    assert card.share_button.accessibleName() == "Invite another laptop to Tuesday group"
    link.shared = []
    home.refresh()
    qtbot.waitUntil(lambda: card.share_button.text() == "Share this group...")


def test_a_removed_laptop_is_not_offered_to_invite(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    link.shared = [_status(removed_here=True)]
    panel = SyncPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(panel.box_for("g-1").laptops_button.isVisible)
    assert not panel.box_for("g-1").invite_button.isVisible()


def test_the_panel_without_shared_groups_offers_to_join(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    panel = SyncPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    assert panel.boxes == [] and not panel.sync_button.isVisible()
    assert panel.join_button.isVisible() and "join one" in panel.status_label.text()


def test_conflicts_side_by_side_keep_one(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    link.conflict_list = [
        Conflict(
            "c-1",
            "Robin",
            "phone",
            (
                Version(
                    "0700 999 888",
                    "Sam's laptop",
                    datetime(2026, 11, 24, 17, 2, tzinfo=UTC),
                    in_use=True,
                ),
                Version(
                    "0700 111 222",
                    "",
                    datetime(2026, 11, 20, 9, 15, tzinfo=UTC),
                    this_laptop=True,
                ),
            ),
        )
    ]
    dialog = ConflictsDialog(services, _status(conflicts=1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert link.calls == [("load conflicts", "g-1")]
    values = [w.text() for w in dialog.findChildren(QLabel, "conflictValue")]
    assert values == ["0700 999 888", "0700 111 222"]
    # Which laptop made each edit, and when, under each value.
    laptops = [w.text() for w in dialog.findChildren(QLabel, "conflictLaptop")]
    assert laptops == ["Edited on Sam's laptop", "Edited on this laptop"]
    times = [w.text() for w in dialog.findChildren(QLabel, "conflictTime")]
    sams = when_text(datetime(2026, 11, 24, 17, 2, tzinfo=UTC), NOW)
    mine = when_text(datetime(2026, 11, 20, 9, 15, tzinfo=UTC), NOW)
    assert times == [f"today at {sams}", f"on {mine}"]
    assert "20 Nov" in mine  # another day: the date too
    in_use = [w.text() for w in dialog.findChildren(QLabel, "conflictInUse")]
    assert in_use == ["In use now", "Not in use"]
    first, second = dialog.keep_buttons[0]
    # Side by side: same row, the second to the right of the first.
    assert first.y() == second.y() and second.x() > first.x()
    assert "0700 111 222" in second.accessibleName() and "Robin" in second.accessibleName()
    assert second.accessibleDescription() == f"Edited on this laptop, on {mine}"
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # the keyboard reaches the other side
    assert QApplication.focusWidget() is second
    qtbot.mouseClick(second, Qt.MouseButton.LeftButton)
    assert link.calls[1:] == [("resolve", "g-1", "c-1", 1), ("load conflicts", "g-1")]
    assert dialog.empty_label.isVisible() and dialog.keep_buttons == []
    assert dialog.empty_label.text() == "Nothing to settle."
    dialog.reject()  # closing (or a lock) forgets the values
    assert link.calls[-1] == ("forget conflicts",)
    assert dialog.findChildren(QLabel, "conflictValue") == []


def test_conflicts_in_spanish_say_which_laptop_and_when(qtbot, qapp, services, link) -> None:  # type: ignore[no-untyped-def]
    from ui_fit import appearance

    link.conflict_list = [
        Conflict(
            "c-1",
            "Robin",
            "phone",
            (
                Version(
                    "1", "Sam's laptop", datetime(2026, 11, 24, 17, 2, tzinfo=UTC), in_use=True
                ),
                Version("2", "", datetime(2026, 11, 20, 9, 15, tzinfo=UTC), this_laptop=True),
            ),
        )
    ]
    with appearance(qapp, "es", 1.0, "calm"):
        dialog = ConflictsDialog(services, _status(conflicts=1))
        qtbot.addWidget(dialog)
        laptops = [w.text() for w in dialog.findChildren(QLabel, "conflictLaptop")]
        times = [w.text() for w in dialog.findChildren(QLabel, "conflictTime")]
        in_use = [w.text() for w in dialog.findChildren(QLabel, "conflictInUse")]
        dialog.reject()
    assert laptops == ["Editado en Sam's laptop", "Editado en este portátil"]
    assert times[0].startswith("hoy a las ") and times[1].startswith("el ")
    assert "nov" in times[1]
    assert in_use == ["En uso ahora", "Sin usar"]


def test_conflicts_closed_before_the_worker_answers_keep_nothing(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    answers: list[Any] = []

    def later(group_uuid, on_done, on_error) -> bool:  # type: ignore[no-untyped-def]
        answers.append(on_done)
        return True

    link.load_conflicts = later  # type: ignore[method-assign]
    link.conflict_list = [
        Conflict("c-1", "Robin", "phone", (Version("1", "Sam's laptop", None, in_use=True),))
    ]
    dialog = ConflictsDialog(services, _status(conflicts=1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty_label.text() == "Reading the edits to settle..."
    dialog.reject()
    answers[0](list(link.conflict_list))  # the worker's answer, after closing
    assert dialog.findChildren(QLabel, "conflictValue") == []
    assert link.calls[-1] == ("forget conflicts",)


def test_removing_a_laptop_says_what_it_keeps(qtbot, services, link, boxes) -> None:  # type: ignore[no-untyped-def]
    dialog = LaptopsDialog(services, _status())
    qtbot.addWidget(dialog)
    dialog.show()
    assert set(dialog.remove_buttons) == {"sam"}  # never this laptop
    boxes.answer = False
    qtbot.mouseClick(dialog.remove_buttons["sam"], Qt.MouseButton.LeftButton)
    assert link.calls == []
    text = boxes.seen[0][2]
    assert "Sam's laptop" in text and "stays on it" in text and "nothing new" in text
    boxes.answer = True
    qtbot.mouseClick(dialog.remove_buttons["sam"], Qt.MouseButton.LeftButton)
    assert link.calls == [("remove", "g-1", "sam")]


# -- auto-sync ------------------------------------------------------------------------
def test_auto_sync_after_an_operation_and_a_folder_change_not_after_lock(  # type: ignore[no-untyped-def]
    qtbot, services, link, tmp_path
) -> None:
    shared = tmp_path / "Sync"
    (shared / "group" / "laptop").mkdir(parents=True)
    link.shared = [_status(folder=str(shared))]
    auto = AutoSync(services, after_op_ms=20, after_folder_ms=20, periodic_ms=60_000)
    auto.start()
    assert link.syncs == 1  # once on unlock
    assert str(shared / "group" / "laptop") in auto.watcher.directories()
    # A burst of operations is one sync.
    for name in ("Ana", "Ben", "Cy"):
        services.ops.run(ops.members.add(fields={"display_name": name}))
    qtbot.waitUntil(lambda: link.syncs == 2)
    qtbot.wait(60)
    assert link.syncs == 2
    # Operations that change nothing shared (settings) are no reason to sync.
    services.ops.run(ops.settings.set_value(key="backup_reminder_days", value=10))
    qtbot.wait(60)
    assert link.syncs == 2
    # A file arriving in a laptop's folder (Syncthing, a USB stick).
    (shared / "group" / "laptop" / "000002.gkops").write_bytes(b"x")
    qtbot.waitUntil(lambda: link.syncs == 3, timeout=5000)
    auto.stop()
    assert auto.watcher.directories() == []
    services.ops.run(ops.members.add(fields={"display_name": "Dee"}))
    (shared / "group" / "laptop" / "000003.gkops").write_bytes(b"x")
    qtbot.wait(100)
    assert link.syncs == 3


def test_auto_sync_after_wellbeing_answers(qtbot, services, link, group) -> None:  # type: ignore[no-untyped-def]
    """Wellbeing answers travel to the other laptops, so recording them is worth a sync,
    like a check-in (the kinds that travel are declared once, ``ops.sync.SHARED_KINDS``;
    auto-sync had its own list, without wellbeing)."""
    from groupkeeper.ops.sync import SHARED_KINDS

    assert ops.Kind.WELLBEING in SHARED_KINDS
    services.ops.run(ops.groups.update(group_id=group.id, fields={"wellbeing_scale": "who5"}))
    meeting = services.ops.run(
        ops.meetings.start(group_id=group.id, date="2026-11-24", crisis_resources="Line 0800")
    ).value
    link.shared = [_status(group_id=group.id)]
    auto = AutoSync(services, after_op_ms=20, after_folder_ms=20, periodic_ms=60_000)
    auto.start()
    assert link.syncs == 1  # once on unlock
    services.ops.run(
        ops.meetings.record_wellbeing(meeting_id=meeting.id, pseudonym=None, answers=[3] * 5)
    )
    qtbot.waitUntil(lambda: link.syncs == 2)
    auto.stop()


def test_auto_sync_falls_back_to_a_slow_timer(qtbot, services, link, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Watchers miss changes on some network and USB file systems: the timer catches up.
    link.shared = [_status(folder=str(tmp_path))]
    auto = AutoSync(services, after_op_ms=10_000, after_folder_ms=10_000, periodic_ms=40)
    auto.start()
    qtbot.waitUntil(lambda: link.syncs >= 3)
    auto.stop()
    done = link.syncs
    qtbot.wait(120)
    assert link.syncs == done


def test_auto_sync_runs_again_after_a_lock_that_dropped_its_sync(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    # The worker drops the answer of a sync running when the vault locks: no callback.
    link.shared = [_status()]
    dropped: list[object] = []
    auto = AutoSync(services, after_op_ms=10, after_folder_ms=10, periodic_ms=60_000)
    real_sync = link.sync_now
    link.sync_now = lambda on_done, on_error: dropped.append(on_done) or True  # type: ignore[method-assign]
    auto.start()
    assert auto.running and len(dropped) == 1
    auto.stop()
    link.sync_now = real_sync  # type: ignore[method-assign]
    auto.start()  # after the next unlock
    assert link.syncs == 1 and not auto.running


def test_auto_sync_does_nothing_without_shared_groups(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    auto = AutoSync(services, after_op_ms=10, after_folder_ms=10, periodic_ms=10)
    auto.start()
    services.ops.run(ops.members.add(fields={"display_name": "Ana"}))
    qtbot.wait(50)
    assert link.syncs == 0
    auto.stop()


# -- fit and Spanish -------------------------------------------------------------------
def _dialogs(services: Services, group: Any, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    share = ShareGroupDialog(services, group)
    yield "share: choose", share
    (tmp_path / "fit").mkdir(exist_ok=True)
    share.folder.set_path(tmp_path / "fit")
    share._on_folder_edited(str(tmp_path / "fit"))
    share._on_share_button_clicked()
    yield "share: code", share
    yield "share: invite one more laptop", ShareGroupDialog(services, group, None, tmp_path / "fit")
    yield "join", JoinGroupDialog(services)
    conflict = Conflict(
        "c-1",
        "Robin",
        "emergency_contact",
        (
            Version("Alex, 0700 111 222", "Maria's laptop", NOW),
            Version("Alex (brother), 0700 999 888", "Sam's laptop", NOW),
        ),
    )
    fake = sync_link.for_services(services)
    fake.conflict_list = [conflict]  # type: ignore[attr-defined]
    yield "conflicts", ConflictsDialog(services, _status(conflicts=1))
    yield "laptops", LaptopsDialog(services, _status())
    fake.shared = [  # type: ignore[attr-defined]
        _status(refused=(RefusedFile("g-1/zzz/000001.gkops", "bad-signature"),), conflicts=1)
    ]
    panel = SyncPanel(services)
    panel.refresh()
    panel.resize(1000, 400)
    yield "panel", panel


@pytest.mark.parametrize(("lang", "scale"), [("es", 2.0), ("en", 2.0), ("es", 1.0)])
def test_the_dialogs_fit_at_200_percent_in_spanish(  # type: ignore[no-untyped-def]
    qtbot, qapp, services, link, group, tmp_path, lang, scale
) -> None:
    from ui_fit import appearance, fit_problems

    problems: list[str] = []
    with appearance(qapp, lang, scale, "calm"):
        for name, widget in _dialogs(services, group, tmp_path):
            qtbot.addWidget(widget)
            widget.show()
            qtbot.waitExposed(widget)
            QApplication.processEvents()
            problems += [f"{name}: {p}" for p in fit_problems(widget)]
            problems += [f"{name}: {p}" for p in _clashing_mnemonics(widget)]
            english = _english_left(widget) if lang == "es" else []
            problems += [f"{name}: English left: {t}" for t in english]
            widget.hide()
    assert problems == [], "\n".join(problems)


def _clashing_mnemonics(widget: QWidget) -> list[str]:
    """Alt letters used twice among the visible labels and buttons of one dialog."""
    import re

    seen: dict[str, str] = {}
    clashes = []
    for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton):
        if not w.isVisible():
            continue
        found = re.search(r"&([^&\s])", w.text().replace("&&", ""))
        if found:
            letter = found.group(1).lower()
            if letter in seen:
                clashes.append(f"Alt+{letter}: {seen[letter]!r} and {w.text()!r}")
            seen[letter] = w.text()
    return clashes


_NOT_WORDS = {"Robin", "Maria's laptop", "Sam's laptop", "Tuesday group", "OK"}


def _english_left(widget: QWidget) -> list[str]:
    """Texts of visible labels and buttons still in English (none should be)."""
    english = QCoreApplication.translate("sync", "never")  # sanity: translations loaded
    assert english == "nunca"
    left = []
    for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton):
        text = w.text()
        if not w.isVisible() or not text or any(ch.isdigit() for ch in text):
            continue
        if text in _NOT_WORDS or text.startswith(("/", "Alex")):
            continue
        if any(word in text for word in (" the ", "Choose", "Share", "Join", "Keep")):
            left.append(text)
    return left


def test_every_control_is_named_and_reached_by_tab(qtbot, services, link, group, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from test_accessibility import _interactive, _label

    problems: list[str] = []
    checked = 0
    for name, top in _dialogs(services, group, tmp_path):
        qtbot.addWidget(top)
        top.show()
        qtbot.waitExposed(top)
        QApplication.processEvents()
        for w in _interactive(top):
            if not w.isVisible():
                continue
            checked += 1
            if not w.accessibleName().strip():
                problems.append(f"{name}: {_label(w)} has no accessible name")
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
                problems.append(f"{name}: {_label(w)} cannot be reached by Tab")
        top.hide()
    assert checked >= 20
    assert problems == [], "\n".join(problems)


def test_lock_closes_a_dialog_showing_the_code(qtbot, services, link, group, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.sync_status import close_dialogs

    dialog = ShareGroupDialog(services, group)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.set_path(tmp_path)
    dialog._on_folder_edited(str(tmp_path))
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    assert dialog.code_view.label.text()
    dialog.busy = True  # even while waiting for the worker
    close_dialogs()  # what the main window does on lock
    assert not dialog.isVisible()
    assert dialog.code == "" and dialog.code_view.label.text() == ""


def test_statuses_arriving_after_the_panel_was_deleted_are_dropped(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    """The worker's answer can come back after Home (and its sync panel) went: CI once
    failed a teardown with 'Internal C++ object already deleted' from show_statuses. The
    worker drops answers for a deleted screen (no guard in the panel)."""
    import shiboken6

    from groupkeeper.ui import worker

    panel = SyncPanel(services)
    panel.refresh()  # the real link: a read in the worker
    assert panel.loading and worker.busy()
    shiboken6.delete(panel)  # Home goes before the answer is delivered
    assert worker.wait_idle()  # delivered and dropped: nothing raised


def test_conflicts_of_a_group_no_longer_shared_say_so(qtbot, services, link) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.sync.service import NotShared

    def gone(group_uuid, on_done, on_error) -> bool:  # type: ignore[no-untyped-def]
        raise NotShared()

    link.load_conflicts = gone  # type: ignore[method-assign]
    dialog = ConflictsDialog(services, _status(conflicts=1))
    qtbot.addWidget(dialog)
    assert dialog.empty_label.text().startswith("This group is not shared any more.")
    assert not dialog.loading and dialog.keep_buttons == []

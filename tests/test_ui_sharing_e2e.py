"""Co-facilitation end to end: two windows, two vaults, one plain shared folder (pytest-qt).

Maria's window shares "Tuesday group" from its card on Home (folder typed, Share clicked,
the code read off the screen); Sam's window, on its own new vault, joins with "Join a
shared group..." (invitation, folder, the code typed with spaces). The regulars arrive on
Sam's laptop. Maria starts tonight's meeting and checks in Maya and Ali by typing in
the runner; the meeting appears on Sam's Home by itself (auto-sync: Maria's operations
write, Sam's folder watcher reads); Sam resumes it and checks in Dee and Kim. Both
vaults end with the same four people present. No Syncthing: the folder is a plain
folder both windows see (a USB stick, in effect). Then Maria locks: her auto-sync stops.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from groupkeeper import ops
from groupkeeper.model import Member
from groupkeeper.settings import Settings
from groupkeeper.ui import messages, worker
from groupkeeper.ui.main_window import MainWindow
from groupkeeper.ui.services import Services
from groupkeeper.ui.share_dialogs import INVITATION_NAME, JoinGroupDialog, ShareGroupDialog

PASSPHRASE = "kettle river purple bicycle"
REGULARS = ("Maya", "Ali", "Dee", "Kim")
WAIT = 30_000  # generous: two background syncs on a loaded 2-core machine


@pytest.fixture
def boxes() -> Iterator[list[tuple[str, str]]]:
    seen: list[tuple[str, str]] = []

    def respond(kind: str, _title: str, text: str) -> bool:
        seen.append((kind, text))
        return True

    messages.set_test_responder(respond)
    yield seen
    messages.set_test_responder(None)


def _window(qtbot: Any, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.finish_start()
    window._on_unlocked()  # the vault was opened by the test's set-up
    # Quicker than the app's defaults, so the test does not idle.
    window.auto_sync._after_op_ms = 200
    window.auto_sync._after_folder_ms = 300
    return window


def _activate(qtbot: Any, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _when_modal(act: Callable[[QWidget], None]) -> list[BaseException]:
    """Run ``act(dialog)`` once the next modal dialog is up (``exec`` blocks the test)."""
    errors: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)
            dialog.close()

    QTimer.singleShot(0, poll)
    return errors


def _present(services: Services, meeting_id: int) -> set[str]:
    store = services.store
    names = {m.pseudonym: m.display_name for m in store.members.all()}
    return {names.get(p, p) for p in store.meetings.present(meeting_id)}


def _check_in_by_typing(qtbot: Any, window: MainWindow, names: tuple[str, ...]) -> None:
    runner = window.runner
    assert runner is not None
    _activate(qtbot, window)
    runner.focus_main()
    for name in names:
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClicks(focus, name.lower())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_share_join_and_a_meeting_split_across_two_laptops(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, boxes
) -> None:
    shared = tmp_path / "shared"  # what Syncthing or a USB stick would be
    shared.mkdir()
    maria = Services(Settings(tmp_path / "maria.json"), tmp_path / "maria")
    maria.create_vault(tmp_path / "maria", PASSPHRASE)
    group = maria.ops.run(
        ops.groups.add(
            fields={"name": "Tuesday group", "crisis_resources": "Crisis line 0800 000 000"}
        )
    ).value
    maria.store.members.add_many([Member(n, group_ids=[group.id]) for n in REGULARS])
    sam = Services(Settings(tmp_path / "sam.json"), tmp_path / "sam")
    sam.create_vault(tmp_path / "sam", "another passphrase for sam")
    try:
        _run_evening(qtbot, tmp_path, shared, maria, sam, group, boxes)
    finally:
        worker.wait_idle()
        for services in (maria, sam):
            if services.is_unlocked:
                services.lock()


def _run_evening(qtbot, tmp_path, shared, maria, sam, group, boxes) -> None:  # type: ignore[no-untyped-def]
    a = _window(qtbot, maria)
    b = _window(qtbot, sam)

    # -- Maria shares the group from its card on Home ---------------------------------
    _activate(qtbot, a)
    code: list[str] = []

    def share(dialog: QWidget) -> None:
        assert isinstance(dialog, ShareGroupDialog)
        qtbot.keyClicks(dialog.folder.edit, str(shared))
        qtbot.keyClicks(dialog.laptop_name, "Maria's laptop")
        qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
        code.append(dialog.code_view.code())
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)

    errors = _when_modal(share)
    qtbot.mouseClick(a.home.card_for(group.id).share_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert len(code) == 1 and len(code[0].replace("-", "")) == 20
    invitation = shared / INVITATION_NAME
    assert invitation.is_file()
    assert code[0].replace("-", "").encode() not in invitation.read_bytes()
    qtbot.waitUntil(lambda: len(a.home.sync_panel.boxes) == 1, timeout=WAIT)

    # -- Sam joins on his own vault ----------------------------------------------------
    _activate(qtbot, b)
    spaced = " ".join(code[0].split("-"))

    def join_wrong_then_right(dialog: QWidget) -> None:
        assert isinstance(dialog, JoinGroupDialog)
        qtbot.keyClicks(dialog.invitation.edit, str(invitation))
        qtbot.keyClicks(dialog.folder.edit, str(shared))
        wrong = ("1" if spaced[0] != "1" else "2") + spaced[1:]
        qtbot.keyClicks(dialog.code_entry, wrong)
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT)
        assert "does not open this invitation" in dialog.error_label.text()
        assert sam.store.groups.all() == []  # a wrong code changed nothing
        dialog.code_entry.clear()
        qtbot.keyClicks(dialog.code_entry, spaced)
        qtbot.keyClicks(dialog.laptop_name, "Sam's laptop")
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)

    errors = _when_modal(join_wrong_then_right)
    qtbot.mouseClick(b.home.sync_panel.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(sam.store.groups.all()), timeout=WAIT)
    worker.wait_idle()
    assert errors == []
    assert any("Tuesday group" in text for kind, text in boxes if kind == "info")
    sam_group = sam.store.groups.all()[0]
    assert sam_group.name == "Tuesday group"
    qtbot.waitUntil(
        lambda: {m.display_name for m in sam.store.members.all(sam_group.id)} == set(REGULARS),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: bool(b.home.cards), timeout=WAIT)
    assert b.home.card_for(sam_group.id).group.name == "Tuesday group"

    # -- Tonight's meeting, split across both laptops ----------------------------------
    _activate(qtbot, a)
    qtbot.mouseClick(a.home.card_for(group.id).start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: a.runner is not None)
    meeting_a = a.runner.meeting_id
    _check_in_by_typing(qtbot, a, ("Maya", "Ali"))
    assert _present(maria, meeting_a) == {"Maya", "Ali"}

    # The meeting reaches Sam's Home by itself; he resumes it there.
    def sam_meeting() -> int | None:
        found = sam.store.meetings.open_meeting(sam_group.id)
        return int(found.id) if found else None

    qtbot.waitUntil(lambda: sam_meeting() is not None, timeout=WAIT)
    meeting_b = sam_meeting()
    assert meeting_b is not None
    qtbot.waitUntil(
        lambda: bool(b.home.cards) and b.home.card_for(sam_group.id).open_meeting_id == meeting_b,
        timeout=WAIT,
    )
    _activate(qtbot, b)
    qtbot.mouseClick(b.home.card_for(sam_group.id).start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: b.runner is not None)
    _check_in_by_typing(qtbot, b, ("Dee", "Kim"))

    everyone = {"Maya", "Ali", "Dee", "Kim"}
    qtbot.waitUntil(lambda: _present(sam, meeting_b) == everyone, timeout=WAIT)
    qtbot.waitUntil(lambda: _present(maria, meeting_a) == everyone, timeout=WAIT)
    # Both runners show all four in "Who is here" (the sync reloads the list).
    for window in (a, b):
        here = window.runner.segment_widget.here
        qtbot.waitUntil(lambda h=here: h.count() == 4, timeout=WAIT)

    # Joining again with the same invitation: said plainly, nothing changes.
    _activate(qtbot, b)
    b.show_home()

    def join_again(dialog: QWidget) -> None:
        assert isinstance(dialog, JoinGroupDialog)
        qtbot.keyClicks(dialog.invitation.edit, str(invitation))
        qtbot.keyClicks(dialog.folder.edit, str(shared))
        qtbot.keyClicks(dialog.code_entry, spaced)
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT)
        assert "shared already" in dialog.error_label.text()
        dialog.reject()

    errors = _when_modal(join_again)
    qtbot.mouseClick(b.home.sync_panel.join_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert len(sam.store.groups.all()) == 1

    # Home's status on Maria's laptop: shared with one other laptop, nothing refused.
    worker.wait_idle()
    a.show_home()
    panel = a.home.sync_panel
    qtbot.waitUntil(lambda: not panel.loading and bool(panel.boxes), timeout=WAIT)
    box = panel.boxes[0]
    assert "1 other laptop" in box.summary.text()
    assert box.warning_labels == []
    # And on Sam's: who made the last change, by the name Maria gave her laptop.
    b.show_home()
    panel = b.home.sync_panel
    qtbot.waitUntil(lambda: not panel.loading and bool(panel.boxes), timeout=WAIT)
    assert "last change from Maria's laptop," in panel.boxes[0].summary.text()

    # -- Both change Maya's phone before either sees the other's: a conflict ----------
    def maya(services: Services) -> int:
        return next(
            int(m.id or 0) for m in services.store.members.all() if m.display_name == "Maya"
        )

    worker.wait_idle()
    # In one go, so neither laptop syncs in between (each captures its own edit first).
    maria.ops.run(ops.members.update(member_id=maya(maria), fields={"phone": "0700 111 222"}))
    sam.ops.run(ops.members.update(member_id=maya(sam), fields={"phone": "0700 999 888"}))

    def conflicts_shown(window: MainWindow) -> bool:
        boxes = window.home.sync_panel.boxes
        return bool(boxes) and boxes[0].status.conflicts == 1

    for window in (a, b):
        window.show_home()
    qtbot.waitUntil(lambda: conflicts_shown(a) and conflicts_shown(b), timeout=WAIT)
    _activate(qtbot, a)
    kept: list[str] = []

    def keep_sams(dialog: QWidget) -> None:
        from groupkeeper.ui.sync_status import ConflictsDialog

        assert isinstance(dialog, ConflictsDialog)
        qtbot.waitUntil(lambda: bool(dialog.keep_buttons), timeout=WAIT)  # read in the worker
        values = [w.text() for w in dialog.findChildren(QLabel, "conflictValue")]
        assert sorted(values) == ["0700 111 222", "0700 999 888"]  # side by side
        # Each side says which laptop made it (Maria's own edit: "this laptop") and when.
        laptops = [w.text() for w in dialog.findChildren(QLabel, "conflictLaptop")]
        by_value = dict(zip(values, laptops, strict=True))
        assert by_value == {
            "0700 111 222": "Edited on this laptop",
            "0700 999 888": "Edited on Sam's laptop",
        }
        times = [w.text() for w in dialog.findChildren(QLabel, "conflictTime")]
        assert all(t.startswith(("today at ", "on ")) for t in times), times
        row = dialog.keep_buttons[0]
        index = values.index("0700 999 888")
        kept.append(values[index])
        qtbot.mouseClick(row[index], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.empty_label.isVisible, timeout=WAIT)
        dialog.reject()

    errors = _when_modal(keep_sams)
    box = a.home.sync_panel.boxes[0]
    qtbot.waitUntil(box.conflicts_button.isVisible)
    qtbot.mouseClick(box.conflicts_button, Qt.MouseButton.LeftButton)
    assert errors == [] and kept == ["0700 999 888"]
    for services in (maria, sam):
        qtbot.waitUntil(
            lambda s=services: s.store.members.get(maya(s)).phone == "0700 999 888",
            timeout=WAIT,
        )
    qtbot.waitUntil(lambda: not conflicts_shown(a) and not conflicts_shown(b), timeout=WAIT)

    # -- Maria removes Sam's laptop: what he sends from now on is refused -------------
    worker.wait_idle()
    a.show_home()
    panel = a.home.sync_panel
    qtbot.waitUntil(lambda: not panel.loading and bool(panel.boxes), timeout=WAIT)
    _activate(qtbot, a)

    def remove_sam(dialog: QWidget) -> None:
        from groupkeeper.ui.sync_status import LaptopsDialog

        assert isinstance(dialog, LaptopsDialog)
        (device,) = dialog.remove_buttons
        button = dialog.remove_buttons[device]
        assert "Sam" in button.accessibleName()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: button.text() == "Removed", timeout=WAIT)
        dialog.reject()

    errors = _when_modal(remove_sam)
    qtbot.mouseClick(panel.boxes[0].laptops_button, Qt.MouseButton.LeftButton)
    assert errors == []
    confirm = next(text for kind, text in boxes if kind == "confirm" and "Remove" in text)
    assert "stays on it" in confirm
    worker.wait_idle()
    sam.ops.run(ops.attendance.undo(meeting_id=meeting_b, pseudonym=_pseudonym(sam, "Kim")))

    def refused_shown() -> bool:
        boxes_now = a.home.sync_panel.boxes
        return bool(boxes_now) and any(
            "removed from the group" in w.text() for w in boxes_now[0].warning_labels
        )

    qtbot.waitUntil(refused_shown, timeout=WAIT)
    assert "Kim" in _present(maria, meeting_a)  # nothing taken from the refused file
    # And Sam's Home says his laptop was removed (what it has stays on it).
    b.show_home()

    def removed_shown() -> bool:
        boxes_now = b.home.sync_panel.boxes
        return bool(boxes_now) and any(
            "removed this one" in w.text() for w in boxes_now[0].warning_labels
        )

    qtbot.waitUntil(removed_shown, timeout=WAIT)

    # -- Lock stops the background sync -------------------------------------------------
    a.lock()
    assert a.auto_sync.stopped and a.auto_sync.watcher.directories() == []
    runs = a.auto_sync.runs
    sam.ops.run(ops.members.update(member_id=maya(sam), fields={"phone": "0700 000 000"}))
    qtbot.wait(800)
    worker.wait_idle()
    assert a.auto_sync.runs == runs


def _pseudonym(services: Services, name: str) -> str:
    return next(m.pseudonym for m in services.store.members.all() if m.display_name == name)


def test_a_meeting_discarded_on_the_other_laptop_while_open_here(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, boxes
) -> None:
    """Maria has tonight's meeting open; Sam discards it on his laptop. When the discard
    arrives, Maria's runner closes with a plain message instead of failing on a meeting
    that is gone (a check-in there hit a foreign-key error, the rail a KeyError)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    maria = Services(Settings(tmp_path / "maria.json"), tmp_path / "maria")
    maria.create_vault(tmp_path / "maria", PASSPHRASE)
    sam = Services(Settings(tmp_path / "sam.json"), tmp_path / "sam")
    sam.create_vault(tmp_path / "sam", "another passphrase for sam")
    try:
        group = maria.ops.run(
            ops.groups.add(fields={"name": "Tuesday group", "crisis_resources": "Line 0800"})
        ).value
        maria.store.members.add_many([Member(n, group_ids=[group.id]) for n in REGULARS])
        invitation = tmp_path / "invite.gkinvite"
        shared_by = maria.ops.run(
            ops.sync.share(group_id=group.id, folder=str(shared), invitation=str(invitation))
        ).value
        sam.ops.run(
            ops.sync.join(invitation=str(invitation), code=shared_by.code, folder=str(shared))
        )
        a = _window(qtbot, maria)
        qtbot.mouseClick(a.home.card_for(group.id).start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: a.runner is not None)
        meeting_id = a.runner.meeting_id
        _check_in_by_typing(qtbot, a, ("Maya",))
        worker.wait_idle()
        maria.ops.run(ops.sync.sync_now())
        sam.ops.run(ops.sync.sync_now())
        sams = sam.store.meetings.open_meeting(sam.store.groups.all()[0].id)
        assert sams is not None
        sam.ops.run(ops.meetings.discard(meeting_id=int(sams.id or 0)))
        sam.ops.run(ops.sync.sync_now())

        maria.ops.run(ops.sync.sync_now())  # what auto-sync does when the folder changes
        qtbot.waitUntil(lambda: a.runner is None, timeout=WAIT)
        assert a.stack.currentWidget() is a.home
        assert any("discarded on another laptop" in text for kind, text in boxes if kind == "info")
        assert not maria.store.meetings.exists(meeting_id)
        # Maria can start again from Home.
        qtbot.waitUntil(lambda: bool(a.home.cards), timeout=WAIT)
        qtbot.mouseClick(a.home.card_for(group.id).start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: a.runner is not None)
        _check_in_by_typing(qtbot, a, ("Ali",))
        assert _present(maria, a.runner.meeting_id) == {"Ali"}
    finally:
        worker.wait_idle()
        for services in (maria, sam):
            if services.is_unlocked:
                services.lock()

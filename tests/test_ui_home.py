"""Home: next meeting date, start/resume, past meeting, backup, crisis-resources prompt."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog

from groupkeeper.meeting_rules import planned_next_meeting as next_meeting_date
from groupkeeper.model import Group
from groupkeeper.settings import Settings
from groupkeeper.ui import messages, worker
from groupkeeper.ui.home import CrisisPrompt, HomeScreen
from groupkeeper.ui.services import Services

PASS = "kettle river purple bicycle"
NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)  # a Tuesday


@pytest.fixture(autouse=True)
def _responder():  # type: ignore[no-untyped-def]
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


@pytest.fixture
def services(tmp_path: Path):  # type: ignore[no-untyped-def]
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault", now=lambda: NOW)
    svc.create_vault(svc.vault_dir, PASS)
    yield svc
    svc.lock()


def add_group(services, **kw) -> Group:  # type: ignore[no-untyped-def]
    values = {"name": "Tuesday Circle", "meeting_day": "Thursday", "crisis_resources": "Line 1"}
    values.update(kw)
    return services.store.groups.add(Group(**values))


def test_next_meeting_date() -> None:
    today = date(2026, 11, 24)  # Tuesday
    group = Group(name="g", meeting_day="Thursday")
    assert next_meeting_date(group, "", today) == date(2026, 11, 26)
    assert next_meeting_date(Group(name="g", meeting_day="Tuesday"), "", today) == today
    assert next_meeting_date(group, "2026-12-01", today) == date(2026, 12, 1)
    assert next_meeting_date(group, "2026-11-01", today) == date(2026, 11, 26)  # past plan
    assert next_meeting_date(Group(name="g"), "", today) is None


def test_start_then_resume(qtbot, services) -> None:
    group = add_group(services)
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.refresh()
    card = home.card_for(group.id)
    assert "Thursday 26 November 2026" in card.next_label.text()
    with qtbot.waitSignal(home.start_meeting) as blocker:
        qtbot.keyClick(card.start_button, Qt.Key.Key_Space)
    meeting = services.store.meetings.get(blocker.args[0])
    assert meeting.group_id == group.id and meeting.date == "2026-11-24"
    home.refresh()
    card = home.card_for(group.id)
    assert card.start_button.text() == "Resume meeting"
    assert not card.past_button.isEnabled()
    with qtbot.waitSignal(home.resume_meeting) as blocker:
        qtbot.keyClick(card.start_button, Qt.Key.Key_Space)
    assert blocker.args == [meeting.id]


def test_enter_past_meeting(qtbot, services) -> None:
    group = add_group(services)
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.refresh()
    with qtbot.waitSignal(home.start_meeting) as blocker:
        home.enter_past_meeting(group.id, date(2026, 11, 17))
    meeting = services.store.meetings.get(blocker.args[0])
    assert meeting.entered_after and meeting.date == "2026-11-17"


def test_backup_now(qtbot, services, tmp_path: Path) -> None:
    add_group(services)
    services.store.settings.set("backup_reminder_days", 7)
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.refresh()
    assert "No backup yet" in home.backup_label.text()
    assert home.backup_label.property("backupState") == "due"
    services.store.settings.set("backup_dir", str(tmp_path / "usb"))
    qtbot.keyClick(home.backup_button, Qt.Key.Key_Space)
    assert worker.wait_idle()
    assert list((tmp_path / "usb").glob("*.gkbackup"))
    assert services.store.settings.get("last_backup_at").startswith("2026-11-24")
    assert "today" in home.backup_label.text()
    assert home.backup_label.property("backupState") == "ok"
    services.store.settings.set("last_backup_at", "2026-11-10T10:00:00+00:00")
    home.refresh()
    assert "14 day" in home.backup_label.text()  # "day(s)" until an English .qm ships
    assert home.backup_label.property("backupState") == "due"


def _answer_crisis_dialog(home: HomeScreen, action: str, text: str = "") -> None:
    def act() -> None:
        dialog = home.crisis_dialog
        assert isinstance(dialog, CrisisPrompt)
        if action == "later":
            assert dialog.later_button is not None
            dialog.later_button.click()
        elif action == "save":
            dialog.resources.setPlainText(text)
            dialog.save_button.click()
        else:
            assert dialog.later_button is None  # offered only once
            dialog.reject()

    QTimer.singleShot(0, act)


def test_crisis_resources_prompt_and_one_time_remind_later(qtbot, services) -> None:
    group = add_group(services, crisis_resources="")
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.refresh()

    _answer_crisis_dialog(home, "later")
    first = home.start_for(group.id)
    assert first is not None
    assert services.store.groups.get(group.id).crisis_reminder_used
    services.store.meetings.end(first)

    _answer_crisis_dialog(home, "cancel")  # no "remind me later" the second time
    assert home.start_for(group.id) is None
    assert services.store.meetings.open_meeting(group.id) is None

    _answer_crisis_dialog(home, "save", "Crisis line 0800 000 000")
    assert home.start_for(group.id) is not None
    assert services.store.groups.get(group.id).crisis_resources == "Crisis line 0800 000 000"


def test_no_prompt_when_resources_exist(qtbot, services) -> None:
    group = add_group(services)
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.refresh()
    assert home.start_for(group.id) is not None
    assert home.crisis_dialog is None
    assert QDialog is not None


def test_discard_a_meeting_started_by_mistake_and_second_meeting_warning(  # type: ignore[no-untyped-def]
    qtbot, services, message_boxes
) -> None:
    from groupkeeper.model import Member

    group = add_group(services, meeting_day="Tuesday", meeting_time="19:00")
    maya = services.store.members.add(Member("Maya", group_ids=[group.id]))
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.show()
    home.refresh()
    card = home.card_for(group.id)
    assert card.next_label.text() == "Next meeting: Tuesday 24 November 2026 at 19:00"
    assert card.discard_button.isHidden()  # nothing open: nothing to discard
    with qtbot.waitSignal(home.start_meeting) as blocker:
        qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    meeting_id = blocker.args[0]

    # Started by mistake, nothing recorded: it goes without a question
    home.refresh()
    card = home.card_for(group.id)
    assert not card.discard_button.isHidden() and card.past_button.isHidden()
    asked = len(message_boxes.seen)
    with qtbot.waitSignal(home.meeting_discarded) as gone:
        qtbot.mouseClick(card.discard_button, Qt.MouseButton.LeftButton)
    assert gone.args == [meeting_id] and len(message_boxes.seen) == asked
    assert services.store.meetings.open_meeting(group.id) is None
    card = home.card_for(group.id)
    assert card.start_button.text() == "Start meeting"

    # With records: the confirmation lists what goes; Cancel keeps everything
    with qtbot.waitSignal(home.start_meeting) as blocker:
        qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    meeting_id = blocker.args[0]
    services.store.meetings.check_in(meeting_id, maya.pseudonym)
    services.store.meetings.change_walk_ins(meeting_id, 1)
    services.store.safety.add_note(meeting_id, "Call R")
    home.refresh()
    message_boxes.answer = False
    qtbot.mouseClick(home.card_for(group.id).discard_button, Qt.MouseButton.LeftButton)
    kind, title, text = message_boxes.seen[-1]
    assert (kind, title) == ("confirm", "Discard the meeting")
    assert "1 person" in text and "checked in" in text and "1 walk-in" in text
    assert "1 private safety note" in text and "cannot be undone" in text
    assert services.store.meetings.get(meeting_id).id == meeting_id  # kept
    message_boxes.answer = True
    qtbot.mouseClick(home.card_for(group.id).discard_button, Qt.MouseButton.LeftButton)
    with pytest.raises(KeyError):
        services.store.meetings.get(meeting_id)
    assert services.store.safety.notes(meeting_id) == []

    # A meeting held today already: a second one asks first
    held = services.store.meetings.start(group.id, "2026-11-24")
    services.store.meetings.end(held.id)
    home.refresh()
    message_boxes.answer = False
    qtbot.mouseClick(home.card_for(group.id).start_button, Qt.MouseButton.LeftButton)
    kind, title, text = message_boxes.seen[-1]
    assert title == "A second meeting?" and "Tuesday Circle already had a meeting today" in text
    assert services.store.meetings.open_meeting(group.id) is None
    message_boxes.answer = True
    with qtbot.waitSignal(home.start_meeting):
        qtbot.mouseClick(home.card_for(group.id).start_button, Qt.MouseButton.LeftButton)
    assert len(services.store.meetings.on_date(group.id, "2026-11-24")) == 2
    # entering a past meeting on a day that has one asks too
    services.store.meetings.end(services.store.meetings.open_meeting(group.id).id)
    last_week = services.store.meetings.start(group.id, "2026-11-17")
    services.store.meetings.end(last_week.id)
    message_boxes.answer = False
    assert home.enter_past_meeting(group.id, date(2026, 11, 17)) is None
    assert "already has a meeting on Tuesday 17 November 2026" in message_boxes.seen[-1][2]


def test_safety_notes_read_back_from_home_outside_a_meeting(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    group = add_group(services)
    other = add_group(services, name="Other group")
    first = services.store.meetings.start(group.id, "2026-11-10")
    services.store.safety.add_note(first.id, "R was upset; call on Monday")
    services.store.meetings.end(first.id)
    second = services.store.meetings.start(group.id, "2026-11-17")
    services.store.safety.add_note(second.id, "Spoke with J's sister")
    services.store.meetings.end(second.id)
    elsewhere = services.store.meetings.start(other.id, "2026-11-17")
    services.store.safety.add_note(elsewhere.id, "Not this group's note")
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.show()
    home.refresh()
    qtbot.mouseClick(home.card_for(group.id).notes_button, Qt.MouseButton.LeftButton)
    dialog = home.notes_dialog
    assert dialog is not None and dialog.isVisible()
    lines = [dialog.saved_notes.item(i).text() for i in range(dialog.saved_notes.count())]
    assert len(lines) == 2
    assert lines[0].endswith("Spoke with J's sister")  # newest first
    assert lines[1].endswith("R was upset; call on Monday")
    assert not any("Not this group's note" in line for line in lines)
    home.clear_personal_data()  # what a lock does: the notes leave the screen
    assert home.notes_dialog is None


def test_home_counts_members_and_updates_its_cards_in_place(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper import ops
    from groupkeeper.model import Member

    group = add_group(services)
    other = add_group(services, name="Wednesday Walk")
    store = services.store
    for name, groups in (("Ana", [group.id]), ("Bo", [group.id, other.id]), ("Cy", [other.id])):
        store.members.add(Member(display_name=name, group_ids=groups))
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.show()  # the first showing loads it
    card = home.card_for(group.id)
    assert card.members_label.text() == "2 active member(s)"
    assert home.card_for(other.id).members_label.text() == "2 active member(s)"
    bo = next(m for m in store.members.all() if m.display_name == "Bo")
    services.ops.run(ops.members.set_active(member_id=bo.id, active=False))
    qtbot.waitUntil(lambda: card.members_label.text() == "1 active member(s)")
    assert home.card_for(group.id) is card  # the same card, its labels updated
    services.ops.run(ops.meetings.start(group_id=group.id, date="2026-11-24"))
    qtbot.waitUntil(lambda: card.start_button.text() == "Resume meeting")
    assert card.discard_button.isVisibleTo(card) and not card.past_button.isVisibleTo(card)
    # A write that did not come through an operation is seen when Home is shown again.
    home.hide()
    store.members.add(Member(display_name="Di", group_ids=[other.id]))
    home.reloader.flush()
    assert home.card_for(other.id).members_label.text() == "2 active member(s)"


def test_a_saved_safety_note_can_be_corrected_in_the_vault(  # type: ignore[no-untyped-def]
    qtbot, services, message_boxes
) -> None:
    group = add_group(services)
    held = services.store.meetings.start(group.id, "2026-11-10")
    services.store.safety.add_note(held.id, "R was upset; call on Munday")
    services.store.safety.add_note(held.id, "Second note")
    services.store.meetings.end(held.id)
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.show()
    home.refresh()
    qtbot.mouseClick(home.card_for(group.id).notes_button, Qt.MouseButton.LeftButton)
    dialog = home.notes_dialog
    assert dialog is not None and not dialog.edit_button.isEnabled()  # nothing selected
    dialog.saved_notes.setCurrentRow(1)  # the older note (newest first)
    assert dialog.edit_button.isEnabled()
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert editor is not None and editor.edit.toPlainText() == "R was upset; call on Munday"

    # Typing, then Cancel: asked first; "keep editing" keeps the editor and the words.
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, "R was upset; call on Monday")
    message_boxes.queue = ["keep"]
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert message_boxes.kinds[-1] == "unsaved" and dialog.editor is editor
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert dialog.editor is None
    texts = [n.text for n in services.store.safety.for_group(group.id)]
    assert texts == ["Second note", "R was upset; call on Monday"]  # corrected, same place
    assert dialog.saved_notes.item(1).text().endswith("call on Monday")

    # An empty correction is refused with a message; the note stays as it was.
    dialog.saved_notes.setCurrentRow(0)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    dialog.editor.edit.clear()
    qtbot.mouseClick(dialog.editor.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.kinds[-1] == "error" and dialog.editor is not None
    # A correction being typed when the vault locks is saved, then the screen emptied.
    qtbot.keyClicks(dialog.editor.edit, "Second note, corrected")
    home.clear_personal_data()
    assert home.notes_dialog is None
    texts = [n.text for n in services.store.safety.for_group(group.id)]
    assert texts == ["Second note, corrected", "R was upset; call on Monday"]

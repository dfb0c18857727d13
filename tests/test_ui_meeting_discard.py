"""Discard a meeting started by mistake from the meeting runner itself (not only Home):
at once when nothing is recorded, after a confirmation listing what goes otherwise."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).parent))
from ui_screens import TODAY, make_services  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from groupkeeper.ui.main_window import MainWindow

    services = make_services(tmp_path / "demo")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.finish_start()
    window._on_unlocked()
    yield window
    if window.runner is not None:
        window.runner.clear_personal_data()
    services.lock()


def _start(window) -> int:  # type: ignore[no-untyped-def]
    store = window.services.store
    group = store.groups.all()[0]
    meeting = store.meetings.start(int(group.id), TODAY.isoformat())
    window.open_meeting(int(meeting.id))
    assert window.runner is not None and window.stack.currentWidget() is window.runner
    return int(meeting.id)


def test_an_empty_meeting_goes_at_once(qtbot, window, message_boxes) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _start(window)
    runner = window.runner
    assert runner.discard_button.isVisible() and runner.discard_button.isEnabled()
    with qtbot.waitSignal(runner.discarded) as gone:
        qtbot.mouseClick(runner.discard_button, Qt.MouseButton.LeftButton)
    assert gone.args == [meeting_id] and message_boxes.seen == []
    with pytest.raises(KeyError):
        window.services.store.meetings.get(meeting_id)
    assert window.runner is None and window.stack.currentWidget() is window.home


def test_a_meeting_with_records_asks_and_lists_them(qtbot, window, message_boxes) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _start(window)
    runner = window.runner
    store = window.services.store
    maya = store.members.all()[0]
    search = runner.segment_widget.panel.search
    qtbot.keyClicks(search, maya.display_name)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.mouseClick(runner.segment_widget.walk_plus, Qt.MouseButton.LeftButton)
    assert [a.pseudonym for a in store.meetings.attendance(meeting_id)] == [maya.pseudonym]

    message_boxes.answer = False  # Cancel keeps everything
    qtbot.mouseClick(runner.discard_button, Qt.MouseButton.LeftButton)
    kind, title, text = message_boxes.seen[-1]
    assert (kind, title) == ("confirm", "Discard the meeting")
    assert "1 person" in text and "checked in" in text and "1 walk-in" in text
    assert "cannot be undone" in text
    assert store.meetings.get(meeting_id).walk_ins == 1
    assert window.runner is runner and window.stack.currentWidget() is runner

    message_boxes.answer = True
    with qtbot.waitSignal(runner.discarded):
        qtbot.mouseClick(runner.discard_button, Qt.MouseButton.LeftButton)
    with pytest.raises(KeyError):
        store.meetings.get(meeting_id)
    assert store.members.get(maya.id) is not None  # the member stays on the roster
    assert window.runner is None and window.stack.currentWidget() is window.home
    card = window.home.card_for(store.groups.all()[0].id)
    assert card.discard_button.isHidden()  # Home knows: nothing open any more


def test_a_closed_meeting_cannot_be_discarded(qtbot, window, message_boxes) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _start(window)
    runner = window.runner
    runner.session.end(None)
    runner._update_chrome()
    assert not runner.discard_button.isEnabled()
    assert runner.discard_meeting() is False
    assert window.services.store.meetings.get(meeting_id).id == meeting_id

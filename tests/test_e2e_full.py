"""The facilitator's evening end to end, by keyboard alone, through the real main window.

From an empty home folder: first run (default folder, passphrase twice, recovery key kept,
first group from a template) -> Home -> Start meeting (the crisis-resources prompt is
answered) -> the whole meeting (the key presses of ``test_ui_meeting_e2e``) -> Ctrl+L ->
unlock by typing the passphrase -> every record read back through the Store.

Also through the real runner (no stand-ins): closing the window mid-meeting and a lock
during the meeting both come back to the same segment with the same data.

Set-up that is not "driving" (the regulars and last week's goals) goes through the Store,
exactly as ``run_meeting_by_keyboard`` does; everything else is key presses sent to the
widget that has focus, and the test asserts where focus is before each press.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from test_ui_meeting_e2e import check_meeting_records, seed_roster
from test_ui_unlock_lock import all_text

from groupkeeper.model import Group, MoodRound
from groupkeeper.settings import Settings
from groupkeeper.ui import messages, worker
from groupkeeper.ui.main_window import MainWindow
from groupkeeper.ui.services import Services

PASSPHRASE = "kettle river purple bicycle"
CRISIS = "Crisis line 0800 111 222. Emergency: City Hospital, Ward Road."
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
# Tuesday 24 November 2026, midday UTC: the same calendar day in every time zone the
# tests run in, so "today" (the meeting date) is 2026-11-24 and next week 2026-12-01.
TUESDAY_NOON = datetime(2026, 11, 24, 12, 0, tzinfo=UTC).timestamp()


class Clock:
    """Wall clock for timers and records; the test moves it."""

    def __init__(self) -> None:
        self.t = TUESDAY_NOON

    def __call__(self) -> float:
        return self.t

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.t, UTC)


@pytest.fixture(autouse=True)
def _answers():  # type: ignore[no-untyped-def]
    """Every confirmation ("End the meeting now?") is answered yes."""
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _services(clock: Clock) -> Services:
    # No vault folder given: the default one under the (test-redirected) home folder.
    return Services(Settings(), clock=clock, now=clock.now)


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(_focus(), text)


def _key(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(_focus(), key, modifier)


def _mnemonic(qtbot, key: Qt.Key, until: Callable[[], bool]) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter: the button animates its click (~100 ms), so wait for the effect."""
    qtbot.keyClick(_focus(), key, ALT)
    qtbot.waitUntil(until)


def _tab_to(qtbot, target: QWidget, limit: int = 40) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until ``target`` has focus (fails if it is not in the tab chain)."""
    for _ in range(limit):
        if _focus() is target:
            return
        _key(qtbot, Qt.Key.Key_Tab)
    assert _focus() is target, f"Tab never reached {target.objectName() or target}"


def _when_modal(qtbot, act: Callable[[QWidget], None]) -> list[BaseException]:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` once the next modal dialog is up and active (exec() blocks).

    A failing ``act`` closes the dialog, so the test fails instead of hanging.
    """
    errors: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)
            dialog.close()

    QTimer.singleShot(0, poll)
    return errors


def _show(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _reactivate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A desktop's window manager re-activates the window when a dialog closes; the
    offscreen platform does not, so the test does its part."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _unlock_by_typing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The passphrase field has focus on the (meeting) lock screen; type and press Enter."""
    if not window.isActiveWindow():
        # Offscreen only: dropping the screens on lock (they become parentless for a
        # moment) can leave no active window where a desktop keeps ours active.
        _reactivate(qtbot, window)
    screen = window.stack.currentWidget()
    qtbot.waitUntil(lambda: screen.form.field.edit.hasFocus())
    _type(qtbot, PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Return)
    assert worker.wait_idle()
    assert window.services.is_unlocked


def _skip_tour(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The first-unlock tour panel (if this build has one): skip it by keyboard."""
    tour = getattr(window, "tour", None)
    if tour is None:
        return
    qtbot.waitUntil(tour.isVisible)  # a layout shows a new child on the next event loop
    _tab_to(qtbot, tour.skip_button)
    _key(qtbot, Qt.Key.Key_Space)
    assert window.tour is None


def _first_run(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    services = window.services
    screen = window.first_run
    assert screen is not None and window.stack.currentWidget() is screen
    assert _focus() is screen.start_button
    _key(qtbot, Qt.Key.Key_Space)
    # The default folder is offered and kept.
    assert _focus() is screen.folder_next
    assert screen.folder_label.text() == str(services.settings.vault_dir)
    _key(qtbot, Qt.Key.Key_Space)
    assert _focus() is screen.new_passphrase.first.edit
    _type(qtbot, PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Tab)
    _tab_to(qtbot, screen.new_passphrase.second.edit)
    _type(qtbot, PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 3, timeout=30000)
    assert screen.key_label.text()
    assert _focus() is screen.kept
    _key(qtbot, Qt.Key.Key_Space)
    _tab_to(qtbot, screen.recovery_next)
    _key(qtbot, Qt.Key.Key_Space)
    editor = screen.group_editor
    assert _focus() is editor.name
    _type(qtbot, "Tuesday Circle")
    _tab_to(qtbot, editor.day)
    _key(qtbot, Qt.Key.Key_Down)  # Monday -> Tuesday
    assert editor.template.currentData() == "weekly"
    assert "right to pass" in editor.agreements.toPlainText()
    _tab_to(qtbot, screen.group_done)  # crisis resources left empty: asked at the start
    _key(qtbot, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.home
    _skip_tour(qtbot, window)


def _start_meeting_answering_crisis_prompt(qtbot, window: MainWindow) -> int:  # type: ignore[no-untyped-def]
    _key(qtbot, Qt.Key.Key_1, CTRL)  # Home again (the roster was seeded meanwhile)
    home = window.home
    card = home.cards[0]
    assert _focus() is card.start_button  # the next step has focus
    assert card.start_button.text() == "Start meeting"

    def answer(dialog: QWidget) -> None:
        assert dialog is home.crisis_dialog
        assert _focus() is dialog.resources
        _type(qtbot, CRISIS)
        _tab_to(qtbot, dialog.save_button)
        _key(qtbot, Qt.Key.Key_Space)

    errors = _when_modal(qtbot, answer)
    _tab_to(qtbot, card.start_button)
    with qtbot.waitSignal(home.start_meeting) as started:
        _key(qtbot, Qt.Key.Key_Space)
    assert errors == []
    _reactivate(qtbot, window)
    meeting_id = int(started.args[0])
    assert window.runner is not None and window.runner.meeting_id == meeting_id
    assert window.stack.currentWidget() is window.runner
    return meeting_id


def _meeting(qtbot, window: MainWindow, meeting_id: int) -> None:  # type: ignore[no-untyped-def]
    """The key presses of ``run_meeting_by_keyboard``, inside the main window."""
    runner = window.runner
    session = runner.session
    meetings = window.services.store.meetings
    title = runner.header.segment_label.text
    # 1 Check-in: focus starts in the search box, with no click.
    assert _focus() is runner.segment_widget.panel.search
    for name in ("may", "ali", "sam", "dee"):
        _type(qtbot, name)
        _key(qtbot, Qt.Key.Key_Return)
    _type(qtbot, "Zed")
    _mnemonic(qtbot, Qt.Key.Key_H, lambda: len(session.present()) == 5)  # New here
    _type(qtbot, "kim")
    _mnemonic(qtbot, Qt.Key.Key_O, lambda: len(session.attendance()) == 6)  # apologies
    _mnemonic(qtbot, Qt.Key.Key_W, lambda: meetings.get(meeting_id).walk_ins == 1)
    # 2 Agreements, 3 Mood round (Maya 4 "hopeful", Ali passes, Sam 3, Dee 5, Zed 2)
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert title() == "Welcome and agreements"
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert title() == "Mood check"
    qtbot.keyClick(_focus(), Qt.Key.Key_W, ALT)  # feeling word for Maya
    _type(qtbot, "hopeful")
    _key(qtbot, Qt.Key.Key_Return)
    for key in (Qt.Key.Key_4, Qt.Key.Key_P, Qt.Key.Key_3, Qt.Key.Key_5, Qt.Key.Key_2):
        _key(qtbot, key)
    assert len(session.moods(MoodRound.OPENING)) == 5
    # 4 Goals review: Maya done, Ali not yet
    _key(qtbot, Qt.Key.Key_Right, CTRL)
    assert title() == "Last week's goals"
    _key(qtbot, Qt.Key.Key_D)
    _key(qtbot, Qt.Key.Key_N)
    # 5 Skill share: one from the library, one new
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert title() == "Coping-skill share"
    _type(qtbot, "box brea")
    _key(qtbot, Qt.Key.Key_Return)
    _type(qtbot, "Humming a song")
    _mnemonic(qtbot, Qt.Key.Key_N, lambda: len(session.shares()) == 2)
    # 6 Goal setting
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert title() == "Goal setting"
    _type(qtbot, "Walk three mornings")
    _key(qtbot, Qt.Key.Key_Return)
    _type(qtbot, "Phone my sister on Sunday")
    _key(qtbot, Qt.Key.Key_Return)
    # 7 Closing round, then end (Ctrl+Enter on the last segment) and the summary
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert title() == "Closing"
    for key in (Qt.Key.Key_4, Qt.Key.Key_4, Qt.Key.Key_P, Qt.Key.Key_5, Qt.Key.Key_3):
        _key(qtbot, key)
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert runner.summary_dialog is not None
    qtbot.waitUntil(runner.summary_dialog.isVisible)
    with qtbot.waitSignal(runner.ended):
        qtbot.keyClick(runner.summary_dialog, Qt.Key.Key_Return)
    _reactivate(qtbot, window)


def test_first_run_to_meeting_to_lock_by_keyboard(qtbot, clock: Clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services = _services(clock)
    assert not services.vault_exists()
    assert not Path(services.vault_dir).exists()  # an empty home folder
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        _show(qtbot, window)
        _first_run(qtbot, window)
        group = services.store.groups.all()[0]
        assert (group.name, group.meeting_day, group.crisis_resources) == (
            "Tuesday Circle",
            "Tuesday",
            "",
        )
        seed_roster(services, int(group.id or 0))
        meeting_id = _start_meeting_answering_crisis_prompt(qtbot, window)
        assert services.store.groups.get(int(group.id or 0)).crisis_resources == CRISIS
        _meeting(qtbot, window, meeting_id)
        assert window.runner is None and window.stack.currentWidget() is window.home
        assert window.home.cards[0].start_button.text() == "Start meeting"
        # Lock by keyboard: nothing personal left on screen; unlock by typing.
        _key(qtbot, Qt.Key.Key_L, CTRL)
        assert not services.is_unlocked
        QApplication.processEvents()
        text = all_text(window)
        assert all(name not in text for name in ("Maya", "Zed", "Tuesday Circle"))
        _unlock_by_typing(qtbot, window)
        assert window.stack.currentWidget() is window.home
        check_meeting_records(services, meeting_id)
        assert services.store.groups.get(int(group.id or 0)).crisis_resources == CRISIS
    finally:
        window.close()
        services.lock()


def _vault_with_group(services: Services) -> int:
    services.create_vault(Path(services.vault_dir), PASSPHRASE)
    group = services.store.groups.add(
        Group(name="Tuesday Circle", meeting_day="Tuesday", crisis_resources=CRISIS)
    )
    seed_roster(services, int(group.id or 0))
    services.lock()
    return int(group.id or 0)


def _open_and_start(qtbot, services: Services, group_id: int) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services)
    qtbot.addWidget(window)
    _show(qtbot, window)
    _unlock_by_typing(qtbot, window)
    _skip_tour(qtbot, window)
    card = window.home.card_for(group_id)
    _tab_to(qtbot, card.start_button)
    with qtbot.waitSignal(window.home.start_meeting):
        _key(qtbot, Qt.Key.Key_Space)  # crisis resources are filled in: no prompt
    return window


def _check_in_and_score(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Maya and Sam present, on to the mood round, Maya scores 4: stops mid-round."""
    session = window.runner.session
    for name in ("may", "sam"):
        _type(qtbot, name)
        _key(qtbot, Qt.Key.Key_Return)
    assert len(session.present()) == 2
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert window.runner.header.segment_label.text() == "Mood check"
    _key(qtbot, Qt.Key.Key_4)
    assert len(session.moods(MoodRound.OPENING)) == 1


def _assert_back_in_mood_round(window: MainWindow, meeting_id: int) -> None:
    runner = window.runner
    assert runner is not None and runner.meeting_id == meeting_id
    assert window.stack.currentWidget() is runner
    assert runner.header.segment_label.text() == "Mood check"
    people = runner.session.present()
    assert sorted(p.name for p in people) == ["Maya", "Sam"]
    names = {p.pseudonym: p.name for p in people}
    moods = runner.session.moods(MoodRound.OPENING)
    assert {names[k]: m.score for k, m in moods.items()} == {"Maya": 4}
    # The round goes on with the next person, not Maya again.
    assert runner.segment_widget.name_label.text() == "Sam"


def test_close_mid_meeting_then_resume_same_segment(qtbot, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    services = _services(clock)
    group_id = _vault_with_group(services)
    window = _open_and_start(qtbot, services, group_id)
    meeting_id = window.runner.meeting_id
    _check_in_and_score(qtbot, window)
    window.close()  # e.g. the laptop battery: the meeting is not ended
    assert not services.is_unlocked

    clock.t += 300
    second = MainWindow(services)
    qtbot.addWidget(second)
    try:
        _show(qtbot, second)
        _unlock_by_typing(qtbot, second)
        card = second.home.card_for(group_id)
        assert card.open_meeting_id == meeting_id
        assert card.start_button.text() == "Resume meeting"
        _tab_to(qtbot, card.start_button)
        _key(qtbot, Qt.Key.Key_Space)
        _assert_back_in_mood_round(second, meeting_id)
        assert "Resumed" in second.runner.notice.text()
        _key(qtbot, Qt.Key.Key_P)  # keys work at once: Sam passes
        moods = second.runner.session.moods(MoodRound.OPENING)
        assert len(moods) == 2 and sum(m.passed for m in moods.values()) == 1
    finally:
        second.close()
        services.lock()


def test_lock_during_meeting_rebuilds_runner_on_unlock(qtbot, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    services = _services(clock)
    group_id = _vault_with_group(services)
    window = _open_and_start(qtbot, services, group_id)
    try:
        meeting_id = window.runner.meeting_id
        _check_in_and_score(qtbot, window)
        old_runner = window.runner
        _key(qtbot, Qt.Key.Key_L, CTRL)
        assert not services.is_unlocked
        assert window.stack.currentWidget() is window.lock_screen
        QApplication.processEvents()
        text = all_text(window)
        assert "Mood check" in text  # the agenda stays on screen
        assert all(name not in text for name in ("Maya", "Sam", "Tuesday Circle"))
        _unlock_by_typing(qtbot, window)
        # A fresh runner over the newly opened store (the old one was cleared and dropped).
        assert window.runner is not old_runner
        _assert_back_in_mood_round(window, meeting_id)
        assert window.runner.session.store is services.store
        _key(qtbot, Qt.Key.Key_5)  # and it records into the unlocked vault
        assert len(services.store.moods.for_meeting(meeting_id, MoodRound.OPENING)) == 2
    finally:
        window.close()
        services.lock()

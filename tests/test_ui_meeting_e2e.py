"""End to end: a whole meeting driven by the keyboard alone through the runner, then the
vault is closed and reopened and every record is checked.

``run_meeting_by_keyboard(qtbot, services, group_id)`` is reusable: the lead's full e2e
(first run -> meeting) calls it after creating the group through the UI. It seeds the
roster and last week's goals through the store (set-up, not driving), then uses only key
presses sent to whatever widget has focus.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from groupkeeper.model import AttendanceStatus, GoalOutcome, Group, Member, MoodRound
from groupkeeper.settings import Settings
from groupkeeper.ui import messages
from groupkeeper.ui.meeting.runner import MeetingRunner
from groupkeeper.ui.services import Services

PASSPHRASE = "correct horse battery staple"
REGULARS = ["Maya", "Ali", "Sam", "Dee", "Kim"]
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _focus():  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(_focus(), text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(_focus(), key, modifier)


def _mnemonic(qtbot, key, until) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter: the button animates its click, so wait for the effect."""
    qtbot.keyClick(_focus(), key, ALT)
    qtbot.waitUntil(until)


def seed_roster(services: Services, group_id: int) -> None:
    """The regulars, and last week's closed meeting where Maya, Ali and Kim set goals."""
    store = services.store
    members = store.members.add_many([Member(n, group_ids=[group_id]) for n in REGULARS])
    by_name = {m.display_name: m.pseudonym for m in members}
    last = store.meetings.start(group_id, "2026-11-17")
    store.goals.set(by_name["Maya"], "Walk round the park twice", last.id)
    store.goals.set(by_name["Ali"], "Call my sister", last.id)
    store.goals.set(by_name["Kim"], "Sleep before midnight", last.id)  # Kim sends apologies
    store.meetings.end(last.id)


def run_meeting_by_keyboard(qtbot, services: Services, group_id: int) -> int:  # type: ignore[no-untyped-def]
    """Run tonight's meeting by keyboard alone; returns the meeting id (closed at the end).

    Six people: Maya, Ali, Sam, Dee by name, Zed new ("New here"), one anonymous walk-in.
    Kim sent apologies. Opening round with Ali passing, goals review (Maya done, Ali not
    yet), two skills (one from the library, one new), two goals, closing round, end.
    """
    seed_roster(services, group_id)
    meeting = services.store.meetings.start(group_id, "2026-11-24")
    runner = MeetingRunner(services, int(meeting.id))
    qtbot.addWidget(runner)
    runner.resize(1366, 768)
    runner.show()
    qtbot.waitExposed(runner)
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow)
    session = runner.session
    previous_responder = messages._responder
    messages.set_test_responder(lambda kind, title, text: True)
    try:
        # 1 Check-in: focus starts in the search box.
        for name in ("may", "ali", "sam", "dee"):
            _type(qtbot, name)
            _key(qtbot, Qt.Key.Key_Return)
        _type(qtbot, "Zed")
        _mnemonic(qtbot, Qt.Key.Key_H, lambda: len(session.present()) == 5)
        _type(qtbot, "kim")
        _mnemonic(qtbot, Qt.Key.Key_O, lambda: len(session.attendance()) == 6)
        meetings = services.store.meetings
        _mnemonic(qtbot, Qt.Key.Key_W, lambda: meetings.get(meeting.id).walk_ins == 1)
        # 2 Agreements, 3 Mood round
        _key(qtbot, Qt.Key.Key_Return, CTRL)
        assert runner.header.segment_label.text() == "Welcome and agreements"
        _key(qtbot, Qt.Key.Key_Return, CTRL)
        assert runner.header.segment_label.text() == "Mood check"
        qtbot.keyClick(_focus(), Qt.Key.Key_W, ALT)  # feeling word for Maya
        _type(qtbot, "hopeful")
        _key(qtbot, Qt.Key.Key_Return)
        for key in (Qt.Key.Key_4, Qt.Key.Key_P, Qt.Key.Key_3, Qt.Key.Key_5, Qt.Key.Key_2):
            _key(qtbot, key)
        # 4 Goals review: Maya done, Ali not yet
        _key(qtbot, Qt.Key.Key_Right, CTRL)
        assert runner.header.segment_label.text() == "Last week's goals"
        _key(qtbot, Qt.Key.Key_D)
        _key(qtbot, Qt.Key.Key_N)
        # 5 Skill share: one from the library, one new
        _key(qtbot, Qt.Key.Key_Return, CTRL)
        _type(qtbot, "box brea")
        _key(qtbot, Qt.Key.Key_Return)
        _type(qtbot, "Humming a song")
        _mnemonic(qtbot, Qt.Key.Key_N, lambda: len(session.shares()) == 2)
        # 6 Goal setting: Maya and Ali set goals; Enter moves to the next person
        _key(qtbot, Qt.Key.Key_Return, CTRL)
        assert runner.header.segment_label.text() == "Goal setting"
        _type(qtbot, "Walk three mornings")
        _key(qtbot, Qt.Key.Key_Return)
        _type(qtbot, "Phone my sister on Sunday")
        _key(qtbot, Qt.Key.Key_Return)
        # 7 Closing: closing round, then end (Ctrl+Enter on the last segment ends)
        _key(qtbot, Qt.Key.Key_Return, CTRL)
        assert runner.header.segment_label.text() == "Closing"
        for key in (Qt.Key.Key_4, Qt.Key.Key_4, Qt.Key.Key_P, Qt.Key.Key_5, Qt.Key.Key_3):
            _key(qtbot, key)
        _key(qtbot, Qt.Key.Key_Return, CTRL)
        assert runner.summary_dialog is not None
        with qtbot.waitSignal(runner.ended):
            qtbot.keyClick(runner.summary_dialog, Qt.Key.Key_Return)
    finally:
        messages.set_test_responder(previous_responder)
    runner.timer.stop()
    return int(meeting.id)


def check_meeting_records(services: Services, meeting_id: int) -> None:
    """Every record of the keyboard meeting, read back from the (reopened) vault."""
    store = services.store
    names = {m.pseudonym: m.display_name for m in store.members.all()}
    meeting = store.meetings.get(meeting_id)
    assert meeting.state.value == "closed"
    assert meeting.walk_ins == 1
    assert meeting.next_meeting_date == "2026-12-01"
    assert [row["visited"] for row in meeting.agenda] == [True] * 7
    attendance = {names[a.pseudonym]: a for a in store.meetings.attendance(meeting_id)}
    present = [n for n, a in attendance.items() if a.status is AttendanceStatus.PRESENT]
    assert sorted(present) == ["Ali", "Dee", "Maya", "Sam", "Zed"]
    assert attendance["Kim"].status is AttendanceStatus.APOLOGIES
    assert [n for n, a in attendance.items() if a.is_new] == ["Zed"]
    opening = {
        names[m.pseudonym]: m for m in store.moods.for_meeting(meeting_id, MoodRound.OPENING)
    }
    assert {n: m.score for n, m in opening.items()} == {
        "Maya": 4,
        "Ali": None,
        "Sam": 3,
        "Dee": 5,
        "Zed": 2,
    }
    assert opening["Ali"].passed and opening["Maya"].feeling_word == "hopeful"
    closing = {
        names[m.pseudonym]: m for m in store.moods.for_meeting(meeting_id, MoodRound.CLOSING)
    }
    assert {n: m.score for n, m in closing.items()} == {
        "Maya": 4,
        "Ali": 4,
        "Sam": None,
        "Dee": 5,
        "Zed": 3,
    }
    reviewed = {names[g.pseudonym]: g.outcome for g in store.goals.reviewed_in(meeting_id)}
    assert reviewed == {"Maya": GoalOutcome.DONE, "Ali": GoalOutcome.NOT_YET}
    kim_goal = [g for g in store.goals.for_pseudonym(attendance["Kim"].pseudonym)]
    assert kim_goal[0].outcome is None  # absent tonight: still open
    set_here = {names[g.pseudonym]: g.text for g in store.goals.set_in(meeting_id)}
    assert set_here == {"Maya": "Walk three mornings", "Ali": "Phone my sister on Sunday"}
    skills = {s.id: s for s in store.skills.skills()}
    shared = [skills[s.skill_id] for s in store.skills.shares(meeting_id)]
    assert [s.name for s in shared] == ["Box breathing", "Humming a song"]
    assert shared[0].builtin and not shared[1].builtin
    assert store.meetings.open_meeting() is None


def test_whole_meeting_by_keyboard_then_reopen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock_t = [1_795_000_000.0]
    services = Services(
        Settings(tmp_path / "settings.json"),
        tmp_path / "vault",
        clock=lambda: clock_t[0],
        now=lambda: datetime.fromtimestamp(clock_t[0], UTC),
    )
    services.create_vault(tmp_path / "vault", PASSPHRASE)
    try:
        group = services.store.groups.add(Group(name="Tuesday Circle", agreements="Be kind."))
        meeting_id = run_meeting_by_keyboard(qtbot, services, int(group.id))
        services.lock()
        services.unlock(PASSPHRASE)
        check_meeting_records(services, meeting_id)
    finally:
        if services.is_unlocked:
            services.lock()

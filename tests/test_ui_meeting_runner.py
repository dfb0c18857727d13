"""The meeting runner, widget by widget, against a real temporary vault (no storage mocks).

Shortcuts and keys are driven with qtbot; every check reads storage, not the widgets alone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
)

from groupkeeper.agenda import Segment, SegmentKind
from groupkeeper.model import (
    AttendanceStatus,
    GoalOutcome,
    Group,
    Member,
    MoodRound,
    MoodScale,
)
from groupkeeper.settings import Settings
from groupkeeper.ui import messages
from groupkeeper.ui.meeting.header import mmss, timer_cue
from groupkeeper.ui.meeting.runner import MeetingRunner
from groupkeeper.ui.services import Services

NAMES = ["Maya", "Ali", "Sam", "Dee", "Kim", "Jo", "Noor"]


class FakeClock:
    def __init__(self, t: float = 1_800_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(tmp_path: Path, clock: FakeClock):  # type: ignore[no-untyped-def]
    svc = Services(
        Settings(tmp_path / "settings.json"),
        tmp_path / "vault",
        clock=clock,
        now=lambda: datetime.fromtimestamp(clock.t, UTC),
    )
    svc.create_vault(tmp_path / "vault", "correct horse battery staple")
    yield svc
    if svc.is_unlocked:
        svc.lock()


@pytest.fixture(autouse=True)
def _answers_yes():  # type: ignore[no-untyped-def]
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


def seed_group(services: Services, **options: object) -> int:
    store = services.store
    group = store.groups.add(
        Group(
            name="Tuesday Circle",
            agreements="What is said here stays here.\nEveryone may pass.",
            crisis_resources="Crisis line: 0800 000 000",
            escalation_steps="1. Stay with the person. 2. Call the duty worker.",
            **options,  # type: ignore[arg-type]
        )
    )
    store.members.add_many([Member(n, group_ids=[group.id]) for n in NAMES])
    return int(group.id)


def start_meeting(services: Services, group_id: int, meeting_date: str = "2026-11-24") -> int:
    return int(services.store.meetings.start(group_id, meeting_date).id)


def pseudonym(services: Services, name: str) -> str:
    return next(m.pseudonym for m in services.store.members.all() if m.display_name == name)


def make_runner(qtbot, services: Services, meeting_id: int) -> MeetingRunner:  # type: ignore[no-untyped-def]
    runner = MeetingRunner(services, meeting_id)
    qtbot.addWidget(runner)
    runner.resize(1366, 768)
    runner.show()
    qtbot.waitExposed(runner)
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow)
    runner.segment_widget.focus_main()
    return runner


def alt(qtbot, widget, key, until) -> None:  # type: ignore[no-untyped-def]
    """Press an Alt+letter mnemonic; the button clicks itself a moment later (animateClick),
    so wait for what it should do."""
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(until)


def go_to_kind(runner: MeetingRunner, kind: SegmentKind) -> None:
    index = next(i for i, s in enumerate(runner.session.run.segments) if s.kind is kind)
    runner.go_to(index)


def check_in_by_typing(qtbot, runner: MeetingRunner, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    search = runner.segment_widget.panel.search
    for name in names:
        qtbot.keyClicks(search, name)
        qtbot.keyClick(search, Qt.Key.Key_Return)


def all_text(widget) -> str:  # type: ignore[no-untyped-def]
    """Every text a widget tree shows (labels, inputs, lists, tables)."""
    parts = []
    for w in [widget, *widget.findChildren(QLabel), *widget.findChildren(QLineEdit)]:
        if hasattr(w, "text"):
            parts.append(w.text())
    for lst in widget.findChildren(QListWidget):
        parts += [lst.item(i).text() for i in range(lst.count())]
    for table in widget.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                parts.append(item.text() if item else "")
    return "\n".join(parts)


# -- header and timer -------------------------------------------------------------------


def test_timer_states_with_fake_clock(qtbot, services, clock) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    timer = runner.header.timer_label
    assert timer.text() == "00:00 / 10:00"
    assert timer.property("timerState") == "ok"
    assert runner.header.cue_label.text() == "10 min left"
    clock.t += 8 * 60 + 5
    runner.tick()
    assert timer.property("timerState") == "near"
    assert timer.property("timerStatus") is None  # one property: timerState
    assert runner.header.cue_label.text() == "2 min left"
    clock.t += 5 * 60
    runner.tick()
    assert timer.property("timerState") == "over"
    assert runner.header.cue_label.text() == "Over by 3 min"
    # Over time reads "+03:05 over" (a sign and a word, not only a colour).
    assert timer.text() == "+03:05 over"
    qtbot.keyClick(
        runner,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert runner.session.run.paused
    assert services.store.meetings.get(runner.meeting_id).engine_state["paused"] is True
    clock.t += 600
    runner.tick()
    assert timer.text() == "+03:05 over"
    assert runner.header.cue_label.text().startswith("Paused")


def test_mmss_and_cues() -> None:
    from groupkeeper.meeting import TimerStatus

    assert mmss(75 * 60) == "75:00"
    assert mmss(-3) == "00:00"
    assert timer_cue(TimerStatus.NEAR_END, 30) == "Less than a minute left"
    assert timer_cue(TimerStatus.OVER, 0) == "Time is up"


# -- check-in ---------------------------------------------------------------------------


def test_check_in_type_enter_new_walk_in_apologies_undo(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    seg = runner.segment_widget
    assert QApplication.focusWidget() is seg.panel.search
    check_in_by_typing(qtbot, runner, ["may", "al"])
    assert [p.name for p in runner.session.present()] == ["Maya", "Ali"]
    assert runner.saved_label.text().startswith("Autosaved ")
    # New here (Alt+H) with just a display name
    qtbot.keyClicks(seg.panel.search, "Zed")
    assert seg.panel.matches.count() == 0
    alt(qtbot, seg.panel.search, Qt.Key.Key_H, lambda: len(runner.session.present()) == 3)
    zed = services.store.members.by_pseudonym(pseudonym(services, "Zed"))
    assert zed is not None and zed.group_ids == [runner.session.group.id]
    # Sent apologies (Alt+O)
    qtbot.keyClicks(seg.panel.search, "Kim")
    alt(qtbot, seg.panel.search, Qt.Key.Key_O, lambda: len(runner.session.attendance()) == 4)
    # walk-in (Alt+W) twice, minus once
    meetings = services.store.meetings
    alt(qtbot, seg, Qt.Key.Key_W, lambda: meetings.get(runner.meeting_id).walk_ins == 1)
    alt(qtbot, seg, Qt.Key.Key_W, lambda: meetings.get(runner.meeting_id).walk_ins == 2)
    qtbot.mouseClick(seg.walk_minus, Qt.MouseButton.LeftButton)
    att = {a.pseudonym: a for a in services.store.meetings.attendance(runner.meeting_id)}
    assert att[pseudonym(services, "Kim")].status is AttendanceStatus.APOLOGIES
    assert att[pseudonym(services, "Zed")].is_new
    assert services.store.meetings.get(runner.meeting_id).walk_ins == 1
    assert "Walk-ins (anonymous): 1" in seg.walk_label.text()
    assert "4 here, 1 new" in runner.rail.list.item(0).text()  # 3 members + 1 walk-in
    # undo Ali's check-in with Delete in the list (newest first: Kim, Zed, Ali, Maya)
    seg.here.setFocus()
    seg.here.setCurrentRow(2)
    qtbot.keyClick(seg.here, Qt.Key.Key_Delete)
    assert [p.name for p in runner.session.present()] == ["Maya", "Zed"]


def test_undo_check_in_takes_back_the_latest_without_selecting(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    seg = runner.segment_widget
    check_in_by_typing(qtbot, runner, ["may", "al", "sam", "dee", "kim", "jo", "noor"])
    # newest arrival first, and in view
    assert seg.here.item(0).text() == "Noor"
    assert [seg.here.item(i).text() for i in range(3)] == ["Noor", "Jo", "Kim"]
    top = seg.here.visualItemRect(seg.here.item(0))
    assert seg.here.viewport().rect().contains(top)
    assert "Noor" in seg.undo_button.toolTip()
    # nothing selected: Undo takes back the latest (Noor) and says so
    qtbot.mouseClick(seg.undo_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in runner.session.present()][-1] == "Jo"
    assert "Noor" not in [p.name for p in runner.session.present()]
    assert seg.panel.status.text() == "Took back the check-in of Noor."
    # again: Jo
    qtbot.mouseClick(seg.undo_button, Qt.MouseButton.LeftButton)
    assert seg.panel.status.text() == "Took back the check-in of Jo."
    assert len(runner.session.present()) == 5
    # a selected one is taken back instead of the latest
    row = next(i for i in range(seg.here.count()) if seg.here.item(i).text() == "Ali")
    qtbot.mouseClick(
        seg.here.viewport(),
        Qt.MouseButton.LeftButton,
        pos=seg.here.visualItemRect(seg.here.item(row)).center(),
    )
    assert "Ali" in seg.undo_button.toolTip()
    qtbot.mouseClick(seg.undo_button, Qt.MouseButton.LeftButton)
    assert seg.panel.status.text() == "Took back the check-in of Ali."
    assert [p.name for p in runner.session.present()] == ["Maya", "Sam", "Dee", "Kim"]
    # an apology taken back says so; a late arrival goes to the top
    qtbot.keyClicks(seg.panel.search, "Noor")
    alt(qtbot, seg.panel.search, Qt.Key.Key_O, lambda: seg.here.count() == 5)
    assert seg.here.item(0).text() == "Noor  - sent apologies"
    qtbot.mouseClick(seg.undo_button, Qt.MouseButton.LeftButton)
    assert seg.panel.status.text() == "Took back: Noor sent apologies."
    check_in_by_typing(qtbot, runner, ["ali"])
    assert seg.here.item(0).text() == "Ali"
    # undo with nobody left is harmless
    for _ in range(6):
        qtbot.mouseClick(seg.undo_button, Qt.MouseButton.LeftButton)
    assert runner.session.attendance() == []
    assert not seg.undo_button.isEnabled()


def test_check_in_finds_a_visitor_and_asks_between_equal_matches(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services)
    thursday = services.store.groups.add(Group(name="Thursday Circle"))
    services.store.members.add(Member("Rosa", group_ids=[thursday.id]))
    services.store.members.add(Member("Mark", group_ids=[gid]))
    runner = make_runner(qtbot, services, start_meeting(services, gid))
    seg = runner.segment_widget
    search, matches = seg.panel.search, seg.panel.matches
    # a regular of another group: offered, added to this group and marked present
    qtbot.keyClicks(search, "ros")
    offered = "Rosa \u2014 Thursday Circle: add to this group and mark present"
    assert matches.item(0).text() == offered
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert [p.name for p in runner.session.present()] == ["Rosa"]
    rosa = services.store.members.by_pseudonym(pseudonym(services, "Rosa"))
    assert sorted(rosa.group_ids) == sorted([gid, thursday.id])
    assert seg.panel.status.text() == "Rosa is here, and now in Tuesday Circle."
    assert len(services.store.members.all()) == len(NAMES) + 2  # nobody duplicated
    # "ma": Mark and Maya are equally good, so Enter asks instead of taking Mark
    qtbot.keyClicks(search, "ma")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert [p.name for p in runner.session.present()] == ["Rosa"]
    assert QApplication.focusWidget() is matches
    assert "More than one person matches" in seg.panel.status.text()
    qtbot.keyClick(matches, Qt.Key.Key_Down)
    qtbot.keyClick(matches, Qt.Key.Key_Return)
    assert [p.name for p in runner.session.present()] == ["Rosa", "Maya"]


def test_down_arrow_then_enter_picks_second_match(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services)
    services.store.members.add(Member("Mark", group_ids=[gid]))
    runner = make_runner(qtbot, services, start_meeting(services, gid))
    search = runner.segment_widget.panel.search
    qtbot.keyClicks(search, "ma")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    matches = runner.segment_widget.panel.matches
    qtbot.keyClick(matches, Qt.Key.Key_Down)
    qtbot.keyClick(matches, Qt.Key.Key_Return)
    assert [p.name for p in runner.session.present()] == ["Maya"]  # Mark, Maya sorted; 2nd


# -- arrivals, skip and reorder ----------------------------------------------------------


def test_arrival_in_later_segment_with_A_key(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    check_in_by_typing(qtbot, runner, ["maya"])
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    seg = runner.segment_widget
    assert seg.name_label.text() == "Maya"
    qtbot.keyClick(seg, Qt.Key.Key_A)
    dialog = runner.arrival_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.panel.search, "noor")
    qtbot.keyClick(dialog.panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: runner.arrival_dialog is None)
    assert [p.name for p in runner.session.present()] == ["Maya", "Noor"]
    assert "(1 of 2)" in runner.segment_widget.position_label.text()


def test_skip_and_reorder_from_the_rail(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    rail = runner.rail
    rail.list.setFocus()
    rail.list.setCurrentRow(1)  # agreements
    alt(qtbot, rail, Qt.Key.Key_K, lambda: runner.session.run.skipped == frozenset({1}))
    assert "skipped" in rail.list.item(1).text()
    rail.list.setCurrentRow(3)  # goals review
    qtbot.keyClick(rail.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    kinds = [s.kind for s in runner.session.run.segments]
    assert kinds[2] is SegmentKind.GOALS_REVIEW and kinds[3] is SegmentKind.MOOD_ROUND
    # next skips agreements and lands on goals review (moved up)
    qtbot.keyClick(runner, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert runner.session.run.current_segment.kind is SegmentKind.GOALS_REVIEW
    state = services.store.meetings.get(runner.meeting_id).engine_state
    assert state["current"] == 2
    # un-skip it again; Enter in the rail goes to the selected segment
    rail.list.setCurrentRow(1)
    alt(qtbot, rail, Qt.Key.Key_K, lambda: runner.session.run.skipped == frozenset())
    rail.list.setFocus()
    rail.list.setCurrentRow(1)
    qtbot.keyClick(rail.list, Qt.Key.Key_Return)
    assert runner.session.run.current == 1


# -- mood round ----------------------------------------------------------------------------


def test_mood_round_keys_pass_word_and_navigation(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    check_in_by_typing(qtbot, runner, ["maya", "ali", "sam"])
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    seg = runner.segment_widget
    assert seg.hasFocus()
    assert seg.position_label.text() == "(1 of 3)"
    # feeling word first (Alt+W), Enter returns to the round, then the score
    qtbot.keyClick(seg, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(seg.word.lineEdit(), "hopeful")
    qtbot.keyClick(seg.word.lineEdit(), Qt.Key.Key_Return)
    qtbot.keyClick(seg, Qt.Key.Key_4)
    assert seg.name_label.text() == "Ali"
    qtbot.keyClick(seg, Qt.Key.Key_P)
    assert seg.name_label.text() == "Sam"
    assert seg.done_label.text() == "Done: Maya 4 (hopeful), Ali pass"
    qtbot.keyClick(seg, Qt.Key.Key_9)  # off the 1-5 scale: ignored
    qtbot.keyClick(seg, Qt.Key.Key_Left)
    assert seg.name_label.text() == "Ali"
    qtbot.keyClick(seg, Qt.Key.Key_2)  # Ali changes from pass to 2
    moods = runner.session.moods(MoodRound.OPENING)
    assert moods[pseudonym(services, "Maya")].score == 4
    assert moods[pseudonym(services, "Maya")].feeling_word == "hopeful"
    assert moods[pseudonym(services, "Ali")].score == 2
    assert pseudonym(services, "Sam") not in moods
    assert "2 of 3 done" in runner.rail.list.item(2).text()


def test_mood_round_zero_to_ten_typing(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services, mood_scale=MoodScale.ELEVEN)
    runner = make_runner(qtbot, services, start_meeting(services, gid))
    check_in_by_typing(qtbot, runner, ["maya", "ali", "sam"])
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    seg = runner.segment_widget
    assert len(seg.score_buttons) == 11
    qtbot.keyClick(seg, Qt.Key.Key_1)
    qtbot.keyClick(seg, Qt.Key.Key_0)  # quickly: 10
    qtbot.keyClick(seg, Qt.Key.Key_1)
    qtbot.keyClick(seg, Qt.Key.Key_Return)  # a lone 1, taken at once
    qtbot.keyClick(seg, Qt.Key.Key_0)
    scores = {k: m.score for k, m in runner.session.moods(MoodRound.OPENING).items()}
    assert scores == {
        pseudonym(services, "Maya"): 10,
        pseudonym(services, "Ali"): 1,
        pseudonym(services, "Sam"): 0,
    }


def test_catch_up_grid(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    check_in_by_typing(qtbot, runner, ["maya", "ali"])
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    seg = runner.segment_widget
    qtbot.keyClick(seg, Qt.Key.Key_G)
    table = seg.grid.table
    assert table.hasFocus() and table.rowCount() == 2
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_5)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_P)
    assert table.item(1, 1).text() == "5" and table.item(0, 1).text() == "pass"
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert seg.hasFocus()
    moods = runner.session.moods(MoodRound.OPENING)
    assert moods[pseudonym(services, "Ali")].score == 5
    assert moods[pseudonym(services, "Maya")].passed


def test_tally_only_round_has_no_names(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(
        qtbot, services, start_meeting(services, seed_group(services, tally_only_moods=True))
    )
    check_in_by_typing(qtbot, runner, ["maya"])
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    seg = runner.segment_widget
    for key in (Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_5):
        qtbot.keyClick(seg, key)
    qtbot.keyClick(seg, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert runner.session.tally(MoodRound.OPENING)[3] == 2
    assert runner.session.tally(MoodRound.OPENING)[5] == 0
    rows = services.store.moods.for_meeting(runner.meeting_id)
    assert len(rows) == 2 and all(m.pseudonym is None for m in rows)
    assert "Maya" not in all_text(seg)


# -- goals, skills ---------------------------------------------------------------------------


def test_goals_review_keys_and_undo(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services)
    store = services.store
    last = store.meetings.start(gid, "2026-11-17")
    g1 = store.goals.set(pseudonym(services, "Maya"), "Walk twice", last.id)
    g2 = store.goals.set(pseudonym(services, "Ali"), "Call my sister", last.id)
    store.meetings.end(last.id)
    runner = make_runner(qtbot, services, start_meeting(services, gid))
    check_in_by_typing(qtbot, runner, ["maya", "ali"])
    go_to_kind(runner, SegmentKind.GOALS_REVIEW)
    table = runner.segment_widget.table
    assert table.hasFocus() and table.rowCount() == 2
    qtbot.keyClick(table, Qt.Key.Key_D)  # Maya done, moves to Ali
    qtbot.keyClick(table, Qt.Key.Key_3)  # Ali not yet
    assert store.goals.get(g1.id).outcome is GoalOutcome.DONE
    assert store.goals.get(g2.id).outcome is GoalOutcome.NOT_YET
    qtbot.keyClick(table, Qt.Key.Key_Backspace)
    assert store.goals.get(g2.id).outcome is None
    qtbot.keyClick(table, Qt.Key.Key_X)
    assert store.goals.get(g2.id).outcome is GoalOutcome.DROPPED


def test_skill_share_pick_add_remove(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    check_in_by_typing(qtbot, runner, ["sam"])
    go_to_kind(runner, SegmentKind.SKILL_SHARE)
    seg = runner.segment_widget
    first_skill = services.store.skills.skills()[0]
    qtbot.keyClicks(seg.search, first_skill.name[:6])
    seg.who.setCurrentIndex(1)  # Sam
    qtbot.keyClick(seg.search, Qt.Key.Key_Return)
    qtbot.keyClicks(seg.search, "Humming loudly")
    alt(qtbot, seg.search, Qt.Key.Key_N, lambda: len(runner.session.shares()) == 2)
    shares = services.store.skills.shares(runner.meeting_id)
    assert len(shares) == 2
    assert shares[0].pseudonym == pseudonym(services, "Sam")
    names = runner.session.skill_names()
    assert names[shares[1].skill_id] == "Humming loudly"
    seg.shared.setFocus()
    seg.shared.setCurrentRow(0)
    qtbot.keyClick(seg.shared, Qt.Key.Key_Delete)
    assert len(services.store.skills.shares(runner.meeting_id)) == 1


def test_goal_setting_enter_moves_on_and_remove(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    check_in_by_typing(qtbot, runner, ["maya", "ali"])
    go_to_kind(runner, SegmentKind.GOAL_SETTING)
    seg = runner.segment_widget
    assert seg.goal_box.hasFocus()
    assert "Small, specific" in seg.findChild(QLabel, "smartPrompt").text()
    qtbot.keyClicks(seg.goal_box, "Walk on two mornings")
    qtbot.keyClick(seg.goal_box, Qt.Key.Key_Return)
    assert seg.for_label.text() == "Goal for Ali:"
    qtbot.keyClicks(seg.goal_box, "Phone a friend")
    qtbot.keyClick(seg.goal_box, Qt.Key.Key_Return)
    goals = runner.session.goals_set()
    assert goals[pseudonym(services, "Ali")].text == "Phone a friend"
    qtbot.keyClick(seg.goal_box, Qt.Key.Key_Up)  # back to Maya... edit
    seg.people.setCurrentRow(0)
    seg.goal_box.setText("Walk on three mornings")
    qtbot.keyClick(seg.goal_box, Qt.Key.Key_Return)
    assert runner.session.goals_set()[pseudonym(services, "Maya")].text == "Walk on three mornings"
    seg.people.setCurrentRow(1)
    alt(qtbot, seg.goal_box, Qt.Key.Key_R, lambda: len(runner.session.goals_set()) == 1)
    assert set(runner.session.goals_set()) == {pseudonym(services, "Maya")}


# -- safety, agreements, wellbeing, open ------------------------------------------------------


def test_safety_count_undo_and_private_note(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    qtbot.keyClick(
        runner,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = runner.safety_panel
    qtbot.waitUntil(panel.isActiveWindow)
    assert panel is not None and "Crisis line" in panel.resources.text()
    assert "Call the duty worker" in panel.resources.text()
    assert "never exported" in panel.findChild(QLabel, "safetyNoteHint").text()
    qtbot.keyClick(panel.count_button, Qt.Key.Key_Space)
    qtbot.keyClick(panel.count_button, Qt.Key.Key_Space)
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert services.store.meetings.get(runner.meeting_id).safety_concerns == 1
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Talked with R after group")
    notes = services.store.safety
    alt(qtbot, panel.note, Qt.Key.Key_S, lambda: len(notes.notes(runner.meeting_id)) == 1)
    assert [n.text for n in services.store.safety.notes(runner.meeting_id)] == [
        "Talked with R after group"
    ]
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: runner.safety_panel is None)


def test_safety_note_unsaved_asks_and_saved_notes_read_back(qtbot, services, message_boxes) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services)
    earlier = start_meeting(services, gid, "2026-11-17")
    services.store.safety.add_note(earlier, "Last week: J left early, upset")
    services.store.meetings.end(earlier)
    runner = make_runner(qtbot, services, start_meeting(services, gid))
    notes = services.store.safety
    answers = message_boxes.queue

    def open_panel():  # type: ignore[no-untyped-def]
        runner.open_safety()
        qtbot.waitUntil(lambda: runner.safety_panel is not None)
        return runner.safety_panel

    panel = open_panel()
    # the group's earlier notes can be read back in the panel
    saved = panel.saved_notes
    assert saved.isVisibleTo(panel) and saved.count() == 1
    assert "Last week: J left early, upset" in saved.item(0).text()
    assert "1" in panel.notes_heading.text()
    # Escape with a typed note: Keep editing -> still open, text kept, focus on the note
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Talked with R after group")
    answers.append("keep")
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert message_boxes.kinds[-1] == "unsaved"
    assert runner.safety_panel is panel and panel.isVisible()
    assert panel.note.toPlainText() == "Talked with R after group"
    # Close button: Save -> saved in the vault, panel closes
    answers.append("save")
    qtbot.mouseClick(panel.findChild(QPushButton, "safetyClose"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.safety_panel is None)
    assert [n.text for n in notes.notes(runner.meeting_id)] == ["Talked with R after group"]
    # reopened: newest note first
    panel = open_panel()
    assert "Talked with R after group" in panel.saved_notes.item(0).text()
    assert panel.saved_notes.count() == 2
    # Discard really discards; nothing typed closes without asking
    qtbot.keyClicks(panel.note, "never mind")
    answers.append("discard")
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: runner.safety_panel is None)
    assert len(notes.notes(runner.meeting_id)) == 1
    asked = len(message_boxes.seen)
    panel = open_panel()
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: runner.safety_panel is None)
    assert len(message_boxes.seen) == asked
    # a lock while a note is typed keeps it (in the vault), without asking
    panel = open_panel()
    qtbot.keyClicks(panel.note, "Call M's sister tomorrow")
    runner.clear_personal_data()
    assert [n.text for n in notes.notes(runner.meeting_id)][-1] == "Call M's sister tomorrow"
    assert len(message_boxes.seen) == asked


def test_agreements_open_and_wellbeing_not_set_up(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services)
    store = services.store
    agenda = [
        Segment(SegmentKind.AGREEMENTS, 5).to_dict(),
        Segment(SegmentKind.OPEN, 30, title_id="open_sharing").to_dict(),
        Segment(SegmentKind.WELLBEING_CHECK, 10).to_dict(),
        Segment(SegmentKind.CLOSING, 10, options={"closing_mood": False}).to_dict(),
    ]
    meeting = store.meetings.start(gid, "2026-11-24", agenda)
    runner = make_runner(qtbot, services, meeting.id)
    assert "stays here" in runner.segment_widget.text.text()
    runner.next_segment()
    assert runner.header.segment_label.text() == "Open sharing"
    assert runner.segment_widget.big_timer.text() == "00:00 / 30:00"
    runner.next_segment()
    assert runner.segment_widget.findChild(QLabel, "wellbeingNotSetUp") is not None
    runner.next_segment()
    assert runner.segment_widget.round is None
    assert runner.next_button.text() == "End meeting\u2026"


def test_wellbeing_grid_records_full_rows(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services, wellbeing_scale="who5")
    agenda = [
        Segment(SegmentKind.CHECK_IN, 10).to_dict(),
        Segment(SegmentKind.WELLBEING_CHECK, 10).to_dict(),
    ]
    runner = make_runner(
        qtbot, services, services.store.meetings.start(gid, "2026-11-24", agenda).id
    )
    check_in_by_typing(qtbot, runner, ["maya"])
    runner.next_segment()
    table = runner.segment_widget.table
    for col in range(1, 6):
        table.item(0, col).setText("4")
    assert runner.session.wellbeing_answers() == {pseudonym(services, "Maya"): [4, 4, 4, 4, 4]}
    # the five statements are on screen, numbered like the columns, with the answer key
    statements = runner.segment_widget.statements
    assert statements.isVisible()
    assert "1. I have felt cheerful and in good spirits" in statements.text()
    assert "5. My daily life has been filled with things that interest me" in statements.text()
    assert "0\u00a0=\u00a0At\u00a0no\u00a0time" in runner.segment_widget.answers.text()


# -- ending, lock, resume ---------------------------------------------------------------------


def test_end_meeting_confirms_summarises_and_emits(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    check_in_by_typing(qtbot, runner, ["maya"])
    go_to_kind(runner, SegmentKind.CLOSING)
    messages.set_test_responder(lambda kind, title, text: False)  # "Cancel"
    qtbot.keyClick(runner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not runner.session.is_closed
    messages.set_test_responder(lambda kind, title, text: True)
    qtbot.keyClick(runner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert services.store.meetings.get(runner.meeting_id).state.value == "closed"
    assert services.store.meetings.get(runner.meeting_id).next_meeting_date == "2026-12-01"
    texts = [lab.text() for lab in runner.summary_dialog.lines]
    assert texts[0].startswith("1 here in total")
    with qtbot.waitSignal(runner.ended) as blocker:
        qtbot.keyClick(runner.summary_dialog, Qt.Key.Key_Return)
    assert blocker.args == [runner.meeting_id]


def test_clear_personal_data_and_lock_snapshot(qtbot, services, clock) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    check_in_by_typing(qtbot, runner, ["maya", "ali"])
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    runner.open_arrival()
    qtbot.keyClicks(runner.arrival_dialog.panel.search, "noo")
    assert "Maya" in all_text(runner)
    clock.t += 65
    runner.clear_personal_data()
    QApplication.processEvents()
    text = all_text(runner)
    for name in NAMES:
        assert name not in text
    snap = runner.lock_snapshot()
    assert snap["titles"][2] == "Mood check" and snap["current"] == 2
    assert snap["elapsed_seconds"] == pytest.approx(65) and snap["planned_seconds"] == 900
    assert snap["paused"] is False
    assert snap["segments"][2] == {"title": "Mood check", "minutes": 15, "skipped": False}
    assert snap["elapsed"] == pytest.approx(65) and snap["planned"] == 900
    assert not any(name in repr(snap) for name in NAMES)
    runner.restore()
    assert runner.segment_widget.name_label.text() == "Maya"


def test_crash_resume_same_segment_same_data(qtbot, services, clock) -> None:  # type: ignore[no-untyped-def]
    meeting_id = start_meeting(services, seed_group(services))
    runner = make_runner(qtbot, services, meeting_id)
    check_in_by_typing(qtbot, runner, ["maya", "ali"])
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    qtbot.keyClick(runner.segment_widget, Qt.Key.Key_3)
    clock.t += 42
    # "crash": the widget goes away without ending anything
    runner.timer.stop()
    runner.close()
    again = make_runner(qtbot, services, meeting_id)
    assert again.session.run.current_segment.kind is SegmentKind.MOOD_ROUND
    assert again.notice.text() == "Resumed where you left off."
    seg = again.segment_widget
    # Carries on with the first person still waiting; Maya's answer is kept and shown.
    assert seg.name_label.text() == "Ali" and "now:" not in seg.position_label.text()
    assert seg.done_label.text() == "Done: Maya 3"
    assert again.header.timer_label.text() == "00:42 / 15:00"


def test_closing_next_date_follows_the_groups_weekday(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services, meeting_day="Tuesday", meeting_time="19:00")
    # held on Thursday 26 Nov (moved that week): the next is still Tuesday 1 Dec
    runner = make_runner(qtbot, services, start_meeting(services, gid, "2026-11-26"))
    go_to_kind(runner, SegmentKind.CLOSING)
    seg = runner.segment_widget
    assert seg.chosen_next_date().isoformat() == "2026-12-01"
    assert seg.findChild(QLabel, "nextMeetingTime").text() == "at 19:00"
    runner.end_meeting()
    assert services.store.meetings.get(runner.meeting_id).next_meeting_date == "2026-12-01"


def test_header_shows_the_whole_meeting_and_its_finish(qtbot, services, clock) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    planned = sum(s.minutes for s in runner.session.run.segments)
    text = runner.header.meeting_label.text()
    assert text.startswith(f"Meeting: 0 of {planned} min")
    assert "ends " in text
    clock.t += (planned + 2) * 60
    runner.tick()
    assert "meeting over by 2 min" in runner.header.meeting_label.text()


def test_meeting_shortcuts_work_from_text_boxes(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    ctrl = Qt.KeyboardModifier.ControlModifier
    search = runner.segment_widget.panel.search
    search.setFocus()
    qtbot.keyClicks(search, "Ma")
    qtbot.keyClick(search, Qt.Key.Key_Right, ctrl)
    assert runner.session.run.current == 1
    qtbot.keyClick(runner, Qt.Key.Key_Left, ctrl)
    assert runner.session.run.current == 0
    search = runner.segment_widget.panel.search
    qtbot.keyClicks(search, "Ma")
    qtbot.keyClick(search, Qt.Key.Key_Return, ctrl)
    assert runner.session.run.current == 1
    go_to_kind(runner, SegmentKind.SKILL_SHARE)
    skill_search = runner.segment_widget.search
    skill_search.setFocus()
    qtbot.keyClicks(skill_search, "bre")
    qtbot.keyClick(skill_search, Qt.Key.Key_P, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert runner.session.run.paused
    before = runner.session.run.current
    qtbot.keyClick(skill_search, Qt.Key.Key_Enter, ctrl | Qt.KeyboardModifier.KeypadModifier)
    assert runner.session.run.current > before
    # Outside the runner's shortcuts a text box keeps its own keys: Ctrl+Left moves a word.
    go_to_kind(runner, SegmentKind.CHECK_IN)
    search = runner.segment_widget.panel.search
    search.setFocus()
    qtbot.keyClicks(search, "Ma Al")
    qtbot.keyClick(search, Qt.Key.Key_Home)
    assert search.cursorPosition() == 0


def test_undo_check_in_from_the_search_box(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    gid = seed_group(services)
    runner = make_runner(qtbot, services, start_meeting(services, gid))
    segment = runner.segment_widget
    name = services.store.members.all()[0].display_name
    search = segment.panel.search
    search.setFocus()
    qtbot.keyClicks(search, name)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert len(runner.session.attendance()) >= 1
    present_before = len(services.store.meetings.present(runner.meeting_id))
    qtbot.keyClicks(search, "x")
    alt(
        qtbot,
        search,
        Qt.Key.Key_U,
        lambda: len(services.store.meetings.present(runner.meeting_id)) == present_before - 1,
    )


def test_mood_scales_show_their_anchors(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    seg = runner.segment_widget
    low = seg.findChild(QLabel, "moodAnchorLow")
    high = seg.findChild(QLabel, "moodAnchorHigh")
    scale = seg.scale
    assert low.isVisible() and high.isVisible()
    assert low.text() == f"{scale.low} = very low"
    assert high.text() == f"{scale.high} = very good"
    # Left and right of each other, under the row of scores.
    assert low.mapTo(seg, low.rect().topLeft()).x() < high.mapTo(seg, high.rect().topLeft()).x()


def test_enter_checks_in_with_one_write_and_updates_the_list_in_place(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    seg = runner.segment_widget
    check_in_by_typing(qtbot, runner, ["may", "al"])
    maya_item = seg.here.item(1)
    assert maya_item.text() == "Maya"
    reloads: list[str] = []
    real = runner.session.arrivals_newest_first

    def counted():  # type: ignore[no-untyped-def]
        reloads.append("all")
        return real()

    runner.session.arrivals_newest_first = counted  # type: ignore[method-assign]
    statements: list[str] = []
    conn = services.store.db.conn
    conn.set_trace_callback(statements.append)
    try:
        check_in_by_typing(qtbot, runner, ["sam"])
    finally:
        conn.set_trace_callback(None)
    assert reloads == []  # no full reload of who is here
    writes = [s for s in statements if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert len(writes) == 1 and "attendance" in writes[0]  # one small write...
    assert "COMMIT" in statements and not conn.in_transaction  # ...committed before shown
    assert [seg.here.item(i).text() for i in range(3)] == ["Sam", "Ali", "Maya"]
    assert seg.here.item(2) is maya_item  # the earlier lines were left alone
    assert seg.here_heading.text() == "Checked in: 3"
    assert "3 here" in runner.rail.list.item(0).text()
    # Someone who sent apologies and then comes after all: their line moves to the top.
    qtbot.keyClicks(seg.panel.search, "Kim")
    alt(qtbot, seg.panel.search, Qt.Key.Key_O, lambda: seg.here.count() == 4)
    assert seg.here.item(0).text() == "Kim  - sent apologies"
    assert seg.here_heading.text() == "Checked in: 3"
    check_in_by_typing(qtbot, runner, ["kim"])
    assert [seg.here.item(i).text() for i in range(4)] == ["Kim", "Sam", "Ali", "Maya"]
    assert seg.here_heading.text() == "Checked in: 4"
    att = {a.pseudonym: a.status for a in services.store.meetings.attendance(runner.meeting_id)}
    assert att[pseudonym(services, "Kim")] is AttendanceStatus.PRESENT


def test_segments_are_built_once_and_refreshed_when_shown_again(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    runner = make_runner(qtbot, services, start_meeting(services, seed_group(services)))
    check_in_by_typing(qtbot, runner, ["may"])
    check_in = runner.segment_widget
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    mood = runner.segment_widget
    assert mood is not check_in and [p.name for p in mood.people] == ["Maya"]
    assert not check_in.isVisible() and runner.segment_scroll.widget() is mood
    runner.go_to(0)  # back: the same check-in widget, not a new one
    assert runner.segment_widget is check_in and check_in.isVisible()
    assert QApplication.focusWidget() is check_in.panel.search
    check_in_by_typing(qtbot, runner, ["al"])
    go_to_kind(runner, SegmentKind.MOOD_ROUND)
    assert runner.segment_widget is mood
    assert [p.name for p in mood.people] == ["Maya", "Ali"]  # Ali came meanwhile: refreshed
    # Ctrl+Right and Ctrl+Left reuse them too.
    qtbot.keyClick(runner, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    before = runner.segment_widget
    qtbot.keyClick(runner, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(runner, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert runner.segment_widget is before
    # Locking drops every kept segment, with the names in them.
    runner.clear_personal_data()
    qtbot.wait(10)
    assert "Maya" not in all_text(runner) and "Ali" not in all_text(runner)

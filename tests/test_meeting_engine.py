"""Tests for the meeting engine (groupkeeper.meeting) and agenda validation helpers.

Time is an injected fake clock: no sleeps, no real timing.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from groupkeeper import agenda
from groupkeeper.agenda import Segment, SegmentKind
from groupkeeper.meeting import (
    DOWNTIME_GRACE_SECONDS,
    STATE_VERSION,
    EngineStateError,
    InvalidMeetingOperation,
    MeetingError,
    MeetingRun,
    TimerStatus,
)

K = SegmentKind


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def five(minutes: tuple[int, ...] = (10, 5, 15, 20, 10)) -> list[Segment]:
    kinds = [K.CHECK_IN, K.AGREEMENTS, K.MOOD_ROUND, K.SKILL_SHARE, K.CLOSING]
    return [Segment(kind, m) for kind, m in zip(kinds, minutes, strict=True)]


@pytest.fixture
def run(clock: FakeClock) -> MeetingRun:
    return MeetingRun(five(), clock)


def kinds(run: MeetingRun) -> list[SegmentKind]:
    return [s.kind for s in run.segments]


def roundtrip(run: MeetingRun, clock: FakeClock) -> MeetingRun:
    """Save through real JSON, as storage does, and load again."""
    return MeetingRun.from_state(json.loads(json.dumps(run.to_state())), clock)


# ------------------------------------------------------------------------- agenda helpers


def test_validate_accepts_every_template() -> None:
    for template_id in agenda.TEMPLATE_IDS:
        assert agenda.validate(agenda.template(template_id)) == []


def test_validate_reports_empty_agenda() -> None:
    assert agenda.validate([]) == [agenda.PROBLEM_EMPTY]


def test_validate_reports_minutes_out_of_range_with_index() -> None:
    segments = [
        Segment(K.CHECK_IN, 0),
        Segment(K.OPEN, 1),
        Segment(K.OPEN, 240),
        Segment(K.OPEN, 241),
        Segment(K.OPEN, -5),
    ]
    assert agenda.validate(segments) == [
        "minutes_out_of_range:0",
        "minutes_out_of_range:3",
        "minutes_out_of_range:4",
    ]


def test_validate_refuses_bool_minutes() -> None:
    assert agenda.validate([Segment(K.OPEN, True)]) == ["minutes_out_of_range:0"]


def test_total_minutes() -> None:
    assert agenda.total_minutes(agenda.template(agenda.WEEKLY)) == 90
    assert agenda.total_minutes(agenda.template(agenda.DROP_IN)) == 85
    assert agenda.total_minutes([]) == 0


# ------------------------------------------------------------------------- construction


def test_new_run_is_not_started_and_counts_nothing(run: MeetingRun, clock: FakeClock) -> None:
    clock.tick(600)
    assert not run.started
    assert not run.running
    assert run.current == 0
    assert run.elapsed() == 0.0
    assert run.visited == frozenset()
    assert run.revision == 0


def test_constructor_refuses_invalid_agenda(clock: FakeClock) -> None:
    with pytest.raises(InvalidMeetingOperation):
        MeetingRun([], clock)
    with pytest.raises(InvalidMeetingOperation):
        MeetingRun([Segment(K.OPEN, 0)], clock)


def test_constructor_copies_segments(clock: FakeClock) -> None:
    segments = five()
    run = MeetingRun(segments, clock)
    segments[0].minutes = 99
    segments.append(Segment(K.OPEN, 5))
    assert len(run) == 5
    assert run.segments[0].minutes == 10
    run.segments[1].minutes = 77  # a copy: must not reach the run
    assert run.planned_seconds(1) == 5 * 60


# ------------------------------------------------------------------------- timer


def test_start_times_current_segment(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(90)
    assert run.started and run.running
    assert run.elapsed() == 90
    assert run.elapsed(1) == 0
    assert run.remaining() == 600 - 90
    assert run.visited == frozenset({0})


def test_start_twice_is_a_no_op(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(30)
    revision = run.revision
    run.start()
    assert run.revision == revision
    assert run.elapsed() == 30


def test_pause_stops_the_timer_and_resume_restarts_it(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(100)
    run.pause()
    assert run.paused and not run.running
    clock.tick(500)
    assert run.elapsed() == 100
    run.resume()
    clock.tick(20)
    assert run.elapsed() == 120


def test_pause_and_resume_are_idempotent(run: MeetingRun) -> None:
    run.start()
    run.resume()
    assert run.revision == 1
    run.pause()
    run.pause()
    assert run.revision == 2


def test_pause_before_start_means_start_paused(run: MeetingRun, clock: FakeClock) -> None:
    run.pause()
    run.start()
    clock.tick(50)
    assert run.elapsed() == 0
    run.resume()
    clock.tick(50)
    assert run.elapsed() == 50


def test_switching_segments_banks_time(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(100)
    assert run.next() is True
    clock.tick(40)
    assert run.elapsed(0) == 100
    assert run.elapsed(1) == 40
    assert run.previous() is True
    clock.tick(5)
    assert run.elapsed(0) == 105
    assert run.elapsed(1) == 40


def test_finish_stops_time(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(60)
    run.finish()
    clock.tick(600)
    assert run.finished and not run.running
    assert run.elapsed() == 60
    run.resume()  # not paused: nothing to do, and finished stays finished
    clock.tick(60)
    assert run.elapsed() == 60


def test_finish_twice_is_a_no_op(run: MeetingRun) -> None:
    run.start()
    run.finish()
    revision = run.revision
    run.finish()
    assert run.revision == revision


def test_queries_do_not_bump_revision(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(10)
    revision = run.revision
    run.elapsed()
    run.remaining(2)
    run.timer_status()
    run.progress()
    run.to_state()
    run.actual_agenda()
    assert run.revision == revision


# ------------------------------------------------------------------------- timer status


@pytest.mark.parametrize(
    ("minutes", "near_at", "over_at"),
    [
        (5, 240, 300),  # 20% of 300 s = 60 s < 120 s
        (10, 480, 600),  # 20% of 600 s = 120 s = 120 s
        (15, 780, 900),  # 120 s < 20% (180 s)
        (60, 3480, 3600),
        (1, 48, 60),  # 20% of 60 s = 12 s
    ],
)
def test_timer_status_boundaries_are_exact(
    clock: FakeClock, minutes: int, near_at: int, over_at: int
) -> None:
    run = MeetingRun([Segment(K.OPEN, minutes)], clock)
    run.start()
    clock.tick(near_at - 1)
    assert run.timer_status() is TimerStatus.NORMAL
    clock.tick(1)
    assert run.timer_status() is TimerStatus.NEAR_END
    clock.tick(over_at - near_at - 1)
    assert run.timer_status() is TimerStatus.NEAR_END
    clock.tick(1)
    assert run.remaining() == 0
    assert run.timer_status() is TimerStatus.OVER
    clock.tick(1)
    assert run.remaining() == -1
    assert run.timer_status() is TimerStatus.OVER


def test_timer_status_of_other_segments(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(301)  # more than segment 1's 5 minutes, but in segment 0
    assert run.timer_status(1) is TimerStatus.NORMAL
    run.next()
    clock.tick(300)
    run.next()
    assert run.timer_status(1) is TimerStatus.OVER
    assert run.timer_status(0) is TimerStatus.NORMAL


def test_set_minutes_moves_the_thresholds(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(600)
    assert run.timer_status() is TimerStatus.OVER
    run.set_minutes(0, 15)
    assert run.timer_status() is TimerStatus.NORMAL
    assert run.remaining() == 300
    with pytest.raises(InvalidMeetingOperation):
        run.set_minutes(0, 0)
    with pytest.raises(InvalidMeetingOperation):
        run.set_minutes(0, 241)
    revision = run.revision
    run.set_minutes(0, 15)
    assert run.revision == revision


# ------------------------------------------------------------------------- navigation


def test_next_walks_to_the_end_then_returns_false(run: MeetingRun) -> None:
    run.start()
    for expected in range(1, 5):
        assert not run.is_last()
        assert run.next() is True
        assert run.current == expected
    assert run.is_last()
    revision = run.revision
    assert run.next() is False
    assert run.current == 4
    assert run.revision == revision
    assert run.visited == frozenset(range(5))


def test_previous_at_start_returns_false(run: MeetingRun) -> None:
    run.start()
    assert run.previous() is False
    assert run.current == 0


def test_next_and_previous_pass_over_skipped(run: MeetingRun) -> None:
    run.start()
    run.skip(1)
    run.skip(2)
    assert run.next() is True
    assert run.current == 3
    assert run.previous() is True
    assert run.current == 0
    assert run.visited == frozenset({0, 3})


def test_is_last_when_rest_is_skipped(run: MeetingRun) -> None:
    run.start()
    run.skip(3)
    run.skip(4)
    run.next()
    run.next()
    assert run.current == 2
    assert run.is_last()
    assert run.next() is False


def test_go_to_any_segment_and_it_unskips(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    run.skip(3)
    clock.tick(10)
    run.go_to(3)
    assert run.current == 3
    assert 3 not in run.skipped
    assert run.elapsed(0) == 10
    clock.tick(7)
    assert run.elapsed(3) == 7
    revision = run.revision
    run.go_to(3)
    assert run.revision == revision
    with pytest.raises(IndexError):
        run.go_to(5)
    with pytest.raises(IndexError):
        run.go_to(-1)


def test_navigation_before_start_chooses_where_to_start(run: MeetingRun, clock: FakeClock) -> None:
    run.go_to(2)
    clock.tick(100)
    assert run.visited == frozenset()
    run.start()
    clock.tick(5)
    assert run.current == 2
    assert run.elapsed(2) == 5
    assert run.visited == frozenset({2})


# ------------------------------------------------------------------------- skipping


def test_skip_and_unskip(run: MeetingRun) -> None:
    run.skip(2)
    assert run.skipped == frozenset({2})
    revision = run.revision
    run.skip(2)
    assert run.revision == revision
    run.unskip(2)
    assert run.skipped == frozenset()
    run.unskip(2)
    assert run.revision == revision + 1
    with pytest.raises(IndexError):
        run.skip(9)
    with pytest.raises(IndexError):
        run.unskip(9)


def test_skipping_current_moves_on_and_keeps_its_time(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(30)
    run.skip(0)
    assert run.current == 1
    assert run.skipped == frozenset({0})
    assert run.elapsed(0) == 30
    clock.tick(3)
    assert run.elapsed(1) == 3


def test_skipping_current_with_nothing_after_is_refused(run: MeetingRun) -> None:
    run.start()
    run.go_to(4)
    revision = run.revision
    with pytest.raises(InvalidMeetingOperation):
        run.skip(4)
    assert run.current == 4
    assert run.skipped == frozenset()
    assert run.revision == revision


def test_skip_before_start_moves_the_starting_point(run: MeetingRun, clock: FakeClock) -> None:
    run.skip(0)
    assert run.current == 1
    run.start()
    clock.tick(1)
    assert run.elapsed(1) == 1
    assert run.visited == frozenset({1})


# ------------------------------------------------------------------------- reordering


def test_move_reorders_and_current_follows_its_segment(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    run.next()
    run.next()  # current: MOOD_ROUND at 2
    clock.tick(50)
    run.move(2, 0)
    assert kinds(run) == [K.MOOD_ROUND, K.CHECK_IN, K.AGREEMENTS, K.SKILL_SHARE, K.CLOSING]
    assert run.current == 0
    assert run.current_segment.kind is K.MOOD_ROUND
    clock.tick(10)
    assert run.elapsed() == 60
    run.move(4, 1)
    assert kinds(run) == [K.MOOD_ROUND, K.CLOSING, K.CHECK_IN, K.AGREEMENTS, K.SKILL_SHARE]
    assert run.current == 0
    run.move(1, 4)
    run.move(3, 0)  # a segment from after the current one to before it
    assert kinds(run) == [K.SKILL_SHARE, K.MOOD_ROUND, K.CHECK_IN, K.AGREEMENTS, K.CLOSING]
    assert run.current == 1
    assert run.current_segment.kind is K.MOOD_ROUND


def test_move_carries_skip_visited_and_elapsed(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(42)
    run.next()
    run.skip(3)
    run.move(0, 4)
    run.move(2, 0)  # the skipped SKILL_SHARE
    assert kinds(run) == [K.SKILL_SHARE, K.AGREEMENTS, K.MOOD_ROUND, K.CLOSING, K.CHECK_IN]
    assert run.skipped == frozenset({0})
    assert run.visited == frozenset({1, 4})
    assert run.elapsed(4) == 42
    assert run.current == 1


def test_move_rejects_bad_indexes_and_same_place_is_no_op(run: MeetingRun) -> None:
    with pytest.raises(IndexError):
        run.move(0, 5)
    with pytest.raises(IndexError):
        run.move(5, 0)
    run.move(1, 1)
    assert run.revision == 0


def test_insert_keeps_current(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    run.next()  # current: AGREEMENTS at 1
    run.insert(0, Segment(K.WELLBEING_CHECK, 5))
    assert run.current == 2
    assert run.current_segment.kind is K.AGREEMENTS
    run.insert(len(run), Segment(K.OPEN, 5))
    assert kinds(run)[-1] is K.OPEN
    run.insert(3, Segment(K.GOALS_REVIEW, 5))
    assert run.current == 2
    run.insert(2, Segment(K.SKILL_SHARE, 5))  # exactly at the current index: goes before it
    assert run.current == 3
    assert run.current_segment.kind is K.AGREEMENTS
    assert kinds(run)[2] is K.SKILL_SHARE
    run.remove(2)
    assert kinds(run)[3] is K.GOALS_REVIEW
    with pytest.raises(IndexError):
        run.insert(len(run) + 1, Segment(K.OPEN, 5))
    with pytest.raises(InvalidMeetingOperation):
        run.insert(0, Segment(K.OPEN, 0))
    assert len(run) == 8


def test_insert_copies_segment(run: MeetingRun) -> None:
    segment = Segment(K.OPEN, 5, options={"a": 1})
    run.insert(1, segment)
    segment.minutes = 50
    segment.options["a"] = 2
    assert run.segments[1].minutes == 5
    assert run.segments[1].options == {"a": 1}


def test_remove_keeps_current_and_refuses_current(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    run.next()
    run.next()  # current: MOOD_ROUND at 2
    clock.tick(9)
    run.remove(0)
    assert run.current == 1
    assert run.current_segment.kind is K.MOOD_ROUND
    run.remove(3)
    assert kinds(run) == [K.AGREEMENTS, K.MOOD_ROUND, K.SKILL_SHARE]
    assert run.elapsed() == 9
    with pytest.raises(InvalidMeetingOperation):
        run.remove(1)
    with pytest.raises(IndexError):
        run.remove(3)
    assert len(run) == 3


# ------------------------------------------------------------------------- clock trouble


def test_clock_going_backwards_never_makes_elapsed_negative(
    run: MeetingRun, clock: FakeClock
) -> None:
    run.start()
    clock.tick(-3600)
    assert run.elapsed() == 0
    assert run.remaining() == 600
    assert run.timer_status() is TimerStatus.NORMAL
    clock.tick(30)
    assert run.elapsed() == 30


def test_clock_going_backwards_keeps_time_already_seen(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(300)
    assert run.elapsed() == 300
    clock.tick(-120)  # laptop clock corrected
    assert run.elapsed() == 300
    clock.tick(10)
    assert run.elapsed() == 310
    run.next()
    clock.tick(-50)
    run.pause()
    run.resume()
    clock.tick(5)
    assert run.elapsed(0) == 310
    assert run.elapsed(1) == 5


def test_clock_returning_nan_does_not_raise_or_corrupt(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(10)
    good = clock.now
    clock.now = float("nan")
    assert run.elapsed() == 0  # the 10 s are not seen yet; a NaN reading adds nothing
    run.next()
    run.pause()
    run.resume()
    assert json.loads(json.dumps(run.to_state(), allow_nan=False))["running_since"] is not None
    resumed = MeetingRun.from_state(run.to_state(), clock)
    assert resumed.resume_counted_seconds == 0
    clock.now = good + 5
    # The NaN readings stood in for the last good one (10 s before ``good``).
    assert run.elapsed(0) == 0
    assert run.elapsed(1) == 15
    assert resumed.elapsed(1) == 15


def test_clock_that_never_works_is_a_bug_not_a_silent_zero(clock: FakeClock) -> None:
    clock.now = float("nan")
    run = MeetingRun(five(), clock)
    with pytest.raises(RuntimeError):
        run.start()


# ------------------------------------------------------------------------- progress, record


def test_progress_summary(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(700)  # 100 s over the 10-minute check-in
    run.skip(3)
    run.next()
    clock.tick(60)
    progress = run.progress()
    assert progress.current == 1
    assert progress.position == 2
    assert progress.count == 4
    assert progress.visited == 2
    assert progress.elapsed_seconds == 760
    assert progress.planned_seconds == (10 + 5 + 15 + 10) * 60
    assert progress.expected_remaining_seconds == 240 + (15 + 10) * 60


def test_progress_expected_remaining_never_counts_overrun_negative(
    run: MeetingRun, clock: FakeClock
) -> None:
    run.start()
    run.go_to(4)
    clock.tick(10_000)
    assert run.progress().expected_remaining_seconds == 0


def test_actual_agenda_records_what_ran(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(61.4)
    run.skip(1)
    run.next()
    rows = run.actual_agenda()
    json.dumps(rows)
    assert [r["kind"] for r in rows] == [k.value for k in kinds(run)]
    assert rows[0]["elapsed_seconds"] == 61
    assert rows[0]["visited"] is True and rows[0]["skipped"] is False
    assert rows[1]["skipped"] is True and rows[1]["visited"] is False
    assert rows[2]["visited"] is True
    assert rows[2]["minutes"] == 15


# ------------------------------------------------------------------------- save and resume


def test_state_is_plain_json_and_versioned(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(12)
    state = run.to_state()
    assert state["version"] == STATE_VERSION
    assert json.loads(json.dumps(state)) == state


def test_resume_running_counts_downtime(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    run.next()
    run.next()
    run.skip(3)
    clock.tick(200)
    state = json.loads(json.dumps(run.to_state()))
    clock.tick(90)  # power cut and reboot: the group went on talking
    resumed = MeetingRun.from_state(state, clock)
    assert resumed.current == 2
    assert resumed.running
    assert resumed.elapsed() == 290
    assert resumed.resume_gap_seconds == 90
    assert resumed.resume_counted_seconds == 90
    assert resumed.skipped == frozenset({3})
    assert resumed.visited == frozenset({0, 1, 2})
    assert resumed.revision == run.revision
    assert resumed.segments == run.segments
    clock.tick(10)
    assert resumed.elapsed() == 300
    assert resumed.next() is True
    assert resumed.current == 4


def test_resume_paused_counts_no_downtime(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    run.next()
    clock.tick(75)
    run.pause()
    state = run.to_state()
    clock.tick(5000)
    resumed = MeetingRun.from_state(state, clock)
    assert resumed.paused and not resumed.running
    assert resumed.current == 1
    assert resumed.elapsed() == 75
    assert resumed.resume_counted_seconds == 0
    resumed.resume()
    clock.tick(5)
    assert resumed.elapsed() == 80


def test_resume_caps_long_downtime(clock: FakeClock) -> None:
    run = MeetingRun(five(), clock)
    run.start()
    clock.tick(60)
    state = run.to_state()
    clock.tick(5 * 3600)  # laptop closed for hours
    resumed = MeetingRun.from_state(state, clock)
    cap = 10 * 60 + DOWNTIME_GRACE_SECONDS
    assert resumed.resume_gap_seconds == 5 * 3600
    assert resumed.resume_counted_seconds == cap
    assert resumed.elapsed() == 60 + cap
    assert resumed.timer_status() is TimerStatus.OVER


def test_resume_at_exactly_the_cap_counts_it_all(clock: FakeClock) -> None:
    run = MeetingRun(five(), clock)
    run.start()
    state = run.to_state()
    cap = 10 * 60 + DOWNTIME_GRACE_SECONDS
    clock.tick(cap)
    assert MeetingRun.from_state(state, clock).elapsed() == cap
    clock.tick(1)
    assert MeetingRun.from_state(state, clock).elapsed() == cap


def test_resume_with_clock_before_save_counts_nothing(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    clock.tick(120)
    state = run.to_state()
    clock.tick(-3600)
    resumed = MeetingRun.from_state(state, clock)
    assert resumed.elapsed() == 120
    assert resumed.resume_counted_seconds == 0
    clock.tick(10)
    assert resumed.elapsed() == 130


def test_resume_not_started_and_finished_runs(run: MeetingRun, clock: FakeClock) -> None:
    run.move(0, 4)
    resumed = roundtrip(run, clock)
    assert not resumed.started
    assert resumed.segments == run.segments
    resumed.start()
    resumed.go_to(3)
    clock.tick(20)
    resumed.finish()
    clock.tick(1000)
    final = roundtrip(resumed, clock)
    assert final.finished and not final.running
    assert final.elapsed(3) == 20


def test_resume_round_trip_is_stable(run: MeetingRun, clock: FakeClock) -> None:
    run.start()
    run.insert(2, Segment(K.OPEN, 7, title="Tea break", options={"x": [1, 2]}))
    run.skip(1)
    run.next()
    clock.tick(33)
    state = run.to_state()
    assert roundtrip(run, clock).to_state() == state


def _valid_state(clock: FakeClock) -> dict[str, object]:
    run = MeetingRun(five(), clock)
    run.start()
    run.next()
    clock.tick(10)
    return json.loads(json.dumps(run.to_state()))


def _garble(state: dict[str, object], path: tuple[object, ...], value: object) -> None:
    target: object = state
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    if value is _DELETE:
        del target[path[-1]]  # type: ignore[attr-defined]
    else:
        target[path[-1]] = value  # type: ignore[index]


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("version",), _DELETE),
        (("version",), "1"),
        (("version",), STATE_VERSION + 1),
        (("version",), 0),
        (("version",), True),
        (("revision",), -1),
        (("revision",), _DELETE),
        (("current",), 5),
        (("current",), -1),
        (("current",), "1"),
        (("started",), "yes"),
        (("paused",), None),
        (("finished",), _DELETE),
        (("running_since",), "noon"),
        (("running_since",), None),  # running, yet no running_since
        (("running_since",), float("inf")),
        (("segments",), []),
        (("segments",), {"0": {}}),
        (("segments", 0), "check_in"),
        (("segments", 0, "segment"), _DELETE),
        (("segments", 0, "segment", "kind"), "coffee"),
        (("segments", 0, "segment", "kind"), _DELETE),
        (("segments", 0, "segment", "minutes"), "ten"),
        (("segments", 0, "segment", "minutes"), -3),
        (("segments", 0, "elapsed"), -1.0),
        (("segments", 0, "elapsed"), float("nan")),
        (("segments", 0, "elapsed"), None),
        (("segments", 0, "skipped"), _DELETE),
        (("segments", 1, "skipped"), True),  # the current segment marked skipped
        (("segments", 1, "visited"), False),  # current yet never visited
    ],
)
def test_garbled_state_raises_clear_error(
    clock: FakeClock, path: tuple[object, ...], value: object
) -> None:
    state = _valid_state(clock)
    _garble(state, path, value)
    with pytest.raises(EngineStateError) as caught:
        MeetingRun.from_state(state, clock)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, MeetingError)
    assert caught.value.code == "engine_state_invalid"


@pytest.mark.parametrize("state", [None, [], "{}", 42, {}, {"version": 1}])
def test_non_state_values_raise_clear_error(clock: FakeClock, state: object) -> None:
    with pytest.raises(EngineStateError):
        MeetingRun.from_state(state, clock)


def test_valid_state_helper_really_is_valid(clock: FakeClock) -> None:
    # Guards the garbled-state tests: they must fail for the garbling, not the base state.
    assert MeetingRun.from_state(_valid_state(clock), clock).current == 1


def test_garbled_error_names_no_titles(clock: FakeClock) -> None:
    run = MeetingRun([Segment(K.OPEN, 5, title="Sam's private topic")], clock)
    state = run.to_state()
    segments = state["segments"]
    assert isinstance(segments, list)
    segments[0]["segment"]["kind"] = "nope"
    with pytest.raises(EngineStateError) as caught:
        MeetingRun.from_state(state, clock)
    assert "Sam" not in str(caught.value)


# ------------------------------------------------------------------------- whole meetings


@pytest.mark.parametrize("template_id", agenda.TEMPLATE_IDS)
def test_every_template_runs_start_to_finish(clock: FakeClock, template_id: str) -> None:
    segments = agenda.template(template_id)
    run = MeetingRun(segments, clock)
    run.start()
    # Each segment runs one minute over its plan; a save/resume between every step.
    for index, segment in enumerate(segments):
        assert run.current == index
        clock.tick(segment.minutes * 60 + 60)
        assert run.timer_status() is TimerStatus.OVER
        run = roundtrip(run, clock)
        moved = run.next()
        assert moved is (index < len(segments) - 1)
    assert run.is_last()
    run.finish()
    run = roundtrip(run, clock)
    progress = run.progress()
    assert progress.visited == len(segments)
    assert progress.elapsed_seconds == (agenda.total_minutes(segments) + len(segments)) * 60
    assert [row["elapsed_seconds"] for row in run.actual_agenda()] == [
        s.minutes * 60 + 60 for s in segments
    ]


def test_core_imports_do_not_load_qt() -> None:
    code = (
        "import sys, groupkeeper.meeting, groupkeeper.agenda; "
        "sys.exit(1 if 'PySide6' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")


def test_wellbeing_check_added_before_closing_once_and_removed() -> None:
    from groupkeeper import agenda as ag

    weekly = ag.template(ag.WEEKLY)
    added = ag.with_wellbeing_check(weekly)
    assert [s.kind for s in added][-2:] == [
        ag.SegmentKind.WELLBEING_CHECK,
        ag.SegmentKind.CLOSING,
    ]
    assert ag.with_wellbeing_check(added) == added
    assert ag.without_wellbeing_check(added) == weekly
    no_closing = [ag.Segment(ag.SegmentKind.CHECK_IN, 10)]
    assert ag.with_wellbeing_check(no_closing)[-1].kind is ag.SegmentKind.WELLBEING_CHECK
    assert not ag.has_wellbeing_check(weekly) and ag.has_wellbeing_check(added)

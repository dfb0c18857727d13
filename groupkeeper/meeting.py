"""Meeting engine: the live agenda and segment timers of one meeting (no Qt, no SQL).

``MeetingRun`` holds which segment is current, how long each segment has run, and which
segments were skipped or visited. It knows nothing about people; check-ins, moods and goals
are recorded by storage, keyed by pseudonym.

Saving: the engine never saves itself. After **every** mutating call the caller persists
``to_state()`` (storage keeps it in ``meetings.engine_state``). ``revision`` goes up by one
on every call that changed something, so a caller can skip a save when it did not move.
Queries (``elapsed``, ``remaining``, ``timer_status``...) read the clock and may fold the
time since the last reading into the current segment (see "Clock" below); that changes
nothing a save would lose, so they do not bump ``revision``.

Clock: the engine uses wall-clock seconds (injectable; ``time.time`` by default) because a
meeting must resume after a restart or power cut, where a monotonic clock starts afresh.
Time accumulates only for the current segment, only after ``start()``, only while not
paused and not finished. Every clock reading banks the time since the previous reading, so
when the laptop's clock is set *back*, the timer simply stands still for that reading and
then goes on from the new time: elapsed time never shrinks, never goes negative, and the
engine never raises for it. A clock set *forward* while the app runs cannot be told apart
from time passing and is counted.

Resume after a restart (``from_state``): if the saved meeting was running, the time between
the save and the resume counts as elapsed for the current segment (the group went on talking
while the laptop rebooted), but at most ``planned + DOWNTIME_GRACE_SECONDS`` (planned time of
that segment plus 30 minutes). Beyond that the laptop was most likely closed and forgotten,
and counting hours would make the timer meaningless. ``resume_gap_seconds`` and
``resume_counted_seconds`` tell the UI what happened so it can say so.

Timer status (``timer_status``): ``OVER`` once the planned time is used up
(``elapsed >= planned``, so exactly at the planned time the segment is over);
``NEAR_END`` in the last stretch before that, whose length is the shorter of 20% of the
planned time and 2 minutes (``remaining <= min(planned / 5, 120 s)``); ``NORMAL`` before.
A 5-minute segment turns near-end at 4:00, a 10-minute one at 8:00, a 60-minute one at
58:00.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from groupkeeper import agenda
from groupkeeper.agenda import Segment

STATE_VERSION = 1
DOWNTIME_GRACE_SECONDS = 30 * 60
NEAR_END_MAX_SECONDS = 120
NEAR_END_FRACTION_DIVISOR = 5  # the last fifth (20%) of the planned time


class MeetingError(ValueError):
    """Base of the engine's known errors. ``code`` is stable, for the UI's wording."""

    code = "meeting_error"


class InvalidMeetingOperation(MeetingError):
    """The operation cannot be done in the meeting's current state (e.g. remove current)."""

    code = "invalid_operation"


class EngineStateError(MeetingError):
    """A saved meeting state could not be read (garbled, empty, or from a newer version)."""

    code = "engine_state_invalid"


class TimerStatus(StrEnum):
    NORMAL = "normal"
    NEAR_END = "near_end"
    OVER = "over"


@dataclass(frozen=True)
class Progress:
    """Where the meeting stands, for the header and rail.

    Attributes:
        current: Index of the current segment in the agenda.
        position: 1-based place of the current segment among the segments still to run
            (not skipped).
        count: Number of segments not skipped.
        visited: Number of segments that have been current since the start.
        elapsed_seconds: Time run so far, over all segments.
        planned_seconds: Planned time of the segments not skipped.
        expected_remaining_seconds: What is left of the current segment (never below 0)
            plus the planned time of the non-skipped segments after it.
    """

    current: int
    position: int
    count: int
    visited: int
    elapsed_seconds: float
    planned_seconds: int
    expected_remaining_seconds: float


@dataclass(eq=False)  # identity equality: the current slot is found by identity after a move
class _Slot:
    segment: Segment
    elapsed: float = 0.0
    skipped: bool = False
    visited: bool = False


def _copy_segment(segment: Segment) -> Segment:
    return replace(segment, options=dict(segment.options))


class MeetingRun:
    """The live state of one meeting's agenda: current segment, timers, skips.

    Every mutating method changes state deterministically and bumps ``revision``; callers
    save ``to_state()`` after each call. Indexes are positions in the agenda as it is now
    (after any ``move``/``insert``/``remove``); negative indexes are not accepted.
    """

    def __init__(self, segments: list[Segment], clock: Callable[[], float] = time.time) -> None:
        """Prepare a run of ``segments``; the timer starts with ``start()``.

        Args:
            segments: The agenda (copied; later changes to the list do not leak in).
            clock: Wall-clock seconds; injectable for tests.

        Raises:
            InvalidMeetingOperation: The agenda fails ``agenda.validate``.
        """
        problems = agenda.validate(segments)
        if problems:
            raise InvalidMeetingOperation("agenda is not runnable: " + ", ".join(problems))
        self._clock = clock
        self._slots = [_Slot(_copy_segment(s)) for s in segments]
        self._current = 0
        self._started = False
        self._paused = False
        self._finished = False
        self._running_since: float | None = None
        self._last_reading: float | None = None
        self._revision = 0
        self.resume_gap_seconds = 0.0
        self.resume_counted_seconds = 0.0

    # ----------------------------------------------------------------- read-only state

    @property
    def segments(self) -> list[Segment]:
        """Copies of the segments in their current order."""
        return [_copy_segment(slot.segment) for slot in self._slots]

    @property
    def current(self) -> int:
        """Index of the current segment."""
        return self._current

    @property
    def current_segment(self) -> Segment:
        """A copy of the current segment."""
        return _copy_segment(self._slots[self._current].segment)

    @property
    def started(self) -> bool:
        return self._started

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def running(self) -> bool:
        """True while the current segment's timer is counting."""
        return self._started and not self._paused and not self._finished

    @property
    def skipped(self) -> frozenset[int]:
        """Indexes of skipped segments."""
        return frozenset(i for i, slot in enumerate(self._slots) if slot.skipped)

    @property
    def visited(self) -> frozenset[int]:
        """Indexes of segments that have been current since the meeting started."""
        return frozenset(i for i, slot in enumerate(self._slots) if slot.visited)

    @property
    def revision(self) -> int:
        """Goes up by one on every call that changed the state."""
        return self._revision

    def __len__(self) -> int:
        return len(self._slots)

    # ----------------------------------------------------------------- clock

    def _read_clock(self) -> float:
        """The clock's time; a broken (NaN/infinite) reading is replaced by the last good one."""
        reading = float(self._clock())
        if math.isfinite(reading):
            self._last_reading = reading
            return reading
        if self._last_reading is None:
            raise RuntimeError("the meeting clock gave no usable time")
        return self._last_reading

    def _observe(self) -> float:
        """Read the clock and bank the time since the last reading into the current slot."""
        now = self._read_clock()
        if self._running_since is not None:
            # Only forward steps count: a clock set back must never take time away.
            delta = now - self._running_since
            if delta > 0:
                self._slots[self._current].elapsed += delta
            self._running_since = now
        return now

    def _sync_running(self, now: float) -> None:
        """Make ``_running_since`` agree with ``running`` after a state change."""
        if self.running:
            if self._running_since is None:
                self._running_since = now
        else:
            self._running_since = None

    def _changed(self) -> None:
        self._revision += 1

    # ----------------------------------------------------------------- queries

    def _index(self, index: int | None) -> int:
        if index is None:
            return self._current
        self._check_index(index)
        return index

    def _check_index(self, index: int, *, upper: int | None = None) -> None:
        limit = len(self._slots) if upper is None else upper
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < limit:
            raise IndexError(f"segment index {index!r} out of range 0..{limit - 1}")

    def elapsed(self, index: int | None = None) -> float:
        """Seconds run so far in a segment.

        Args:
            index: Segment index; ``None`` for the current segment.

        Returns:
            Elapsed seconds, never negative.
        """
        i = self._index(index)
        self._observe()
        return self._slots[i].elapsed

    def planned_seconds(self, index: int | None = None) -> int:
        """Planned length of a segment in seconds (``None``: the current one)."""
        return self._slots[self._index(index)].segment.minutes * 60

    def remaining(self, index: int | None = None) -> float:
        """Planned seconds minus elapsed seconds; negative once over time.

        Args:
            index: Segment index; ``None`` for the current segment.
        """
        i = self._index(index)
        return self.planned_seconds(i) - self.elapsed(i)

    def timer_status(self, index: int | None = None) -> TimerStatus:
        """NORMAL, NEAR_END or OVER for a segment (rule in the module docstring).

        Args:
            index: Segment index; ``None`` for the current segment.
        """
        i = self._index(index)
        remaining = self.remaining(i)
        if remaining <= 0:
            return TimerStatus.OVER
        planned = self.planned_seconds(i)
        # Integer arithmetic: minutes * 60 / 5 is a whole number of seconds, so the
        # boundary is exact.
        window = min(planned // NEAR_END_FRACTION_DIVISOR, NEAR_END_MAX_SECONDS)
        if remaining <= window:
            return TimerStatus.NEAR_END
        return TimerStatus.NORMAL

    def _next_runnable(self, after: int) -> int | None:
        for i in range(after + 1, len(self._slots)):
            if not self._slots[i].skipped:
                return i
        return None

    def _previous_runnable(self, before: int) -> int | None:
        for i in range(before - 1, -1, -1):
            if not self._slots[i].skipped:
                return i
        return None

    def is_last(self) -> bool:
        """True when no segment that is not skipped comes after the current one."""
        return self._next_runnable(self._current) is None

    def progress(self) -> Progress:
        """A summary of where the meeting stands (see ``Progress``)."""
        self._observe()
        runnable = [i for i, slot in enumerate(self._slots) if not slot.skipped]
        current_slot = self._slots[self._current]
        left = max(0.0, current_slot.segment.minutes * 60 - current_slot.elapsed)
        left += sum(self._slots[i].segment.minutes * 60 for i in runnable if i > self._current)
        return Progress(
            current=self._current,
            position=runnable.index(self._current) + 1,
            count=len(runnable),
            visited=sum(1 for slot in self._slots if slot.visited),
            elapsed_seconds=sum(slot.elapsed for slot in self._slots),
            planned_seconds=sum(self._slots[i].segment.minutes * 60 for i in runnable),
            expected_remaining_seconds=left,
        )

    def actual_agenda(self) -> list[dict[str, object]]:
        """The agenda as run, for ``Meeting.agenda``: each segment with its times and flags.

        Returns:
            One dict per segment, in order: the segment's ``to_dict()`` fields plus
            ``elapsed_seconds`` (whole seconds), ``skipped`` and ``visited``.
        """
        self._observe()
        rows: list[dict[str, object]] = []
        for slot in self._slots:
            row = slot.segment.to_dict()
            row["elapsed_seconds"] = round(slot.elapsed)
            row["skipped"] = slot.skipped
            row["visited"] = slot.visited
            rows.append(row)
        return rows

    # ----------------------------------------------------------------- timer

    def start(self) -> None:
        """Start the meeting on the current segment (the first one unless moved before).

        Does nothing if already started. The current segment is never a skipped one (see
        ``skip``), so the meeting starts on a segment that is meant to run.
        """
        if self._started:
            return
        now = self._observe()
        self._started = True
        self._slots[self._current].visited = True
        self._sync_running(now)
        self._changed()

    def pause(self) -> None:
        """Stop the timer (the current segment stays current). No-op if already paused."""
        if self._paused:
            return
        now = self._observe()
        self._paused = True
        self._sync_running(now)
        self._changed()

    def resume(self) -> None:
        """Let the timer count again after ``pause``. No-op if not paused."""
        if not self._paused:
            return
        now = self._observe()
        self._paused = False
        self._sync_running(now)
        self._changed()

    def finish(self) -> None:
        """End the meeting's timing: time is banked and no longer counts.

        Navigation still works afterwards (to review), but no time accumulates. No-op if
        already finished.
        """
        if self._finished:
            return
        now = self._observe()
        self._finished = True
        self._sync_running(now)
        self._changed()

    # ----------------------------------------------------------------- navigation

    def _switch_to(self, index: int) -> None:
        now = self._observe()  # banks the outgoing segment's time
        self._current = index
        if self._started:
            self._slots[index].visited = True
        if self._running_since is not None:
            self._running_since = now  # the incoming segment starts counting now
        self._changed()

    def next(self) -> bool:
        """Go to the next segment that is not skipped.

        Returns:
            True if it moved; False at the end of the agenda (nothing changes then).
        """
        target = self._next_runnable(self._current)
        if target is None:
            return False
        self._switch_to(target)
        return True

    def previous(self) -> bool:
        """Go back to the previous segment that is not skipped.

        Returns:
            True if it moved; False at the start of the agenda (nothing changes then).
        """
        target = self._previous_runnable(self._current)
        if target is None:
            return False
        self._switch_to(target)
        return True

    def go_to(self, index: int) -> None:
        """Make any segment current. Going to a skipped segment un-skips it.

        Args:
            index: Segment index.

        Raises:
            IndexError: No such segment.
        """
        self._check_index(index)
        if index == self._current:
            return
        # The facilitator chose this segment after all, so it is no longer skipped.
        self._slots[index].skipped = False
        self._switch_to(index)

    # ----------------------------------------------------------------- agenda editing

    def skip(self, index: int) -> None:
        """Mark a segment as skipped; ``next``/``previous`` pass over it.

        Skipping the current segment also moves on to the next segment that is not skipped.
        Time already run in a skipped segment is kept. No-op if already skipped.

        Args:
            index: Segment index.

        Raises:
            IndexError: No such segment.
            InvalidMeetingOperation: It is the current segment and no segment after it is
                left to run (use ``previous``/``go_to`` first, or end the meeting).
        """
        self._check_index(index)
        slot = self._slots[index]
        if slot.skipped:
            return
        if index == self._current:
            target = self._next_runnable(index)
            if target is None:
                raise InvalidMeetingOperation("no segment after the current one to move to")
            slot.skipped = True
            self._switch_to(target)  # bumps revision
            return
        slot.skipped = True
        self._changed()

    def unskip(self, index: int) -> None:
        """Undo ``skip``. No-op if the segment is not skipped.

        Raises:
            IndexError: No such segment.
        """
        self._check_index(index)
        slot = self._slots[index]
        if not slot.skipped:
            return
        slot.skipped = False
        self._changed()

    def move(self, index: int, new_index: int) -> None:
        """Move a segment to a new place; the current segment stays current wherever it goes.

        Args:
            index: Where the segment is now.
            new_index: Where it should end up (0 .. len - 1).

        Raises:
            IndexError: Either index is out of range.
        """
        self._check_index(index)
        self._check_index(new_index)
        if index == new_index:
            return
        self._observe()
        current_slot = self._slots[self._current]
        slot = self._slots.pop(index)
        self._slots.insert(new_index, slot)
        self._current = self._slots.index(current_slot)  # identity: _Slot has eq=False
        self._changed()

    def insert(self, index: int, segment: Segment) -> None:
        """Insert a new segment before ``index`` (``len(run)`` appends).

        Args:
            index: Position for the new segment (0 .. len).
            segment: The segment; copied. Its minutes must pass ``agenda.validate``.

        Raises:
            IndexError: ``index`` is out of range.
            InvalidMeetingOperation: The segment's planned minutes are out of range.
        """
        self._check_index(index, upper=len(self._slots) + 1)
        problems = agenda.validate([segment])
        if problems:
            raise InvalidMeetingOperation("segment is not runnable: " + ", ".join(problems))
        self._observe()
        self._slots.insert(index, _Slot(_copy_segment(segment)))
        if index <= self._current:
            self._current += 1
        self._changed()

    def remove(self, index: int) -> None:
        """Remove a segment that is not the current one (its elapsed time goes with it).

        Raises:
            IndexError: No such segment.
            InvalidMeetingOperation: It is the current segment.
        """
        self._check_index(index)
        if index == self._current:
            raise InvalidMeetingOperation("the current segment cannot be removed")
        self._observe()
        del self._slots[index]
        if index < self._current:
            self._current -= 1
        self._changed()

    def set_minutes(self, index: int, minutes: int) -> None:
        """Change a segment's planned minutes (e.g. "five more minutes" for a long round).

        Raises:
            IndexError: No such segment.
            InvalidMeetingOperation: ``minutes`` is outside ``agenda.MIN_MINUTES`` ..
                ``agenda.MAX_MINUTES``.
        """
        self._check_index(index)
        slot = self._slots[index]
        changed = replace(slot.segment, minutes=minutes, options=dict(slot.segment.options))
        problems = agenda.validate([changed])
        if problems:
            raise InvalidMeetingOperation("minutes out of range")
        if slot.segment.minutes == minutes:
            return
        slot.segment = changed
        self._changed()

    # ----------------------------------------------------------------- persistence

    def to_state(self) -> dict[str, object]:
        """A JSON-serialisable snapshot to save after every operation.

        The snapshot holds plain types only (dicts, lists, str, int, float, bool, None) and
        a ``version``. Reading the clock here banks time, so ``running_since`` in the
        snapshot is the moment of saving.
        """
        self._observe()
        return {
            "version": STATE_VERSION,
            "revision": self._revision,
            "current": self._current,
            "started": self._started,
            "paused": self._paused,
            "finished": self._finished,
            "running_since": self._running_since,
            "segments": [
                {
                    "segment": slot.segment.to_dict(),
                    "elapsed": slot.elapsed,
                    "skipped": slot.skipped,
                    "visited": slot.visited,
                }
                for slot in self._slots
            ],
        }

    @classmethod
    def from_state(cls, state: object, clock: Callable[[], float] = time.time) -> MeetingRun:
        """Rebuild a run saved with ``to_state``, exactly where it was.

        If it was running, the time since the save counts as elapsed for the current
        segment, capped at that segment's planned time plus ``DOWNTIME_GRACE_SECONDS``;
        a clock now earlier than the save counts nothing. ``resume_gap_seconds`` and
        ``resume_counted_seconds`` on the result say what was found and what was counted.

        Args:
            state: The saved dict (as loaded from JSON).
            clock: Wall-clock seconds; injectable for tests.

        Returns:
            The resumed run.

        Raises:
            EngineStateError: The state is empty, garbled, inconsistent or from a newer
                version. Messages name fields only, never segment titles.
        """
        reader = _StateReader(state)
        run = cls.__new__(cls)
        run._clock = clock
        run._slots = reader.slots()
        run._current = reader.current(len(run._slots))
        run._started = reader.boolean("started")
        run._paused = reader.boolean("paused")
        run._finished = reader.boolean("finished")
        run._revision = reader.revision()
        running_since = reader.running_since()
        run._running_since = None
        run._last_reading = None
        run.resume_gap_seconds = 0.0
        run.resume_counted_seconds = 0.0
        if run._slots[run._current].skipped:
            raise EngineStateError("the current segment is marked skipped")
        if run._started and not run._slots[run._current].visited:
            raise EngineStateError("the current segment is not marked visited")
        if run.running != (running_since is not None):
            raise EngineStateError("running_since does not agree with started/paused/finished")
        if running_since is not None:
            run._last_reading = running_since  # a broken reading now counts no downtime
            now = run._read_clock()
            gap = now - running_since
            current_slot = run._slots[run._current]
            cap = current_slot.segment.minutes * 60 + DOWNTIME_GRACE_SECONDS
            counted = min(max(gap, 0.0), float(cap))
            current_slot.elapsed += counted
            run.resume_gap_seconds = gap
            run.resume_counted_seconds = counted
            run._running_since = now
        return run


class _StateReader:
    """Checks a saved state field by field, turning every problem into EngineStateError."""

    def __init__(self, state: object) -> None:
        if not isinstance(state, dict):
            raise EngineStateError("saved meeting state is not a mapping")
        if not state:
            raise EngineStateError("saved meeting state is empty")
        version = state.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise EngineStateError("saved meeting state has no version")
        if version > STATE_VERSION:
            raise EngineStateError(
                f"saved meeting state is version {version}, newer than this app's {STATE_VERSION}"
            )
        if version < 1:
            raise EngineStateError(f"saved meeting state has unknown version {version}")
        self._state: dict[object, object] = state

    def _get(self, key: str) -> object:
        if key not in self._state:
            raise EngineStateError(f"saved meeting state lacks {key!r}")
        return self._state[key]

    def boolean(self, key: str, source: dict[object, object] | None = None) -> bool:
        container = self._state if source is None else source
        if key not in container:
            raise EngineStateError(f"saved meeting state lacks {key!r}")
        value = container[key]
        if not isinstance(value, bool):
            raise EngineStateError(f"{key!r} is not true/false")
        return value

    def revision(self) -> int:
        value = self._get("revision")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise EngineStateError("'revision' is not a non-negative whole number")
        return value

    def current(self, count: int) -> int:
        value = self._get("current")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
            raise EngineStateError("'current' is not a segment index")
        return value

    def running_since(self) -> float | None:
        value = self._get("running_since")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise EngineStateError("'running_since' is not a time")
        if not math.isfinite(value):
            raise EngineStateError("'running_since' is not a finite time")
        return float(value)

    def slots(self) -> list[_Slot]:
        raw = self._get("segments")
        if not isinstance(raw, list) or not raw:
            raise EngineStateError("'segments' is not a non-empty list")
        slots = []
        for position, item in enumerate(raw):
            if not isinstance(item, dict):
                raise EngineStateError(f"segment {position} is not a mapping")
            segment_raw = item.get("segment")
            if not isinstance(segment_raw, dict) or "kind" not in segment_raw:
                raise EngineStateError(f"segment {position} has no segment data")
            try:
                segment = Segment.from_dict(segment_raw)
            except (KeyError, ValueError, TypeError) as exc:
                # Chained for debugging; the message itself names no user data.
                raise EngineStateError(f"segment {position} cannot be read") from exc
            if segment.minutes < 0:
                raise EngineStateError(f"segment {position} has negative minutes")
            elapsed = item.get("elapsed")
            if (
                isinstance(elapsed, bool)
                or not isinstance(elapsed, int | float)
                or not math.isfinite(elapsed)
                or elapsed < 0
            ):
                raise EngineStateError(f"segment {position} has no valid elapsed time")
            slots.append(
                _Slot(
                    segment=segment,
                    elapsed=float(elapsed),
                    skipped=self.boolean("skipped", item),
                    visited=self.boolean("visited", item),
                )
            )
        return slots

"""One open meeting: the engine (``MeetingRun``) joined with the Store (no Qt).

The meeting runner's widgets call this service for everything they do; it holds the
business rules (who counts as present, what "new here" creates, how a round is recorded)
so the widgets only show and ask. Every method that changes something is an operation
(``groupkeeper.ops``) handed to ``perform``, committed before it returns (the UI passes
``services.ops.run``, so every open screen hears of it); then ``saved_listeners`` get the
time of the save (the runner shows "Autosaved HH:MM:SS").

Engine state: after **every** engine operation (next, skip, move, pause...) the run's
``to_state()`` is saved in ``meetings.engine_state``, so a crash resumes at the same
segment (``MeetingRun.from_state``). The timer itself needs no periodic save: the saved
state records when the segment started running, and resuming counts the time since.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from groupkeeper import agenda, meeting_rules, ops
from groupkeeper.meeting import EngineStateError, MeetingRun
from groupkeeper.model import (
    Attendance,
    Goal,
    GoalOutcome,
    Group,
    Meeting,
    MeetingState,
    Member,
    MoodCheck,
    MoodRound,
    SafetyNote,
    Skill,
    SkillCategory,
    SkillShare,
)
from groupkeeper.ops import Op, OpResult, rules
from groupkeeper.roster import RosterIndex
from groupkeeper.storage.repos import Store
from groupkeeper.textfold import fold


@dataclass(frozen=True)
class Person:
    """Someone present, as the runner shows them: pseudonym and display name."""

    pseudonym: str
    name: str


VISITOR_MIN_LETTERS = 2  # members of other groups are offered from the second letter


@dataclass(frozen=True)
class CheckInMatch:
    """A member found at check-in; ``other_group`` names a group they belong to when they
    are not (yet) in this meeting's group."""

    member: Member
    other_group: str = ""


@dataclass(frozen=True)
class CheckInMatches:
    """What check-in found for the typed letters.

    ``ambiguous`` is True when the two best matches are equally good (the same rank, both
    of this group or both visitors): Enter must ask rather than take the first.
    """

    matches: list[CheckInMatch]
    ambiguous: bool = False


@dataclass(frozen=True)
class MeetingSummary:
    """Counts for the end-of-meeting summary (no names)."""

    present: int
    new: int
    apologies: int
    walk_ins: int
    opening_moods: int
    opening_passes: int
    closing_moods: int
    closing_passes: int
    skills_shared: int
    goals_set: int
    goals_reviewed: int
    safety_concerns: int

    @property
    def total_here(self) -> int:
        """Everyone in the room: checked-in members plus anonymous walk-ins."""
        return self.present + self.walk_ins


class MeetingSession:
    """A meeting being run: loads or resumes it and records every action durably.

    Args:
        store: The unlocked vault's repositories (reads).
        meeting_id: The (open) meeting to run.
        clock: Wall-clock seconds for the segment timers (``services.clock``).
        perform: Runs an operation and returns its result; by default
            ``ops.perform(store, op)`` (the UI passes its runner, which tells every screen).

    Raises:
        KeyError: No such meeting.
        EngineStateError: The saved engine state cannot be read.
    """

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        clock: Callable[[], float] = time.time,
        perform: Callable[[Op], OpResult] | None = None,
    ) -> None:
        self.store = store
        self._perform = perform
        self.meeting_id = meeting_id
        self.clock = clock
        self.saved_listeners: list[Callable[[datetime], None]] = []
        self.last_saved: datetime | None = None
        self.meeting: Meeting = store.meetings.get(meeting_id)
        self.group: Group = store.groups.get(self.meeting.group_id)
        # True when a saved timer state could not be read and the agenda restarted at its
        # first segment; every record (attendance, moods...) is in storage and unaffected.
        self.state_was_unreadable = False
        self.resumed = False
        if self.meeting.engine_state:
            try:
                self.run = MeetingRun.from_state(self.meeting.engine_state, clock)
                self.resumed = True
            except EngineStateError:
                self.state_was_unreadable = True
                self.run = self._fresh_run()
        else:
            self.run = self._fresh_run()
        if not self.run.started and self.meeting.state is MeetingState.OPEN:
            self.run.start()
            self.save_engine()
        self._members: list[Member] | None = None
        self._index: RosterIndex[Member] | None = None
        self._visitors: RosterIndex[Member] | None = None
        self._visitor_groups: dict[str, str] = {}

    def _fresh_run(self) -> MeetingRun:
        raw = self.meeting.agenda or self.group.agenda
        segments = agenda.from_dicts(raw) if raw else agenda.template(self.group.template)
        return MeetingRun(segments, self.clock)

    def clear_cache(self) -> None:
        """Drop the cached member list (names) - on lock, the runner calls this."""
        self._members = None
        self._index = None
        self._visitors = None
        self._visitor_groups = {}

    # -- saving ------------------------------------------------------------------------
    def _do(self, op: Op) -> Any:
        """Perform one operation (one transaction) and return what it returned."""
        result = self._perform(op) if self._perform is not None else ops.perform(self.store, op)
        return result.value

    def _saved(self) -> None:
        self.last_saved = self.store.clock()
        for listener in list(self.saved_listeners):
            listener(self.last_saved)

    def save_engine(self) -> None:
        """Persist the engine's state (called after every engine operation)."""
        self._do(ops.meetings.save_timer(meeting_id=self.meeting_id, state=self.run.to_state()))
        self._saved()

    # -- engine operations (each saved) ------------------------------------------------
    def next_segment(self) -> bool:
        """Go to the next segment that is not skipped; False at the end."""
        moved = self.run.next()
        if moved:
            self.save_engine()
        return moved

    def previous_segment(self) -> bool:
        moved = self.run.previous()
        if moved:
            self.save_engine()
        return moved

    def go_to(self, index: int) -> None:
        self.run.go_to(index)
        self.save_engine()

    def skip(self, index: int) -> None:
        """Skip a segment (the current one moves on). Raises InvalidMeetingOperation."""
        self.run.skip(index)
        self.save_engine()

    def unskip(self, index: int) -> None:
        self.run.unskip(index)
        self.save_engine()

    def move(self, index: int, new_index: int) -> None:
        self.run.move(index, new_index)
        self.save_engine()

    def set_minutes(self, index: int, minutes: int) -> None:
        self.run.set_minutes(index, minutes)
        self.save_engine()

    def toggle_pause(self) -> bool:
        """Pause or resume the timer. Returns True when now paused."""
        if self.run.paused:
            self.run.resume()
        else:
            self.run.pause()
        self.save_engine()
        return self.run.paused

    # -- roster and attendance ----------------------------------------------------------
    def still_there(self) -> bool:
        """Whether the meeting still exists (a laptop sharing the group may have discarded
        it; the discard arrives by sync)."""
        return self.store.meetings.exists(self.meeting_id)

    def members(self) -> list[Member]:
        """The group's active members (cached; refreshed when someone is added)."""
        if self._members is None:
            self._members = self.store.members.all(self.group.id, active_only=True)
        return self._members

    def find_members(self, query: str, limit: int = 8) -> list[Member]:
        """Type-ahead over the group's active members (display name, full name, phone)."""
        if self._index is None:
            self._index = RosterIndex(self.members())
        if not query.strip():
            return []
        return self._index.filter(query)[:limit]

    def prepare_check_in(self) -> None:
        """Build the type-ahead indexes now (an idle moment), not at the first keystroke."""
        if self._index is None:
            self._index = RosterIndex(self.members())
        self._visitor_index()

    def _visitor_index(self) -> RosterIndex[Member]:
        """Active members of the other groups (and of none), for people visiting."""
        if self._visitors is None:
            names = {g.id: g.name for g in self.store.groups.all(active_only=False)}
            others = [
                m
                for m in self.store.members.all(active_only=True)
                if self.group.id not in m.group_ids
            ]
            self._visitor_groups = {
                m.pseudonym: ", ".join(names[g] for g in m.group_ids if g in names) for m in others
            }
            self._visitors = RosterIndex(others)
        return self._visitors

    def find_for_check_in(self, query: str, limit: int = 8, visitors: int = 3) -> CheckInMatches:
        """This group's members matching ``query``, then up to ``visitors`` members of other
        groups (a regular visiting is found, not added twice through "New here").

        A member of this group outranks a visitor of the same rank; the two best are
        "ambiguous" when they have the same rank and the same standing.
        """
        if not query.strip():
            return CheckInMatches([])
        if self._index is None:
            self._index = RosterIndex(self.members())
        own = self._index.filter_ranked(query)[:limit]
        # One letter matches most of a big roster's other groups: visitors are looked for
        # from the second letter on (also what keeps a keystroke well under 5 ms).
        typed = "".join(query.split())
        if len(typed) >= VISITOR_MIN_LETTERS and visitors > 0:
            others = self._visitor_index().filter_ranked(query)[:visitors]
        else:
            others = []
        matches = [CheckInMatch(m) for m, _rank in own] + [
            CheckInMatch(m, self._visitor_groups.get(m.pseudonym) or "-") for m, _rank in others
        ]
        ranked = own if own else others
        ambiguous = len(ranked) > 1 and ranked[0][1] == ranked[1][1]
        return CheckInMatches(matches, ambiguous)

    def check_in_visitor(self, pseudonym: str) -> Attendance:
        """A member of another group arrives: add them to this group, mark them present
        (the ``attendance.check_in_visitor`` operation: one transaction)."""
        att: Attendance = self._do(
            ops.attendance.check_in_visitor(meeting_id=self.meeting_id, pseudonym=pseudonym)
        )
        self.clear_cache()
        self._saved()
        return att

    def attendance(self) -> list[Attendance]:
        return self.store.meetings.attendance(self.meeting_id)

    def attendance_of(self, pseudonym: str) -> Attendance | None:
        """One person's check-in record in this meeting (None if there is none)."""
        return self.store.meetings.attendance_of(self.meeting_id, pseudonym)

    def names(self, pseudonyms: list[str]) -> dict[str, str]:
        """Display names for pseudonyms (members forgotten since have none).

        The group's members come from the session's cache, so naming someone needs no
        disk read (it keeps working while a pulled USB stick is put back).
        """
        known = {m.pseudonym: m.display_name for m in self.members()}
        result = {p: known[p] for p in pseudonyms if p in known}
        missing = [p for p in pseudonyms if p not in known]
        if missing:
            result.update(self.store.members.names_by_pseudonym(missing))
        return result

    def present(self) -> list[Person]:
        """People checked in as present, in order of arrival."""
        pseudonyms = self.store.meetings.present(self.meeting_id)
        names = self.names(pseudonyms)
        return [Person(p, names.get(p, "")) for p in pseudonyms]

    def check_in(self, pseudonym: str) -> Attendance:
        """Mark a member present (also turns "sent apologies" into present)."""
        att: Attendance = self._do(
            ops.attendance.check_in(meeting_id=self.meeting_id, pseudonym=pseudonym)
        )
        self._saved()
        return att

    def mark_apologies(self, pseudonym: str) -> Attendance:
        """Record that a member sent apologies (not attending, not a drop-out)."""
        att: Attendance = self._do(
            ops.attendance.send_apologies(meeting_id=self.meeting_id, pseudonym=pseudonym)
        )
        self._saved()
        return att

    def arrivals_newest_first(self) -> list[Attendance]:
        """Everyone recorded at check-in (present or apologies), the latest first."""
        return list(reversed(self.attendance()))

    def undo_check_in(self, pseudonym: str | None = None) -> Attendance | None:
        """Take back a check-in (or "sent apologies"): ``pseudonym``'s, or the latest one.

        Returns:
            The record that was taken back, or None when nobody is checked in.
        """
        op = ops.attendance.undo(meeting_id=self.meeting_id, pseudonym=pseudonym or "")
        undone: Attendance | None = self._do(op)
        if undone is not None:
            self._saved()
        return undone

    def add_new_member(self, display_name: str) -> Member:
        """Someone new: a member with just a display name, in this group, checked in as new.

        Raises:
            InvalidInput: The name is empty.
        """
        member: Member = self._do(
            ops.attendance.add_newcomer(meeting_id=self.meeting_id, display_name=display_name)
        )
        self._members = None
        self._index = None
        self._saved()
        return member

    def change_walk_ins(self, delta: int) -> int:
        """Add (or take back) anonymous walk-ins; returns the new count."""
        value: int = self._do(ops.meetings.change_walk_ins(meeting_id=self.meeting_id, delta=delta))
        self.meeting.walk_ins = value
        self._saved()
        return value

    # -- moods ---------------------------------------------------------------------------
    def moods(self, round: MoodRound) -> dict[str, MoodCheck]:
        """Named answers of a round, by pseudonym."""
        return {
            m.pseudonym: m
            for m in self.store.moods.for_meeting(self.meeting_id, round)
            if m.pseudonym is not None
        }

    def record_mood(
        self, round: MoodRound, pseudonym: str, score: int, feeling_word: str = ""
    ) -> MoodCheck:
        """Record (or replace) a person's score. Raises InvalidInput off the scale."""
        mood: MoodCheck = self._do(
            ops.moods.record(
                meeting_id=self.meeting_id,
                round=MoodRound(round).value,
                pseudonym=pseudonym,
                score=score,
                feeling_word=feeling_word,
            )
        )
        self._saved()
        return mood

    def pass_mood(self, round: MoodRound, pseudonym: str) -> MoodCheck:
        """Record that a person passed (no score)."""
        mood: MoodCheck = self._do(
            ops.moods.pass_(
                meeting_id=self.meeting_id, round=MoodRound(round).value, pseudonym=pseudonym
            )
        )
        self._saved()
        return mood

    def clear_mood(self, round: MoodRound, pseudonym: str) -> None:
        """Take back a person's answer in this round."""
        op = ops.moods.clear(
            meeting_id=self.meeting_id, round=MoodRound(round).value, pseudonym=pseudonym
        )
        if self._do(op):
            self._saved()

    def tally(self, round: MoodRound) -> dict[int, int]:
        """Tally-only groups: anonymous count per score in this round."""
        counts = {s: 0 for s in range(self.group.mood_scale.low, self.group.mood_scale.high + 1)}
        for m in self.store.moods.for_meeting(self.meeting_id, round):
            if m.pseudonym is None and m.score is not None:
                counts[m.score] = counts.get(m.score, 0) + 1
        return counts

    def add_tally(self, round: MoodRound, score: int) -> MoodCheck:
        """Tally-only groups: one anonymous answer with ``score`` (no pseudonym at all)."""
        mood: MoodCheck = self._do(
            ops.moods.add_tally(
                meeting_id=self.meeting_id, round=MoodRound(round).value, score=score
            )
        )
        self._saved()
        return mood

    def undo_tally(self, round: MoodRound, score: int) -> bool:
        """Remove the latest anonymous answer with ``score``; False if there is none."""
        op = ops.moods.undo_tally(
            meeting_id=self.meeting_id, round=MoodRound(round).value, score=score
        )
        if not self._do(op):
            return False
        self._saved()
        return True

    # -- goals ---------------------------------------------------------------------------
    def goals_to_review(self) -> list[Goal]:
        """Open goals from before this meeting of the people present (and ones reviewed
        here, so a review can be changed)."""
        present = [p.pseudonym for p in self.present()]
        return self.store.goals.open_for(present, before_meeting_id=self.meeting_id)

    def review_goal(self, goal_id: int, outcome: GoalOutcome | None) -> None:
        """Record how a goal went (``None`` undoes the review)."""
        value = GoalOutcome(outcome).value if outcome else None
        self._do(ops.goals.review(meeting_id=self.meeting_id, goal_id=goal_id, outcome=value))
        self._saved()

    def goals_set(self) -> dict[str, Goal]:
        """Goals set in this meeting, by pseudonym (one per person)."""
        return {g.pseudonym: g for g in self.store.goals.set_in(self.meeting_id)}

    def set_goal(self, pseudonym: str, text: str) -> Goal:
        """Set or change a person's goal for the week. Raises InvalidInput when empty."""
        goal: Goal = self._do(
            ops.goals.set_goal(meeting_id=self.meeting_id, pseudonym=pseudonym, text=text)
        )
        self._saved()
        return goal

    def remove_goal(self, pseudonym: str) -> None:
        if self._do(ops.goals.remove(meeting_id=self.meeting_id, pseudonym=pseudonym)):
            self._saved()

    # -- skills --------------------------------------------------------------------------
    def skill_categories(self) -> list[SkillCategory]:
        return self.store.skills.categories()

    def find_skills(
        self, query: str, limit: int = 8, shown: Callable[[Skill], str] | None = None
    ) -> list[Skill]:
        """Library skills whose name contains every word of ``query`` (accent-blind).

        Args:
            query: What was typed.
            limit: At most this many skills.
            shown: The name as the user sees it (a starter skill in the user's language);
                the stored name by default.
        """
        tokens = fold(query).split()
        skills = self.store.skills.skills()
        if not tokens:
            return skills[:limit]
        starts: list[Skill] = []
        contains: list[Skill] = []
        for skill in skills:
            name = fold(shown(skill) if shown is not None else skill.name)
            if all(t in name for t in tokens):
                (starts if name.startswith(tokens[0]) else contains).append(skill)
        return (starts + contains)[:limit]

    def add_skill(self, name: str, category_id: int) -> Skill:
        skill: Skill = self._do(ops.skills.add(name=name, category_id=category_id))
        return skill

    def add_category(self, name: str) -> SkillCategory:
        category: SkillCategory = self._do(ops.skills.add_category(name=name))
        return category

    def share_skill(self, skill_id: int, pseudonym: str | None = None) -> SkillShare:
        share: SkillShare = self._do(
            ops.skills.share(meeting_id=self.meeting_id, skill_id=skill_id, pseudonym=pseudonym)
        )
        self._saved()
        return share

    def remove_share(self, share_id: int) -> None:
        self._do(ops.skills.remove_share(meeting_id=self.meeting_id, share_id=share_id))
        self._saved()

    def shares(self) -> list[SkillShare]:
        return self.store.skills.shares(self.meeting_id)

    def skill_names(self, shown: Callable[[Skill], str] | None = None) -> dict[int, str]:
        """Skill id -> name (as ``shown``, see ``find_skills``)."""
        return {
            s.id: shown(s) if shown is not None else s.name
            for s in self.store.skills.skills()
            if s.id is not None
        }

    def most_shared(self, limit: int = 5) -> list[tuple[Skill, int]]:
        if self.group.id is None:
            return []
        return self.store.skills.most_shared(self.group.id, limit)

    # -- safety and wellbeing ------------------------------------------------------------
    def change_safety_concerns(self, delta: int) -> int:
        value: int = self._do(
            ops.meetings.change_safety_concerns(meeting_id=self.meeting_id, delta=delta)
        )
        self.meeting.safety_concerns = value
        self._saved()
        return value

    def safety_concerns(self) -> int:
        return self.store.meetings.get(self.meeting_id).safety_concerns

    def add_safety_note(self, text: str) -> None:
        """A private note: encrypted in the vault, never exported."""
        self._do(ops.meetings.add_safety_note(meeting_id=self.meeting_id, text=text))
        self._saved()

    def safety_notes(self) -> list[SafetyNote]:
        """This group's private notes, newest first (for the facilitator, in the vault only)."""
        if self.group.id is None:
            return []
        return self.store.safety.for_group(self.group.id)

    def record_wellbeing(self, pseudonym: str, answers: list[int]) -> None:
        """Store one person's complete answers to the group's wellbeing scale."""
        self._do(
            ops.meetings.record_wellbeing(
                meeting_id=self.meeting_id, pseudonym=pseudonym, answers=list(answers)
            )
        )
        self._saved()

    def wellbeing_answers(self) -> dict[str, list[int]]:
        return {
            r.pseudonym: r.answers
            for r in self.store.wellbeing.for_meeting(self.meeting_id)
            if r.pseudonym is not None
        }

    # -- closing -------------------------------------------------------------------------
    def default_next_meeting_date(self) -> date:
        """The date already chosen, else the group's next usual day after this meeting
        (whatever day this one was held on; a week later for a group without one)."""
        chosen = self.store.meetings.get(self.meeting_id).next_meeting_date
        if chosen:
            return date.fromisoformat(chosen)
        return meeting_rules.next_meeting_after(self.group, date.fromisoformat(self.meeting.date))

    def set_next_meeting_date(self, value: date) -> None:
        self._do(
            ops.meetings.set_next_date(
                meeting_id=self.meeting_id, next_meeting_date=value.isoformat()
            )
        )
        self._saved()

    def headcount(self) -> rules.Headcount:
        """Who is in the room now (``ops.rules.headcount``: present members and walk-ins)."""
        walk_ins = self.store.meetings.get(self.meeting_id).walk_ins
        return rules.headcount(self.attendance(), walk_ins)

    def summary(self) -> MeetingSummary:
        meeting = self.store.meetings.get(self.meeting_id)
        count = rules.headcount(self.attendance(), meeting.walk_ins)
        opening = self.store.moods.for_meeting(self.meeting_id, MoodRound.OPENING)
        closing = self.store.moods.for_meeting(self.meeting_id, MoodRound.CLOSING)
        return MeetingSummary(
            present=count.present,
            new=count.new,
            apologies=count.apologies,
            walk_ins=count.walk_ins,
            opening_moods=sum(1 for m in opening if not m.passed),
            opening_passes=sum(1 for m in opening if m.passed),
            closing_moods=sum(1 for m in closing if not m.passed),
            closing_passes=sum(1 for m in closing if m.passed),
            skills_shared=len(self.shares()),
            goals_set=len(self.store.goals.set_in(self.meeting_id)),
            goals_reviewed=len(self.store.goals.reviewed_in(self.meeting_id)),
            safety_concerns=meeting.safety_concerns,
        )

    def end(self, next_meeting_date: date | None = None) -> MeetingSummary:
        """Stop the timers, keep the agenda as run, close the meeting; return the summary."""
        self.run.finish()
        when = next_meeting_date.isoformat() if next_meeting_date else ""
        self.meeting = self._do(
            ops.meetings.end(
                meeting_id=self.meeting_id,
                state=self.run.to_state(),
                agenda=self.run.actual_agenda(),
                next_meeting_date=when,
            )
        )
        self._saved()
        return self.summary()

    @property
    def is_closed(self) -> bool:
        return self.meeting.state is MeetingState.CLOSED

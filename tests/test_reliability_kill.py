"""Reliability: SIGKILL a whole scripted meeting at 50 random moments; nothing acknowledged is lost.

The foundation's kill test (``test_durability``: check-ins and moods, 24 kills) widened to
every kind of action a meeting records: check-ins and newcomers, opening and closing moods
with feeling words, skill shares, goals, agenda moves, walk-ins and the safety count. The
child is ``durability_child.py --full``; it prints a line only after the write it reports
has been committed. After each kill (fixed seed) the vault must open, pass
``integrity_check`` and ``cipher_integrity_check`` (``Vault.check() == []``), hold every
acknowledged action with its value, and the meeting must resume on the acknowledged segment.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_durability import PASSPHRASE, _make_vault, _run_and_kill

from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import MoodRound
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import Vault

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    pytest.mark.slow,
]

KILLS = 50


@dataclass
class Acknowledged:
    """Everything the child said it had committed, across all rounds."""

    present: set[str] = field(default_factory=set)
    new: set[str] = field(default_factory=set)
    moods: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    shares: set[int] = field(default_factory=set)
    goals: set[str] = field(default_factory=set)
    segment_at_revision: dict[int, int] = field(default_factory=dict)
    walk_ins: int = 0
    safety: int = 0
    lines: int = 0

    def take(self, line: str) -> None:
        kind, *args = line.split()
        self.lines += kind != "READY"
        if kind == "CHECKIN":
            self.present.add(args[0])
        elif kind == "NEW":
            self.present.add(args[0])
            self.new.add(args[0])
        elif kind == "MOOD":
            round_, pseudonym, score, word = args
            self.moods[(round_, pseudonym)] = (int(score), word)
        elif kind == "SHARE":
            self.shares.add(int(args[0]))
        elif kind == "GOAL":
            self.goals.add(args[0])
        elif kind == "STATE":
            self.segment_at_revision[int(args[0])] = int(args[1])
        elif kind == "WALKINS":
            self.walk_ins = max(self.walk_ins, int(args[0]))
        elif kind == "SAFETY":
            self.safety = max(self.safety, int(args[0]))
        elif kind != "READY":
            raise AssertionError(f"unexpected line from the child: {line!r}")


def _check_everything_acknowledged_is_there(folder: Path, acked: Acknowledged) -> None:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert vault.check() == []  # integrity_check and cipher_integrity_check
        store = Store(vault.db, folder)
        meeting = store.meetings.open_meeting()
        if meeting is None:  # killed before the first meeting was started
            assert acked.lines == 0
            return
        assert meeting.id is not None
        attendance = {a.pseudonym: a for a in store.meetings.attendance(meeting.id)}
        assert acked.present <= set(store.meetings.present(meeting.id)), "lost a check-in"
        assert all(attendance[p].is_new for p in acked.new), "lost a newcomer's 'new here'"
        for (round_, pseudonym), (score, word) in acked.moods.items():
            moods = store.moods.for_meeting(meeting.id, MoodRound(round_))
            recorded = {m.pseudonym: m for m in moods}
            assert pseudonym in recorded, "lost a mood"
            assert (recorded[pseudonym].score, recorded[pseudonym].feeling_word) == (score, word)
        share_ids = {s.id for s in store.skills.shares(meeting.id)}
        assert acked.shares <= share_ids, "lost a skill share"
        goal_owners = {g.pseudonym for g in store.goals.set_in(meeting.id)}
        assert acked.goals <= goal_owners, "lost a goal"
        # Counters: the acknowledged value, or one more whose line the kill cut off. What
        # is stored now is the baseline for the next round (which may cut off one more).
        assert meeting.walk_ins in (acked.walk_ins, acked.walk_ins + 1)
        assert meeting.safety_concerns in (acked.safety, acked.safety + 1)
        acked.walk_ins, acked.safety = meeting.walk_ins, meeting.safety_concerns
        # The meeting resumes, as the app would resume it, on the acknowledged segment.
        session = MeetingSession(store, meeting.id)
        assert session.run.started and not session.is_closed
        if acked.segment_at_revision:
            last = max(acked.segment_at_revision)
            assert session.run.revision >= last
            if session.run.revision in acked.segment_at_revision:
                assert session.run.current == acked.segment_at_revision[session.run.revision]


def test_sigkill_a_whole_scripted_meeting_50_times(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    _make_vault(folder)
    rng = random.Random(20261201)
    acked = Acknowledged()
    for _round in range(KILLS):
        for line in _run_and_kill(folder, rng, ("--full",), max_lines=24):
            if line:
                acked.take(line)
        _check_everything_acknowledged_is_there(folder, acked)
    # The kills landed while every kind of action was happening.
    assert acked.lines >= 100
    assert acked.moods and acked.shares and acked.goals and acked.new
    assert acked.walk_ins > 0 and acked.safety > 0 and len(acked.segment_at_revision) > 3

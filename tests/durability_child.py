"""Child process for ``test_durability``: records check-ins until it is killed.

Usage: ``python tests/durability_child.py VAULT_DIR [--full]`` with the (test) passphrase
on standard input. It lowers the KDF floor in code, as the test vault was made with the
test floor. After each action is committed it prints one line and flushes:

* ``READY <meeting id>`` once the vault is open and the meeting resumed or started;
* ``ACK <pseudonym>`` after a check-in;
* ``MOOD <pseudonym> <score>`` after an opening mood;
* ``STATE <revision>`` after the engine state was saved.

With ``--full`` (``test_reliability_kill``) it runs a whole scripted meeting instead:
check-ins and newcomers, opening and closing moods with feeling words, skill shares,
goals, agenda moves, walk-ins and the safety count, one line per committed action
(``CHECKIN``, ``NEW``, ``MOOD``, ``SHARE``, ``GOAL``, ``STATE``, ``WALKINS``,
``SAFETY``). Values are derived from the pseudonym, so a write repeated after a restart
stores the same value and an acknowledged value is never overwritten by a different one.

Nothing is printed before the write it reports has returned (``Store`` commits before
returning), so every printed line must survive a SIGKILL.
"""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

from groupkeeper.storage import keyheader

_floor = keyheader.lowered_floor_for_tests()
_floor.__enter__()  # kept referenced: the floor stays lowered for the whole process

from groupkeeper.meeting_session import MeetingSession  # noqa: E402
from groupkeeper.model import MoodRound  # noqa: E402
from groupkeeper.storage.repos import Store  # noqa: E402
from groupkeeper.storage.vault import Vault  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def scripted_value(pseudonym: str, what: str, choices: int) -> int:
    """A value that depends only on the person and what it is for (so rewrites agree)."""
    digest = hashlib.sha256(f"{pseudonym}/{what}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % choices


def full_meeting(session: MeetingSession, store: Store) -> None:
    """The scripted meeting of ``--full``: eight kinds of action in turn, forever."""
    meeting_id = session.meeting_id
    skills = [s for s in store.skills.skills() if s.id is not None]
    step = 0
    while True:
        kind = step % 8
        present = store.meetings.present(meeting_id)
        if kind == 0 or not present:
            waiting = [m for m in session.members() if m.pseudonym not in set(present)]
            if waiting and step % 5:
                session.check_in(waiting[0].pseudonym)
                say(f"CHECKIN {waiting[0].pseudonym}")
            else:
                say(f"NEW {session.add_new_member(f'Newcomer {step}').pseudonym}")
        elif kind in (1, 7):
            pseudonym = present[step % len(present)]
            round_ = MoodRound.OPENING if kind == 1 else MoodRound.CLOSING
            score = 1 + scripted_value(pseudonym, round_.value, 5)
            word = ("calm", "tired", "hopeful")[scripted_value(pseudonym, "word", 3)]
            session.record_mood(round_, pseudonym, score, word)
            say(f"MOOD {round_.value} {pseudonym} {score} {word}")
        elif kind == 2:
            if not session.next_segment():
                session.go_to(0)
            say(f"STATE {session.run.revision} {session.run.current}")
        elif kind == 3:
            pseudonym = present[step % len(present)]
            skill = skills[scripted_value(pseudonym, "skill", len(skills))]
            assert skill.id is not None
            say(f"SHARE {session.share_skill(skill.id, pseudonym).id}")
        elif kind == 4:
            pseudonym = present[step % len(present)]
            session.set_goal(pseudonym, f"Goal {scripted_value(pseudonym, 'goal', 1000)}")
            say(f"GOAL {pseudonym}")
        elif kind == 5:
            say(f"WALKINS {session.change_walk_ins(1)}")
        else:
            say(f"SAFETY {session.change_safety_concerns(1)}")
        step += 1


def main() -> None:
    folder = Path(sys.argv[1])
    passphrase = sys.stdin.readline().rstrip("\n")
    vault = Vault.unlock(folder, passphrase)
    store = Store(vault.db, folder)
    group = store.groups.all()[0]
    assert group.id is not None
    meeting = store.meetings.open_meeting(group.id)
    if meeting is None:
        meeting = store.meetings.start(group.id, date(2026, 11, 24).isoformat())
    assert meeting.id is not None
    session = MeetingSession(store, meeting.id)
    say(f"READY {meeting.id}")
    if "--full" in sys.argv[2:]:
        full_meeting(session, store)
    step = 0
    while True:
        present = set(store.meetings.present(meeting.id))
        waiting = [m for m in store.members.all() if m.pseudonym not in present]
        if waiting:
            pseudonym = waiting[0].pseudonym
            session.check_in(pseudonym)
        else:
            pseudonym = session.add_new_member(f"Walk-in {step}").pseudonym
        say(f"ACK {pseudonym}")
        score = 1 + step % 5
        session.record_mood(MoodRound.OPENING, pseudonym, score)
        say(f"MOOD {pseudonym} {score}")
        if step % 3 == 0:
            if not session.next_segment():
                session.go_to(0)
            say(f"STATE {session.run.revision}")
        step += 1


if __name__ == "__main__":
    main()

"""Child process for ``test_durability``: records check-ins until it is killed.

Usage: ``python tests/durability_child.py VAULT_DIR`` with the (test) passphrase on
standard input. It lowers the KDF floor in code, as the test vault was made with the
test floor. After each action is committed it prints one line and flushes:

* ``READY <meeting id>`` once the vault is open and the meeting resumed or started;
* ``ACK <pseudonym>`` after a check-in;
* ``MOOD <pseudonym> <score>`` after an opening mood;
* ``STATE <revision>`` after the engine state was saved.

Nothing is printed before the write it reports has returned (``Store`` commits before
returning), so every printed line must survive a SIGKILL.
"""

from __future__ import annotations

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

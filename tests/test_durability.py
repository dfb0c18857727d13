"""Durability: SIGKILL a process in the middle of a meeting; nothing acknowledged is lost.

A child (``durability_child.py``) checks people in, records moods and moves the agenda,
printing a line after each committed action. The test kills it with SIGKILL at random
moments (fixed seed), then reopens the vault and checks that it is sound, that every
acknowledged action is there, and that the meeting resumes. Power loss is covered by
``synchronous=FULL``, which is asserted here on the opened vault.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from groupkeeper.meeting import MeetingRun
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import Group, Member, MoodRound
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import Vault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

CHILD = Path(__file__).with_name("durability_child.py")
REPO = CHILD.parents[1]
PASSPHRASE = "durable passphrase"
ROUNDS = 24


def _make_vault(folder: Path) -> None:
    vault, _ = Vault.create(folder, PASSPHRASE)
    with vault:
        store = Store(vault.db, folder)
        group = store.groups.add(Group(name="Durable group", crisis_resources="x"))
        assert group.id is not None
        store.members.add_many([Member(f"Person {i}", group_ids=[group.id]) for i in range(40)])


def _run_and_kill(
    folder: Path, rng: random.Random, extra_args: tuple[str, ...] = (), max_lines: int = 12
) -> list[str]:
    """One round: start the child, let it work a random while, SIGKILL it; its lines.

    ``test_reliability_kill`` reuses this with ``extra_args=("--full",)``.
    """
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), *extra_args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        # The script's own folder is on its path, not the repository: add it.
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        },
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(PASSPHRASE + "\n")
    proc.stdin.close()
    lines: list[str] = []
    try:
        if rng.random() < 0.15:
            # Kill while it is still starting up (unlocking, configuring, resuming).
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            ready = proc.stdout.readline()
            lines.append(ready.strip())
            if not ready.startswith("READY"):
                return lines  # the child failed; its stderr is shown below
            for _ in range(rng.randint(0, max_lines)):
                line = proc.stdout.readline()
                if not line:
                    break
                lines.append(line.strip())
            time.sleep(rng.uniform(0.0, 0.02))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.stderr is not None
        rest, err = proc.stdout.read(), proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
    lines.extend(line.strip() for line in rest.splitlines() if line.strip())
    assert proc.returncode == -signal.SIGKILL, err  # it died by our hand, not by a bug
    return lines


def test_sigkill_loses_no_acknowledged_action(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    _make_vault(folder)
    rng = random.Random(20261124)
    acked: set[str] = set()
    moods: dict[str, int] = {}
    last_state_revision = -1
    for _round in range(ROUNDS):
        for line in _run_and_kill(folder, rng):
            kind, _, rest = line.partition(" ")
            if kind == "ACK":
                acked.add(rest)
            elif kind == "MOOD":
                pseudonym, score = rest.split()
                moods[pseudonym] = int(score)
            elif kind == "STATE":
                last_state_revision = max(last_state_revision, int(rest))

        with Vault.unlock(folder, PASSPHRASE) as vault:
            assert vault.check() == []
            assert vault.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            store = Store(vault.db, folder)
            meeting = store.meetings.open_meeting()
            if meeting is None:  # killed before the first meeting was started
                assert not acked
                continue
            assert meeting.id is not None
            present = set(store.meetings.present(meeting.id))
            assert acked <= present, "an acknowledged check-in was lost"
            recorded = {
                m.pseudonym: m.score for m in store.moods.for_meeting(meeting.id, MoodRound.OPENING)
            }
            for pseudonym, score in moods.items():
                assert recorded.get(pseudonym) == score, "an acknowledged mood was lost"
            if meeting.engine_state:
                run = MeetingRun.from_state(meeting.engine_state)
                assert run.started
                assert run.revision >= last_state_revision
            # The meeting resumes where it was, as the app would resume it.
            session = MeetingSession(store, meeting.id)
            assert session.run.started and not session.is_closed
    assert len(acked) >= 5  # the kills landed while real work was happening

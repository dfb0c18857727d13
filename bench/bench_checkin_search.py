"""Check-in type-ahead, members of other groups included, in a vault of 10,000 members.

One sample is one keystroke's search: ``MeetingSession.find_for_check_in`` on the text
typed so far (this group's members, then from the second letter up to three members of
other groups, and whether the two best are equally good). Each name is typed letter by
letter, as at the door.
Target: p95 under 5 ms per keystroke (the roster type-ahead target).

Baseline, same run: ``RosterIndex.filter`` over the group's own members only (what
check-in searched before it looked at other groups), on the same keystrokes. The ratio
is what looking at the other groups' members costs. Building the indexes (done once, just
after the check-in segment is shown, before anyone types) is reported separately.
"""

from __future__ import annotations

import time

from bench.common import Row, demo_vault, median_of

TARGET_MS = 5.0


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def run(quick: bool) -> list[Row]:
    from groupkeeper.demo import DEMO_PASSPHRASE
    from groupkeeper.meeting_session import MeetingSession
    from groupkeeper.roster import RosterIndex
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.vault import Vault

    folder = demo_vault(10_000, 20, 5)
    vault = Vault.unlock(folder, DEMO_PASSPHRASE)
    try:
        store = Store(vault.db, vault.folder)
        group = store.groups.all()[0]
        meeting = store.meetings.start(group.id, "2026-01-02")
        session = MeetingSession(store, meeting.id)
        everyone = store.members.all(active_only=True)
        names = [
            m.display_name for m in everyone[:: max(1, len(everyone) // (20 if quick else 80))]
        ]
        start = time.perf_counter()
        session.prepare_check_in()  # both indexes, built once as the segment opens
        first_ms = (time.perf_counter() - start) * 1000
        ours: list[float] = []
        for name in names:
            for end in range(1, min(len(name), 6) + 1):
                start = time.perf_counter()
                session.find_for_check_in(name[:end])
                ours.append((time.perf_counter() - start) * 1000)
        own = RosterIndex(session.members())
        base: list[float] = []
        for name in names:
            for end in range(1, min(len(name), 6) + 1):
                start = time.perf_counter()
                own.filter(name[:end])[:8]
                base.append((time.perf_counter() - start) * 1000)
        n_members = len(everyone)
    finally:
        vault.lock()
    return [
        Row(
            "group-only type-ahead, p95 per keystroke (baseline)",
            _p95(base),
            None,
            float("inf"),
            unit="ms",
        ),
        Row(
            f"check-in type-ahead with other groups, p95 per keystroke, {n_members:,} members",
            _p95(ours),
            None,
            TARGET_MS,
            unit="ms",
            note=(
                f"{_p95(ours) / max(_p95(base), 1e-6):.1f}x the baseline; median "
                f"{median_of(ours):.2f} ms; building the indexes once {first_ms:.0f} ms"
            ),
        ),
    ]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)

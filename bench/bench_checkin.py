"""Durable check-in: click to committed, in a vault of 10,000 members.

One sample is one ``MeetingSession.check_in`` (what the runner's check-in button calls):
an upsert into ``attendance`` committed with ``synchronous=FULL`` (WAL, fsync on every
commit), on the 10,000-member, 20-group, 5-year demo vault, each time a different member.
Target: under 20 ms.

Baseline, same run and same folder (same disk): a plain stdlib ``sqlite3`` database, no
encryption, same journal mode (WAL) and ``synchronous=FULL``, one INSERT + COMMIT per
sample. The ratio is therefore what encryption and the app's layers add to the fsync that
any durable write pays.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from bench.common import Row, demo_vault, median_of

TARGET_MS = 20.0


def _baseline(folder: Path, count: int) -> list[float]:
    path = folder / "bench-baseline.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS attendance (meeting_id INTEGER, pseudonym TEXT,"
            " status TEXT, is_new INTEGER, recorded_at TEXT, PRIMARY KEY (meeting_id, pseudonym))"
        )
        samples = []
        for i in range(count):
            start = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute(
                "INSERT INTO attendance VALUES (?, ?, 'present', 0, ?)",
                [1, f"P-{i:010d}", "2026-01-01T00:00:00+00:00"],
            )
            conn.execute("COMMIT")
            samples.append((time.perf_counter() - start) * 1000)
        return samples
    finally:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def run(quick: bool) -> list[Row]:
    """Check in ``count`` different members, one commit each; then the baseline."""
    from groupkeeper.demo import DEMO_PASSPHRASE
    from groupkeeper.meeting_session import MeetingSession
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.vault import Vault

    count = 40 if quick else 200
    folder = demo_vault(10_000, 20, 5)
    vault = Vault.unlock(folder, DEMO_PASSPHRASE)
    try:
        sync = vault.db.execute("PRAGMA synchronous").fetchone()[0]
        assert int(sync) == 2, f"synchronous is {sync}, not FULL"  # noqa: PLR2004
        store = Store(vault.db, vault.folder)
        members = store.members.all()
        group = store.groups.all()[0]
        meeting = store.meetings.start(group.id, "2026-01-02")
        session = MeetingSession(store, meeting.id)
        session.check_in(members[0].pseudonym)  # warm-up: first write after open
        samples = []
        for member in members[1 : count + 1]:
            start = time.perf_counter()
            session.check_in(member.pseudonym)
            samples.append((time.perf_counter() - start) * 1000)
        worst = max(samples)
        n_members = len(members)
    finally:
        vault.lock()
    base = median_of(_baseline(folder.parent, count))
    ours = median_of(samples)
    return [
        Row(
            "stdlib sqlite3 INSERT+COMMIT, WAL, synchronous=FULL (baseline)",
            base,
            None,
            float("inf"),
            unit="ms",
        ),
        Row(
            f"durable check-in, {n_members:,} members",
            ours,
            None,
            TARGET_MS,
            unit="ms",
            note=f"{ours / base:.2f}x the baseline; slowest {worst:.1f} ms",
        ),
    ]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
